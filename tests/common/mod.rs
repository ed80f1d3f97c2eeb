//! What the integration tests share: running the binary, and the structure gold file with the
//! accuracy of an index against it (asserted on the text seed in tests/cli.rs and on the seed laid
//! out as a PDF in tests/pdf.rs).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use tempfile::TempDir;

pub const SEED_DOC: &str = "nvs-midterm-review-2021";
pub const SEED_EDITION: &str = "NVS midterm review 2021";

pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

pub fn horizon(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_horizon"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the horizon binary runs")
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

/// A fresh index of the real corpus in its own temporary folder.
pub struct Indexed {
    pub _dir: TempDir,
    pub index: String,
}

pub fn ingest_real_corpus() -> Indexed {
    let dir = TempDir::new().unwrap();
    let index = dir.path().join("index").display().to_string();
    let corpus = corpus_dir().display().to_string();
    let out = horizon(&["ingest", &corpus, "--index", &index]);
    assert!(out.status.success(), "ingest failed:\n{}", stderr(&out));
    // What ingest says on standard error is horizon's own, each line marked as such: no stray
    // output (timers once slipped into a commit).
    let said = stderr(&out);
    assert!(said.lines().all(|l| l.starts_with("horizon: ")), "{said}");
    Indexed { _dir: dir, index }
}

pub fn json(out: &Output) -> Value {
    assert!(out.status.success(), "command failed:\n{}", stderr(out));
    serde_json::from_str(&stdout(out)).expect("stdout is JSON")
}

pub fn search_json(index: &str, query: &str, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["search", query, "--index", index, "--format", "json"];
    args.extend_from_slice(extra);
    json(&horizon(&args))
        .as_array()
        .expect("an array of hits")
        .clone()
}

pub fn lower_text(hit: &Value) -> String {
    hit["text"].as_str().unwrap().to_lowercase()
}

/// Every passage of an index, as JSON objects.
pub fn passage_rows(index: &str) -> Vec<Value> {
    let out = horizon(&["passages", "--index", index, "--format", "jsonl"]);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is a JSON object"))
        .collect()
}

/// One row of tests/structure/gold.tsv.
pub struct Gold {
    pub quote: String,
    pub theme: String,
    pub part: String,
    pub edition: String,
}

pub fn gold() -> Vec<Gold> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/structure/gold.tsv");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .quoting(false)
        .from_path(path)
        .unwrap();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            Gold {
                quote: r[0].to_string(),
                theme: r[1].to_string(),
                part: r[2].to_string(),
                edition: r[3].to_string(),
            }
        })
        .collect()
}

pub fn squeeze(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Shares of gold passages whose theme, part and edition are right, and the misses.
pub struct Accuracy {
    pub theme: f64,
    pub part: f64,
    pub edition: f64,
    pub misses: Vec<String>,
}

/// Checks `rows` (passages) against the gold file; `quote` turns a gold quote into the text the
/// document has (the same quote, or a footnote under another number). Each quote must be in exactly
/// one passage.
pub fn structure_accuracy(rows: &[Value], quote: impl Fn(&str) -> String) -> Accuracy {
    let gold = gold();
    assert!(gold.len() >= 60, "the gold file needs at least 60 passages");
    let (mut theme, mut part, mut edition) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for row in &gold {
        let wanted = squeeze(&quote(&row.quote));
        let found: Vec<&Value> = rows
            .iter()
            .filter(|r| squeeze(r["text"].as_str().unwrap()).contains(&wanted))
            .collect();
        assert_eq!(
            found.len(),
            1,
            "the quote {:?} must be in exactly one passage",
            row.quote
        );
        let passage = found[0];
        let got_theme = passage["theme"]
            .as_str()
            .filter(|t| !t.is_empty())
            .unwrap_or("none");
        theme += usize::from(got_theme == row.theme);
        part += usize::from(passage["part"] == row.part.as_str());
        edition += usize::from(passage["edition"] == row.edition.as_str());
        if got_theme != row.theme
            || passage["part"] != row.part.as_str()
            || passage["edition"] != row.edition.as_str()
        {
            misses.push(format!(
                "{} got {}/{}/{} want {}/{}/{}",
                passage["passage"],
                got_theme,
                passage["part"],
                passage["edition"],
                row.theme,
                row.part,
                row.edition
            ));
        }
    }
    let n = gold.len() as f64;
    Accuracy {
        theme: theme as f64 / n,
        part: part as f64 / n,
        edition: edition as f64 / n,
        misses,
    }
}
