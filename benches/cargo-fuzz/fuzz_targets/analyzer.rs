//! The Dutch analyzer on arbitrary text: no panic, token offsets on character boundaries.
#![no_main]

use horizon::analysis::{DutchAnalyzer, Stopwords};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let mut analyzer = DutchAnalyzer::new(Stopwords::parse("de\nhet\neen\nen\nvan\n"));
    for token in analyzer.terms(&text) {
        assert!(token.offset_from <= token.offset_to && token.offset_to <= text.len());
        assert!(text.is_char_boundary(token.offset_from) && text.is_char_boundary(token.offset_to));
    }
});
