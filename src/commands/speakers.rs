//! `whosaid speakers` and `whosaid speaker NAME`.

use std::path::Path;

use crate::cli::{Outcome, SpeakerArgs, SpeakersArgs};

/// Runs `whosaid speakers`.
///
/// # Errors
/// When the database cannot be opened or queried.
pub fn run(db: &Path, args: SpeakersArgs) -> anyhow::Result<Outcome> {
    let _ = (db, args);
    anyhow::bail!("'speakers' is not implemented yet")
}

/// Runs `whosaid speaker NAME`.
///
/// # Errors
/// When the database cannot be opened or queried.
pub fn run_one(db: &Path, args: SpeakerArgs) -> anyhow::Result<Outcome> {
    let _ = (db, args);
    anyhow::bail!("'speaker' is not implemented yet")
}
