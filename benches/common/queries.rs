//! The queries of the latency benchmarks, by kind, and how their latency is measured: "cold" is
//! each query's first run on a freshly opened index (the operating system's file cache may still be
//! warm), "warm" the median of five runs after it. Shared by `benches/ingest.rs` and
//! `benches/search.rs`.

use std::path::Path;
use std::time::Instant;

use horizon::index::{Filter, HorizonIndex};

const WORDS: [&str; 40] = [
    "veiligheid",
    "dreiging",
    "terrorisme",
    "spionage",
    "criminaliteit",
    "overstroming",
    "klimaat",
    "pandemie",
    "defensie",
    "minister",
    "belasting",
    "gemeente",
    "rechter",
    "subsidie",
    "wet",
    "verordening",
    "toezicht",
    "politie",
    "grens",
    "water",
    "dijk",
    "oorlog",
    "vrede",
    "handel",
    "onderwijs",
    "zorg",
    "infectieziekten",
    "ondermijning",
    "weerbaarheid",
    "cyberaanvallen",
    "Rusland",
    "China",
    "NAVO",
    "Europese",
    "inlichtingen",
    "vaccinatie",
    "drugs",
    "extremisme",
    "polarisatie",
    "crisis",
];
const PHRASES: [&str; 20] = [
    "\"nationale veiligheid\"",
    "\"vitale infrastructuur\"",
    "\"openbare orde\"",
    "\"Tweede Kamer\"",
    "\"Europese Unie\"",
    "\"de minister van\"",
    "\"ter uitvoering van\"",
    "\"in werking\"",
    "\"het Rijk\"",
    "\"sociale zekerheid\"",
    "\"digitale veiligheid\"",
    "\"statelijke actoren\"",
    "\"georganiseerde criminaliteit\"",
    "\"extreem weer\"",
    "\"bij algemene maatregel\"",
    "\"artikel 1\"",
    "\"de Staten-Generaal\"",
    "\"ruimtelijke ordening\"",
    "\"de Kroon\"",
    "\"economische veiligheid\"",
];
const BOOLEAN: [&str; 20] = [
    "Rusland OR China",
    "terrorisme AND NOT jihadisme",
    "(dijk OR water) veiligheid",
    "minister -financiën",
    "politie OR marechaussee",
    "defensie NAVO",
    "klimaat OR droogte",
    "\"openbare orde\" burgemeester",
    "belasting NOT accijns",
    "(spionage OR sabotage) dreiging",
    "wet OR besluit",
    "gemeente provincie",
    "grens douane",
    "zorg NOT onderwijs",
    "handel OR export",
    "rechter OR tribunaal",
    "crisis beheersing",
    "vaccinatie OR virus",
    "drugs criminaliteit",
    "Europese OR Europa",
];
/// Prefixes as analysts type them, over folded word forms.
const PREFIXES: [&str; 12] = [
    "terror*",
    "veiligheid*",
    "spion*",
    "crimin*",
    "overstrom*",
    "belasting*",
    "gemeente*",
    "onderwijs*",
    "polit*",
    "defensie*",
    "klimaat*",
    "vaccin*",
];
/// Fuzzy words: typing and OCR errors.
const FUZZY: [&str; 12] = [
    "desinformatei~1",
    "veiligheid~1",
    "terorisme~1",
    "spionnage~1",
    "criminalitiet~1",
    "overstroming~2",
    "belastnig~1",
    "gemeentte~1",
    "onderwjis~1",
    "ministre~1",
    "defensie~2",
    "burgemeester~1",
];
/// Proximity in both spellings.
const PROXIMITY: [&str; 12] = [
    "\"rusland desinformatie\"~30",
    "\"nationale veiligheid\"~3",
    "NEAR(minister financien)",
    "NEAR(gemeente belasting)",
    "NEAR/5(politie justitie)",
    "NEAR/3(water dijk)",
    "\"openbare orde\"~5",
    "NEAR(onderwijs subsidie)",
    "\"tweede kamer\"~2",
    "NEAR/10(oorlog schade)",
    "NEAR(spoorwegen tarief)",
    "\"rijks begroting\"~4",
];
/// Fields in the query, alone and with words.
const FIELDS: [&str; 8] = [
    "datum:1950..1970 belasting",
    "datum:..1900 spoorweg",
    "date:1980.. milieu",
    "datum:1990 onderwijs",
    "doc:sgd-kamerstukken/1 wet",
    "datum:1900..1940 werkloosheid",
    "datum:2000.. gemeente",
    "datum:1970..1980 defensie",
];
/// No passage holds every word: the passages with most of them, and "did you mean".
const NO_DEAD_END: [&str; 8] = [
    "cyberaanvallen spoorwegen zeespiegelstijging",
    "desinformatie tariefwet",
    "drone polder accijns",
    "klimaatverandring",
    "belastingdienst quantumcomputer",
    "onderwijsinspectei",
    "ransomware gemeente",
    "mijnbouwschade groningen lockdown",
];

/// Every query text of every kind but the edition filter, for the load benchmark of `serve`.
#[allow(dead_code)]
pub fn texts() -> Vec<&'static str> {
    WORDS
        .iter()
        .chain(&PHRASES)
        .chain(&BOOLEAN)
        .chain(&PREFIXES)
        .chain(&FUZZY)
        .chain(&PROXIMITY)
        .chain(&FIELDS)
        .chain(&NO_DEAD_END)
        .copied()
        .collect()
}

/// The queries of each kind; the filtered kind repeats the words within one edition each.
fn kinds(index: &HorizonIndex) -> Vec<(&'static str, Vec<(String, Filter)>)> {
    let editions: Vec<String> = index.meta.editions.iter().map(|e| e.name.clone()).collect();
    let plain = |list: &[&str]| -> Vec<(String, Filter)> {
        list.iter()
            .map(|q| (q.to_string(), Filter::default()))
            .collect()
    };
    let filtered = WORDS
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let filter = Filter {
                edition: Some(editions[i % editions.len()].clone()),
                ..Filter::default()
            };
            (q.to_string(), filter)
        })
        .collect();
    vec![
        ("word", plain(&WORDS)),
        ("phrase", plain(&PHRASES)),
        ("boolean", plain(&BOOLEAN)),
        ("edition", filtered),
        ("prefix", plain(&PREFIXES)),
        ("fuzzy", plain(&FUZZY)),
        ("proximity", plain(&PROXIMITY)),
        ("field", plain(&FIELDS)),
        ("no dead end", plain(&NO_DEAD_END)),
    ]
}

/// Cold and warm latencies in milliseconds, one each per query.
fn latencies(index: &Path, queries: &[(String, Filter)]) -> (Vec<f64>, Vec<f64>) {
    let mut cold = Vec::new();
    let mut warm = Vec::new();
    for (query, filter) in queries {
        let fresh = HorizonIndex::open(index).expect("the index opens");
        let started = Instant::now();
        let _ = fresh.search(query, filter, 10);
        cold.push(started.elapsed().as_secs_f64() * 1000.0);
        let mut runs: Vec<f64> = (0..5)
            .map(|_| {
                let started = Instant::now();
                let _ = fresh.search(query, filter, 10);
                started.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        runs.sort_by(f64::total_cmp);
        warm.push(runs[2]);
    }
    (cold, warm)
}

#[allow(dead_code)]
pub fn print_header() {
    println!(
        "{:<22} {:<12} {:>8} {:>10} {:>10} {:>10} {:>10}",
        "queries on", "kind", "queries", "cold p50", "cold p99", "warm p50", "warm p99"
    );
}

/// One line per kind of query and one for all of them, on the index in `index`.
#[allow(dead_code)]
pub fn report(name: &str, index: &Path) {
    let opened = HorizonIndex::open(index).expect("the index opens");
    let (mut all_cold, mut all_warm) = (Vec::new(), Vec::new());
    let line = |kind: &str, cold: &[f64], warm: &[f64]| {
        println!(
            "{name:<22} {kind:<12} {:>8} {:>8.2}ms {:>8.2}ms {:>8.2}ms {:>8.2}ms",
            cold.len(),
            percentile(cold, 0.5),
            percentile(cold, 0.99),
            percentile(warm, 0.5),
            percentile(warm, 0.99)
        );
    };
    for (kind, queries) in kinds(&opened) {
        let (cold, warm) = latencies(index, &queries);
        line(kind, &cold, &warm);
        all_cold.extend(cold);
        all_warm.extend(warm);
    }
    line("all", &all_cold, &all_warm);
}

fn percentile(values: &[f64], p: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at]
}
