//! XLSX: a real workbook. Numbers stay numbers, the header row is bold and frozen, an autofilter
//! covers the table, and a second sheet records the settings the numbers were made with.

use std::io::Write;

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::{Cell, Table};

/// The first sheet's name; the second is "settings".
pub const DATA_SHEET: &str = "data";
pub const SETTINGS_SHEET: &str = "settings";
/// Excel's own limit on the characters in one cell.
const CELL_LIMIT: usize = 32_767;

pub fn write(table: &Table, out: &mut dyn Write) -> Result<(), XlsxError> {
    write_sheets(&[(DATA_SHEET, table)], &table.settings, out)
}

/// A workbook with a sheet per table, in order, and the settings sheet last.
pub fn write_sheets(
    tables: &[(&str, &Table)],
    settings: &[(String, String)],
    out: &mut dyn Write,
) -> Result<(), XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    for (name, table) in tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(*name)?;
        write_sheet(sheet, table, &bold)?;
    }
    let sheet = workbook.add_worksheet();
    sheet.set_name(SETTINGS_SHEET)?;
    sheet.write_string_with_format(0, 0, "setting", &bold)?;
    sheet.write_string_with_format(0, 1, "value", &bold)?;
    sheet.set_column_width(0, 28)?;
    sheet.set_column_width(1, 90)?;
    for (i, (name, value)) in settings.iter().enumerate() {
        sheet.write_string(i as u32 + 1, 0, name)?;
        sheet.write_string(i as u32 + 1, 1, value)?;
    }
    let bytes = workbook.save_to_buffer()?;
    out.write_all(&bytes).map_err(XlsxError::IoError)?;
    Ok(())
}

fn write_sheet(
    sheet: &mut rust_xlsxwriter::Worksheet,
    table: &Table,
    bold: &Format,
) -> Result<(), XlsxError> {
    for (col, column) in table.columns.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, column.name.as_ref(), bold)?;
        let widest = table
            .rows
            .iter()
            .map(|row| width(&row[col]))
            .chain([column.name.chars().count()])
            .max()
            .unwrap_or(8);
        sheet.set_column_width(col as u16, (widest.clamp(6, 60) + 2) as f64)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(text) => {
                    let text: String = text.chars().take(CELL_LIMIT).collect();
                    sheet.write_string(r, c, text)?;
                }
                Cell::Int(n) => {
                    sheet.write_number(r, c, *n as f64)?;
                }
                Cell::Bool(b) => {
                    sheet.write_boolean(r, c, *b)?;
                }
                Cell::Float(x) if x.is_finite() => {
                    sheet.write_number(r, c, *x)?;
                }
                Cell::Float(_) | Cell::Empty => {}
            }
        }
    }
    let last_col = table.columns.len().saturating_sub(1) as u16;
    sheet.autofilter(0, 0, table.rows.len() as u32, last_col)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn width(cell: &Cell) -> usize {
    match cell {
        Cell::Text(text) => text.chars().count(),
        Cell::Int(n) => n.to_string().len(),
        Cell::Float(_) => 10,
        Cell::Bool(_) => 5,
        Cell::Empty => 0,
    }
}
