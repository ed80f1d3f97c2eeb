//! Character repairs inside a line: soft hyphens left by PDF extraction are dropped, typographic
//! quotes and apostrophes become straight ones.

/// True for a hyphen the typesetter may break at but that is not part of the word: U+00AD, and the
/// "¬" some extractors leave for it ("non-pro¬life-").
pub fn is_soft_hyphen(c: char, before: Option<char>, after: Option<char>) -> bool {
    match c {
        '\u{ad}' => true,
        '¬' => {
            before.is_some_and(char::is_alphabetic)
                && after.is_none_or(|a| a.is_alphabetic() || a == '-')
        }
        _ => false,
    }
}

/// The straight form of a typographic quote or apostrophe, if `c` is one.
pub fn straight_quote(c: char) -> Option<&'static str> {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => {
            Some("'")
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => Some("\""),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soft_hyphens_inside_words() {
        // "non-pro¬life-" (line 1596 of the seed)
        assert!(is_soft_hyphen('¬', Some('o'), Some('l')));
        assert!(is_soft_hyphen('\u{ad}', Some('a'), Some('b')));
        assert!(
            !is_soft_hyphen('¬', Some(' '), Some('x')),
            "a logical 'not' sign stays"
        );
        assert!(!is_soft_hyphen('-', Some('a'), Some('b')));
    }

    #[test]
    fn typographic_quotes_become_straight() {
        assert_eq!(straight_quote('’'), Some("'"));
        assert_eq!(straight_quote('‘'), Some("'"));
        assert_eq!(straight_quote('“'), Some("\""));
        assert_eq!(straight_quote('”'), Some("\""));
        assert_eq!(straight_quote('ë'), None);
    }
}
