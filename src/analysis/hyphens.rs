//! Words joined by a hyphen inside a line: a real compound ("alcohol-gehalte") or a word broken at a
//! line end the text no longer has ("alimenta-tieduur", from OCR that lost the line breaks; the
//! repair stage has already joined those whose whole the word list knows). Either way the joined
//! form is a word a reader may search for, so the analyzer indexes it at the position of the first
//! half, besides the halves: "alcoholgehalte" finds "alcohol-gehalte", and "alimentatieduur" (by its
//! compound parts, alimentatie and duur) finds the broken word.

use super::ellipsis::JOINERS;

/// Whether `words[i]` is joined by a hyphen, and nothing else, to the next word, both of letters,
/// the rest of both in lower case: a capital after a hyphen starts a name ("Noord-Holland"), an
/// acronym before one is kept apart by the spelling ("EU-grondgebied"), and a digit makes a number
/// ("Covid-19", indexed as "covid19" by the analyzer's own rule). Nor is the first half of an
/// elliptical compound whose space OCR lost ("consumptie-en investeringsgoederen").
pub fn joins_next(text: &str, words: &[(usize, &str)], i: usize) -> bool {
    let (offset, word) = words[i];
    let Some(&(next_offset, next)) = words.get(i + 1) else {
        return false;
    };
    let hyphen = offset + word.len();
    text[hyphen..].starts_with('-')
        && next_offset == hyphen + 1
        && next.chars().all(char::is_lowercase)
        && !JOINERS.contains(&next)
        && word.chars().next().is_some_and(char::is_alphabetic)
        && word.chars().skip(1).all(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::words;

    fn joined(text: &str) -> Vec<String> {
        let found: Vec<(usize, &str)> = words(text).collect();
        (0..found.len())
            .filter(|&i| joins_next(text, &found, i))
            .map(|i| format!("{}{}", found[i].1, found[i + 1].1))
            .collect()
    }

    #[test]
    fn hyphens_inside_a_line_join_their_halves() {
        // "limitering van de alimenta-tieduur." and "naar het alcohol-gehalte belast" (the papers).
        assert_eq!(
            joined("limitering van de alimenta-tieduur."),
            ["alimentatieduur"]
        );
        assert_eq!(
            joined("naar het alcohol-gehalte belast"),
            ["alcoholgehalte"]
        );
    }

    #[test]
    fn names_numbers_and_ellipses_are_not_joined() {
        assert!(joined("Noord-Holland en Zuid-Afrika").is_empty());
        assert!(joined("van het EU-grondgebied").is_empty());
        assert!(joined("Covid-19").is_empty());
        assert!(joined("links- en rechtsextremisme").is_empty());
        assert!(joined("bewoners - en bezoekers").is_empty());
        // "de consumptie-en investeringsgoederen" (the papers, 1970s).
        assert!(joined("de consumptie-en investeringsgoederen").is_empty());
    }
}
