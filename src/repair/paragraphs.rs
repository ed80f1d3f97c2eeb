//! Paragraphs: lines joined until a blank line, a Markdown heading or a bullet starts a new one.

use std::ops::Range;

/// A paragraph of clean text and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub text: String,
    /// First and last line in the source (1-based, inclusive).
    pub lines: (usize, usize),
    /// Byte range in the source text.
    pub span: Range<usize>,
    /// A Markdown heading (`#`, `##`, ...), kept apart from the text it heads.
    pub heading: bool,
}

/// Splits `text` into paragraphs.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut current: Option<Paragraph> = None;
    let mut offset = 0;
    for (index, raw) in text.split_inclusive('\n').enumerate() {
        let number = index + 1;
        let start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            out.extend(current.take());
            continue;
        }
        let content_start = start + (line.len() - line.trim_start().len());
        let content = content_start..content_start + trimmed.len();
        let heading = trimmed.starts_with('#');
        if heading || is_bullet(trimmed) {
            out.extend(current.take());
        }
        let text = if heading {
            trimmed.trim_start_matches('#').trim().to_string()
        } else {
            trimmed.to_string()
        };
        match &mut current {
            Some(paragraph) => {
                paragraph.text.push(' ');
                paragraph.text.push_str(&text);
                paragraph.lines.1 = number;
                paragraph.span.end = content.end;
            }
            None => {
                current = Some(Paragraph {
                    text,
                    lines: (number, number),
                    span: content,
                    heading,
                })
            }
        }
        if heading {
            out.extend(current.take());
        }
    }
    out.extend(current);
    out.retain(|p| !p.text.is_empty());
    out
}

fn is_bullet(line: &str) -> bool {
    let mut chars = line.chars();
    matches!(
        (chars.next(), chars.next()),
        (
            Some('•' | '●' | '▪' | '◦' | '-' | '*' | '–'),
            Some(' ' | '\t')
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_lines_of_the_seed_into_paragraphs() {
        let text = " Nederland is een open, diverse en internationaal georiënteerde \nsamenleving. Als open economie \n \nOnze openheid brengt ons veel.\n";
        let found = paragraphs(text);
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[0].text,
            "Nederland is een open, diverse en internationaal georiënteerde samenleving. Als open economie"
        );
        assert_eq!(found[0].lines, (1, 2));
        assert_eq!(&text[found[0].span.clone()][..9], "Nederland");
        assert_eq!(found[1].lines, (4, 4));
        assert_eq!(
            &text[found[1].span.clone()],
            "Onze openheid brengt ons veel."
        );
    }

    #[test]
    fn headings_and_bullets_start_paragraphs() {
        let text = "##Wet van 12 juli 1821\nWIJ WILLEM, bij de gratie Gods\n• maatregelen tegen ’s Rijks belastingen\n• tweede punt\n";
        let found: Vec<(String, bool)> = paragraphs(text)
            .into_iter()
            .map(|p| (p.text, p.heading))
            .collect();
        assert_eq!(
            found,
            [
                ("Wet van 12 juli 1821".to_string(), true),
                ("WIJ WILLEM, bij de gratie Gods".to_string(), false),
                (
                    "• maatregelen tegen ’s Rijks belastingen".to_string(),
                    false
                ),
                ("• tweede punt".to_string(), false),
            ]
        );
    }

    #[test]
    fn handles_crlf_line_ends() {
        let found = paragraphs("Eerste regel\r\ntweede regel\r\n\r\nDerde");
        assert_eq!(found[0].text, "Eerste regel tweede regel");
        assert_eq!(found[1].text, "Derde");
        assert_eq!(found[1].lines, (4, 4));
    }
}
