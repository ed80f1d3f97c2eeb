//! PDF-text repair: from the raw text of a document to clean paragraphs that remember where they came
//! from in the source file.
//!
//! One rule per file: [`furniture`] (running headers, page numbers), [`running`] (headers, footers
//! and page numbers repeated across the pages of a paged text), [`contents`] (table-of-contents lines), [`hyphenation`] (join or keep a
//! hyphen at a line end), [`inline_hyphens`] (a hyphen inside a line that was a line end before OCR
//! lost it), [`characters`] (soft hyphens, typographic quotes), [`footnotes`] (markers
//! and notes), [`mapped`] (clean text with offsets into the source); [`paragraphs`] applies them while
//! joining lines, and restores lost ligature letters ([`crate::lang::ligatures`]) on the way. This stage knows nothing of themes, passages or analysis.

mod characters;
mod contents;
mod footnotes;
mod furniture;
mod hyphenation;
mod inline_hyphens;
mod mapped;
mod paragraphs;
mod running;

pub use mapped::Mapped;
pub use paragraphs::{paragraphs, strip_section_number, Kind, Paragraph};
