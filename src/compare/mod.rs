//! Comparison of editions: which signals (or words) rose, fell, are new or gone between two
//! editions ([`keyness`]), and how rates run across all editions in date order ([`trend`]).
//!
//! Pure arithmetic on counts the commands gather from the index; the raw counts travel beside every
//! statistic so a spreadsheet can redo them.

pub mod emerging;
pub mod keyness;
pub mod trend;

pub use keyness::{keyness, Keyness, Status, Thresholds};
pub use trend::{trend, TrendPoint};
