//! `whosaid speakers` (list, `merge`, `split`) and `whosaid speaker NAME`.

use std::path::Path;

use crate::cli::{Outcome, SpeakerArgs, SpeakersAction, SpeakersArgs};
use crate::commands::report::{format, open, print, scored};
use crate::report;
use crate::store::queries::{self, ClaimFilter, ClaimOrder};
use crate::store::speakers;

/// Runs `whosaid speakers`.
///
/// # Errors
/// When a speaker named in a correction is unknown or ambiguous, or the database cannot be
/// opened or queried.
pub fn run(db: &Path, args: SpeakersArgs) -> anyhow::Result<Outcome> {
    let store = open(db)?;
    let conn = store.conn();
    match args.action {
        None => {
            let list = queries::speakers(conn)?;
            print(&report::render(
                &[report::speakers::list(&list)],
                format(args.format),
            ))?;
        }
        Some(SpeakersAction::Merge { a, b }) => {
            let tx = conn.unchecked_transaction()?;
            let (kept, merged) = speakers::merge(&tx, &a, &b)?;
            tx.commit()?;
            print(&format!(
                "merged '{}' (#{}) into '{}' (#{}); the correction is kept when articles are re-extracted\n",
                merged.name, merged.id, kept.name, kept.id
            ))?;
        }
        Some(SpeakersAction::Split { speaker, alias }) => {
            let tx = conn.unchecked_transaction()?;
            let (from, to) = speakers::split(&tx, &speaker, &alias)?;
            tx.commit()?;
            print(&format!(
                "split '{alias}' off '{}' (#{}) into '{}' (#{}); the correction is kept when articles are re-extracted\n",
                from.name, from.id, to.name, to.id
            ))?;
        }
    }
    Ok(Outcome::Success)
}

/// Runs `whosaid speaker NAME`.
///
/// # Errors
/// When no speaker or several match the name, or the database cannot be opened or queried.
pub fn run_one(db: &Path, args: SpeakerArgs) -> anyhow::Result<Outcome> {
    let store = open(db)?;
    let conn = store.conn();
    let found = speakers::find_one(conn, &args.name)?;
    let Some(summary) = queries::speaker(conn, found.id)? else {
        anyhow::bail!(
            "speaker '{}' (#{}) has no claims; list speakers with `whosaid speakers`",
            found.name,
            found.id
        );
    };
    let aliases = queries::speaker_aliases(conn, found.id)?;
    let titles = queries::speaker_titles(conn, found.id)?;
    let rows = queries::claims(
        conn,
        &ClaimFilter {
            speakers: Some(vec![found.id]),
            order: Some(ClaimOrder::Date),
            ..ClaimFilter::default()
        },
    )?;
    let claims = scored(&store, rows, false)?;
    let sections = report::speakers::page(&summary, &aliases, &titles, &claims);
    print(&report::render(&sections, format(args.format)))?;
    Ok(Outcome::Success)
}
