//! The manifest reader on arbitrary bytes: an error or a manifest, never a panic.
#![no_main]

use std::path::Path;

use horizon::corpus::manifest::Manifest;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = Manifest::parse(Path::new("manifest.csv"), bytes);
});
