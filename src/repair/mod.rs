//! PDF-text repair: from the raw text of a document to clean paragraphs that remember where they came
//! from in the source file.
//!
//! One rule per file: [`furniture`] (running headers, page numbers), [`running`] (headers, footers
//! and page numbers repeated across the pages of a paged text), [`contents`] (table-of-contents lines), [`hyphenation`] (join or keep a
//! hyphen at a line end), [`characters`] (soft hyphens, typographic quotes), [`footnotes`] (markers
//! and notes), [`mapped`] (clean text with offsets into the source); [`paragraphs`] applies them while
//! joining lines. This stage knows nothing of themes, passages or analysis.

mod characters;
mod contents;
mod footnotes;
mod furniture;
mod hyphenation;
mod mapped;
mod paragraphs;
mod running;

pub use mapped::Mapped;
pub use paragraphs::{paragraphs, strip_section_number, Kind, Paragraph};
