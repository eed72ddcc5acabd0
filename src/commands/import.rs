//! `whosaid import`: runs the import pipeline with a progress bar, reports each bad
//! input once, and prints what was stored.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::Duration;

use anyhow::Context;
use comfy_table::{ContentArrangement, Table, presets};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::{Format, ImportArgs, Outcome};
use crate::extract;
use crate::pipeline::{self, Event, ImportOptions, ImportSummary};
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
/// status, title, date, author and claims by source type.
///
/// # Errors
/// When the database cannot be read.
pub fn render_summary(
    store: &Store,
    summary: &ImportSummary,
    format: Format,
) -> anyhow::Result<String> {
    let mut out = String::new();
    match format {
        Format::Table | Format::Markdown => {
            let shown = &summary.articles[..summary.articles.len().min(TABLE_ROWS)];
            let rows = rows(store, shown)?;
            if rows.is_empty() {
                return Ok(out);
            }
            let mut table = Table::new();
            table.load_style(if format == Format::Markdown {
                presets::ASCII_MARKDOWN
            } else {
                presets::UTF8_FULL_CONDENSED
            });
            table.set_content_arrangement(ContentArrangement::Dynamic);
            table.set_header(vec![
                "id",
                "status",
                "title",
                "date",
                "author",
                "claims",
                "by source type",
            ]);
            for (status, row) in &rows {
                table.add_row(vec![
                    row.id.to_string(),
                    (*status).to_owned(),
                    row.title.clone().unwrap_or_default(),
                    row.date.clone().unwrap_or_default(),
                    row.author.clone().unwrap_or_default(),
                    row.claims.to_string(),
                    by_type(row),
                ]);
            }
            writeln!(out, "{table}")?;
            let rest = summary.articles.len() - shown.len();
            if rest > 0 {
                writeln!(out, "… and {rest} more articles (see `whosaid report`)")?;
            }
        }
        Format::Jsonl | Format::Json | Format::Csv => {
            if format == Format::Csv {
                out.push_str("id,status,title,date,author,claims,by_source_type\n");
            }
            let mut first = true;
            if format == Format::Json {
                out.push('[');
            }
            // In chunks, so a large import's summary is never all in memory as rows.
            for chunk in summary.articles.chunks(1000) {
                for (status, row) in rows(store, chunk)? {
                    if format == Format::Csv {
                        writeln!(
                            out,
                            "{},{},{},{},{},{},{}",
                            row.id,
                            status,
                            csv(row.title.as_deref()),
                            csv(row.date.as_deref()),
                            csv(row.author.as_deref()),
                            row.claims,
                            csv(Some(&by_type(&row)))
                        )?;
                    } else if format == Format::Json {
                        out.push_str(if first { "\n" } else { ",\n" });
                        out.push_str(&json(status, &row).to_string());
                    } else {
                        writeln!(out, "{}", json(status, &row))?;
                    }
                    first = false;
                }
            }
            if format == Format::Json {
                out.push_str("\n]\n");
            }
        }
    }
    Ok(out)
}

fn rows(store: &Store, stored: &[Stored]) -> anyhow::Result<Vec<(&'static str, ArticleSummary)>> {
    let ids: Vec<i64> = stored.iter().map(|s| s.id()).collect();
    let found = write::article_summaries(store.conn(), &ids)?;
    let by_id: std::collections::HashMap<i64, ArticleSummary> =
        found.into_iter().map(|r| (r.id, r)).collect();
    Ok(stored
        .iter()
        .filter_map(|s| {
            let status = match s {
                Stored::Imported { .. } => "new",
                Stored::Unchanged { .. } => "unchanged",
                Stored::Replaced { .. } => "replaced",
            };
            by_id.get(&s.id()).cloned().map(|row| (status, row))
        })
        .collect())
}

fn by_type(row: &ArticleSummary) -> String {
    row.by_source_type
        .iter()
        .map(|(t, n)| format!("{t} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn json(status: &str, row: &ArticleSummary) -> serde_json::Value {
    let by_type: serde_json::Map<String, serde_json::Value> = row
        .by_source_type
        .iter()
        .map(|(t, n)| (t.as_str().to_owned(), serde_json::Value::from(*n)))
        .collect();
    serde_json::json!({
        "id": row.id,
        "status": status,
        "title": row.title,
        "date": row.date,
        "author": row.author,
        "claims": row.claims,
        "by_source_type": by_type,
    })
}

fn csv(field: Option<&str>) -> String {
    let field = field.unwrap_or_default();
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}
