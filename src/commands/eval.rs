//! `whosaid eval`.

use crate::cli::{EvalArgs, Outcome};

/// Runs `whosaid eval`.
///
/// # Errors
/// When an input cannot be read.
pub fn run(args: EvalArgs) -> anyhow::Result<Outcome> {
    let _ = args;
    anyhow::bail!("'eval' is not implemented yet")
}
