//! Elliptical compounds: "links- en rechtsextremisme" says linksextremisme, "netwerk- en
//! informatiesystemen" says netwerksystemen. The first half is completed with the head of the
//! compound after "en"/"of"/"tot", so a search for the full word finds it.

use super::compounds;
use crate::lang::fold;

/// Words that join the halves of an elliptical compound.
pub const JOINERS: [&str; 4] = ["en", "of", "tot", "noch"];

/// The full word that `words[i]` stands for when it is the first half of an elliptical compound,
/// lower-cased and folded: "Risico- en Crisisbeheersing" -> "risicobeheersing".
pub fn expansion(text: &str, words: &[(usize, &str)], i: usize) -> Option<String> {
    let (offset, word) = words[i];
    let after = &text[offset + word.len()..];
    let rest = after.strip_prefix('-')?;
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let (_, joiner) = words.get(i + 1)?;
    if !JOINERS.contains(&joiner.to_lowercase().as_str()) {
        return None;
    }
    let (_, second) = words.get(i + 2)?;
    let second = fold(&second.to_lowercase()).into_owned();
    let head = compounds::head(&second)?;
    let first = fold(&word.to_lowercase()).into_owned();
    if !first.chars().all(char::is_alphabetic) || second.len() <= head.len() {
        return None;
    }
    Some(format!("{first}{head}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::words;

    fn expand(text: &str) -> Option<String> {
        let found: Vec<(usize, &str)> = words(text).collect();
        expansion(text, &found, 0)
    }

    #[test]
    fn completes_the_first_half_from_the_seed() {
        assert_eq!(
            expand("links- en rechtsextremisme").as_deref(),
            Some("linksextremisme")
        );
        assert_eq!(
            expand("netwerk- en informatiesystemen").as_deref(),
            Some("netwerksystemen")
        );
        assert_eq!(
            expand("Risico- en Crisisbeheersing").as_deref(),
            Some("risicobeheersing")
        );
        assert_eq!(
            expand("kennis- en technologieoverdracht").as_deref(),
            Some("kennisoverdracht")
        );
        assert_eq!(
            expand("onder- en bovenwereld").as_deref(),
            Some("onderwereld")
        );
        assert_eq!(
            expand("des- en misinformatie").as_deref(),
            Some("desinformatie")
        );
        assert_eq!(
            expand("voor- en tegenstanders").as_deref(),
            Some("voorstanders")
        );
    }

    #[test]
    fn leaves_other_hyphens_alone() {
        assert_eq!(expand("EU-grondgebied en rechtsextremisme"), None);
        assert_eq!(expand("links - en rechtsextremisme"), None);
        assert_eq!(expand("Covid-19 en extremisme"), None);
    }
}
