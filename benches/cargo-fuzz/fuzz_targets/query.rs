//! The query parser on arbitrary text: a query or an error saying why, never a panic.
#![no_main]

use horizon::index::parse_query;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = parse_query(&String::from_utf8_lossy(bytes));
});
