//! Pages of a document's text: a form feed (U+000C) ends a page, as in the text horizon makes of a
//! PDF and in pdftotext's output. Text without form feeds has no known pages.

use std::ops::Range;

/// Where the pages of one text start, for looking up the page of any byte.
#[derive(Debug, Clone, Default)]
pub struct PageMap {
    /// Byte offsets of the form feeds, in order.
    breaks: Vec<usize>,
}

impl PageMap {
    pub fn new(text: &str) -> PageMap {
        PageMap {
            breaks: memchr::memchr_iter(b'\x0c', text.as_bytes()).collect(),
        }
    }

    /// Whether the text says where its pages are.
    pub fn is_paged(&self) -> bool {
        !self.breaks.is_empty()
    }

    /// How many pages the text has: the last page is the one its last form feed ends, or the text
    /// after it; 0 for text without pages.
    pub fn count(&self, text_len: usize) -> u64 {
        match self.breaks.last() {
            None => 0,
            Some(&last) if last + 1 >= text_len => self.breaks.len() as u64,
            Some(_) => self.breaks.len() as u64 + 1,
        }
    }

    /// The 1-based page of byte `at`; a form feed belongs to the page it ends.
    pub fn page_of(&self, at: usize) -> u64 {
        self.breaks.partition_point(|&b| b < at) as u64 + 1
    }

    /// First and last page of a byte range, or (0, 0) where the text has no pages.
    pub fn pages(&self, span: &Range<usize>) -> (u64, u64) {
        if !self.is_paged() {
            return (0, 0);
        }
        let last = span.end.saturating_sub(1).max(span.start);
        (self.page_of(span.start), self.page_of(last))
    }
}

/// Pages as people write them: `27`, `27-28`; `None` where the source has no pages.
pub fn format_pages(first: u64, last: u64) -> Option<String> {
    match (first, last) {
        (0, _) => None,
        (first, last) if last <= first => Some(first.to_string()),
        (first, last) => Some(format!("{first}-{last}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_feeds_divide_pages() {
        let text = "Onze openheid brengt ons veel.\n\x0cNVS midterm review 2021 | 27\nGeïntegreerde aanpak\n\x0cslot";
        let map = PageMap::new(text);
        assert!(map.is_paged());
        let second = text.find("Geïntegreerde").unwrap();
        assert_eq!(map.page_of(0), 1);
        assert_eq!(map.page_of(second), 2);
        assert_eq!(map.pages(&(0..second + 5)), (1, 2));
        let last = text.find("slot").unwrap();
        assert_eq!(map.pages(&(last..last + 4)), (3, 3));
        // The form feed closes page 1.
        let feed = text.find('\x0c').unwrap();
        assert_eq!(map.page_of(feed), 1);
        assert_eq!(format_pages(27, 28).as_deref(), Some("27-28"));
        assert_eq!(format_pages(27, 27).as_deref(), Some("27"));
        assert_eq!(map.count(text.len()), 3);
        // horizon's text of a PDF ends each page, the last one too, with a form feed.
        let pdf = "Inleiding\n\x0cSlot\n\x0c";
        assert_eq!(PageMap::new(pdf).count(pdf.len()), 2);
    }

    #[test]
    fn text_without_form_feeds_has_no_pages() {
        let map = PageMap::new("Korte samenvatting NVS 2019\nPolarisatie tegengaan");
        assert!(!map.is_paged());
        assert_eq!(map.pages(&(0..10)), (0, 0));
        assert_eq!(format_pages(0, 0), None);
        assert_eq!(map.count(40), 0);
    }
}
