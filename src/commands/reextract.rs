//! `whosaid reextract`.

use std::path::Path;

use crate::cli::{Outcome, ReextractArgs};

/// Runs `whosaid reextract`.
///
/// # Errors
/// When the database cannot be opened or queried.
pub fn run(db: &Path, args: ReextractArgs) -> anyhow::Result<Outcome> {
    let _ = (db, args);
    anyhow::bail!("'reextract' is not implemented yet")
}
