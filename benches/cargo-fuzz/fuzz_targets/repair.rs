//! Repair, structure and signal matching on arbitrary text: no panic, offsets on character
//! boundaries inside the text, no passage over the limit.
#![no_main]

use horizon::repair;
use horizon::structure::{self, Layout, MAX_CHARS};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let paragraphs = repair::paragraphs(&text);
    for paragraph in &paragraphs {
        for (i, _) in paragraph.text().char_indices() {
            assert!(paragraph.mapped.source_offset(i) <= text.len());
        }
    }
    let layout = Layout::new(
        Vec::new(),
        vec!["Inleiding".into()],
        vec!["NVS 2019".into()],
    );
    for passage in structure::structure(&paragraphs, &layout, "NVS midterm review 2021") {
        assert!(passage.text.chars().count() <= MAX_CHARS);
        assert!(passage.text.is_char_boundary(passage.heading_len));
    }
});
