//! Table-of-contents lines: a title, a dot leader and a page number ("1 Inleiding . . . . . 8",
//! "Bijlage A ......... 42", "Samenvatting … 3"). They repeat the headings with page numbers and would
//! otherwise become passages that match every query about a heading.

/// Whether `line` is a contents entry: text, then a leader of three or more dots (spaced or not, or
/// an ellipsis), then a page number at the end.
pub fn is_contents_line(line: &str) -> bool {
    let line = line.trim_matches(invisible);
    let body = line.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = line.len() - body.len();
    if digits == 0 || digits > 4 {
        return false;
    }
    let body = body.trim_end_matches(invisible);
    let mut dots = 0;
    for c in body.chars().rev() {
        match c {
            '.' | '·' => dots += 1,
            '…' => dots += 3,
            c if c.is_whitespace() => {}
            _ => break,
        }
    }
    dots >= 3 && body.chars().any(char::is_alphabetic)
}

/// Space, and what typesetters put between a leader and its number that shows nothing: a word
/// joiner (U+2060, Typst), or a glyph without text (U+FFFD, where the font maps the joiner to none).
fn invisible(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{2060}' | '\u{200b}' | '\u{fffd}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaders_and_page_numbers_make_a_contents_line() {
        assert!(is_contents_line(
            "1 Inleiding . . . . . . . . . . . . . \u{2060}8"
        ));
        assert!(is_contents_line(
            "2.3 Statelijke dreigingen tegengaan ............ 27"
        ));
        assert!(is_contents_line("Samenvatting en aanbevelingen … 3"));
        // single-column-indent.pdf: the joiner before the number has no text in its font.
        assert!(is_contents_line(
            "2.1 Dreigingen en kwetsbaarheden . . . . . . .\u{fffd} 8"
        ));
        assert!(is_contents_line(
            "Bijlage B: bevindingen per succescriterium....................42"
        ));
    }

    #[test]
    fn sentences_and_amounts_are_not() {
        assert!(!is_contents_line("De dreiging nam toe... in 2020"));
        assert!(!is_contents_line("Het kabinet trekt € 178,2 miljard uit."));
        assert!(!is_contents_line("Zie artikel 5.1.2"));
        assert!(!is_contents_line(". . . 12"));
    }
}
