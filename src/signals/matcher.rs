//! The matcher: every mention of every lexicon entry in a text, leftmost-longest over all aliases.
//!
//! Each kind (themes, actors, measures) is matched on its own: a phrase can be a theme word and a
//! measure at once ("Deltaprogramma"), but within a kind the longest name wins.
//!
//! Matching is on the repaired text, whole words only, ignoring case and diacritics, except for
//! aliases written as short acronyms (VS, MIT, WHO, EU), which match only in capitals so they do not
//! collide with the Dutch words vs, mit, who, eu. A name that opens a hyphenated compound counts
//! (NAVO-bondgenootschap, EU-niveau, VN-Veiligheidsraad); a name that ends one does not (Rusland in
//! Wit-Rusland). Offsets are bytes of the original text.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::lexicon::Entry;
use crate::lang::push_folded;

/// One mention: which entry, and where in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Index of the entry in the lexicon the matcher was built from.
    pub entry: usize,
    pub start: usize,
    pub end: usize,
}

/// Aliases compiled for matching, one set per kind of entry.
pub struct Matcher {
    kinds: Vec<KindMatcher>,
}

/// The aliases of one kind of entry.
struct KindMatcher {
    folded: AhoCorasick,
    folded_entries: Vec<usize>,
    exact: AhoCorasick,
    exact_entries: Vec<usize>,
}

impl Matcher {
    pub fn new(entries: &[Entry]) -> Matcher {
        let mut kinds: Vec<_> = entries.iter().map(|e| e.kind).collect();
        kinds.sort();
        kinds.dedup();
        Matcher {
            kinds: kinds
                .into_iter()
                .map(|kind| {
                    let of_kind = entries.iter().enumerate().filter(|(_, e)| e.kind == kind);
                    KindMatcher::new(of_kind)
                })
                .collect(),
        }
    }

    /// The mentions in `text`, in order; mentions of different kinds may overlap.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let (folded_text, to_original) = key(text);
        let mut all: Vec<Mention> = self
            .kinds
            .iter()
            .flat_map(|k| k.mentions(text, &folded_text, &to_original))
            .collect();
        all.sort_by_key(|m| (m.start, m.end, m.entry));
        all
    }
}

impl KindMatcher {
    fn new<'a>(entries: impl Iterator<Item = (usize, &'a Entry)>) -> KindMatcher {
        let mut folded = Vec::new();
        let mut folded_entries = Vec::new();
        let mut exact = Vec::new();
        let mut exact_entries = Vec::new();
        for (i, entry) in entries {
            for alias in &entry.aliases {
                if is_acronym(alias) {
                    exact.push(alias.clone());
                    exact_entries.push(i);
                } else {
                    folded.push(key(alias).0);
                    folded_entries.push(i);
                }
            }
        }
        let build = |patterns: &[String]| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                // A DFA costs memory once and searches several times faster than the NFA.
                .kind(Some(AhoCorasickKind::DFA))
                .build(patterns)
                .expect("lexicon aliases compile")
        };
        KindMatcher {
            folded: build(&folded),
            folded_entries,
            exact: build(&exact),
            exact_entries,
        }
    }

    /// The mentions of this kind in `text`, in order, none overlapping.
    fn mentions(&self, text: &str, folded_text: &str, to_original: &[usize]) -> Vec<Mention> {
        let mut found: Vec<Mention> = Vec::new();
        for m in self.folded.find_iter(folded_text) {
            let start = to_original[m.start()];
            let end = to_original[m.end()];
            found.push(Mention {
                entry: self.folded_entries[m.pattern().as_usize()],
                start,
                end,
            });
        }
        for m in self.exact.find_iter(text) {
            found.push(Mention {
                entry: self.exact_entries[m.pattern().as_usize()],
                start: m.start(),
                end: m.end(),
            });
        }
        found.retain(|m| at_word_edges(text, m.start, m.end));
        // Leftmost first, and at one start the longest; drop what overlaps a mention kept.
        found.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut kept: Vec<Mention> = Vec::with_capacity(found.len());
        for mention in found {
            if kept.last().is_none_or(|last| mention.start >= last.end) {
                kept.push(mention);
            }
        }
        kept
    }
}

/// Two to five capitals (digits allowed after the first): an acronym, matched case-sensitively.
fn is_acronym(alias: &str) -> bool {
    let letters = alias.chars().filter(|c| c.is_alphabetic()).count();
    (2..=5).contains(&alias.chars().count())
        && letters >= 2
        && alias.chars().next().is_some_and(|c| c.is_uppercase())
        && alias
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// `text` lower-cased, folded and with straight apostrophes, and for each of its bytes (and one
/// past the end) the byte of `text` it came from.
fn key(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        let before = out.len();
        push_folded(c, &mut out);
        map.extend(std::iter::repeat_n(i, out.len() - before));
    }
    map.push(text.len());
    (out, map)
}

/// A mention stands alone, or opens a hyphenated compound, or carries a plural/possessive 's.
fn at_word_edges(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let starts_clean = match before {
        None => true,
        Some('-') => !text[..start - 1]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric),
        Some(c) => !c.is_alphanumeric(),
    };
    let rest = &text[end..];
    let after = rest.chars().next();
    let ends_clean = match after {
        None => true,
        Some('\'' | '’') => {
            !rest[1..].starts_with(|c: char| c.is_alphanumeric())
                || rest.trim_start_matches(['\'', '’']).starts_with('s')
                    && !rest
                        .trim_start_matches(['\'', '’'])
                        .chars()
                        .nth(1)
                        .is_some_and(char::is_alphanumeric)
        }
        Some(c) => !c.is_alphanumeric(),
    };
    starts_clean && ends_clean
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::signals::EntryKind;

    fn entry(id: &str, aliases: &[&str]) -> Entry {
        Entry {
            kind: EntryKind::Actor,
            id: id.into(),
            label: aliases[0].into(),
            entry_type: "state".into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            theme: None,
            file: PathBuf::from("actors.csv"),
            line: 2,
        }
    }

    fn found(entries: &[Entry], text: &str) -> Vec<(String, String)> {
        Matcher::new(entries)
            .mentions(text)
            .into_iter()
            .map(|m| {
                (
                    entries[m.entry].id.clone(),
                    text[m.start..m.end].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn compounds_count_when_the_name_opens_them() {
        let entries = [
            entry("navo", &["NAVO"]),
            entry("eu", &["EU", "Europese Unie"]),
            entry("vn", &["VN", "Verenigde Naties"]),
            entry("rusland", &["Rusland", "Russische"]),
        ];
        assert_eq!(
            found(
                &entries,
                "het EU-grondgebied en het NAVO-bondgenootschap, de VN-Veiligheidsraad"
            ),
            [
                ("eu".into(), "EU".into()),
                ("navo".into(), "NAVO".into()),
                ("vn".into(), "VN".into())
            ]
        );
        assert_eq!(
            found(&entries, "Wit-Rusland en Rusland"),
            [("rusland".into(), "Rusland".into())]
        );
        assert_eq!(
            found(&entries, "het Russische conventionele vermogen"),
            [("rusland".into(), "Russische".into())]
        );
    }

    #[test]
    fn acronyms_match_in_capitals_only() {
        let entries = [
            entry("vs", &["VS", "Verenigde Staten"]),
            entry("mit", &["MIT", "Multidisciplinair Interventieteam"]),
            entry("who", &["WHO", "Wereldgezondheidsorganisatie"]),
        ];
        assert!(found(&entries, "vs. de who en mit").is_empty());
        assert_eq!(
            found(&entries, "Het MIT en de WHO; de VS."),
            [
                ("mit".into(), "MIT".into()),
                ("who".into(), "WHO".into()),
                ("vs".into(), "VS".into())
            ]
        );
        assert_eq!(
            found(&entries, "het multidisciplinair interventieteam"),
            [("mit".into(), "multidisciplinair interventieteam".into())]
        );
    }

    #[test]
    fn leftmost_longest_with_diacritics_and_offsets() {
        let entries = [
            entry(
                "aivd",
                &["AIVD", "Algemene Inlichtingen- en Veiligheidsdienst"],
            ),
            entry("korea", &["Zuid-Korea"]),
            entry("noord-korea", &["Noord-Korea"]),
            entry("curacao", &["Curaçao"]),
        ];
        let text =
            "de Algemene Inlichtingen- en Veiligheidsdienst (AIVD) over Noord-Korea en Curacao's";
        let mentions = found(&entries, text);
        assert_eq!(
            mentions,
            [
                (
                    "aivd".into(),
                    "Algemene Inlichtingen- en Veiligheidsdienst".into()
                ),
                ("aivd".into(), "AIVD".into()),
                ("noord-korea".into(), "Noord-Korea".into()),
                ("curacao".into(), "Curacao".into()),
            ]
        );
        let text = "over Curaçao en geïntegreerde";
        let m = Matcher::new(&entries).mentions(text);
        assert_eq!(&text[m[0].start..m[0].end], "Curaçao");
    }

    #[test]
    fn kinds_are_matched_each_on_their_own() {
        let mut measure = entry("defensievisie", &["Defensievisie 2035"]);
        measure.kind = EntryKind::Measure;
        let entries = [entry("defensie", &["Defensie"]), measure];
        assert_eq!(
            found(&entries, "de Defensievisie 2035 van Defensie"),
            [
                ("defensievisie".into(), "Defensievisie 2035".into()),
                ("defensie".into(), "Defensie".into())
            ]
        );
        let mut theme = entry("infectieziekten", &["RIVM", "pandemie"]);
        theme.kind = EntryKind::Theme;
        let entries = [theme, entry("rivm", &["RIVM"])];
        let ids: Vec<String> = found(&entries, "het RIVM")
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        assert_eq!(
            ids,
            ["infectieziekten", "rivm"],
            "a theme word and an actor at once"
        );
    }

    #[test]
    fn whole_words_only() {
        let entries = [entry("iran", &["Iran", "Iraanse"]), entry("eu", &["EU"])];
        assert!(found(&entries, "Iranees EUR Tehran").is_empty());
        assert_eq!(found(&entries, "(Iran)"), [("iran".into(), "Iran".into())]);
    }
}
