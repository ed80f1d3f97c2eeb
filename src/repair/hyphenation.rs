//! Words hyphenated across a line end: join them ("princi-" + "eel" -> "principieel") or keep the
//! hyphen ("EU-" + "grondgebied" -> "EU-grondgebied"), deciding from the evidence at hand: the form of
//! the two halves, how the document itself writes the word elsewhere, and the Dutch word list. A
//! document that marks its own line-end breaks with soft hyphens (Typst, InDesign with tagged text)
//! says by that that a hard hyphen at a line end is a real one.

use rustc_hash::FxHashMap as HashMap;
use std::cell::OnceCell;
use std::sync::LazyLock;

use regex::Regex;

use crate::lang;

/// What to do with a hyphen at the end of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// A typesetter's break: drop the hyphen and join ("principi-eel" -> "principieel").
    Join,
    /// A real hyphen: keep it and join ("NAVO-bondgenootschap", "Covid-19").
    Keep,
    /// An elliptical compound: keep the hyphen and a space ("oefen- en", "links- en").
    KeepWithSpace,
}

/// Words that follow the first half of an elliptical compound ("kennis- en technologieoverdracht").
/// Dutch hyphenation never breaks a word before one of these as a syllable of its own.
const ELLIPSIS_WORDS: [&str; 4] = ["en", "of", "tot", "noch"];

static HYPHENATED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{L}+(?:-\p{L}+)+").unwrap());

/// How one document writes its words, gathered before its lines are joined.
#[derive(Debug, Default)]
pub struct Evidence<'a> {
    /// The document, whose words are counted only when a decision needs them: few documents write
    /// a word both hyphenated inside a line and broken at a line end, and only those do.
    text: &'a str,
    /// Lower-cased words written whole, line-end fragments left out.
    words: OnceCell<HashMap<String, u32>>,
    /// Lower-cased hyphenated forms ("navo-bondgenootschap") written inside a line.
    hyphenated: HashMap<String, u32>,
    /// The document breaks its words at line ends with soft hyphens, more often than with hard ones.
    soft_breaks: bool,
}

impl<'a> Evidence<'a> {
    pub fn gather(text: &'a str) -> Evidence<'a> {
        let mut evidence = Evidence {
            text,
            ..Evidence::default()
        };
        // Only a hyphen at a line end asks for evidence; most Markdown and many texts have none.
        let asks = text.lines().any(|l| {
            let l = l.trim_end();
            l.ends_with('-')
                && l[..l.len() - 1]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic)
        });
        if !asks {
            return evidence;
        }
        let (mut soft, mut hard) = (0usize, 0usize);
        for line in text.lines() {
            let line = line.trim_end();
            soft += usize::from(line.ends_with('\u{ad}'));
            hard += usize::from(line.ends_with('-'));
            let body = line.strip_suffix('-').unwrap_or(line);
            if !body.contains('-') {
                continue;
            }
            for found in HYPHENATED.find_iter(body) {
                *evidence
                    .hyphenated
                    .entry(found.as_str().to_lowercase())
                    .or_insert(0) += 1;
            }
        }
        evidence.soft_breaks = soft >= 3 && soft > hard;
        evidence
    }

    /// How often the document writes `word` (lower case) whole.
    fn count(&self, word: &str) -> u32 {
        let words = self.words.get_or_init(|| {
            let mut words: HashMap<String, u32> = HashMap::default();
            for line in self.text.lines() {
                let line = line.trim_end();
                let body = line.strip_suffix('-').unwrap_or(line);
                let mut found = body.split(|c: char| !c.is_alphabetic());
                // The first word may end a hyphenated word from the line before; the last may be cut.
                found.next();
                let rest: Vec<&str> = found.filter(|w| !w.is_empty()).collect();
                let keep = if line.ends_with('-') {
                    rest.len().saturating_sub(1)
                } else {
                    rest.len()
                };
                for word in &rest[..keep] {
                    *words.entry(word.to_lowercase()).or_insert(0) += 1;
                }
            }
            words
        });
        words.get(word).copied().unwrap_or(0)
    }

    /// Decides for `before` (the text up to the hyphen, at least its last word) and `after` (the
    /// first word on the next line).
    pub fn decide(&self, before: &str, after: &str) -> Decision {
        let last = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let Some(first) = after.chars().next() else {
            return Decision::Keep;
        };
        if !first.is_alphabetic() {
            return Decision::Keep;
        }
        if ELLIPSIS_WORDS.contains(&after) {
            return Decision::KeepWithSpace;
        }
        let acronym = last.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && last.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
        if acronym
            || last.chars().any(|c| c.is_ascii_digit())
            || first.is_uppercase()
            || self.soft_breaks
        {
            return Decision::Keep;
        }
        let written_hyphenated = self
            .hyphenated
            .get(&format!("{last}-{after}").to_lowercase())
            .copied()
            .unwrap_or(0);
        if written_hyphenated > 0 {
            let joined = format!("{last}{after}").to_lowercase();
            let known_joined = self.count(&joined) + lang::word_list().count(&joined);
            if written_hyphenated >= known_joined {
                return Decision::Keep;
            }
        }
        Decision::Join
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decide(before: &str, after: &str) -> Decision {
        Evidence::default().decide(before, after)
    }

    #[test]
    fn typesetter_breaks_are_joined() {
        assert_eq!(decide("engagement is princi", "eel"), Decision::Join);
        assert_eq!(
            decide("zijn er diverse weer", "baarheidsverhogende"),
            Decision::Join
        );
        assert_eq!(
            decide("verdiept Defensie de geïnte", "greerde"),
            Decision::Join
        );
        assert_eq!(decide("anti-lock", "downprotesten"), Decision::Join);
    }

    #[test]
    fn real_hyphens_are_kept() {
        assert_eq!(decide("van het EU", "grondgebied"), Decision::Keep);
        assert_eq!(decide("de CT", "Strategie"), Decision::Keep);
        assert_eq!(decide("het NAVO", "bondgenootschap"), Decision::Keep);
        assert_eq!(decide("Covid", "19"), Decision::Keep);
        assert_eq!(decide("de commissie", "Muller"), Decision::Keep);
    }

    #[test]
    fn elliptical_compounds_keep_hyphen_and_space() {
        // "ontwapenings-\nen non-proliferatie" (seed lines 1595-1596)
        assert_eq!(
            decide("op het gebied van ontwapenings", "en"),
            Decision::KeepWithSpace
        );
        assert_eq!(decide("oefen", "en"), Decision::KeepWithSpace);
    }

    #[test]
    fn the_document_itself_decides_doubtful_cases() {
        let evidence = Evidence::gather(
            "de sociaal-culturele tegenstellingen\nen de sociaal-culturele breuklijnen\nzijn sociaal-\nculturele zaken\n",
        );
        assert_eq!(evidence.decide("zijn sociaal", "culturele"), Decision::Keep);
        let evidence = Evidence::gather("de weerbaarheid groeit\nen de weer-\nbaarheid\n");
        assert_eq!(evidence.decide("de weer", "baarheid"), Decision::Join);
        // Never written hyphenated inside a line: the break is joined without counting words.
        assert!(evidence.words.get().is_none());
        let evidence = Evidence::gather(
            "de sociaal-culturele tegenstellingen\nzijn sociaal-\nculturele zaken\nen de sociaal-\nculturele breuklijnen, sociaal-culturele zaken\n",
        );
        assert_eq!(evidence.decide("zijn sociaal", "culturele"), Decision::Keep);
        // Counted where written whole, not as the first word of a line, which may end a break.
        assert_eq!(evidence.count("zaken"), 2);
        assert_eq!(evidence.count("culturele"), 2);
    }

    #[test]
    fn soft_hyphen_breaks_make_hard_line_end_hyphens_real() {
        // nvs-seed-layout.pdf as horizon lays it out: Typst breaks words with U+00AD, so
        // "financieel-" before "economisch" is the compound's own hyphen.
        let text = "de Europese Commis\u{ad}\nsie haar European Green Deal in een klimaat\u{ad}\nneutrale unie, de ministe\u{ad}\nrie van Defensie\nvier actielijnen: financieel-\neconomisch perspectief\n";
        let evidence = Evidence::gather(text);
        assert_eq!(
            evidence.decide("actielijnen: financieel", "economisch"),
            Decision::Keep
        );
        // The seed's own text breaks words with hard hyphens: "princi-" + "eel" stays joined.
        let evidence = Evidence::gather("is princi-\neel en dus\nvan bui-\ntenaf en som-\nmige\n");
        assert_eq!(evidence.decide("is princi", "eel"), Decision::Join);
    }
}
