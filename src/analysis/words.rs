//! Words: runs of letters and digits, kept whole across an apostrophe between letters ("risico’s")
//! and a point or comma between digits ("178,2", "1.500"); split at hyphens ("Covid-19") and
//! everything else. These are the word boundaries of UAX #29 for Dutch text, without its tables:
//! every word of every passage passes through here twice (analysis and counting), so it is kept to
//! a byte scan with a fast path for ASCII.

/// The words of `text` with their byte offsets.
pub fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

/// How many words `text` has: the unit of every token count and rate.
pub fn count_words(text: &str) -> usize {
    words(text).count()
}

/// Iterator over the words of a text.
pub struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let text = self.text;
        let bytes = text.as_bytes();
        // Skip to the start of a word.
        let start = loop {
            let byte = *bytes.get(self.at)?;
            if byte < 0x80 {
                if byte.is_ascii_alphanumeric() {
                    break self.at;
                }
                self.at += 1;
                continue;
            }
            let (c, len) = char_at(text, self.at)?;
            if c.is_alphanumeric() {
                break self.at;
            }
            self.at += len;
        };
        let mut end = start;
        let mut previous = ' ';
        loop {
            // Letters and digits in ASCII, the bulk of every word, a byte at a time.
            let run = bytes[end..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            if run > 0 {
                end += run;
                previous = bytes[end - 1] as char;
            }
            let Some((c, len)) = char_at(text, end) else {
                break;
            };
            if c.is_alphanumeric() {
                previous = c;
                end += len;
                continue;
            }
            let joins = match c {
                '\'' | '’' => previous.is_alphabetic(),
                '.' | ',' => previous.is_ascii_digit(),
                _ => false,
            };
            let continues = joins
                && char_at(text, end + len).is_some_and(|(n, _)| {
                    if c == '.' || c == ',' {
                        n.is_ascii_digit()
                    } else {
                        n.is_alphabetic()
                    }
                });
            if !continues {
                break;
            }
            end += len;
        }
        self.at = end;
        Some((start, &text[start..end]))
    }
}

/// The character at byte `at` and its length, with a fast path for ASCII.
fn char_at(text: &str, at: usize) -> Option<(char, usize)> {
    let byte = *text.as_bytes().get(at)?;
    if byte < 0x80 {
        return Some((byte as char, 1));
    }
    let c = text[at..].chars().next()?;
    Some((c, c.len_utf8()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_a_seed_line_at_word_boundaries() {
        let line = "belangen, dreigingen/risico’s en weerbaarheid (GRA 2019).";
        let found: Vec<(usize, &str)> = words(line).collect();
        assert_eq!(
            found,
            [
                (0, "belangen"),
                (10, "dreigingen"),
                (21, "risico’s"),
                (32, "en"),
                (35, "weerbaarheid"),
                (49, "GRA"),
                (53, "2019"),
            ]
        );
        assert_eq!(count_words(line), 7);
    }

    #[test]
    fn numbers_alphanumerics_and_hyphens_like_uax29() {
        fn words_of(t: &str) -> Vec<&str> {
            words(t).map(|(_, w)| w).collect()
        }
        assert_eq!(
            words_of("178,2 miljard; 1.500 mensen."),
            ["178,2", "miljard", "1.500", "mensen"]
        );
        assert_eq!(
            words_of("Covid-19, 5G en 112"),
            ["Covid", "19", "5G", "en", "112"]
        );
        assert_eq!(
            words_of("’s-Gravenhage en thema's."),
            ["s", "Gravenhage", "en", "thema's"]
        );
        assert_eq!(words_of("geïntegreerde één"), ["geïntegreerde", "één"]);
        assert_eq!(words_of("eind 2020. Daarna"), ["eind", "2020", "Daarna"]);
        assert!(words_of(" — ").is_empty());
    }

    #[test]
    fn agrees_with_uax29_on_the_seed() {
        use unicode_segmentation::UnicodeSegmentation;
        let seed = include_str!("../../corpus/nvs-midterm-review-2021.txt");
        let ours: Vec<&str> = words(seed).map(|(_, w)| w).collect();
        let uax: Vec<&str> = seed
            .split_word_bounds()
            .filter(|s| s.chars().any(char::is_alphanumeric))
            .collect();
        let mut tally: std::collections::HashMap<&str, i64> = std::collections::HashMap::new();
        for w in &ours {
            *tally.entry(w).or_default() += 1;
        }
        for w in &uax {
            *tally.entry(w).or_default() -= 1;
        }
        let differ: i64 = tally.values().map(|n| n.abs()).sum();
        // UAX #29 also joins letters across '.' ("o.a"): a handful of words in 14,000.
        assert!(
            ours.len().abs_diff(uax.len()) < 20,
            "{} vs {}",
            ours.len(),
            uax.len()
        );
        assert!(
            differ < 40,
            "{differ} words differ: {:?}",
            tally.iter().filter(|(_, n)| **n != 0).collect::<Vec<_>>()
        );
    }
}
