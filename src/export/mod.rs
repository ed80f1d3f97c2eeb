//! The one export path: every command builds a [`Table`] and hands it to [`Output::write`], so
//! `--format` and `--out` behave the same everywhere.
//!
//! A table is columns and rows of typed [`Cell`]s; each format writer in this folder decides how a
//! cell looks (aligned text for people, RFC 4180 CSV, JSON). Nothing here knows what a passage or a
//! hit is.

mod csv_out;
mod json_out;
mod page_out;
mod text_out;
pub mod xlsx_out;

pub use page_out::escape;

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
    /// Markdown tables, to paste into a memo.
    Md,
    /// An HTML page, to mail.
    Html,
}

/// A result of several tables, each under its heading: `horizon news`.
#[derive(Debug, Clone)]
pub struct Sections {
    pub title: String,
    /// Lines said before the tables (what the numbers are about).
    pub intro: Vec<String>,
    /// Heading, sheet name (at most 31 characters), table.
    pub parts: Vec<(String, &'static str, Table)>,
    pub settings: Vec<(String, String)>,
}

impl Sections {
    /// All parts as one table for CSV and JSON Lines: a `section` column, then every part's
    /// columns in order of first appearance, empty where a part has no such column.
    pub fn flattened(&self) -> Table {
        let mut names: Vec<Cow<'static, str>> = Vec::new();
        for (_, _, table) in &self.parts {
            for column in &table.columns {
                if !names.contains(&column.name) {
                    names.push(column.name.clone());
                }
            }
        }
        let mut columns = vec![Column::new("section")];
        columns.extend(names.iter().cloned().map(Column::new));
        let mut flat = Table::new(columns).with_settings(self.settings.clone());
        for (_, sheet, table) in &self.parts {
            for row in &table.rows {
                let mut cells = vec![Cell::from(*sheet); names.len() + 1];
                for cell in cells.iter_mut().skip(1) {
                    *cell = Cell::Empty;
                }
                for (column, cell) in table.columns.iter().zip(row) {
                    let at = names.iter().position(|n| *n == column.name).expect("named");
                    cells[at + 1] = cell.clone();
                }
                flat.push(cells);
            }
        }
        flat
    }
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
        self.to_destination(|out, styled| self.write_to(table, out, styled))
    }

    /// Runs `write` on the file of `--out` or on standard output (styled when a terminal); a
    /// workbook is not written to a terminal.
    fn to_destination(
        &self,
        write: impl FnOnce(&mut dyn Write, bool) -> Result<(), ExportError>,
    ) -> Result<(), ExportError> {
        match &self.path {
            Some(path) => {
                let file = File::create(path).map_err(|source| ExportError::Create {
                    path: path.clone(),
                    source,
                })?;
                let mut out = BufWriter::new(file);
                write(&mut out, false)?;
                out.flush()?;
            }
            None if self.format == Format::Xlsx && io::stdout().is_terminal() => {
                return Err(ExportError::XlsxToTerminal);
            }
            None => {
                let stdout = io::stdout();
                let styled = stdout.is_terminal();
                let mut out = BufWriter::new(stdout.lock());
                write(&mut out, styled)?;
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
            Format::Md => page_out::write_markdown(table, out)?,
            Format::Html => page_out::write_html_page("horizon", out, |out| {
                page_out::write_html_table(table, out)
            })?,
        }
        Ok(())
    }

    /// Writes `sections` in the chosen format to the chosen place: a heading and a table each for
    /// people (table, md, html), a sheet each in a workbook, one flattened table in CSV and JSON
    /// Lines, and `json` (built by the command, its rows as [`row_object`] makes them) as JSON.
    pub fn write_sections(
        &self,
        sections: &Sections,
        json: impl FnOnce() -> serde_json::Value,
    ) -> Result<(), ExportError> {
        self.to_destination(|out, styled| self.write_sections_to(sections, json, out, styled))
    }

    pub fn write_sections_to(
        &self,
        sections: &Sections,
        json: impl FnOnce() -> serde_json::Value,
        out: &mut dyn Write,
        styled: bool,
    ) -> Result<(), ExportError> {
        match self.format {
            Format::Table => {
                writeln!(out, "{}", sections.title)?;
                for line in &sections.intro {
                    writeln!(out, "{line}")?;
                }
                for (heading, _, table) in &sections.parts {
                    writeln!(out, "\n{heading}\n")?;
                    text_out::write(table, out, styled)?;
                }
            }
            Format::Md => {
                writeln!(out, "# {}\n", sections.title)?;
                for line in &sections.intro {
                    writeln!(out, "{line}  ")?;
                }
                for (heading, _, table) in &sections.parts {
                    writeln!(out, "\n## {heading}\n")?;
                    page_out::write_markdown(table, out)?;
                }
            }
            Format::Html => page_out::write_html_page(&sections.title, out, |out| {
                writeln!(out, "<h1>{}</h1>", page_out::escape(&sections.title))?;
                for line in &sections.intro {
                    writeln!(out, "<p>{}</p>", page_out::escape(line))?;
                }
                for (heading, _, table) in &sections.parts {
                    writeln!(out, "<h2>{}</h2>", page_out::escape(heading))?;
                    page_out::write_html_table(table, out)?;
                }
                Ok(())
            })?,
            Format::Xlsx => {
                let sheets: Vec<(&str, &Table)> = sections
                    .parts
                    .iter()
                    .map(|(_, sheet, table)| (*sheet, table))
                    .collect();
                xlsx_out::write_sheets(&sheets, &sections.settings, out)?;
            }
            Format::Json => {
                serde_json::to_writer_pretty(&mut *out, &json()).map_err(io::Error::from)?;
                writeln!(out)?;
            }
            Format::Csv | Format::Jsonl => self.write_to(&sections.flattened(), out, styled)?,
        }
        Ok(())
    }
}

/// A row of `table` as the JSON object `--format json` writes for it.
pub fn row_object(table: &Table, row: &[Cell]) -> serde_json::Value {
    json_out::object(table, row)
}
