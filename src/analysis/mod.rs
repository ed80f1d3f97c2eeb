//! The Dutch analyzer: from text to the terms that are indexed and searched.
//!
//! One analyzer, built here and registered in tantivy under [`NAME`], serves the index and the query
//! alike. Each word ([`words`]: the word boundaries of UAX #29 for Dutch) is lower-cased, checked against the stop words,
//! loses an apostrophe plural ([`apostrophe`]) and its diacritics, and is stemmed ([`stem`]); the parts
//! of a compound ([`compounds`]) and the full form of an elliptical compound ([`ellipsis`]) are added at
//! the same position. Positions count every word, stop words included, so phrases line up.
//! Historic and noisy Dutch (docs/ANALYSIS.md): a word in the spelling before 1947 or 1995 also gets
//! its modern form's term ([`historic`]); a word glued to the next by OCR gets the terms of both
//! ([`glued`]); words joined by a hyphen inside a line are also indexed joined ([`hyphens`]); a
//! dotted acronym is one word ([`acronyms`]).
//! What a word becomes is remembered ([`cache`]), so each distinct word is analysed once.
//! [`VERSION`] is stored in the index; an index built by another version is refused.

mod acronyms;
mod apostrophe;
mod cache;
mod compounds;
mod ellipsis;
mod forms;
mod glued;
mod historic;
mod hyphens;
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
pub use forms::{FormsTokenizer, FORMS};
pub use stem::DutchStemmer;
pub use stopwords::{Stopwords, StopwordsError};
pub use words::{count_words, words};

/// The name the analyzer is registered under in tantivy.
pub const NAME: &str = "horizon_nl";

/// Bumped whenever the analyzer turns any text into other terms than before (rules, word lists).
pub const VERSION: u32 = 5;

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

    /// Each word of `text` with its terms and the rules beyond the usual ones that gave them, for
    /// `horizon analyze`.
    pub fn explain(&mut self, text: &str) -> Vec<Explained> {
        let mut notes = Vec::new();
        self.run(text, Some(&mut notes));
        let mut out = Explained::words(&self.tokens[..self.len]);
        for (position, note) in notes {
            if let Some(word) = out.iter_mut().find(|w| w.position == position) {
                word.rules.push(note);
            }
        }
        out
    }

    /// Fills the reusable token buffer; once warm, indexing allocates no string per token.
    fn fill(&mut self, text: &str) {
        self.run(text, None);
    }

    /// Fills the token buffer, and `notes` with the position and description of every rule of
    /// historic and noisy Dutch that fired, when asked.
    fn run(&mut self, text: &str, mut notes: Option<&mut Vec<(usize, String)>>) {
        self.len = 0;
        let found: Vec<(usize, &str)> = words(text).collect();
        let mut lower = String::new();
        let mut joined = String::new();
        // Positions count words as the reader sees them: a dotted acronym is one.
        let mut position = 0;
        let mut i = 0;
        while i < found.len() {
            let (offset, word) = found[i];
            let first = self.len;
            let rules: &Rules = &self.rules;
            let mut out = Out {
                tokens: &mut self.tokens,
                len: &mut self.len,
                cache: &mut self.cache,
                rules,
                first,
                position,
            };
            if let Some(last) = acronyms::run(text, &found, i) {
                lower.clear();
                for (_, letter) in &found[i..=last] {
                    lower.extend(letter.chars().flat_map(char::to_lowercase));
                }
                let end = found[last].0 + found[last].1.len();
                out.word(&lower, offset, end);
                if let Some(notes) = notes.as_deref_mut() {
                    notes.push((position, format!("dotted acronym: {lower}")));
                }
                i = last + 1;
                position += 1;
                continue;
            }
            lower.clear();
            if word.is_ascii() {
                lower.push_str(word);
                lower.make_ascii_lowercase();
            } else {
                lower.extend(word.chars().flat_map(char::to_lowercase));
            }
            let end = offset + word.len();
            let stop = out.word(&lower, offset, end);
            // "voor- en tegenstanders": the first half of an elliptical compound counts even when
            // on its own it would be a stop word.
            if let Some(full) = ellipsis::expansion(text, &found, i) {
                let term = rules.stemmer.stem(&full);
                out.extra(&term, offset, end);
            }
            if let Some(at) = glued::cut(word, |w| rules.stopwords.contains(w)) {
                let (left, right) = word.split_at(at);
                for part in [left, right] {
                    joined.clear();
                    joined.extend(part.chars().flat_map(char::to_lowercase));
                    out.extra_word(&joined, offset, end);
                }
                if let Some(notes) = notes.as_deref_mut() {
                    notes.push((position, format!("glued words: {left} + {right}")));
                }
            }
            // "alcohol-gehalte" is also "alcoholgehalte"; "in-voering" also "invoering", though
            // "in" alone is a stop word.
            if hyphens::joins_next(text, &found, i) {
                let (next_offset, next) = found[i + 1];
                joined.clear();
                joined.push_str(&lower);
                joined.extend(next.chars().flat_map(char::to_lowercase));
                out.extra_word(&joined, offset, next_offset + next.len());
                if let Some(notes) = notes.as_deref_mut() {
                    notes.push((position, format!("hyphen joined: {joined}")));
                }
            }
            if !stop {
                if let Some(alphanumeric) = joined_alphanumeric(text, &found, i, &lower) {
                    out.extra(&alphanumeric, offset, end);
                }
            }
            if let Some(notes) = notes.as_deref_mut().filter(|_| !stop) {
                let folded = fold(apostrophe::strip(&lower));
                if let Some(modern) = historic::modern(&folded) {
                    let changes: Vec<&str> = modern.names().collect();
                    notes.push((
                        position,
                        format!("old spelling ({}): {}", changes.join(", "), modern.word),
                    ));
                }
            }
            i += 1;
            position += 1;
        }
    }
}

/// A word as `horizon analyze` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explained {
    pub position: usize,
    /// The word's bytes in the text, across the letters of an acronym or a hyphenated pair.
    pub start: usize,
    pub end: usize,
    pub terms: Vec<String>,
    /// The rules of historic and noisy Dutch that added terms.
    pub rules: Vec<String>,
}

impl Explained {
    /// Tokens of any analyzer grouped into words: the terms at one position are one word.
    pub fn words<'a>(tokens: impl IntoIterator<Item = &'a Token>) -> Vec<Explained> {
        let mut out: Vec<Explained> = Vec::new();
        for token in tokens {
            match out.last_mut() {
                Some(last) if last.position == token.position => {
                    last.terms.push(token.text.clone());
                    last.end = last.end.max(token.offset_to);
                }
                _ => out.push(Explained {
                    position: token.position,
                    start: token.offset_from,
                    end: token.offset_to,
                    terms: vec![token.text.clone()],
                    rules: Vec::new(),
                }),
            }
        }
        out
    }
}

/// Where the terms of one position go: the token buffer, with the word cache to analyse by.
struct Out<'a> {
    tokens: &'a mut Vec<Token>,
    len: &'a mut usize,
    cache: &'a mut WordCache,
    rules: &'a Rules,
    /// The first token of this position, so that an added term already there is not added again.
    first: usize,
    position: usize,
}

impl Out<'_> {
    /// Pushes the terms of the lower-cased `word`; true when it is a stop word.
    fn word(&mut self, lower: &str, from: usize, to: usize) -> bool {
        let rules = self.rules;
        let analysed = self
            .cache
            .get_or_analyse(lower, &rules.analysed, |word| rules.analyse(word));
        for term in analysed.terms() {
            push(self.tokens, self.len, term, from, to, self.position);
        }
        analysed.is_stop_word()
    }

    /// Pushes the terms of another lower-cased word at this position, those not there yet.
    fn extra_word(&mut self, lower: &str, from: usize, to: usize) {
        let rules = self.rules;
        let analysed = self
            .cache
            .get_or_analyse(lower, &rules.analysed, |word| rules.analyse(word));
        for term in analysed.terms() {
            if !self.tokens[self.first..*self.len]
                .iter()
                .any(|t| t.text == term)
            {
                push(self.tokens, self.len, term, from, to, self.position);
            }
        }
    }

    /// Pushes one more term at this position.
    fn extra(&mut self, term: &str, from: usize, to: usize) {
        push(self.tokens, self.len, term, from, to, self.position);
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
        // The modern spelling's term, then the parts of both spellings: "menschenrechten" is
        // also mensenrechten, mensen and rechten.
        let modern = historic::modern(&word).map(|m| m.word);
        if let Some(modern) = &modern {
            let term = self.stemmer.stem(modern);
            if !terms.contains(&term) {
                terms.push(term);
            }
        }
        for spelling in std::iter::once(&word).chain(&modern) {
            for part in compounds::split(spelling).into_iter().flatten() {
                let term = self.stemmer.stem(&part);
                if !terms.contains(&term) {
                    terms.push(term);
                }
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

    /// Whether a search for `query` (its first term at each position) finds a word of `text`.
    fn finds(query: &str, text: &str) -> bool {
        first_terms(query).iter().all(|term| has(text, term))
    }

    #[test]
    fn old_spelling_is_found_by_todays() {
        // Lines of the OCR'd papers (sgd-kamerstukken), as written.
        let lines = [
            (
                "mensen",
                "vielen op bevel van hen op die ongelukkige menschen aan",
            ),
            (
                "buitenlandse zaken",
                "Is ingekomen eene missive van den Minister van Buitenlandsche Zaken,",
            ),
            (
                "lopen",
                "tot de kansen welke de aannemer zelf moet loopen, en",
            ),
            ("groot", "aan groote bedenkingen onderworpen te zijn"),
            (
                "telegrafie",
                "De artikelen der afdeeling telegraphie, 198, 199",
            ),
            (
                "praktische",
                "van de flesschen practische moeilijkheden ondervond",
            ),
            ("productie", "en zoetwaterproduktie onmogelijk maken?"),
        ];
        for (query, line) in lines {
            assert!(finds(query, line), "{query:?} must find {line:?}");
        }
        // And also the old spelling itself, at the old word's position.
        assert!(finds("menschen", lines[0].1));
        let seen = seen("die ongelukkige menschen aan");
        let modern = &first_terms("mensen")[0];
        assert!(seen
            .iter()
            .any(|(t, p, w)| t == modern && *p == 2 && w == "menschen"));
        // "fotografie" for "photographie", as the 1954 list spells it.
        assert!(finds("fotografie", "de photographie van"));
    }

    #[test]
    fn todays_spelling_gets_no_old_terms() {
        // "Nu het niet meer om technische harmonisatie gaat": -isch stays, and nothing is added.
        for word in [
            "technische",
            "logisch",
            "praktisch",
            "tweede",
            "vooral",
            "productie",
        ] {
            assert_eq!(
                analyzer().terms(word).len(),
                first_terms(word).len() + compounds_of(word),
                "{word}"
            );
        }
        assert!(!has("technische", "techniss"));
    }

    fn compounds_of(word: &str) -> usize {
        compounds::split(word).map_or(0, |p| p.len())
    }

    #[test]
    fn dotted_acronyms_are_one_word() {
        // "dat hij tot 1940 lid was geweest van de N.S.B. Bij het nadere onderzoek" (the papers).
        let line = "lid was geweest van de N.S.B. Bij het nadere onderzoek";
        assert!(finds("NSB", line));
        assert!(finds("N.S.B.", "de NSB"));
        assert_eq!(first_terms("N.S.B."), first_terms("NSB"));
        assert!(finds("S.D.A.P.", "het partijbestuur der SDAP"));
        assert_eq!(
            first_terms("de I.C.A.O.') heeft"),
            first_terms("ICAO heeft")
        );
        // One position: the words after it keep theirs, as a phrase with "NSB" needs.
        let tokens = analyzer().terms(line);
        let bij = tokens
            .iter()
            .find(|t| &line[t.offset_from..t.offset_to] == "nadere");
        let nsb = tokens.iter().find(|t| t.text == "nsb").unwrap();
        assert_eq!(bij.unwrap().position, nsb.position + 3);
        assert_eq!(&line[nsb.offset_from..nsb.offset_to], "N.S.B");
    }

    #[test]
    fn glued_words_are_found_by_their_parts() {
        // "in de CAO voor hetZiekenhuiswezen, die bijna maatgevend is" (the papers, 1980s).
        let line = "in de CAO voor hetZiekenhuiswezen, die bijna maatgevend is";
        assert!(finds("ziekenhuiswezen", line));
        // "geboren teDanzig(Pruissen)": the list lacks Danzig, but "te" is a function word.
        assert!(finds("Danzig", "geboren teDanzig(Pruissen)"));
        assert!(finds(
            "Buitenzorg",
            "van het park on don hertenkamp teBuitenzorg, mitsgaders"
        ));
        // Names of a modern form keep one term of their own.
        for name in ["McDonald", "iPhone", "DigiD", "BesluitX"] {
            assert_eq!(
                analyzer().terms(name).len(),
                first_terms(name).len() + compounds_of(&name.to_lowercase()),
                "{name}"
            );
        }
    }

    #[test]
    fn hyphenated_words_inside_a_line_are_also_found_joined() {
        // "een eventuele limitering van de alimenta-tieduur." and "naar het alcohol-gehalte belast".
        let line = "een eventuele limitering van de alimenta-tieduur.";
        assert!(finds("alimentatieduur", line));
        assert!(
            finds("alimentatie", line),
            "by the joined word's compound parts"
        );
        let line = "in het algemeen naar het alcohol-gehalte belast";
        assert!(finds("alcoholgehalte", line));
        assert!(finds("alcohol", line) && finds("gehalte", line));
        assert!(
            finds("alcohol gehalte", line),
            "the halves keep their positions"
        );
    }

    #[test]
    fn weather_and_resilience_stay_apart() {
        assert_ne!(first_terms("weerbaarheid"), first_terms("weer"));
        assert_ne!(first_terms("extreem weer"), first_terms("extreem weerbaar"));
    }
}
