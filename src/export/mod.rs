//! The one export path: every command builds a [`Table`] and hands it to [`Output::write`], so
//! `--format` and `--out` behave the same everywhere.
//!
//! A table is columns and rows of typed [`Cell`]s; each format writer in this folder decides how a
//! cell looks (aligned text for people, RFC 4180 CSV, JSON). Nothing here knows what a passage or a
//! hit is.

mod csv_out;
mod json_out;
mod text_out;
pub mod xlsx_out;

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;

/// The output formats, one writer each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for people.
    Table,
    /// RFC 4180 CSV: UTF-8, a header row, '.' decimals.
    Csv,
    /// One JSON array of objects.
    Json,
    /// One JSON object a line.
    Jsonl,
    /// An Excel workbook (needs --out): numbers as numbers, a settings sheet.
    Xlsx,
}

/// Where and how a command writes its table.
#[derive(Debug, Clone)]
pub struct Output {
    pub format: Format,
    pub path: Option<PathBuf>,
    /// CSV for a Dutch Excel: byte-order mark, ';' between cells, decimal comma, CRLF.
    pub excel_nl: bool,
}

/// A column of a [`Table`].
#[derive(Debug, Clone)]
pub struct Column {
    pub name: Cow<'static, str>,
    /// Shown in the human table; long fields such as a whole passage are left to the data formats.
    pub in_table: bool,
    /// In the human table, longer text is cut to this many characters.
    pub max_width: Option<usize>,
}

impl Column {
    pub fn new(name: impl Into<Cow<'static, str>>) -> Self {
        Column {
            name: name.into(),
            in_table: true,
            max_width: None,
        }
    }

    /// A column that only the data formats (csv, json, jsonl) carry.
    pub fn data_only(name: impl Into<Cow<'static, str>>) -> Self {
        Column {
            in_table: false,
            ..Column::new(name)
        }
    }

    pub fn max_width(mut self, width: usize) -> Self {
        self.max_width = Some(width);
        self
    }
}

/// One value of a table. Numbers stay numbers until a writer formats them.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    Float(f64),
    /// A yes/no: JSON true/false, CSV and tables `true`/`false`, a boolean in a workbook.
    Bool(bool),
    Empty,
}

impl From<&str> for Cell {
    fn from(value: &str) -> Self {
        Cell::Text(value.to_string())
    }
}

impl From<String> for Cell {
    fn from(value: String) -> Self {
        Cell::Text(value)
    }
}

impl From<Option<String>> for Cell {
    fn from(value: Option<String>) -> Self {
        value.map_or(Cell::Empty, Cell::Text)
    }
}

impl From<u64> for Cell {
    fn from(value: u64) -> Self {
        Cell::Int(value as i64)
    }
}

impl From<usize> for Cell {
    fn from(value: usize) -> Self {
        Cell::Int(value as i64)
    }
}

impl From<bool> for Cell {
    fn from(value: bool) -> Self {
        Cell::Bool(value)
    }
}

impl From<f64> for Cell {
    fn from(value: f64) -> Self {
        Cell::Float(value)
    }
}

/// Rows of cells under named columns.
#[derive(Debug, Clone)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// What the human table prints when there are no rows.
    pub empty_message: String,
    /// How the numbers were made (corpus, editions, lexicon, thresholds, version): the workbook's
    /// settings sheet.
    pub settings: Vec<(String, String)>,
    /// The human table shows only this many rows; the data formats always carry all.
    pub human_limit: Option<usize>,
}

impl Table {
    pub fn new(columns: Vec<Column>) -> Self {
        Table {
            columns,
            rows: Vec::new(),
            empty_message: "no rows".to_string(),
            settings: Vec::new(),
            human_limit: None,
        }
    }

    pub fn with_human_limit(mut self, limit: usize) -> Self {
        self.human_limit = Some(limit);
        self
    }

    pub fn with_settings(mut self, settings: Vec<(String, String)>) -> Self {
        self.settings = settings;
        self
    }

    pub fn with_empty_message(mut self, message: impl Into<String>) -> Self {
        self.empty_message = message.into();
        self
    }

    /// Adds a row; it must have one cell per column.
    pub fn push(&mut self, row: Vec<Cell>) {
        debug_assert_eq!(
            row.len(),
            self.columns.len(),
            "row width differs from the header"
        );
        self.rows.push(row);
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot create {path}")]
    Create {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot write the output")]
    Write(#[from] io::Error),
    #[error("cannot write CSV")]
    Csv(#[from] csv::Error),
    #[error("cannot write the workbook")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("an .xlsx workbook is not for the terminal; give --out FILE.xlsx")]
    XlsxToTerminal,
}

impl Output {
    /// Writes `table` in the chosen format to the chosen place.
    pub fn write(&self, table: &Table) -> Result<(), ExportError> {
        match &self.path {
            Some(path) => {
                let file = File::create(path).map_err(|source| ExportError::Create {
                    path: path.clone(),
                    source,
                })?;
                let mut out = BufWriter::new(file);
                self.write_to(table, &mut out, false)?;
                out.flush()?;
            }
            None if self.format == Format::Xlsx && io::stdout().is_terminal() => {
                return Err(ExportError::XlsxToTerminal);
            }
            None => {
                let stdout = io::stdout();
                let styled = stdout.is_terminal();
                let mut out = BufWriter::new(stdout.lock());
                self.write_to(table, &mut out, styled)?;
                out.flush()?;
            }
        }
        Ok(())
    }

    /// Writes `table` to `out`; `styled` allows terminal bold for highlights.
    pub fn write_to(
        &self,
        table: &Table,
        out: &mut dyn Write,
        styled: bool,
    ) -> Result<(), ExportError> {
        match self.format {
            Format::Table => text_out::write(table, out, styled)?,
            Format::Csv if self.excel_nl => csv_out::write_excel_nl(table, out)?,
            Format::Csv => csv_out::write(table, out)?,
            Format::Xlsx => xlsx_out::write(table, out)?,
            Format::Json => json_out::write_array(table, out)?,
            Format::Jsonl => json_out::write_lines(table, out)?,
        }
        Ok(())
    }
}
