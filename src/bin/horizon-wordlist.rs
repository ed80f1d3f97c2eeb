//! Builds `src/lang/data/nl-words.txt`, the Dutch word-frequency list behind hyphenation repair and
//! compound splitting, from public Dutch government text:
//!
//!     cargo run --release --bin horizon-wordlist -- ../shared/corpora corpus > src/lang/data/nl-words.txt
//!
//! It reads `nl-laws/**/*.md` (consolidated laws and policy rules, 1821-2015) and
//! `sgd-kamerstukken.jsonl` (parliamentary papers 1814-1995, OCR) under the first folder, where words
//! seen fewer than `MIN_COUNT` times are left out as OCR noise; then the `.txt` and `.md` documents of
//! the project's own corpus (the second folder), whose modern policy words (desinformatie, lockdown,
//! polarisatie) the historic text lacks, every word counted. Words are UAX #29 words of letters only,
//! lower-cased, soft hyphens removed first. A word at either side of a line-end hyphen is passed over,
//! since it is a fragment; in the OCR'd papers, whose line breaks are lost ("aftrek-baarheid"), so is
//! every word touching a hyphen.

use std::collections::HashMap;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use horizon::analysis::words;

const MIN_COUNT: u64 = 3;
const MAX_LEN: usize = 40;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .ok_or("usage: horizon-wordlist CORPORA_DIR (e.g. ../shared/corpora)")?;
    let own = std::env::args().nth(2).map(PathBuf::from).ok_or(
        "usage: horizon-wordlist CORPORA_DIR OWN_CORPUS_DIR (e.g. ../shared/corpora corpus)",
    )?;
    let mut counts: HashMap<String, u64> = HashMap::new();
    let mut files = Vec::new();
    collect(&root.join("nl-laws"), &["md"], &mut files)?;
    files.sort();
    for file in &files {
        count(&std::fs::read_to_string(file)?, false, &mut counts);
    }
    let papers = root.join("sgd-kamerstukken.jsonl");
    let reader = io::BufReader::new(std::fs::File::open(&papers)?);
    let mut papers_read = 0;
    for line in reader.lines() {
        let value: serde_json::Value = serde_json::from_str(&line?)?;
        if let Some(content) = value.get("Content").and_then(|c| c.as_str()) {
            count(content, true, &mut counts);
            papers_read += 1;
        }
    }
    counts.retain(|_, n| *n >= MIN_COUNT);
    let mut own_files = Vec::new();
    collect(&own, &["txt", "md"], &mut own_files)?;
    own_files.sort();
    for file in &own_files {
        count(&std::fs::read_to_string(file)?, false, &mut counts);
    }
    let mut rows: Vec<(String, u64)> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let out = io::stdout();
    let mut out = io::BufWriter::new(out.lock());
    writeln!(out, "# Dutch word frequencies for horizon (word<TAB>count), made by src/bin/horizon-wordlist.rs")?;
    writeln!(
        out,
        "# from {} laws and policy rules (nl-laws) and {papers_read} parliamentary papers (sgd-kamerstukken), words seen >= {MIN_COUNT} times,",
        files.len()
    )?;
    writeln!(
        out,
        "# plus every word of the {} documents of the project's corpus",
        own_files.len()
    )?;
    for (word, n) in rows {
        writeln!(out, "{word}\t{n}")?;
    }
    Ok(())
}

fn collect(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, extensions, out)?;
        } else if path
            .extension()
            .is_some_and(|e| extensions.iter().any(|x| e == *x))
        {
            out.push(path);
        }
    }
    Ok(())
}

fn count(text: &str, ocr: bool, counts: &mut HashMap<String, u64>) {
    let text = text.replace('\u{ad}', "");
    let text = text.as_str();
    for (offset, word) in words(text) {
        if word.chars().count() > MAX_LEN || !word.chars().all(char::is_alphabetic) {
            continue;
        }
        let end = offset + word.len();
        let rest = text[end..].trim_start_matches(['\u{ad}', '¬']);
        let line_end_fragment =
            rest.starts_with("-\n") || rest.starts_with("- \n") || text[..offset].ends_with("-\n");
        let touches_hyphen = rest.starts_with(['-', '¬']) || text[..offset].ends_with(['-', '¬']);
        if line_end_fragment || (ocr && touches_hyphen) {
            continue;
        }
        let lower = word.to_lowercase();
        match counts.get_mut(&lower) {
            Some(n) => *n += 1,
            None => {
                counts.insert(lower, 1);
            }
        }
    }
}
