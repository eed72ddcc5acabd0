//! `whosaid show`.

use std::path::Path;

use crate::cli::{Outcome, ShowArgs};

/// Runs `whosaid show`.
///
/// # Errors
/// When the database cannot be opened or queried.
pub fn run(db: &Path, args: ShowArgs) -> anyhow::Result<Outcome> {
    let _ = (db, args);
    anyhow::bail!("'show' is not implemented yet")
}
