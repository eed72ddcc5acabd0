//! whosaid: who said what in the news, and how it was sourced.
//!
//! The pipeline is `ingest` (files to [`model::Article`]) → `extract` (pure: article to
//! claims) → `store` (SQLite) → `report` (rows to tables and serialized output). The
//! command layer in `cli` and `commands` is the only code that prints.

pub mod cli;
pub mod commands;
pub mod eval;
pub mod extract;
pub mod ingest;
pub mod lexicon;
pub mod model;
pub mod pipeline;
pub mod reliability;
pub mod report;
pub mod store;
