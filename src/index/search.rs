//! Search: a parsed query, analysed with the index's own analyzer, run as BM25 over passages, with a
//! highlighted snippet per hit. Highlights are marked `**word**` in every output format.

use tantivy::collector::TopDocs;
use tantivy::query::{AllQuery, BooleanQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::snippet::SnippetGenerator;
use tantivy::Term;

use super::query::{self, Node, QueryError};
use super::reader::HorizonIndex;
use super::schema::PassageRecord;
use super::IndexError;

/// How long a snippet may be, in characters.
const SNIPPET_CHARS: usize = 220;

/// Which passages a search may return.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// An edition name (any case).
    pub edition: Option<String>,
    /// A theme id or title (any case).
    pub theme: Option<String>,
}

/// One passage found, with its place in the ranking.
#[derive(Debug, Clone)]
pub struct Hit {
    /// 1 for the best.
    pub rank: usize,
    pub score: f32,
    pub record: PassageRecord,
    pub snippet: String,
}

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error("the query {0:?} has only stop words; search for words that carry meaning")]
    OnlyStopwords(String),
    #[error("no edition {name:?} in the index; the editions are: {known}")]
    UnknownEdition { name: String, known: String },
    #[error("no theme {name:?} in the index; the themes are: {known}")]
    UnknownTheme { name: String, known: String },
    #[error(transparent)]
    Index(#[from] IndexError),
}

impl HorizonIndex {
    /// The stored name of edition `name` (case does not matter), or an error listing the editions.
    pub fn resolve_edition(&self, name: &str) -> Result<String, SearchError> {
        self.meta
            .edition(name)
            .map(|e| e.name.clone())
            .ok_or_else(|| SearchError::UnknownEdition {
                name: name.to_string(),
                known: self
                    .meta
                    .editions
                    .iter()
                    .map(|e| format!("{:?}", e.name))
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }

    /// The id of theme `name`, given by id or title in any case.
    pub fn resolve_theme(&self, name: &str) -> Result<String, SearchError> {
        let wanted = name.trim().to_lowercase();
        self.meta
            .themes
            .iter()
            .find(|t| t.id.to_lowercase() == wanted || t.label.to_lowercase() == wanted)
            .map(|t| t.id.clone())
            .ok_or_else(|| SearchError::UnknownTheme {
                name: name.to_string(),
                known: self
                    .meta
                    .themes
                    .iter()
                    .map(|t| t.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }

    /// The best `limit` passages for `text` within `filter`.
    pub fn search(
        &self,
        text: &str,
        filter: &Filter,
        limit: usize,
    ) -> Result<Vec<Hit>, SearchError> {
        let tree = query::parse(text)?;
        let matcher = self
            .build(&tree)
            .ok_or_else(|| SearchError::OnlyStopwords(text.to_string()))?;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, matcher.box_clone())];
        let exact = |field, value: &str| -> (Occur, Box<dyn Query>) {
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(field, value),
                    IndexRecordOption::Basic,
                )),
            )
        };
        if let Some(edition) = &filter.edition {
            clauses.push(exact(self.fields.edition, &self.resolve_edition(edition)?));
        }
        if let Some(theme) = &filter.theme {
            clauses.push(exact(self.fields.theme, &self.resolve_theme(theme)?));
        }
        let query = BooleanQuery::new(clauses);
        let searcher = self.searcher();
        let tantivy_err = |err: tantivy::TantivyError| {
            SearchError::Index(IndexError::Damaged {
                path: self.dir.clone(),
                why: err.to_string(),
            })
        };
        let top = self.top(&searcher, &query, limit).map_err(tantivy_err)?;
        let mut snippets = SnippetGenerator::create(&searcher, &*matcher, self.fields.text)
            .map_err(tantivy_err)?;
        snippets.set_max_num_chars(SNIPPET_CHARS);
        let mut found = Vec::with_capacity(top.len());
        for (score, address) in top {
            found.push((score, self.record(&searcher, address)?));
        }
        // Equal scores are ordered by place in the corpus, so the same query always answers alike,
        // however the writer's threads spread the passages over segments.
        found.sort_by(|(sa, a), (sb, b)| {
            sb.total_cmp(sa)
                .then_with(|| (&a.doc, a.position).cmp(&(&b.doc, b.position)))
        });
        found.truncate(limit);
        let hits = found
            .into_iter()
            .enumerate()
            .map(|(rank, (score, record))| Hit {
                rank: rank + 1,
                score,
                snippet: snippet(&snippets, &record.text),
                record,
            })
            .collect();
        Ok(hits)
    }

    /// The best `limit` matches, and every match that ties with the last of them.
    fn top(
        &self,
        searcher: &tantivy::Searcher,
        query: &dyn Query,
        limit: usize,
    ) -> tantivy::Result<Vec<(f32, tantivy::DocAddress)>> {
        let mut wanted = limit.saturating_mul(2).saturating_add(8);
        loop {
            let top = searcher.search(query, &TopDocs::with_limit(wanted).order_by_score())?;
            let cut_ties = top.len() == wanted && top[wanted - 1].0 == top[limit - 1].0;
            if !cut_ties {
                return Ok(top);
            }
            wanted = wanted.saturating_mul(2);
        }
    }

    /// The tantivy query for a parsed tree; `None` where nothing searchable is left (only stop words).
    fn build(&self, node: &Node) -> Option<Box<dyn Query>> {
        match node {
            Node::Word(text) | Node::Phrase(text) => self.words(text),
            Node::And(parts) => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for part in parts {
                    match part {
                        Node::Not(inner) => {
                            clauses.extend(self.build(inner).map(|q| (Occur::MustNot, q)))
                        }
                        other => clauses.extend(self.build(other).map(|q| (Occur::Must, q))),
                    }
                }
                if clauses.iter().all(|(occur, _)| *occur == Occur::MustNot) {
                    if clauses.is_empty() {
                        return None;
                    }
                    clauses.push((Occur::Must, Box::new(AllQuery)));
                }
                Some(Box::new(BooleanQuery::new(clauses)))
            }
            Node::Or(parts) => {
                let clauses: Vec<(Occur, Box<dyn Query>)> = parts
                    .iter()
                    .filter_map(|part| self.build(part).map(|q| (Occur::Should, q)))
                    .collect();
                (!clauses.is_empty())
                    .then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
            }
            Node::Not(inner) => {
                let excluded = self.build(inner)?;
                Some(Box::new(BooleanQuery::new(vec![
                    (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
                    (Occur::MustNot, excluded),
                ])))
            }
        }
    }

    /// A word or phrase through the index's analyzer: one term, or a phrase of terms at their
    /// positions. Only the first term at a position counts: the word as typed, not the compound parts
    /// or expansions the analyzer adds beside it, which are there for the index side.
    fn words(&self, text: &str) -> Option<Box<dyn Query>> {
        let mut analyzer = self.analyzer.clone();
        let mut stream = analyzer.token_stream(text);
        let mut terms: Vec<(usize, Term)> = Vec::new();
        let mut first_position = None;
        let mut last_position = None;
        while let Some(token) = stream.next() {
            if last_position == Some(token.position) {
                continue;
            }
            last_position = Some(token.position);
            let first = *first_position.get_or_insert(token.position);
            terms.push((
                token.position - first,
                Term::from_field_text(self.fields.text, &token.text),
            ));
        }
        if terms.len() == 1 {
            let (_, term) = terms.pop()?;
            return Some(Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)));
        }
        (!terms.is_empty()).then(|| Box::new(PhraseQuery::new_with_offset(terms)) as Box<dyn Query>)
    }
}

/// Highlight ranges sorted and merged: a compound and its parts are several terms on one word.
fn merged(ranges: &[std::ops::Range<usize>]) -> Vec<std::ops::Range<usize>> {
    let mut sorted = ranges.to_vec();
    sorted.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<std::ops::Range<usize>> = Vec::with_capacity(sorted.len());
    for range in sorted {
        match out.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => out.push(range),
        }
    }
    out
}

/// The best fragment of `text` with `**` around each highlight, and an ellipsis where it is cut.
fn snippet(generator: &SnippetGenerator, text: &str) -> String {
    let snippet = generator.snippet(text);
    let fragment = snippet.fragment();
    if fragment.is_empty() {
        let head: String = text.chars().take(SNIPPET_CHARS).collect();
        return if head.len() < text.len() {
            format!("{head}…")
        } else {
            head
        };
    }
    let mut out = String::with_capacity(fragment.len() + 16);
    let range = snippet.fragment_range();
    if range.start > 0 {
        out.push('…');
    }
    let mut at = 0;
    for highlight in merged(snippet.highlighted()) {
        out.push_str(&fragment[at..highlight.start]);
        out.push_str("**");
        out.push_str(&fragment[highlight.clone()]);
        out.push_str("**");
        at = highlight.end;
    }
    out.push_str(&fragment[at..]);
    if range.end < text.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;
    use tantivy::schema::Schema;
    use tantivy::tokenizer::TextAnalyzer;

    use super::*;
    use crate::analysis::{DutchAnalyzer, Stopwords};

    fn generator(terms: &[String]) -> SnippetGenerator {
        let field = Schema::builder().add_text_field("text", tantivy::schema::TEXT);
        let analyzer = TextAnalyzer::from(DutchAnalyzer::new(Stopwords::parse("de\nhet\n")));
        let terms: BTreeMap<String, f32> = terms.iter().map(|t| (t.clone(), 1.0)).collect();
        SnippetGenerator::new(terms, analyzer, field, SNIPPET_CHARS)
    }

    proptest! {
        /// Whatever the text and the words searched, the snippet is a piece of the passage with
        /// balanced highlights, and the ranges it was built from fall on character boundaries.
        #[test]
        fn snippets_are_pieces_of_the_passage(
            text in "[a-zA-Zëïéó’'\\-,. 0-9\n]{0,400}",
            picks in proptest::collection::vec(0usize..50, 0..4),
        ) {
            let mut analyzer = DutchAnalyzer::new(Stopwords::parse("de\nhet\n"));
            let tokens = analyzer.terms(&text);
            let terms: Vec<String> = picks
                .iter()
                .filter_map(|&i| tokens.get(i % tokens.len().max(1)).map(|t| t.text.clone()))
                .collect();
            let generator = generator(&terms);
            let raw = generator.snippet(&text);
            for range in merged(raw.highlighted()) {
                prop_assert!(range.end <= raw.fragment().len());
                prop_assert!(raw.fragment().is_char_boundary(range.start));
                prop_assert!(raw.fragment().is_char_boundary(range.end));
            }
            let shown = snippet(&generator, &text);
            prop_assert_eq!(shown.matches("**").count() % 2, 0);
            let plain = shown.replace("**", "");
            let plain = plain.trim_start_matches('…').trim_end_matches('…');
            prop_assert!(text.contains(plain), "{:?} is not in {:?}", plain, text);
        }
    }

    #[test]
    fn overlapping_highlights_are_merged() {
        // "overstromingsdreiging" matched as the whole word and as its part "dreiging".
        assert_eq!(
            merged(&[105..126, 105..126, 90..95, 120..130]),
            [90..95, 105..130]
        );
        assert!(merged(&[]).is_empty());
    }
}
