//! `whosaid import`: runs the import pipeline with a progress bar, reports each bad
//! input once, and prints what was stored.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::Duration;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::{Format, ImportArgs, Outcome};
use crate::commands;
use crate::extract;
use crate::pipeline::{self, Event, ImportOptions, ImportSummary};
use crate::report::{self, Cell, Section};
use crate::store::Store;
use crate::store::write::{self, ArticleSummary, Stored};

/// Rows shown in the summary table; a larger import ends with a count of the rest.
const TABLE_ROWS: usize = 100;

/// Runs `whosaid import`.
///
/// # Errors
/// When the database cannot be opened or written.
pub fn run(db: &Path, args: ImportArgs) -> anyhow::Result<Outcome> {
    let store = Store::open(db)?;
    let jobs = match args.jobs {
        Some(0) => anyhow::bail!("--jobs must be at least 1"),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, usize::from),
    };
    let mut options = ImportOptions::new(jobs, extract::EXTRACTOR_VERSION);
    options.known = Some(db.to_owned());
    let skip = pipeline::database_files(db);

    let bar = progress_bar(&args, &skip);
    let summary = pipeline::import(
        &store,
        pipeline::files(&args.paths, skip),
        &options,
        pipeline::read_file,
        extract::extract,
        |event| match event {
            Event::Failed { error } => bar.suspend(|| eprintln!("whosaid: {error}")),
            Event::Warning { message } => bar.suspend(|| eprintln!("whosaid: warning: {message}")),
            Event::FileDone => bar.inc(1),
            Event::Stored { .. } => {}
        },
    )
    .with_context(|| format!("import into {} stopped", db.display()))?;
    bar.finish_and_clear();

    if !args.quiet {
        let mut out = std::io::stdout().lock();
        out.write_all(render_summary(&store, &summary, args.format)?.as_bytes())?;
        out.flush()?;
        eprintln!("{}", counts_line(&summary));
    }
    Ok(if summary.failed > 0 {
        Outcome::PartialFailure
    } else {
        Outcome::Success
    })
}

/// A bar with rate and ETA on stderr, only when stderr is a terminal and there are
/// several files; otherwise a hidden bar that costs nothing. Counting walks the inputs
/// once more, which costs a directory listing, not a read.
fn progress_bar(args: &ImportArgs, skip: &[std::path::PathBuf]) -> ProgressBar {
    if args.quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let files = pipeline::files(&args.paths, skip.to_vec()).count();
    if files < 2 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::stderr());
    let style =
        ProgressStyle::with_template("{bar:40} {pos}/{len} files  {per_sec}  eta {eta}  {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// One line with what the import did: "imported 3, unchanged 1, replaced 0, failed 1;
/// 12 claims stored".
#[must_use]
pub fn counts_line(summary: &ImportSummary) -> String {
    format!(
        "imported {}, unchanged {}, replaced {}, failed {}; {} claims stored",
        summary.imported, summary.unchanged, summary.replaced, summary.failed, summary.claims
    )
}

/// Renders what an import stored, read back from the store: per article its id,
/// status, title, date, author, claims, and claims by source type. Tables and Markdown
/// show the first [`TABLE_ROWS`] articles; CSV and JSON list them all.
///
/// # Errors
/// When the database cannot be read.
pub fn render_summary(
    store: &Store,
    summary: &ImportSummary,
    format: Format,
) -> anyhow::Result<String> {
    if summary.articles.is_empty() {
        return Ok(String::new());
    }
    let human = matches!(format, Format::Table | Format::Markdown);
    let shown = if human {
        &summary.articles[..summary.articles.len().min(TABLE_ROWS)]
    } else {
        &summary.articles[..]
    };
    let mut section = Section::new(
        "imported",
        "Imported articles",
        vec![
            "id",
            "status",
            "title",
            "date",
            "author",
            "claims",
            "by source type",
        ],
    );
    for chunk in shown.chunks(1000) {
        let ids: Vec<i64> = chunk.iter().map(|s| s.id()).collect();
        let rows: HashMap<i64, ArticleSummary> = write::article_summaries(store.conn(), &ids)?
            .into_iter()
            .map(|r| (r.id, r))
            .collect();
        for stored in chunk {
            let Some(row) = rows.get(&stored.id()) else {
                continue;
            };
            let status = match stored {
                Stored::Imported { .. } => "new",
                Stored::Unchanged { .. } => "unchanged",
                Stored::Replaced { .. } => "replaced",
            };
            let by_type = row
                .by_source_type
                .iter()
                .map(|(t, n)| format!("{t} {n}"))
                .collect::<Vec<_>>()
                // One type per line in tables, so a narrow column never breaks a name.
                .join(if human { "\n" } else { ", " });
            section.rows.push(vec![
                Cell::Int(row.id),
                Cell::text(status),
                match (&row.title, human) {
                    (Some(title), _) => Cell::text(title),
                    // A table names an untitled article by its file.
                    (None, true) => Cell::text(format!("({})", file_name(&row.origin))),
                    (None, false) => Cell::Empty,
                },
                Cell::opt(row.date.as_deref()),
                Cell::opt(row.author.as_deref()),
                Cell::Int(row.claims as i64),
                Cell::text(by_type),
            ]);
        }
    }
    let rest = summary.articles.len() - shown.len();
    if rest > 0 {
        section.note = Some(format!(
            "… and {rest} more articles (`--format csv` lists them all; `whosaid report` sums them up)"
        ));
    }
    Ok(report::render(&[section], commands::report::format(format)))
}

/// The last part of an article's origin ("samples/a.txt" → "a.txt", "feed.jsonl:3" →
/// "feed.jsonl:3").
fn file_name(origin: &str) -> &str {
    origin.rsplit(['/', '\\']).next().unwrap_or(origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(origin: &str, expected: &str) {
        assert_eq!(file_name(origin), expected, "{origin}");
    }

    #[test]
    fn untitled_articles_are_named_by_their_file() {
        case(
            "samples/niger-france-2023-09-05.txt",
            "niger-france-2023-09-05.txt",
        );
        case("/data/feeds/wire.jsonl:3", "wire.jsonl:3");
        case(r"C:\news\a.html", "a.html");
        case("-", "-");
        case("a.txt", "a.txt");
    }
}
