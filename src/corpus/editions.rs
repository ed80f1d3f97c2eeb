//! `editions.csv`: the editions a series has and their dates, for editions that live inside another
//! edition's document (the NVS 2019 summaries inside the 2021 midterm review). Columns:
//! `series,edition,date,title`.

use std::path::Path;

use super::manifest::is_iso_date;
use super::sheet::Sheet;
use super::Problem;

/// The file's name inside a corpus folder.
pub const EDITIONS_FILE: &str = "editions.csv";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditionDef {
    pub series: String,
    pub edition: String,
    pub date: Option<String>,
    pub title: String,
}

/// Reads `path`; bad rows become problems with their line and are left out.
pub fn read(path: &Path) -> (Vec<EditionDef>, Vec<Problem>) {
    let mut editions = Vec::new();
    let mut problems = Vec::new();
    let problem = |line: usize, message: String| Problem {
        path: path.to_path_buf(),
        line: Some(line),
        message,
    };
    let sheet = match std::fs::read(path)
        .map_err(|err| format!("cannot read the file ({err})"))
        .and_then(|bytes| Sheet::parse(&bytes))
    {
        Ok(sheet) => sheet,
        Err(why) => {
            problems.push(problem(1, why));
            return (editions, problems);
        }
    };
    let Some(edition_column) = sheet.column("edition") else {
        problems.push(problem(
            1,
            "no 'edition' column; the columns are series,edition,date,title".into(),
        ));
        return (editions, problems);
    };
    problems.extend(
        sheet
            .unreadable
            .iter()
            .map(|(line, why)| problem(*line, why.clone())),
    );
    for row in &sheet.rows {
        let edition = row.get(Some(edition_column)).to_string();
        if edition.is_empty() {
            continue;
        }
        let date = row.get(sheet.column("date")).to_string();
        if !date.is_empty() && !is_iso_date(&date) {
            problems.push(problem(
                row.line,
                format!("date '{date}' is not a date in the form YYYY-MM-DD"),
            ));
            continue;
        }
        editions.push(EditionDef {
            series: row.get(sheet.column("series")).to_string(),
            edition,
            date: (!date.is_empty()).then_some(date),
            title: row.get(sheet.column("title")).to_string(),
        });
    }
    (editions, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_editions_and_reports_bad_dates() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(EDITIONS_FILE);
        std::fs::write(
            &path,
            "series,edition,date,title\nNationale Veiligheid Strategie,NVS 2019,2019-06-07,Nationale Veiligheid Strategie 2019\nNationale Veiligheid Strategie,NVS 2023,juni 2023,\n",
        )
        .unwrap();
        let (editions, problems) = read(&path);
        assert_eq!(editions.len(), 1);
        assert_eq!(editions[0].edition, "NVS 2019");
        assert_eq!(editions[0].date.as_deref(), Some("2019-06-07"));
        assert_eq!(problems.len(), 1);
        assert!(problems[0]
            .to_string()
            .ends_with(":3: date 'juni 2023' is not a date in the form YYYY-MM-DD"));
    }
}
