//! Mentions as ingest stored them, counted per edition (and document or theme) and shown in
//! context, so every count can be checked line by line.

use std::collections::{BTreeSet, HashMap};

use crate::index::{EditionMeta, PassageRecord, SignalMeta};

/// What a row of counts is per: always an edition, and within it a document or a theme if asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GroupBy {
    Edition,
    Doc,
    Theme,
}

/// One row of `horizon signals`.
#[derive(Debug, Clone, PartialEq)]
pub struct SignalCount {
    pub edition: String,
    pub date: Option<String>,
    pub doc: Option<String>,
    pub theme: Option<String>,
    pub signal: SignalMeta,
    pub mentions: u64,
    /// Passages that mention it at least once.
    pub passages: u64,
    /// Words in the group: the denominator of the rate.
    pub tokens: u64,
}

impl SignalCount {
    /// Mentions per 10,000 words of the group.
    pub fn per_10k(&self) -> f64 {
        if self.tokens == 0 {
            0.0
        } else {
            self.mentions as f64 / self.tokens as f64 * 10_000.0
        }
    }
}

type GroupKey = (String, Option<String>, Option<String>);

/// Counts per group and signal, for the signals `wanted` lets through; editions in date order,
/// then groups, then the most mentioned first.
pub fn count<'a>(
    records: impl IntoIterator<Item = &'a PassageRecord>,
    signals: &[SignalMeta],
    editions: &[EditionMeta],
    by: GroupBy,
    wanted: impl Fn(&SignalMeta) -> bool,
) -> Vec<SignalCount> {
    let key = |record: &PassageRecord| -> GroupKey {
        let theme = (!record.theme.is_empty()).then(|| record.theme.clone());
        match by {
            GroupBy::Edition => (record.edition.clone(), None, None),
            GroupBy::Doc => (record.edition.clone(), Some(record.doc.clone()), None),
            GroupBy::Theme => (record.edition.clone(), None, theme),
        }
    };
    let by_id: HashMap<&str, &SignalMeta> = signals.iter().map(|s| (s.id.as_str(), s)).collect();
    let mut tokens: HashMap<GroupKey, u64> = HashMap::new();
    let mut tally: HashMap<(GroupKey, String), (u64, u64)> = HashMap::new();
    for record in records {
        let group = key(record);
        *tokens.entry(group.clone()).or_default() += record.words;
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        for mention in &record.mentions {
            let Some(signal) = by_id.get(mention.signal.as_str()) else {
                continue;
            };
            if !wanted(signal) {
                continue;
            }
            let entry = tally
                .entry((group.clone(), mention.signal.clone()))
                .or_default();
            entry.0 += 1;
            if seen.insert(mention.signal.as_str()) {
                entry.1 += 1;
            }
        }
    }
    let edition_rank = |name: &str| {
        editions
            .iter()
            .position(|e| e.name == name)
            .unwrap_or(usize::MAX)
    };
    let mut rows: Vec<SignalCount> = tally
        .into_iter()
        .map(|((group, signal), (mentions, passages))| SignalCount {
            date: editions
                .iter()
                .find(|e| e.name == group.0)
                .and_then(|e| e.date.clone()),
            tokens: tokens[&group],
            edition: group.0,
            doc: group.1,
            theme: group.2,
            signal: (*by_id[signal.as_str()]).clone(),
            mentions,
            passages,
        })
        .collect();
    rows.sort_by(|a, b| {
        (edition_rank(&a.edition), &a.doc, &a.theme)
            .cmp(&(edition_rank(&b.edition), &b.doc, &b.theme))
            .then(b.mentions.cmp(&a.mentions))
            .then(a.signal.id.cmp(&b.signal.id))
    });
    rows
}

/// One mention in context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InContext {
    pub doc: String,
    pub edition: String,
    pub theme: String,
    pub passage: String,
    /// Pages of the passage, where its source has pages.
    pub pages: Option<String>,
    /// Source lines of the passage.
    pub lines: String,
    pub left: String,
    pub matched: String,
    pub right: String,
}

/// Every mention of `signal`, in corpus order, with `window` characters of context each side.
pub fn in_context(
    records: &[PassageRecord],
    signal: &str,
    edition: Option<&str>,
    window: usize,
) -> Vec<InContext> {
    let mut out = Vec::new();
    for record in records {
        if edition.is_some_and(|e| e != record.edition) {
            continue;
        }
        for mention in record.mentions.iter().filter(|m| m.signal == signal) {
            let text = &record.text;
            // Offsets come from the index; a damaged one is clamped rather than trusted.
            let (start, end) = (
                floor(text, mention.start),
                floor(text, mention.end.max(mention.start)),
            );
            out.push(InContext {
                doc: record.doc.clone(),
                edition: record.edition.clone(),
                theme: record.theme.clone(),
                passage: record.passage.clone(),
                pages: record.pages(),
                lines: record.lines(),
                left: flat(tail_chars(&text[..start], window)),
                matched: flat(&text[start..end]),
                right: flat(head_chars(&text[end..], window)),
            });
        }
    }
    out
}

/// The largest char boundary of `text` at or below `at`.
fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn tail_chars(text: &str, n: usize) -> &str {
    let start = text
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    if n == 0 {
        return "";
    }
    &text[start..]
}

fn head_chars(text: &str, n: usize) -> &str {
    let end = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
    &text[..end]
}

/// Line breaks and runs of white space as single spaces, so a context is one line.
fn flat(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if !c.is_whitespace() {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::StoredMention;

    fn record(
        passage: &str,
        edition: &str,
        text: &str,
        mentions: &[(&str, &str)],
    ) -> PassageRecord {
        PassageRecord {
            passage: passage.into(),
            doc: "nvs".into(),
            series: "NVS".into(),
            edition: edition.into(),
            date: String::new(),
            position: 0,
            line_start: 1,
            line_end: 2,
            page_start: 0,
            page_end: 0,
            words: text.split_whitespace().count() as u64,
            footnote: 0,
            notes: String::new(),
            theme: "statelijke-dreigingen".into(),
            theme_label: String::new(),
            part: "threat".into(),
            theme_basis: "both".into(),
            section: String::new(),
            heading_len: 0,
            scan: 0,
            mentions: mentions
                .iter()
                .map(|(signal, word)| {
                    let start = text.find(word).unwrap();
                    StoredMention {
                        signal: signal.to_string(),
                        start,
                        end: start + word.len(),
                    }
                })
                .collect(),
            text: text.into(),
        }
    }

    fn signal(id: &str) -> SignalMeta {
        SignalMeta {
            id: id.into(),
            kind: "actor".into(),
            label: id.into(),
            entry_type: "state".into(),
            theme: None,
            aliases: vec![id.into()],
        }
    }

    #[test]
    fn counts_mentions_passages_and_rates_per_edition() {
        let records = [
            record(
                "nvs#1",
                "2021",
                "Rusland en China; ook Rusland.",
                &[("rusland", "Rusland"), ("china", "China")],
            ),
            record(
                "nvs#2",
                "2021",
                "Spionage door Rusland in Nederland.",
                &[("rusland", "Rusland")],
            ),
            record("nvs#3", "2019", "Geen namen hier.", &[]),
        ];
        let mut records = records.to_vec();
        // The second "Rusland" of passage 1.
        records[0].mentions.push(StoredMention {
            signal: "rusland".into(),
            start: 22,
            end: 29,
        });
        let rows = count(
            &records,
            &[signal("rusland"), signal("china")],
            &[],
            GroupBy::Edition,
            |_| true,
        );
        let rusland = rows.iter().find(|r| r.signal.id == "rusland").unwrap();
        assert_eq!(
            (rusland.mentions, rusland.passages, rusland.tokens),
            (3, 2, 10)
        );
        assert!((rusland.per_10k() - 3000.0).abs() < 1e-9);
        assert_eq!(rows[0].signal.id, "rusland", "most mentioned first");
    }

    proptest::proptest! {
        /// Stored offsets, even damaged ones, give contexts that are pieces of the passage.
        #[test]
        fn contexts_fall_on_characters_inside_the_passage(
            text in "[a-zëïé’ \\n]{1,200}",
            start in 0usize..260,
            len in 0usize..40,
            window in 0usize..80,
        ) {
            let mut record = record("nvs#1", "2021", &text, &[]);
            record.mentions.push(StoredMention { signal: "x".into(), start, end: start + len });
            let lines = in_context(&[record], "x", None, window);
            proptest::prop_assert_eq!(lines.len(), 1);
            let flat_text = flat(&text);
            proptest::prop_assert!(flat_text.contains(&lines[0].matched));
            proptest::prop_assert!(flat_text.contains(&lines[0].left));
            proptest::prop_assert!(lines[0].left.chars().count() <= window);
            proptest::prop_assert!(lines[0].right.chars().count() <= window);
        }
    }

    #[test]
    fn contexts_are_one_line_and_cut_at_characters() {
        let records = [record(
            "nvs#1",
            "2021",
            "de geïntegreerde\naanpak van Rusland tegen één dreiging",
            &[("rusland", "Rusland")],
        )];
        let lines = in_context(&records, "rusland", None, 12);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].left, " aanpak van ");
        assert_eq!(lines[0].matched, "Rusland");
        assert_eq!(lines[0].right, " tegen één d");
        assert!(in_context(&records, "rusland", Some("2019"), 12).is_empty());
    }
}
