//! Text that remembers where it came from: clean text built from pieces of the source, with a map
//! from every byte of the clean text back to a byte of the source file.

/// Clean text with anchors back into the source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapped {
    text: String,
    /// (clean offset, source offset) where each run starts; within a run bytes map one to one.
    anchors: Vec<(usize, usize)>,
}

impl Mapped {
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Appends `piece`, copied verbatim from the source at byte `source`.
    pub fn push_source(&mut self, piece: &str, source: usize) {
        if piece.is_empty() {
            return;
        }
        let clean = self.text.len();
        let continues = self
            .anchors
            .last()
            .is_some_and(|&(c, s)| s + (clean - c) == source);
        if !continues {
            self.anchors.push((clean, source));
        }
        self.text.push_str(piece);
    }

    /// Appends `piece`, which stands for the source text at byte `source` but is not a copy of it
    /// (a space for a line break, a straight quote for a curly one).
    pub fn push_replacement(&mut self, piece: &str, source: usize) {
        if piece.is_empty() {
            return;
        }
        self.anchors.push((self.text.len(), source));
        self.text.push_str(piece);
        // Whatever follows starts a new run.
        self.anchors.push((self.text.len(), usize::MAX));
    }

    /// Removes a trailing `suffix` (a line-end hyphen being joined away).
    pub fn strip_suffix(&mut self, suffix: &str) -> bool {
        if !self.text.ends_with(suffix) {
            return false;
        }
        self.text.truncate(self.text.len() - suffix.len());
        let len = self.text.len();
        self.anchors.retain(|&(c, _)| c < len || c == 0 && len == 0);
        true
    }

    /// The source byte that clean byte `offset` came from.
    pub fn source_offset(&self, offset: usize) -> usize {
        let index = self.anchors.partition_point(|&(c, _)| c <= offset);
        let Some(&(clean, source)) = index.checked_sub(1).and_then(|i| self.anchors.get(i)) else {
            return 0;
        };
        if source == usize::MAX {
            // A run start whose source is unknown only follows a replacement: map to the one before.
            return self.source_offset(clean.saturating_sub(1));
        }
        source + (offset - clean)
    }

    /// Appends another mapped text, keeping its map.
    pub fn append(&mut self, other: &Mapped) {
        let base = self.text.len();
        self.text.push_str(&other.text);
        self.anchors
            .extend(other.anchors.iter().map(|&(c, s)| (c + base, s)));
    }

    /// Trims trailing white space.
    pub fn trim_end(&mut self) {
        let len = self.text.trim_end().len();
        self.text.truncate(len);
        self.anchors.retain(|&(c, _)| c < len || c == 0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_clean_offsets_back_to_the_source() {
        let source = "Ons internationale engagement is principi-\neel en dus";
        let mut text = Mapped::default();
        text.push_source(&source[..42], 0);
        assert!(text.strip_suffix("-"));
        text.push_source(&source[43..], 43);
        assert_eq!(
            text.text(),
            "Ons internationale engagement is principieel en dus"
        );
        let eel = text.text().find("eel en").unwrap();
        assert_eq!(
            &source[text.source_offset(eel)..text.source_offset(eel) + 3],
            "eel"
        );
        let geag = text.text().find("engagement").unwrap();
        assert_eq!(text.source_offset(geag), source.find("engagement").unwrap());
    }

    #[test]
    fn replacements_map_to_what_they_replace() {
        // "risico’s": the curly apostrophe is three bytes in the source, one in the clean text.
        let source = "de risico’s en";
        let mut text = Mapped::default();
        text.push_source("de risico", 0);
        text.push_replacement("'", 9);
        text.push_source("s en", 12);
        assert_eq!(text.text(), "de risico's en");
        assert_eq!(text.source_offset(9), 9);
        assert_eq!(text.source_offset(10), 12);
        assert_eq!(&source[text.source_offset(12)..], "en");
    }
}
