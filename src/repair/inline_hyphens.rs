//! Hyphens inside a line that were a line end once: OCR'd papers whose line breaks were lost keep
//! the hyphens of the words the typesetter broke ("de economi-sche analyse"). Such a hyphen is
//! dropped here, in the stored text, only on strong evidence: the whole is a word of the list, each
//! half is rarer than the whole, and one half is no word at all. A real hyphenated compound
//! ("alcohol-gehalte", both halves words) keeps its hyphen, and so does a break whose whole the list
//! does not know ("alimenta-tieduur"): the analyzer indexes the joined form of both beside their
//! halves, so they are found either way without the text being changed on weaker evidence.

use crate::lang;

/// Whether the hyphen between `left` and `right`, the letters on either side of it inside a line,
/// is a lost line break to drop. `left` may start with a capital (a sentence's first word); `right`
/// must be lower case, since a capital after a hyphen starts a name ("Noord-Holland").
pub fn joins(left: &str, right: &str) -> bool {
    let lower = |w: &str| w.chars().all(char::is_lowercase);
    let mut first = left.chars();
    let left_ok = first.next().is_some_and(char::is_alphabetic) && lower(first.as_str());
    if !left_ok || right.is_empty() || !lower(right) {
        return false;
    }
    let list = lang::word_list();
    let left = left.to_lowercase();
    let whole = list.count(&format!("{left}{right}"));
    let (left, right) = (list.count(&left), list.count(right));
    whole > 0 && left < whole && right < whole && (left == 0 || right == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lost_line_breaks_of_the_papers_are_joined() {
        // Kamerstuk 12449 nr. 66 (1983): "een herziene versie van de economi-sche analyse".
        assert!(joins("economi", "sche"));
        // "ten behoeve van de ver-gadering": the particle is a word, the rest is not.
        assert!(joins("ver", "gadering"));
        assert!(joins("Economi", "sche"), "at the start of a sentence");
        // "de alimenta-tieduur": OpenTaal knows the whole, neither half is a word.
        assert!(joins("alimenta", "tieduur"));
    }

    #[test]
    fn real_compounds_and_names_keep_their_hyphen() {
        // "naar het alcohol-gehalte belast": both halves are words.
        assert!(!joins("alcohol", "gehalte"));
        assert!(!joins("sociaal", "economische"));
        assert!(!joins("Noord", "Holland"));
        assert!(!joins("EU", "grondgebied"));
    }
}
