//! `whosaid eval`: reads gold, runs extraction on its articles, prints the scores.

use std::io::Write;

use anyhow::{Context, bail};

use crate::cli::{EvalArgs, Format, Outcome};
use crate::eval::{self, gold, render};
use crate::model::{Article, Extraction};

/// Runs `whosaid eval`.
///
/// # Errors
/// When the gold or the types file cannot be read, or the format is not table or json.
pub fn run(args: EvalArgs) -> anyhow::Result<Outcome> {
    if !matches!(args.format, Format::Table | Format::Json) {
        bail!("--format for eval must be table or json");
    }
    let mut gold = if args.gold.is_dir() {
        gold::load_polnear(&args.gold)?
    } else if args.gold.is_file() {
        gold::load_jsonl(&args.gold)?
    } else {
        bail!(
            "{}: no such file or directory (give a PolNeAR split directory such as ../shared/polnear/dev, or a JSONL gold file)",
            args.gold.display()
        );
    };
    if let Some(types) = &args.types {
        if gold.format != eval::GoldFormat::Polnear {
            bail!(
                "--types applies to PolNeAR directories; JSONL gold carries its own source types"
            );
        }
        let applied = gold::apply_types(&mut gold, types)
            .with_context(|| format!("reading --types {}", types.display()))?;
        if applied.applied == 0 {
            bail!(
                "{}: no record matches an article and relation of {} (is it the types file for this split?)",
                types.display(),
                args.gold.display()
            );
        }
        if applied.unmatched > 0 {
            eprintln!(
                "whosaid: warning: {} of {} records in {} match no gold relation",
                applied.unmatched,
                applied.applied + applied.unmatched,
                types.display()
            );
        }
    }
    let evaluation = if let Some(path) = &args.predictions {
        let predictions = eval::predictions::load(path, &gold)
            .with_context(|| format!("reading --predictions {}", path.display()))?;
        if predictions.unknown > 0 {
            eprintln!(
                "whosaid: warning: {} claims in {} name an article that is not in {}",
                predictions.unknown,
                path.display(),
                args.gold.display()
            );
        }
        let lookup = |article: &Article| Extraction {
            claims: predictions
                .by_origin
                .get(&article.origin)
                .cloned()
                .unwrap_or_default(),
            speakers: Vec::new(),
        };
        eval::evaluate(&gold, &lookup, args.errors)
    } else {
        eval::evaluate(&gold, &crate::extract::extract, args.errors)
    };
    let text = if args.format == Format::Json {
        render::json(&evaluation, args.errors) + "\n"
    } else {
        let mut text = String::new();
        if args.errors {
            text.push_str(&render::errors(&evaluation.mistakes));
        }
        text.push_str(&render::table(&evaluation));
        text
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(Outcome::Success)
}
