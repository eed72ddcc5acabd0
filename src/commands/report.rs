//! `whosaid report`.

use std::path::Path;

use crate::cli::{Outcome, ReportArgs};

/// Runs `whosaid report`.
///
/// # Errors
/// When the database cannot be opened or queried.
pub fn run(db: &Path, args: ReportArgs) -> anyhow::Result<Outcome> {
    let _ = (db, args);
    anyhow::bail!("'report' is not implemented yet")
}
