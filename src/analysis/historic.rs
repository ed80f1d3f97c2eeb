//! Spelling before the reforms: "menschen", "Buitenlandsche Zaken", "loopen", "groote",
//! "photographie", "practisch" and "produktie" are mensen, buitenlandse zaken, lopen, grote,
//! fotografie, praktisch and productie today. Each [`CHANGES`] entry is one change a reform made;
//! a word is given its modern form when some combination of changes turns it into a word the list
//! knows better than the word as written (more often seen, or, in a list of modern words only, seen
//! at all), or into a compound of such words. The analyzer adds the modern form's term at the old
//! word's position, so a search in today's spelling finds the old one, and a phrase still lines up.
//!
//! The test against the list is what keeps modern words as they are: "logische" could lose its
//! "sch" by the same change as "buitenlandsche", but "logise" is no word; "tweede" is no "twede".
//! Works on lower-cased, diacritic-folded words of a-z.

use super::compounds;
use crate::lang;

/// One change from an old spelling to the new, with the reform that made it.
pub struct Change {
    /// What `horizon analyze` shows.
    pub name: &'static str,
    /// Writes `word` with the change into `out`; false when the word has no place to change.
    rewrite: fn(&[u8], &mut Vec<u8>) -> bool,
}

/// The changes, in the order they are applied when several are tried together.
pub const CHANGES: [Change; 7] = [
    // Spelling-Marchant (1934), law in 1947: "sch" pronounced /s/ is written "s": mensch(en),
    // wensch, tusschen, buitenlandsche, Duitschland. Before "r" it is /sx/ as today (beschrijving).
    Change {
        name: "sch>s",
        rewrite: sch_to_s,
    },
    // The same reform: a long e or o at the end of a syllable is written single, whatever its
    // history (De Vries-Te Winkel, 1866, wrote "loopen", "groote", "heeren", "deelen").
    Change {
        name: "ee/oo>e/o",
        rewrite: open_syllable,
    },
    // "ae" for long a (Maes, paerd) predates De Vries-Te Winkel.
    Change {
        name: "ae>aa",
        rewrite: |w, out| replace(w, b"ae", b"aa", out),
    },
    // Latin "ae" in loanwords (praestatie, paedagogisch), "e" in the 1954 Woordenlijst.
    Change {
        name: "ae>e",
        rewrite: |w, out| replace(w, b"ae", b"e", out),
    },
    // Greek "ph" in loanwords (photographie, telegraphie, physiek), "f" in the 1954 Woordenlijst.
    Change {
        name: "ph>f",
        rewrite: |w, out| replace(w, b"ph", b"f", out),
    },
    // "c" as k before t (practisch, electrisch), "k" in the 1954 Woordenlijst.
    Change {
        name: "ct>kt",
        rewrite: |w, out| replace(w, b"ct", b"kt", out),
    },
    // The 1954 list's preferred "k" (produktie, aktie, faktoren), "c" again in the 1995 Woordenlijst.
    Change {
        name: "kt>ct",
        rewrite: |w, out| replace(w, b"kt", b"ct", out),
    },
];

/// A word's modern spelling and the changes (bits of [`CHANGES`]) that made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Modern {
    pub word: String,
    pub changes: u8,
}

impl Modern {
    /// The names of the changes made, for `horizon analyze`.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        CHANGES
            .iter()
            .enumerate()
            .filter(|(i, _)| self.changes & (1 << i) != 0)
            .map(|(_, c)| c.name)
    }
}

/// The modern spelling of `word`, or `None` when it has none the list supports better than the word.
pub fn modern(word: &str) -> Option<Modern> {
    let bytes = word.as_bytes();
    if bytes.len() < 3 || !bytes.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    // Only the changes with a place in the word are combined: mostly one, never all seven.
    let mut scratch = Vec::with_capacity(bytes.len());
    let applicable: u8 = CHANGES
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            scratch.clear();
            (c.rewrite)(bytes, &mut scratch)
        })
        .fold(0, |mask, (i, _)| mask | 1 << i);
    if applicable == 0 {
        return None;
    }
    let list = lang::word_list();
    let written = list.count_folded(word);
    let mut best: Option<(u32, Modern)> = None;
    let (mut from, mut to) = (Vec::new(), Vec::new());
    for changes in (1..=applicable).filter(|m| m & !applicable == 0) {
        from.clear();
        from.extend_from_slice(bytes);
        let made = CHANGES.iter().enumerate().all(|(i, change)| {
            if changes & (1 << i) == 0 {
                return true;
            }
            to.clear();
            let changed = (change.rewrite)(&from, &mut to);
            std::mem::swap(&mut from, &mut to);
            changed
        });
        let Ok(candidate) = std::str::from_utf8(&from) else {
            continue;
        };
        if !made || candidate == word {
            continue;
        }
        let score = support(word, candidate, written);
        if score > 0 && best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((
                score,
                Modern {
                    word: candidate.to_string(),
                    changes,
                },
            ));
        }
    }
    best.map(|(_, modern)| modern)
}

/// How well the list supports `candidate` over `word` as written (seen `written` times): its count
/// when it is the more common word; 1 when the list lacks both but `candidate` splits into known
/// words that are together more common than the parts of `word` ("begrootingsbehandeling" ->
/// begroting + behandeling, "werkloozenondersteuning" -> werklozen + ondersteuning; not
/// "productieramingen" -> produktie + ramingen); else 0.
fn support(word: &str, candidate: &str, written: u32) -> u32 {
    let list = lang::word_list();
    let count = list.count_folded(candidate);
    if count > written {
        return count.saturating_add(1);
    }
    if written > 0 || count > 0 {
        return 0;
    }
    // The geometric mean of the parts' counts, when all are known.
    let parts = |w: &str| {
        let parts = compounds::split(w)?;
        let logs = parts
            .iter()
            .map(|p| list.count_folded(p))
            .map(|n| (n > 0).then(|| f64::from(n).ln()))
            .sum::<Option<f64>>()?;
        Some(logs / parts.len() as f64)
    };
    let better = match (parts(candidate), parts(word)) {
        (Some(new), Some(old)) => new > old,
        (new, _) => new.is_some(),
    };
    u32::from(better)
}

/// "sch" after the first letter and before the end, an "e" or a consonant other than "r".
fn sch_to_s(word: &[u8], out: &mut Vec<u8>) -> bool {
    let mut changed = false;
    let mut i = 0;
    while i < word.len() {
        if i > 0 && word[i..].starts_with(b"sch") {
            let next = word.get(i + 3).copied();
            if next.is_none_or(|n| n == b'e' || (!is_vowel(n) && n != b'r')) {
                out.push(b's');
                i += 3;
                changed = true;
                continue;
            }
        }
        out.push(word[i]);
        i += 1;
    }
    changed
}

/// "ee" or "oo" before one consonant and a vowel: the end of an open syllable ("loo-pen").
fn open_syllable(word: &[u8], out: &mut Vec<u8>) -> bool {
    let mut changed = false;
    let mut i = 0;
    while i < word.len() {
        let c = word[i];
        let open = matches!(c, b'e' | b'o')
            && word.get(i + 1) == Some(&c)
            && (i == 0 || word[i - 1] != c)
            && word.get(i + 2).is_some_and(|&n| !is_vowel(n))
            && word.get(i + 3).copied().is_some_and(is_vowel);
        out.push(c);
        if open {
            i += 2;
            changed = true;
        } else {
            i += 1;
        }
    }
    changed
}

fn replace(word: &[u8], from: &[u8], to: &[u8], out: &mut Vec<u8>) -> bool {
    let mut changed = false;
    let mut i = 0;
    while i < word.len() {
        if word[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
            changed = true;
        } else {
            out.push(word[i]);
            i += 1;
        }
    }
    changed
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn modern_of(word: &str) -> Option<String> {
        modern(word).map(|m| m.word)
    }

    #[test]
    fn old_spellings_of_the_papers_get_their_modern_form() {
        // Words of the OCR'd papers (1814-1995), each from a line quoted in the analyzer's tests.
        for (old, new) in [
            ("menschen", "mensen"),
            ("buitenlandsche", "buitenlandse"),
            ("tusschen", "tussen"),
            ("wensch", "wens"),
            ("loopen", "lopen"),
            ("groote", "grote"),
            ("begrooting", "begroting"),
            ("algemeene", "algemene"),
            ("afdeeling", "afdeling"),
            ("officieele", "officiele"),
            ("zoodat", "zodat"),
            ("photographie", "fotografie"),
            ("telegraphie", "telegrafie"),
            ("practisch", "praktisch"),
            ("produktie", "productie"),
            ("paedagogisch", "pedagogisch"),
            ("begrootingswijziging", "begrotingswijziging"),
            ("werkloozenondersteuning", "werklozenondersteuning"),
        ] {
            assert_eq!(modern_of(old).as_deref(), Some(new), "{old}");
        }
        let both = modern("nederlandsche").unwrap();
        assert_eq!(both.names().collect::<Vec<_>>(), ["sch>s"]);
    }

    #[test]
    fn modern_words_stay_as_they_are() {
        for word in [
            "logisch",
            "technische",
            "praktisch",
            "economische",
            "tweede",
            "vooral",
            "opheffing",
            "koophandel",
            "beschrijving",
            "verschenen",
            "school",
            "productie",
            "respectievelijk",
            "mensen",
            "lopen",
            // Compounds of today's words that the list lacks whole (measured on the papers: the
            // k/c changes once turned these into the 1954 spelling).
            "optimaliseringsprojecten",
            "productieramingen",
            "directeurenoverleg",
        ] {
            assert_eq!(modern_of(word), None, "{word} is today's spelling");
        }
    }
}
