//! Emerging terms: analysed words, and phrases of two and three words, that the new material holds
//! for the first time or much more often than everything before it. Counted in passages (how many
//! new passages hold the term, how many earlier ones), so that one long document repeating a word
//! does not make it a trend, and weighed with the same keyness as `compare`.
//!
//! Against a short history nearly every word is "new" (a strategy's first edition has no
//! "vanuit"), so a term must also stand out against general Dutch: its rate in the new material
//! is set against its count in a reference text (the word list's), and the terms are ranked by
//! that keyness. Terms that name a lexicon entry are left out: the analyst follows those already.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use tantivy::tokenizer::{TextAnalyzer, Token};

use super::keyness::{keyness, Keyness, Status, Thresholds};
use crate::analysis::Explained;

/// How much a term must have to be shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// Occurrences in the new material, at least.
    pub min_count: u64,
    /// New passages holding it, at least.
    pub min_passages: u64,
    /// The most terms shown.
    pub limit: usize,
    pub thresholds: Thresholds,
}

/// A reference text of general Dutch: how often a written word occurs in it, and its size.
pub struct Reference<'a> {
    pub count: &'a dyn Fn(&str) -> u64,
    pub total: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            min_count: 3,
            min_passages: 2,
            limit: 25,
            thresholds: Thresholds::default(),
        }
    }
}

/// One term of the new material.
#[derive(Debug, Clone, PartialEq)]
pub struct Emerging {
    /// The analysed terms, one a word.
    pub terms: Vec<String>,
    /// The words as most often written.
    pub label: String,
    /// Occurrences in the new material.
    pub count: u64,
    /// Passages holding it: new, and earlier; with the passage totals in `keyness`.
    pub new_passages: u64,
    pub earlier_passages: u64,
    pub keyness: Keyness,
    /// Against general Dutch: the reference count (for a phrase, that of its rarest word, an
    /// upper bound of the phrase's) and the keyness of the new material's occurrences against it.
    pub reference_count: u64,
    pub against_reference: Keyness,
    /// Where it first occurs: the new passage (an index into the passages given) and the bytes.
    pub first: (usize, Range<usize>),
}

impl Emerging {
    /// `new` (never before) or `rising`.
    pub fn status(&self) -> &'static str {
        self.keyness.status.name()
    }
}

/// What the new material holds of one term.
#[derive(Default)]
struct Tally {
    count: u64,
    passages: u64,
    last_passage: Option<usize>,
    first: Option<(usize, Range<usize>)>,
    written: HashMap<String, u64>,
}

/// The emerging terms of `new` (the new passages' bodies, `new_tokens` words), against
/// `earlier_total` earlier passages, of which `earlier(terms)` hold the terms in order (in any
/// form the index has them, compound parts too: a term is new only if no earlier passage has it in
/// any word). `excluded` holds term sequences to leave out.
#[allow(clippy::too_many_arguments)]
pub fn emerging<E>(
    new: &[&str],
    new_tokens: u64,
    analyzer: &mut TextAnalyzer,
    excluded: &HashSet<Vec<String>>,
    earlier_total: u64,
    reference: &Reference,
    mut earlier: impl FnMut(&[String]) -> Result<u64, E>,
    settings: Settings,
) -> Result<Vec<Emerging>, E> {
    // Words first, then phrases of words frequent enough to count: a phrase is never more frequent
    // than its rarest word, and the phrases of a large batch would not fit in memory otherwise.
    let mut tallies: HashMap<Vec<String>, Tally> = HashMap::new();
    for phrases in [false, true] {
        for (at, body) in new.iter().enumerate() {
            let mut tokens: Vec<Token> = Vec::new();
            let mut stream = analyzer.token_stream(body);
            stream.process(&mut |token| tokens.push(token.clone()));
            let words = Explained::words(&tokens);
            for start in 0..words.len() {
                for len in if phrases { 2..=3 } else { 1..=1 } {
                    let Some(run) = words.get(start..start + len) else {
                        break;
                    };
                    // A phrase is words next to each other, with only spaces between: a stop
                    // word, a comma or a bracket breaks it. A word starts with a letter ("d66",
                    // not "1ja") and is not a piece of a web or mail address ("https", "minvws").
                    if run.windows(2).any(|w| {
                        w[1].position != w[0].position + 1
                            || !body
                                .get(w[0].end..w[1].start)
                                .is_some_and(|gap| gap.chars().all(char::is_whitespace))
                    }) || run.iter().any(|w| {
                        !w.terms[0].starts_with(char::is_alphabetic) || in_address(body, w.start)
                    }) {
                        break;
                    }
                    let terms: Vec<String> = run.iter().map(|w| w.terms[0].clone()).collect();
                    if phrases
                        && !terms.iter().all(|t| {
                            tallies
                                .get(std::slice::from_ref(t))
                                .is_some_and(|word| word.count >= settings.min_count)
                        })
                    {
                        break;
                    }
                    let bytes = run[0].start..run[len - 1].end;
                    let tally = tallies.entry(terms).or_default();
                    tally.count += 1;
                    if tally.last_passage != Some(at) {
                        tally.passages += 1;
                        tally.last_passage = Some(at);
                    }
                    if tally.first.is_none() {
                        tally.first = Some((at, bytes.clone()));
                    }
                    *tally.written.entry(body[bytes].to_lowercase()).or_default() += 1;
                }
            }
        }
    }
    let new_total = new.len() as u64;
    let measure = |tally: &Tally, earlier: u64| {
        keyness(
            earlier,
            tally.passages,
            earlier_total,
            new_total,
            settings.thresholds,
        )
    };
    let wanted = |terms: &Vec<String>, tally: &Tally| {
        tally.count >= settings.min_count
            && tally.passages >= settings.min_passages
            && !excluded.contains(terms)
            && terms
                .iter()
                .all(|t| t.chars().count() > 2 || terms.len() > 1)
    };
    let mut found: Vec<Emerging> = Vec::new();
    let mut new_words: HashSet<&str> = HashSet::new();
    let mut candidates: Vec<(&Vec<String>, &Tally)> = tallies
        .iter()
        .filter(|(terms, tally)| wanted(terms, tally))
        .collect();
    // Words first, so that a phrase of a word met for the first time is not shown beside it.
    candidates.sort_by(|a, b| (a.0.len(), a.0).cmp(&(b.0.len(), b.0)));
    for (terms, tally) in candidates {
        if terms.len() > 1 && terms.iter().any(|t| new_words.contains(t.as_str())) {
            continue;
        }
        let k = measure(tally, earlier(terms)?);
        if !matches!(k.status, Status::New | Status::Rising) {
            continue;
        }
        if terms.len() == 1 && k.status == Status::New {
            new_words.insert(terms[0].as_str());
        }
        let label = tally
            .written
            .iter()
            .max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0)))
            .map(|(w, _)| w.clone())
            .unwrap_or_default();
        let reference_count = label
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| (reference.count)(w))
            .min()
            .unwrap_or(0);
        let against_reference = keyness(
            reference_count,
            tally.count,
            reference.total,
            new_tokens,
            settings.thresholds,
        );
        if !matches!(against_reference.status, Status::New | Status::Rising) {
            continue;
        }
        found.push(Emerging {
            reference_count,
            against_reference,
            terms: terms.clone(),
            label,
            count: tally.count,
            new_passages: tally.passages,
            earlier_passages: k.count_a,
            keyness: k,
            first: tally.first.clone().expect("a counted term was met"),
        });
    }
    // A phrase whose words are all new was skipped above only if the word came first; drop any
    // phrase holding a new word found later in the order too.
    found.retain(|e| e.terms.len() == 1 || e.terms.iter().all(|t| !new_words.contains(t.as_str())));
    // A phrase that only ever occurs inside a longer one found ("georganiseerde ondermijnende" in
    // "georganiseerde ondermijnende criminaliteit") says nothing of its own.
    let longer: Vec<(Vec<String>, u64)> = found
        .iter()
        .filter(|e| e.terms.len() > 1)
        .map(|e| (e.terms.clone(), e.count))
        .collect();
    found.retain(|e| {
        !longer.iter().any(|(terms, count)| {
            terms.len() > e.terms.len()
                && *count == e.count
                && terms
                    .windows(e.terms.len())
                    .any(|w| w == e.terms.as_slice())
        })
    });
    found.sort_by(|a, b| {
        b.against_reference
            .g2
            .total_cmp(&a.against_reference.g2)
            .then(b.new_passages.cmp(&a.new_passages))
            .then(a.terms.cmp(&b.terms))
    });
    found.truncate(settings.limit);
    Ok(found)
}

/// Whether the byte `at` of `body` lies in a web or mail address: the run of non-space text
/// around it holds "://", "www." or "@".
fn in_address(body: &str, at: usize) -> bool {
    let start = body[..at].rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let end = body[at..]
        .find(char::is_whitespace)
        .map_or(body.len(), |i| at + i);
    let chunk = &body[start..end];
    chunk.contains("://") || chunk.contains("www.") || chunk.contains('@')
}

/// The text around `bytes` of `body`: whole words, up to `width` characters a side, the term
/// marked `**...**`.
pub fn context(body: &str, bytes: &Range<usize>, width: usize) -> String {
    let (before, term, after) = (
        &body[..bytes.start],
        &body[bytes.clone()],
        &body[bytes.end..],
    );
    let take = |words: &mut dyn Iterator<Item = &'_ str>| -> (Vec<String>, bool) {
        let mut kept = Vec::new();
        let mut used = 0;
        for word in words {
            used += word.chars().count() + 1;
            if used > width + 1 {
                return (kept, true);
            }
            kept.push(word.to_string());
        }
        (kept, false)
    };
    let (mut left, cut_left) = take(&mut before.split_whitespace().rev());
    left.reverse();
    let (right, cut_right) = take(&mut after.split_whitespace());
    let gap = |yes: bool| if yes { " " } else { "" };
    format!(
        "{}{}{}**{term}**{}{}{}",
        if cut_left { "…" } else { "" },
        left.join(" "),
        gap(!left.is_empty() && before.ends_with(char::is_whitespace)),
        gap(!right.is_empty() && after.starts_with(char::is_whitespace)),
        right.join(" "),
        if cut_right { "…" } else { "" },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Analyzer, Stopwords};

    fn analyzer() -> TextAnalyzer {
        let stopwords = Stopwords::parse(include_str!("../../stopwords/nl.txt"));
        Analyzer::Horizon.build(&stopwords)
    }

    #[test]
    fn first_time_words_and_phrases_of_known_words() {
        let new = [
            "De coronacrisis raakt de vitale infrastructuur en de zorg.",
            "Door de coronacrisis kwam de vitale infrastructuur onder druk; de coronacrisis duurt.",
            "Digitale weerbaarheid van de vitale infrastructuur vraagt om investeringen.",
        ];
        // Earlier passages: 'vitale' and 'infrastructuur' are old words, never side by side;
        // 'zorg' and 'druk' are everywhere.
        let earlier: HashMap<Vec<String>, u64> = [
            (vec!["vital".to_string()], 4),
            (vec!["infrastructur".to_string()], 5),
            (vec!["zorg".to_string()], 40),
        ]
        .into_iter()
        .collect();
        let mut analyzer = analyzer();
        let mut asked = Vec::new();
        // General Dutch: 'zorg' and 'druk' common, 'coronacrisis' unknown.
        let count = |word: &str| match word {
            "vitale" => 500,
            "infrastructuur" => 800,
            "zorg" => 30_000,
            "druk" => 20_000,
            _ => 0,
        };
        let reference = Reference {
            count: &count,
            total: 10_000_000,
        };
        let found = emerging(
            &new,
            30,
            &mut analyzer,
            &HashSet::new(),
            100,
            &reference,
            |terms: &[String]| -> Result<u64, ()> {
                asked.push(terms.to_vec());
                Ok(earlier.get(terms).copied().unwrap_or(0))
            },
            Settings::default(),
        )
        .unwrap();
        let shown: Vec<(&str, &str)> = found
            .iter()
            .map(|e| (e.label.as_str(), e.status()))
            .collect();
        // Unknown to general Dutch first; then the phrase of two old words, new side by side.
        assert_eq!(
            shown[..2],
            [("coronacrisis", "new"), ("vitale infrastructuur", "new")],
            "{shown:?}"
        );
        assert_eq!(found[0].count, 3);
        assert_eq!(found[0].new_passages, 2);
        assert_eq!(found[0].first, (0, 3..15));
        assert_eq!(found[1].reference_count, 500);
        // 'vitale' is rising, but only ever inside the phrase, which says it all; common words
        // are no news.
        assert!(
            !shown.iter().any(|(l, _)| *l == "vitale" || *l == "zorg"),
            "{shown:?}"
        );
    }

    #[test]
    fn pieces_of_addresses_are_not_terms() {
        let body = "Zie https://open.minvws.nl/toegankelijkheid of mail naar info@minvws.nl over de toegankelijkheid.";
        // The first of each lies in the web address or the mail address.
        for word in ["https", "minvws", "toegankelijkheid", "info"] {
            assert!(in_address(body, body.find(word).unwrap()), "{word}");
        }
        let last = body.rfind("toegankelijkheid").unwrap();
        assert!(!in_address(body, last));
    }

    #[test]
    fn the_context_is_whole_words_with_the_term_marked() {
        let body = "Het kabinet investeert in de aanpak van desinformatie door statelijke actoren, zoals Rusland.";
        let at = body.find("desinformatie").unwrap();
        assert_eq!(
            context(body, &(at..at + 13), 20),
            "…in de aanpak van **desinformatie** door statelijke…"
        );
        assert_eq!(context("één woord", &(0..5), 20), "**één** woord");
    }
}
