//! The Dutch analyzer: from text to the terms that are indexed and searched.
//!
//! One analyzer, built here and registered in tantivy under [`NAME`], serves the index and the query
//! alike. Each word ([`words`]: the word boundaries of UAX #29 for Dutch) is lower-cased, checked against the stop words,
//! loses an apostrophe plural ([`apostrophe`]) and its diacritics, and is stemmed ([`stem`]); the parts
//! of a compound ([`compounds`]) and the full form of an elliptical compound ([`ellipsis`]) are added at
//! the same position. Positions count every word, stop words included, so phrases line up.
//! What a word becomes is remembered ([`cache`]), so each distinct word is analysed once.
//! [`VERSION`] is stored in the index; an index built by another version is refused.

mod apostrophe;
mod cache;
mod compounds;
mod ellipsis;
mod porter;
mod stem;
mod stopwords;
mod words;

use std::sync::Arc;

use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer, Token,
    TokenStream, Tokenizer,
};

use crate::lang::fold;
use cache::{Analysed, SharedWords, WordCache, CACHE_LIMIT};
pub use stem::DutchStemmer;
pub use stopwords::{Stopwords, StopwordsError};
pub use words::{count_words, words};

/// The name the analyzer is registered under in tantivy.
pub const NAME: &str = "horizon_nl";

/// Bumped whenever the analyzer turns any text into other terms than before (rules, word lists).
pub const VERSION: u32 = 4;

/// The analyzers an index can be built with: horizon's own, and tantivy's stock Dutch analyzer as
/// the baseline that benchmarks and the search-quality set measure it against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Analyzer {
    /// horizon's Dutch analyzer: repair-aware, compounds, folding, tuned stemming.
    Horizon,
    /// tantivy's stock Dutch analyzer (simple tokenizer, lower case, Snowball Dutch), for comparison.
    Plain,
}

impl Analyzer {
    pub const ALL: [Analyzer; 2] = [Analyzer::Horizon, Analyzer::Plain];

    /// The name the analyzer is registered and recorded under.
    pub fn name(self) -> &'static str {
        match self {
            Analyzer::Horizon => NAME,
            Analyzer::Plain => "tantivy_nl",
        }
    }

    pub fn version(self) -> u32 {
        match self {
            Analyzer::Horizon => VERSION,
            Analyzer::Plain => 1,
        }
    }

    pub fn by_name(name: &str) -> Option<Analyzer> {
        Analyzer::ALL.into_iter().find(|a| a.name() == name)
    }

    /// The analyzer, ready to register in tantivy.
    pub fn build(self, stopwords: &Stopwords) -> TextAnalyzer {
        match self {
            Analyzer::Horizon => TextAnalyzer::from(DutchAnalyzer::new(stopwords.clone())),
            Analyzer::Plain => TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(RemoveLongFilter::limit(40))
                .filter(LowerCaser)
                .filter(Stemmer::new(Language::Dutch))
                .build(),
        }
    }
}

/// The Dutch analyzer. Cheap to clone; each clone keeps its own buffers and word cache.
#[derive(Clone)]
pub struct DutchAnalyzer {
    rules: Arc<Rules>,
    tokens: Vec<Token>,
    len: usize,
    cache: WordCache,
}

struct Rules {
    stopwords: Stopwords,
    stemmer: DutchStemmer,
    /// Every word analysed so far, by any clone.
    analysed: SharedWords,
}

impl DutchAnalyzer {
    pub fn new(stopwords: Stopwords) -> Self {
        DutchAnalyzer {
            rules: Arc::new(Rules {
                stopwords,
                stemmer: DutchStemmer::default(),
                analysed: SharedWords::default(),
            }),
            tokens: Vec::new(),
            len: 0,
            cache: WordCache::new(CACHE_LIMIT),
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

    /// Fills the reusable token buffer; once warm, indexing allocates no string per token.
    fn fill(&mut self, text: &str) {
        self.len = 0;
        let found: Vec<(usize, &str)> = words(text).collect();
        let mut lower = String::new();
        for (position, &(offset, word)) in found.iter().enumerate() {
            lower.clear();
            if word.is_ascii() {
                lower.push_str(word);
                lower.make_ascii_lowercase();
            } else {
                lower.extend(word.chars().flat_map(char::to_lowercase));
            }
            let end = offset + word.len();
            let rules = &self.rules;
            let analysed = self
                .cache
                .get_or_analyse(&lower, &rules.analysed, |word| rules.analyse(word));
            for term in analysed.terms() {
                push(&mut self.tokens, &mut self.len, term, offset, end, position);
            }
            let stop = analysed.is_stop_word();
            // "voor- en tegenstanders": the first half of an elliptical compound counts even when
            // on its own it would be a stop word.
            if let Some(full) = ellipsis::expansion(text, &found, position) {
                let term = self.rules.stemmer.stem(&full);
                push(
                    &mut self.tokens,
                    &mut self.len,
                    &term,
                    offset,
                    end,
                    position,
                );
            }
            if stop {
                continue;
            }
            if let Some(joined) = joined_alphanumeric(text, &found, position, &lower) {
                push(
                    &mut self.tokens,
                    &mut self.len,
                    &joined,
                    offset,
                    end,
                    position,
                );
            }
        }
    }
}

impl Rules {
    fn analyse(&self, lower: &str) -> Analysed {
        if self.stopwords.contains(lower) {
            return Analysed::new(Vec::new());
        }
        let folded = fold(apostrophe::strip(lower));
        let word = apostrophe::unmarked_plural(&folded)
            .unwrap_or(&folded)
            .to_string();
        if word.chars().any(|c| c.is_ascii_digit()) || !word.chars().all(char::is_alphanumeric) {
            return Analysed::new(vec![word]);
        }
        let mut terms = vec![self.stemmer.stem(&word)];
        for part in compounds::split(&word).into_iter().flatten() {
            let term = self.stemmer.stem(&part);
            if !terms.contains(&term) {
                terms.push(term);
            }
        }
        Analysed::new(terms)
    }
}

/// "Covid-19" is also "covid19": a word joined by a hyphen to a number right after it.
fn joined_alphanumeric(
    text: &str,
    found: &[(usize, &str)],
    i: usize,
    lower: &str,
) -> Option<String> {
    let (offset, word) = found[i];
    let (next_offset, next) = *found.get(i + 1)?;
    let hyphen = offset + word.len();
    let glued = text[hyphen..].starts_with('-') && next_offset == hyphen + 1;
    (glued && next.bytes().all(|b| b.is_ascii_digit()) && word.chars().all(char::is_alphabetic))
        .then(|| format!("{}{next}", fold(lower)))
}

fn push(
    tokens: &mut Vec<Token>,
    len: &mut usize,
    term: &str,
    from: usize,
    to: usize,
    position: usize,
) {
    if *len == tokens.len() {
        tokens.push(Token::default());
    }
    let token = &mut tokens[*len];
    token.text.clear();
    token.text.push_str(term);
    token.offset_from = from;
    token.offset_to = to;
    token.position = position;
    token.position_length = 1;
    *len += 1;
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
        DutchAnalyzer::new(Stopwords::parse(include_str!("../../stopwords/nl.txt")))
    }

    #[test]
    fn the_word_cache_keeps_its_words_across_generations_and_clones() {
        let line =
            "De drugscriminaliteit en de ondermijnende criminaliteit in de veiligheidsregio’s";
        let mut fresh = analyzer();
        let expected = fresh.terms(line);
        // A cache of two words a generation rolls over many times within this one line.
        let mut small = analyzer();
        small.cache = WordCache::new(2);
        assert_eq!(small.terms(line), expected);
        assert_eq!(
            small.terms(line),
            expected,
            "again, from the older generation"
        );
        // Words longer than fit inline are cached as well as short ones.
        let long = "rijksvaccinatieprogrammacoördinatoren en terrorismebestrijdingsstrategieën";
        let expected_long = analyzer().terms(long);
        assert_eq!(small.terms(long), expected_long);
        assert_eq!(small.terms(long), expected_long);
        assert!(small.cache.len() <= 4, "two generations of two words");
        // A clone starts with an empty cache of its own but finds what the first one analysed.
        let mut clone = fresh.clone();
        clone.cache = WordCache::new(CACHE_LIMIT);
        assert!(fresh.rules.analysed.contains("drugscriminaliteit"));
        assert_eq!(clone.terms(line), expected);
        assert_eq!(
            expected
                .iter()
                .filter(|t| t.offset_from == 3)
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>(),
            ["drugscriminaliteit", "drug", "criminaliteit"]
        );
    }

    /// (term, position, source text) for each token.
    fn seen(text: &str) -> Vec<(String, usize, String)> {
        analyzer()
            .terms(text)
            .into_iter()
            .map(|t| {
                (
                    t.text,
                    t.position,
                    text[t.offset_from..t.offset_to].to_string(),
                )
            })
            .collect()
    }

    fn first_terms(text: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut last = usize::MAX;
        for token in analyzer().terms(text) {
            if token.position != last {
                out.push(token.text);
                last = token.position;
            }
        }
        out
    }

    fn has(text: &str, term: &str) -> bool {
        analyzer().terms(text).iter().any(|t| t.text == term)
    }

    #[test]
    fn stems_lowercases_and_drops_stop_words_keeping_positions() {
        let text = "De territoriale veiligheid van het EU-grondgebied";
        assert_eq!(
            seen(text),
            [
                ("territorial".into(), 1, "territoriale".into()),
                ("veilig".into(), 2, "veiligheid".into()),
                ("eu".into(), 5, "EU".into()),
                ("grondgebied".into(), 6, "grondgebied".into()),
                ("grond".into(), 6, "grondgebied".into()),
                ("gebied".into(), 6, "grondgebied".into()),
            ]
        );
    }

    #[test]
    fn apostrophes_and_diacritics() {
        assert_eq!(first_terms("risico’s"), first_terms("risico's"));
        assert_eq!(first_terms("risico’s"), first_terms("risico"));
        assert_eq!(first_terms("ic’s"), ["ic"]);
        assert_eq!(first_terms("geïntegreerde"), first_terms("geintegreerde"));
        assert_eq!(first_terms("beïnvloeding"), first_terms("beinvloeding"));
        assert_eq!(
            first_terms("complottheorieën"),
            first_terms("complottheorieen")
        );
        // "één" is the numeral, not the article: it stays, and it is the same term as "een" typed bare.
        assert_eq!(first_terms("als één of meer"), ["een"]);
        assert!(first_terms("een").is_empty(), "the article is a stop word");
    }

    #[test]
    fn compounds_add_their_parts_at_the_same_position() {
        let terms = seen("drugscriminaliteit");
        assert!(terms
            .iter()
            .all(|(_, p, s)| *p == 0 && s == "drugscriminaliteit"));
        assert!(has("drugscriminaliteit", &first_terms("criminaliteit")[0]));
        assert!(has("drugscriminaliteit", &first_terms("drugs")[0]));
        assert!(has("boerenprotesten", &first_terms("protesten")[0]));
        assert!(has(
            "Rijksvaccinatieprogramma",
            &first_terms("vaccinatie")[0]
        ));
        assert!(has("overstromingsdreiging", &first_terms("dreiging")[0]));
        assert!(has("complottheorieën", &first_terms("theorieën")[0]));
        assert_eq!(first_terms("drugscriminaliteit").len(), 1);
    }

    #[test]
    fn elliptical_compounds_are_completed() {
        let text = "de dreiging van rechts- en linksextremisme";
        assert!(has(text, &first_terms("rechtsextremisme")[0]));
        let text = "netwerk- en informatiesystemen";
        let expanded = &first_terms("netwerksystemen")[0];
        let token = analyzer()
            .terms(text)
            .into_iter()
            .find(|t| &t.text == expanded)
            .unwrap();
        assert_eq!(
            (token.position, &text[token.offset_from..token.offset_to]),
            (0, "netwerk")
        );
    }

    #[test]
    fn numbers_and_alphanumerics_stay_searchable() {
        assert_eq!(first_terms("178,2 miljard"), ["178,2", "miljard"]);
        assert_eq!(first_terms("5G"), ["5g"]);
        assert_eq!(first_terms("112"), ["112"]);
        assert_eq!(first_terms("Covid-19"), ["covid", "19"]);
        assert!(has("Covid-19", "covid19"));
    }

    #[test]
    fn offsets_are_bytes_of_non_ascii_words() {
        let text = "een geïntegreerde risicoanalyse";
        let tokens = analyzer().terms(text);
        assert_eq!((tokens[0].offset_from, tokens[0].offset_to), (4, 18));
        assert_eq!(
            &text[tokens[0].offset_from..tokens[0].offset_to],
            "geïntegreerde"
        );
    }

    #[test]
    fn weather_and_resilience_stay_apart() {
        assert_ne!(first_terms("weerbaarheid"), first_terms("weer"));
        assert_ne!(first_terms("extreem weer"), first_terms("extreem weerbaar"));
    }
}
