//! The write path: one article with its claims and speakers, inside a transaction the
//! caller owns (one per article, or one per batch of articles in a bulk import).
//!
//! Identity and updates:
//! - An article is identified by a blake3 hash of its content (body and metadata). The
//!   same content again is skipped and reported as [`Stored::Unchanged`].
//! - An article with a URL already stored but different content is an update: the row
//!   keeps its id, its metadata and body are replaced, and its claims, per-article
//!   speakers and titles are deleted and written anew, all in the caller's transaction,
//!   so a reader sees either the old article with its old claims or the new one with its
//!   new claims ([`Stored::Replaced`]).
//! - The extractor version is stored per article, so `reextract` finds stale ones.
//!
//! Full-text index: the application inserts each claim's text into `claims_fts` in the
//! same transaction as the claim (and deletes it before the claim), instead of triggers
//! or a deferred rebuild. Measured on the 2-core build machine with the real schema
//! (`cargo run --release --example bench -- fts 100000`, batches of 2,000 claims,
//! claims per CPU second so that other load on the machine does not skew the
//! comparison): no full-text index 78k; triggers 14k; direct inserts 41k; plain load
//! then 'rebuild' 49k. Adding a tenth more to that database: direct inserts 33k, load
//! then 'rebuild' 10k, because a rebuild re-indexes every claim already stored.
//! Measured again through the import's own writer (`bench -- writer 3000`: 3,000
//! articles, 49,000 claims, into a fresh database, MB of articles per CPU second of the
//! writer): direct inserts 11.9; no full-text index at all 18.9; plain load then
//! 'rebuild' 14.4; plain load then one INSERT ... SELECT 12.1. So the index is about a
//! third of the writer's work, and deferring it saves a fifth of the writer's time on a
//! fresh bulk load only (a rebuild; a catch-up insert saves nothing), at the price of a
//! search that misses what an unfinished import stored and a repair step after a
//! killed one.
//! Direct inserts are chosen for the routine import: three times faster than a rebuild
//! into a database that already holds claims, and the index is never stale. A large
//! import into an empty or small database is the exception: there the 'rebuild' at the
//! end is cheaper (see `store::bulk` and `pipeline::BULK_AFTER_CLAIMS`; on 100,000
//! articles, deferring the full-text index as well as the secondary indexes took the
//! writer 36 CPU s against 42 s with direct inserts), so it drops the table and the
//! writer skips the inserts while the table is missing; the next open of the database
//! repairs a killed import.
//!
//! Bulk import goes through a [`Writer`]: speakers' identity keys, the content hash and
//! the claims' factors are computed on the worker threads ([`prepare`]), and the writer
//! remembers speakers it has resolved ([`SpeakerCache`]), so a speaker seen again costs
//! no SQL.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::model::{Article, ArticleMeta, Extraction, SourceType};
use crate::store::Store;
use crate::store::speakers::{self, SpeakerCache};

/// What storing one article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    /// A new article with this many claims.
    Imported { id: i64, claims: usize },
    /// The same content was already stored.
    Unchanged { id: i64 },
    /// An article with the same URL was stored with other content; its claims were
    /// replaced by this many.
    Replaced { id: i64, claims: usize },
}

impl Stored {
    /// Claims written: none for an unchanged article.
    #[must_use]
    pub fn claims(self) -> usize {
        match self {
            Stored::Imported { claims, .. } | Stored::Replaced { claims, .. } => claims,
            Stored::Unchanged { .. } => 0,
        }
    }

    #[must_use]
    pub fn id(self) -> i64 {
        match self {
            Stored::Imported { id, .. }
            | Stored::Unchanged { id }
            | Stored::Replaced { id, .. } => id,
        }
    }
}

/// The content hash that makes import idempotent: blake3 over the body and every
/// metadata field, each length-prefixed so that no two articles share an encoding.
#[must_use]
pub fn content_hash(article: &Article) -> String {
    let mut hasher = blake3::Hasher::new();
    let meta = &article.meta;
    let fields = [
        Some(article.body.as_str()),
        meta.title.as_deref(),
        meta.date.as_deref(),
        meta.author.as_deref(),
        meta.outlet.as_deref(),
        meta.url.as_deref(),
        meta.agency_credit.as_deref(),
    ];
    for field in fields {
        match field {
            None => hasher.update(&[0]),
            Some(text) => {
                hasher.update(&[1]);
                hasher.update(&(text.len() as u64).to_le_bytes());
                hasher.update(text.as_bytes())
            }
        };
    }
    hasher.update(&(article.text_start as u64).to_le_bytes());
    hasher.finalize().to_hex().to_string()
}

/// Whether an article with content hash `hash` is stored.
pub fn is_stored(conn: &Connection, hash: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT 1 FROM articles WHERE content_hash = ?1")?
        .exists([hash])
}

/// The id of the stored article with the same content as `article`, if any.
pub fn stored_id(conn: &Connection, article: &Article) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached("SELECT id FROM articles WHERE content_hash = ?1")?
        .query_row([content_hash(article)], |r| r.get(0))
        .optional()
}

/// The part of storing an article that needs no database: its content hash, each claim's
/// reliability factors as JSON, and its speakers' identity keys. An import computes it on
/// its worker threads, beside extraction, so that the single writer only writes.
#[derive(Debug, Clone)]
pub struct Prepared {
    hash: String,
    factors: Vec<String>,
    speakers: Vec<speakers::SpeakerKeys>,
}

/// Computes [`Prepared`] for `article` and the `extraction` made from it.
#[must_use]
pub fn prepare(article: &Article, extraction: &Extraction) -> Prepared {
    Prepared {
        hash: content_hash(article),
        factors: extraction
            .claims
            .iter()
            .map(|claim| {
                serde_json::to_string(&claim.reliability.factors)
                    .unwrap_or_else(|_| String::from("[]"))
            })
            .collect(),
        speakers: extraction
            .speakers
            .iter()
            .map(speakers::speaker_keys)
            .collect(),
    }
}

/// Stores `article` and the claims `extraction` found in it, inside `tx`.
pub fn store_article(
    tx: &Transaction<'_>,
    article: &Article,
    extraction: &Extraction,
    extractor_version: u32,
) -> rusqlite::Result<Stored> {
    let prepared = prepare(article, extraction);
    let mut cache = SpeakerCache::default();
    store_prepared(
        tx,
        &mut cache,
        article,
        extraction,
        &prepared,
        extractor_version,
        crate::store::bulk::fts_present(tx)?,
    )
}

/// A connection's writer for a bulk import: stores articles with what the writer learnt
/// of speakers so far (see [`SpeakerCache`] for when that is forgotten), in transactions
/// it begins and commits.
pub struct Writer<'s> {
    store: &'s Store,
    cache: SpeakerCache,
    /// `PRAGMA data_version` as of the last committed transaction: when it differs at
    /// the next, another connection has written and the cache may be wrong.
    committed_version: Option<i64>,
    open_version: Option<i64>,
    /// Whether the open transaction must index claims' text: false while a bulk import
    /// has dropped the full-text table (see `store::bulk`).
    fts: bool,
}

impl<'s> Writer<'s> {
    #[must_use]
    pub fn new(store: &'s Store) -> Self {
        Self {
            store,
            cache: SpeakerCache::default(),
            committed_version: None,
            open_version: None,
            fts: true,
        }
    }

    /// Begins a write transaction (see [`Store::begin_write`]). Never begin a second
    /// before the first is committed or dropped.
    pub fn begin(&mut self) -> rusqlite::Result<Transaction<'s>> {
        let tx = self.store.begin_write()?;
        let version: i64 = tx.query_row("PRAGMA data_version", [], |r| r.get(0))?;
        // Changed by another connection, or the last transaction did not commit.
        if self.committed_version.take() != Some(version) {
            self.cache.clear();
        }
        self.open_version = Some(version);
        self.fts = crate::store::bulk::fts_present(&tx)?;
        Ok(tx)
    }

    /// [`store_article`] with precomputed `prepared` and the writer's speaker cache.
    pub fn store(
        &mut self,
        tx: &Transaction<'_>,
        article: &Article,
        extraction: &Extraction,
        prepared: &Prepared,
        extractor_version: u32,
    ) -> rusqlite::Result<Stored> {
        store_prepared(
            tx,
            &mut self.cache,
            article,
            extraction,
            prepared,
            extractor_version,
            self.fts,
        )
    }

    /// Replays the user's speaker corrections and commits.
    pub fn commit(&mut self, tx: Transaction<'_>) -> rusqlite::Result<()> {
        let corrections: bool = tx
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM speaker_corrections)")?
            .query_row([], |r| r.get(0))?;
        if corrections {
            // Merges and splits move and delete speakers and aliases.
            replay_speaker_corrections(&tx)?;
            self.cache.clear();
        }
        tx.commit()?;
        self.committed_version = self.open_version.take();
        Ok(())
    }
}

fn store_prepared(
    tx: &Transaction<'_>,
    cache: &mut SpeakerCache,
    article: &Article,
    extraction: &Extraction,
    prepared: &Prepared,
    extractor_version: u32,
    fts: bool,
) -> rusqlite::Result<Stored> {
    let recomputed;
    let prepared = if prepared.factors.len() == extraction.claims.len()
        && prepared.speakers.len() == extraction.speakers.len()
    {
        prepared
    } else {
        // Not made from this extraction: a caller's mistake, not worth a wrong row.
        recomputed = prepare(article, extraction);
        &recomputed
    };
    let hash = &prepared.hash;
    let existing: Option<i64> = tx
        .prepare_cached("SELECT id FROM articles WHERE content_hash = ?1")?
        .query_row([hash], |r| r.get(0))
        .optional()?;
    if let Some(id) = existing {
        return Ok(Stored::Unchanged { id });
    }
    let by_url: Option<i64> = match &article.meta.url {
        Some(url) => tx
            .prepare_cached("SELECT id FROM articles WHERE url = ?1")?
            .query_row([url], |r| r.get(0))
            .optional()?,
        None => None,
    };
    let meta = &article.meta;
    let text_start = article.text_start as i64;
    let imported_at = now();
    // The article's columns, in the order both statements below number them.
    let values: [&dyn rusqlite::ToSql; 12] = [
        &article.origin,
        hash,
        &meta.url,
        &meta.title,
        &meta.date,
        &meta.author,
        &meta.outlet,
        &meta.agency_credit,
        &article.body,
        &text_start,
        &extractor_version,
        &imported_at,
    ];
    if let Some(id) = by_url {
        let mut with_id = values.to_vec();
        with_id.push(&id);
        tx.prepare_cached(
            "UPDATE articles SET origin = ?1, content_hash = ?2, url = ?3, title = ?4,
                 published = ?5, author = ?6, outlet = ?7, agency_credit = ?8, body = ?9,
                 text_start = ?10, extractor_version = ?11, imported_at = ?12
             WHERE id = ?13",
        )?
        .execute(with_id.as_slice())?;
        let claims = replace_prepared(
            tx,
            cache,
            id,
            article,
            extraction,
            prepared,
            extractor_version,
        )?;
        return Ok(Stored::Replaced { id, claims });
    }
    tx.prepare_cached(
        "INSERT INTO articles (origin, content_hash, url, title, published, author, outlet,
             agency_credit, body, text_start, extractor_version, imported_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(values.as_slice())?;
    let id = tx.last_insert_rowid();
    let claims = insert_claims(tx, cache, id, &article.body, extraction, prepared, fts)?;
    Ok(Stored::Imported { id, claims })
}

/// Replaces the claims of stored article `id` with those of `extraction` (made from
/// `article`, whose body must be the stored body) and records `extractor_version`.
/// Per-article speakers and titles go with the old claims; shared speakers left without
/// any claim are removed. Returns the number of claims written.
pub fn replace_claims(
    tx: &Transaction<'_>,
    id: i64,
    article: &Article,
    extraction: &Extraction,
    extractor_version: u32,
) -> rusqlite::Result<usize> {
    replace_prepared(
        tx,
        &mut SpeakerCache::default(),
        id,
        article,
        extraction,
        &prepare(article, extraction),
        extractor_version,
    )
}

fn replace_prepared(
    tx: &Transaction<'_>,
    cache: &mut SpeakerCache,
    id: i64,
    article: &Article,
    extraction: &Extraction,
    prepared: &Prepared,
    extractor_version: u32,
) -> rusqlite::Result<usize> {
    // Rare enough to look up (a bulk import may have dropped the table).
    let fts = crate::store::bulk::fts_present(tx)?;
    // Speakers are deleted below, and a deleted id can be given out again.
    cache.clear();
    let old_speakers: Vec<i64> = tx
        .prepare_cached(
            "SELECT DISTINCT speaker_id FROM claims WHERE article_id = ?1 AND speaker_id IS NOT NULL",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    // The index is external-content: it must be told the old text to forget it.
    if fts {
        tx.prepare_cached(
            "INSERT INTO claims_fts (claims_fts, rowid, content_text)
             SELECT 'delete', id, content_text FROM claims WHERE article_id = ?1",
        )?
        .execute([id])?;
    }
    tx.prepare_cached("DELETE FROM claims WHERE article_id = ?1")?
        .execute([id])?;
    tx.prepare_cached("DELETE FROM speaker_titles WHERE article_id = ?1")?
        .execute([id])?;
    tx.prepare_cached("DELETE FROM speakers WHERE article_id = ?1")?
        .execute([id])?;
    for speaker in old_speakers {
        tx.prepare_cached(
            "DELETE FROM speakers WHERE id = ?1
                 AND NOT EXISTS (SELECT 1 FROM claims WHERE speaker_id = ?1)",
        )?
        .execute([speaker])?;
    }
    tx.prepare_cached("UPDATE articles SET extractor_version = ?2 WHERE id = ?1")?
        .execute(params![id, extractor_version])?;
    insert_claims(tx, cache, id, &article.body, extraction, prepared, fts)
}

/// Writes the speakers and claims of one article; returns the number of claims.
/// `prepared` must have been made from `extraction`.
fn insert_claims(
    tx: &Transaction<'_>,
    cache: &mut SpeakerCache,
    article_id: i64,
    body: &str,
    extraction: &Extraction,
    prepared: &Prepared,
    fts: bool,
) -> rusqlite::Result<usize> {
    let mut speaker_ids: HashMap<&str, i64> = HashMap::new();
    let mut local = speakers::ArticleSpeakers::default();
    for keys in &prepared.speakers {
        let id = speakers::resolve_keys(tx, cache, &mut local, article_id, keys)?;
        speaker_ids.entry(keys.name()).or_insert(id);
    }
    let mut insert = tx.prepare_cached(
        "INSERT INTO claims (article_id, ordinal, kind, content_start, content_end,
             content_text, cue_start, cue_end, cue_text, source_start, source_end, source_text,
             speaker_id, speaker_name, source_type, title, affiliation, channel,
             anonymity_reason, stated_on, reliability, reliability_label,
             reliability_factors, rule, content_gap_start, content_gap_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
             ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)",
    )?;
    // Without the table (a bulk import deferred it) the claims are indexed at its end.
    let mut index = if fts {
        Some(tx.prepare_cached("INSERT INTO claims_fts (rowid, content_text) VALUES (?1, ?2)")?)
    } else {
        None
    };
    for (ordinal, (claim, factors)) in extraction.claims.iter().zip(&prepared.factors).enumerate() {
        // The claim's own words: the attribution in a gap is neither shown nor searched.
        let content = crate::model::content_text(body, claim.content, claim.content_gap);
        let cue = claim.cue.map(|s| slice(body, s.start, s.end));
        let source = claim.source.map(|s| slice(body, s.start, s.end));
        let speaker_id = claim
            .speaker
            .as_deref()
            .and_then(|name| speaker_ids.get(name).copied());
        insert.execute(params![
            article_id,
            ordinal as i64,
            claim.kind.as_str(),
            claim.content.start as i64,
            claim.content.end as i64,
            content,
            claim.cue.map(|s| s.start as i64),
            claim.cue.map(|s| s.end as i64),
            cue,
            claim.source.map(|s| s.start as i64),
            claim.source.map(|s| s.end as i64),
            source,
            speaker_id,
            claim.speaker,
            claim.source_type.as_str(),
            claim.title,
            claim.affiliation,
            claim.channel,
            claim.anonymity_reason,
            claim.stated_on,
            claim.reliability.score,
            claim.reliability.label,
            factors,
            claim.rule,
            claim.content_gap.map(|s| s.start as i64),
            claim.content_gap.map(|s| s.end as i64),
        ])?;
        if let Some(index) = index.as_mut() {
            index.execute(params![tx.last_insert_rowid(), content])?;
        }
    }
    Ok(extraction.claims.len())
}

/// The text of a span, or empty when a span is out of bounds or off a character
/// boundary: a faulty span must not abort an import, and the offsets are stored as given.
fn slice(body: &str, start: usize, end: usize) -> &str {
    body.get(start..end).unwrap_or_default()
}

/// Replays the user's speaker corrections (merges and splits) over freshly written
/// claims. Called once per write transaction, after the claims of its articles are in,
/// so corrections survive import and re-extraction.
pub fn replay_speaker_corrections(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    speakers::apply_corrections(tx)
}

fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    format_utc(secs)
}

/// `YYYY-MM-DDTHH:MM:SSZ` for seconds since the Unix epoch.
fn format_utc(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Ids of stored articles to re-extract: those extracted by a version older than
/// `current`, or all of them.
pub fn stale_article_ids(conn: &Connection, current: u32, all: bool) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = conn
        .prepare_cached("SELECT id FROM articles WHERE ?2 OR extractor_version < ?1 ORDER BY id")?;
    stmt.query_map(params![current, all], |r| r.get(0))?
        .collect()
}

/// A stored article as ingest made it, for re-extraction.
pub fn load_article(conn: &Connection, id: i64) -> rusqlite::Result<Option<Article>> {
    conn.prepare_cached(
        "SELECT origin, title, published, author, outlet, url, agency_credit, body, text_start
         FROM articles WHERE id = ?1",
    )?
    .query_row([id], |r| {
        Ok(Article {
            origin: r.get(0)?,
            meta: ArticleMeta {
                title: r.get(1)?,
                date: r.get(2)?,
                author: r.get(3)?,
                outlet: r.get(4)?,
                url: r.get(5)?,
                agency_credit: r.get(6)?,
            },
            body: r.get(7)?,
            text_start: r.get::<_, i64>(8)? as usize,
        })
    })
    .optional()
}

/// One row of the import summary: a stored article and its claims by source type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleSummary {
    pub id: i64,
    /// The file (or `FILE:LINE`, `-` for stdin) the article came from.
    pub origin: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub author: Option<String>,
    pub claims: usize,
    /// Claims per source type, in [`SourceType::ALL`] order, zero counts left out.
    pub by_source_type: Vec<(SourceType, usize)>,
}

/// The summary rows of the articles `ids`, in that order; unknown ids are skipped.
pub fn article_summaries(conn: &Connection, ids: &[i64]) -> rusqlite::Result<Vec<ArticleSummary>> {
    let mut article =
        conn.prepare_cached("SELECT title, published, author, origin FROM articles WHERE id = ?1")?;
    let mut counts = conn.prepare_cached(
        "SELECT source_type, count(*) FROM claims WHERE article_id = ?1 GROUP BY source_type",
    )?;
    let mut rows = Vec::with_capacity(ids.len());
    for &id in ids {
        let Some((title, date, author, origin)) = article
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .optional()?
        else {
            continue;
        };
        let mut found: HashMap<String, usize> = HashMap::new();
        for row in counts.query_map([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
            let (kind, n) = row?;
            found.insert(kind, n as usize);
        }
        let by_source_type: Vec<(SourceType, usize)> = SourceType::ALL
            .iter()
            .filter_map(|t| found.get(t.as_str()).map(|&n| (*t, n)))
            .collect();
        let claims = found.values().sum();
        rows.push(ArticleSummary {
            id,
            origin,
            title,
            date,
            author,
            claims,
            by_source_type,
        });
    }
    Ok(rows)
}

#[cfg(test)]
/// Test extraction: one direct claim per quoted stretch of `body`, spoken by `speaker`.
pub(crate) fn quotes(body: &str, speaker: &str, source_type: SourceType) -> Extraction {
    let mut claims = Vec::new();
    let mut rest = 0;
    while let Some(open) = body[rest..].find('"') {
        let start = rest + open + 1;
        let Some(close) = body[start..].find('"') else {
            break;
        };
        let end = start + close;
        claims.push(crate::model::Claim {
            kind: crate::model::ClaimKind::Direct,
            content: crate::model::Span::new(start, end),
            content_gap: None,
            cue: None,
            source: None,
            speaker: Some(speaker.to_owned()),
            source_type,
            title: None,
            affiliation: None,
            channel: None,
            anonymity_reason: None,
            stated_on: None,
            reliability: crate::model::Reliability {
                score: 0.5,
                label: String::from("medium"),
                factors: vec![String::from("direct quote")],
            },
            rule: "test/quote",
        });
        rest = end + 1;
    }
    Extraction {
        claims,
        speakers: vec![crate::model::Speaker {
            name: speaker.to_owned(),
            source_type,
            title: None,
            affiliation: None,
            aliases: vec![speaker.to_owned()],
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;
    use crate::store::Store;

    fn article(body: &str, url: Option<&str>) -> Article {
        let mut a = Article::from_text(body);
        a.origin = String::from("t.txt");
        a.meta.url = url.map(str::to_owned);
        a
    }

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.db")).unwrap();
        (dir, store)
    }

    fn put(store: &mut Store, a: &Article, e: &Extraction) -> Stored {
        let tx = store.begin_write().unwrap();
        let stored = store_article(&tx, a, e, 1).unwrap();
        replay_speaker_corrections(&tx).unwrap();
        tx.commit().unwrap();
        stored
    }

    fn count(store: &Store, sql: &str) -> i64 {
        store.conn().query_row(sql, [], |r| r.get(0)).unwrap()
    }

    fn fts_hits(store: &Store, word: &str) -> i64 {
        store
            .conn()
            .query_row(
                "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH ?1",
                [word],
                |r| r.get(0),
            )
            .unwrap()
    }

    #[test]
    fn same_content_twice_is_unchanged() {
        let (_dir, mut store) = store();
        let body = r#"She said "alpha" and "beta"."#;
        let a = article(body, None);
        let e = quotes(body, "Ann Lee", SourceType::NamedPerson);
        let first = put(&mut store, &a, &e);
        assert!(
            matches!(first, Stored::Imported { claims: 2, .. }),
            "{first:?}"
        );
        let second = put(&mut store, &a, &e);
        assert_eq!(second, Stored::Unchanged { id: first.id() });
        assert_eq!(count(&store, "SELECT count(*) FROM articles"), 1);
        assert_eq!(count(&store, "SELECT count(*) FROM claims"), 2);
        assert_eq!(fts_hits(&store, "alpha"), 1);
    }

    #[test]
    fn same_url_new_content_replaces_claims_and_index() {
        let (_dir, mut store) = store();
        let url = Some("https://example.com/a");
        let old = r#"He said "gamma" and "delta"."#;
        let first = put(
            &mut store,
            &article(old, url),
            &quotes(old, "Bo Ek", SourceType::NamedPerson),
        );
        let new = r#"A source said "epsilon"."#;
        let second = put(
            &mut store,
            &article(new, url),
            &quotes(new, "ministry source", SourceType::Anonymous),
        );
        assert_eq!(
            second,
            Stored::Replaced {
                id: first.id(),
                claims: 1
            }
        );
        assert_eq!(count(&store, "SELECT count(*) FROM articles"), 1);
        assert_eq!(count(&store, "SELECT count(*) FROM claims"), 1);
        assert_eq!(fts_hits(&store, "gamma"), 0);
        assert_eq!(fts_hits(&store, "epsilon"), 1);
        // The speaker who only spoke in the old version is gone.
        assert_eq!(
            count(&store, "SELECT count(*) FROM speakers WHERE name = 'Bo Ek'"),
            0
        );
        store
            .conn()
            .execute(
                "INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')",
                [],
            )
            .unwrap();
    }

    #[test]
    fn claims_point_at_their_speaker() {
        let (_dir, mut store) = store();
        let body = r#"Officials said "zeta"."#;
        put(
            &mut store,
            &article(body, None),
            &quotes(body, "Cy Do", SourceType::NamedOfficial),
        );
        let linked = count(
            &store,
            "SELECT count(*) FROM claims c JOIN speakers s ON s.id = c.speaker_id WHERE s.name = 'Cy Do'",
        );
        assert_eq!(linked, 1);
        let text: String = store
            .conn()
            .query_row("SELECT content_text FROM claims", [], |r| r.get(0))
            .unwrap();
        assert_eq!(text, "zeta");
    }

    #[test]
    fn a_content_gap_is_stored_read_back_and_left_out_of_the_text() {
        let (_dir, mut store) = store();
        let body = r#""We will win," he said, "and soon.""#;
        let mut e = quotes(
            r#""We will win, he said, and soon.""#,
            "Al Bo",
            SourceType::NamedPerson,
        );
        let gap_start = body.find('"').unwrap() + "\"We will win,".len();
        let gap_end = body.find("and").unwrap();
        e.claims[0].content = Span::new(1, body.len() - 1);
        e.claims[0].content_gap = Some(Span::new(gap_start, gap_end));
        put(&mut store, &article(body, None), &e);
        let rows = crate::store::queries::claims(
            store.conn(),
            &crate::store::queries::ClaimFilter::default(),
        )
        .unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].content.text, "We will win, … and soon.");
        assert_eq!(
            (rows[0].content.start, rows[0].content.end),
            (1, body.len() - 1)
        );
        assert_eq!(rows[0].content_gap, Some(Span::new(gap_start, gap_end)));
        // The attribution is not searchable as the claim's words.
        assert_eq!(fts_hits(&store, "soon"), 1);
        assert_eq!(fts_hits(&store, "said"), 0);
    }

    #[test]
    fn out_of_bounds_spans_do_not_abort() {
        let (_dir, mut store) = store();
        let body = "short";
        let mut e = quotes(r#"x "long enough body""#, "Di Fa", SourceType::NamedPerson);
        e.claims[0].content = Span::new(2, 400);
        let stored = put(&mut store, &article(body, None), &e);
        assert!(matches!(stored, Stored::Imported { claims: 1, .. }));
    }

    #[test]
    fn hash_depends_on_body_and_metadata() {
        let a = article("body", None);
        let mut b = a.clone();
        b.meta.title = Some(String::from("body"));
        let mut c = a.clone();
        c.body.push(' ');
        assert_ne!(content_hash(&a), content_hash(&b));
        assert_ne!(content_hash(&a), content_hash(&c));
        assert_eq!(content_hash(&a), content_hash(&a.clone()));
    }

    #[test]
    fn stale_articles_are_found_by_version() {
        let (_dir, mut store) = store();
        let body = r#"x "y""#;
        let a = put(
            &mut store,
            &article(body, None),
            &quotes(body, "E F", SourceType::NamedPerson),
        );
        assert_eq!(
            stale_article_ids(store.conn(), 1, false).unwrap(),
            Vec::<i64>::new()
        );
        assert_eq!(
            stale_article_ids(store.conn(), 2, false).unwrap(),
            vec![a.id()]
        );
        assert_eq!(
            stale_article_ids(store.conn(), 1, true).unwrap(),
            vec![a.id()]
        );
        let loaded = load_article(store.conn(), a.id()).unwrap().unwrap();
        assert_eq!(loaded.body, body);
        assert_eq!(loaded.origin, "t.txt");
    }

    /// Every claim's speaker id names a stored speaker.
    fn assert_speakers_exist(store: &Store) {
        let dangling = count(
            store,
            "SELECT count(*) FROM claims c WHERE c.speaker_id IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM speakers s WHERE s.id = c.speaker_id)",
        );
        assert_eq!(dangling, 0);
    }

    fn write_one(writer: &mut Writer<'_>, a: &Article, e: &Extraction) -> Stored {
        let tx = writer.begin().unwrap();
        let stored = writer.store(&tx, a, e, &prepare(a, e), 1).unwrap();
        writer.commit(tx).unwrap();
        stored
    }

    #[test]
    fn the_writer_forgets_speakers_another_connection_deleted() {
        let (dir, store) = store();
        let mut writer = Writer::new(&store);
        for (i, speaker) in ["Ann Lee", "Agence France-Presse"].iter().enumerate() {
            let kind = [SourceType::NamedPerson, SourceType::Agency][i];
            let body = format!(r#"{speaker} said "first {i}"."#);
            write_one(
                &mut writer,
                &article(&body, None),
                &quotes(&body, speaker, kind),
            );
            // Someone else removes the speaker between two batches.
            let other = Store::open(&dir.path().join("t.db")).unwrap();
            other
                .conn()
                .execute_batch("DELETE FROM claims; DELETE FROM speakers;")
                .unwrap();
            let body = format!(r#"{speaker} said "second {i}"."#);
            let stored = write_one(
                &mut writer,
                &article(&body, None),
                &quotes(&body, speaker, kind),
            );
            assert!(matches!(stored, Stored::Imported { claims: 1, .. }));
            assert_speakers_exist(&store);
            assert_eq!(count(&store, "SELECT count(*) FROM speakers"), 1);
        }
    }

    #[test]
    fn the_writer_forgets_speakers_a_replaced_article_took_away() {
        let (_dir, store) = store();
        let mut writer = Writer::new(&store);
        let url = Some("https://example.com/b");
        let tx = writer.begin().unwrap();
        for body in [r#"Cy Do said "one"."#, r#"Cy Do said "two"."#] {
            let (a, e) = (
                article(body, url),
                quotes(body, "Cy Do", SourceType::NamedPerson),
            );
            writer.store(&tx, &a, &e, &prepare(&a, &e), 1).unwrap();
        }
        writer.commit(tx).unwrap();
        assert_speakers_exist(&store);
        assert_eq!(count(&store, "SELECT count(*) FROM claims"), 1);
        assert_eq!(
            count(&store, "SELECT count(*) FROM speakers WHERE name = 'Cy Do'"),
            1
        );
    }

    #[test]
    fn the_writer_stores_what_single_articles_store() {
        let bodies = [
            (
                r#"Ann Lee said "a". Lee added "b"."#,
                "Ann Lee",
                SourceType::NamedPerson,
            ),
            (r#"AFP reported "c"."#, "AFP", SourceType::Agency),
            (r#"Lee said "d"."#, "Lee", SourceType::NamedPerson),
            (r#"A source said "e"."#, "a source", SourceType::Anonymous),
            (
                r#"Agence France-Presse said "f"."#,
                "Agence France-Presse",
                SourceType::Agency,
            ),
        ];
        let dump = |store: &Store| -> Vec<(String, Option<String>)> {
            store
                .conn()
                .prepare("SELECT c.content_text, s.name FROM claims c LEFT JOIN speakers s ON s.id = c.speaker_id ORDER BY c.id")
                .unwrap()
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        let (_d1, mut one) = store();
        for (body, speaker, kind) in bodies {
            put(&mut one, &article(body, None), &quotes(body, speaker, kind));
        }
        let (_d2, batched) = store();
        let mut writer = Writer::new(&batched);
        let tx = writer.begin().unwrap();
        for (body, speaker, kind) in bodies {
            let (a, e) = (article(body, None), quotes(body, speaker, kind));
            writer.store(&tx, &a, &e, &prepare(&a, &e), 1).unwrap();
        }
        writer.commit(tx).unwrap();
        assert_eq!(dump(&one), dump(&batched));
        assert_eq!(dump(&one).len(), 6);
    }

    #[track_caller]
    fn case(secs: u64, expected: &str) {
        assert_eq!(format_utc(secs), expected);
    }

    #[test]
    fn utc_timestamps() {
        case(0, "1970-01-01T00:00:00Z");
        case(951_782_400, "2000-02-29T00:00:00Z");
        case(1_700_000_000, "2023-11-14T22:13:20Z");
    }
}
