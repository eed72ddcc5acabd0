//! `whosaid reextract`: brings stored claims up to the current extractor.

use std::io::IsTerminal;
use std::path::Path;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::{Outcome, ReextractArgs};
use crate::extract;
use crate::pipeline;
use crate::store::Store;

/// Runs `whosaid reextract`.
///
/// # Errors
/// When the database cannot be opened or written.
pub fn run(db: &Path, args: ReextractArgs) -> anyhow::Result<Outcome> {
    let store = Store::open(db)?;
    let jobs = std::thread::available_parallelism().map_or(1, usize::from);
    let bar = if args.quiet || !std::io::stderr().is_terminal() {
        ProgressBar::hidden()
    } else {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        if let Ok(style) =
            ProgressStyle::with_template("{bar:40} {pos}/{len} articles  {per_sec}  eta {eta}")
        {
            bar.set_style(style);
        }
        bar
    };
    let summary = pipeline::reextract(
        &store,
        extract::EXTRACTOR_VERSION,
        args.all,
        jobs,
        extract::extract,
        |done, total| {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        },
    )
    .with_context(|| format!("re-extraction in {} stopped", db.display()))?;
    bar.finish_and_clear();
    if !args.quiet {
        eprintln!(
            "re-extracted {} articles with extractor version {}; {} claims stored",
            summary.articles,
            extract::EXTRACTOR_VERSION,
            summary.claims
        );
    }
    Ok(Outcome::Success)
}
