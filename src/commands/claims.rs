//! `whosaid claims`: who said what, filtered, sorted and limited.

use std::path::Path;

use anyhow::Context;

use crate::cli::{ClaimsArgs, Format, Outcome};
use crate::commands::report::{format, open, print, scored};
use crate::model::{ClaimKind, SourceType};
use crate::report::claims::ScoredClaim;
use crate::report::{self, claims};
use crate::store::Store;
use crate::store::queries::{self, ClaimFilter, ClaimOrder};

/// How `--sort` orders claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sort {
    Sql(ClaimOrder),
    /// Most reliable first; needs the scores, so it is done after the query.
    Reliability,
}

fn sort(text: &str) -> anyhow::Result<Sort> {
    Ok(match text {
        "article" => Sort::Sql(ClaimOrder::Article),
        "date" => Sort::Sql(ClaimOrder::Date),
        "speaker" => Sort::Sql(ClaimOrder::Speaker),
        "reliability" => Sort::Reliability,
        "relevance" => Sort::Sql(ClaimOrder::Relevance),
        other => anyhow::bail!(
            "--sort: unknown order '{other}' (expected one of: article, date, speaker, reliability, relevance)"
        ),
    })
}

/// A `YYYY-MM-DD` date, checked.
pub(crate) fn date(flag: &str, text: &str) -> anyhow::Result<String> {
    let bytes = text.as_bytes();
    let shape = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let number =
        |range: std::ops::Range<usize>| text.get(range).and_then(|n| n.parse::<u32>().ok());
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        anyhow::bail!("{flag}: '{text}' is not a date; write it as YYYY-MM-DD, e.g. 2023-09-05");
    };
    if !shape || !(1..=12).contains(&month) {
        anyhow::bail!("{flag}: '{text}' is not a date; write it as YYYY-MM-DD, e.g. 2023-09-05");
    }
    let last = days_in_month(year, month);
    if !(1..=last).contains(&day) {
        anyhow::bail!("{flag}: '{text}' is not a date: that month has {last} days");
    }
    Ok(text.to_owned())
}

/// Days in `month` (1-12) of `year`, Gregorian calendar.
fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Runs `whosaid claims`.
///
/// # Errors
/// When a flag is invalid, or the database cannot be opened or queried.
pub fn run(db: &Path, args: ClaimsArgs) -> anyhow::Result<Outcome> {
    let store = open(db)?;
    let selection = select(&store, &args)?;
    print(&render(&selection.claims, &args, format(args.format)))?;
    if selection.more {
        eprintln!(
            "showing the first {} claims; pass --limit N for more, or --format jsonl for all",
            selection.claims.len()
        );
    }
    Ok(Outcome::Success)
}

/// How many claims a table shows when no `--limit` is given: a table of tens of
/// thousands of rows is unreadable, and each row shown costs a corroboration probe.
pub const TABLE_LIMIT: usize = 100;

/// What `whosaid claims` shows.
#[derive(Debug, Clone)]
pub struct Selection {
    pub claims: Vec<ScoredClaim>,
    /// Whether the table limit ([`TABLE_LIMIT`]) left out further claims.
    pub more: bool,
}

/// The claims `args` asks for, scored and in order: what `whosaid claims` shows.
/// Corroboration is included, for the claims shown, when the score decides the selection
/// or is explained.
///
/// # Errors
/// When a flag is invalid or the database cannot be queried.
pub fn select(store: &Store, args: &ClaimsArgs) -> anyhow::Result<Selection> {
    let order = match (&args.sort, &args.search) {
        (Some(text), _) => sort(text)?,
        (None, Some(_)) => Sort::Sql(ClaimOrder::Relevance),
        (None, None) => Sort::Sql(ClaimOrder::Article),
    };
    // Tables stop at TABLE_LIMIT unless told otherwise; one more row is read to know
    // whether there are more.
    let table_limit = (args.format == Format::Table && args.limit.is_none()).then_some(TABLE_LIMIT);
    let limit = args.limit.or(table_limit);
    if let Some(min) = args.min_reliability
        && !(0.0..=1.0).contains(&min)
    {
        anyhow::bail!("--min-reliability: {min} is outside [0, 1]; scores run from 0 to 1");
    }
    let speakers = match &args.speaker {
        Some(name) => {
            let found = queries::speakers_for_claims(store.conn(), name)?;
            if found.is_empty() {
                anyhow::bail!(
                    "--speaker: no speaker matches '{name}'; list them with `whosaid speakers`"
                );
            }
            if found.len() > 1 {
                let names: Vec<String> = found
                    .iter()
                    .map(|s| format!("{} (#{})", s.name, s.id))
                    .collect();
                eprintln!(
                    "note: --speaker '{name}' matches {} speakers: {}; name one with --speaker '#ID'",
                    found.len(),
                    names.join(", ")
                );
            }
            Some(found.into_iter().map(|s| s.id).collect())
        }
        None => None,
    };
    let search = match &args.search {
        Some(text) => Some(queries::fts_query(text).with_context(|| {
            format!("--search: '{text}' has no words to search for; give at least one word")
        })?),
        None => None,
    };
    let filter = ClaimFilter {
        speakers,
        source_type: args
            .source_type
            .as_deref()
            .map(str::parse::<SourceType>)
            .transpose()
            .map_err(|e| anyhow::anyhow!("--type: {e}"))?,
        kind: args
            .kind
            .as_deref()
            .map(str::parse::<ClaimKind>)
            .transpose()
            .map_err(|e| anyhow::anyhow!("--kind: {e}"))?,
        article: args.article,
        since: args
            .since
            .as_deref()
            .map(|d| date("--since", d))
            .transpose()?,
        until: args
            .until
            .as_deref()
            .map(|d| date("--until", d))
            .transpose()?,
        outlet: args.outlet.clone(),
        author: args.author.clone(),
        search,
        order: match order {
            Sort::Sql(o) => Some(o),
            Sort::Reliability => None,
        },
        // The limit goes into SQL only when nothing after the query changes the rows.
        limit: limit
            .filter(|_| args.min_reliability.is_none() && order != Sort::Reliability)
            .map(|n| n + usize::from(table_limit.is_some())),
    };
    let rows = queries::claims(store.conn(), &filter).with_context(|| {
        if args.search.is_some() {
            String::from("--search: the full-text query failed; search for plain words")
        } else {
            String::from("cannot read claims")
        }
    })?;
    let mut rows = rows;
    let mut more = false;
    if args.min_reliability.is_none() && order != Sort::Reliability {
        // Only the claims shown are compared for corroboration.
        if let Some(limit) = limit {
            more = rows.len() > limit;
            rows.truncate(limit);
        }
    }
    // Corroboration is a probe of the whole store per claim: it is computed when the
    // score decides what is shown (--min-reliability, --sort reliability) or is explained
    // (--explain); a plain listing shows each claim's own score.
    let corroborate = args.explain || args.min_reliability.is_some() || order == Sort::Reliability;
    let mut claims = scored(store, rows, corroborate)?;
    if let Some(min) = args.min_reliability {
        claims.retain(|c| c.reliability.score >= min);
    }
    if order == Sort::Reliability {
        claims.sort_by(|a, b| {
            b.reliability
                .score
                .total_cmp(&a.reliability.score)
                .then(a.row.article_id.cmp(&b.row.article_id))
                .then(a.row.ordinal.cmp(&b.row.ordinal))
        });
    }
    if let Some(limit) = limit {
        more |= claims.len() > limit;
        claims.truncate(limit);
    }
    Ok(Selection { claims, more })
}

/// `claims` as `whosaid claims` prints them in `args.format`; `format` gives the table
/// width.
#[must_use]
pub fn render(claims: &[ScoredClaim], args: &ClaimsArgs, format: report::Format) -> String {
    match args.format {
        Format::Jsonl => claims::jsonl(claims),
        Format::Json => claims::json(claims),
        Format::Table => report::render(&[claims::table_section(claims, args.explain)], format),
        Format::Csv => report::render(&[claims::section(claims, args.explain, false)], format),
        Format::Markdown => report::render(&[claims::section(claims, args.explain, true)], format),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, ok: bool) {
        assert_eq!(date("--since", text).is_ok(), ok, "{text}");
    }

    #[test]
    fn dates_are_checked_against_the_calendar() {
        case("2023-09-05", true);
        case("2024-02-29", true);
        case("2000-02-29", true);
        case("2023-12-31", true);
        case("2023-02-29", false);
        case("1900-02-29", false);
        case("2025-02-30", false);
        case("2025-04-31", false);
        case("2025-13-01", false);
        case("2025-00-10", false);
        case("2025-01-00", false);
        case("2025-1-05", false);
        case("05-09-2023", false);
        case("yesterday", false);
    }
}
