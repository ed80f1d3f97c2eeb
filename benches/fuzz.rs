//! A bounded fuzzer for the parts that read what users feed horizon: the repair stage (with
//! structure and signal matching after it), the Dutch analyzer, the manifest and lexicon readers, the
//! query parser and the PDF reader. Each target gets mutated real inputs (lines of the seed, a
//! manifest, a lexicon, queries, the committed PDF fixtures) for a fixed time; any panic counts as a
//! crash and its input is printed. For the PDF reader, a panic inside pdf_oxide or a file over 5
//! seconds is caught by horizon and becomes that file's one-line error: those are counted apart
//! (pdf_oxide's own bugs, handled), and the first such input is kept.
//!
//!     cargo bench --bench fuzz              # 10 seconds a target
//!     HORIZON_FUZZ_SECONDS=60 cargo bench --bench fuzz
//!
//! Besides not panicking, each target checks what must hold: offsets inside the text and on
//! character boundaries, passages no longer than the limit.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use horizon::analysis::{DutchAnalyzer, Stopwords};
use horizon::corpus::manifest::Manifest;
use horizon::corpus::pdf::{self, PdfError};
use horizon::index::parse_query;
use horizon::repair;
use horizon::signals::matcher::Matcher;
use horizon::signals::{EntryKind, Lexicon};
use horizon::structure::{self, Layout, MAX_CHARS};

const SEED: &str = include_str!("../corpus/nvs-midterm-review-2021.txt");
const MANIFEST: &str = include_str!("../corpus/manifest.csv");
const ACTORS: &str = include_str!("../corpus/lexicon/actors.csv");
const QUERIES: [&str; 8] = [
    "cyberaanvallen",
    "\"nationale veiligheid op de korte termijn\"",
    "(Rusland OR China) AND NOT spionage",
    "-Iran geïntegreerde",
    "Covid-19 EN 5G",
    "risico’s OF \"vitale infrastructuur\"",
    "NIET (a OR (b AND c))",
    "linksextremisme",
];
/// PDFs with known text and hostile ones, as committed for the tests.
const PDFS: [&[u8]; 5] = [
    include_bytes!("../tests/fixtures/pdf/typst/two-columns.pdf"),
    include_bytes!("../tests/fixtures/pdf/typst/ligatures.pdf"),
    include_bytes!("../tests/fixtures/pdf/bad/ok.pdf"),
    include_bytes!("../tests/fixtures/pdf/bad/encrypted-empty-password.pdf"),
    include_bytes!("../tests/fixtures/pdf/bad/cyclic.pdf"),
];
/// How long one mutated PDF may take before horizon gives it up.
const PDF_LIMIT: Duration = Duration::from_secs(5);
/// Mutated PDFs whose reading panicked inside pdf_oxide or ran over the limit, both caught.
static CAUGHT: AtomicU64 = AtomicU64::new(0);
/// Characters PDF text and Dutch are made of, for insertions.
const PIECES: [&str; 24] = [
    "-\n", "¬", "\u{ad}", "’", "‘", "“", "”", "ë", "ï", "é", "\u{308}", "1", "12", ".", ",",
    "\n\n", "\n \n", "#", "• ", "|", " en ", "\"", "(", "\u{feff}",
];

/// A fuzz target: takes one input, panics on a failure.
type Target<'a> = Box<dyn FnMut(&[u8]) + 'a>;

/// A small, seedable random number generator (xorshift): runs repeat exactly.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A mutation of `input`: bytes flipped, pieces inserted, cut, doubled or spliced.
fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(5) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] = rng.next() as u8;
            }
            1 => {
                let piece = PIECES[rng.below(PIECES.len())].as_bytes();
                out.splice(at..at, piece.iter().copied());
            }
            2 => out.truncate(at),
            3 => {
                let end = (at + rng.below(200)).min(out.len());
                let copy = out[at..end].to_vec();
                out.splice(at..at, copy);
            }
            _ => {
                let from = rng.below(SEED.len());
                let end = (from + rng.below(300)).min(SEED.len());
                out.splice(at..at, SEED.as_bytes()[from..end].iter().copied());
            }
        }
    }
    out
}

fn main() {
    let seconds: u64 = std::env::var("HORIZON_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let budget = Duration::from_secs(seconds);
    // Panics are counted, not printed one by one.
    std::panic::set_hook(Box::new(|_| {}));
    let lexicon = Lexicon::read(Path::new("corpus/lexicon"));
    let matcher = Matcher::new(&lexicon.signals());
    let layout = Layout::new(
        Vec::new(),
        vec!["Inleiding".into()],
        vec!["NVS 2019".into()],
    );
    let mut analyzer = DutchAnalyzer::new(Stopwords::parse(include_str!("../stopwords/nl.txt")));
    let seed_lines: Vec<&str> = SEED.split("\n\n").collect();

    println!(
        "{:<10} {:>9} {:>8}   (each for {seconds} s)",
        "target", "inputs", "crashes"
    );
    let mut total_crashes = 0;
    let targets: Vec<(&str, Target<'_>)> = vec![
        (
            "repair",
            Box::new(|bytes: &[u8]| {
                let text = String::from_utf8_lossy(bytes);
                let paragraphs = repair::paragraphs(&text);
                for p in &paragraphs {
                    for (i, _) in p.text().char_indices() {
                        assert!(p.mapped.source_offset(i) <= text.len());
                    }
                }
                for passage in structure::structure(&paragraphs, &layout, "NVS midterm review 2021")
                {
                    assert!(passage.text.chars().count() <= MAX_CHARS);
                    assert!(passage.text.is_char_boundary(passage.heading_len));
                    for m in matcher.mentions(&passage.text) {
                        assert!(
                            passage.text.is_char_boundary(m.start)
                                && passage.text.is_char_boundary(m.end)
                        );
                    }
                }
            }),
        ),
        (
            "analyzer",
            Box::new(|bytes: &[u8]| {
                let text = String::from_utf8_lossy(bytes);
                for token in analyzer.terms(&text) {
                    assert!(token.offset_to <= text.len() && token.offset_from <= token.offset_to);
                    assert!(
                        text.is_char_boundary(token.offset_from)
                            && text.is_char_boundary(token.offset_to)
                    );
                }
            }),
        ),
        (
            "manifest",
            Box::new(|bytes: &[u8]| {
                let _ = Manifest::parse(Path::new("manifest.csv"), bytes);
            }),
        ),
        (
            "lexicon",
            Box::new(|bytes: &[u8]| {
                let _ = Lexicon::from_bytes(&[(EntryKind::Actor, "actors.csv", bytes)]);
            }),
        ),
        (
            "query",
            Box::new(|bytes: &[u8]| {
                let _ = parse_query(&String::from_utf8_lossy(bytes));
            }),
        ),
        (
            "pdf",
            Box::new(|bytes: &[u8]| {
                let known = |word: &str| horizon::lang::word_list().count(word) > 0;
                match pdf::read(bytes.to_vec(), PDF_LIMIT, known) {
                    Err(PdfError::Crashed(_) | PdfError::TooSlow(_)) => {
                        if CAUGHT.fetch_add(1, Ordering::Relaxed) == 0 {
                            let path = std::env::temp_dir().join("horizon-fuzz-caught.pdf");
                            let _ = std::fs::write(path, bytes);
                        }
                    }
                    Ok(read) => assert!(read.text.ends_with('\x0c') || read.text.is_empty()),
                    Err(_) => {}
                }
            }),
        ),
    ];
    for (n, (name, mut target)) in targets.into_iter().enumerate() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ n as u64);
        let started = Instant::now();
        let (mut tried, mut crashes) = (0u64, 0u64);
        let mut first_crash: Option<Vec<u8>> = None;
        while started.elapsed() < budget {
            let seed: Vec<u8> = match name {
                "manifest" => MANIFEST.as_bytes().to_vec(),
                "lexicon" => ACTORS.as_bytes().to_vec(),
                "query" => QUERIES[rng.below(QUERIES.len())].as_bytes().to_vec(),
                "pdf" => PDFS[rng.below(PDFS.len())].to_vec(),
                _ => seed_lines[rng.below(seed_lines.len())].as_bytes().to_vec(),
            };
            let input = mutate(&mut rng, &seed);
            tried += 1;
            if catch_unwind(AssertUnwindSafe(|| target(&input))).is_err() {
                crashes += 1;
                first_crash.get_or_insert(input);
            }
        }
        total_crashes += crashes;
        println!("{name:<10} {tried:>9} {crashes:>8}");
        if name == "pdf" {
            println!(
                "  caught (a panic inside pdf_oxide or over {PDF_LIMIT:?}, each one file's error): {}, first kept in {}",
                CAUGHT.load(Ordering::Relaxed),
                std::env::temp_dir().join("horizon-fuzz-caught.pdf").display()
            );
        }
        if let Some(input) = first_crash {
            if name == "pdf" {
                // A PDF is binary: it is kept, not printed.
                let path = std::env::temp_dir().join("horizon-fuzz-crash.pdf");
                let _ = std::fs::write(&path, &input);
                println!("  first crash input: {}", path.display());
            } else {
                println!("  first crash input: {:?}", String::from_utf8_lossy(&input));
            }
        }
    }
    println!("total crashes: {total_crashes}");
}
