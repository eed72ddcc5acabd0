//! `whosaid report`, and what the reading commands share: opening the database, scoring
//! claims, the table width and the output format.

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::Context;

use crate::cli::{Format, Outcome, ReportArgs};
use crate::report::claims::ScoredClaim;
use crate::report::{self, DEFAULT_WIDTH};
use crate::store::Store;
use crate::store::queries::{self, ClaimFilter, ClaimRow};

/// Opens an existing claim database; reading commands never create one.
pub(crate) fn open(db: &Path) -> anyhow::Result<Store> {
    if !db.exists() {
        anyhow::bail!(
            "database {} does not exist; import articles first with `whosaid import PATH` or pass --db",
            db.display()
        );
    }
    Ok(Store::open(db)?)
}

/// The width tables are fitted to: the terminal's when stdout is one (unless it reports a
/// width too small to be real, as some pseudo-terminals do), else 80 columns.
pub(crate) fn width() -> u16 {
    if std::io::stdout().is_terminal() {
        comfy_table::Table::new()
            .width()
            .filter(|w| *w >= 40)
            .unwrap_or(DEFAULT_WIDTH)
    } else {
        DEFAULT_WIDTH
    }
}

/// The report format for a `--format` flag.
pub(crate) fn format(format: Format) -> report::Format {
    match format {
        Format::Table => report::Format::Table(width()),
        Format::Markdown => report::Format::Markdown,
        Format::Csv => report::Format::Csv,
        Format::Json => report::Format::Json,
        Format::Jsonl => report::Format::Jsonl,
    }
}

/// Scores claims; with `corroborate`, corroboration across the store is included (one
/// full-text probe per claim, a few milliseconds each on a store of a million claims).
pub(crate) fn scored(
    store: &Store,
    rows: Vec<ClaimRow>,
    corroborate: bool,
) -> anyhow::Result<Vec<ScoredClaim>> {
    rows.into_iter()
        .map(|row| {
            let corroboration = if corroborate {
                queries::corroboration(store.conn(), &row)
                    .context("cannot compare claims for corroboration")?
            } else {
                crate::reliability::Corroboration::default()
            };
            Ok(ScoredClaim::new(row, corroboration))
        })
        .collect()
}

/// Writes `text` to stdout.
pub(crate) fn print(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Runs `whosaid report`.
///
/// # Errors
/// When the database cannot be opened or queried.
pub fn run(db: &Path, args: ReportArgs) -> anyhow::Result<Outcome> {
    let store = open(db)?;
    let articles = queries::articles(store.conn())?;
    let rows = queries::claims(store.conn(), &ClaimFilter::default())?;
    let claims = scored(&store, rows, true)?;
    let sections = report::sourcing::report(&articles, &claims);
    print(&report::render(&sections, format(args.format)))?;
    Ok(Outcome::Success)
}
