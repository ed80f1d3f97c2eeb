//! `horizon news` and `horizon watch` against expected results written from the texts by a separate
//! pass before the code (tests/news/expected.tsv, made by tests/news/expected.py): the historic
//! papers ingested in two steps, the project corpus's 2021 review against its 2019 boxes, a rerun
//! that brings nothing, a removed document, and the counts behind every alert.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;
use tempfile::TempDir;

mod common;
use common::{corpus_dir, horizon, ingest_real_corpus, json, stderr, stdout};

/// The rows of the expected file for one set and kind: (key, value, how).
fn expected(set: &str, kind: &str) -> Vec<(String, String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/news/expected.tsv");
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .map(|l| l.split('\t').map(str::to_string).collect::<Vec<_>>())
        .filter(|cells| cells[0] == set && cells[1] == kind)
        .map(|cells| (cells[2].clone(), cells[3].clone(), cells[4].clone()))
        .collect()
}

/// `horizon news` as JSON, with its exit status.
fn news(args: &[&str]) -> (Value, i32) {
    let mut all = vec!["news", "--format", "json"];
    all.extend_from_slice(args);
    let out = horizon(&all);
    let code = out.status.code().unwrap();
    assert!(
        code == 0 || code == 3,
        "news failed ({code}):\n{}",
        stderr(&out)
    );
    (serde_json::from_str(&stdout(&out)).unwrap(), code)
}

fn watch<'a>(news: &'a Value, id: &str) -> &'a Vec<Value> {
    news["watches"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["id"] == id)
        .unwrap_or_else(|| panic!("no watch {id}"))["passages"]
        .as_array()
        .unwrap()
}

/// First and last line of a hit ("254-288" or "125").
fn lines(hit: &Value) -> (u64, u64) {
    let text = hit["lines"].as_str().unwrap();
    let (a, b) = text.split_once('-').unwrap_or((text, text));
    (a.parse().unwrap(), b.parse().unwrap())
}

fn numbers(list: &str) -> Vec<u64> {
    list.split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|s| s.trim().parse().unwrap())
        .collect()
}

/// Every analysed name of the project's lexicon, lower-cased as written: the terms news leaves out.
fn lexicon_names() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for file in ["themes.csv", "actors.csv", "measures.csv"] {
        let text = std::fs::read_to_string(corpus_dir().join("lexicon").join(file)).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().unwrap().clone();
        let at = |name: &str| headers.iter().position(|h| h == name);
        for row in reader.records() {
            let row = row.unwrap();
            for column in ["label", "aliases"] {
                if let Some(cell) = at(column).and_then(|i| row.get(i)) {
                    names.extend(cell.split('|').map(|n| n.trim().to_lowercase()));
                }
            }
        }
    }
    names
}

#[test]
fn the_2021_review_against_its_2019_boxes() {
    let indexed = ingest_real_corpus();
    let watch_file = corpus_dir().join("watch.csv").display().to_string();
    let (digest, code) = news(&[
        "--index",
        &indexed.index,
        "--since",
        "NVS 2019",
        "--watch",
        &watch_file,
        "--terms",
        "200",
    ]);
    assert_eq!(code, 0, "news found: exit 0");
    assert_eq!(digest["since"]["asked"], "NVS 2019");
    // A theme's heading opens the passage after it, which may be its 2019 box: such a line is
    // a heading of the box's passage, not 2021 text, whatever the expected pass counted it as.
    let seed = std::fs::read_to_string(corpus_dir().join("nvs-midterm-review-2021.txt")).unwrap();
    let seed: Vec<&str> = seed.lines().collect();
    let passages = json(&horizon(&[
        "passages",
        "--index",
        &indexed.index,
        "--format",
        "json",
    ]));
    let heading_of_2019 = |line: u64| {
        passages.as_array().unwrap().iter().any(|p| {
            let (a, b) = lines(p);
            let text = seed[line as usize - 1].trim();
            a <= line
                && line <= b
                && p["edition"] == "NVS 2019"
                && p["section"]
                    .as_str()
                    .unwrap()
                    .split(" > ")
                    .any(|h| h == text)
        })
    };
    let mut headings = Vec::new();
    // Every expected line of a watch word in the 2021 text lies in a hit; no hit is a 2019 box.
    for (word, list, how) in expected("nvs", "watch-lines-2021") {
        let hits = watch(&digest, &word);
        assert!(hits
            .iter()
            .all(|h| h["edition"] == "NVS midterm review 2021"));
        for line in numbers(&list) {
            if heading_of_2019(line) {
                headings.push(line);
                continue;
            }
            assert!(
                hits.iter().any(|h| {
                    let (a, b) = lines(h);
                    a <= line && line <= b
                }),
                "{word}: line {line} is in no hit ({how})"
            );
        }
        // Each hit marks what matched (the analyzer also reads "des- en misinformatie" as
        // desinformatie, which the expected pass left out of its lines).
        for hit in hits {
            assert!(
                hit["snippet"].as_str().unwrap().contains("**"),
                "{word}: {hit}"
            );
        }
    }
    // "Polarisatie tegengaan", line 377, above the polarisation box.
    assert_eq!(headings, [377]);
    for (word, list, _) in expected("nvs", "watch-lines-2019") {
        let hits = watch(&digest, &word);
        for line in numbers(&list) {
            assert!(
                !hits.iter().any(|h| {
                    let (a, b) = lines(h);
                    a <= line && line <= b
                }),
                "{word}: line {line} is in a 2019 box, not news"
            );
        }
    }
    // The emerging terms the expected pass found that the lexicon does not already name are
    // there, new, with no earlier passage; words of both editions are not new.
    let names = lexicon_names();
    let terms = digest["terms"].as_array().unwrap();
    let term = |word: &str| terms.iter().find(|t| t["term"] == word);
    let mut checked = 0;
    for (word, _, how) in expected("nvs", "emerging") {
        if names.contains(&word) {
            assert!(term(&word).is_none(), "{word} is a lexicon name: left out");
            continue;
        }
        let found = term(&word).unwrap_or_else(|| panic!("{word} missing ({how}): {terms:?}"));
        assert_eq!(found["status"], "new", "{found}");
        assert_eq!(found["earlier_passages"], 0, "{found}");
        checked += 1;
    }
    assert!(
        checked >= 4,
        "only {checked} expected terms outside the lexicon"
    );
    for (word, _, _) in expected("nvs", "not-emerging") {
        assert!(
            term(&word).is_none_or(|t| t["status"] != "new"),
            "{word} is in both editions"
        );
    }
    // Each term's context holds it, marked, and names its passage's lines.
    for t in terms {
        assert!(t["context"].as_str().unwrap().contains("**"), "{t}");
        assert!(!t["lines"].as_str().unwrap().is_empty());
    }
    // The counts behind every alert are the mentions the command lists, line by line.
    let alerts = digest["alerts"].as_array().unwrap();
    assert!(!alerts.is_empty());
    for alert in alerts {
        let signal = alert["signal"].as_str().unwrap();
        let listed = |edition: &str| {
            let out = horizon(&[
                "mentions",
                signal,
                "--index",
                &indexed.index,
                "--edition",
                edition,
                "--format",
                "json",
            ]);
            json(&out).as_array().unwrap().len() as u64
        };
        assert_eq!(alert["edition"], "NVS midterm review 2021");
        assert_eq!(
            listed("NVS midterm review 2021"),
            alert["mentions"],
            "{alert}"
        );
        assert_eq!(listed("NVS 2019"), alert["before"], "{alert}");
    }
}

/// A corpus folder of its own with the project's lexicon, editions and the given documents.
fn corpus_with(dir: &Path, documents: &[(&str, &str)]) -> PathBuf {
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(corpus.join("lexicon")).unwrap();
    for file in ["themes.csv", "actors.csv", "measures.csv"] {
        std::fs::copy(
            corpus_dir().join("lexicon").join(file),
            corpus.join("lexicon").join(file),
        )
        .unwrap();
    }
    for (name, text) in documents {
        std::fs::write(corpus.join(name), text).unwrap();
    }
    std::fs::write(
        corpus.join("watch.csv"),
        "id,label,query,theme,note\nzeespiegel,Zeespiegelstijging,zeespiegel*,,klimaat\n",
    )
    .unwrap();
    corpus
}

fn ingest(corpus: &Path, index: &str) -> Output {
    let out = horizon(&["ingest", corpus.to_str().unwrap(), "--index", index]);
    assert!(out.status.success(), "{}", stderr(&out));
    out
}

#[test]
fn a_rerun_brings_nothing_and_a_removed_document_leaves_the_news() {
    let dir = TempDir::new().unwrap();
    let corpus = corpus_with(
        dir.path(),
        &[(
            "2019-kustverdediging.txt",
            "De kustverdediging is op orde.\n\nDe dijken zijn versterkt.\n",
        )],
    );
    let index = dir.path().join("index").display().to_string();
    let watch_file = corpus.join("watch.csv").display().to_string();
    let first = ingest(&corpus, &index);
    assert!(stderr(&first).contains("horizon: scan 1: 1 document(s) added"));
    let args = ["--index", index.as_str(), "--watch", watch_file.as_str()];
    // After the first scan everything is new and nothing is earlier: no term can be set against
    // the past, and the watch finds nothing, so nothing is news.
    let (digest, code) = news(&args);
    assert_eq!(code, 3);
    assert_eq!(digest["since"]["earlier_passages"], 0);
    assert_eq!(digest["terms"], Value::Array(Vec::new()));
    // A rerun on the same corpus records a scan that brings nothing: exit 3, every section empty.
    let rerun = ingest(&corpus, &index);
    assert!(
        stderr(&rerun).contains("scan 2: 0 document(s) added, 0 changed, 0 removed; nothing new")
    );
    let (digest, code) = news(&args);
    assert_eq!(code, 3);
    assert!(watch(&digest, "zeespiegel").is_empty());
    assert_eq!(digest["terms"], Value::Array(Vec::new()));
    assert_eq!(digest["alerts"], Value::Array(Vec::new()));
    assert_eq!(digest["scans"][0]["number"], 2);
    // Two documents come, one goes again: the one that went leaves the news of the scan that
    // brought it.
    let zee = "Door de zeespiegelstijging moeten de dijken hoger. De zeespiegel stijgt sneller dan gedacht.\n";
    std::fs::write(corpus.join("2021-zeespiegel.txt"), zee).unwrap();
    std::fs::write(
        corpus.join("2021-zeespiegel-kort.txt"),
        "Zeespiegelstijging bedreigt de kust.\n",
    )
    .unwrap();
    ingest(&corpus, &index);
    let (digest, code) = news(&args);
    assert_eq!(code, 0);
    let docs = |digest: &Value| -> BTreeSet<String> {
        watch(digest, "zeespiegel")
            .iter()
            .map(|h| h["doc"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        docs(&digest),
        BTreeSet::from([
            "2021-zeespiegel".to_string(),
            "2021-zeespiegel-kort".to_string()
        ])
    );
    assert_eq!(digest["scans"][0]["added"].as_array().unwrap().len(), 2);
    // Without --watch, the watch list of the corpus the index was built from.
    let (own, _) = news(&["--index", index.as_str()]);
    assert_eq!(own["watches"], digest["watches"]);
    std::fs::remove_file(corpus.join("2021-zeespiegel-kort.txt")).unwrap();
    ingest(&corpus, &index);
    let mut since_three = args.to_vec();
    since_three.extend(["--since", "scan:3"]);
    // A watch whose theme the index does not have is one line naming the file and line; the
    // other watches still run.
    let mut list = std::fs::read_to_string(&watch_file).unwrap();
    list.push_str("dijken,Dijken,dijk*,geen-thema,\n");
    std::fs::write(&watch_file, list).unwrap();
    let since_three_as = |format: &str| {
        horizon(&[
            "news",
            "--index",
            &index,
            "--watch",
            &watch_file,
            "--since",
            "scan:3",
            "--format",
            format,
        ])
    };
    let out = since_three_as("json");
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains(&format!("horizon: watch skipped: {watch_file}:3: ")),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("geen-thema"), "{}", stderr(&out));
    let (digest, code) = news(&since_three);
    assert_eq!(code, 0);
    assert_eq!(
        docs(&digest),
        BTreeSet::from(["2021-zeespiegel".to_string()])
    );
    let scans = digest["scans"].as_array().unwrap();
    assert_eq!(scans.len(), 2, "{scans:?}");
    assert_eq!(scans[1]["removed"][0], "2021-zeespiegel-kort");
    // The same digest for people: Markdown and a page, each value escaped in the page.
    for (format, start) in [
        ("md", "# horizon news since scan:3"),
        ("html", "<!DOCTYPE html>"),
    ] {
        let out = since_three_as(format);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(stdout(&out).starts_with(start), "{}", stdout(&out));
        assert!(stdout(&out).contains("2021-zeespiegel#1"));
    }
    let bad = horizon(&["news", "--index", &index, "--since", "gisteren"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("--since \"gisteren\" is not 'last'"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn the_watch_list_by_command_and_its_bad_rows() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("watch.csv").display().to_string();
    let run = |args: &[&str]| {
        let mut all = vec!["watch"];
        all.extend_from_slice(args);
        all.extend(["--watch", file.as_str()]);
        horizon(&all)
    };
    let added = run(&[
        "add",
        "desinformatie",
        "desinformatie OR nepnieuws",
        "--note",
        "één",
    ]);
    assert!(added.status.success(), "{}", stderr(&added));
    assert!(run(&[
        "add",
        "rusland",
        "rusland",
        "--theme",
        "statelijke-dreigingen"
    ])
    .status
    .success());
    let twice = run(&["add", "rusland", "china"]);
    assert!(!twice.status.success());
    assert!(
        stderr(&twice).contains("already has a watch 'rusland'"),
        "{}",
        stderr(&twice)
    );
    let broken = run(&["add", "kapot", "\"open"]);
    assert!(
        stderr(&broken).contains("watch 'kapot': the query does not parse"),
        "{}",
        stderr(&broken)
    );
    let listed = json(&run(&["list", "--format", "json"]));
    let ids: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["desinformatie", "rusland"]);
    assert_eq!(listed[0]["note"], "één");
    assert!(run(&["remove", "desinformatie"]).status.success());
    // A row added by hand with a bad query is named with its line; the others still count.
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str("kapot,Kapot,(rusland,,\n");
    std::fs::write(&file, text).unwrap();
    let out = run(&["list", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!("{file}:3: the query does not parse")),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        serde_json::from_str::<Value>(&stdout(&out))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

/// The historic papers in two steps, split as the expected pass split them.
#[test]
fn the_papers_ingested_in_two_steps() {
    let papers =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/sgd-kamerstukken.jsonl");
    let Ok(text) = std::fs::read_to_string(&papers) else {
        eprintln!(
            "skipped: {} is absent (../shared/corpora)",
            papers.display()
        );
        return;
    };
    let date = regex::Regex::new(r"(?i)\b([0-3]?\d)\s+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\s+(1[6-9]\d\d|20\d\d)\b").unwrap();
    let (mut earlier, mut new) = (String::new(), String::new());
    // The URL of each new document, by its id in the index (file stem and line).
    let mut urls: HashMap<String, String> = HashMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let record: Value = serde_json::from_str(line).unwrap();
        let content = record["Content"].as_str().unwrap();
        let head: String = content.chars().take(1500).collect();
        let year: Option<u32> = date.captures(&head).map(|c| c[3].parse().unwrap());
        if year.is_some_and(|y| y >= 1993) {
            new.push_str(line);
            new.push('\n');
            let n = new.lines().count();
            urls.insert(
                format!("sgd/nieuw/{n}"),
                record["URL"].as_str().unwrap().to_string(),
            );
        } else {
            earlier.push_str(line);
            earlier.push('\n');
        }
    }
    assert_eq!(urls.len(), 130);
    let dir = TempDir::new().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(corpus.join("sgd")).unwrap();
    std::fs::write(corpus.join("sgd/eerder.jsonl"), earlier).unwrap();
    let index = dir.path().join("index").display().to_string();
    ingest(&corpus, &index);
    std::fs::write(corpus.join("sgd/nieuw.jsonl"), new).unwrap();
    let second = ingest(&corpus, &index);
    assert!(
        stderr(&second).contains("scan 2: 130 document(s) added, 0 changed, 0 removed"),
        "{}",
        stderr(&second)
    );
    let watches: Vec<(String, String)> = expected("sgd", "watch-query")
        .into_iter()
        .map(|(id, query, _)| (id, query))
        .collect();
    let mut csv = String::from("id,label,query,theme,note\n");
    for (id, query) in &watches {
        csv.push_str(&format!("{id},{id},{query},,\n"));
    }
    let watch_file = dir.path().join("watch.csv");
    std::fs::write(&watch_file, csv).unwrap();
    let (digest, code) = news(&[
        "--index",
        &index,
        "--watch",
        watch_file.to_str().unwrap(),
        "--terms",
        "300",
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        digest["scans"][0]["passages"],
        digest["since"]["new_passages"]
    );
    for (id, _) in &watches {
        let found: BTreeSet<&str> = watch(&digest, id)
            .iter()
            .map(|h| {
                let doc = h["doc"].as_str().unwrap();
                urls.get(doc)
                    .unwrap_or_else(|| panic!("{doc} is not new"))
                    .as_str()
            })
            .collect();
        let must: BTreeSet<String> = expected("sgd", "watch-must")
            .into_iter()
            .filter(|(k, _, _)| k == id)
            .map(|(_, url, _)| url)
            .collect();
        let may: BTreeSet<String> = expected("sgd", "watch-may")
            .into_iter()
            .filter(|(k, _, _)| k == id)
            .map(|(_, url, _)| url)
            .collect();
        for url in &must {
            assert!(
                found.contains(url.as_str()),
                "{id}: {url} missing from {found:?}"
            );
        }
        for url in &found {
            assert!(
                must.contains(*url) || may.contains(*url),
                "{id}: {url} is neither must nor may"
            );
        }
    }
    // Terms new to the papers are new with no earlier passage, where they are shown; the word the
    // expected pass found meeting every criterion is shown; rising ones are not called new; the
    // words of every year are not news.
    let terms = digest["terms"].as_array().unwrap();
    let term = |word: &str| terms.iter().find(|t| t["term"] == word);
    let (mut first_time, mut shown) = (0, Vec::new());
    for (word, _, how) in expected("sgd", "emerging") {
        let rising = how.starts_with("RISING");
        first_time += usize::from(!rising);
        let Some(found) = term(&word) else {
            continue;
        };
        if rising {
            assert_eq!(found["status"], "rising", "{found}");
        } else {
            assert_eq!(found["status"], "new", "{found}");
            assert_eq!(found["earlier_passages"], 0, "{found}");
            shown.push(word);
        }
    }
    // 9 of the 10 at the last count: "amvb" is everyday language in the laws the reference text
    // of general Dutch is made of, so it does not stand out against it.
    eprintln!(
        "first-time words shown: {} of {first_time}: {shown:?}",
        shown.len()
    );
    assert!(shown.len() * 10 >= first_time * 7, "{shown:?}");
    for (word, _, _) in expected("sgd", "not-emerging") {
        assert!(
            term(&word).is_none_or(|t| t["status"] != "new"),
            "{word} is in every year"
        );
    }
}
