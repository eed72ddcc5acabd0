//! Reference queries for the benchmark: the three lookups users make most (claims by
//! speaker, by source type, full-text search with ranking), written the way the query
//! layer runs them, so their latency on a large database can be measured and kept in
//! check by the indexes in `schema.sql`.

use rusqlite::{Connection, params};

/// Claims (id, text) of the speaker known by `name` (any alias), in article order.
pub fn claims_by_speaker(
    conn: &Connection,
    name: &str,
    limit: i64,
) -> rusqlite::Result<Vec<(i64, String)>> {
    // Walks claims_speaker, whose entries are ordered by claim id within a speaker, so
    // the first page needs no sort however many claims the speaker has.
    conn.prepare_cached(
        "SELECT c.id, c.content_text FROM claims c
         WHERE c.speaker_id IN (SELECT speaker_id FROM speaker_aliases WHERE norm = lower(?1))
         ORDER BY c.id LIMIT ?2",
    )?
    .query_map(params![name, limit], |r| Ok((r.get(0)?, r.get(1)?)))?
    .collect()
}

/// Claims (id, text) of one source type in article order, as `whosaid claims --type`
/// lists them: claims_type_order is walked in order, so the first page needs no sort.
/// (Ordering by reliability happens in memory, after corroboration is added.)
pub fn claims_by_source_type(
    conn: &Connection,
    source_type: &str,
    limit: i64,
) -> rusqlite::Result<Vec<(i64, String)>> {
    conn.prepare_cached(
        "SELECT id, content_text FROM claims WHERE source_type = ?1
         ORDER BY article_id, ordinal LIMIT ?2",
    )?
    .query_map(params![source_type, limit], |r| Ok((r.get(0)?, r.get(1)?)))?
    .collect()
}

/// Claims (id, text) matching the FTS5 query `query`, best bm25 rank first.
///
/// Ranks inside the full-text index first and joins the few winners to `claims`
/// afterwards; ordering by `bm25()` measured about twice as fast as by the `rank` column
/// on a term matching 40,000 claims. Ranking still scores every match, so a term found
/// in a tenth of all claims costs tens of milliseconds per 10,000 matches.
pub fn search(conn: &Connection, query: &str, limit: i64) -> rusqlite::Result<Vec<(i64, String)>> {
    conn.prepare_cached(
        "SELECT c.id, c.content_text
         FROM (SELECT rowid, bm25(claims_fts) AS score FROM claims_fts
               WHERE claims_fts MATCH ?1 ORDER BY score LIMIT ?2) AS hit
         JOIN claims c ON c.id = hit.rowid
         ORDER BY hit.score",
    )?
    .query_map(params![query, limit], |r| Ok((r.get(0)?, r.get(1)?)))?
    .collect()
}

/// How many claims match the FTS5 query `query`.
pub fn count_matches(conn: &Connection, query: &str) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH ?1",
        [query],
        |r| r.get(0),
    )
}
