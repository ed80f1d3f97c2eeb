//! PDF documents as they are published: the text of every page, laid out in reading order with
//! paragraphs, headings and page breaks ([`layout`]), ligatures restored ([`crate::lang::ligatures`]), and the
//! title and creation date from the document's information. pdf_oxide (MIT or Apache-2.0) parses the
//! file and gives positioned glyphs; the layout is horizon's own (docs/PDF.md says why).
//!
//! A PDF that cannot be read gives a [`PdfError`] that says what to do; parsing runs on its own
//! thread with a time limit, and pdf_oxide bounds decompression, so a hostile file stops itself and
//! not the ingest.

mod layout;

use std::sync::mpsc;
use std::time::Duration;

pub use crate::lang::ligatures::Repairs;
pub use layout::Glyph;

/// The name of the thread a PDF is parsed on, so that a panic there can be told apart.
pub const THREAD: &str = "horizon-pdf";

/// How long one PDF may take to parse before it is given up.
pub const TIME_LIMIT: Duration = Duration::from_secs(60);

/// What a PDF holds: its text (a form feed after each page) and its information.
#[derive(Debug, Clone, Default)]
pub struct PdfText {
    pub text: String,
    pub pages: usize,
    /// Pages without a text layer (1-based): scanned images.
    pub image_pages: Vec<usize>,
    /// Pages that could not be read (1-based), and why.
    pub broken_pages: Vec<(usize, String)>,
    pub title: Option<String>,
    /// YYYY-MM-DD from the creation date.
    pub created: Option<String>,
    pub ligatures: Repairs,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    #[error("empty file; replace it with the published PDF")]
    Empty,
    #[error("not a PDF (no %PDF header); give the file its right extension or replace it")]
    NotPdf,
    #[error("encrypted with a password; save an unprotected copy (e.g. qpdf --password=... --decrypt) and ingest that")]
    Password,
    #[error("scanned: none of its {0} pages has a text layer; run OCR first (e.g. ocrmypdf) and ingest the result")]
    Scanned(usize),
    #[error("has no pages; replace it with the published PDF")]
    NoPages,
    #[error(
        "damaged or truncated PDF ({0}); download it again or repair it (e.g. qpdf in.pdf out.pdf)"
    )]
    Damaged(String),
    #[error("a stream of it inflates past the reader's limit of 256 MB (a decompression bomb, or an oversized image); leave it out or ask the publisher for another copy")]
    TooLarge,
    #[error("reading it took longer than {0} s (a damaged or hostile file?); repair it (e.g. qpdf in.pdf out.pdf) or leave it out")]
    TooSlow(u64),
    #[error(
        "the PDF reader failed on it ({0}); repair it (e.g. qpdf in.pdf out.pdf) or leave it out"
    )]
    Crashed(String),
}

/// Reads a PDF's bytes on a thread of its own, giving up after `limit`. `known` tells whether a
/// word (lower case) is Dutch, for restoring lost ligatures.
pub fn read(bytes: Vec<u8>, limit: Duration, known: fn(&str) -> bool) -> Result<PdfText, PdfError> {
    if bytes.is_empty() {
        return Err(PdfError::Empty);
    }
    // The header may follow a little junk (a byte-order mark, an HTTP header saved with it).
    if memchr::memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_none() {
        return Err(PdfError::NotPdf);
    }
    let (send, receive) = mpsc::channel();
    let worker = std::thread::Builder::new()
        .name(THREAD.into())
        .spawn(move || {
            let read = std::panic::catch_unwind(|| parse(bytes, known));
            let _ = send.send(read);
        })
        .map_err(|err| PdfError::Crashed(err.to_string()))?;
    match receive.recv_timeout(limit) {
        Ok(Ok(read)) => {
            let _ = worker.join();
            read
        }
        Ok(Err(panic)) => {
            let why = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("a panic");
            Err(PdfError::Crashed(
                why.lines().next().unwrap_or("").to_string(),
            ))
        }
        // The thread is left to finish on its own; its result goes nowhere.
        Err(_) => Err(PdfError::TooSlow(limit.as_secs())),
    }
}

fn parse(bytes: Vec<u8>, known: fn(&str) -> bool) -> Result<PdfText, PdfError> {
    let damaged = |err: pdf_oxide::Error| PdfError::Damaged(first_line(&err.to_string()));
    let doc = pdf_oxide::PdfDocument::from_bytes(bytes).map_err(damaged)?;
    let pages = match doc.page_count() {
        Ok(0) => return Err(PdfError::NoPages),
        Ok(n) => n,
        Err(_) if doc.is_encrypted() => return Err(PdfError::Password),
        Err(err) => return Err(damaged(err)),
    };
    if doc.is_encrypted() && !doc.authenticate(b"").unwrap_or(false) {
        return Err(PdfError::Password);
    }
    let mut out = PdfText {
        pages,
        title: info(&doc, "Title").filter(|t| is_title(t)),
        created: info(&doc, "CreationDate").and_then(|d| pdf_date(&d)),
        ..PdfText::default()
    };
    let mut layout = layout::Layout::default();
    // Whether the document has drawn a soft hyphen yet (see `misread_hyphens`).
    let mut soft_hyphens = false;
    for page in 0..pages {
        // A4 where the page gives no box.
        let (bottom, top) = doc
            .get_page_media_box(page)
            .map_or((0.0, 842.0), |(_, lly, _, ury)| (lly, ury));
        let height = top - bottom;
        let chars = match doc.extract_chars(page) {
            Ok(chars) => chars,
            Err(err) => {
                if doc.is_encrypted() && !doc.authenticate(b"").unwrap_or(false) {
                    return Err(PdfError::Password);
                }
                out.broken_pages
                    .push((page + 1, first_line(&err.to_string())));
                layout.page(&[]);
                continue;
            }
        };
        soft_hyphens |= chars.iter().any(|c| c.char == '\u{ad}');
        let misread = misread_hyphens(&doc, page, &chars, soft_hyphens);
        let glyphs: Vec<Glyph> = chars
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.char.is_control())
            .map(|(i, c)| Glyph {
                c: if misread.contains(&i) { '-' } else { c.char },
                x: c.bbox.x,
                width: c.bbox.width,
                y: height - (c.origin_y - bottom),
                size: c.font_size,
                bold: c.font_weight.is_bold(),
            })
            .collect();
        if !glyphs.iter().any(|g| g.c.is_alphanumeric()) {
            // No text: a scanned image, unless the page's content could not be decoded at all (a
            // decompression bomb stops at pdf_oxide's limit and draws nothing).
            match doc.get_page_content_data(page) {
                Err(err) => out
                    .broken_pages
                    .push((page + 1, first_line(&err.to_string()))),
                Ok(_) => out.image_pages.push(page + 1),
            }
        }
        layout.page(&glyphs);
    }
    if out.broken_pages.len() == pages {
        let why = out.broken_pages[0].1.clone();
        // pdf_oxide's words for its decompression limit (tests/pdf.rs holds it to them with bomb.pdf).
        return Err(if why.contains("safety limit") {
            PdfError::TooLarge
        } else {
            PdfError::Damaged(why)
        });
    }
    if out.image_pages.len() + out.broken_pages.len() == pages {
        return Err(PdfError::Scanned(pages));
    }
    let (text, repairs) = crate::lang::ligatures::repair(&layout.text(), known);
    out.text = text;
    out.ligatures = repairs;
    Ok(out)
}

/// Glyphs that pdf_oxide's character path reads as 'ï' where the page's text runs have a hyphen:
/// a hyphen whose glyph the font maps to a soft hyphen and the page spells out with /ActualText
/// (Typst writes "EU-grondgebied" so). The runs apply /ActualText; the characters do not (0.3.78).
fn misread_hyphens(
    doc: &pdf_oxide::PdfDocument,
    page: usize,
    chars: &[pdf_oxide::layout::TextChar],
    soft_hyphens: bool,
) -> Vec<usize> {
    // Reading a page a second time as runs is worth it where an 'ï' may be a hyphen: where the
    // document draws soft hyphens (whose glyph its hyphens share), or an 'ï' follows no vowel (Dutch
    // writes geïntegreerde, Oekraïne; the misread gives EUïgrondgebied, Covidï19).
    let doubtful = chars.windows(2).any(|pair| {
        pair[1].char == 'ï'
            && (soft_hyphens || !matches!(pair[0].char, 'a' | 'e' | 'i' | 'o' | 'u' | 'é'))
    });
    if !doubtful {
        return Vec::new();
    }
    let Ok(spans) = doc.extract_spans(page) else {
        return Vec::new();
    };
    let mut misread = Vec::new();
    for span in &spans {
        let inside = |c: &pdf_oxide::layout::TextChar| {
            let x = c.bbox.x + c.bbox.width / 2.0;
            (span.bbox.y - c.bbox.y).abs() < 1.0
                && span.bbox.x <= x
                && x <= span.bbox.x + span.bbox.width
        };
        let mut glyphs: Vec<(usize, &pdf_oxide::layout::TextChar)> = chars
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.char.is_whitespace() && inside(c))
            .collect();
        if !glyphs.iter().any(|(_, c)| c.char == 'ï') {
            continue;
        }
        glyphs.sort_by(|a, b| a.1.bbox.x.total_cmp(&b.1.bbox.x));
        let letters: Vec<char> = span.text.chars().filter(|c| !c.is_whitespace()).collect();
        // Glyph for glyph where the run and the characters agree in number (ligatures may not).
        if letters.len() != glyphs.len() {
            continue;
        }
        misread.extend(
            glyphs
                .iter()
                .zip(&letters)
                .filter(|((_, c), letter)| c.char == 'ï' && **letter == '-')
                .map(|((i, _), _)| *i),
        );
    }
    misread
}

fn first_line(text: &str) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    line.chars().take(160).collect()
}

/// A string of the document's information dictionary (Title, CreationDate), decoded.
fn info(doc: &pdf_oxide::PdfDocument, key: &str) -> Option<String> {
    let info = doc
        .resolve_references(doc.trailer().as_dict()?.get("Info")?, 2)
        .ok()?;
    let value = doc.resolve_references(info.as_dict()?.get(key)?, 1).ok()?;
    let text = decode_pdf_string(value.as_string()?);
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// A PDF text string: UTF-16 with a byte-order mark, or PDFDocEncoding (Latin-1 for letters).
fn decode_pdf_string(bytes: &[u8]) -> String {
    match bytes {
        [0xfe, 0xff, rest @ ..] => {
            let units: Vec<u16> = rest
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        [0xef, 0xbb, 0xbf, rest @ ..] => String::from_utf8_lossy(rest).into_owned(),
        _ => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// A title worth showing: words, not a file name a tool left there ("CBFC28_MN_NL_V2.cdr",
/// "Microsoft Word - nota.docx").
fn is_title(title: &str) -> bool {
    let lower = title.to_lowercase();
    let file_name = [
        ".doc", ".docx", ".cdr", ".indd", ".pdf", ".odt", ".qxp", ".ai",
    ]
    .iter()
    .any(|ext| lower.ends_with(ext));
    !file_name
        && !lower.starts_with("microsoft word")
        && title.split_whitespace().count() >= 2
        && title.chars().filter(|c| c.is_alphabetic()).count() >= 5
}

/// "D:20250604101530+02'00'" -> "2025-06-04".
fn pdf_date(raw: &str) -> Option<String> {
    let digits = raw.trim().strip_prefix("D:").unwrap_or(raw.trim());
    let date = digits.get(..8)?;
    if !date.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let iso = format!("{}-{}-{}", &date[..4], &date[4..6], &date[6..8]);
    crate::corpus::manifest::is_iso_date(&iso).then_some(iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates_and_strings_decode() {
        assert_eq!(
            pdf_date("D:20250604101530+02'00'").as_deref(),
            Some("2025-06-04")
        );
        assert_eq!(pdf_date("D:20211399").as_deref(), None);
        assert_eq!(
            decode_pdf_string(&[0xfe, 0xff, 0x00, 0x42, 0x00, 0xeb]),
            "Bë"
        );
        assert_eq!(
            decode_pdf_string(b"Toegankelijkheidsonderzoek \xe9"),
            "Toegankelijkheidsonderzoek é"
        );
    }

    #[test]
    fn file_names_are_no_titles() {
        assert!(!is_title("CBFC28_MN_NL_V2.cdr"));
        assert!(!is_title("Microsoft Word - NVS midterm review.docx"));
        assert!(is_title("Toegankelijkheidsonderzoek open.minvws.nl"));
    }

    #[test]
    fn a_pdf_over_the_time_limit_is_given_up() {
        let bytes =
            include_bytes!("../../../tests/fixtures/pdf/typst/nvs-seed-layout.pdf").to_vec();
        let never = |_: &str| false;
        assert_eq!(
            read(bytes, Duration::from_nanos(1), never).unwrap_err(),
            PdfError::TooSlow(0)
        );
    }

    #[test]
    fn refuses_what_is_no_pdf() {
        let never = |_: &str| false;
        assert_eq!(
            read(Vec::new(), TIME_LIMIT, never).unwrap_err(),
            PdfError::Empty
        );
        assert_eq!(
            read(
                b"<html>404 Niet gevonden</html>".to_vec(),
                TIME_LIMIT,
                never
            )
            .unwrap_err(),
            PdfError::NotPdf
        );
    }
}
