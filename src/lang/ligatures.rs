//! Ligatures: letters a PDF draws as one glyph. Unicode's ligature characters (ﬁ, ﬂ, ﬀ, ﬃ, ﬄ, ﬅ,
//! ﬆ) become their letters. A glyph the PDF gives no text for, or a private-use code (cairo writes
//! U+E01E for an 'f' ligature without a ToUnicode entry), is restored from the Dutch word list when
//! exactly one ligature's letters make a known word ("steekproe\u{e01e}" -> "steekproef", "func\u{fffd}e"
//! -> "functie"); a private-use code that the list decided once stands for the same letters wherever
//! else it occurs in the document.
//!
//! It lives below the pipeline because two stages need it: the PDF reader repairs the text it lays
//! out, and the repair stage does the same for text converted elsewhere (pdftotext output saved as
//! .txt, OCR exports), keeping its map back to the source bytes.

use rustc_hash::FxHashMap as HashMap;

/// The letters a missing ligature glyph can stand for, most common in Dutch type first.
const CANDIDATES: [&str; 12] = [
    "f", "fi", "fl", "ff", "ffi", "ffl", "ft", "ti", "tt", "tf", "fj", "st",
];

/// What ligature repair did to one document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Repairs {
    /// Words whose lost letters the word list restored.
    pub restored: usize,
    /// Words with a glyph that no candidate or several candidates fit; left as they are.
    pub unresolved: usize,
}

/// Unicode's presentation forms to their letters.
fn presentation_form(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{fb00}' => "ff",
        '\u{fb01}' => "fi",
        '\u{fb02}' => "fl",
        '\u{fb03}' => "ffi",
        '\u{fb04}' => "ffl",
        '\u{fb05}' | '\u{fb06}' => "st",
        _ => return None,
    })
}

/// A glyph without text: U+FFFD, or a code of the private-use area.
fn is_lost(c: char) -> bool {
    c == '\u{fffd}' || ('\u{e000}'..='\u{f8ff}').contains(&c)
}

/// Whether `text` may hold a ligature to repair: a presentation form (U+FB00..U+FB06), a code of the
/// private-use area or U+FFFD. All are three bytes in UTF-8 led by 0xEE or 0xEF, so a text without
/// those bytes, nearly every one, is passed by one scan.
pub fn may_hold(text: &str) -> bool {
    memchr::memchr2(0xEE, 0xEF, text.as_bytes()).is_some()
        && text
            .chars()
            .any(|c| is_lost(c) || presentation_form(c).is_some())
}

/// Where a document's ligatures are and the letters each stands for: the byte offset in `text` of
/// each presentation form and each lost glyph the word list restores, in order. The repair stage
/// replaces them while keeping its map to the source; [`repair`] makes a new text of them.
pub fn restorations(
    text: &str,
    known: impl Fn(&str) -> bool,
) -> (Vec<(usize, &'static str)>, Repairs) {
    let mut repairs = Repairs::default();
    let mut found: Vec<(usize, &'static str)> = text
        .char_indices()
        .filter_map(|(at, c)| presentation_form(c).map(|letters| (at, letters)))
        .collect();
    if !text.chars().any(is_lost) {
        return (found, repairs);
    }
    // First pass: what each code stands for where one candidate alone fits.
    let none = HashMap::default();
    let mut learned: HashMap<char, HashMap<&'static str, usize>> = HashMap::default();
    for (_, word) in words(text) {
        if let Some((code, letters)) = decide(word, &known, &none) {
            *learned.entry(code).or_default().entry(letters).or_default() += 1;
        }
    }
    // A private-use code stands for the same letters throughout; U+FFFD for whichever glyph had no
    // text, so it only breaks ties between the ligatures this document uses.
    let standing: HashMap<char, &'static str> = learned
        .iter()
        .filter(|(code, _)| **code != '\u{fffd}')
        .filter_map(|(code, votes)| {
            let best = votes.iter().max_by_key(|(_, n)| **n)?;
            (votes.len() == 1 || *best.1 * 4 >= votes.values().sum::<usize>() * 3)
                .then_some((*code, *best.0))
        })
        .collect();
    for (start, word) in words(text) {
        let lost = |c: &char| is_lost(*c);
        let votes = word
            .chars()
            .find(lost)
            .and_then(|code| learned.get(&code))
            .unwrap_or(&none);
        let at = |code: char| word.char_indices().filter(move |(_, c)| *c == code);
        match decide(word, &known, votes) {
            Some((code, letters)) => {
                let first = at(code).next().map(|(i, _)| start + i);
                found.extend(first.map(|i| (i, letters)));
                repairs.restored += 1;
            }
            None => match word
                .chars()
                .find(lost)
                .and_then(|code| Some((code, standing.get(&code)?)))
            {
                Some((code, letters)) => {
                    found.extend(at(code).map(|(i, _)| (start + i, *letters)));
                    repairs.restored += 1;
                }
                None => repairs.unresolved += 1,
            },
        }
    }
    found.sort_unstable();
    (found, repairs)
}

/// Repairs the ligatures of a document's text in place of a copy.
pub fn repair(text: &str, known: impl Fn(&str) -> bool) -> (String, Repairs) {
    let (found, repairs) = restorations(text, known);
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (at, letters) in found {
        out.push_str(&text[last..at]);
        out.push_str(letters);
        last = at + text[at..].chars().next().map_or(0, char::len_utf8);
    }
    out.push_str(&text[last..]);
    (out, repairs)
}

/// The words of `text` that hold a lost glyph, with the letters and marks around it, and where
/// each starts.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !(c.is_alphanumeric() || is_lost(c) || c == '\u{ad}' || c == '-'))
        .filter(|w| w.chars().any(is_lost) && w.chars().any(char::is_alphabetic))
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// The one ligature whose letters in place of the lost glyph make a known word, or else a compound
/// of two known words ("ba\u{fffd}erijspanning"); where several fit, the one this document's other
/// words chose (`votes`) when it alone has votes. `None` when no candidate or no single one fits. Only
/// a word with a single lost glyph is decided.
fn decide(
    word: &str,
    known: &impl Fn(&str) -> bool,
    votes: &HashMap<&'static str, usize>,
) -> Option<(char, &'static str)> {
    let mut lost = word.chars().filter(|c| is_lost(*c));
    let code = lost.next()?;
    if lost.next().is_some() {
        return None;
    }
    // A hyphenated compound is decided by the part that holds the glyph.
    let part = word
        .split('-')
        .find(|p| p.contains(code))?
        .trim_matches('\u{ad}');
    let part: String = part
        .chars()
        .fold(String::with_capacity(part.len()), |mut s, c| {
            match presentation_form(c) {
                Some(letters) => s.push_str(letters),
                None => s.push(c),
            }
            s
        });
    let compound = |word: &str| {
        let bounds: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
        bounds.iter().skip(3).any(|&i| {
            let rest = &word[i..];
            rest.chars().count() >= 3
                && known(&word[..i])
                && (known(rest)
                    || rest
                        .strip_prefix('s')
                        .is_some_and(|r| r.len() >= 3 && known(r)))
        })
    };
    for test in [&|w: &str| known(w), &compound as &dyn Fn(&str) -> bool] {
        let fits: Vec<&'static str> = CANDIDATES
            .iter()
            .copied()
            .filter(|letters| test(&part.replace(code, letters).to_lowercase()))
            .collect();
        match fits.as_slice() {
            [] => continue,
            [one] => return Some((code, one)),
            several => {
                let voted: Vec<&&str> =
                    several.iter().filter(|l| votes.contains_key(**l)).collect();
                return (voted.len() == 1).then(|| (code, *voted[0]));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dutch(word: &str) -> bool {
        [
            "steekproef",
            "functie",
            "batterij",
            "geeft",
            "officieel",
            "effectief",
            "pauzeren",
            "stoppen",
            "of",
            "blijf",
            "blijft",
            "spanning",
            "vergiftiging",
        ]
        .contains(&word)
    }

    #[test]
    fn presentation_forms_become_letters() {
        let (text, repairs) = repair("ofﬁcieel en eﬀectief", dutch);
        assert_eq!(text, "officieel en effectief");
        assert_eq!(repairs, Repairs::default());
    }

    #[test]
    fn lost_glyphs_are_restored_where_one_word_fits() {
        // The CO-detector manual: Corel drew 'ti', 'tt' and 'ft' as glyphs without text.
        let (text, repairs) = repair(
            "De func\u{fffd}e van de ba\u{fffd}erij gee\u{fffd} aan",
            dutch,
        );
        assert_eq!(text, "De functie van de batterij geeft aan");
        assert_eq!(repairs.restored, 3);
    }

    #[test]
    fn a_private_use_code_learned_once_holds_for_the_document() {
        // cairo's U+E01E: "steekproe\u{e01e}" decides it is 'f'; "Pauzeren, stoppen o\u{e01e}"
        // ("of") follows, and so does a word the list does not know.
        let source =
            "De steekproe\u{e01e} omvat. Pauzeren, stoppen o\u{e01e} verbergen. Tari\u{e01e}.";
        let (text, repairs) = repair(source, dutch);
        assert_eq!(
            text,
            "De steekproef omvat. Pauzeren, stoppen of verbergen. Tarif."
        );
        assert_eq!(repairs.restored, 3);
        assert_eq!(repairs.unresolved, 0);
    }

    #[test]
    fn compounds_and_the_documents_own_ligatures_decide_the_rest() {
        // "blij\u{fffd}" fits blijf and blijft; "vergi\u{fffd}iging" says this document draws 'ft'.
        // "ba\u{fffd}erijspanning" is no word of the list, but batterij + spanning are.
        let (text, repairs) = repair(
            "koolmonoxidevergi\u{fffd}iging; de indicator blij\u{fffd} knipperen bij lage ba\u{fffd}erijspanning",
            |w: &str| dutch(w) || w == "koolmonoxidevergiftiging",
        );
        assert_eq!(
            text,
            "koolmonoxidevergiftiging; de indicator blijft knipperen bij lage batterijspanning"
        );
        assert_eq!(repairs.restored, 3);
    }

    #[test]
    fn unknown_words_are_left_and_counted() {
        let (text, repairs) = repair("Xyz\u{fffd}q", dutch);
        assert_eq!(text, "Xyz\u{fffd}q");
        assert_eq!(repairs.unresolved, 1);
    }
}
