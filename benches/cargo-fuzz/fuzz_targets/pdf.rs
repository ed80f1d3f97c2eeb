//! The PDF reader on arbitrary bytes: no panic inside it (horizon turns one into a one-line error,
//! but here it is a crash, to find pdf_oxide's bugs), no file over the time limit, and a text that
//! ends in a form feed.
#![no_main]

use std::time::Duration;

use horizon::corpus::pdf::{self, PdfError};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let known = |word: &str| horizon::lang::word_list().count(word) > 0;
    match pdf::read(bytes.to_vec(), Duration::from_secs(5), known) {
        Err(PdfError::Crashed(why)) => panic!("the PDF reader panicked: {why}"),
        Err(PdfError::TooSlow(_)) => panic!("over 5 s"),
        Ok(read) => assert!(read.text.ends_with('\x0c') || read.text.is_empty()),
        Err(_) => {}
    }
});
