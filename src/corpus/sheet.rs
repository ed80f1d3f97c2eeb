//! Spreadsheet CSV as analysts save it: a header row, trimmed cells, an optional byte-order mark,
//! rows of any width, blank rows ignored. The manifest, the editions file and the lexicon all read
//! through here, so they forgive and report alike.

/// One data row with its line in the file (the header is line 1).
#[derive(Debug, Clone)]
pub struct Row {
    pub line: usize,
    cells: Vec<String>,
}

impl Row {
    /// The cell in `column`, or "" where the row has none.
    pub fn get(&self, column: Option<usize>) -> &str {
        column
            .and_then(|c| self.cells.get(c))
            .map_or("", String::as_str)
    }
}

/// A row of a sheet that was left out: file, line and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub file: std::path::PathBuf,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
    }
}

/// A sheet read for use: the sheet, the positions of its known columns, its unreadable rows.
pub type ReadSheet = (Sheet, Vec<Option<usize>>, Vec<RowProblem>);

/// A read sheet: its lower-cased header, its rows, and the rows that could not be read.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub header: Vec<String>,
    pub rows: Vec<Row>,
    /// (line, what went wrong) for rows that could not be read.
    pub unreadable: Vec<(usize, String)>,
}

impl Sheet {
    /// Parses CSV bytes; `Err` carries why the header could not be read.
    pub fn parse(bytes: &[u8]) -> Result<Sheet, String> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(bytes);
        let header = reader
            .headers()
            .map_err(|err| format!("unreadable header ({err})"))?
            .iter()
            .map(str::to_lowercase)
            .collect();
        let mut sheet = Sheet {
            header,
            ..Sheet::default()
        };
        for record in reader.records() {
            match record {
                Ok(record) if record.iter().all(str::is_empty) => {}
                Ok(record) => sheet.rows.push(Row {
                    line: record.position().map_or(0, |p| p.line() as usize),
                    cells: record.iter().map(String::from).collect(),
                }),
                Err(err) => sheet.unreadable.push((
                    err.position().map_or(0, |p| p.line() as usize),
                    format!("unreadable row ({err}); check its quotes"),
                )),
            }
        }
        Ok(sheet)
    }

    /// The position of column `name` (lower case).
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    /// Parses `bytes` from `file` and finds its columns (see [`Sheet::columns`]); a sheet that
    /// cannot be used is one problem on line 1, and its unreadable rows are problems too.
    pub fn read(
        file: &std::path::Path,
        bytes: &[u8],
        known: &[&str],
        required: &[&str],
    ) -> Result<ReadSheet, RowProblem> {
        let problem = |line: usize, message: String| RowProblem {
            file: file.to_path_buf(),
            line,
            message,
        };
        let sheet = Sheet::parse(bytes).map_err(|why| problem(1, why))?;
        let columns = sheet
            .columns(known, required)
            .map_err(|why| problem(1, why))?;
        let unreadable = sheet
            .unreadable
            .iter()
            .map(|(line, why)| problem(*line, why.clone()))
            .collect();
        Ok((sheet, columns, unreadable))
    }

    /// The positions of the `known` columns, in their order; `Err` says which column is unknown
    /// or which of `required` is missing, naming the known ones.
    pub fn columns(&self, known: &[&str], required: &[&str]) -> Result<Vec<Option<usize>>, String> {
        if let Some(unknown) = self.header.iter().find(|h| !known.contains(&h.as_str())) {
            return Err(format!(
                "unknown column '{unknown}'; the columns are {}",
                known.join(",")
            ));
        }
        if let Some(missing) = required.iter().find(|c| self.column(c).is_none()) {
            return Err(format!(
                "no '{missing}' column; the columns are {}",
                known.join(",")
            ));
        }
        Ok(known.iter().map(|c| self.column(c)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_spreadsheet_export() {
        let sheet = Sheet::parse(
            b"\xEF\xBB\xBFFile, Edition\n nvs.txt , NVS 2019 \n\n,\nkort\nge\xEFntegreerd,x\n",
        )
        .unwrap();
        assert_eq!(sheet.header, ["file", "edition"]);
        assert_eq!(sheet.rows.len(), 2);
        assert_eq!(sheet.rows[0].get(sheet.column("edition")), "NVS 2019");
        assert_eq!(sheet.rows[0].line, 2);
        assert_eq!(
            sheet.rows[1].get(sheet.column("edition")),
            "",
            "a short row has empty cells"
        );
        assert_eq!(sheet.rows[1].line, 5);
        // A Windows-1252 byte in a row: that row is reported, not the sheet.
        assert_eq!(sheet.unreadable.len(), 1);
        assert_eq!(sheet.unreadable[0].0, 6);
    }
}
