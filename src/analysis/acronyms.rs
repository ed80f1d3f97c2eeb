//! Dotted acronyms: "N.S.B.", "S.D.A.P.", "I.C.A.O.", "P.v.d.A." are one word, NSB, SDAP, ICAO,
//! PvdA, though their letters are words of their own to the word boundaries. The analyzer takes such
//! a run as one word at one position, so "N.S.B." in a text and "NSB" in a query (or the other way
//! round) make the same term, and a phrase around the acronym lines up either way.

/// The index of the last of the single letters that make a dotted acronym starting at `words[i]`,
/// or `None` when no acronym starts there. Each letter is followed by a point, the next letter
/// right after it (no space: "J. P. Balkenende" is initials); the last point may be missing at the
/// end of a text ("I.C.A.O").
pub fn run(text: &str, words: &[(usize, &str)], i: usize) -> Option<usize> {
    let single = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
    };
    if !single(words[i].1) {
        return None;
    }
    let mut last = i;
    while let Some(&(next_offset, next)) = words.get(last + 1) {
        let (offset, word) = words[last];
        let point = offset + word.len();
        if !(text[point..].starts_with('.') && next_offset == point + 1 && single(next)) {
            break;
        }
        last += 1;
    }
    // Two letters at least; "e.g" without its final point is an abbreviation cut off, not taken.
    let (offset, word) = words[last];
    let closed = text[offset + word.len()..].starts_with('.');
    (last > i && (closed || last > i + 1)).then_some(last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::words;

    fn acronym(text: &str) -> Option<&str> {
        let found: Vec<(usize, &str)> = words(text).collect();
        (0..found.len()).find_map(|i| {
            let last = run(text, &found, i)?;
            let (offset, word) = found[last];
            Some(&text[found[i].0..offset + word.len()])
        })
    }

    #[test]
    fn dotted_acronyms_of_the_papers() {
        // Kamerstukken 1945-1995: "de leden van de fractie van de P.v.d.A. merkten op",
        // "de vroegere N.S.B.'ers", "de I.C.A.O.-conventie".
        assert_eq!(
            acronym("de leden van de fractie van de P.v.d.A. merkten op"),
            Some("P.v.d.A")
        );
        assert_eq!(acronym("de vroegere N.S.B.’ers"), Some("N.S.B"));
        assert_eq!(acronym("de I.C.A.O.-conventie"), Some("I.C.A.O"));
        assert_eq!(acronym("t.a.v. de regeling"), Some("t.a.v"));
        assert_eq!(acronym("lid van de S.D.A.P"), Some("S.D.A.P"));
    }

    #[test]
    fn initials_sentences_and_words_are_no_acronyms() {
        assert_eq!(acronym("minister J. P. Balkenende"), None);
        assert_eq!(acronym("de NSB en de SDAP"), None);
        assert_eq!(acronym("vitamine A. U kunt"), None);
        assert_eq!(acronym("artikel 2.3.a"), None);
        assert_eq!(acronym("zie bijlage B."), None);
    }
}
