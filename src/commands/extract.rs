//! `whosaid extract`: claims of each file, without a database, as a table or JSONL.

use std::io::{self, Write};
use std::path::Path;

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use crate::cli::{ExtractArgs, Format, Outcome};
use crate::extract::extract;
use crate::model::{Article, ClaimRecord};

/// Runs `whosaid extract`.
///
/// # Errors
/// When output cannot be written or the format is not supported; unreadable inputs are
/// reported and make the outcome a partial failure.
pub fn run(args: ExtractArgs) -> anyhow::Result<Outcome> {
    if !matches!(args.format, Format::Table | Format::Jsonl) {
        anyhow::bail!("--format for extract must be table or jsonl");
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut outcome = Outcome::Success;
    for path in &args.files {
        let label = path.display().to_string();
        let articles = match read(path) {
            Ok((articles, failed)) => {
                if failed {
                    outcome = Outcome::PartialFailure;
                }
                articles
            }
            Err(err) => {
                eprintln!("whosaid: {err:#}");
                outcome = Outcome::PartialFailure;
                continue;
            }
        };
        for article in &articles {
            let name = if articles.len() == 1 {
                label.clone()
            } else {
                article.origin.clone()
            };
            let extraction = extract(article);
            let records: Vec<ClaimRecord> = extraction
                .claims
                .iter()
                .map(|c| ClaimRecord::new(&name, &article.body, c))
                .collect();
            match args.format {
                Format::Jsonl => {
                    for r in &records {
                        serde_json::to_writer(&mut out, r)?;
                        out.write_all(b"\n")?;
                    }
                }
                _ => writeln!(out, "{}\n{}", name, table(&records))?,
            }
        }
    }
    out.flush()?;
    Ok(outcome)
}

/// Reads `path` through ingest, reporting warnings and bad records on stderr. Returns the
/// articles read and whether any record failed.
fn read(path: &Path) -> Result<(Vec<Article>, bool), crate::ingest::IngestError> {
    let read = crate::ingest::read_path(path)?;
    for warning in &read.warnings {
        eprintln!("whosaid: warning: {warning}");
    }
    for error in &read.errors {
        eprintln!("whosaid: {error}");
    }
    Ok((read.articles, !read.errors.is_empty()))
}

fn table(records: &[ClaimRecord]) -> Table {
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED);
    table.set_content_arrangement(ContentArrangement::Dynamic);
    table.set_width(super::report::width());
    table.set_header(["speaker", "type", "kind", "cue", "claim"]);
    for r in records {
        table.add_row([
            r.speaker.clone().unwrap_or_else(|| String::from("—")),
            r.source_type.to_string(),
            r.kind.to_string(),
            r.cue.as_ref().map(|c| c.text.clone()).unwrap_or_default(),
            r.content.text.clone(),
        ]);
    }
    table
}
