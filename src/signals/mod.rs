//! Signals: the lexicon of themes, actors and measures an analyst keeps in spreadsheets, and (with
//! the signals work) the mentions of its entries in passages.
//!
//! The lexicon is read here; the pipeline hands its themes to the structure stage as plain data, so
//! no upstream stage depends on this module.

pub mod candidates;
pub mod lexicon;
pub mod matcher;
pub mod mentions;
pub mod watch;

pub use lexicon::{Entry, EntryKind, Lexicon, LexiconProblem};
