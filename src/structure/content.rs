//! What a passage says: how many words of each theme's vocabulary it uses. Words match at word
//! starts, folded and in lower case, so "spionage" also counts "spionageactiviteiten" and
//! "statelijke dreiging" counts "statelijke dreigingen".

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::ThemeDef;
use crate::lang::fold_lower;

/// Theme vocabularies compiled into one automaton.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    automaton: AhoCorasick,
    /// For each pattern, the theme it belongs to.
    theme_of: Vec<usize>,
    themes: usize,
}

impl Vocabulary {
    pub fn new(themes: &[ThemeDef]) -> Vocabulary {
        let mut patterns: Vec<String> = Vec::new();
        let mut theme_of = Vec::new();
        for (t, theme) in themes.iter().enumerate() {
            let mut words: Vec<String> = theme
                .vocabulary
                .iter()
                .map(|w| normal(w))
                .filter(|w| w.chars().count() >= 3)
                .collect();
            words.sort();
            words.dedup();
            theme_of.extend(std::iter::repeat_n(t, words.len()));
            patterns.extend(words);
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            // A DFA costs memory once and searches several times faster than the NFA.
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("theme words compile");
        Vocabulary {
            automaton,
            theme_of,
            themes: themes.len(),
        }
    }

    /// For each theme, how many times its words occur in `text` starting at a word boundary.
    pub fn scores(&self, text: &str) -> Vec<u32> {
        let text = normal(text);
        let mut scores = vec![0; self.themes];
        for found in self.automaton.find_iter(&text) {
            let at_word_start = text[..found.start()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if at_word_start {
                scores[self.theme_of[found.pattern().as_usize()]] += 1;
            }
        }
        scores
    }
}

/// Lower case, folded, straight apostrophes.
fn normal(text: &str) -> String {
    fold_lower(text)
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
        let themes = vec![ThemeDef {
            id: "v".into(),
            label: "V".into(),
            vocabulary: vec!["vitale infrastructuur".into(), "infrastructuur".into()],
        }];
        let vocabulary = Vocabulary::new(&themes);
        let text = "Bescherming van vitale infrastructuur, en infrastructuurbeleid.";
        assert_eq!(
            vocabulary.scores(text),
            [2],
            "a match is not counted again inside"
        );
    }
}
