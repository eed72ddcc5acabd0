//! `whosaid claims`.

use std::path::Path;

use crate::cli::{ClaimsArgs, Outcome};

/// Runs `whosaid claims`.
///
/// # Errors
/// When the database cannot be opened or queried.
pub fn run(db: &Path, args: ClaimsArgs) -> anyhow::Result<Outcome> {
    let _ = (db, args);
    anyhow::bail!("'claims' is not implemented yet")
}
