//! The lexicon reader on arbitrary bytes: rows read or reported, never a panic.
#![no_main]

use horizon::signals::{EntryKind, Lexicon};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = Lexicon::from_bytes(&[(EntryKind::Actor, "actors.csv", bytes)]);
});
