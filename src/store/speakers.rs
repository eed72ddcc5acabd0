//! Speaker identity: maps a speaker extracted from one article to a speaker row shared
//! across articles, and applies the user's corrections (`speakers merge`, `speakers split`).
//!
//! Three kinds of speaker are kept differently:
//! - people (named officials and named persons) are shared across articles and matched by
//!   name without honorifics and titles ([`names::resolve_person`]): "Zeine", "Prime
//!   Minister Zeine" and "Ali Mahaman Lamine Zeine" are one speaker, "John Smith" and
//!   "Jane Smith" two, and a surname alone joins a full name only when no other person
//!   with that surname is known;
//! - organisations, agencies and documents are shared and matched on their canonical name
//!   ("AFP" = "Agence France-Presse");
//! - anonymous sources belong to the one article they appear in and are never merged by
//!   the tool; reports group them by affiliation instead.
//!
//! Titles are stored with the article that used them. Corrections are recorded in
//! `speaker_corrections` and replayed by [`apply_corrections`] after every (re-)import, so
//! they survive re-extraction.

pub mod names;

use std::collections::{HashMap, HashSet};

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::model::{SourceType, Speaker};
use crate::store::queries::{self, SpeakerRef};

use names::{PersonResolution, parse_person, simple_norm};

/// Why a speaker correction could not be made.
#[derive(Debug, thiserror::Error)]
pub enum SpeakerError {
    #[error("no speaker matches '{name}'; list them with `whosaid speakers`")]
    NotFound { name: String },
    #[error("'{name}' matches several speakers: {candidates}; name one by its full name or #id")]
    Ambiguous { name: String, candidates: String },
    #[error("'{a}' and '{b}' are already the same speaker")]
    Same { a: String, b: String },
    #[error(
        "speaker '{speaker}' has no claims from articles naming it '{alias}'; see its aliases with `whosaid speaker \"{speaker}\"`"
    )]
    NoSuchAlias { speaker: String, alias: String },
    #[error(transparent)]
    Sql(#[from] rusqlite::Error),
}

/// How a speaker's identity is kept, by source type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Person,
    Body,
    PerArticle,
}

fn class(source_type: SourceType) -> Class {
    match source_type {
        SourceType::NamedOfficial | SourceType::NamedPerson => Class::Person,
        SourceType::Organization | SourceType::Agency | SourceType::Document => Class::Body,
        SourceType::Anonymous | SourceType::Unattributed => Class::PerArticle,
    }
}

/// The lookup key of an alias of a speaker of class `class`; `None` for aliases that name
/// nobody in particular ("he", "the minister").
#[cfg(test)]
fn alias_norm(class: Class, alias: &str) -> Option<String> {
    let parsed = match class {
        Class::Person => parse_person(alias),
        Class::Body | Class::PerArticle => None,
    };
    alias_norm_parsed(class, alias, parsed.as_ref())
}

/// [`alias_norm`] with a person's alias already parsed.
fn alias_norm_parsed(
    class: Class,
    alias: &str,
    parsed: Option<&names::PersonName>,
) -> Option<String> {
    // A lone lowercase word ("he", "who", "officials") names nobody in particular.
    let trimmed = alias.trim();
    if !trimmed.contains(char::is_whitespace) && !trimmed.starts_with(char::is_uppercase) {
        return None;
    }
    let norm = match class {
        Class::Person => parsed?.norm(),
        Class::Body => simple_norm(&names::canonical_body_name(alias)),
        Class::PerArticle => simple_norm(alias),
    };
    (!norm.is_empty()).then_some(norm)
}

/// Everything about one extracted speaker that identity resolution needs and that does
/// not depend on the database: its class, name keys, aliases and titles. Computed by
/// [`speaker_keys`] (on the import's worker threads, beside extraction), so the single
/// writer only runs the lookups.
#[derive(Debug, Clone)]
pub struct SpeakerKeys {
    class: Class,
    source_type: SourceType,
    affiliation: Option<String>,
    /// The name as extraction gave it, which claims refer to.
    name: String,
    /// The name the speaker row gets if it is new.
    display: String,
    /// The lookup key: a person's name tokens, a body's canonical name, or the words of an
    /// anonymous description.
    norm: String,
    /// A person's parsed name; `None` for the other classes.
    person: Option<names::PersonName>,
    /// The title to compare with known people of the same surname.
    title: Option<String>,
    /// (alias as written, lookup key) for every alias that names someone in particular.
    aliases: Vec<(String, String)>,
    /// Titles this article used for the speaker.
    titles: Vec<String>,
}

impl SpeakerKeys {
    /// The name as extraction gave it, which claims refer to.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// The identity keys of `speaker`; pure, see [`SpeakerKeys`].
#[must_use]
pub fn speaker_keys(speaker: &Speaker) -> SpeakerKeys {
    let person = match class(speaker.source_type) {
        Class::Person => parse_person(&speaker.name),
        Class::Body | Class::PerArticle => None,
    };
    let class = match (class(speaker.source_type), &person) {
        // A "named" speaker without a readable name is kept like an organisation.
        (Class::Person, None) => Class::Body,
        (c, _) => c,
    };
    let (display, norm) = match (class, &person) {
        (Class::Person, Some(p)) => (p.display.clone(), p.norm()),
        (Class::PerArticle, _) => (speaker.name.trim().to_owned(), simple_norm(&speaker.name)),
        _ => {
            let canonical = names::canonical_body_name(&speaker.name);
            let norm = simple_norm(&canonical);
            (canonical, norm)
        }
    };
    let mut titles: Vec<String> = speaker.title.iter().cloned().collect();
    let mut aliases = Vec::new();
    for alias in std::iter::once(&speaker.name).chain(&speaker.aliases) {
        // Parsed once, for its title and its key.
        let parsed = match class {
            Class::Person => parse_person(alias),
            Class::Body | Class::PerArticle => None,
        };
        if let Some(title) = parsed.as_ref().and_then(|p| p.title.as_ref())
            && !titles.contains(title)
        {
            titles.push(title.clone());
        }
        if let Some(key) = alias_norm_parsed(class, alias, parsed.as_ref()) {
            aliases.push((alias.trim().to_owned(), key));
        }
    }
    let title = speaker
        .title
        .clone()
        .or_else(|| person.as_ref().and_then(|p| p.title.clone()));
    SpeakerKeys {
        class,
        source_type: speaker.source_type,
        affiliation: speaker.affiliation.clone(),
        name: speaker.name.clone(),
        display,
        norm,
        person,
        title,
        aliases,
        titles,
    }
}

/// What the writer already knows about shared speakers, so that a speaker seen again
/// costs a hash lookup instead of SQL: ids found by exact name key, and alias rows known
/// to exist. Only the exact lookups are remembered; a person found through a surname
/// alone is resolved against the database every time, since the answer depends on who
/// else is known by then.
///
/// Entries are only ever true of the database this connection wrote: the owner clears
/// the cache when another connection has written since (`PRAGMA data_version`), after
/// corrections are replayed, when claims are replaced (speakers may be deleted), and
/// after a transaction that did not commit.
#[derive(Debug, Default)]
pub struct SpeakerCache {
    /// (is a person, name key) → shared speaker id.
    shared: HashMap<(bool, String), i64>,
    /// (speaker id, alias) pairs stored in `speaker_aliases`.
    aliases: HashSet<(i64, String)>,
}

/// Beyond this many entries the cache starts afresh, so memory stays flat on a corpus
/// with millions of distinct names (a few MiB at most).
const CACHE_ENTRIES: usize = 100_000;

impl SpeakerCache {
    pub fn clear(&mut self) {
        self.shared.clear();
        self.aliases.clear();
    }

    fn forget_speaker(&mut self, id: i64) {
        self.shared.retain(|_, v| *v != id);
    }

    fn bound(&mut self) {
        if self.shared.len() + self.aliases.len() > CACHE_ENTRIES {
            self.clear();
        }
    }
}

/// The anonymous sources of the article being written, by key. An article being written
/// has none in the database yet (a replaced article's are deleted first), so they are
/// found here instead of by SQL.
#[derive(Debug, Default)]
pub struct ArticleSpeakers(HashMap<String, i64>);

/// Finds or creates the speaker row for `speaker` as it appears in article `article_id`,
/// recording its aliases and the titles the article used. Anonymous sources are never
/// shared across articles.
pub fn resolve_speaker(
    tx: &Transaction<'_>,
    article_id: i64,
    speaker: &Speaker,
) -> rusqlite::Result<i64> {
    let mut cache = SpeakerCache::default();
    resolve_keys(
        tx,
        &mut cache,
        &mut ArticleSpeakers::default(),
        article_id,
        &speaker_keys(speaker),
    )
}

/// [`resolve_speaker`] for precomputed keys, with the writer's `cache` and the article's
/// own anonymous sources in `local`.
pub fn resolve_keys(
    tx: &Transaction<'_>,
    cache: &mut SpeakerCache,
    local: &mut ArticleSpeakers,
    article_id: i64,
    keys: &SpeakerKeys,
) -> rusqlite::Result<i64> {
    let id = match keys.class {
        Class::Person => resolve_person_row(tx, cache, keys)?,
        Class::PerArticle => {
            if let Some(&id) = local.0.get(&keys.norm) {
                id
            } else {
                let id = insert_speaker(tx, keys, None, Some(article_id))?;
                local.0.insert(keys.norm.clone(), id);
                id
            }
        }
        Class::Body => {
            let key = (false, keys.norm.clone());
            let id = if let Some(&id) = cache.shared.get(&key) {
                id
            } else {
                let existing = tx
                    .prepare_cached(
                        "SELECT id FROM speakers WHERE article_id IS NULL AND surname IS NULL AND norm = ?1 ORDER BY id LIMIT 1",
                    )?
                    .query_row(params![keys.norm], |r| r.get(0))
                    .optional()?;
                match existing {
                    Some(id) => id,
                    None => insert_speaker(tx, keys, None, None)?,
                }
            };
            cache.shared.insert(key, id);
            id
        }
    };
    let shared = keys.class != Class::PerArticle;
    let mut alias_stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, norm) VALUES (?1, ?2, ?3)",
    )?;
    for (alias, norm) in &keys.aliases {
        if shared && cache.aliases.contains(&(id, alias.clone())) {
            continue;
        }
        alias_stmt.execute(params![id, alias, norm])?;
        if shared {
            cache.aliases.insert((id, alias.clone()));
        }
    }
    let mut title_stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO speaker_titles (speaker_id, title, article_id) VALUES (?1, ?2, ?3)",
    )?;
    for title in &keys.titles {
        title_stmt.execute(params![id, title, article_id])?;
    }
    cache.bound();
    Ok(id)
}

fn insert_speaker(
    tx: &Transaction<'_>,
    keys: &SpeakerKeys,
    surname: Option<&str>,
    article_id: Option<i64>,
) -> rusqlite::Result<i64> {
    tx.prepare_cached(
        "INSERT INTO speakers (name, source_type, affiliation, article_id, norm, surname)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        keys.display,
        keys.source_type.as_str(),
        keys.affiliation,
        article_id,
        keys.norm,
        surname
    ])?;
    Ok(tx.last_insert_rowid())
}

fn resolve_person_row(
    tx: &Transaction<'_>,
    cache: &mut SpeakerCache,
    keys: &SpeakerKeys,
) -> rusqlite::Result<i64> {
    let Some(person) = &keys.person else {
        unreachable!("people always have a parsed name")
    };
    let norm = &keys.norm;
    let cache_key = (true, norm.clone());
    if let Some(&id) = cache.shared.get(&cache_key) {
        return Ok(id);
    }
    // A speaker already known by this full name, or by a multi-word alias of it (as a
    // merge correction leaves behind). Single-word aliases are not trusted here: a
    // surname alone goes through the ambiguity rules below.
    let exact: Option<i64> = tx
        .prepare_cached(
            "SELECT id FROM speakers WHERE article_id IS NULL AND surname IS NOT NULL AND norm = ?1
             UNION ALL
             SELECT s.id FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id
             WHERE s.article_id IS NULL AND s.surname IS NOT NULL AND a.norm = ?1
               AND instr(a.norm, ' ') > 0
             LIMIT 1",
        )?
        .query_row(params![norm], |r| r.get(0))
        .optional()?;
    if let Some(id) = exact {
        cache.shared.insert(cache_key, id);
        return Ok(id);
    }
    let known: Vec<(i64, String, bool)> = tx
        .prepare_cached(
            "SELECT s.id, s.norm, EXISTS (SELECT 1 FROM speaker_titles t
                 WHERE t.speaker_id = s.id AND t.title = ?2 COLLATE NOCASE)
             FROM speakers s WHERE s.article_id IS NULL AND s.surname = ?1 ORDER BY s.id",
        )?
        .query_map(
            params![person.surname(), keys.title.as_deref().unwrap_or("")],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?
        .collect::<rusqlite::Result<_>>()?;
    let tokens: Vec<names::Known> = known
        .iter()
        .map(|(_, n, same_title)| names::Known {
            tokens: n.split(' ').map(str::to_owned).collect(),
            same_title: *same_title,
        })
        .collect();
    match names::resolve_person(&person.tokens, &tokens) {
        PersonResolution::Join(i) => Ok(known[i].0),
        PersonResolution::JoinAndRename(i) => {
            let id = known[i].0;
            tx.prepare_cached("UPDATE speakers SET name = ?1, norm = ?2 WHERE id = ?3")?
                .execute(params![person.display, norm, id])?;
            // Its old key no longer finds it.
            cache.forget_speaker(id);
            Ok(id)
        }
        PersonResolution::New => {
            let id = insert_speaker(tx, keys, Some(person.surname()), None)?;
            cache.shared.insert(cache_key, id);
            Ok(id)
        }
    }
}

/// Exactly one speaker matching `name`, or why not.
pub fn find_one(conn: &Connection, name: &str) -> Result<SpeakerRef, SpeakerError> {
    let mut found = queries::find_speakers(conn, name)?;
    match found.len() {
        0 => Err(SpeakerError::NotFound {
            name: name.to_owned(),
        }),
        1 => Ok(found.remove(0)),
        _ => Err(SpeakerError::Ambiguous {
            name: name.to_owned(),
            candidates: found
                .iter()
                .map(|s| format!("{} (#{})", s.name, s.id))
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}

fn record(tx: &Transaction<'_>, action: &str, a: &str, b: &str) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO speaker_corrections (action, a, b, created_at)
         VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
        params![action, a, b],
    )?;
    Ok(())
}

/// Merges speaker `b` into speaker `a` and records the correction. Returns the kept
/// speaker and the merged one as they were named before the merge.
pub fn merge(
    tx: &Transaction<'_>,
    a: &str,
    b: &str,
) -> Result<(SpeakerRef, SpeakerRef), SpeakerError> {
    let keep = find_one(tx, a)?;
    let gone = find_one(tx, b)?;
    if keep.id == gone.id {
        return Err(SpeakerError::Same {
            a: a.to_owned(),
            b: b.to_owned(),
        });
    }
    record(tx, "merge", &keep.name, &gone.name)?;
    merge_ids(tx, keep.id, gone.id)?;
    Ok((keep, gone))
}

fn merge_ids(tx: &Transaction<'_>, keep: i64, gone: i64) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE claims SET speaker_id = ?1 WHERE speaker_id = ?2",
        params![keep, gone],
    )?;
    tx.execute(
        "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, norm)
         SELECT ?1, alias, norm FROM speaker_aliases WHERE speaker_id = ?2
         UNION ALL SELECT ?1, name, norm FROM speakers WHERE id = ?2 AND norm <> ''",
        params![keep, gone],
    )?;
    tx.execute(
        "INSERT OR IGNORE INTO speaker_titles (speaker_id, title, article_id)
         SELECT ?1, title, article_id FROM speaker_titles WHERE speaker_id = ?2",
        params![keep, gone],
    )?;
    delete_speaker(tx, gone)
}

fn delete_speaker(tx: &Transaction<'_>, id: i64) -> rusqlite::Result<()> {
    // Explicit deletes: the connection may run without foreign-key enforcement.
    tx.execute("DELETE FROM speaker_aliases WHERE speaker_id = ?1", [id])?;
    tx.execute("DELETE FROM speaker_titles WHERE speaker_id = ?1", [id])?;
    tx.execute("DELETE FROM speakers WHERE id = ?1", [id])?;
    Ok(())
}

/// Splits `alias` off `speaker`: the claims of the articles that named the speaker `alias`
/// move to a speaker of that name (found or created), with their titles. Records the
/// correction. Returns the speaker split from and the speaker split off.
pub fn split(
    tx: &Transaction<'_>,
    speaker: &str,
    alias: &str,
) -> Result<(SpeakerRef, SpeakerRef), SpeakerError> {
    let from = find_one(tx, speaker)?;
    match split_ids(tx, &from, alias)? {
        Some(to) => {
            record(tx, "split", &from.name, alias.trim())?;
            Ok((from, to))
        }
        None => Err(SpeakerError::NoSuchAlias {
            speaker: from.name,
            alias: alias.trim().to_owned(),
        }),
    }
}

/// Both lookup keys of a name: as a person's name and as plain words.
fn keys(name: &str) -> [String; 2] {
    [
        parse_person(name).map_or_else(|| simple_norm(name), |p| p.norm()),
        simple_norm(name),
    ]
}

fn split_ids(
    tx: &Transaction<'_>,
    from: &SpeakerRef,
    alias: &str,
) -> rusqlite::Result<Option<SpeakerRef>> {
    let alias_keys = keys(alias);
    let matches = |name: &str| keys(name).iter().any(|k| alias_keys.contains(k));
    let claims: Vec<(i64, i64)> = tx
        .prepare_cached(
            "SELECT id, article_id, coalesce(speaker_name, '') FROM claims WHERE speaker_id = ?1",
        )?
        .query_map([from.id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?
        .filter_map(|row| match row {
            Ok((id, article, name)) => matches(&name).then_some(Ok((id, article))),
            Err(e) => Some(Err(e)),
        })
        .collect::<rusqlite::Result<_>>()?;
    if claims.is_empty() {
        return Ok(None);
    }
    let (source_type, affiliation, article_id): (String, Option<String>, Option<i64>) = tx
        .query_row(
            "SELECT source_type, affiliation, article_id FROM speakers WHERE id = ?1",
            [from.id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
    let person = parse_person(alias);
    let norm = alias_keys[0].clone();
    let existing: Option<(i64, String)> = tx
        .query_row(
            "SELECT id, name FROM speakers WHERE norm = ?1 AND id <> ?2
               AND article_id IS ?3 ORDER BY id LIMIT 1",
            params![norm, from.id, article_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let to = if let Some((id, name)) = existing {
        SpeakerRef { id, name }
    } else {
        let name = person
            .as_ref()
            .map_or_else(|| alias.trim().to_owned(), |p| p.display.clone());
        tx.execute(
            "INSERT INTO speakers (name, source_type, affiliation, article_id, norm, surname)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                name,
                source_type,
                affiliation,
                article_id,
                norm,
                person.as_ref().map(|p| p.surname().to_owned())
            ],
        )?;
        SpeakerRef {
            id: tx.last_insert_rowid(),
            name,
        }
    };
    let mut articles = Vec::new();
    for (claim, article) in &claims {
        tx.execute(
            "UPDATE claims SET speaker_id = ?1 WHERE id = ?2",
            params![to.id, claim],
        )?;
        if !articles.contains(article) {
            articles.push(*article);
        }
    }
    for article in articles {
        tx.execute(
            "INSERT OR IGNORE INTO speaker_titles (speaker_id, title, article_id)
             SELECT ?1, title, article_id FROM speaker_titles
             WHERE speaker_id = ?2 AND article_id = ?3",
            params![to.id, from.id, article],
        )?;
        tx.execute(
            "DELETE FROM speaker_titles WHERE speaker_id = ?1 AND article_id = ?2
               AND NOT EXISTS (SELECT 1 FROM claims WHERE speaker_id = ?1 AND article_id = ?2)",
            params![from.id, article],
        )?;
    }
    for key in &alias_keys {
        tx.execute(
            "DELETE FROM speaker_aliases WHERE speaker_id = ?1 AND norm = ?2",
            params![from.id, key],
        )?;
    }
    tx.execute(
        "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, norm) VALUES (?1, ?2, ?3)",
        params![to.id, alias.trim(), norm],
    )?;
    Ok(Some(to))
}

/// Replays every recorded correction, oldest first. Called after an article is
/// (re-)imported so that merges and splits the user made survive re-extraction. A
/// correction whose speakers are not (or no longer) present, or already applied, is a
/// no-op.
pub fn apply_corrections(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let corrections: Vec<(String, String, String)> = tx
        .prepare_cached("SELECT action, a, b FROM speaker_corrections ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (action, a, b) in corrections {
        let first = match find_one(tx, &a) {
            Ok(s) => s,
            Err(SpeakerError::Sql(e)) => return Err(e),
            Err(_) => continue,
        };
        if action == "merge" {
            match find_one(tx, &b) {
                Ok(second) if second.id != first.id => merge_ids(tx, first.id, second.id)?,
                Err(SpeakerError::Sql(e)) => return Err(e),
                _ => {}
            }
        } else {
            split_ids(tx, &first, &b)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(class: Class, alias: &str, expected: Option<&str>) {
        assert_eq!(alias_norm(class, alias).as_deref(), expected, "{alias:?}");
    }

    #[test]
    fn aliases_are_keyed_by_class() {
        case(Class::Person, "Prime Minister Zeine", Some("zeine"));
        case(
            Class::Person,
            "Jane Smith, a lawyer in Niamey",
            Some("jane smith"),
        );
        case(Class::Person, "he", None);
        case(Class::Person, "the minister", None);
        case(Class::Body, "AFP", Some("agence france-presse"));
        case(
            Class::Body,
            "the Associated Press",
            Some("associated press"),
        );
        case(
            Class::PerArticle,
            "A defence ministry source",
            Some("a defence ministry source"),
        );
        case(Class::PerArticle, "who", None);
    }
}
