//! Scans: the history of ingests. Every ingest, even one that finds nothing new, appends what it
//! added, changed and removed to `scans.jsonl` in the index folder, beside the generations, so the
//! history survives every update and rebuild. Each passage carries the number of the scan that
//! indexed its document as it is now; "new since the last scan" is a range over that number.

use std::fs;
use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::IndexError;

/// The log of scans in an index folder, one JSON object a line.
pub const SCANS_FILE: &str = "scans.jsonl";

/// One ingest run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scan {
    /// 1 for the first ingest into the folder.
    pub number: u64,
    /// Seconds since the Unix epoch when it finished.
    pub at: u64,
    /// Documents new to the index, and documents whose text or manifest row changed.
    pub added: Vec<String>,
    pub changed: Vec<String>,
    /// Documents gone from the corpus, and so from the index.
    pub removed: Vec<String>,
    /// Passages of the added and changed documents.
    pub passages: u64,
    /// Editions that were not in the index before.
    pub editions: Vec<String>,
}

impl Scan {
    /// Scan `number`, finishing now, that brought nothing (yet).
    pub fn empty(number: u64) -> Scan {
        Scan {
            number,
            at: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
            added: Vec::new(),
            changed: Vec::new(),
            removed: Vec::new(),
            passages: 0,
            editions: Vec::new(),
        }
    }

    /// Whether the scan brought anything: a rerun on an unchanged corpus brings nothing.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }

    /// The day it finished, `YYYY-MM-DD` (UTC).
    pub fn day(&self) -> String {
        day_of(self.at)
    }
}

/// Every scan recorded in the index folder `dir`, oldest first; none for a new folder. A line that
/// does not parse (a log cut short by a full disk) ends the history there.
pub fn read(dir: &Path) -> Vec<Scan> {
    let Ok(text) = fs::read_to_string(dir.join(SCANS_FILE)) else {
        return Vec::new();
    };
    text.lines()
        .map_while(|line| serde_json::from_str(line).ok())
        .collect()
}

/// Appends `scan` to the log in `dir` (the ingest lock is held).
pub fn append(dir: &Path, scan: &Scan) -> Result<(), IndexError> {
    let path = dir.join(SCANS_FILE);
    let io_err = |source| IndexError::Write {
        path: path.clone(),
        source,
    };
    let mut line = serde_json::to_string(scan).expect("a scan serialises");
    line.push('\n');
    let mut file = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .map_err(io_err)?;
    file.write_all(line.as_bytes()).map_err(io_err)?;
    file.sync_all().map_err(io_err)
}

/// `YYYY-MM-DD` of a Unix time in seconds (UTC), by the civil-from-days algorithm.
pub fn day_of(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_civil_dates() {
        assert_eq!(day_of(0), "1970-01-01");
        // The NVS midterm review's date, and a leap day.
        assert_eq!(day_of(1_615_161_600), "2021-03-08");
        assert_eq!(day_of(1_709_164_800), "2024-02-29");
    }

    #[test]
    fn the_log_keeps_every_scan_and_stops_at_a_broken_line() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read(dir.path()).is_empty());
        let scan = |number: u64, added: &[&str]| Scan {
            number,
            at: 1_615_161_600 + number,
            added: added.iter().map(|s| s.to_string()).collect(),
            changed: Vec::new(),
            removed: Vec::new(),
            passages: 3,
            editions: vec!["NVS midterm review 2021".into()],
        };
        append(dir.path(), &scan(1, &["nvs-2019"])).unwrap();
        append(dir.path(), &scan(2, &[])).unwrap();
        let scans = read(dir.path());
        assert_eq!(scans, vec![scan(1, &["nvs-2019"]), scan(2, &[])]);
        assert!(!scans[0].is_empty() && scans[1].is_empty());
        let mut file = fs::OpenOptions::new()
            .append(true)
            .open(dir.path().join(SCANS_FILE))
            .unwrap();
        file.write_all(b"{\"number\": 3, \"at\"").unwrap();
        assert_eq!(read(dir.path()).len(), 2);
    }
}
