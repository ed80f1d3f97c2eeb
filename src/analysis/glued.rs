//! Words that OCR glued together: "hetZiekenhuiswezen", "teBuitenzorg", "vanderZwaag". A capital
//! after lower-case letters inside a word is where a space was lost, when the list knows both sides
//! and not the whole. The analyzer keeps the glued word's own term and adds the terms of both parts
//! at its position. What must stay whole is told by its form, not by a list of names: a capital at
//! the start ("McDonald", "DigiD", "PvdA"), a single lower-case letter before the capital
//! ("iPhone", "eHerkenning"), fewer than two lower-case letters after it ("BesluitX", "pH", "kWh")
//! or a second capital after it ("openStreetMap"). A stop word before the capital ("teDanzig",
//! "hetWeduwenfonds") is cut off even when the list lacks the name after it: no Dutch word starts
//! with a function word glued to a capital.

use super::compounds;
use crate::lang;

/// Where the second word of `word` starts (a byte index), or `None` when it is one word.
/// `is_stop_word` tells the lower-cased function words.
pub fn cut(word: &str, is_stop_word: impl Fn(&str) -> bool) -> Option<usize> {
    let bytes = word.as_bytes();
    // The common case, every word without a capital inside, costs one pass over its bytes.
    let inner_capital = bytes.windows(2).any(|p| {
        (p[0].is_ascii_lowercase() || p[0] >= 0x80) && (p[1].is_ascii_uppercase() || p[1] >= 0x80)
    });
    if !inner_capital {
        return None;
    }
    let at = word
        .char_indices()
        .find(|&(i, c)| i > 0 && c.is_uppercase())
        .map(|(i, _)| i)?;
    let (left, right) = word.split_at(at);
    let mut rest = right.chars();
    rest.next();
    let rest = rest.as_str();
    let shape = left.chars().count() >= 2
        && left.chars().all(char::is_lowercase)
        && rest.chars().count() >= 2
        && rest.chars().all(char::is_lowercase);
    if !shape {
        return None;
    }
    let list = lang::word_list();
    let fold = |w: &str| lang::fold(&w.to_lowercase()).into_owned();
    let (whole, left, right) = (fold(word), fold(left), fold(right));
    let known = (list.count_folded(&left) > 0
        && (list.count_folded(&right) > 0 || compounds::split(&right).is_some()))
        || is_stop_word(&left);
    (known && list.count_folded(&whole) == 0).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(word: &str) -> Option<(&str, &str)> {
        let stop_words = ["te", "het", "de", "van", "in"];
        cut(word, |w| stop_words.contains(&w)).map(|at| word.split_at(at))
    }

    #[test]
    fn glued_words_of_the_papers_are_cut_at_the_capital() {
        // "Deze gelden zijn bestemd voor hetZiekenhuiswezen", "ingekomen teBuitenzorg",
        // "de heer vanderZwaag".
        assert_eq!(
            parts("hetZiekenhuiswezen"),
            Some(("het", "Ziekenhuiswezen"))
        );
        assert_eq!(parts("teBuitenzorg"), Some(("te", "Buitenzorg")));
        assert_eq!(parts("teAmsterdam"), Some(("te", "Amsterdam")));
        // Names the list lacks, after a function word: "geboren teDanzig", "teDnjepropetrowsk".
        assert_eq!(parts("teDanzig"), Some(("te", "Danzig")));
        assert_eq!(parts("teDnjepropetrowsk"), Some(("te", "Dnjepropetrowsk")));
    }

    #[test]
    fn names_and_units_stay_whole() {
        for word in [
            "McDonald",
            "iPhone",
            "DigiD",
            "BesluitX",
            "PvdA",
            "kWh",
            "pH",
            "eHerkenning",
            "openStreetMap",
            "mogeIijk",
            "verLoren",
            "Ziekenhuiswezen",
        ] {
            assert_eq!(
                cut(word, |w| ["te", "het", "de", "van"].contains(&w)),
                None,
                "{word}"
            );
        }
    }
}
