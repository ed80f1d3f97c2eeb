//! Passages: one paragraph each, short fragments such as headings joined to what follows (when that
//! stays within one theme, part and edition), footnotes on their own, and long paragraphs cut at
//! sentence ends so that no passage exceeds [`MAX_CHARS`] characters.

use std::ops::Range;

use super::assign::Labels;
use super::{Basis, Layout, Part};
use crate::repair::{Kind, Paragraph};

/// The longest passage, in characters.
pub const MAX_CHARS: usize = 1500;

/// A paragraph shorter than this (a heading, a caption) is joined to the next one.
const MIN_CHARS: usize = 120;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub text: String,
    /// First and last source line (1-based, inclusive).
    pub lines: (usize, usize),
    /// Byte range in the source text.
    pub span: Range<usize>,
    /// The footnote this passage is the text of, if it is one.
    pub footnote: Option<u32>,
    /// Footnote markers that stood in the text.
    pub notes: Vec<u32>,
    /// Theme id and title, if the passage belongs to a theme.
    pub theme: Option<(String, String)>,
    pub part: Part,
    pub edition: String,
    pub basis: Basis,
    /// The headings above it: "Polarisatie tegengaan > Ontwikkeling van de weerbaarheid".
    pub section: String,
    /// Bytes of heading text the passage opens with ("Korte samenvatting NVS 2019\n"): searched,
    /// but not counted as what the passage says.
    pub heading_len: usize,
}

impl Passage {
    fn from(paragraph: &Paragraph, labels: &Labels, layout: &Layout) -> Passage {
        Passage {
            text: paragraph.text().to_string(),
            lines: paragraph.lines,
            span: paragraph.span.clone(),
            footnote: match paragraph.kind {
                Kind::Footnote(n) => Some(n),
                _ => None,
            },
            notes: paragraph.notes.clone(),
            theme: labels
                .theme
                .map(|t| (layout.themes[t].id.clone(), layout.themes[t].label.clone())),
            part: labels.part,
            edition: labels.edition.clone(),
            basis: labels.basis,
            section: labels.section.clone(),
            heading_len: if paragraph.kind == Kind::Heading {
                paragraph.text().len()
            } else {
                0
            },
        }
    }

    /// Whether two passages stand in the same place: one theme, part and edition.
    fn same_place(&self, other: &Passage) -> bool {
        self.theme == other.theme && self.part == other.part && self.edition == other.edition
    }

    /// Takes the place of `other` (a heading takes the place of the text it heads).
    fn adopt(&mut self, other: &Passage) {
        self.theme = other.theme.clone();
        self.part = other.part;
        self.edition = other.edition.clone();
        self.basis = other.basis;
        self.section = other.section.clone();
    }

    fn join(&mut self, next: &Passage) {
        self.text.push('\n');
        self.text.push_str(&next.text);
        self.lines.0 = self.lines.0.min(next.lines.0);
        self.lines.1 = self.lines.1.max(next.lines.1);
        self.span.start = self.span.start.min(next.span.start);
        self.span.end = self.span.end.max(next.span.end);
        self.notes.extend(&next.notes);
    }
}

/// Cuts a document's labelled paragraphs into passages, in document order.
pub fn passages(paragraphs: &[Paragraph], labels: &[Labels], layout: &Layout) -> Vec<Passage> {
    let mut out: Vec<Passage> = Vec::new();
    let mut pending: Option<(Passage, bool)> = None;
    for (paragraph, labels) in paragraphs.iter().zip(labels) {
        let next = Passage::from(paragraph, labels, layout);
        if next.footnote.is_some() {
            push(&mut out, next);
            continue;
        }
        let heading = paragraph.kind == Kind::Heading;
        let mut only_headings = heading;
        let passage = match pending.take() {
            // A heading goes with what it heads, taking its place; other short text only joins
            // text of the same place.
            Some((mut short, short_is_heading)) if short_is_heading || short.same_place(&next) => {
                only_headings &= short_is_heading;
                let heading_text = short.text.len() + 1;
                short.join(&next);
                if short_is_heading {
                    short.adopt(&next);
                    short.heading_len = heading_text + next.heading_len;
                }
                short
            }
            Some((short, _)) => {
                push(&mut out, short);
                next
            }
            None => next,
        };
        if !more_chars_than(&passage.text, MIN_CHARS - 1) {
            pending = Some((passage, only_headings));
        } else {
            push(&mut out, passage);
        }
    }
    if let Some((short, _)) = pending {
        // A trailing fragment joins the body passage before it when that stays within the limit.
        match out.iter_mut().rev().find(|p| p.footnote.is_none()) {
            Some(previous)
                if previous.same_place(&short)
                    && previous.text.chars().count() + short.text.chars().count() < MAX_CHARS =>
            {
                previous.join(&short)
            }
            _ => out.push(short),
        }
    }
    out
}

/// Adds `passage`, cut into pieces if it is longer than [`MAX_CHARS`].
fn push(out: &mut Vec<Passage>, passage: Passage) {
    if !more_chars_than(&passage.text, MAX_CHARS) {
        out.push(passage);
        return;
    }
    // The pieces share the paragraph's source lines: enough to find them in the file.
    let mut heading_len = passage.heading_len;
    out.extend(split_long(&passage.text).into_iter().map(|piece| {
        let piece_heading = heading_len.min(piece.len());
        heading_len = 0;
        Passage {
            heading_len: piece_heading,
            text: piece,
            ..passage.clone()
        }
    }));
}

/// Cuts `text` into pieces of at most [`MAX_CHARS`] characters, at sentence ends where possible,
/// else at a space, else anywhere.
fn split_long(text: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while more_chars_than(rest, MAX_CHARS) {
        let limit = rest
            .char_indices()
            .nth(MAX_CHARS)
            .map_or(rest.len(), |(i, _)| i);
        let window = &rest[..limit];
        let cut = sentence_end(window)
            .or_else(|| window.rfind(' ').filter(|&i| i > 0))
            .unwrap_or(limit);
        pieces.push(rest[..cut].trim().to_string());
        rest = rest[cut..].trim_start();
    }
    if !rest.trim().is_empty() {
        pieces.push(rest.trim().to_string());
    }
    pieces
}

/// Whether `text` has more than `n` characters. A character takes one to four bytes, so only a
/// text of `n + 1` to `4n` bytes is counted: counting all of the rest of a long OCR'd paragraph
/// for each piece cut from it made cutting quadratic. Counting (vectorised in the standard
/// library) is cheaper than stepping to the `n`th character.
fn more_chars_than(text: &str, n: usize) -> bool {
    text.len() > n && (text.len() > 4 * n || text.chars().count() > n)
}

/// The byte offset just after the last sentence end in the second half of `window`.
fn sentence_end(window: &str) -> Option<usize> {
    let half = window.len() / 2;
    window
        .match_indices(['.', '?', '!', ';'])
        .map(|(i, m)| i + m.len())
        .rfind(|&end| end > half && window[end..].starts_with(' '))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repair::paragraphs;

    fn cut(source: &str) -> Vec<Passage> {
        let found = paragraphs(source);
        let layout = Layout::default();
        let labels = super::super::assign::label(&found, &layout, "NVS midterm review 2021");
        passages(&found, &labels, &layout)
    }

    #[test]
    fn headings_join_the_paragraph_they_head_and_notes_stand_alone() {
        let source = "Ontwikkeling van de weerbaarheid \nSinds het presenteren van de aanpak statelijke dreigingen in april \n2019 zijn belangrijke stappen gezet om de weerbaarheid tegen statelijke drei-\ngingen te verhogen. Hierover is aan de Tweede Kamer gerapporteerd.5 Er worden maatregelen genomen.\n\n5 Tweede Kamer 2020-2021, 30 821, nr. 125.\n";
        let found = cut(source);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0]
            .text
            .starts_with("Ontwikkeling van de weerbaarheid\nSinds het presenteren"));
        assert!(found[0].text.contains("statelijke dreigingen te verhogen. Hierover is aan de Tweede Kamer gerapporteerd. Er worden"));
        assert_eq!(found[0].lines, (1, 4));
        assert_eq!(
            &found[0].text[..found[0].heading_len],
            "Ontwikkeling van de weerbaarheid\n"
        );
        assert_eq!(found[0].notes, [5]);
        assert_eq!(found[1].footnote, Some(5));
        assert_eq!(found[1].text, "5 Tweede Kamer 2020-2021, 30 821, nr. 125.");
        assert_eq!(found[1].lines, (6, 6));
    }

    #[test]
    fn counts_characters_not_bytes_at_the_limit() {
        // 12 characters in 15 bytes: "é", "é" and "ï" take two bytes each.
        let text = "één geïntegr";
        assert_eq!((text.chars().count(), text.len()), (12, 15));
        for n in 0..20 {
            assert_eq!(
                more_chars_than(text, n),
                text.chars().count() > n,
                "n = {n}"
            );
        }
        let four_byte = "𝔼".repeat(10);
        assert!(more_chars_than(&four_byte, 9) && !more_chars_than(&four_byte, 10));
    }

    #[test]
    fn long_paragraphs_are_cut_at_sentence_ends() {
        let sentence = "De economische veiligheid wordt geschaad door spionage van diverse landen, waaronder Rusland en China. ";
        let long = sentence.repeat(40);
        let found = cut(&long);
        assert!(found.len() >= 3);
        for passage in &found {
            assert!(passage.text.chars().count() <= MAX_CHARS);
            assert!(passage.text.ends_with("China."), "{:?}", &passage.text);
        }
        let joined: String = found
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(joined, long.trim());
    }

    #[test]
    fn text_without_spaces_is_still_cut() {
        let blob = "é".repeat(MAX_CHARS * 2 + 10);
        let found = cut(&blob);
        assert_eq!(found.len(), 3);
        assert!(found.iter().all(|p| p.text.chars().count() <= MAX_CHARS));
        // The limit is in characters, not bytes: "é" is two bytes.
        assert_eq!(cut(&"é".repeat(MAX_CHARS)).len(), 1);
        assert_eq!(cut(&"é".repeat(MAX_CHARS + 1)).len(), 2);
    }
}
