//! Search quality: a set of queries, each with a quote from the passage it must find, and the
//! measures of how well an index answers them (success at 5, reciprocal rank at 10).

use std::path::{Path, PathBuf};

use super::reader::HorizonIndex;
use super::search::SearchError;

/// A quality set: its queries and the corpus they search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuerySet {
    /// The file name without `.tsv`.
    pub name: String,
    /// What the `# corpus:` line names; empty when the set has none.
    pub corpus: Vec<PathBuf>,
    pub cases: Vec<QueryCase>,
}

/// One query of a quality set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryCase {
    pub id: String,
    pub phenomenon: String,
    pub query: String,
    pub quote: String,
}

#[derive(Debug, thiserror::Error)]
pub enum QualityError {
    #[error("cannot read the query set {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: csv::Error,
    },
    #[error(
        "{path}:{line}: a row needs four cells (id, phenomenon, query, quote) separated by tabs"
    )]
    Row { path: PathBuf, line: u64 },
    #[error("{0}: the query set has no queries")]
    Empty(PathBuf),
}

/// Reads a query set: its cases, and the paths of a `# corpus: PATH ...` line.
pub fn read_set(path: &Path) -> Result<QuerySet, QualityError> {
    let cases = read_cases(path)?;
    let text = std::fs::read_to_string(path).map_err(|source| QualityError::Read {
        path: path.to_path_buf(),
        source: source.into(),
    })?;
    let corpus = text
        .lines()
        .find_map(|line| line.strip_prefix("# corpus:"))
        .map(|paths| paths.split_whitespace().map(PathBuf::from).collect())
        .unwrap_or_default();
    let name = path.file_stem().map_or_else(
        || path.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    Ok(QuerySet {
        name,
        corpus,
        cases,
    })
}

/// Reads a tab-separated query set with the header `id, phenomenon, query, quote`; lines that
/// start with `#` are comments.
fn read_cases(path: &Path) -> Result<Vec<QueryCase>, QualityError> {
    let read_err = |source| QualityError::Read {
        path: path.to_path_buf(),
        source,
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .quoting(false)
        .comment(Some(b'#'))
        .flexible(true)
        .from_path(path)
        .map_err(read_err)?;
    let mut cases = Vec::new();
    for record in reader.records() {
        let record = record.map_err(read_err)?;
        let line = record.position().map_or(0, |p| p.line());
        if record.len() != 4 || record.iter().any(|cell| cell.trim().is_empty()) {
            return Err(QualityError::Row {
                path: path.to_path_buf(),
                line,
            });
        }
        cases.push(QueryCase {
            id: record[0].trim().to_string(),
            phenomenon: record[1].trim().to_string(),
            query: record[2].trim().to_string(),
            quote: record[3].trim().to_string(),
        });
    }
    if cases.is_empty() {
        return Err(QualityError::Empty(path.to_path_buf()));
    }
    Ok(cases)
}

/// Text compared loosely: lower case, straight quotes, single spaces.
pub fn loose(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars().flat_map(char::to_lowercase) {
            match c {
                '’' | '‘' => out.push('\''),
                '“' | '”' => out.push('"'),
                '\u{ad}' => {}
                other => out.push(other),
            }
        }
    }
    out
}

/// The rank (1-based, within `depth`) of the first hit whose passage holds the case's quote.
pub fn rank(
    index: &HorizonIndex,
    case: &QueryCase,
    depth: usize,
) -> Result<Option<usize>, SearchError> {
    let quote = loose(&case.quote);
    let hits = index
        .search(&case.query, &super::Filter::default(), depth)?
        .hits;
    Ok(hits
        .iter()
        .find(|hit| loose(&hit.record.text).contains(&quote))
        .map(|hit| hit.rank))
}

/// Success at k and mean reciprocal rank at `depth` of a list of ranks.
pub fn measures(ranks: &[Option<usize>], k: usize) -> (f64, f64) {
    if ranks.is_empty() {
        return (0.0, 0.0);
    }
    let n = ranks.len() as f64;
    let success = ranks.iter().filter(|r| r.is_some_and(|r| r <= k)).count() as f64 / n;
    let mrr = ranks
        .iter()
        .map(|r| r.map_or(0.0, |r| 1.0 / r as f64))
        .sum::<f64>()
        / n;
    (success, mrr)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_quotes_loosely() {
        assert_eq!(
            loose("de risico’s  en\nDreigingen"),
            "de risico's en dreigingen"
        );
        assert_eq!(loose("non-pro\u{ad}liferatie"), "non-proliferatie");
    }

    #[test]
    fn measures_success_and_reciprocal_rank() {
        let (success, mrr) = measures(&[Some(1), Some(2), Some(7), None], 5);
        assert!((success - 0.5).abs() < 1e-12);
        assert!((mrr - (1.0 + 0.5 + 1.0 / 7.0) / 4.0).abs() < 1e-12);
    }
}
