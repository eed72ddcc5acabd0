//! `whosaid import`.

use std::path::Path;

use crate::cli::{ImportArgs, Outcome};

/// Runs `whosaid import`.
///
/// # Errors
/// When the database cannot be opened or queried.
pub fn run(db: &Path, args: ImportArgs) -> anyhow::Result<Outcome> {
    let _ = (db, args);
    anyhow::bail!("'import' is not implemented yet")
}
