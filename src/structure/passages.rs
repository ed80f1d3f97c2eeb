//! Passages: one paragraph each, short fragments such as headings joined to what follows, and long
//! paragraphs cut at sentence ends so that no passage exceeds [`MAX_CHARS`] characters.

use std::ops::Range;

use crate::repair::Paragraph;

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
}

/// Cuts a document's paragraphs into passages, in document order.
pub fn passages(paragraphs: &[Paragraph]) -> Vec<Passage> {
    let mut out: Vec<Passage> = Vec::new();
    let mut pending: Option<Passage> = None;
    for paragraph in paragraphs {
        let passage = match pending.take() {
            Some(mut short) => {
                short.text.push('\n');
                short.text.push_str(&paragraph.text);
                short.lines.1 = paragraph.lines.1;
                short.span.end = paragraph.span.end;
                short
            }
            None => Passage {
                text: paragraph.text.clone(),
                lines: paragraph.lines,
                span: paragraph.span.clone(),
            },
        };
        if passage.text.chars().count() < MIN_CHARS {
            pending = Some(passage);
            continue;
        }
        if passage.text.chars().count() <= MAX_CHARS {
            out.push(passage);
            continue;
        }
        // The pieces share the paragraph's source lines: enough to find them in the file.
        out.extend(split_long(&passage.text).into_iter().map(|piece| Passage {
            text: piece,
            lines: passage.lines,
            span: passage.span.clone(),
        }));
    }
    if let Some(short) = pending {
        // A trailing fragment joins the passage before it when that stays within the limit.
        match out.last_mut() {
            Some(previous)
                if previous.text.chars().count() + short.text.chars().count() < MAX_CHARS =>
            {
                previous.text.push('\n');
                previous.text.push_str(&short.text);
                previous.lines.1 = short.lines.1;
                previous.span.end = short.span.end;
            }
            _ => out.push(short),
        }
    }
    out
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

    fn paragraph(text: &str, line: usize) -> Paragraph {
        Paragraph {
            text: text.to_string(),
            lines: (line, line),
            span: 0..text.len(),
            heading: false,
        }
    }

    #[test]
    fn headings_join_the_paragraph_they_head() {
        let body = "Sinds het presenteren van de aanpak statelijke dreigingen in april 2019 zijn belangrijke stappen gezet om de weerbaarheid tegen statelijke dreigingen te verhogen.";
        let found = passages(&[
            paragraph("Ontwikkeling van de weerbaarheid", 227),
            paragraph(body, 228),
        ]);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].text,
            format!("Ontwikkeling van de weerbaarheid\n{body}")
        );
        assert_eq!(found[0].lines, (227, 228));
    }

    #[test]
    fn long_paragraphs_are_cut_at_sentence_ends() {
        let sentence = "De economische veiligheid wordt geschaad door spionage van diverse landen, waaronder Rusland en China. ";
        let long = sentence.repeat(40);
        let found = passages(&[paragraph(long.trim(), 1)]);
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
        let found = passages(&[paragraph(&blob, 1)]);
        assert_eq!(found.len(), 3);
        assert!(found.iter().all(|p| p.text.chars().count() <= MAX_CHARS));
    }
}
