//! Markdown and HTML: tables to paste into a memo or mail as a digest. The columns are those of the
//! human table, the cells whole; `**word**` highlights stay bold in Markdown and become `<mark>` in
//! HTML, where every value is escaped.

use std::io::{self, Write};

use super::{Cell, Table};

/// The columns the human table shows.
fn shown(table: &Table) -> Vec<usize> {
    (0..table.columns.len())
        .filter(|&i| table.columns[i].in_table)
        .collect()
}

fn text(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => text.clone(),
        Cell::Int(n) => n.to_string(),
        Cell::Float(x) if x.is_finite() => format!("{x:.3}"),
        Cell::Bool(true) => "ja".to_string(),
        Cell::Bool(false) => "nee".to_string(),
        Cell::Float(_) | Cell::Empty => String::new(),
    }
}

/// A Markdown table (GitHub's pipe tables), or the table's empty message.
pub fn write_markdown(table: &Table, out: &mut dyn Write) -> io::Result<()> {
    if table.rows.is_empty() {
        return writeln!(out, "_{}_", table.empty_message);
    }
    let columns = shown(table);
    let cell = |value: &str| value.replace('|', "\\|").replace(['\n', '\r'], " ");
    let header: Vec<String> = columns
        .iter()
        .map(|&i| cell(&table.columns[i].name))
        .collect();
    writeln!(out, "| {} |", header.join(" | "))?;
    writeln!(out, "|{}", "---|".repeat(columns.len()))?;
    for row in &table.rows {
        let cells: Vec<String> = columns.iter().map(|&i| cell(&text(&row[i]))).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

/// Text as HTML: the five characters that could end a value or start markup, escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escaped text with its `**...**` highlights marked.
fn marked(text: &str) -> String {
    text.split("**")
        .enumerate()
        .map(|(i, piece)| {
            if i % 2 == 1 {
                format!("<mark>{}</mark>", escape(piece))
            } else {
                escape(piece)
            }
        })
        .collect()
}

/// An HTML table, or the table's empty message as a paragraph.
pub fn write_html_table(table: &Table, out: &mut dyn Write) -> io::Result<()> {
    if table.rows.is_empty() {
        return writeln!(out, "<p>{}</p>", escape(&table.empty_message));
    }
    let columns = shown(table);
    write!(out, "<table><thead><tr>")?;
    for &i in &columns {
        write!(
            out,
            "<th scope=\"col\">{}</th>",
            escape(&table.columns[i].name)
        )?;
    }
    writeln!(out, "</tr></thead><tbody>")?;
    for row in &table.rows {
        write!(out, "<tr>")?;
        for &i in &columns {
            write!(out, "<td>{}</td>", marked(&text(&row[i])))?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody></table>")
}

/// A whole HTML page around `body`: inline styles only, nothing from the network.
pub fn write_html_page(
    title: &str,
    out: &mut dyn Write,
    body: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    writeln!(
        out,
        "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>{}</title>\
         <style>body{{font:15px/1.45 system-ui,sans-serif;color:#1b1b1b;max-width:70rem;margin:1rem auto;padding:0 1rem}}\
         table{{border-collapse:collapse;margin-bottom:1rem}}td,th{{text-align:left;vertical-align:top;padding:.15rem .6rem .15rem 0;border-bottom:1px solid #ddd}}\
         mark{{background:#ffe27a}}</style></head><body>",
        escape(title)
    )?;
    body(out)?;
    writeln!(out, "</body></html>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Column;

    fn table() -> Table {
        let mut table = Table::new(vec![
            Column::new("term"),
            Column::new("context"),
            Column::data_only("hidden"),
        ]);
        table.push(vec![
            "coronacrisis".into(),
            "de **coronacrisis** | <script>alert(1)</script> en één".into(),
            "x".into(),
        ]);
        table
    }

    #[test]
    fn markdown_escapes_pipes_and_keeps_highlights() {
        let mut out = Vec::new();
        write_markdown(&table(), &mut out).unwrap();
        let md = String::from_utf8(out).unwrap();
        assert_eq!(
            md,
            "| term | context |\n|---|---|\n| coronacrisis | de **coronacrisis** \\| <script>alert(1)</script> en één |\n"
        );
    }

    #[test]
    fn html_escapes_every_value_and_marks_highlights() {
        let mut out = Vec::new();
        write_html_table(&table(), &mut out).unwrap();
        let html = String::from_utf8(out).unwrap();
        assert!(html.contains(
            "de <mark>coronacrisis</mark> | &lt;script&gt;alert(1)&lt;/script&gt; en één"
        ));
        assert!(!html.contains("hidden"));
    }
}
