//! Integration tests: drive the real `horizon` binary on the real corpus and on small fixtures, and
//! parse its JSON and CSV before asserting.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;
use tempfile::TempDir;

mod common;
use common::{
    corpus_dir, horizon, ingest_real_corpus, json, passage_rows, search_json, stderr, stdout,
    structure_accuracy, Accuracy, SEED_DOC,
};

/// The columns of `horizon passages`, in order.
const PASSAGE_COLUMNS: [&str; 17] = [
    "passage",
    "doc",
    "series",
    "edition",
    "date",
    "position",
    "pages",
    "lines",
    "words",
    "footnote",
    "notes",
    "theme",
    "theme_label",
    "part",
    "theme_basis",
    "section",
    "text",
];

/// Ingests the corpus folder `corpus` into a fresh index; the output is checked by the caller.
fn ingest_folder(corpus: &Path) -> (TempDir, String, Output) {
    let dir = TempDir::new().unwrap();
    let index = dir.path().join("ix").display().to_string();
    let out = horizon(&["ingest", &corpus.display().to_string(), "--index", &index]);
    (dir, index, out)
}

/// Ingests `corpus` again into the existing `index`, with a JSON summary.
fn reingest(corpus: &Path, index: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "ingest",
        corpus.to_str().unwrap(),
        "--index",
        index,
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    horizon(&args)
}

/// A corpus folder of small Dutch fixtures, built from lines of the seed.
fn fixture(files: &[(&str, &[u8])]) -> TempDir {
    let dir = TempDir::new().unwrap();
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

const STATELIJK: &[u8] = "De economische veiligheid wordt geschaad door spionage van diverse landen, waaronder Rusland en China.\nEconomische spionageactiviteiten zijn met name gericht op Nederlandse topsectoren en kennisinstellingen.\n".as_bytes();
const DIGITAAL: &[u8] = "Digitale onveiligheid is momenteel de grootste bedreiging van onze nationale veiligheid. Elke dag krijgt Nederland talloze grotere en kleinere cyberaanvallen te verduren.\n".as_bytes();

#[test]
fn ingest_summarises_the_real_corpus() {
    let dir = TempDir::new().unwrap();
    let index = dir.path().join("index");
    let corpus = corpus_dir().display().to_string();
    let out = horizon(&[
        "ingest",
        &corpus,
        "--index",
        &index.display().to_string(),
        "--format",
        "json",
    ]);
    let summary = json(&out);
    let row = &summary[0];
    assert_eq!(row["documents"], 1);
    // The review and the 2019 strategy its summary boxes quote.
    assert_eq!(row["editions"], 2);
    assert_eq!(row["skipped"], 0);
    let passages = row["passages"].as_u64().unwrap();
    let tokens = row["tokens"].as_u64().unwrap();
    // The seed is ~100 KB of prose: paragraph-sized passages, roughly 14,000 words.
    assert!((100..400).contains(&passages), "{passages} passages");
    assert!((12_000..16_000).contains(&tokens), "{tokens} tokens");
    assert!(index.join("CURRENT").is_file());
}

#[test]
fn passages_lists_every_passage_as_jsonl_and_csv() {
    let indexed = ingest_real_corpus();
    let out = horizon(&["passages", "--index", &indexed.index, "--format", "jsonl"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows: Vec<Value> = stdout(&out)
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is a JSON object"))
        .collect();
    assert!(rows.len() >= 100);
    for (i, row) in rows.iter().enumerate() {
        for field in PASSAGE_COLUMNS {
            assert!(row.get(field).is_some(), "row {i} lacks {field}: {row}");
        }
        assert_eq!(row["position"], i, "passages come in document order");
        assert_eq!(row["passage"], format!("{SEED_DOC}#{}", i + 1));
        assert_eq!(row["series"], "Nationale Veiligheid Strategie");
        let text = row["text"].as_str().unwrap();
        assert!(!text.trim().is_empty());
        assert!(
            text.chars().count() <= 1500,
            "passage {i} is {} chars",
            text.chars().count()
        );
    }
    // Nothing of the document is lost: a sentence from its start and one from its end are there.
    let all: String = rows
        .iter()
        .map(|r| r["text"].as_str().unwrap())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        all.contains("Nederland is een open, diverse en internationaal georiënteerde samenleving.")
    );
    assert!(all.contains("draagt immers ook bij aan de nationale veiligheid."));

    // The PDF text is repaired: hyphenation joined or kept, markers out, notes apart, footer gone.
    assert!(all.contains("Ons internationale engagement is principieel en dus benoemt"));
    assert!(all.contains("het EU-grondgebied en het NAVO-bondgenootschap"));
    assert!(all.contains("Offline komen verschillende groepen samen in anti-lockdownprotesten"));
    assert!(all.contains("ontwapening en non-proliferatie"));
    assert!(!all.contains("principi- eel") && !all.contains("NVS midterm review 2021 | 27"));
    let marked = rows
        .iter()
        .find(|r| {
            r["text"]
                .as_str()
                .unwrap()
                .contains("de nationale veiligheid op de korte termijn (tot twee jaar)")
        })
        .expect("the marker 'veiligheid4' is gone from the text");
    assert!(
        marked["notes"]
            .as_str()
            .unwrap()
            .split(',')
            .any(|n| n == "4"),
        "{marked}"
    );
    let notes: Vec<u64> = rows.iter().filter_map(|r| r["footnote"].as_u64()).collect();
    assert_eq!(notes, [1, 2, 3, 4, 5, 6, 7, 8, 10, 15, 17, 18, 19]);
    let note4 = rows.iter().find(|r| r["footnote"] == 4).unwrap();
    assert!(note4["text"].as_str().unwrap().starts_with(
        "4 Het begrip 'nationale veiligheid' wordt in de Nationale Veiligheid Strategie 2019"
    ));

    let out = horizon(&["passages", "--index", &indexed.index, "--format", "csv"]);
    assert!(out.status.success());
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, PASSAGE_COLUMNS);
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), rows.len());
    assert!(records
        .iter()
        .any(|r| r[16].contains("geïntegreerde risicoanalyse")));
}

#[test]
fn out_writes_the_same_table_to_a_file() {
    let indexed = ingest_real_corpus();
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("hits.json");
    let out = horizon(&[
        "search",
        "weerbaarheid",
        "--index",
        &indexed.index,
        "--format",
        "json",
        "--out",
        &file.display().to_string(),
    ]);
    assert!(out.status.success());
    assert!(stdout(&out).is_empty());
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(written.as_array().unwrap().len(), 10);
}

#[test]
fn a_folder_without_manifest_is_a_corpus() {
    let corpus = fixture(&[
        ("digitaal/dreiging-2020.txt", DIGITAAL),
        ("statelijk.md", STATELIJK),
    ]);
    let (_dir, index, out) = ingest_folder(corpus.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("no manifest.csv; edition and date of 2 documents inferred"));
    let rows = passage_rows(&index);
    let digitaal = rows
        .iter()
        .find(|r| r["doc"] == "digitaal/dreiging-2020")
        .unwrap();
    assert_eq!(digitaal["edition"], "2020");
    assert_eq!(digitaal["series"], "digitaal");
}

#[test]
fn bad_documents_are_reported_and_the_rest_is_indexed() {
    let manifest = "file,series,edition,date,title,publisher,url\n\
                    statelijk.txt,NVS,NVS 2019,2019-06-07,,,\n\
                    ontbreekt.txt,NVS,NVS 2019,2019-06-07,,,\n\
                    datum.txt,NVS,NVS 2019,7-6-2019,,,\n";
    let corpus = fixture(&[
        ("manifest.csv", manifest.as_bytes()),
        ("statelijk.txt", STATELIJK),
        ("datum.txt", DIGITAAL),
        (
            "cp1252.txt",
            b"Inleiding\nde ge\xEFntegreerde risicoanalyse\n",
        ),
        ("leeg.txt", b""),
        ("scan.txt", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"),
        ("digitaal.txt", DIGITAAL),
    ]);
    let dir = TempDir::new().unwrap();
    let index = dir.path().join("ix").display().to_string();
    let root = corpus.path().display().to_string();
    let out = horizon(&["ingest", &root, "--index", &index]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "skipped documents make the exit code non-zero"
    );
    let err = stderr(&out);
    let expect = [
        format!("{root}/manifest.csv:3: file ontbreekt.txt does not exist"),
        format!("{root}/manifest.csv:4: datum.txt skipped: date '7-6-2019' is not a date in the form YYYY-MM-DD"),
        format!("{root}/cp1252.txt:2: not UTF-8 (byte 0xEF at column 6); read as Windows-1252"),
        format!("{root}/leeg.txt: empty file"),
        format!("{root}/scan.txt: a PDF file under a text name; convert it to text first"),
        format!("{root}/digitaal.txt: not in manifest.csv; edition and date inferred"),
    ];
    for line in &expect {
        assert!(err.contains(line.as_str()), "missing {line:?} in:\n{err}");
    }
    assert!(err.contains("4 document(s) skipped"), "{err}");
    assert!(
        !err.contains("leeg.txt: not in manifest.csv"),
        "a skipped file gets one line, not two: {err}"
    );
    assert!(!err.contains("panicked"));
    // The good documents are searchable.
    let hits = search_json(&index, "spionage", &[]);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["edition"], "NVS 2019");
    let hits = search_json(&index, "cyberaanvallen", &[]);
    assert_eq!(hits.len(), 1, "digitaal.txt is indexed, datum.txt is not");
    assert_eq!(hits[0]["doc"], "digitaal");
}

#[test]
fn fatal_input_errors_are_one_clear_line() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("nergens").display().to_string();
    let cases: Vec<(Vec<String>, String)> = vec![
        (
            vec!["ingest".into(), missing.clone()],
            format!("horizon: cannot ingest {missing}: corpus folder {missing} does not exist"),
        ),
        (
            vec!["search".into(), "x".into(), "--index".into(), missing.clone()],
            format!("horizon: cannot open the index in {missing}: index folder {missing} does not exist; run `horizon ingest` first"),
        ),
    ];
    for (args, expected) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = horizon(&args);
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert!(
            err.starts_with(&expected),
            "expected {expected:?}, got {err:?}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

#[test]
fn empty_foreign_and_stale_indexes_are_refused() {
    let dir = TempDir::new().unwrap();
    let empty = dir.path().join("leeg");
    std::fs::create_dir(&empty).unwrap();
    std::fs::write(empty.join("README.md"), "index").unwrap();
    let out = horizon(&["search", "x", "--index", &empty.display().to_string()]);
    assert!(
        stderr(&out).contains("holds no index; run `horizon ingest --index"),
        "{}",
        stderr(&out)
    );

    let foreign = dir.path().join("vreemd");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("meta.json"), "{}").unwrap();
    let out = horizon(&["passages", "--index", &foreign.display().to_string()]);
    assert!(
        stderr(&out).contains("is not a horizon index (it has no CURRENT file)"),
        "{}",
        stderr(&out)
    );

    let indexed = ingest_real_corpus();
    let index = Path::new(&indexed.index);
    let generation = std::fs::read_to_string(index.join("CURRENT")).unwrap();
    let meta_path = index.join(generation.trim()).join("horizon.json");
    let meta = std::fs::read_to_string(&meta_path).unwrap();
    let mut value: Value = serde_json::from_str(&meta).unwrap();
    value["analyzer"]["version"] = Value::from(0);
    std::fs::write(&meta_path, value.to_string()).unwrap();
    let out = horizon(&["search", "dreiging", "--index", &indexed.index]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("built with analyzer horizon_nl v0"), "{err}");
    assert!(err.trim_end().ends_with("re-run horizon ingest"), "{err}");

    std::fs::write(&meta_path, "{ half a file").unwrap();
    let err = stderr(&horizon(&["search", "dreiging", "--index", &indexed.index]));
    assert!(
        err.contains("is damaged") && err.contains("re-run horizon ingest"),
        "{err}"
    );
}

#[test]
fn reingest_replaces_the_index_and_leaves_one_generation() {
    let indexed = ingest_real_corpus();
    let before = search_json(&indexed.index, "weerbaarheid", &[]);
    let corpus = corpus_dir().display().to_string();
    let out = horizon(&["ingest", &corpus, "--index", &indexed.index]);
    assert!(out.status.success());
    let generations = std::fs::read_dir(&indexed.index)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("gen-"))
        .count();
    assert_eq!(generations, 1);
    let after = search_json(&indexed.index, "weerbaarheid", &[]);
    let ids = |hits: &[Value]| {
        hits.iter()
            .map(|h| h["passage"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&before), ids(&after));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::Stdio;
    let indexed = ingest_real_corpus();
    for format in ["jsonl", "csv", "table"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_horizon"))
            .args(["passages", "--index", &indexed.index, "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 64];
        child
            .stdout
            .as_mut()
            .unwrap()
            .read_exact(&mut first)
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        assert!(stderr(&out).is_empty(), "{format}: {}", stderr(&out));
    }
}

#[test]
fn help_describes_every_command() {
    let out = horizon(&["--help"]);
    let text = stdout(&out);
    for command in ["ingest", "search", "passages"] {
        assert!(text.contains(command), "{text}");
    }
    let search = stdout(&horizon(&["search", "--help"]));
    for option in [
        "--index",
        "--limit",
        "--edition",
        "--format",
        "--out",
        "NOT",
    ] {
        assert!(
            search.contains(option),
            "{option} missing from search --help"
        );
    }
}

#[test]
fn theme_part_and_edition_match_the_gold_file() {
    let indexed = ingest_real_corpus();
    let out = horizon(&["passages", "--index", &indexed.index, "--format", "jsonl"]);
    let rows: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let Accuracy {
        theme,
        part,
        edition,
        misses,
    } = structure_accuracy(&rows, str::to_string);
    println!("structure accuracy: theme {theme:.3}, part {part:.3}, edition {edition:.3}");
    for miss in &misses {
        println!("  {miss}");
    }
    assert!(theme >= 0.95, "theme accuracy {theme}");
    assert!(edition >= 0.98, "edition accuracy {edition}");
    assert!(part >= 0.90, "part accuracy {part}");
}

#[test]
fn themes_lists_every_theme_with_both_editions() {
    let indexed = ingest_real_corpus();
    let rows = json(&horizon(&[
        "themes",
        "--index",
        &indexed.index,
        "--format",
        "json",
    ]));
    let rows = rows.as_array().unwrap();
    let themed: Vec<&Value> = rows.iter().filter(|r| !r["theme"].is_null()).collect();
    assert_eq!(themed.len(), 24, "12 themes x 2 editions");
    for theme in [
        "statelijke-dreigingen",
        "polarisatie",
        "vitale-infrastructuur",
        "terrorisme-extremisme",
        "militaire-dreigingen",
        "criminele-ondermijning",
        "digitale-dreigingen",
        "multilaterale-instituties",
        "natuurrampen",
        "cbrn",
        "infectieziekten",
        "crisisbeheersing",
    ] {
        let editions: Vec<&str> = themed
            .iter()
            .filter(|r| r["theme"] == theme)
            .map(|r| r["edition"].as_str().unwrap())
            .collect();
        assert_eq!(editions, ["NVS 2019", "NVS midterm review 2021"], "{theme}");
        let later = themed
            .iter()
            .find(|r| r["theme"] == theme && r["edition"] == "NVS midterm review 2021")
            .unwrap();
        assert!(
            later["passages"].as_u64().unwrap() > 0,
            "{theme} has 2021 text"
        );
        if theme != "crisisbeheersing" {
            // Every theme but crisis management has a 2019 summary box in the review.
            let earlier = themed
                .iter()
                .find(|r| r["theme"] == theme && r["edition"] == "NVS 2019")
                .unwrap();
            assert!(
                earlier["passages"].as_u64().unwrap() > 0,
                "{theme} has a 2019 box"
            );
            assert_eq!(earlier["date"], "2019-06-07");
        }
    }
    // The counts add up to the passages of the index.
    let total: u64 = rows.iter().map(|r| r["passages"].as_u64().unwrap()).sum();
    let passages = stdout(&horizon(&[
        "passages",
        "--index",
        &indexed.index,
        "--format",
        "jsonl",
    ]))
    .lines()
    .count() as u64;
    assert_eq!(total, passages);
}

#[test]
fn a_law_in_markdown_gets_sections_from_its_headings() {
    let source =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/nl-laws/wet/BWBR0001826.md");
    if !source.is_file() {
        eprintln!(
            "skipped: {} is absent (../shared/corpora)",
            source.display()
        );
        return;
    }
    let corpus = TempDir::new().unwrap();
    std::fs::copy(&source, corpus.path().join("BWBR0001826.md")).unwrap();
    let (_dir, index, out) = ingest_folder(corpus.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = passage_rows(&index);
    let article = rows
        .iter()
        .find(|r| {
            r["text"]
                .as_str()
                .unwrap()
                .contains("Met den jare 1822, zal het stelsel")
        })
        .expect("the first article");
    let section = article["section"].as_str().unwrap();
    assert!(
        section.starts_with("Wet van 12 juli 1821, houdende de grondslagen"),
        "{section}"
    );
    assert!(section.ends_with(" > Artikel 1"), "{section}");
    let second = rows
        .iter()
        .find(|r| {
            r["text"]
                .as_str()
                .unwrap()
                .contains("Het voorschreven stelsel, zal bestaan uit")
        })
        .unwrap();
    assert!(
        second["section"]
            .as_str()
            .unwrap()
            .ends_with(" > Artikel 2"),
        "{}",
        second["section"]
    );
    assert_eq!(article["edition"], "1821");
}

/// Mentions per signal over all editions, from `horizon signals --format json`.
fn signal_totals(index: &str, kind: &str) -> std::collections::HashMap<String, u64> {
    let rows = json(&horizon(&[
        "signals", "--index", index, "--kind", kind, "--format", "json",
    ]));
    let mut totals = std::collections::HashMap::new();
    for row in rows.as_array().unwrap() {
        *totals
            .entry(row["signal"].as_str().unwrap().to_string())
            .or_insert(0) += row["mentions"].as_u64().unwrap();
    }
    totals
}

#[test]
fn mention_counts_match_counts_made_by_hand() {
    let indexed = ingest_real_corpus();
    let actors = signal_totals(&indexed.index, "actor");
    let measures = signal_totals(&indexed.index, "measure");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/signals/expected.tsv");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .quoting(false)
        .from_path(path)
        .unwrap();
    let (mut actor_rows, mut measure_rows) = (0, 0);
    for row in reader.records() {
        let row = row.unwrap();
        let (id, expected) = (&row[0], row[1].parse::<u64>().unwrap());
        let (got, counter) = match (actors.get(id), measures.get(id)) {
            (Some(n), _) => (*n, &mut actor_rows),
            (None, Some(n)) => (*n, &mut measure_rows),
            (None, None) => (0, &mut actor_rows),
        };
        assert_eq!(got, expected, "{id}: {}", &row[2]);
        *counter += 1;
    }
    assert!(
        actor_rows >= 15 && measure_rows >= 10,
        "{actor_rows} actors, {measure_rows} measures"
    );
}

#[test]
fn tricky_mentions_in_the_real_text() {
    let indexed = ingest_real_corpus();
    let lines = |signal: &str| -> Vec<Value> {
        json(&horizon(&[
            "mentions",
            signal,
            "--index",
            &indexed.index,
            "--format",
            "json",
        ]))
        .as_array()
        .unwrap()
        .clone()
    };
    let matched = |rows: &[Value]| -> Vec<String> {
        rows.iter()
            .map(|r| r["match"].as_str().unwrap().to_string())
            .collect()
    };
    // A name that opens a hyphenated compound counts: NAVO-bondgenootschap, EU-grondgebied.
    let navo = lines("NAVO");
    assert!(
        navo.iter()
            .any(|r| r["right"].as_str().unwrap().starts_with("-bondgenootschap")),
        "{navo:?}"
    );
    let eu = lines("eu");
    assert!(eu
        .iter()
        .any(|r| r["right"].as_str().unwrap().starts_with("-grondgebied")));
    // An acronym that is also a Dutch word part matches in capitals only: MIT, not "mitigeren".
    assert!(matched(&lines("MIT"))
        .iter()
        .all(|m| m == "MIT" || m.to_lowercase() == "multidisciplinair interventieteam"));
    // A name the PDF broke across a line end ("Rus-\nsische") is found whole.
    assert!(matched(&lines("rusland")).contains(&"Russische".to_string()));
    // The long form of a name with an elliptical hyphen counts for its entry.
    let wbni = matched(&lines("wbni"));
    assert!(
        wbni.iter()
            .any(|m| m == "Wet beveiliging netwerk- en informatiesystemen"),
        "{wbni:?}"
    );
    // Unknown signals say so.
    let out = horizon(&["mentions", "Atlantis", "--index", &indexed.index]);
    assert!(stderr(&out).contains("no signal \"Atlantis\" in the lexicon of this index"));
}

#[test]
fn every_count_equals_the_lines_that_make_it() {
    let indexed = ingest_real_corpus();
    let rows = json(&horizon(&[
        "signals",
        "--index",
        &indexed.index,
        "--format",
        "json",
    ]));
    let rows = rows.as_array().unwrap();
    assert!(rows.len() > 100, "{} signal rows", rows.len());
    for row in rows {
        let (signal, edition) = (
            row["signal"].as_str().unwrap(),
            row["edition"].as_str().unwrap(),
        );
        let out = horizon(&[
            "mentions",
            signal,
            "--edition",
            edition,
            "--index",
            &indexed.index,
            "--format",
            "jsonl",
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        let lines: Vec<Value> = stdout(&out)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(
            lines.len() as u64,
            row["mentions"].as_u64().unwrap(),
            "{signal} in {edition}"
        );
        let passages: std::collections::BTreeSet<&str> = lines
            .iter()
            .map(|l| l["passage"].as_str().unwrap())
            .collect();
        assert_eq!(
            passages.len() as u64,
            row["passages"].as_u64().unwrap(),
            "{signal} in {edition}"
        );
        let per_10k =
            row["mentions"].as_f64().unwrap() / row["tokens"].as_f64().unwrap() * 10_000.0;
        assert!((per_10k - row["per_10k"].as_f64().unwrap()).abs() < 1e-9);
    }
    // The tokens of an edition row are the words of that edition's passages.
    let themes = json(&horizon(&[
        "themes",
        "--index",
        &indexed.index,
        "--format",
        "json",
    ]));
    let words_2019: u64 = themes
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["edition"] == "NVS 2019")
        .map(|r| r["tokens"].as_u64().unwrap())
        .sum();
    let row_2019 = rows.iter().find(|r| r["edition"] == "NVS 2019").unwrap();
    assert_eq!(row_2019["tokens"].as_u64().unwrap(), words_2019);
}

#[test]
fn candidates_are_rows_for_the_lexicon() {
    let indexed = ingest_real_corpus();
    let out = horizon(&[
        "candidates",
        "--index",
        &indexed.index,
        "--min",
        "1",
        "--format",
        "csv",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(&header[..5], ["id", "label", "type", "aliases", "theme"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(!rows.is_empty());
    // Nothing the lexicon already names comes back as a candidate.
    for known in ["AIVD", "NAVO", "Rusland", "Wbni"] {
        assert!(
            !rows.iter().any(|r| &r[1] == known),
            "{known} is in the lexicon"
        );
    }
    let co2 = rows
        .iter()
        .find(|r| &r[1] == "CO2")
        .expect("CO2 is not in the lexicon");
    assert!(co2[9].contains("CO2-reductie"), "{:?}", &co2[9]);
}

#[test]
fn a_bad_lexicon_row_is_reported_and_the_rest_used() {
    let corpus = fixture(&[
        ("statelijk.txt", STATELIJK),
        ("lexicon/themes.csv", b"id,label,type,aliases,theme\n"),
        ("lexicon/actors.csv", "id,label,type,aliases,theme\nrusland,Rusland,state,Russische||Russen,\nchina,China,state,Chinese,\nchina,Volksrepubliek China,state,,\n".as_bytes()),
    ]);
    let (_dir, index, out) = ingest_folder(corpus.path());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let root = corpus.path().display();
    assert!(
        err.contains(&format!(
            "{root}/lexicon/actors.csv:2: empty alias in 'Russische||Russen'"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{root}/lexicon/actors.csv:4: duplicate id 'china'"
        )),
        "{err}"
    );
    let totals = signal_totals(&index, "actor");
    assert_eq!(totals.get("china"), Some(&1));
    assert_eq!(totals.get("rusland"), None);
}

const EDITION_A: &str = "NVS 2019";
const EDITION_B: &str = "NVS midterm review 2021";

#[test]
fn compare_statistics_recompute_from_the_exported_counts() {
    use statrs::distribution::{ChiSquared, ContinuousCDF};
    let indexed = ingest_real_corpus();
    let chi2 = ChiSquared::new(1.0).unwrap();
    for kind in ["all", "terms"] {
        let out = horizon(&[
            "compare",
            EDITION_A,
            EDITION_B,
            "--kind",
            kind,
            "--index",
            &indexed.index,
            "--format",
            "csv",
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(
            header,
            [
                "kind",
                "signal",
                "label",
                "count_a",
                "count_b",
                "tokens_a",
                "tokens_b",
                "per10k_a",
                "per10k_b",
                "log_ratio",
                "g2",
                "p_value",
                "status"
            ]
        );
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert!(rows.len() > 50, "{kind}: {} rows", rows.len());
        let mut previous_g2 = f64::INFINITY;
        for row in &rows {
            let num = |i: usize| row[i].parse::<f64>().unwrap();
            let (ca, cb, ta, tb) = (num(3), num(4), num(5), num(6));
            let log_ratio = (((cb + 0.5) / tb) / ((ca + 0.5) / ta)).log2();
            let (ea, eb) = (ta * (ca + cb) / (ta + tb), tb * (ca + cb) / (ta + tb));
            let part = |o: f64, e: f64| if o > 0.0 { o * (o / e).ln() } else { 0.0 };
            let magnitude = 2.0 * (part(ca, ea) + part(cb, eb));
            let g2 = if cb / tb >= ca / ta {
                magnitude
            } else {
                -magnitude
            };
            let p = 1.0 - chi2.cdf(magnitude.max(0.0));
            assert!(
                (num(9) - log_ratio).abs() < 1e-9,
                "log_ratio of {:?}",
                &row[1]
            );
            assert!(
                (num(10) - g2).abs() < 1e-9,
                "g2 of {:?}: {} vs {g2}",
                &row[1],
                num(10)
            );
            assert!(
                (num(11) - p).abs() < 1e-9,
                "p_value of {:?}: {} vs {p}",
                &row[1],
                num(11)
            );
            assert!(
                (num(7) - ca / ta * 10_000.0).abs() < 1e-9
                    && (num(8) - cb / tb * 10_000.0).abs() < 1e-9
            );
            let status = if ca == 0.0 && cb > 0.0 {
                "new"
            } else if cb == 0.0 && ca > 0.0 {
                "gone"
            } else if g2 >= 3.84 && log_ratio >= 1.0 {
                "rising"
            } else if g2 <= -3.84 && log_ratio <= -1.0 {
                "falling"
            } else {
                "stable"
            };
            assert_eq!(&row[12], status, "{:?}", &row[1]);
            assert!(g2.abs() <= previous_g2 + 1e-9, "rows are sorted by |g2|");
            previous_g2 = g2.abs();
        }
    }
}

#[test]
fn compare_tells_what_the_review_added() {
    let indexed = ingest_real_corpus();
    let rows = json(&horizon(&[
        "compare",
        EDITION_A,
        EDITION_B,
        "--index",
        &indexed.index,
        "--format",
        "json",
    ]));
    let row = |signal: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["signal"] == signal)
            .cloned()
            .unwrap()
    };
    // The 2019 summaries never name Russia; the review names it 13 times.
    let rusland = row("rusland");
    assert_eq!(
        (
            rusland["count_a"].as_u64(),
            rusland["count_b"].as_u64(),
            rusland["status"].as_str()
        ),
        (Some(0), Some(13), Some("new"))
    );
    assert_eq!(row("horizonscan")["status"], "new");
    assert_eq!(row("crisisbeheersing")["status"], "new");
    // Thresholds are options, and change the verdicts.
    let loose = json(&horizon(&[
        "compare",
        EDITION_A,
        EDITION_B,
        "--index",
        &indexed.index,
        "--min-g2",
        "0",
        "--min-log-ratio",
        "0",
        "--format",
        "json",
    ]));
    let stable = |rows: &Value| {
        rows.as_array()
            .unwrap()
            .iter()
            .filter(|r| r["status"] == "stable")
            .count()
    };
    assert!(
        stable(&loose) < stable(&rows),
        "{} stable rows with no thresholds, {} with the defaults",
        stable(&loose),
        stable(&rows)
    );
    let out = horizon(&["compare", EDITION_A, EDITION_A, "--index", &indexed.index]);
    assert!(stderr(&out).contains("compare two different editions"));
}

#[test]
fn trend_rates_changes_and_alerts() {
    let indexed = ingest_real_corpus();
    let rows = json(&horizon(&[
        "trend",
        "--signal",
        "Russische",
        "--index",
        &indexed.index,
        "--format",
        "json",
    ]));
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[0]["edition"].as_str(), rows[1]["edition"].as_str()),
        (Some(EDITION_A), Some(EDITION_B))
    );
    assert_eq!(rows[0]["per_10k"], 0.0);
    assert!(rows[0]["change"].is_null());
    let rate =
        rows[1]["mentions"].as_f64().unwrap() / rows[1]["tokens"].as_f64().unwrap() * 10_000.0;
    assert!((rows[1]["per_10k"].as_f64().unwrap() - rate).abs() < 1e-9);
    assert!((rows[1]["change"].as_f64().unwrap() - rate).abs() < 1e-9);
    assert_eq!(rows[1]["alert"], "alert");
    // Infectious diseases take up relatively less of the review than of the 2019 summaries.
    let rows = json(&horizon(&[
        "trend",
        "--signal",
        "infectieziekten",
        "--index",
        &indexed.index,
        "--format",
        "json",
    ]));
    let last = rows.as_array().unwrap().last().unwrap().clone();
    assert!(last["change"].as_f64().unwrap() < 0.0);
    assert!(last["alert"].is_null());
}

#[test]
fn xlsx_workbooks_hold_numbers_and_settings() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let indexed = ingest_real_corpus();
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("compare.xlsx");
    let out = horizon(&[
        "compare",
        EDITION_A,
        EDITION_B,
        "--index",
        &indexed.index,
        "--format",
        "xlsx",
        "--out",
        &path.display().to_string(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut workbook: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(workbook.sheet_names(), ["data", "settings"]);
    let data = workbook.worksheet_range("data").unwrap();
    let header: Vec<String> = data
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(&header[..4], ["kind", "signal", "label", "count_a"]);
    let rows: Vec<&[Data]> = data.rows().skip(1).collect();
    assert!(rows.len() > 100);
    for row in &rows {
        for i in 3..12 {
            assert!(
                matches!(row[i], Data::Float(_)),
                "column {} is a number, not {:?}",
                header[i],
                row[i]
            );
        }
        assert!(matches!(row[1], Data::String(_)));
    }
    let settings = workbook.worksheet_range("settings").unwrap();
    let text: Vec<String> = settings
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join("=")
        })
        .collect();
    for needle in [
        "horizon version=",
        "edition A=NVS 2019",
        "rising/falling: |g2| at least=3.84",
        "analyzer=horizon_nl",
        "edition NVS 2019=date 2019-06-07",
    ] {
        assert!(
            text.iter().any(|t| t.starts_with(needle)),
            "{needle} in {text:?}"
        );
    }
    assert!(
        text.iter().any(|t| t.contains("actors.csv=sha256 ")),
        "{text:?}"
    );
    // Without --out, xlsx is refused before anything runs.
    let out = horizon(&["signals", "--index", &indexed.index, "--format", "xlsx"]);
    assert!(stderr(&out).contains("--format xlsx writes a file; give --out FILE.xlsx"));
}

#[test]
fn excel_nl_csv_opens_right_in_a_dutch_excel() {
    let indexed = ingest_real_corpus();
    let out = horizon(&[
        "signals",
        "--index",
        &indexed.index,
        "--format",
        "csv",
        "--excel-nl",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = out.stdout;
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "a byte-order mark first"
    );
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.starts_with(
        "edition;date;doc;theme;kind;signal;label;type;mentions;passages;tokens;per_10k\r\n"
    ));
    assert!(
        text.split("\r\n")
            .filter(|l| !l.is_empty())
            .all(|l| !l.contains('\n')),
        "CRLF line ends"
    );
    let first = text.split("\r\n").nth(1).unwrap();
    let per_10k = first.rsplit(';').next().unwrap();
    assert!(
        per_10k.contains(',') && !per_10k.contains('.'),
        "decimal comma: {per_10k}"
    );
    let out = horizon(&["signals", "--index", &indexed.index, "--excel-nl"]);
    assert!(stderr(&out).contains("--excel-nl goes with --format csv"));
}

#[test]
fn windows_1252_is_read_with_a_warning_and_refused_when_strict() {
    let corpus = fixture(&[
        (
            "cp1252.txt",
            b"Inleiding\nde ge\xEFntegreerde aanpak van de risico\x92s tegen spionage.\n",
        ),
        ("statelijk.txt", STATELIJK),
    ]);
    let (_dir, index, out) = ingest_folder(corpus.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("cp1252.txt:2: not UTF-8 (byte 0xEF at column 6); read as Windows-1252"),
        "{err}"
    );
    let hits = search_json(&index, "geintegreerde", &[]);
    assert_eq!(hits.len(), 1);
    assert!(hits[0]["text"]
        .as_str()
        .unwrap()
        .contains("geïntegreerde aanpak van de risico's"));

    let strict = horizon(&[
        "ingest",
        &corpus.path().display().to_string(),
        "--index",
        &index,
        "--strict",
        "--full",
    ]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(
        stderr(&strict).contains("cp1252.txt:2: not UTF-8 text: byte 0xEF at line 2, column 6"),
        "{}",
        stderr(&strict)
    );
    assert_eq!(
        search_json(&index, "spionage", &[]).len(),
        1,
        "the good document is still indexed"
    );
}

#[test]
fn a_second_ingest_waits_for_the_first_and_a_stale_lock_clears() {
    let indexed = ingest_real_corpus();
    let lock = Path::new(&indexed.index).join(".ingest.lock");
    // A running process holds the lock: this test's own.
    std::fs::write(&lock, format!("{}\n", std::process::id())).unwrap();
    let corpus = corpus_dir().display().to_string();
    let out = horizon(&["ingest", &corpus, "--index", &indexed.index, "--full"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!(
            "another ingest (process {}) is writing the index",
            std::process::id()
        )),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        search_json(&indexed.index, "weerbaarheid", &[]).len(),
        10,
        "the index still answers"
    );
    // A lock whose process is gone is cleared.
    std::fs::write(&lock, "4194303\n").unwrap();
    let out = horizon(&["ingest", &corpus, "--index", &indexed.index, "--full"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!lock.exists());
}

#[test]
fn an_index_of_another_lexicon_or_damaged_files_is_refused() {
    let copy = TempDir::new().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        root.join("corpus/nvs-midterm-review-2021.txt"),
        copy.path().join("nvs.txt"),
    )
    .unwrap();
    std::fs::create_dir(copy.path().join("lexicon")).unwrap();
    for name in ["themes.csv", "actors.csv", "measures.csv"] {
        std::fs::copy(
            root.join("corpus/lexicon").join(name),
            copy.path().join("lexicon").join(name),
        )
        .unwrap();
    }
    let (_dir, index, out) = ingest_folder(copy.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let actors = copy.path().join("lexicon/actors.csv");
    let mut text = std::fs::read_to_string(&actors).unwrap();
    text.push_str("navalny2,Aleksej Navalny,other,,\n");
    std::fs::write(&actors, text).unwrap();
    let err = stderr(&horizon(&["signals", "--index", &index]));
    assert!(
        err.contains("built with another lexicon")
            && err.contains("actors.csv changed since")
            && err.trim_end().ends_with("re-run horizon ingest"),
        "{err}"
    );
    // Ingest again, then damage a file of the index: a clear error, no panic.
    let out = horizon(&[
        "ingest",
        &copy.path().display().to_string(),
        "--index",
        &index,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let generation = std::fs::read_to_string(Path::new(&index).join("CURRENT")).unwrap();
    let gen_dir = Path::new(&index).join(generation.trim());
    std::fs::write(gen_dir.join("meta.json"), "{ broken").unwrap();
    let out = horizon(&["search", "dreiging", "--index", &index]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("is damaged")
            && err.contains("re-run horizon ingest")
            && !err.contains("panicked"),
        "{err}"
    );
}

#[test]
fn reingest_keeps_what_did_not_change_and_follows_what_did() {
    let corpus = fixture(&[("statelijk.txt", STATELIJK), ("digitaal.txt", DIGITAAL)]);
    let (_dir, index, out) = ingest_folder(corpus.path());
    assert!(out.status.success());
    let summary = |out: &Output| -> Value {
        assert!(out.status.success(), "{}", stderr(out));
        serde_json::from_str::<Value>(&stdout(out)).unwrap()[0].clone()
    };
    let again = |extra: &[&str]| reingest(corpus.path(), &index, extra);
    let unchanged = summary(&again(&[]));
    assert_eq!(
        (unchanged["indexed"].as_u64(), unchanged["kept"].as_u64()),
        (Some(0), Some(2))
    );
    // Change one document, add one, remove one.
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(
        corpus.path().join("digitaal.txt"),
        "Ransomware treft gemeenten en ziekenhuizen.\n",
    )
    .unwrap();
    std::fs::write(
        corpus.path().join("nieuw.txt"),
        "De hittegolven van 2019 raakten de drinkwatervoorziening.\n",
    )
    .unwrap();
    std::fs::remove_file(corpus.path().join("statelijk.txt")).unwrap();
    let changed = summary(&again(&[]));
    assert_eq!(
        (
            changed["indexed"].as_u64(),
            changed["kept"].as_u64(),
            changed["removed"].as_u64()
        ),
        (Some(2), Some(0), Some(1))
    );
    assert!(
        search_json(&index, "spionage", &[]).is_empty(),
        "the removed document left"
    );
    assert!(
        search_json(&index, "cyberaanvallen", &[]).is_empty(),
        "the old text of the changed one left"
    );
    assert_eq!(search_json(&index, "ransomware", &[]).len(), 1);
    assert_eq!(search_json(&index, "hittegolf", &[]).len(), 1);
    let passages = passage_rows(&index);
    assert_eq!(passages.len(), 2);
    let full = summary(&again(&["--full"]));
    assert_eq!(full["indexed"].as_u64(), Some(2));
}

#[test]
fn a_json_lines_corpus_is_ingested_line_by_line_and_a_broken_line_leaves_alone() {
    let lines = [
        r#"{"URL": "https://zoek.officielebekendmakingen.nl/0000142774/ocr", "Content": "Tweede Kamer der Staten-Generaal\nZitting 1982-1983\nAfsluiting van de Oosterschelde\n's-Gravenhage, 21 juni 1983\nDe stormvloedkering beschermt Zeeland tegen overstromingen."}"#,
        r#"{"Content": "Tweede Kamer der Staten-Generaal\nZitting 1994-1995\nDe spionage door vreemde mogendheden neemt toe."}"#,
        r#"{"Content": "Tweede Kamer der Staten-Generaal\n's-Gravenhage, 3 maart 2001\nDe mond- en klauwzeer crisis raakt de veehouderij."}"#,
    ];
    let corpus = fixture(&[("kamerstukken.jsonl", lines.join("\n").as_bytes())]);
    let (_dir, index, out) = ingest_folder(corpus.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = passage_rows(&index);
    let docs: std::collections::BTreeSet<&str> =
        rows.iter().map(|r| r["doc"].as_str().unwrap()).collect();
    assert_eq!(
        docs.into_iter().collect::<Vec<_>>(),
        ["kamerstukken/1", "kamerstukken/2", "kamerstukken/3"]
    );
    let edition = |doc: &str| {
        rows.iter()
            .find(|r| r["doc"] == doc)
            .map(|r| r["edition"].as_str().unwrap().to_string())
    };
    assert_eq!(edition("kamerstukken/1").as_deref(), Some("1983"));
    assert_eq!(
        edition("kamerstukken/2").as_deref(),
        Some("Zitting 1994-1995")
    );
    assert_eq!(edition("kamerstukken/3").as_deref(), Some("2001"));
    assert_eq!(search_json(&index, "spionage", &[]).len(), 1);

    // The second line breaks: it is reported by line and leaves the index; the others stay.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let broken = [lines[0], r#"{"Content": "De spionage door"#, lines[2]];
    std::fs::write(corpus.path().join("kamerstukken.jsonl"), broken.join("\n")).unwrap();
    let again = reingest(corpus.path(), &index, &[]);
    assert_eq!(again.status.code(), Some(1), "a skipped line is reported");
    assert!(
        stderr(&again).contains("kamerstukken.jsonl:2: not a JSON object"),
        "{}",
        stderr(&again)
    );
    assert!(search_json(&index, "spionage", &[]).is_empty());
    assert_eq!(search_json(&index, "stormvloedkering", &[]).len(), 1);
    assert_eq!(search_json(&index, "veehouderij", &[]).len(), 1);
}

/// The value of attribute `name` in each element of `html` that has it, in order.
fn attributes(
    html: &str,
    element: &str,
    name: &str,
) -> Vec<std::collections::HashMap<String, String>> {
    let mut found = Vec::new();
    for piece in html.split(&format!("<{element} ")).skip(1) {
        let tag = &piece[..piece.find('>').unwrap_or(piece.len())];
        if !tag.contains(&format!("{name}=\"")) {
            continue;
        }
        let mut values = std::collections::HashMap::new();
        let mut rest = tag;
        while let Some(eq) = rest.find("=\"") {
            let key = rest[..eq].rsplit(' ').next().unwrap().to_string();
            let after = &rest[eq + 2..];
            let end = after.find('"').unwrap();
            values.insert(
                key,
                after[..end]
                    .replace("&amp;", "&")
                    .replace("&#39;", "'")
                    .replace("&quot;", "\""),
            );
            rest = &after[end + 1..];
        }
        found.push(values);
    }
    found
}

#[test]
fn the_report_is_self_contained_and_shows_the_numbers_of_signals_and_compare() {
    let indexed = ingest_real_corpus();
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("rapport.html");
    let out = horizon(&[
        "report",
        "--index",
        &indexed.index,
        "--out",
        &path.display().to_string(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<html lang=\"nl\">"));
    assert_eq!(
        html.matches("<svg ").count(),
        2,
        "a heat map and a trend chart"
    );
    for forbidden in [
        "<script", "<link", "<img", "<iframe", "@import", "url(", " src=",
    ] {
        assert!(
            !html.contains(forbidden),
            "the report loads nothing from outside: {forbidden}"
        );
    }
    for link in html.split("href=\"").skip(1) {
        assert!(
            link.starts_with('#'),
            "only links within the page: {}",
            &link[..20.min(link.len())]
        );
        let target = &link[1..link.find('"').unwrap()];
        assert!(
            html.contains(&format!("id=\"{target}\"")),
            "{target} is on the page"
        );
    }
    for section in [
        "Het corpus in één oogopslag",
        "Thema's per editie",
        "Wat veranderde van NVS 2019 naar NVS midterm review 2021",
        "Signalen in hun context",
        "Instellingen en versies",
    ] {
        assert!(html.contains(section), "{section}");
    }

    // The heat map's cells are the per-10k rates of `horizon signals --kind theme`.
    let themes = json(&horizon(&[
        "themes",
        "--index",
        &indexed.index,
        "--format",
        "json",
    ]));
    let signals = json(&horizon(&[
        "signals",
        "--kind",
        "theme",
        "--index",
        &indexed.index,
        "--format",
        "json",
    ]));
    let cells = attributes(&html, "rect", "data-row");
    assert_eq!(cells.len(), 24);
    for cell in &cells {
        let id = themes
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["label"] == cell["data-row"].as_str())
            .unwrap()["theme"]
            .clone();
        let expected = signals
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["signal"] == id && s["edition"] == cell["data-column"].as_str())
            .map_or(0.0, |s| s["per_10k"].as_f64().unwrap());
        let shown: f64 = cell["data-value"].parse().unwrap();
        assert!((shown - expected).abs() < 1e-9, "{cell:?} vs {expected}");
    }
    // The changes are those of `horizon compare` between the two editions.
    let compare = json(&horizon(&[
        "compare",
        EDITION_A,
        EDITION_B,
        "--index",
        &indexed.index,
        "--format",
        "json",
    ]));
    let changes = attributes(&html, "tr", "data-signal");
    assert!(changes.len() >= 5);
    for change in &changes {
        let row = compare
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["signal"] == change["data-signal"].as_str())
            .unwrap();
        assert!(["new", "rising", "falling"].contains(&row["status"].as_str().unwrap()));
        assert_eq!(
            row["count_a"].as_u64().unwrap().to_string(),
            change["data-count-a"]
        );
        assert_eq!(
            row["count_b"].as_u64().unwrap().to_string(),
            change["data-count-b"]
        );
        let g2: f64 = change["data-g2"].parse().unwrap();
        assert!((g2 - row["g2"].as_f64().unwrap()).abs() < 1e-9);
    }
    assert!(changes.iter().any(|c| c["data-signal"] == "rusland"));
}

#[test]
fn a_chart_of_one_signal_for_a_memo() {
    let indexed = ingest_real_corpus();
    let out = horizon(&["chart", "--signal", "Russische", "--index", &indexed.index]);
    assert!(out.status.success(), "{}", stderr(&out));
    let drawing = stdout(&out);
    assert!(drawing.starts_with("<svg") && drawing.trim_end().ends_with("</svg>"));
    let points = attributes(&drawing, "circle", "data-value");
    let values: Vec<f64> = points
        .iter()
        .map(|p| p["data-value"].parse().unwrap())
        .collect();
    let trend = json(&horizon(&[
        "trend",
        "--signal",
        "rusland",
        "--index",
        &indexed.index,
        "--format",
        "json",
    ]));
    let expected: Vec<f64> = trend
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["per_10k"].as_f64().unwrap())
        .collect();
    assert_eq!(values.len(), expected.len());
    for (v, e) in values.iter().zip(&expected) {
        assert!((v - e).abs() < 1e-9);
    }
}

#[test]
fn a_chart_as_a_png_picture() {
    let indexed = ingest_real_corpus();
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("rusland.png");
    let out = horizon(&[
        "chart",
        "--signal",
        "rusland",
        "--format",
        "png",
        "--index",
        &indexed.index,
        "--out",
        &path.display().to_string(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    // IHDR: width and height, twice the drawing's 960 x 420.
    let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    assert_eq!((width, height), (1920, 840));
}

#[test]
fn a_file_of_one_very_long_line_is_cut_into_passages() {
    let sentence = "De economische veiligheid wordt geschaad door spionage van diverse landen, waaronder Rusland en China. ";
    let long = sentence.repeat(3000);
    let crlf =
        "Eerste regel van een Windows-bestand\r\nmet CRLF-regeleinden.\r\n\r\nTweede alinea.\r\n";
    let corpus = fixture(&[("lang.txt", long.as_bytes()), ("crlf.txt", crlf.as_bytes())]);
    let (_dir, index, out) = ingest_folder(corpus.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = passage_rows(&index);
    let long_rows: Vec<&Value> = rows.iter().filter(|r| r["doc"] == "lang").collect();
    assert!(long_rows.len() >= 200, "{} passages", long_rows.len());
    assert!(long_rows
        .iter()
        .all(|r| r["text"].as_str().unwrap().chars().count() <= 1500));
    let words: u64 = long_rows.iter().map(|r| r["words"].as_u64().unwrap()).sum();
    assert_eq!(words, 14 * 3000, "nothing of the line is lost");
    let crlf_text: Vec<&str> = rows
        .iter()
        .filter(|r| r["doc"] == "crlf")
        .map(|r| r["text"].as_str().unwrap())
        .collect();
    assert!(crlf_text.iter().all(|t| !t.contains('\r')), "{crlf_text:?}");
    assert_eq!(signal_totals(&index, "actor").get("rusland"), Some(&3000));
}
