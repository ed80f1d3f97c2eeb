//! Apostrophe plurals and possessives: "risico’s", "risico's", "ic's" and "programma's" are the
//! plurals of risico, ic and programma. UAX #29 keeps them as one word; the `'s` goes here. People
//! also type them without the apostrophe ("themas", "risicos"): those lose their `s` when the word
//! list knows the singular and not the form typed.

use crate::lang;

/// `word` without a final `'s` or `’s`.
pub fn strip(word: &str) -> &str {
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if !stem.is_empty() {
                return stem;
            }
        }
    }
    word
}

/// The singular of a folded plural written without its apostrophe: "themas" -> "thema".
pub fn unmarked_plural(word: &str) -> Option<&str> {
    let base = word.strip_suffix('s')?;
    let vowel_end = base.ends_with(['a', 'o', 'i', 'y']);
    if base.len() < 4 || !vowel_end {
        return None;
    }
    let list = lang::word_list();
    (list.count_folded(word) == 0 && list.count_folded(base) >= 2).then_some(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_plural_apostrophes_of_the_seed() {
        assert_eq!(strip("risico’s"), "risico");
        assert_eq!(strip("risico's"), "risico");
        assert_eq!(strip("ic’s"), "ic");
        assert_eq!(strip("programma’s"), "programma");
        assert_eq!(strip("thema's"), "thema");
        assert_eq!(strip("zo'n"), "zo'n");
        assert_eq!(strip("'s"), "'s");
    }

    #[test]
    fn plurals_typed_without_apostrophe() {
        assert_eq!(unmarked_plural("themas"), Some("thema"));
        assert_eq!(
            unmarked_plural("veiligheidsregios"),
            Some("veiligheidsregio")
        );
        assert_eq!(
            unmarked_plural("uitvoeringsprogrammas"),
            Some("uitvoeringsprogramma")
        );
        for singular in ["crisis", "chaos", "atlas", "basis", "virus", "kompas"] {
            assert_eq!(unmarked_plural(singular), None, "{singular} is a singular");
        }
    }
}
