//! The Dutch analyzer: from text to the terms that are indexed and searched.
//!
//! One analyzer, built here and registered in tantivy under [`NAME`], serves the index and the query
//! alike: Unicode word boundaries (UAX #29), lower-casing, Dutch stop words, Snowball Dutch stemming.
//! Positions count every word, stop words included, so phrase queries line up on both sides.
//! [`VERSION`] is stored in the index; an index built by another version is refused.

mod stopwords;
mod words;

use std::sync::Arc;

use rust_stemmers::{Algorithm, Stemmer};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

pub use stopwords::{Stopwords, StopwordsError};
pub use words::{count_words, words};

/// The name the analyzer is registered under in tantivy.
pub const NAME: &str = "horizon_nl";

/// Bumped whenever the analyzer turns any text into other terms than before.
pub const VERSION: u32 = 1;

/// The Dutch analyzer. Cheap to clone; each clone keeps its own token buffer.
#[derive(Clone)]
pub struct DutchAnalyzer {
    rules: Arc<Rules>,
    tokens: Vec<Token>,
    len: usize,
}

struct Rules {
    stopwords: Stopwords,
    stemmer: Stemmer,
}

impl DutchAnalyzer {
    pub fn new(stopwords: Stopwords) -> Self {
        DutchAnalyzer {
            rules: Arc::new(Rules {
                stopwords,
                stemmer: Stemmer::create(Algorithm::Dutch),
            }),
            tokens: Vec::new(),
            len: 0,
        }
    }

    pub fn stopwords(&self) -> &Stopwords {
        &self.rules.stopwords
    }

    /// The terms of `text`, with their offsets and positions.
    pub fn terms(&mut self, text: &str) -> Vec<Token> {
        self.fill(text);
        self.tokens[..self.len].to_vec()
    }

    /// Fills the reusable token buffer, so indexing allocates no string per token once warm.
    fn fill(&mut self, text: &str) {
        self.len = 0;
        let mut lower = String::new();
        for (position, (offset, word)) in words(text).enumerate() {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            if self.rules.stopwords.contains(&lower) {
                continue;
            }
            let term = if lower.chars().any(|c| c.is_ascii_digit()) {
                lower.as_str().into()
            } else {
                self.rules.stemmer.stem(&lower)
            };
            if self.len == self.tokens.len() {
                self.tokens.push(Token::default());
            }
            let token = &mut self.tokens[self.len];
            token.text.clear();
            token.text.push_str(&term);
            token.offset_from = offset;
            token.offset_to = offset + word.len();
            token.position = position;
            token.position_length = 1;
            self.len += 1;
        }
    }
}

impl Tokenizer for DutchAnalyzer {
    type TokenStream<'a> = BufferedTokens<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> BufferedTokens<'a> {
        self.fill(text);
        BufferedTokens {
            tokens: &mut self.tokens[..self.len],
            next: 0,
        }
    }
}

/// The analyzer's tokens for one text, handed to tantivy one at a time.
pub struct BufferedTokens<'a> {
    tokens: &'a mut [Token],
    next: usize,
}

impl TokenStream for BufferedTokens<'_> {
    fn advance(&mut self) -> bool {
        if self.next < self.tokens.len() {
            self.next += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyzer() -> DutchAnalyzer {
        DutchAnalyzer::new(Stopwords::parse("de\nhet\nvan\nop\neen\n"))
    }

    fn texts(text: &str) -> Vec<String> {
        analyzer().terms(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn stems_lowercases_and_drops_stop_words_keeping_positions() {
        let text = "De territoriale veiligheid van het EU-grondgebied";
        let tokens = analyzer().terms(text);
        let seen: Vec<(&str, usize, &str)> = tokens
            .iter()
            .map(|t| {
                (
                    t.text.as_str(),
                    t.position,
                    &text[t.offset_from..t.offset_to],
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                ("territorial", 1, "territoriale"),
                ("veilig", 2, "veiligheid"),
                ("eu", 5, "EU"),
                ("grondgebied", 6, "grondgebied"),
            ]
        );
    }

    #[test]
    fn plural_and_singular_meet() {
        assert_eq!(texts("dreigingen"), texts("dreiging"));
    }

    #[test]
    fn offsets_are_bytes_of_non_ascii_words() {
        let text = "een geïntegreerde risicoanalyse";
        let tokens = analyzer().terms(text);
        assert_eq!(
            &text[tokens[0].offset_from..tokens[0].offset_to],
            "geïntegreerde"
        );
        assert_eq!(tokens[0].offset_from, 4);
        assert_eq!(tokens[0].offset_to, 18);
        assert_eq!(
            &text[tokens[1].offset_from..tokens[1].offset_to],
            "risicoanalyse"
        );
    }

    #[test]
    fn numbers_are_kept_whole() {
        assert_eq!(texts("178,2 miljard"), ["178,2", "miljard"]);
        assert_eq!(texts("Covid-19 en 5G"), ["covid", "19", "en", "5g"]);
    }
}
