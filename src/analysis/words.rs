//! Words: runs of letters and digits, kept whole across an apostrophe between letters ("risico’s")
//! and a point or comma between digits ("178,2", "1.500"); split at hyphens ("Covid-19") and
//! everything else. These are the word boundaries of UAX #29 for Dutch text, without its tables:
//! every word of every passage passes through here twice (analysis and counting), so it is kept to
//! a byte scan with a fast path for ASCII.

use crate::scan::{alphanumeric, ascii_run, bytes_in, digits, letters, HIGH};

/// The words of `text` with their byte offsets.
pub fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

/// How many words `text` has: the unit of every token count and rate. The same count as
/// [`words`] gives, from one pass that counts where words start (a letter or digit after anything
/// else, unless an apostrophe or point joins it to the word before) without finding where each
/// ends: every passage is counted besides being analysed, and counting ASCII eight bytes at a time
/// is four times as fast as finding the words.
pub fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    // The classes of the two characters before the one at `at`.
    let (mut before, mut previous) = (0u8, 0u8);
    let mut at = 0;
    while at < bytes.len() {
        if let Some(chunk) = bytes.get(at..at + 8) {
            let chunk = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            if chunk & HIGH == 0 {
                count += ascii_word_starts(chunk, before, previous);
                (before, previous) = (
                    ASCII_CLASSES[usize::from(bytes[at + 6])],
                    ASCII_CLASSES[usize::from(bytes[at + 7])],
                );
                at += 8;
                continue;
            }
        }
        let (class, len) = match bytes[at] {
            byte if byte.is_ascii() => (ASCII_CLASSES[usize::from(byte)], 1),
            _ => {
                let c = text[at..].chars().next().expect("at a character boundary");
                (class_of(c), c.len_utf8())
            }
        };
        // What a separator needs on both sides to join them: letters for an apostrophe, digits
        // for a point.
        let joined = before & class & (previous >> 2) & (LETTER | DIGIT) != 0;
        count += usize::from(class & !previous & WORD != 0 && !joined);
        (before, previous) = (previous, class);
        at += len;
    }
    count
}

/// Words starting in eight ASCII bytes, little-endian in `chunk`, after characters of classes
/// `before` and `previous`: the counting loop's rule applied to all eight bytes at once.
fn ascii_word_starts(chunk: u64, before: u8, previous: u8) -> usize {
    let digit = digits(chunk);
    let letter = letters(chunk);
    let apostrophe = bytes_in(chunk, b'\'', b'\'');
    let point = bytes_in(chunk, b',', b',') | bytes_in(chunk, b'.', b'.');
    let word = digit | letter;
    // Each byte's mask moved onto the byte after it, or two after it, with the characters
    // before the chunk carried in.
    let carried = |class: u8, bit: u8, shift: u32| if class & bit != 0 { 0x80 << shift } else { 0 };
    let one_back = |mask: u64, bit: u8| mask << 8 | carried(previous, bit, 0);
    let two_back =
        |mask: u64, bit: u8| mask << 16 | carried(before, bit, 0) | carried(previous, bit, 8);
    let starts = word & !one_back(word, WORD);
    let joined = (one_back(apostrophe, APOSTROPHE) & two_back(letter, LETTER) & letter)
        | (one_back(point, POINT) & two_back(digit, DIGIT) & digit);
    (starts & !joined).count_ones() as usize
}

/// Character classes for counting, as bits: part of a word; alphabetic; an ASCII digit; an
/// apostrophe, which joins letters ("risico’s"); a point or comma, which joins digits ("1.500").
/// A separator's bit shifted right by two is the bit it needs on both sides.
const WORD: u8 = 1;
const LETTER: u8 = 2;
const DIGIT: u8 = 4;
const APOSTROPHE: u8 = LETTER << 2;
const POINT: u8 = DIGIT << 2;

fn class_of(c: char) -> u8 {
    match c {
        '0'..='9' => WORD | DIGIT,
        '\'' | '’' => APOSTROPHE,
        '.' | ',' => POINT,
        c if c.is_alphabetic() => WORD | LETTER,
        c if c.is_alphanumeric() => WORD,
        _ => 0,
    }
}

/// [`class_of`] every ASCII character, looked up rather than matched in the counting loop.
const ASCII_CLASSES: [u8; 128] = {
    let mut classes = [0; 128];
    let mut byte = 0;
    while byte < 128 {
        classes[byte] = match byte as u8 {
            b'0'..=b'9' => WORD | DIGIT,
            b'a'..=b'z' | b'A'..=b'Z' => WORD | LETTER,
            b'\'' => APOSTROPHE,
            b'.' | b',' => POINT,
            _ => 0,
        };
        byte += 1;
    }
    classes
};

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
            // Letters and digits in ASCII, the bulk of every word, eight bytes at a time.
            let run = ascii_run(&bytes[end..], |chunk| !alphanumeric(chunk));
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
    use proptest::prelude::*;

    proptest! {
        /// The counter agrees with the words found, on text made of the characters that decide
        /// boundaries: letters with and without diacritics, digits, both apostrophes, points,
        /// commas, hyphens, spaces and non-Latin numerals.
        #[test]
        fn counting_agrees_with_finding(text in "[aZë9’'.,\\- ²½—e0]{0,40}") {
            prop_assert_eq!(count_words(&text), words(&text).count());
        }

        /// Long ASCII runs, counted eight bytes at a time, with the bytes just outside the
        /// ranges of letters and digits.
        #[test]
        fn counting_ascii_agrees_with_finding(text in "[aAzZ09'.,/:@\\[`{ \\-]{0,80}") {
            prop_assert_eq!(count_words(&text), words(&text).count());
        }
    }

    #[test]
    fn counts_the_words_of_real_lines_as_it_finds_them() {
        for line in include_str!("../../corpus/nvs-midterm-review-2021.txt").lines() {
            assert_eq!(count_words(line), words(line).count(), "{line}");
        }
        assert_eq!(
            count_words("risico’s, 178,2 miljard; 1.500 mensen: Covid-19."),
            7
        );
    }

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
