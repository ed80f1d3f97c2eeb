//! RFC 4180 CSV: UTF-8, a header row, '.' decimals, one observation a row.

use std::io::Write;

use super::{Cell, Table};

pub fn write(table: &Table, out: &mut dyn Write) -> Result<(), csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(table.columns.iter().map(|c| c.name.as_ref()))?;
    for row in &table.rows {
        writer.write_record(row.iter().map(plain))?;
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
        Cell::Empty => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Column;

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
