//! `whosaid extract`: claims of each file, without a database, as a table or JSONL.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use anyhow::Context;
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
            Ok(articles) => articles,
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

/// Reads `path` through ingest; while ingest cannot read plain text yet, falls back to the
/// file's text with its first-line header.
fn read(path: &Path) -> anyhow::Result<Vec<Article>> {
    match crate::ingest::read_path(path) {
        Ok(articles) => Ok(articles),
        Err(ingest_err) => {
            let text = std::fs::read(path)
                .with_context(|| format!("cannot read {}: check the path", path.display()))?;
            let text = String::from_utf8_lossy(&text).into_owned();
            if text.trim().is_empty() {
                return Err(anyhow::Error::new(ingest_err));
            }
            let mut article = Article::from_text(&text);
            article.origin = path.display().to_string();
            fallback_header(&mut article);
            Ok(vec![article])
        }
    }
}

/// A minimal header reader: a first line starting with "date YYYY-MM-DD", or a
/// `Key: value` block ended by a blank line.
fn fallback_header(article: &mut Article) {
    let body = article.body.clone();
    let first_end = body.find('\n').unwrap_or(body.len());
    let first = body[..first_end].trim();
    if let Some(rest) = first.strip_prefix("date ") {
        article.meta.date = rest.get(..10).map(str::to_owned);
        article.text_start = first_end;
        return;
    }
    let mut pos = 0;
    let mut saw_key = false;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if saw_key {
                article.text_start = pos + line.len();
            }
            return;
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            return;
        };
        let value = value.trim().to_owned();
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => article.meta.title = Some(value),
            "date" => article.meta.date = Some(value),
            "author" => article.meta.author = Some(value),
            "outlet" => article.meta.outlet = Some(value),
            "url" => article.meta.url = Some(value),
            _ => return,
        }
        saw_key = true;
        pos += line.len();
    }
}

fn table(records: &[ClaimRecord]) -> Table {
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED);
    table.set_content_arrangement(ContentArrangement::Dynamic);
    if !io::stdout().is_terminal() {
        table.set_width(120);
    }
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
