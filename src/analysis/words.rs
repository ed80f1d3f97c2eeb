//! Words: Unicode word boundaries (UAX #29), keeping the segments that hold a letter or a digit.
//!
//! UAX #29 already keeps "risico’s", "178,2" and "5G" whole and splits "Covid-19" at the hyphen.

use unicode_segmentation::UnicodeSegmentation;

/// The words of `text` with their byte offsets.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_word_bound_indices()
        .filter(|(_, segment)| segment.chars().any(char::is_alphanumeric))
}

/// How many words `text` has: the unit of every token count and rate.
pub fn count_words(text: &str) -> usize {
    words(text).count()
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
}
