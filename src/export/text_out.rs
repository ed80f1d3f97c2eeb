//! The human table: aligned columns, long text cut with an ellipsis, highlights in bold on a terminal.
//!
//! Highlights travel through every format as `**word**`; only here, on a terminal, do they become bold.

use std::io::{self, Write};

use super::{Cell, Table};

const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

pub fn write(table: &Table, out: &mut dyn Write, styled: bool) -> io::Result<()> {
    if table.rows.is_empty() {
        return writeln!(out, "{}", table.empty_message);
    }
    // Columns with nothing in them (no document when counting per edition) only take room.
    let shown: Vec<usize> = (0..table.columns.len())
        .filter(|&i| table.columns[i].in_table)
        .filter(|&i| table.rows.iter().any(|row| row[i] != Cell::Empty))
        .collect();
    let shown_rows = table
        .human_limit
        .unwrap_or(usize::MAX)
        .min(table.rows.len());
    let cells: Vec<Vec<String>> = table.rows[..shown_rows]
        .iter()
        .map(|row| {
            shown
                .iter()
                .map(|&i| fit(&display(&row[i]), table.columns[i].max_width))
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = shown
        .iter()
        .map(|&i| table.columns[i].name.chars().count())
        .collect();
    for row in &cells {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(visible_len(cell));
        }
    }
    let header: Vec<String> = shown
        .iter()
        .map(|&i| table.columns[i].name.to_string())
        .collect();
    write_row(out, &header, &widths, false)?;
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    write_row(out, &rule, &widths, false)?;
    for row in &cells {
        write_row(out, row, &widths, styled)?;
    }
    if shown_rows < table.rows.len() {
        writeln!(
            out,
            "… {} more rows; --format csv, json or xlsx carries them all",
            table.rows.len() - shown_rows
        )?;
    }
    Ok(())
}

fn write_row(
    out: &mut dyn Write,
    row: &[String],
    widths: &[usize],
    styled: bool,
) -> io::Result<()> {
    let last = row.len() - 1;
    let mut line = String::new();
    for (i, cell) in row.iter().enumerate() {
        let text = if styled { embolden(cell) } else { cell.clone() };
        line.push_str(&text);
        if i < last {
            let pad = widths[i] - visible_len(cell) + 2;
            line.extend(std::iter::repeat_n(' ', pad));
        }
    }
    writeln!(out, "{}", line.trim_end())
}

fn display(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => text.split_whitespace().collect::<Vec<_>>().join(" "),
        Cell::Int(n) => n.to_string(),
        Cell::Float(x) => format!("{x:.3}"),
        Cell::Bool(b) => b.to_string(),
        Cell::Empty => String::new(),
    }
}

/// Cuts `text` to `max` visible characters, ending in an ellipsis, keeping highlight markers paired.
fn fit(text: &str, max: Option<usize>) -> String {
    let Some(max) = max else {
        return text.to_string();
    };
    if visible_len(text) <= max {
        return text.to_string();
    }
    let mut cut = String::new();
    let mut visible = 0;
    let mut open = false;
    let mut rest = text;
    while visible < max.saturating_sub(1) {
        if let Some(after) = rest.strip_prefix("**") {
            cut.push_str("**");
            open = !open;
            rest = after;
            continue;
        }
        let Some(c) = rest.chars().next() else { break };
        cut.push(c);
        visible += 1;
        rest = &rest[c.len_utf8()..];
    }
    if open {
        cut.push_str("**");
    }
    cut.push('…');
    cut
}

fn visible_len(text: &str) -> usize {
    text.chars().count() - 2 * text.matches("**").count()
}

fn embolden(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (i, part) in text.split("**").enumerate() {
        if i % 2 == 1 {
            out.push_str(BOLD);
            out.push_str(part);
            out.push_str(RESET);
        } else {
            out.push_str(part);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Column;

    #[test]
    fn aligns_by_characters_not_bytes() {
        let mut table = Table::new(vec![Column::new("woord"), Column::new("n")]);
        table.push(vec!["geïntegreerde".into(), Cell::Int(3)]);
        table.push(vec!["één".into(), Cell::Int(12)]);
        let mut out = Vec::new();
        write(&table, &mut out, false).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "woord          n\n-------------  --\ngeïntegreerde  3\néén            12\n"
        );
    }

    #[test]
    fn leaves_out_empty_columns() {
        let mut table = Table::new(vec![
            Column::new("edition"),
            Column::new("doc"),
            Column::new("n"),
        ]);
        table.push(vec!["NVS 2019".into(), Cell::Empty, Cell::Int(3)]);
        let mut out = Vec::new();
        write(&table, &mut out, false).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "edition   n\n--------  -\nNVS 2019  3\n"
        );
    }

    #[test]
    fn cuts_long_text_and_closes_highlights() {
        assert_eq!(fit("de **weerbaarheid** tegen", Some(10)), "de **weerba**…");
        assert_eq!(embolden("de **dreiging**"), "de \x1b[1mdreiging\x1b[0m");
    }
}
