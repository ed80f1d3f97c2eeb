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
use crate::lang::{fold_lower, push_fold_lower};

/// One mention: which entry, and where in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Index of the entry in the lexicon the matcher was built from.
    pub entry: usize,
    pub start: usize,
    pub end: usize,
}

/// Every alias of every entry compiled into one automaton, so a text is scanned once for all kinds.
pub struct Matcher {
    /// The folded aliases, acronyms included; reports every match, overlapping ones too.
    automaton: AhoCorasick,
    /// For each pattern of the automaton, what it stands for.
    patterns: Vec<Pattern>,
    kinds: usize,
}

struct Pattern {
    entry: usize,
    /// Index of the entry's kind among the kinds of the lexicon.
    kind: usize,
    /// For an acronym, the capitals the text must show exactly.
    exact: Option<String>,
}

impl Matcher {
    pub fn new(entries: &[Entry]) -> Matcher {
        let mut kinds: Vec<_> = entries.iter().map(|e| e.kind).collect();
        kinds.sort();
        kinds.dedup();
        let mut folded = Vec::new();
        let mut patterns = Vec::new();
        for (entry, e) in entries.iter().enumerate() {
            let kind = kinds
                .binary_search(&e.kind)
                .expect("the entry's kind is listed");
            for alias in &e.aliases {
                folded.push(fold_lower(alias));
                patterns.push(Pattern {
                    entry,
                    kind,
                    exact: is_acronym(alias).then(|| alias.clone()),
                });
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            // A DFA costs memory once and searches several times faster than the NFA.
            .kind(Some(AhoCorasickKind::DFA))
            .build(&folded)
            .expect("lexicon aliases compile");
        Matcher {
            automaton,
            patterns,
            kinds: kinds.len(),
        }
    }

    /// The mentions in `text`, in order; mentions of different kinds may overlap, mentions of one
    /// kind do not: leftmost first, and at one start the longest.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let folded = Folded::new(text);
        let mut by_kind: Vec<Vec<Mention>> = vec![Vec::new(); self.kinds];
        for m in self.automaton.find_overlapping_iter(&folded.text) {
            let pattern = &self.patterns[m.pattern().as_usize()];
            let (start, end) = (folded.original(m.start()), folded.original(m.end()));
            if pattern
                .exact
                .as_deref()
                .is_some_and(|exact| &text[start..end] != exact)
                || !at_word_edges(text, start, end)
            {
                continue;
            }
            by_kind[pattern.kind].push(Mention {
                entry: pattern.entry,
                start,
                end,
            });
        }
        let mut all: Vec<Mention> = Vec::new();
        for mut found in by_kind {
            found.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
            let first = all.len();
            for mention in found {
                if all[first..]
                    .last()
                    .is_none_or(|last| mention.start >= last.end)
                {
                    all.push(mention);
                }
            }
        }
        all.sort_by_key(|m| (m.start, m.end, m.entry));
        all
    }
}

/// A text lower-cased, folded and with straight apostrophes, and the way back to the bytes of the
/// text it came from. Folding changes lengths only at non-ASCII characters, so only those are noted.
struct Folded {
    text: String,
    /// (folded offset, original offset, folded length, original length) of each non-ASCII character.
    anchors: Vec<(usize, usize, usize, usize)>,
}

impl Folded {
    fn new(text: &str) -> Folded {
        let mut out = String::with_capacity(text.len());
        let mut anchors = Vec::new();
        push_fold_lower(text, &mut out, |original, folded| {
            anchors.push((folded.start, original.start, folded.len(), original.len()));
        });
        Folded { text: out, anchors }
    }

    /// The byte of the original text that folded byte `at` (or the end) came from.
    fn original(&self, at: usize) -> usize {
        let n = self.anchors.partition_point(|&(folded, ..)| folded <= at);
        let Some(&(folded, original, folded_len, original_len)) =
            n.checked_sub(1).map(|n| &self.anchors[n])
        else {
            return at;
        };
        if at < folded + folded_len {
            original
        } else {
            original + original_len + (at - folded - folded_len)
        }
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
        Some(quote @ ('\'' | '’')) => {
            !rest[quote.len_utf8()..].starts_with(|c: char| c.is_alphanumeric())
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
    use crate::lang::push_folded;
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
    fn folded_offsets_lead_back_to_the_original_bytes() {
        let text = "Één geïntegreerde aanpak – risico’s van Curaçao";
        let folded = Folded::new(text);
        assert_eq!(
            folded.text,
            "een geintegreerde aanpak – risico's van curacao"
        );
        // Every folded byte maps to the start of the character it came from, as a per-byte map would.
        let mut per_byte = Vec::new();
        for (i, c) in text.char_indices() {
            let mut out = String::new();
            push_folded(c, &mut out);
            per_byte.extend(std::iter::repeat_n(i, out.len()));
        }
        per_byte.push(text.len());
        for (at, expected) in per_byte.iter().enumerate() {
            assert_eq!(folded.original(at), *expected, "folded byte {at}");
        }
        let start = folded.text.find("curacao").unwrap();
        let (from, to) = (folded.original(start), folded.original(start + 7));
        assert_eq!(&text[from..to], "Curaçao");
        assert_eq!((from, to), (47, 55));
    }

    #[test]
    fn a_curly_possessive_after_a_name_counts() {
        let entries = [
            entry("navo", &["NAVO"]),
            entry(
                "veiligheidsregio",
                &["veiligheidsregio", "veiligheidsregio's"],
            ),
        ];
        // A law of nl-laws: the curly apostrophe is three bytes, the name still counts once.
        assert_eq!(
            found(
                &entries,
                "de NAVO’s. De veiligheidsregio’s en de veiligheidsregio’tje"
            ),
            [
                ("navo".into(), "NAVO".into()),
                ("veiligheidsregio".into(), "veiligheidsregio’s".into()),
            ]
        );
    }

    #[test]
    fn whole_words_only() {
        let entries = [entry("iran", &["Iran", "Iraanse"]), entry("eu", &["EU"])];
        assert!(found(&entries, "Iranees EUR Tehran").is_empty());
        assert_eq!(found(&entries, "(Iran)"), [("iran".into(), "Iran".into())]);
    }
}
