//! Dutch language data shared by the repair and analysis stages: the word-frequency list and
//! diacritic folding. A foundation below the pipeline, not a stage of it: it reads no document.
//!
//! The list (`data/nl-words.txt`, 368,138 words) is made by `src/bin/horizon-wordlist.rs`: its words
//! are OpenTaal's Dutch word list (BSD or CC BY 3.0, `data/LICENSE-OpenTaal.txt`) and those of public
//! Dutch government text and the project's corpus; its counts are those of that text, and for the
//! OpenTaal words the text lacks, wordfreq's modern Dutch frequencies scaled to its size (CC BY-SA
//! 4.0, `data/LICENSE-wordfreq.txt`); a word of OpenTaal's seen nowhere counts 1. See that file and
//! docs/ANALYSIS.md. `data/nl-words-extra.txt` adds by hand the few modern words all of them lack.
//! Both are compiled in (5 MB) and parsed once, at first use (about 30 ms in an optimised build).
//! [`ligatures`] restores the letters of ligatures that text converted from PDF lost, by the list.

pub mod ligatures;

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use crate::scan::ascii_run;

const WORDS: &str = include_str!("data/nl-words.txt");
const EXTRA: &str = include_str!("data/nl-words-extra.txt");

/// Word frequencies, lower-cased, by the word as written and by its folded form.
pub struct WordList {
    written: HashMap<&'static str, u32>,
    /// The counts of the words that folding changes ("één"), by their folded form ("een"): a folded
    /// word's count is its own as written plus these. Nearly all words are plain ASCII, which
    /// folding leaves alone, so this holds a few thousand words rather than a copy of the list.
    folded: HashMap<String, u32>,
    /// The sum of all counts: the size of the reference text in words.
    total: u64,
}

static LIST: LazyLock<WordList> = LazyLock::new(|| WordList::parse(&[WORDS, EXTRA]));

/// The shipped Dutch word list.
pub fn word_list() -> &'static WordList {
    &LIST
}

impl WordList {
    fn parse(sources: &[&'static str]) -> WordList {
        // Sized for every line at once: growing it by doubling would rehash it many times over.
        let lines = sources
            .iter()
            .map(|s| memchr::memchr_iter(b'\n', s.as_bytes()).count())
            .sum();
        let mut written: HashMap<&'static str, u32> =
            HashMap::with_capacity_and_hasher(lines, Default::default());
        for source in sources {
            for line in source.lines() {
                if line.starts_with('#') || line.trim().is_empty() {
                    continue;
                }
                let mut cells = line.split('\t');
                let word = cells.next().unwrap_or("").trim();
                let count = cells
                    .next()
                    .and_then(|c| c.trim().parse().ok())
                    .unwrap_or(1);
                *written.entry(word).or_insert(0) += count;
            }
        }
        let mut folded: HashMap<String, u32> = HashMap::default();
        for (word, count) in &written {
            if let Cow::Owned(plain) = fold(word) {
                if plain != *word {
                    *folded.entry(plain).or_insert(0) += count;
                }
            }
        }
        let total = written.values().map(|&c| u64::from(c)).sum();
        WordList {
            written,
            folded,
            total,
        }
    }

    /// The size of the reference text in words: every count added up.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// How often `word` (lower case, as written) occurs in the reference text; 0 if never.
    pub fn count(&self, word: &str) -> u32 {
        self.written.get(word).copied().unwrap_or(0)
    }

    /// How often `word` (lower case, diacritics folded) occurs, in any of the forms that fold to it;
    /// 0 if never.
    pub fn count_folded(&self, word: &str) -> u32 {
        self.count(word) + self.folded.get(word).copied().unwrap_or(0)
    }

    pub fn len(&self) -> usize {
        self.written.len()
    }

    pub fn is_empty(&self) -> bool {
        self.written.is_empty()
    }
}

/// `word` without diacritics: "geïntegreerde" -> "geintegreerde", "één" -> "een".
pub fn fold(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        return Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        push_unmarked(c, &mut out);
    }
    Cow::Owned(out)
}

/// Appends `c` without its diacritics: its canonical decomposition less the marks (dropping the
/// marks makes NFD's reordering of them moot, so one character at a time is enough).
fn push_unmarked(c: char, out: &mut String) {
    decompose_canonical(c, |part| {
        if !is_combining_mark(part) {
            out.push(part);
        }
    });
}

/// `text` lower-cased, without diacritics and with straight apostrophes.
pub fn fold_lower(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_fold_lower(text, &mut out, |_, _| {});
    out
}

/// Appends `text` to `out` as [`fold_lower`] makes it, and tells `non_ascii` where each non-ASCII
/// character came from (its byte range in `text`) and went to (its range in `out`). Runs of ASCII,
/// nearly all of the text, are copied and lower-cased whole rather than character by character.
pub fn push_fold_lower(
    text: &str,
    out: &mut String,
    mut non_ascii: impl FnMut(Range<usize>, Range<usize>),
) {
    let mut at = 0;
    while at < text.len() {
        let ascii = ascii_run(&text.as_bytes()[at..], |_| 0);
        let start = out.len();
        out.push_str(&text[at..at + ascii]);
        out[start..].make_ascii_lowercase();
        at += ascii;
        if let Some(c) = text[at..].chars().next() {
            let folded = out.len();
            push_folded(c, out);
            non_ascii(at..at + c.len_utf8(), folded..out.len());
            at += c.len_utf8();
        }
    }
}

/// Appends `c` lower-cased, without diacritics, a curly apostrophe straight.
pub fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if matches!(c, '’' | '‘') {
        out.push('\'');
    } else {
        for lower in c.to_lowercase() {
            push_unmarked(lower, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use unicode_normalization::UnicodeNormalization;

    use super::*;

    #[test]
    fn folds_dutch_diacritics() {
        assert_eq!(fold("geïntegreerde"), "geintegreerde");
        assert_eq!(fold("complottheorieën"), "complottheorieen");
        assert_eq!(fold("één"), "een");
        assert_eq!(fold("hóe"), "hoe");
        assert_eq!(fold("beïnvloeding"), "beinvloeding");
        assert!(matches!(fold("weerbaarheid"), Cow::Borrowed(_)));
        assert_eq!(
            fold_lower("Geïntegreerde risico’s"),
            "geintegreerde risico's"
        );
        // Character by character it folds as NFD of the whole text less its marks would, capitals
        // and ligatures included.
        let line = "ÉÉN Curaçao-beleid, Ĳsselmeer, coöperatie, naïef, ﬁnanciën, İstanbul, Ångström";
        let whole: String = line
            .to_lowercase()
            .nfd()
            .filter(|c| !is_combining_mark(*c))
            .collect();
        assert_eq!(fold(&line.to_lowercase()), whole);
        assert_eq!(fold_lower(line), whole);
    }

    #[test]
    fn folded_counts_add_up_every_form() {
        let list = word_list();
        let mut all: HashMap<String, u32> = HashMap::default();
        for (word, count) in &list.written {
            *all.entry(fold(word).into_owned()).or_insert(0) += count;
        }
        for (word, count) in &all {
            assert_eq!(list.count_folded(word), *count, "{word}");
        }
        assert!(list.count_folded("een") > list.count("een"), "een and één");
    }

    #[test]
    fn the_list_knows_common_and_policy_words() {
        let list = word_list();
        assert!(list.len() > 350_000, "OpenTaal's words and the corpora's");
        // Modern words OpenTaal has and the historic text lacks; a listed word seen in no text
        // counts 1, a modern word of the frequency list more.
        assert!(list.count("schermlezer") > 1);
        assert_eq!(list.count("desinformatiecampagne"), 1);
        // Old spellings of the parliamentary papers stay.
        assert!(list.count("menschen") >= 3);
        assert!(list.count("de") > 100_000);
        assert!(list.count("criminaliteit") > 0);
        assert!(list.count("desinformatie") > 0);
        assert!(list.count_folded("theorieen") > 0);
        assert_eq!(
            list.count("principi"),
            0,
            "line-end fragments are not words"
        );
    }
}
