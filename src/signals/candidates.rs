//! Candidates: names the lexicon does not have yet. Acronyms, capitalised multi-word names and the
//! shapes of measures (Wet ..., Besluit ..., wetsvoorstel ..., ...programma, ...strategie, ...agenda,
//! ...akkoord, ...toets, ...verdrag) that occur in the passages but are not covered by a mention.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::index::PassageRecord;

/// What a candidate looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Shape {
    Acronym,
    Name,
    Measure,
}

impl Shape {
    pub fn name(self) -> &'static str {
        match self {
            Shape::Acronym => "acronym",
            Shape::Name => "name",
            Shape::Measure => "measure",
        }
    }
}

/// A name found in the text and not in the lexicon.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub text: String,
    pub shape: Shape,
    /// A lexicon `type` to start from, where the shape says one.
    pub entry_type: &'static str,
    pub count: u64,
    pub passages: u64,
    /// The theme most of its passages have.
    pub theme: String,
    /// The first passage it occurs in, and a line of context.
    pub passage: String,
    pub context: String,
}

static ACRONYM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\p{Lu}[\p{Lu}0-9]{1,7}\b").unwrap());
static NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b\p{Lu}\p{Ll}[\p{L}-]*(?:\s+(?:van|voor|de|der|het|op|tegen)?\s*\p{Lu}[\p{L}-]+)+",
    )
    .unwrap()
});
static LAW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:Wet|Besluit|wetsvoorstel|Verdrag|Regeling)\s+(?:[\p{Ll}\p{Lu}][\p{L}'-]*\s+){0,5}?[\p{L}'-]+(?:wet|heden|systemen|regio's|organisaties|veiligheid|toezicht|gegevens)\b").unwrap()
});
static MEASURE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[\p{L}-]{3,}(?:programma|strategie|agenda|akkoord|toets|verdrag|plan)\b")
        .unwrap()
});

/// Sentence openers that are capitalised without being part of a name.
const OPENERS: [&str; 24] = [
    "De",
    "Het",
    "Een",
    "Dit",
    "Deze",
    "Die",
    "Dat",
    "In",
    "Op",
    "Met",
    "Voor",
    "Om",
    "Bij",
    "Door",
    "Als",
    "Ook",
    "Zo",
    "Daarnaast",
    "Naast",
    "Onder",
    "Uit",
    "Tot",
    "Na",
    "Wij",
];
/// Small words a name may hold but not start with.
const CONNECTORS: [&str; 6] = ["van", "voor", "de", "der", "het", "op"];
/// Capitals that are not acronyms: roman numerals and the like.
const NOT_ACRONYMS: [&str; 8] = ["II", "III", "IV", "VI", "VII", "VIII", "IX", "XI"];

/// Candidates occurring at least `min` times, most frequent first.
pub fn find(records: &[PassageRecord], min: u64) -> Vec<Candidate> {
    let mut found: HashMap<(String, Shape), Candidate> = HashMap::new();
    let mut themes: HashMap<(String, Shape), HashMap<String, u64>> = HashMap::new();
    for record in records {
        let text = &record.text;
        let covered = |start: usize, end: usize| {
            record
                .mentions
                .iter()
                .any(|m| m.start < end && start < m.end)
        };
        let mut seen_here: Vec<(String, Shape)> = Vec::new();
        let mut add = |start: usize, end: usize, shape: Shape, entry_type: &'static str| {
            let name = text[start..end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let key = (name.clone(), shape);
            let candidate = found.entry(key.clone()).or_insert_with(|| Candidate {
                text: name,
                shape,
                entry_type,
                count: 0,
                passages: 0,
                theme: String::new(),
                passage: record.passage.clone(),
                context: context(text, start, end),
            });
            candidate.count += 1;
            if !seen_here.contains(&key) {
                candidate.passages += 1;
                *themes
                    .entry(key.clone())
                    .or_default()
                    .entry(record.theme.clone())
                    .or_default() += 1;
                seen_here.push(key);
            }
        };
        for m in ACRONYM.find_iter(text) {
            if !NOT_ACRONYMS.contains(&m.as_str()) && !covered(m.start(), m.end()) {
                add(m.start(), m.end(), Shape::Acronym, "");
            }
        }
        for m in LAW.find_iter(text) {
            if !covered(m.start(), m.end()) {
                add(m.start(), m.end(), Shape::Measure, "law");
            }
        }
        for m in MEASURE_WORD.find_iter(text) {
            if !covered(m.start(), m.end()) {
                add(m.start(), m.end(), Shape::Measure, measure_type(m.as_str()));
            }
        }
        for m in NAME.find_iter(text) {
            let mut start = m.start();
            let mut rest = m.as_str();
            // "De Europese Commissie" is the name "Europese Commissie".
            while let Some(opener) = OPENERS.iter().chain(&CONNECTORS).find(|o| {
                rest.strip_prefix(**o)
                    .is_some_and(|r| r.starts_with(char::is_whitespace))
            }) {
                let skip = opener.len()
                    + (rest[opener.len()..].len() - rest[opener.len()..].trim_start().len());
                start += skip;
                rest = &rest[skip..];
            }
            if rest.split_whitespace().count() >= 2 && !covered(start, m.end()) {
                add(start, m.end(), Shape::Name, "");
            }
        }
    }
    let mut out: Vec<Candidate> = found
        .into_iter()
        .filter(|(_, c)| c.count >= min)
        .map(|(key, mut c)| {
            c.theme = themes[&key]
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(t, _)| t.clone())
                .unwrap_or_default();
            c
        })
        .collect();
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(a.shape.cmp(&b.shape))
            .then(a.text.cmp(&b.text))
    });
    out
}

/// A lexicon id for a name: lower case ASCII words joined by hyphens.
pub fn slug(name: &str) -> String {
    let folded = crate::lang::fold(&name.to_lowercase()).into_owned();
    folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

fn measure_type(word: &str) -> &'static str {
    let lower = word.to_lowercase();
    [
        ("programma", "programme"),
        ("strategie", "strategy"),
        ("agenda", "programme"),
        ("akkoord", "agreement"),
        ("toets", "instrument"),
        ("verdrag", "agreement"),
        ("plan", "plan"),
    ]
    .iter()
    .find(|(end, _)| lower.ends_with(end))
    .map_or("", |(_, t)| t)
}

/// About 60 characters each side of the candidate, on one line.
fn context(text: &str, start: usize, end: usize) -> String {
    let from = text[..start]
        .char_indices()
        .rev()
        .nth(59)
        .map_or(0, |(i, _)| i);
    let to = text[end..]
        .char_indices()
        .nth(60)
        .map_or(text.len(), |(i, _)| end + i);
    text[from..to]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::StoredMention;

    fn record(text: &str, mentions: &[&str]) -> PassageRecord {
        PassageRecord {
            passage: "nvs#1".into(),
            doc: "nvs".into(),
            series: String::new(),
            edition: "2021".into(),
            date: String::new(),
            position: 0,
            line_start: 1,
            line_end: 1,
            page_start: 0,
            page_end: 0,
            words: 0,
            footnote: 0,
            notes: String::new(),
            theme: "digitale-dreigingen".into(),
            theme_label: String::new(),
            part: "other".into(),
            theme_basis: "content".into(),
            section: String::new(),
            heading_len: 0,
            scan: 0,
            mentions: mentions
                .iter()
                .map(|w| {
                    let start = text.find(w).unwrap();
                    StoredMention {
                        signal: "x".into(),
                        start,
                        end: start + w.len(),
                    }
                })
                .collect(),
            text: text.into(),
        }
    }

    #[test]
    fn finds_what_the_lexicon_lacks() {
        let records = [record(
            "Afgelopen jaar is het Nationaal Detectie Netwerk (NDN) uitgebreid, naast de AIVD. De Wet beveiliging netwerk- en informatiesystemen en het versterkingsprogramma gelden. Het NDN groeit.",
            &["AIVD"],
        )];
        let found = find(&records, 1);
        let names: Vec<(&str, &str, u64)> = found
            .iter()
            .map(|c| (c.text.as_str(), c.shape.name(), c.count))
            .collect();
        assert!(names.contains(&("NDN", "acronym", 2)), "{names:?}");
        assert!(
            names.contains(&("Nationaal Detectie Netwerk", "name", 1)),
            "{names:?}"
        );
        assert!(
            names.contains(&(
                "Wet beveiliging netwerk- en informatiesystemen",
                "measure",
                1
            )),
            "{names:?}"
        );
        assert!(
            names.contains(&("versterkingsprogramma", "measure", 1)),
            "{names:?}"
        );
        assert!(
            !names.iter().any(|(n, _, _)| *n == "AIVD"),
            "covered by the lexicon"
        );
        assert_eq!(found[0].text, "NDN");
        assert_eq!(found[0].theme, "digitale-dreigingen");
        assert_eq!(
            slug("Nationaal Detectie Netwerk"),
            "nationaal-detectie-netwerk"
        );
        assert_eq!(slug("Curaçao"), "curacao");
    }
}
