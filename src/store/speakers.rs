//! Speaker identity: maps a speaker extracted from one article to a speaker row shared
//! across articles.

use rusqlite::{OptionalExtension, Transaction, params};

use crate::model::{SourceType, Speaker};

/// Finds or creates the speaker row for `speaker` as it appears in article `article_id`,
/// recording its aliases and titles. Anonymous sources are never shared across articles.
pub fn resolve_speaker(
    tx: &Transaction<'_>,
    article_id: i64,
    speaker: &Speaker,
) -> rusqlite::Result<i64> {
    let per_article = speaker.source_type == SourceType::Anonymous;
    let existing: Option<i64> = if per_article {
        tx.query_row(
            "SELECT id FROM speakers WHERE name = ?1 AND article_id = ?2",
            params![speaker.name, article_id],
            |r| r.get(0),
        )
        .optional()?
    } else {
        tx.query_row(
            "SELECT id FROM speakers WHERE name = ?1 AND article_id IS NULL",
            params![speaker.name],
            |r| r.get(0),
        )
        .optional()?
    };
    let id = if let Some(id) = existing {
        id
    } else {
        tx.execute(
            "INSERT INTO speakers (name, source_type, affiliation, article_id) VALUES (?1, ?2, ?3, ?4)",
            params![
                speaker.name,
                speaker.source_type.as_str(),
                speaker.affiliation,
                per_article.then_some(article_id)
            ],
        )?;
        tx.last_insert_rowid()
    };
    for alias in &speaker.aliases {
        tx.execute(
            "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, norm) VALUES (?1, ?2, ?3)",
            params![id, alias, alias.to_lowercase()],
        )?;
    }
    if let Some(title) = &speaker.title {
        tx.execute(
            "INSERT OR IGNORE INTO speaker_titles (speaker_id, title, article_id) VALUES (?1, ?2, ?3)",
            params![id, title, article_id],
        )?;
    }
    Ok(id)
}
