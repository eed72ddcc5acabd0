//! The command line: clap definitions, dispatch, and the mapping of errors to exit codes.
//!
//! Exit codes: 0 success, 1 partial failure (some inputs bad, the rest done), 2 usage or
//! fatal error. A closed pipe is not an error.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::commands;

#[derive(Debug, Parser)]
#[command(
    name = "whosaid",
    version,
    about = "Who said what in the news, and how it was sourced"
)]
pub struct Cli {
    /// The claim database (SQLite).
    #[arg(long, global = true, env = "WHOSAID_DB", default_value = "whosaid.db")]
    pub db: PathBuf,

    #[command(subcommand)]
    pub command: Command,
}

// Parsed once per run; the size difference between variants does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import articles (files, directories, or - for stdin) and store their claims.
    Import(ImportArgs),
    /// Extract claims from files without a database.
    Extract(ExtractArgs),
    /// List claims: who said what.
    Claims(ClaimsArgs),
    /// List speakers, or correct them with `merge` and `split`.
    Speakers(SpeakersArgs),
    /// Show one speaker: aliases, titles, types and claims over time.
    Speaker(SpeakerArgs),
    /// Attribution report: sourcing per article, outlet and author, speakers, reliability.
    Report(ReportArgs),
    /// Show an article with its claims marked, then its attribution table.
    Show(ShowArgs),
    /// Score extraction against gold annotations (PolNeAR directory or JSONL gold).
    Eval(EvalArgs),
    /// Re-run extraction on stored articles extracted by an older version.
    Reextract(ReextractArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Jsonl,
    Json,
    Csv,
    Markdown,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Files or directories to import; `-` reads stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// No progress bar and no summary table.
    #[arg(long, short)]
    pub quiet: bool,
    /// Worker threads for reading and extraction (default: all cores).
    #[arg(long, short)]
    pub jobs: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files to read; `-` reads stdin.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ClaimsArgs {
    /// Speaker name or alias ("Zeine").
    #[arg(long)]
    pub speaker: Option<String>,
    /// Source type (named_official, named_person, anonymous, organization, agency, document, unattributed).
    #[arg(long = "type")]
    pub source_type: Option<String>,
    /// Claim kind (direct, mixed, indirect, unattributed).
    #[arg(long)]
    pub kind: Option<String>,
    /// Article id.
    #[arg(long)]
    pub article: Option<i64>,
    /// Minimum reliability score in [0, 1].
    #[arg(long, allow_negative_numbers = true)]
    pub min_reliability: Option<f64>,
    /// Earliest date (YYYY-MM-DD), on the statement date or else the publication date.
    #[arg(long)]
    pub since: Option<String>,
    /// Latest date (YYYY-MM-DD), on the statement date or else the publication date.
    #[arg(long)]
    pub until: Option<String>,
    /// Only claims from articles of this outlet (case-insensitive).
    #[arg(long)]
    pub outlet: Option<String>,
    /// Only claims from articles by this author (case-insensitive).
    #[arg(long)]
    pub author: Option<String>,
    /// Full-text search on the claim text.
    #[arg(long)]
    pub search: Option<String>,
    /// Sort order: reliability, date, article, speaker, relevance (default: relevance
    /// with --search, else article).
    #[arg(long)]
    pub sort: Option<String>,
    /// At most this many claims (tables show 100 unless told otherwise).
    #[arg(long)]
    pub limit: Option<usize>,
    /// Show the reliability factors of each claim.
    #[arg(long)]
    pub explain: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct SpeakersArgs {
    #[command(subcommand)]
    pub action: Option<SpeakersAction>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Debug, Subcommand)]
pub enum SpeakersAction {
    /// Merge speaker B into speaker A (kept across re-extraction).
    Merge { a: String, b: String },
    /// Split an alias off a speaker into a speaker of its own (kept across re-extraction).
    Split { speaker: String, alias: String },
}

#[derive(Debug, Args)]
pub struct SpeakerArgs {
    pub name: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Only articles published on or after this date (YYYY-MM-DD), and their claims.
    #[arg(long)]
    pub since: Option<String>,
    /// Only articles published on or before this date (YYYY-MM-DD), and their claims.
    #[arg(long)]
    pub until: Option<String>,
    /// Only articles of this outlet (case-insensitive).
    #[arg(long)]
    pub outlet: Option<String>,
    /// Only articles by this author (case-insensitive).
    #[arg(long)]
    pub author: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Article id.
    pub article: i64,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// A PolNeAR-style directory (text/ + attributions/) or a JSONL gold file.
    pub gold: PathBuf,
    /// Source types and speakers for gold relations (JSONL keyed by article and relation).
    #[arg(long)]
    pub types: Option<PathBuf>,
    /// List misses and false positives with their sentence.
    #[arg(long)]
    pub errors: bool,
    /// Score these claims (JSONL, as `extract --format jsonl` writes) instead of running
    /// extraction; for comparing other systems.
    #[arg(long)]
    pub predictions: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ReextractArgs {
    /// Re-extract every article, not only those extracted by an older version.
    #[arg(long)]
    pub all: bool,
    #[arg(long, short)]
    pub quiet: bool,
}

/// What a command reports back: success, or partial failure (exit 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    PartialFailure,
}

/// Parses the command line, runs the command, and maps the result to an exit code.
#[must_use]
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::PartialFailure) => ExitCode::from(1),
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("whosaid: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let db = cli.db;
    match cli.command {
        Command::Import(args) => commands::import::run(&db, args),
        Command::Extract(args) => commands::extract::run(args),
        Command::Claims(args) => commands::claims::run(&db, args),
        Command::Speakers(args) => commands::speakers::run(&db, args),
        Command::Speaker(args) => commands::speakers::run_one(&db, args),
        Command::Report(args) => commands::report::run(&db, args),
        Command::Show(args) => commands::show::run(&db, args),
        Command::Eval(args) => commands::eval::run(args),
        Command::Reextract(args) => commands::reextract::run(&db, args),
    }
}

/// Whether the command stopped because its reader went away (`| head`), which is not an
/// error. Serializers wrap the I/O error, so both forms are checked.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == Some(std::io::ErrorKind::BrokenPipe)
    })
}
