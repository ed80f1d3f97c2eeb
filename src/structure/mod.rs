//! Structure: from paragraphs to passages, the units that are indexed, counted and shown.
//!
//! Owns how a document is cut into passages (paragraph-sized, never longer than [`MAX_CHARS`]) and
//! where each one sits in the document. Knows nothing of analysis or the index.

mod passages;

pub use passages::{passages, Passage, MAX_CHARS};
