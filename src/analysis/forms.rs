//! Word forms: each word of the text lower-cased and without diacritics, neither stemmed nor split,
//! indexed beside the analysed text so that a prefix (`terror*`), a fuzzy word (`desinformatie~1`)
//! and "did you mean" work on words as people type them. A stem would cut `veiligheid*` off from
//! "veiligheidsregio" (stem "veilig"), and stems are no words to suggest.

use tantivy::tokenizer::{Token, Tokenizer};

use super::{words, BufferedTokens};
use crate::lang::fold_lower;

/// The name the forms tokenizer is registered under in tantivy.
pub const FORMS: &str = "horizon_forms";

/// Words as typed, folded; no stop words removed, since a prefix may start like one.
#[derive(Clone, Default)]
pub struct FormsTokenizer {
    tokens: Vec<Token>,
}

impl FormsTokenizer {
    /// The form `word` is indexed under, as a query must write it to find it.
    pub fn form(word: &str) -> String {
        fold_lower(word)
    }
}

impl Tokenizer for FormsTokenizer {
    type TokenStream<'a> = BufferedTokens<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> BufferedTokens<'a> {
        self.tokens.clear();
        for (position, (offset, word)) in words(text).enumerate() {
            self.tokens.push(Token {
                offset_from: offset,
                offset_to: offset + word.len(),
                position,
                text: FormsTokenizer::form(word),
                position_length: 1,
            });
        }
        BufferedTokens {
            tokens: &mut self.tokens,
            next: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::TokenStream;

    use super::*;

    #[test]
    fn forms_are_folded_words_at_their_offsets() {
        let line = "Terroristische dreiging: reëel, ook voor België’s F-35’s.";
        let mut tokenizer = FormsTokenizer::default();
        let mut stream = tokenizer.token_stream(line);
        let mut seen = Vec::new();
        while stream.advance() {
            let t = stream.token();
            seen.push((
                t.text.clone(),
                &line[t.offset_from..t.offset_to],
                t.position,
            ));
        }
        assert_eq!(
            seen,
            [
                ("terroristische".to_string(), "Terroristische", 0),
                ("dreiging".to_string(), "dreiging", 1),
                ("reeel".to_string(), "reëel", 2),
                ("ook".to_string(), "ook", 3),
                ("voor".to_string(), "voor", 4),
                ("belgie's".to_string(), "België’s", 5),
                ("f".to_string(), "F", 6),
                ("35".to_string(), "35", 7),
                ("s".to_string(), "s", 8),
            ]
        );
    }
}
