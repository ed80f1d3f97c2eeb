//! The schema: one tantivy document per passage, and [`PassageRecord`], its Rust form.

use tantivy::schema::{
    Field, IndexRecordOption, Schema, SchemaBuilder, TextFieldIndexing, TextOptions, Value, FAST,
    INDEXED, STORED, STRING,
};
use tantivy::TantivyDocument;

/// A passage as stored: what every command reads back.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PassageRecord {
    /// `<doc>#<n>`, n counting from 1 in document order.
    pub passage: String,
    pub doc: String,
    pub series: String,
    pub edition: String,
    pub date: String,
    /// 0-based place of the passage in its document.
    pub position: u64,
    pub line_start: u64,
    pub line_end: u64,
    /// First and last page (1-based) where the text has pages (a PDF, text with form feeds); 0 where not.
    pub page_start: u64,
    pub page_end: u64,
    /// Word count, the unit of every rate.
    pub words: u64,
    /// The footnote this passage is the text of (0: not a footnote).
    pub footnote: u64,
    /// Footnote markers removed from the text, comma-separated ("4,5").
    pub notes: String,
    /// Theme id and title; empty when the passage belongs to no theme.
    pub theme: String,
    pub theme_label: String,
    /// summary, threat, resilience, approach or other.
    pub part: String,
    /// How the theme was decided: heading, content, both or none.
    pub theme_basis: String,
    /// The headings above the passage, joined with " > ".
    pub section: String,
    /// The scan (ingest run, counted from 1) that indexed the passage's document as it is now.
    pub scan: u64,
    /// Bytes of heading text the passage opens with; mentions and words count after it.
    pub heading_len: u64,
    /// Every mention of a lexicon entry, in text order.
    pub mentions: Vec<StoredMention>,
    pub text: String,
}

/// A mention as stored: the entry's id and its byte range in the passage text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StoredMention {
    pub signal: String,
    pub start: usize,
    pub end: usize,
}

impl PassageRecord {
    /// The text after the headings it opens with: what counts and rates are made of.
    pub fn body(&self) -> &str {
        let at = (self.heading_len as usize).min(self.text.len());
        self.text.get(at..).unwrap_or(&self.text)
    }

    /// Pages as people write them: `27`, `27-28`; `None` where the source has no pages.
    pub fn pages(&self) -> Option<String> {
        crate::corpus::format_pages(self.page_start, self.page_end)
    }

    /// The text in pieces, each mention its own piece with its signal id: what `show` marks
    /// `[like this]` and the workbench `<mark>`s. A mention whose range does not fit is left out.
    pub fn mention_pieces(&self) -> Vec<(&str, Option<&str>)> {
        let mut pieces = Vec::with_capacity(2 * self.mentions.len() + 1);
        let mut at = 0;
        for mention in &self.mentions {
            let (Some(before), Some(word)) = (
                self.text.get(at..mention.start),
                self.text.get(mention.start..mention.end),
            ) else {
                continue;
            };
            pieces.push((before, None));
            pieces.push((word, Some(mention.signal.as_str())));
            at = mention.end;
        }
        pieces.push((self.text.get(at..).unwrap_or_default(), None));
        pieces
    }

    /// Source lines as people write them: `12-18`, or `12`.
    pub fn lines(&self) -> String {
        if self.line_start == self.line_end {
            self.line_start.to_string()
        } else {
            format!("{}-{}", self.line_start, self.line_end)
        }
    }
}

/// The schema's fields, looked up once.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub passage: Field,
    pub doc: Field,
    pub series: Field,
    pub edition: Field,
    pub date: Field,
    pub position: Field,
    pub line_start: Field,
    pub line_end: Field,
    pub page_start: Field,
    pub page_end: Field,
    pub words: Field,
    pub footnote: Field,
    pub notes: Field,
    pub theme: Field,
    pub theme_label: Field,
    pub part: Field,
    pub theme_basis: Field,
    pub section: Field,
    pub heading_len: Field,
    pub scan: Field,
    /// One value per entry mentioned, for filtering.
    pub signal: Field,
    /// The mentions as JSON.
    pub mentions: Field,
    pub text: Field,
    /// The words as typed (folded, unstemmed), for prefixes, fuzzy words and suggestions.
    pub forms: Field,
}

/// The schema, with the text analysed by the analyzer registered as `analyzer`.
pub fn build(analyzer: &str) -> (Schema, Fields) {
    let mut builder = SchemaBuilder::new();
    let text_options = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    // Only what is searched or filtered on is indexed (the text and its word forms, the fields a
    // query may name, the signals); the rest is stored for display. Each indexed field
    // costs ingest time and index size, a unique passage id as a term most of all.
    let fields = Fields {
        passage: builder.add_text_field("passage", STORED),
        doc: builder.add_text_field("doc", STRING | STORED),
        series: builder.add_text_field("series", STRING | STORED | FAST),
        edition: builder.add_text_field("edition", STRING | STORED | FAST),
        date: builder.add_text_field("date", STRING | STORED),
        position: builder.add_u64_field("position", STORED),
        line_start: builder.add_u64_field("line_start", STORED),
        line_end: builder.add_u64_field("line_end", STORED),
        page_start: builder.add_u64_field("page_start", STORED),
        page_end: builder.add_u64_field("page_end", STORED),
        words: builder.add_u64_field("words", STORED),
        footnote: builder.add_u64_field("footnote", STORED),
        notes: builder.add_text_field("notes", STORED),
        theme: builder.add_text_field("theme", STRING | STORED | FAST),
        theme_label: builder.add_text_field("theme_label", STORED),
        part: builder.add_text_field("part", STRING | STORED | FAST),
        theme_basis: builder.add_text_field("theme_basis", STORED),
        section: builder.add_text_field("section", STORED),
        heading_len: builder.add_u64_field("heading_len", STORED),
        // Indexed and columnar: "new since scan N" is a range over it.
        scan: builder.add_u64_field("scan", INDEXED | STORED | FAST),
        signal: builder.add_text_field("signal", STRING),
        mentions: builder.add_text_field("mentions", STORED),
        text: builder.add_text_field("text", text_options),
        forms: builder.add_text_field(
            "forms",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(crate::analysis::FORMS)
                    .set_index_option(IndexRecordOption::WithFreqs),
            ),
        ),
    };
    (builder.build(), fields)
}

impl Fields {
    /// Looks the fields up in an existing schema; `None` when one is missing (a foreign index).
    pub fn from_schema(schema: &Schema) -> Option<Fields> {
        let field = |name: &str| schema.get_field(name).ok();
        Some(Fields {
            passage: field("passage")?,
            doc: field("doc")?,
            series: field("series")?,
            edition: field("edition")?,
            date: field("date")?,
            position: field("position")?,
            line_start: field("line_start")?,
            line_end: field("line_end")?,
            page_start: field("page_start")?,
            page_end: field("page_end")?,
            words: field("words")?,
            footnote: field("footnote")?,
            notes: field("notes")?,
            theme: field("theme")?,
            theme_label: field("theme_label")?,
            part: field("part")?,
            theme_basis: field("theme_basis")?,
            section: field("section")?,
            heading_len: field("heading_len")?,
            scan: field("scan")?,
            signal: field("signal")?,
            mentions: field("mentions")?,
            text: field("text")?,
            forms: field("forms")?,
        })
    }

    pub fn document(&self, record: &PassageRecord) -> TantivyDocument {
        let mut doc = TantivyDocument::default();
        doc.add_text(self.passage, &record.passage);
        doc.add_text(self.doc, &record.doc);
        doc.add_text(self.series, &record.series);
        doc.add_text(self.edition, &record.edition);
        doc.add_text(self.date, &record.date);
        doc.add_u64(self.position, record.position);
        doc.add_u64(self.line_start, record.line_start);
        doc.add_u64(self.line_end, record.line_end);
        doc.add_u64(self.page_start, record.page_start);
        doc.add_u64(self.page_end, record.page_end);
        doc.add_u64(self.words, record.words);
        doc.add_u64(self.footnote, record.footnote);
        doc.add_text(self.notes, &record.notes);
        doc.add_text(self.theme, &record.theme);
        doc.add_text(self.theme_label, &record.theme_label);
        doc.add_text(self.part, &record.part);
        doc.add_text(self.theme_basis, &record.theme_basis);
        doc.add_text(self.section, &record.section);
        doc.add_u64(self.heading_len, record.heading_len);
        doc.add_u64(self.scan, record.scan);
        let mut signals: Vec<&str> = record.mentions.iter().map(|m| m.signal.as_str()).collect();
        signals.sort_unstable();
        signals.dedup();
        for signal in signals {
            doc.add_text(self.signal, signal);
        }
        doc.add_text(
            self.mentions,
            serde_json::to_string(&record.mentions).expect("mentions serialise"),
        );
        doc.add_text(self.text, &record.text);
        doc.add_text(self.forms, &record.text);
        doc
    }

    pub fn record(&self, doc: &TantivyDocument) -> PassageRecord {
        let text = |field: Field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let number = |field: Field| doc.get_first(field).and_then(|v| v.as_u64()).unwrap_or(0);
        PassageRecord {
            passage: text(self.passage),
            doc: text(self.doc),
            series: text(self.series),
            edition: text(self.edition),
            date: text(self.date),
            position: number(self.position),
            line_start: number(self.line_start),
            line_end: number(self.line_end),
            page_start: number(self.page_start),
            page_end: number(self.page_end),
            words: number(self.words),
            footnote: number(self.footnote),
            notes: text(self.notes),
            theme: text(self.theme),
            theme_label: text(self.theme_label),
            part: text(self.part),
            theme_basis: text(self.theme_basis),
            section: text(self.section),
            heading_len: number(self.heading_len),
            scan: number(self.scan),
            mentions: serde_json::from_str(&text(self.mentions)).unwrap_or_default(),
            text: text(self.text),
        }
    }
}
