//! PDF-text repair: from the raw text of a document to clean paragraphs that remember their lines.
//!
//! Text extracted from PDFs breaks paragraphs into lines and words across line ends. This stage owns
//! turning lines back into paragraphs; it knows nothing of headings' meaning, passages or analysis.

mod paragraphs;

pub use paragraphs::{paragraphs, Paragraph};
