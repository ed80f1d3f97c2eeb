//! horizon: horizon scanning in Dutch national-security policy.
//!
//! One pipeline, one direction: [`corpus`] (files, manifest, decoding) -> [`repair`] (PDF-text
//! repair into paragraphs) -> [`structure`] (passages and their place in the document) ->
//! [`analysis`] (the Dutch analyzer) -> [`index`] (tantivy schema, writer, reader, search) and
//! [`signals`] (lexicon, mentions, counts) -> [`compare`] (keyness and trends) -> [`export`] (one
//! writer path for every table) and [`report`] (the HTML page). [`pipeline`] runs the stages from a
//! corpus folder to an index; [`lang`] holds the Dutch word list and folding, and [`scan`] the byte
//! scans, that several stages share. [`cli`] turns the command line into a validated
//! [`cli::Config`]; [`cmd`] runs each subcommand.

pub mod analysis;
pub mod cli;
pub mod cmd;
pub mod compare;
pub mod corpus;
pub mod export;
pub mod index;
pub mod lang;
pub mod pipeline;
pub mod repair;
pub mod report;
pub mod scan;
pub mod serve;
pub mod signals;
pub mod structure;
