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
