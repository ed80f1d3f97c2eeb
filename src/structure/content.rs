//! What a passage says: how many words of each theme's vocabulary it uses. Words match at word
//! starts, folded and in lower case, so "spionage" also counts "spionageactiviteiten" and
//! "statelijke dreiging" counts "statelijke dreigingen".

use super::ThemeDef;
use crate::lang::fold;

/// Theme vocabularies prepared for matching.
pub struct Vocabulary {
    /// Per theme, its words folded and lower-cased.
    words: Vec<Vec<String>>,
}

impl Vocabulary {
    pub fn new(themes: &[ThemeDef]) -> Vocabulary {
        Vocabulary {
            words: themes
                .iter()
                .map(|t| {
                    let mut words: Vec<String> = t
                        .vocabulary
                        .iter()
                        .map(|w| fold(&w.to_lowercase()).replace(['’', '‘'], "'"))
                        .filter(|w| w.chars().count() >= 3)
                        .collect();
                    words.sort();
                    words.dedup();
                    words
                })
                .collect(),
        }
    }

    /// For each theme, how many times its words occur in `text`.
    pub fn scores(&self, text: &str) -> Vec<u32> {
        let text = fold(&text.to_lowercase()).replace(['’', '‘'], "'");
        self.words
            .iter()
            .map(|words| words.iter().map(|w| occurrences(&text, w)).sum())
            .collect()
    }
}

/// How often `word` occurs in `text` starting at a word boundary.
fn occurrences(text: &str, word: &str) -> u32 {
    text.match_indices(word)
        .filter(|(at, _)| {
            text[..*at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        })
        .count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_at_word_starts_in_compounds_and_inflections() {
        let themes = vec![
            ThemeDef {
                id: "s".into(),
                label: "S".into(),
                vocabulary: vec!["spionage".into(), "statelijke actor".into()],
            },
            ThemeDef {
                id: "c".into(),
                label: "C".into(),
                vocabulary: vec!["crisis".into(), "beïnvloeding".into()],
            },
        ];
        let vocabulary = Vocabulary::new(&themes);
        let text = "Economische spionageactiviteiten door statelijke actoren; de coronacrisis en beinvloeding.";
        // "coronacrisis" does not start with "crisis"; "beinvloeding" matches the folded "beïnvloeding".
        assert_eq!(vocabulary.scores(text), [2, 1]);
    }
}
