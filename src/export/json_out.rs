//! JSON: one array of objects, or one object a line (JSON Lines). Keys keep the column order.

use std::io::{self, Write};

use serde_json::{Map, Number, Value};

use super::{Cell, Table};

pub fn write_array(table: &Table, out: &mut dyn Write) -> io::Result<()> {
    let rows: Vec<Value> = table.rows.iter().map(|row| object(table, row)).collect();
    serde_json::to_writer_pretty(&mut *out, &rows)?;
    writeln!(out)
}

pub fn write_lines(table: &Table, out: &mut dyn Write) -> io::Result<()> {
    for row in &table.rows {
        serde_json::to_writer(&mut *out, &object(table, row))?;
        writeln!(out)?;
    }
    Ok(())
}

/// A row as a JSON object, keys in column order.
pub fn object(table: &Table, row: &[Cell]) -> Value {
    let mut map = Map::with_capacity(row.len());
    for (column, cell) in table.columns.iter().zip(row) {
        map.insert(column.name.to_string(), value(cell));
    }
    Value::Object(map)
}

fn value(cell: &Cell) -> Value {
    match cell {
        Cell::Text(text) => Value::String(text.clone()),
        Cell::Int(n) => Value::Number((*n).into()),
        // JSON has no NaN or infinity; null says "no number" honestly.
        Cell::Float(x) => Number::from_f64(*x).map_or(Value::Null, Value::Number),
        Cell::Bool(b) => Value::Bool(*b),
        Cell::Empty => Value::Null,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Column;

    #[test]
    fn lines_keep_column_order_and_types() {
        let mut table = Table::new(vec![Column::new("passage"), Column::new("words")]);
        table.push(vec!["nvs#3".into(), Cell::Int(42)]);
        table.push(vec!["geïntegreerde".into(), Cell::Empty]);
        let mut out = Vec::new();
        write_lines(&table, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"passage\":\"nvs#3\",\"words\":42}\n{\"passage\":\"geïntegreerde\",\"words\":null}\n"
        );
    }
}
