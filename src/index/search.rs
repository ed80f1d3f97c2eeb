//! Search: a parsed query, analysed with the index's own analyzer, run as BM25 over passages, with a
//! highlighted snippet per hit. Highlights are marked `**word**` in every output format.
//!
//! Words and phrases are searched in the analysed text (stems, compound parts); prefixes, fuzzy
//! words and suggestions in the word forms (folded, unstemmed), expanded into the words of the index
//! they stand for. A search never ends empty-handed without saying why: when no passage holds every
//! word, the passages that hold most of them are returned, marked; a word that is nowhere in the
//! index gets the nearest words that are.

use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;
use std::sync::LazyLock;

use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder, DFA, SINK_STATE};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, EnableScoring, Occur,
    PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, DocSet, Searcher, Term, TERMINATED};

use super::facets::{FacetCollector, Facets, FACETS};
use super::query::{self, FieldFilter, FieldName, Node, QueryError};
use super::reader::HorizonIndex;
use super::schema::PassageRecord;
use super::IndexError;
use crate::analysis::FormsTokenizer;

/// How long a snippet may be, in characters.
const SNIPPET_CHARS: usize = 220;
/// The most words a prefix stands for; the most frequent are kept (Lucene stops at 1,024 clauses).
const MAX_PREFIX_WORDS: usize = 128;
/// The most words a fuzzy word stands for, the nearest and most frequent first.
const MAX_FUZZY_WORDS: usize = 64;
/// How many words "did you mean" offers for one word.
const SUGGESTIONS: usize = 3;
/// Up to this many words, a proximity query tries every order of them (4! = 24 phrases).
const MAX_NEAR_ORDERS: usize = 4;
/// How many passages that tie on score are fetched to order them by place in the corpus.
const MAX_TIES: usize = 4096;

/// Which passages a search may return, besides what the query itself names.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// An edition name (any case).
    pub edition: Option<String>,
    /// A theme id or title (any case).
    pub theme: Option<String>,
    /// A series (a document's kind of publication, as the manifest names it).
    pub series: Option<String>,
    /// A part of a theme's text: summary, threat, resilience, approach or other, or its Dutch name.
    pub part: Option<String>,
    /// Only what is new: passages of a scan or later, or of some editions.
    pub new: Option<Novelty>,
}

/// What counts as new material.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Novelty {
    /// Passages whose documents were indexed in this scan or a later one.
    FromScan(u64),
    /// Passages of these editions (stored names).
    Editions(Vec<String>),
}

/// One passage found, with its place in the ranking.
#[derive(Debug, Clone)]
pub struct Hit {
    /// 1 for the best.
    pub rank: usize,
    pub score: f32,
    pub record: PassageRecord,
    pub snippet: String,
    /// The words of the query this passage lacks: empty unless the answer is partial.
    pub missing: Vec<String>,
}

/// What a search found, and what it has to say about it.
#[derive(Debug, Clone, Default)]
pub struct Answer {
    pub hits: Vec<Hit>,
    /// Set when no passage holds every word of the query: the hits hold `holds` of its `of` words.
    pub partial: Option<Partial>,
    /// Words of the query found nowhere, each with the nearest words of the index.
    pub suggestions: Vec<Suggestion>,
    /// What the search did that the user should know (a prefix cut to its most frequent words).
    pub notes: Vec<String>,
    /// Passages per edition, theme, series and part, when asked for: each field counted within the
    /// other fields' filters, so that its counts say where a click on another value would lead.
    pub facets: Option<Facets>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Partial {
    pub holds: usize,
    pub of: usize,
}

/// "bedoelde u": a word of the query with no hits, and words of the index close to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub word: String,
    pub instead: Vec<String>,
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
    #[error("no {field} {value:?} in the index; write one of: {known}")]
    UnknownValue {
        field: &'static str,
        value: String,
        known: String,
    },
    #[error("{field}:{value:?} fits more than one value ({matches}); write one of them in full")]
    Ambiguous {
        field: &'static str,
        value: String,
        matches: String,
    },
    #[error(transparent)]
    Index(#[from] IndexError),
}

/// The parts of a passage a query may name, with their names in Dutch and English as `horizon
/// passages` shows them.
/// The parts of a theme's text, English and Dutch names.
pub const PARTS: [(&str, &str); 5] = [
    ("summary", "samenvatting"),
    ("threat", "dreiging"),
    ("resilience", "weerbaarheid"),
    ("approach", "aanpak"),
    ("other", "overig"),
];

/// Levenshtein automata builders by edit distance, with a transposition as one edit ("desinformatei").
static AUTOMATA: LazyLock<[LevenshteinAutomatonBuilder; 3]> =
    LazyLock::new(|| [0, 1, 2].map(|edits| LevenshteinAutomatonBuilder::new(edits, true)));

/// A Levenshtein DFA as the automaton tantivy's term dictionary walks.
struct Within(DFA);

impl tantivy_fst::Automaton for Within {
    type State = u32;

    fn start(&self) -> u32 {
        self.0.initial_state()
    }

    fn is_match(&self, state: &u32) -> bool {
        matches!(self.0.distance(*state), Distance::Exact(_))
    }

    fn can_match(&self, state: &u32) -> bool {
        *state != SINK_STATE
    }

    fn accept(&self, state: &u32, byte: u8) -> u32 {
        self.0.transition(*state, byte)
    }
}

/// `value` matched against `known` values (any case): the one it equals, else the one it is part of.
fn resolve(
    field: &'static str,
    value: &str,
    known: &[(String, String)],
) -> Result<String, SearchError> {
    let wanted = value.trim().to_lowercase();
    let names = |found: &[&(String, String)]| {
        found
            .iter()
            .map(|(_, shown)| format!("{shown:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let all: Vec<&(String, String)> = known.iter().collect();
    if let Some((stored, _)) = known
        .iter()
        .find(|(stored, shown)| stored.to_lowercase() == wanted || shown.to_lowercase() == wanted)
    {
        return Ok(stored.clone());
    }
    let within: Vec<&(String, String)> = known
        .iter()
        .filter(|(stored, shown)| {
            stored.to_lowercase().contains(&wanted) || shown.to_lowercase().contains(&wanted)
        })
        .collect();
    match within.as_slice() {
        [(stored, _)] => Ok(stored.clone()),
        [] => Err(SearchError::UnknownValue {
            field,
            value: value.to_string(),
            known: names(&all),
        }),
        _ => Err(SearchError::Ambiguous {
            field,
            value: value.to_string(),
            matches: names(&within),
        }),
    }
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

    /// The stored value a `field:value` of a query stands for.
    fn field_value(&self, field: FieldName, value: &str) -> Result<String, SearchError> {
        let pairs = |values: Vec<String>| -> Vec<(String, String)> {
            let mut values = values;
            values.sort();
            values.dedup();
            values.into_iter().map(|v| (v.clone(), v)).collect()
        };
        let known: Vec<(String, String)> = match field {
            FieldName::Edition => {
                pairs(self.meta.editions.iter().map(|e| e.name.clone()).collect())
            }
            FieldName::Theme => self
                .meta
                .themes
                .iter()
                .map(|t| (t.id.clone(), t.label.clone()))
                .collect(),
            FieldName::Series => pairs(
                self.meta
                    .documents
                    .iter()
                    .map(|d| d.series.clone())
                    .collect(),
            ),
            FieldName::Doc => pairs(self.meta.documents.iter().map(|d| d.id.clone()).collect()),
            FieldName::Part => {
                let wanted = value.trim().to_lowercase();
                return PARTS
                    .iter()
                    .find(|(en, nl)| *en == wanted || *nl == wanted)
                    .map(|(en, _)| en.to_string())
                    .ok_or_else(|| SearchError::UnknownValue {
                        field: "deel",
                        value: value.to_string(),
                        known: PARTS
                            .iter()
                            .map(|(en, nl)| format!("{nl} ({en})"))
                            .collect::<Vec<_>>()
                            .join(", "),
                    });
            }
            FieldName::Date => unreachable!("dates are ranges"),
        };
        resolve(field.name(), value, &known)
    }

    fn field(&self, name: FieldName) -> Field {
        match name {
            FieldName::Edition => self.fields.edition,
            FieldName::Theme => self.fields.theme,
            FieldName::Series => self.fields.series,
            FieldName::Doc => self.fields.doc,
            FieldName::Part => self.fields.part,
            FieldName::Date => self.fields.date,
        }
    }

    /// The best `limit` passages for `text` within `filter`.
    pub fn search(&self, text: &str, filter: &Filter, limit: usize) -> Result<Answer, SearchError> {
        self.answer(text, filter, limit, false)
    }

    /// [`HorizonIndex::search`], with the answer's [`Facets`].
    pub fn search_with_facets(
        &self,
        text: &str,
        filter: &Filter,
        limit: usize,
    ) -> Result<Answer, SearchError> {
        self.answer(text, filter, limit, true)
    }

    /// Every passage of the new material, in document order.
    pub fn new_passages(&self, novelty: &Novelty) -> Result<Vec<PassageRecord>, SearchError> {
        let searcher = self.searcher();
        let mut compiler = Compiler::new(self, &searcher);
        let filter = Filter {
            new: Some(novelty.clone()),
            ..Filter::default()
        };
        let Some((_, node)) = self.filter_nodes(&filter)?.into_iter().next() else {
            return Ok(Vec::new());
        };
        let Some(query) = compiler.compile(&node)? else {
            return Ok(Vec::new());
        };
        let addresses = searcher
            .search(&*query, &tantivy::collector::DocSetCollector)
            .map_err(|err| self.tantivy_err(err))?;
        let mut records = addresses
            .into_iter()
            .map(|address| self.record(&searcher, address))
            .collect::<Result<Vec<_>, _>>()?;
        records.sort_by(|a, b| (&a.doc, a.position).cmp(&(&b.doc, b.position)));
        Ok(records)
    }

    /// How many passages hold `terms` (analysed terms of the text) as words next to each other,
    /// leaving out the new material `outside` names.
    pub fn passages_holding(
        &self,
        terms: &[String],
        outside: Option<&Novelty>,
    ) -> Result<u64, SearchError> {
        let field = self.fields.text;
        let query: Box<dyn Query> = match terms {
            [] => return Ok(0),
            [term] => Box::new(TermQuery::new(
                Term::from_field_text(field, term),
                IndexRecordOption::Basic,
            )),
            _ => Box::new(PhraseQuery::new(
                terms
                    .iter()
                    .map(|t| Term::from_field_text(field, t))
                    .collect(),
            )),
        };
        let searcher = self.searcher();
        let novelty = match outside {
            Some(novelty) => {
                let filter = Filter {
                    new: Some(novelty.clone()),
                    ..Filter::default()
                };
                let node = self
                    .filter_nodes(&filter)?
                    .into_iter()
                    .next()
                    .map(|(_, n)| n);
                let mut compiler = Compiler::new(self, &searcher);
                match node {
                    Some(node) => compiler.compile(&node)?,
                    None => None,
                }
            }
            None => None,
        };
        let query: Box<dyn Query> = match novelty {
            Some(new) => Box::new(BooleanQuery::new(vec![
                (Occur::Must, query),
                (Occur::MustNot, new),
            ])),
            None => query,
        };
        searcher
            .search(&*query, &Count)
            .map(|n| n as u64)
            .map_err(|err| self.tantivy_err(err))
    }

    /// The filter as query nodes, each with the facet field it restricts (none for novelty).
    fn filter_nodes(&self, filter: &Filter) -> Result<Vec<(Option<FieldName>, Node)>, SearchError> {
        let mut nodes = Vec::new();
        match &filter.new {
            Some(Novelty::FromScan(scan)) => {
                nodes.push((None, Node::Field(FieldFilter::FromScan(*scan))));
            }
            Some(Novelty::Editions(editions)) => {
                let each = editions
                    .iter()
                    .map(|e| Node::Field(FieldFilter::Is(FieldName::Edition, e.clone())));
                nodes.push((None, Node::Or(each.collect())));
            }
            None => {}
        }
        let mut add = |field: FieldName, value: String| {
            nodes.push((Some(field), Node::Field(FieldFilter::Is(field, value))));
        };
        if let Some(edition) = &filter.edition {
            add(FieldName::Edition, self.resolve_edition(edition)?);
        }
        if let Some(theme) = &filter.theme {
            add(FieldName::Theme, self.resolve_theme(theme)?);
        }
        if let Some(series) = &filter.series {
            add(
                FieldName::Series,
                self.field_value(FieldName::Series, series)?,
            );
        }
        if let Some(part) = &filter.part {
            add(FieldName::Part, self.field_value(FieldName::Part, part)?);
        }
        Ok(nodes)
    }

    fn answer(
        &self,
        text: &str,
        filter: &Filter,
        limit: usize,
        facets: bool,
    ) -> Result<Answer, SearchError> {
        let words = query::parse(text)?;
        let filters = self.filter_nodes(filter)?;
        let tree = with_filters(words.clone(), filters.iter().map(|(_, node)| node));
        let searcher = self.searcher();
        let mut compiler = Compiler::new(self, &searcher);
        let matcher = compiler
            .compile(&tree)?
            .ok_or_else(|| SearchError::OnlyStopwords(text.to_string()))?;
        let mut answer = Answer::default();
        // The fields no filter restricts are counted in the search's own pass.
        let counting: Vec<FieldName> = if facets {
            FACETS
                .into_iter()
                .filter(|field| filters.iter().all(|(f, _)| *f != Some(*field)))
                .collect()
        } else {
            Vec::new()
        };
        let (mut top, counted) = self.top(&searcher, &*matcher, limit, &counting)?;
        let mut counted: Vec<(FieldName, BTreeMap<String, u64>)> =
            counting.into_iter().zip(counted).collect();
        let mut executed = matcher;
        let mut missing_of: Vec<(String, Box<dyn Query>)> = Vec::new();
        if top.is_empty() {
            if let Some((partial, query, clauses)) = compiler.partial(&tree, limit)? {
                top = self.top(&searcher, &*query, limit, &[])?.0;
                counted.clear();
                answer.partial = Some(partial);
                executed = query;
                missing_of = clauses;
            }
            answer.suggestions = compiler.suggestions(&tree)?;
            if top.is_empty() {
                compiler.outside_filters(&tree)?;
            }
        }
        if facets {
            let partial = answer.partial.is_some();
            answer.facets = Some(compiler.facets(&words, &filters, &*executed, partial, counted)?);
        }
        // A part of the query compiled again for a partial answer would repeat its notes.
        for note in std::mem::take(&mut compiler.notes) {
            if !answer.notes.contains(&note) {
                answer.notes.push(note);
            }
        }
        // Only the passages that can make the cut are read: those scoring above the last place, and
        // every one tied with it (their order is decided by their place in the corpus).
        if let Some(&(last, _)) = top.get(limit.saturating_sub(1)) {
            top.retain(|&(score, _)| score >= last);
        }
        let snippets = self.snippets(&searcher, &*executed, &compiler.forms)?;
        let mut found = Vec::with_capacity(top.len());
        for (score, address) in top {
            let mut missing = Vec::new();
            for (shown, clause) in &missing_of {
                if !self.holds(&searcher, &**clause, address)? {
                    missing.push(shown.clone());
                }
            }
            found.push((score, self.record(&searcher, address)?, missing));
        }
        // Equal scores are ordered by place in the corpus, so the same query always answers alike,
        // however the writer's threads spread the passages over segments.
        found.sort_by(|(sa, a, _), (sb, b, _)| {
            sb.total_cmp(sa)
                .then_with(|| (&a.doc, a.position).cmp(&(&b.doc, b.position)))
        });
        found.truncate(limit);
        answer.hits = found
            .into_iter()
            .enumerate()
            .map(|(rank, (score, record, missing))| Hit {
                rank: rank + 1,
                score,
                snippet: snippet(&snippets, &record.text),
                record,
                missing,
            })
            .collect();
        Ok(answer)
    }

    fn tantivy_err(&self, err: tantivy::TantivyError) -> SearchError {
        SearchError::Index(IndexError::Damaged {
            path: self.dir.clone(),
            why: err.to_string(),
        })
    }

    /// The best `limit` matches, and every match that ties with the last of them (up to
    /// [`MAX_TIES`], so a query that only filters does not fetch the whole corpus).
    /// With `counting` fields, also their values' counts over every match, in the same pass.
    #[allow(clippy::type_complexity)]
    fn top(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        limit: usize,
        counting: &[FieldName],
    ) -> Result<(Vec<(f32, DocAddress)>, Vec<BTreeMap<String, u64>>), SearchError> {
        let mut wanted = limit.saturating_mul(2).saturating_add(8);
        let first = TopDocs::with_limit(wanted.max(1)).order_by_score();
        let (mut top, counts) = if counting.is_empty() {
            let top = searcher.search(query, &first);
            (top.map_err(|err| self.tantivy_err(err))?, Vec::new())
        } else {
            let collector = FacetCollector {
                fields: counting.iter().map(|f| column_name(*f)).collect(),
            };
            searcher
                .search(query, &(first, collector))
                .map_err(|err| self.tantivy_err(err))?
        };
        if limit == 0 {
            return Ok((Vec::new(), counts));
        }
        loop {
            let cut_ties = top.len() == wanted && top[wanted - 1].0 == top[limit - 1].0;
            if !cut_ties || wanted >= MAX_TIES.max(limit) {
                return Ok((top, counts));
            }
            wanted = wanted.saturating_mul(2).min(MAX_TIES.max(limit));
            top = searcher
                .search(query, &TopDocs::with_limit(wanted).order_by_score())
                .map_err(|err| self.tantivy_err(err))?;
        }
    }

    /// Whether the passage at `address` matches `query`.
    fn holds(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        address: DocAddress,
    ) -> Result<bool, SearchError> {
        let weight = query
            .weight(EnableScoring::disabled_from_searcher(searcher))
            .map_err(|err| self.tantivy_err(err))?;
        let segment = searcher.segment_reader(address.segment_ord);
        let mut scorer = weight
            .scorer(segment, 1.0)
            .map_err(|err| self.tantivy_err(err))?;
        // A fresh scorer stands on its first match, which may lie past the passage already.
        let doc = if scorer.doc() < address.doc_id {
            scorer.seek(address.doc_id)
        } else {
            scorer.doc()
        };
        Ok(doc != TERMINATED && doc == address.doc_id)
    }

    /// The snippet maker for a query: its own terms in the text, and the words its prefixes and
    /// fuzzy words stood for, analysed into the text's terms.
    fn snippets(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        forms: &[String],
    ) -> Result<SnippetGenerator, SearchError> {
        let field = self.fields.text;
        let mut terms: BTreeMap<String, f32> = BTreeMap::new();
        let mut analyzer = self.analyzer.clone();
        let mut wanted: Vec<Term> = Vec::new();
        query.query_terms(&mut |term, _| {
            if term.field() == field {
                wanted.push(term.clone());
            }
        });
        for form in forms {
            let mut stream = analyzer.token_stream(form);
            if let Some(token) = stream.next() {
                wanted.push(Term::from_field_text(field, &token.text));
            }
        }
        for term in wanted {
            let value = term.value();
            let Some(text) = value.as_str() else {
                continue;
            };
            let doc_freq = searcher
                .doc_freq(&term)
                .map_err(|err| self.tantivy_err(err))?;
            if doc_freq > 0 {
                terms.insert(text.to_string(), 1.0 / (1.0 + doc_freq as f32));
            }
        }
        Ok(SnippetGenerator::new(
            terms,
            self.analyzer.clone(),
            field,
            SNIPPET_CHARS,
        ))
    }

    /// Every word form in the index that `keep` accepts, with the passages it is in, walking the
    /// term dictionary of each segment with `automaton` (or the range `from..to` of forms).
    fn forms_where<A>(
        &self,
        searcher: &Searcher,
        automaton: impl Fn() -> A,
        range: Option<(&[u8], &[u8])>,
    ) -> Result<HashMap<String, u64>, SearchError>
    where
        A: tantivy_fst::Automaton,
        A::State: Clone,
    {
        let mut found: HashMap<String, u64> = HashMap::new();
        let io_err = |err: std::io::Error| {
            SearchError::Index(IndexError::Damaged {
                path: self.dir.clone(),
                why: err.to_string(),
            })
        };
        for segment in searcher.segment_readers() {
            let inverted = segment
                .inverted_index(self.fields.forms)
                .map_err(|err| self.tantivy_err(err))?;
            let terms = inverted.terms();
            let mut builder = terms.search(automaton());
            if let Some((from, to)) = range {
                builder = builder.ge(from).lt(to);
            }
            let mut stream = builder.into_stream().map_err(io_err)?;
            while stream.advance() {
                if let Ok(form) = std::str::from_utf8(stream.key()) {
                    *found.entry(form.to_string()).or_insert(0) +=
                        u64::from(stream.value().doc_freq);
                }
            }
        }
        Ok(found)
    }
}

/// Turns a parsed query into tantivy's, remembering what the user should be told.
/// `words` restricted by every filter in `filters`.
fn with_filters<'n>(words: Node, filters: impl IntoIterator<Item = &'n Node>) -> Node {
    let filters: Vec<Node> = filters.into_iter().cloned().collect();
    if filters.is_empty() {
        return words;
    }
    match words {
        Node::And(mut parts) => {
            parts.extend(filters);
            Node::And(parts)
        }
        other => Node::And(std::iter::once(other).chain(filters).collect()),
    }
}

/// The schema's name of a field's column.
fn column_name(field: FieldName) -> &'static str {
    match field {
        FieldName::Edition => "edition",
        FieldName::Theme => "theme",
        FieldName::Series => "series",
        FieldName::Doc => "doc",
        FieldName::Part => "part",
        FieldName::Date => "date",
    }
}

struct Compiler<'a> {
    index: &'a HorizonIndex,
    searcher: &'a Searcher,
    notes: Vec<String>,
    /// The word forms prefixes and fuzzy words stood for, to highlight them.
    forms: Vec<String>,
}

impl<'a> Compiler<'a> {
    fn new(index: &'a HorizonIndex, searcher: &'a Searcher) -> Compiler<'a> {
        Compiler {
            index,
            searcher,
            notes: Vec::new(),
            forms: Vec::new(),
        }
    }

    /// The tantivy query for a tree; `None` where nothing searchable is left (only stop words).
    fn compile(&mut self, node: &Node) -> Result<Option<Box<dyn Query>>, SearchError> {
        Ok(match node {
            Node::Word(text) => self.words(text, 0),
            Node::Phrase { text, slop: 0 } => self.words(text, 0),
            Node::Phrase { text, slop } => self.near_words(text, *slop),
            Node::Prefix(stem) => Some(self.prefix(stem)?),
            Node::Fuzzy { word, edits } => Some(self.fuzzy(word, *edits)?),
            Node::Field(filter) => Some(self.filter(filter)?),
            Node::And(parts) => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for part in parts {
                    match part {
                        Node::Not(inner) => {
                            clauses.extend(self.compile(inner)?.map(|q| (Occur::MustNot, q)))
                        }
                        other => clauses.extend(self.compile(other)?.map(|q| (Occur::Must, q))),
                    }
                }
                if clauses.iter().all(|(occur, _)| *occur == Occur::MustNot) {
                    if clauses.is_empty() {
                        return Ok(None);
                    }
                    clauses.push((Occur::Must, Box::new(AllQuery)));
                }
                Some(Box::new(BooleanQuery::new(clauses)))
            }
            Node::Or(parts) => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for part in parts {
                    clauses.extend(self.compile(part)?.map(|q| (Occur::Should, q)));
                }
                (!clauses.is_empty())
                    .then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
            }
            Node::Not(inner) => match self.compile(inner)? {
                Some(excluded) => Some(Box::new(BooleanQuery::new(vec![
                    (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
                    (Occur::MustNot, excluded),
                ]))),
                None => None,
            },
        })
    }

    /// A word or phrase through the index's analyzer: one term, or a phrase of terms at their
    /// positions. Only the first term at a position counts: the word as typed, not the compound parts
    /// or expansions the analyzer adds beside it, which are there for the index side.
    ///
    /// A word joined to a number by a hyphen ("F-16", "Covid-19") is searched as the joined term the
    /// analyzer adds for it ("f16"), which only text with the hyphen or none has: as two terms it
    /// would also find "f 16 000", an amount in guilders.
    fn words(&self, text: &str, slop: u32) -> Option<Box<dyn Query>> {
        let mut analyzer = self.index.analyzer.clone();
        let mut stream = analyzer.token_stream(text);
        // The terms at each position, the word as typed first.
        let mut positions: Vec<(usize, Vec<String>)> = Vec::new();
        while let Some(token) = stream.next() {
            match positions.last_mut() {
                Some((position, terms)) if *position == token.position => {
                    terms.push(token.text.clone())
                }
                _ => positions.push((token.position, vec![token.text.clone()])),
            }
        }
        let first = positions.first().map_or(0, |(p, _)| *p);
        let mut terms: Vec<(usize, Term)> = Vec::new();
        let mut i = 0;
        while i < positions.len() {
            let (position, here) = &positions[i];
            let joined = positions.get(i + 1).and_then(|(next_position, next)| {
                let candidate = format!("{}{}", here[0], next[0]);
                (*next_position == position + 1 && here[1..].contains(&candidate))
                    .then_some(candidate)
            });
            let (term, step) = match joined {
                Some(joined) => (joined, 2),
                None => (here[0].clone(), 1),
            };
            terms.push((
                position - first,
                Term::from_field_text(self.index.fields.text, &term),
            ));
            i += step;
        }
        if terms.len() == 1 {
            let (_, term) = terms.pop()?;
            return Some(Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)));
        }
        (!terms.is_empty())
            .then(|| Box::new(PhraseQuery::new_with_offset_and_slop(terms, slop)) as Box<dyn Query>)
    }

    /// Words within `slop` words of each other in any order: tantivy's sloppy phrase holds to the
    /// order typed (a swap costs two), so each order of up to [`MAX_NEAR_ORDERS`] words is a phrase
    /// of its own.
    fn near_words(&self, text: &str, slop: u32) -> Option<Box<dyn Query>> {
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.len() > MAX_NEAR_ORDERS {
            return self.words(text, slop);
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for order in orders(words.len()) {
            let phrase: Vec<&str> = order.iter().map(|&i| words[i]).collect();
            clauses.extend(
                self.words(&phrase.join(" "), slop)
                    .map(|q| (Occur::Should, q)),
            );
        }
        (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
    }

    /// Word forms as BM25 terms of the forms field, each with its weight; nothing if there are none.
    fn any_of(&mut self, forms: Vec<(String, f32)>) -> Box<dyn Query> {
        if forms.is_empty() {
            return Box::new(EmptyQuery);
        }
        let clauses = forms
            .into_iter()
            .map(|(form, weight)| {
                let term = TermQuery::new(
                    Term::from_field_text(self.index.fields.forms, &form),
                    IndexRecordOption::WithFreqs,
                );
                self.forms.push(form);
                let query: Box<dyn Query> = if weight == 1.0 {
                    Box::new(term)
                } else {
                    Box::new(BoostQuery::new(Box::new(term), weight))
                };
                (Occur::Should, query)
            })
            .collect();
        Box::new(BooleanQuery::new(clauses))
    }

    /// `terror*`: the words of the index that start so, the most frequent first.
    fn prefix(&mut self, stem: &str) -> Result<Box<dyn Query>, SearchError> {
        let from = FormsTokenizer::form(stem);
        let mut to = from.clone().into_bytes();
        // No UTF-8 byte is 0xFF: everything that starts with `from` sorts before this.
        to.push(0xFF);
        let found = self.index.forms_where(
            self.searcher,
            || tantivy_fst::automaton::AlwaysMatch,
            Some((from.as_bytes(), &to)),
        )?;
        let mut forms: Vec<(String, u64)> = found.into_iter().collect();
        if forms.is_empty() {
            self.notes
                .push(format!("no word of the index starts with {stem:?}"));
        }
        forms.sort_by(|(a, da), (b, db)| db.cmp(da).then_with(|| a.cmp(b)));
        if forms.len() > MAX_PREFIX_WORDS {
            self.notes.push(format!(
                "{stem}* stands for {} words; the {MAX_PREFIX_WORDS} most frequent are searched (type more letters to narrow it)",
                forms.len()
            ));
            forms.truncate(MAX_PREFIX_WORDS);
        }
        Ok(self.any_of(forms.into_iter().map(|(f, _)| (f, 1.0)).collect()))
    }

    /// `desinformatei~1`: the words of the index within so many edits, nearer ones weighing more.
    fn fuzzy(&mut self, word: &str, edits: u8) -> Result<Box<dyn Query>, SearchError> {
        let mut near = self.near(word, edits)?;
        if near.is_empty() {
            let unit = if edits == 1 { "edit" } else { "edits" };
            self.notes.push(format!(
                "no word of the index is within {edits} {unit} of {word:?}"
            ));
        }
        if near.len() > MAX_FUZZY_WORDS {
            self.notes.push(format!(
                "{word}~{edits} stands for {} words; the {MAX_FUZZY_WORDS} nearest and most frequent are searched",
                near.len()
            ));
            near.truncate(MAX_FUZZY_WORDS);
        }
        Ok(self.any_of(
            near.into_iter()
                .map(|(form, distance, _)| (form, 1.0 / f32::from(1 + distance).powi(2)))
                .collect(),
        ))
    }

    /// The word forms of the index within `edits` of `word`: nearest first, then most frequent.
    fn near(&self, word: &str, edits: u8) -> Result<Vec<(String, u8, u64)>, SearchError> {
        let form = FormsTokenizer::form(word);
        let builder = &AUTOMATA[usize::from(edits.min(query::MAX_EDITS))];
        let dfa = builder.build_dfa(&form);
        let found =
            self.index
                .forms_where(self.searcher, || Within(builder.build_dfa(&form)), None)?;
        let mut near: Vec<(String, u8, u64)> = found
            .into_iter()
            .filter_map(|(candidate, docs)| match dfa.eval(&candidate) {
                Distance::Exact(d) => Some((candidate, d, docs)),
                Distance::AtLeast(_) => None,
            })
            .collect();
        near.sort_by(|(a, da, na), (b, db, nb)| da.cmp(db).then(nb.cmp(na)).then_with(|| a.cmp(b)));
        Ok(near)
    }

    /// `editie:2019`, `datum:2019..2021`: a filter that does not change the score.
    fn filter(&mut self, filter: &FieldFilter) -> Result<Box<dyn Query>, SearchError> {
        let query: Box<dyn Query> = match filter {
            FieldFilter::Is(name, value) => {
                let stored = self.index.field_value(*name, value)?;
                Box::new(TermQuery::new(
                    Term::from_field_text(self.index.field(*name), &stored),
                    IndexRecordOption::Basic,
                ))
            }
            FieldFilter::FromScan(scan) => {
                let field = self.index.fields.scan;
                Box::new(RangeQuery::new(
                    Bound::Included(Term::from_field_u64(field, *scan)),
                    Bound::Unbounded,
                ))
            }
            FieldFilter::Dates { from, to } => {
                let field = self.index.fields.date;
                let lower = from.as_ref().map_or(Bound::Unbounded, |d| {
                    Bound::Included(Term::from_field_text(field, d))
                });
                // "2021" as the end takes in every date of 2021: anything that starts with it.
                let upper = to.as_ref().map_or(Bound::Unbounded, |d| {
                    Bound::Excluded(Term::from_field_text(field, &format!("{d}\u{10FFFF}")))
                });
                Box::new(RangeQuery::new(lower, upper))
            }
        };
        Ok(Box::new(ConstScoreQuery::new(query, 0.0)))
    }

    /// When a query of several required words has no passage holding them all: the passages that
    /// hold the most of them, with the words each clause stands for to tell which are missing.
    #[allow(clippy::type_complexity)]
    fn partial(
        &mut self,
        tree: &Node,
        limit: usize,
    ) -> Result<Option<(Partial, Box<dyn Query>, Vec<(String, Box<dyn Query>)>)>, SearchError> {
        let Node::And(parts) = tree else {
            return Ok(None);
        };
        let mut fixed: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut words: Vec<(String, Box<dyn Query>)> = Vec::new();
        for part in parts {
            match part {
                Node::Not(inner) => fixed.extend(self.compile(inner)?.map(|q| (Occur::MustNot, q))),
                Node::Field(_) => fixed.extend(self.compile(part)?.map(|q| (Occur::Must, q))),
                other => {
                    if let Some(query) = self.compile(other)? {
                        words.push((shown(other), query));
                    }
                }
            }
        }
        let of = words.len();
        for holds in (1..of).rev() {
            let mut clauses: Vec<(Occur, Box<dyn Query>)> =
                fixed.iter().map(|(o, q)| (*o, q.box_clone())).collect();
            clauses.extend(words.iter().map(|(_, q)| (Occur::Should, q.box_clone())));
            let query = BooleanQuery::with_minimum_required_clauses(clauses, holds);
            let count = self
                .searcher
                .search(&query, &Count)
                .map_err(|err| self.index.tantivy_err(err))?;
            if count > 0 && limit > 0 {
                return Ok(Some((Partial { holds, of }, Box::new(query), words)));
            }
        }
        Ok(None)
    }

    /// When filters leave nothing: how many passages the words match without them.
    /// Counts per facet. A field the filter restricts is counted within the other filters only
    /// (one more pass each), the rest over the query as run; a partial answer counts what it ran.
    fn facets(
        &mut self,
        words: &Node,
        filters: &[(Option<FieldName>, Node)],
        executed: &dyn Query,
        partial: bool,
        counted: Vec<(FieldName, BTreeMap<String, u64>)>,
    ) -> Result<Facets, SearchError> {
        let mut facets = Facets::default();
        let (own, rest): (Vec<FieldName>, Vec<FieldName>) = FACETS
            .into_iter()
            .partition(|field| !partial && filters.iter().any(|(f, _)| *f == Some(*field)));
        let rest: Vec<FieldName> = rest
            .into_iter()
            .filter(|field| counted.iter().all(|(f, _)| f != field))
            .collect();
        for (field, counts) in counted {
            facets.set(field, counts);
        }
        for (field, counts) in rest.iter().zip(self.count_values(executed, &rest)?) {
            facets.set(*field, counts);
        }
        for field in own {
            let others = filters
                .iter()
                .filter(|(f, _)| *f != Some(field))
                .map(|(_, node)| node);
            let tree = with_filters(words.clone(), others);
            let counts = match self.compile(&tree)? {
                Some(query) => self.count_values(&*query, &[field])?.remove(0),
                None => BTreeMap::new(),
            };
            facets.set(field, counts);
        }
        Ok(facets)
    }

    fn count_values(
        &self,
        query: &dyn Query,
        fields: &[FieldName],
    ) -> Result<Vec<BTreeMap<String, u64>>, SearchError> {
        if fields.is_empty() {
            return Ok(Vec::new());
        }
        let collector = FacetCollector {
            fields: fields.iter().map(|f| column_name(*f)).collect(),
        };
        self.searcher
            .search(query, &collector)
            .map_err(|err| self.index.tantivy_err(err))
    }

    fn outside_filters(&mut self, tree: &Node) -> Result<(), SearchError> {
        let Node::And(parts) = tree else {
            return Ok(());
        };
        let (filters, words): (Vec<&Node>, Vec<&Node>) =
            parts.iter().partition(|p| matches!(p, Node::Field(_)));
        if filters.is_empty() || words.is_empty() {
            return Ok(());
        }
        let words_shown = words.iter().map(|w| shown(w)).collect::<Vec<_>>().join(" ");
        let unfiltered = Node::And(words.into_iter().cloned().collect());
        let Some(query) = self.compile(&unfiltered)? else {
            return Ok(());
        };
        let count = self
            .searcher
            .search(&*query, &Count)
            .map_err(|err| self.index.tantivy_err(err))?;
        if count > 0 {
            self.notes.push(format!(
                "{count} passages match {words_shown:?} outside {}",
                filters.into_iter().map(shown).collect::<Vec<_>>().join(" ")
            ));
        }
        Ok(())
    }

    /// "bedoelde u": for each word of the query that no passage holds, the nearest words that some do.
    fn suggestions(&mut self, tree: &Node) -> Result<Vec<Suggestion>, SearchError> {
        let mut words = Vec::new();
        collect_words(tree, &mut words);
        let mut out: Vec<Suggestion> = Vec::new();
        for word in words {
            if out.iter().any(|s| s.word == word) {
                continue;
            }
            let Some(query) = self.words(&word, 0) else {
                continue;
            };
            let count = self
                .searcher
                .search(&*query, &Count)
                .map_err(|err| self.index.tantivy_err(err))?;
            if count > 0 {
                continue;
            }
            let form = FormsTokenizer::form(&word);
            // As Elasticsearch's AUTO fuzziness: two edits from a short word reach too many others.
            let edits = match form.chars().count() {
                0..=2 => continue,
                3..=5 => 1,
                _ => query::MAX_EDITS,
            };
            let instead: Vec<String> = self
                .near(&word, edits)?
                .into_iter()
                .filter(|(candidate, _, _)| *candidate != form)
                .take(SUGGESTIONS)
                .map(|(candidate, _, _)| candidate)
                .collect();
            if !instead.is_empty() {
                out.push(Suggestion { word, instead });
            }
        }
        Ok(out)
    }
}

/// Every order of `n` items (n! of them).
fn orders(n: usize) -> Vec<Vec<usize>> {
    if n == 0 {
        return vec![Vec::new()];
    }
    let mut out = Vec::new();
    for shorter in orders(n - 1) {
        for at in 0..=shorter.len() {
            let mut order = shorter.clone();
            order.insert(at, n - 1);
            out.push(order);
        }
    }
    out
}

/// The single words of a query (not phrases, prefixes or fuzzy words), in order.
fn collect_words(node: &Node, out: &mut Vec<String>) {
    match node {
        Node::Word(word) if word.chars().all(char::is_alphabetic) => out.push(word.clone()),
        Node::And(parts) | Node::Or(parts) => parts.iter().for_each(|p| collect_words(p, out)),
        _ => {}
    }
}

/// A part of a query as the user would write it, to name what a passage lacks.
fn shown(node: &Node) -> String {
    match node {
        Node::Word(word) => word.clone(),
        Node::Phrase { text, slop: 0 } => format!("\"{text}\""),
        Node::Phrase { text, slop } => format!("\"{text}\"~{slop}"),
        Node::Prefix(stem) => format!("{stem}*"),
        Node::Fuzzy { word, edits } => format!("{word}~{edits}"),
        Node::Field(FieldFilter::Is(name, value)) => format!("{}:{value}", name.name()),
        Node::Field(FieldFilter::FromScan(scan)) => format!("scan:{scan}.."),
        Node::Field(FieldFilter::Dates { from, to }) => format!(
            "datum:{}..{}",
            from.as_deref().unwrap_or(""),
            to.as_deref().unwrap_or("")
        ),
        Node::And(parts) => format!(
            "({})",
            parts.iter().map(shown).collect::<Vec<_>>().join(" ")
        ),
        Node::Or(parts) => format!(
            "({})",
            parts.iter().map(shown).collect::<Vec<_>>().join(" OR ")
        ),
        Node::Not(inner) => format!("NOT {}", shown(inner)),
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
