//! Passages: one paragraph each, short fragments such as headings joined to what follows, footnotes
//! on their own, and long paragraphs cut at sentence ends so that no passage exceeds [`MAX_CHARS`]
//! characters.

use std::ops::Range;

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
}

impl Passage {
    fn from(paragraph: &Paragraph) -> Passage {
        Passage {
            text: paragraph.text().to_string(),
            lines: paragraph.lines,
            span: paragraph.span.clone(),
            footnote: match paragraph.kind {
                Kind::Footnote(n) => Some(n),
                _ => None,
            },
            notes: paragraph.notes.clone(),
        }
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

/// Cuts a document's paragraphs into passages, in document order.
pub fn passages(paragraphs: &[Paragraph]) -> Vec<Passage> {
    let mut out: Vec<Passage> = Vec::new();
    let mut pending: Option<Passage> = None;
    for paragraph in paragraphs {
        let next = Passage::from(paragraph);
        if next.footnote.is_some() {
            push(&mut out, next);
            continue;
        }
        let passage = match pending.take() {
            Some(mut short) => {
                short.join(&next);
                short
            }
            None => next,
        };
        if passage.text.chars().count() < MIN_CHARS {
            pending = Some(passage);
        } else {
            push(&mut out, passage);
        }
    }
    if let Some(short) = pending {
        // A trailing fragment joins the body passage before it when that stays within the limit.
        match out.iter_mut().rev().find(|p| p.footnote.is_none()) {
            Some(previous)
                if previous.text.chars().count() + short.text.chars().count() < MAX_CHARS =>
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
    if passage.text.chars().count() <= MAX_CHARS {
        out.push(passage);
        return;
    }
    // The pieces share the paragraph's source lines: enough to find them in the file.
    out.extend(split_long(&passage.text).into_iter().map(|piece| Passage {
        text: piece,
        ..passage.clone()
    }));
}

/// Cuts `text` into pieces of at most [`MAX_CHARS`] characters, at sentence ends where possible,
/// else at a space, else anywhere.
fn split_long(text: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while rest.chars().count() > MAX_CHARS {
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

    #[test]
    fn headings_join_the_paragraph_they_head_and_notes_stand_alone() {
        let source = "Ontwikkeling van de weerbaarheid \nSinds het presenteren van de aanpak statelijke dreigingen in april \n2019 zijn belangrijke stappen gezet om de weerbaarheid tegen statelijke drei-\ngingen te verhogen. Hierover is aan de Tweede Kamer gerapporteerd.5 Er worden maatregelen genomen.\n\n5 Tweede Kamer 2020-2021, 30 821, nr. 125.\n";
        let found = passages(&paragraphs(source));
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0]
            .text
            .starts_with("Ontwikkeling van de weerbaarheid\nSinds het presenteren"));
        assert!(found[0].text.contains("statelijke dreigingen te verhogen. Hierover is aan de Tweede Kamer gerapporteerd. Er worden"));
        assert_eq!(found[0].lines, (1, 4));
        assert_eq!(found[0].notes, [5]);
        assert_eq!(found[1].footnote, Some(5));
        assert_eq!(found[1].text, "5 Tweede Kamer 2020-2021, 30 821, nr. 125.");
        assert_eq!(found[1].lines, (6, 6));
    }

    #[test]
    fn long_paragraphs_are_cut_at_sentence_ends() {
        let sentence = "De economische veiligheid wordt geschaad door spionage van diverse landen, waaronder Rusland en China. ";
        let long = sentence.repeat(40);
        let found = passages(&paragraphs(&long));
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
        let found = passages(&paragraphs(&blob));
        assert_eq!(found.len(), 3);
        assert!(found.iter().all(|p| p.text.chars().count() <= MAX_CHARS));
    }
}
