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
    let since = args
        .since
        .as_deref()
        .map(|d| super::claims::date("--since", d))
        .transpose()?;
    let until = args
        .until
        .as_deref()
        .map(|d| super::claims::date("--until", d))
        .transpose()?;
    let store = open(db)?;
    let same = |wanted: &Option<String>, value: &Option<String>| match wanted {
        None => true,
        Some(w) => value.as_deref().is_some_and(|v| v.eq_ignore_ascii_case(w)),
    };
    let mut articles = queries::articles(store.conn())?;
    articles.retain(|a| {
        let published = a.published.as_deref().and_then(|p| p.get(..10));
        same(&args.outlet, &a.outlet)
            && same(&args.author, &a.author)
            && since
                .as_deref()
                .is_none_or(|s| published.is_some_and(|p| p >= s))
            && until
                .as_deref()
                .is_none_or(|u| published.is_some_and(|p| p <= u))
    });
    let scoped = args.since.is_some()
        || args.until.is_some()
        || args.outlet.is_some()
        || args.author.is_some();
    let mut rows = queries::claims(
        store.conn(),
        &ClaimFilter {
            outlet: args.outlet.clone(),
            author: args.author.clone(),
            ..ClaimFilter::default()
        },
    )?;
    if scoped {
        let kept: std::collections::HashSet<i64> = articles.iter().map(|a| a.id).collect();
        rows.retain(|r| kept.contains(&r.article_id));
    }
    let claims = scored(&store, rows, true)?;
    let sections = report::sourcing::report(&articles, &claims);
    print(&report::render(&sections, format(args.format)))?;
    Ok(Outcome::Success)
}
