//! Integration tests of `horizon search` and `horizon show` on the real corpus: the query syntax
//! (phrases, proximity, prefixes, fuzzy words, fields, hyphenated words), the answers that are no
//! dead end (partial matches, "bedoelde u"), errors that point at the character, and search quality.

use std::path::Path;

use serde_json::Value;

mod common;
use common::{
    horizon, ingest_real_corpus, json, lower_text, search_json, stderr, stdout, SEED_DOC,
    SEED_EDITION,
};

/// The words of a text, lower-cased, as a reader counts them.
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether some word starting with `a` and some word starting with `b` stand with at most `between`
/// words between them, in either order.
fn near(text: &str, a: &str, b: &str, between: usize) -> bool {
    let words = words(text);
    let at = |prefix: &str| -> Vec<usize> {
        words
            .iter()
            .enumerate()
            .filter(|(_, w)| w.starts_with(prefix))
            .map(|(i, _)| i)
            .collect()
    };
    at(a)
        .iter()
        .any(|i| at(b).iter().any(|j| i.abs_diff(*j) <= between + 1))
}

fn failed(args: &[&str]) -> String {
    let out = horizon(args);
    assert_eq!(out.status.code(), Some(1), "{args:?} should fail");
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    err
}

#[test]
fn a_prefix_finds_every_word_that_starts_so() {
    let indexed = ingest_real_corpus();
    let hits = search_json(&indexed.index, "terror*", &["--limit", "100"]);
    let mut seen: Vec<String> = Vec::new();
    for hit in &hits {
        let found: Vec<String> = words(hit["text"].as_str().unwrap())
            .into_iter()
            .filter(|w| w.starts_with("terror"))
            .collect();
        assert!(!found.is_empty(), "{}", hit["text"]);
        seen.extend(found);
        assert!(hit["snippet"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("**terror"));
    }
    for form in ["terrorisme", "terroristische", "terrorismebestrijding"] {
        assert!(seen.iter().any(|w| w == form), "{form} not among {seen:?}");
    }
    // Every passage with such a word is found: the prefix is not cut short.
    let all = common::passage_rows(&indexed.index);
    let holding = all
        .iter()
        .filter(|p| {
            words(p["text"].as_str().unwrap())
                .iter()
                .any(|w| w.starts_with("terror"))
        })
        .count();
    assert_eq!(hits.len(), holding);
    let out = horizon(&["search", "xqzw*", "--index", &indexed.index]);
    assert!(
        stderr(&out).contains("no word of the index starts with \"xqzw\""),
        "{}",
        stderr(&out)
    );
    // A prefix works on word forms, not stems: veiligheid* finds veiligheidsregio's, which the stem
    // "veilig" of veiligheid would not lead to.
    let hits = search_json(&indexed.index, "veiligheidsregio*", &[]);
    assert!(!hits.is_empty());
    assert!(hits
        .iter()
        .all(|h| lower_text(h).contains("veiligheidsregio")));
}

#[test]
fn proximity_finds_words_near_each_other_in_any_order() {
    let indexed = ingest_real_corpus();
    let ix = indexed.index.as_str();
    let exact = search_json(ix, "\"digitale dreigingen\"", &["--limit", "100"]);
    let sloppy = search_json(ix, "\"digitale dreigingen\"~3", &["--limit", "100"]);
    assert!(
        sloppy.len() > exact.len(),
        "{} vs {}",
        sloppy.len(),
        exact.len()
    );
    for hit in &sloppy {
        assert!(
            near(hit["text"].as_str().unwrap(), "digita", "dreiging", 3),
            "{}",
            hit["text"]
        );
    }
    // "De digitale dreiging vanuit statelijke actoren": dreiging, not dreigingen, found by stem.
    assert!(sloppy
        .iter()
        .any(|h| lower_text(h).contains("de digitale dreiging vanuit")));

    let near_default = search_json(ix, "NEAR(Rusland China)", &["--limit", "100"]);
    let near_two = search_json(ix, "NEAR/2(China Rusland)", &["--limit", "100"]);
    let anywhere = search_json(ix, "Rusland China", &["--limit", "100"]);
    assert!(!near_two.is_empty());
    assert!(near_two.len() <= near_default.len() && near_default.len() <= anywhere.len());
    for hit in &near_default {
        assert!(
            near(hit["text"].as_str().unwrap(), "rusland", "china", 10),
            "{}",
            hit["text"]
        );
    }
    for hit in &near_two {
        assert!(
            near(hit["text"].as_str().unwrap(), "rusland", "china", 2),
            "{}",
            hit["text"]
        );
    }
    // "Rusland en China": the reversed order is found too.
    assert!(near_two
        .iter()
        .any(|h| lower_text(h).contains("rusland en china")));
}

#[test]
fn a_fuzzy_word_finds_what_a_typo_or_ocr_error_meant() {
    let indexed = ingest_real_corpus();
    let hits = search_json(&indexed.index, "desinformatei~1", &["--limit", "100"]);
    let plain = search_json(&indexed.index, "desinformatie", &["--limit", "100"]);
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| lower_text(h).contains("desinformatie")));
    assert!(hits[0]["snippet"]
        .as_str()
        .unwrap()
        .contains("**desinformatie**"));
    let out = horizon(&["search", "xqzwvk~1", "--index", &indexed.index]);
    assert!(
        stderr(&out).contains("no word of the index is within 1 edit of \"xqzwvk\""),
        "{}",
        stderr(&out)
    );
    // The fuzzy word takes word forms, not compounds: a subset of what the word itself finds.
    let plain_ids: Vec<&Value> = plain.iter().map(|h| &h["passage"]).collect();
    assert!(hits.iter().all(|h| plain_ids.contains(&&h["passage"])));
}

#[test]
fn fields_in_the_query_filter_and_combine_with_the_flags() {
    let indexed = ingest_real_corpus();
    let ix = indexed.index.as_str();
    let boxed = search_json(ix, "editie:2019 polarisatie", &["--limit", "100"]);
    assert!(!boxed.is_empty());
    assert!(boxed.iter().all(|h| h["edition"] == "NVS 2019"));
    let same = search_json(ix, "edition:\"NVS 2019\" polarisatie", &["--limit", "100"]);
    assert_eq!(boxed, same);
    let summary = search_json(
        ix,
        "deel:samenvatting thema:polarisatie",
        &["--limit", "100"],
    );
    assert!(!summary.is_empty());
    assert!(summary
        .iter()
        .all(|h| h["part"] == "summary" && h["theme"] == "polarisatie"));
    // Dates: the seed's 2021 text is dated 2021-03-08, its 2019 boxes 2019-06-07.
    let in_2021 = search_json(ix, "datum:2021 weerbaarheid", &["--limit", "200"]);
    let until_2020 = search_json(ix, "date:..2020-12 weerbaarheid", &["--limit", "200"]);
    let both = search_json(ix, "datum:2019..2021 weerbaarheid", &["--limit", "200"]);
    assert!(!in_2021.is_empty() && !until_2020.is_empty());
    assert!(in_2021
        .iter()
        .all(|h| h["date"].as_str().unwrap().starts_with("2021")));
    assert!(until_2020
        .iter()
        .all(|h| h["date"].as_str().unwrap().starts_with("2019")));
    assert_eq!(both.len(), in_2021.len() + until_2020.len());
    let all = search_json(ix, "weerbaarheid", &["--limit", "200"]);
    assert_eq!(both.len(), all.len());
    assert!(search_json(ix, "datum:2022.. weerbaarheid", &[]).is_empty());
    let series = search_json(
        ix,
        "reeks:\"Nationale Veiligheid Strategie\" doc:nvs-midterm-review-2021 cyber",
        &[],
    );
    assert!(!series.is_empty());
    assert!(series.iter().all(|h| h["doc"] == SEED_DOC));
    // A field and a flag: both hold.
    let flagged = search_json(
        ix,
        "deel:dreiging Rusland",
        &["--edition", SEED_EDITION, "--limit", "100"],
    );
    assert!(!flagged.is_empty());
    assert!(flagged
        .iter()
        .all(|h| h["part"] == "threat" && h["edition"] == SEED_EDITION));
    // A filter alone lists its passages in corpus order.
    let listed = search_json(ix, "thema:infectieziekten", &["--limit", "3"]);
    let positions: Vec<u64> = listed
        .iter()
        .map(|h| h["position"].as_u64().unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    // Values that are not there are named, with the ones that are.
    let err = failed(&["search", "editie:2030 cyber", "--index", ix]);
    assert!(err.contains("no editie \"2030\" in the index; write one of: \"NVS 2019\", \"NVS midterm review 2021\""), "{err}");
    let err = failed(&["search", "editie:NVS cyber", "--index", ix]);
    assert!(err.contains("fits more than one value"), "{err}");
    let err = failed(&["search", "deel:inleiding cyber", "--index", ix]);
    assert!(
        err.contains("samenvatting (summary), dreiging (threat)"),
        "{err}"
    );
}

#[test]
fn hyphenated_words_and_numbers_are_the_phrase_they_are() {
    let indexed = ingest_real_corpus();
    for (query, written) in [
        ("Covid-19", "covid-19"),
        ("EU-grondgebied", "eu-grondgebied"),
    ] {
        let hits = search_json(&indexed.index, query, &["--limit", "100"]);
        assert!(!hits.is_empty(), "{query}");
        for hit in &hits {
            assert!(
                lower_text(hit).contains(written),
                "{query}: {}",
                hit["text"]
            );
        }
    }
    let papers =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/sgd-kamerstukken.jsonl");
    if !papers.exists() {
        eprintln!(
            "skipping F-16 on the papers: {} is absent",
            papers.display()
        );
        return;
    }
    let dir = tempfile::TempDir::new().unwrap();
    let index = dir.path().join("ix").display().to_string();
    let out = horizon(&["ingest", papers.to_str().unwrap(), "--index", &index]);
    assert!(out.status.success(), "{}", stderr(&out));
    // "F-16" is the plane, not the guilder amounts "f 16 000" the papers are full of.
    let hits = search_json(&index, "F-16", &["--limit", "10"]);
    assert!(hits.len() >= 2);
    for hit in &hits {
        let text = hit["text"].as_str().unwrap();
        assert!(
            text.contains("F-16") || text.contains("f16") || text.contains("F16"),
            "{text}"
        );
    }
}

#[test]
fn malformed_queries_point_at_the_character_and_say_what_to_write() {
    let indexed = ingest_real_corpus();
    let ix = indexed.index.as_str();
    for (query, at, hint) in [
        (
            "cyber (rusland OR china",
            "character 7",
            "close the group with ')'",
        ),
        (
            "veilig*heid",
            "character 7",
            "write veilig* to find every word",
        ),
        (
            "desinformatie~5",
            "character 15",
            "write desinformatie~1 or desinformatie~2",
        ),
        (
            "NEAR(rusland)",
            "character 1",
            "write NEAR(rusland desinformatie)",
        ),
        (
            "\"rusland china\"~veel",
            "character 17",
            "write \"rusland china\"~10",
        ),
        (
            "jaar:2020 cyber",
            "character 1",
            "the fields are editie:, edition:",
        ),
        (
            "datum:vorig-jaar",
            "character 7",
            "write datum:2021, datum:2019..2021",
        ),
        ("OR china", "character 1", "put a word on both sides of OR"),
    ] {
        let err = failed(&["search", query, "--index", ix]);
        assert!(err.starts_with("horizon: "), "{err}");
        assert!(err.contains(at) && err.contains(hint), "{query}: {err}");
    }
}

#[test]
fn no_passage_with_every_word_gives_those_with_most_of_them() {
    let indexed = ingest_real_corpus();
    let ix = indexed.index.as_str();
    let out = horizon(&[
        "search",
        "cyberaanvallen Rusland",
        "--index",
        ix,
        "--format",
        "json",
        "--limit",
        "20",
    ]);
    assert!(
        stderr(&out).contains(
            "no passage holds all 2 parts of \"cyberaanvallen Rusland\"; these hold 1 of them"
        ),
        "{}",
        stderr(&out)
    );
    let hits = json(&out);
    let hits = hits.as_array().unwrap();
    assert!(!hits.is_empty());
    for hit in hits {
        assert_eq!(hit["partial"], true);
        let missing = hit["missing"].as_str().unwrap();
        let text = lower_text(hit);
        match missing {
            "Rusland" => assert!(text.contains("cyberaanval") && !text.contains("rusland")),
            "cyberaanvallen" => assert!(text.contains("rusland") && !text.contains("cyberaanval")),
            other => panic!("missing {other:?}"),
        }
    }
    // Three words, two of which meet in one passage: those passages, missing the third.
    let out = horizon(&[
        "search",
        "spionage Rusland zeespiegelstijging",
        "--index",
        ix,
        "--format",
        "json",
    ]);
    assert!(
        stderr(&out).contains("these hold 2 of them"),
        "{}",
        stderr(&out)
    );
    for hit in json(&out).as_array().unwrap() {
        assert_eq!(hit["missing"], "zeespiegelstijging");
    }
    // Whole matches are not marked.
    let whole = search_json(ix, "spionage Rusland", &[]);
    assert!(whole
        .iter()
        .all(|h| h["partial"] == false && h["missing"] == ""));
    // The table shows the missing words.
    let table = stdout(&horizon(&[
        "search",
        "cyberaanvallen Rusland",
        "--index",
        ix,
    ]));
    assert!(table.lines().next().unwrap().contains("missing"), "{table}");
    // Filters that leave nothing say how many passages the words match outside them.
    let out = horizon(&["search", "editie:2019 spionage", "--index", ix]);
    assert!(
        stderr(&out).contains("passages match \"spionage\" outside editie:2019"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_word_found_nowhere_gets_the_nearest_words_of_the_index() {
    let indexed = ingest_real_corpus();
    let out = horizon(&["search", "desinformatei", "--index", &indexed.index]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("no passages match"));
    assert!(
        stderr(&out).contains("\"desinformatei\" is in no passage; bedoelde u: desinformatie"),
        "{}",
        stderr(&out)
    );
    let out = horizon(&[
        "search",
        "polarisatie klimaatverandring",
        "--index",
        &indexed.index,
    ]);
    let said = stderr(&out);
    assert!(said.contains("bedoelde u: klimaatverandering"), "{said}");
    assert!(said.contains("these hold 1 of them"), "{said}");
}

#[test]
fn show_puts_a_passage_in_its_document() {
    let indexed = ingest_real_corpus();
    let ix = indexed.index.as_str();
    let page = stdout(&horizon(&[
        "show",
        "nvs-midterm-review-2021#54",
        "--index",
        ix,
    ]));
    assert!(page.starts_with("nvs-midterm-review-2021#54\n"), "{page}");
    assert!(
        page.contains("under    Terrorisme en extremisme tegengaan > Korte samenvatting NVS 2019"),
        "{page}"
    );
    assert!(
        page.contains("corpus/nvs-midterm-review-2021.txt\n"),
        "{page}"
    );
    assert!(page.contains("lines    685-695"), "{page}");
    assert!(
        page.contains("── before nvs-midterm-review-2021#53"),
        "{page}"
    );
    assert!(
        page.contains("── after nvs-midterm-review-2021#55"),
        "{page}"
    );
    assert!(page.contains("[terroristische] dreiging"), "{page}");
    let rows = json(&horizon(&[
        "show",
        "nvs-midterm-review-2021#54",
        "--index",
        ix,
        "--context",
        "2",
        "--format",
        "json",
    ]));
    let rows = rows.as_array().unwrap();
    let roles: Vec<&str> = rows.iter().map(|r| r["role"].as_str().unwrap()).collect();
    assert_eq!(roles, ["before", "before", "passage", "after", "after"]);
    assert_eq!(rows[2]["lines"], "685-695");
    assert_eq!(rows[2]["edition"], "NVS 2019");
    assert!(rows[2]["mentions"]
        .as_str()
        .unwrap()
        .contains("terrorisme-extremisme"));
    assert!(rows[2]["url"]
        .as_str()
        .unwrap()
        .starts_with("https://www.nctv.nl/"));
    // The first passage has nothing before it.
    let first = json(&horizon(&[
        "show",
        "nvs-midterm-review-2021#1",
        "--index",
        ix,
        "--format",
        "json",
    ]));
    assert_eq!(first.as_array().unwrap()[0]["role"], "passage");
    let err = failed(&["show", "nvs-midterm-review-2021#999", "--index", ix]);
    assert!(err.contains("has passages #1 to #"), "{err}");
    let err = failed(&["show", "nvs", "--index", ix]);
    assert!(err.contains("is not a passage id"), "{err}");
}

#[test]
fn search_finds_cyberattacks_with_highlighted_snippets() {
    let indexed = ingest_real_corpus();
    let hits = search_json(&indexed.index, "cyberaanvallen", &[]);
    assert!(hits.len() >= 3, "{hits:?}");
    let mut previous = f64::INFINITY;
    for (i, hit) in hits.iter().enumerate() {
        assert_eq!(hit["rank"], i + 1);
        let score = hit["score"].as_f64().unwrap();
        assert!(
            score <= previous,
            "scores must fall: {score} after {previous}"
        );
        previous = score;
        assert_eq!(hit["doc"], SEED_DOC);
        assert_eq!(hit["edition"], SEED_EDITION);
        assert_eq!(hit["date"], "2021-03-08");
        assert!(hit["passage"]
            .as_str()
            .unwrap()
            .starts_with("nvs-midterm-review-2021#"));
        assert!(lower_text(hit).contains("cyberaanval"), "{}", hit["text"]);
        let snippet = hit["snippet"].as_str().unwrap().to_lowercase();
        assert!(snippet.contains("**cyberaanval"), "{snippet}");
        assert!(hit["text"].as_str().unwrap().chars().count() <= 1500);
    }
    // The passage that says digital insecurity is the biggest threat must rank in the top 5.
    assert!(hits
        .iter()
        .take(5)
        .any(|h| lower_text(h).contains("talloze grotere en kleinere")));

    let table = horizon(&["search", "cyberaanvallen", "--index", &indexed.index]);
    assert!(table.status.success());
    let text = stdout(&table);
    assert!(text.starts_with("rank  score"), "{text}");
    assert!(text.contains("**cyberaanvallen**"), "{text}");
}

#[test]
fn search_understands_phrases_and_boolean_operators() {
    let indexed = ingest_real_corpus();
    let ix = indexed.index.as_str();

    let phrase = search_json(ix, "\"vitale infrastructuur\"", &["--limit", "50"]);
    assert!(phrase.len() >= 5);
    for hit in &phrase {
        let flat = lower_text(hit)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(flat.contains("vitale infrastructuur"), "{flat}");
    }

    let both = search_json(ix, "Rusland China", &["--limit", "100"]);
    assert!(!both.is_empty());
    for hit in &both {
        let text = lower_text(hit);
        assert!(text.contains("rusland") && text.contains("china"), "{text}");
    }

    let not_china = search_json(ix, "Rusland AND NOT China", &["--limit", "100"]);
    assert!(!not_china.is_empty());
    for hit in &not_china {
        let text = lower_text(hit);
        assert!(
            text.contains("rusland") && !text.contains("china"),
            "{text}"
        );
    }
    let dash = search_json(ix, "Rusland -China", &["--limit", "100"]);
    assert_eq!(dash.len(), not_china.len());

    let either = search_json(ix, "(Rusland OR China) spionage", &["--limit", "100"]);
    assert!(
        either.len()
            >= both
                .iter()
                .filter(|h| lower_text(h).contains("spionage"))
                .count()
    );
    for hit in &either {
        let text = lower_text(hit);
        assert!(text.contains("spionage"));
        assert!(text.contains("rusland") || text.contains("china"), "{text}");
    }
}

#[test]
fn search_filters_by_edition_in_any_case() {
    let indexed = ingest_real_corpus();
    let hits = search_json(
        &indexed.index,
        "polarisatie",
        &["--edition", "nvs MIDTERM review 2021"],
    );
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["edition"] == SEED_EDITION));

    let out = horizon(&[
        "search",
        "polarisatie",
        "--index",
        &indexed.index,
        "--edition",
        "NVS 2030",
    ]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.starts_with("horizon: "), "{err}");
    assert!(
        err.contains(
            "no edition \"NVS 2030\" in the index; the editions are: \"NVS 2019\", \"NVS midterm review 2021\""
        ),
        "{err}"
    );
}

#[test]
fn queries_that_do_not_parse_say_why() {
    let indexed = ingest_real_corpus();
    for (query, problem) in [
        ("(rusland OR china", "this '(' is not closed"),
        ("\"nationale veiligheid", "this quote is not closed"),
        ("dreiging AND", "the query ends where a word is expected"),
    ] {
        let out = horizon(&["search", query, "--index", &indexed.index]);
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert!(
            err.contains("does not parse") && err.contains(problem),
            "{query}: {err}"
        );
    }
    let out = horizon(&["search", "de het een", "--index", &indexed.index]);
    assert!(
        stderr(&out).contains("has only stop words"),
        "{}",
        stderr(&out)
    );
}

/// The measures of one set's "all" row: queries, then success@5 and MRR@10 of horizon and plain.
fn totals(rows: &[Value], set: &str) -> Option<(u64, f64, f64, f64, f64)> {
    let all = rows
        .iter()
        .find(|r| r["set"] == set && r["phenomenon"] == "all")?;
    let get = |key: &str| all[key].as_f64().unwrap();
    Some((
        all["queries"].as_u64().unwrap(),
        get("horizon_success_at_5"),
        get("horizon_mrr_at_10"),
        get("plain_success_at_5"),
        get("plain_mrr_at_10"),
    ))
}

#[test]
fn both_quality_sets_meet_their_targets_and_beat_the_plain_analyzer() {
    let out = horizon(&["evaluate", "--format", "json"]);
    let rows = json(&out);
    let rows = rows.as_array().unwrap();
    // The seed: at least the 0.974 of before the search issue, every phenomenon of the Dutch text
    // issue in it.
    let (queries, success, mrr, plain_success, plain_mrr) =
        totals(rows, "seed").expect("the seed set");
    println!("seed: {queries} queries, success@5 {success:.3} (plain {plain_success:.3}), MRR@10 {mrr:.3} (plain {plain_mrr:.3})");
    assert!(queries >= 77);
    assert!(success >= 0.974 && mrr >= 0.90, "seed {success} {mrr}");
    assert!(success > plain_success && mrr > plain_mrr);
    for phenomenon in [
        "hyphenation",
        "soft-hyphen",
        "footnote",
        "apostrophe",
        "diacritics",
        "compound",
        "elliptical",
        "inflection",
        "number",
    ] {
        assert!(
            rows.iter()
                .any(|r| r["set"] == "seed" && r["phenomenon"] == phenomenon),
            "{phenomenon} missing"
        );
    }
    // The corpora the analyzer was not made on: historic papers, laws, PDFs.
    let Some((queries, success, mrr, plain_success, plain_mrr)) = totals(rows, "corpora") else {
        assert!(
            stderr(&out).contains("skipping the corpora set"),
            "{}",
            stderr(&out)
        );
        eprintln!("the corpora set was skipped: ../shared/corpora is absent");
        return;
    };
    println!("corpora: {queries} queries, success@5 {success:.3} (plain {plain_success:.3}), MRR@10 {mrr:.3} (plain {plain_mrr:.3})");
    assert!(queries >= 60);
    assert!(success >= 0.95 && mrr >= 0.90, "corpora {success} {mrr}");
    assert!(success > plain_success && mrr > plain_mrr);
    for phenomenon in [
        "old-spelling",
        "ocr-hyphen",
        "hyphen-compound",
        "glued",
        "acronym",
        "ligature",
        "compound",
        "law",
    ] {
        assert!(
            rows.iter()
                .any(|r| r["set"] == "corpora" && r["phenomenon"] == phenomenon),
            "{phenomenon} missing"
        );
    }
}

#[test]
fn dutch_aware_search_finds_what_a_reader_means() {
    let indexed = ingest_real_corpus();
    let ix = indexed.index.as_str();
    let top = |query: &str| -> String {
        let hits = search_json(ix, query, &["--limit", "5"]);
        hits.iter()
            .map(|h| h["text"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
            .join("\n")
    };
    // A phrase across a removed footnote marker ("veiligheid4").
    assert!(top("\"nationale veiligheid op de korte termijn\"")
        .contains("intentie en capaciteit om de nationale veiligheid op de korte termijn"));
    // A word the PDF split across a line end ("princi-\neel").
    assert!(top("principieel").contains("Ons internationale engagement is principieel"));
    // No diacritics typed; plural with and without apostrophe.
    assert!(top("geintegreerde risicoanalyse").contains("geïntegreerde risicoanalyse"));
    assert!(top("risicos").contains("risico's"));
    // A compound part, an elliptical compound, a plural the stemmer has to join.
    assert!(top("criminaliteit drugs").contains("drugscriminaliteit"));
    assert!(top("linksextremistische").contains("links- en rechtsextremistische"));
    assert!(top("hittegolf").contains("Hittegolven"));
    // Resilience does not meet weather.
    for hit in search_json(ix, "weer", &["--limit", "50"]) {
        let text = lower_text(&hit);
        assert!(
            text.split(|c: char| !c.is_alphanumeric())
                .any(|w| w == "weer"),
            "'weer' must not find passages that only say weerbaarheid: {text}"
        );
    }
}

#[test]
fn search_filters_by_theme_and_shows_it() {
    let indexed = ingest_real_corpus();
    let hits = search_json(
        &indexed.index,
        "weerbaarheid",
        &["--theme", "Aanpak digitale dreigingen", "--limit", "50"],
    );
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["theme"] == "digitale-dreigingen"));
    let boxed = search_json(
        &indexed.index,
        "polarisatie",
        &["--edition", "NVS 2019", "--theme", "polarisatie"],
    );
    assert!(!boxed.is_empty());
    assert!(boxed.iter().all(|h| h["part"] == "summary"));
    let out = horizon(&[
        "search",
        "x",
        "--index",
        &indexed.index,
        "--theme",
        "klimaat",
    ]);
    assert!(
        stderr(&out).contains(
            "no theme \"klimaat\" in the index; the themes are: statelijke-dreigingen, polarisatie"
        ),
        "{}",
        stderr(&out)
    );
}
