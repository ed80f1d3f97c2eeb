//! RFC 4180 CSV: UTF-8, a header row, '.' decimals, one observation a row; and the same for a Dutch
//! Excel, which reads ';' as the separator, ',' as the decimal mark, and UTF-8 only after a
//! byte-order mark.

use std::io::Write;

use super::{Cell, Table};

pub fn write(table: &Table, out: &mut dyn Write) -> Result<(), csv::Error> {
    write_with(table, out, b',', plain)
}

pub fn write_excel_nl(table: &Table, out: &mut dyn Write) -> Result<(), csv::Error> {
    out.write_all(b"\xEF\xBB\xBF")?;
    write_with(table, out, b';', |cell| match cell {
        Cell::Float(x) => x.to_string().replace('.', ","),
        other => plain(other),
    })
}

fn write_with(
    table: &Table,
    out: &mut dyn Write,
    delimiter: u8,
    text: impl Fn(&Cell) -> String,
) -> Result<(), csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(table.columns.iter().map(|c| c.name.as_ref()))?;
    for row in &table.rows {
        writer.write_record(row.iter().map(&text))?;
    }
    writer.flush()?;
    Ok(())
}

/// A cell as CSV text: numbers in their shortest exact form.
fn plain(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => text.clone(),
        Cell::Int(n) => n.to_string(),
        Cell::Float(x) => x.to_string(),
        Cell::Bool(b) => b.to_string(),
        Cell::Empty => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Column;

    #[test]
    fn excel_nl_has_bom_semicolons_decimal_commas_and_crlf() {
        let mut table = Table::new(vec![
            Column::new("signal"),
            Column::new("per_10k"),
            Column::new("n"),
        ]);
        table.push(vec!["één; twee".into(), Cell::Float(11.589), Cell::Int(13)]);
        let mut out = Vec::new();
        write_excel_nl(&table, &mut out).unwrap();
        assert_eq!(
            out,
            "\u{feff}signal;per_10k;n\r\n\"één; twee\";11,589;13\r\n".as_bytes()
        );
    }

    #[test]
    fn quotes_fields_with_separators_and_keeps_accents() {
        let mut table = Table::new(vec![Column::new("text"), Column::new("per_10k")]);
        table.push(vec!["risico’s, één \"kern\"".into(), Cell::Float(2.5)]);
        let mut out = Vec::new();
        write(&table, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "text,per_10k\r\n\"risico’s, één \"\"kern\"\"\",2.5\r\n"
        );
    }
}
