//! `whosaid extract`.

use crate::cli::{ExtractArgs, Outcome};

/// Runs `whosaid extract`.
///
/// # Errors
/// When an input cannot be read.
pub fn run(args: ExtractArgs) -> anyhow::Result<Outcome> {
    let _ = args;
    anyhow::bail!("'extract' is not implemented yet")
}
