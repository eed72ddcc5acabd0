//! Reference queries for the benchmark: the three lookups users make most (claims by
//! speaker, by source type, full-text search with ranking), written the way the query
//! layer runs them, so their latency on a large database can be measured and kept in
//! check by the indexes in `schema.sql`.

use rusqlite::Connection;

use crate::store::queries::{self, ClaimFilter};

/// Claims (id, text) of the speaker known by `name`, the first `limit` in article order,
/// exactly as `whosaid claims --speaker NAME` selects them: the name is resolved with
/// [`queries::find_speakers`] and the claims listed by [`queries::claims`], which walks
/// claims_speaker in order and stops at the limit.
pub fn claims_by_speaker(
    conn: &Connection,
    name: &str,
    limit: i64,
) -> rusqlite::Result<Vec<(i64, String)>> {
    let ids: Vec<i64> = queries::find_speakers(conn, name)?
        .iter()
        .map(|s| s.id)
        .collect();
    listed(
        conn,
        &ClaimFilter {
            speakers: Some(ids),
            limit: Some(limit as usize),
            ..ClaimFilter::default()
        },
    )
}

/// Claims (id, text) of one source type, the first `limit` in article order, as
/// `whosaid claims --type` lists them (claims_type_order walked in order, no sort).
pub fn claims_by_source_type(
    conn: &Connection,
    source_type: &str,
    limit: i64,
) -> rusqlite::Result<Vec<(i64, String)>> {
    let Ok(source_type) = source_type.parse() else {
        return Ok(Vec::new());
    };
    listed(
        conn,
        &ClaimFilter {
            source_type: Some(source_type),
            limit: Some(limit as usize),
            ..ClaimFilter::default()
        },
    )
}

fn listed(conn: &Connection, filter: &ClaimFilter) -> rusqlite::Result<Vec<(i64, String)>> {
    Ok(queries::claims(conn, filter)?
        .into_iter()
        .map(|row| (row.id, row.content.text))
        .collect())
}

/// Claims (id, text) matching the FTS5 query `query`, best bm25 rank first, as
/// `whosaid claims --search QUERY --limit N` selects them (ranked inside the full-text
/// index by [`queries::best_matches`], on several threads on a large store).
pub fn search(conn: &Connection, query: &str, limit: i64) -> rusqlite::Result<Vec<(i64, String)>> {
    listed(
        conn,
        &ClaimFilter {
            search: Some(query.to_owned()),
            order: Some(queries::ClaimOrder::Relevance),
            limit: Some(limit as usize),
            ..ClaimFilter::default()
        },
    )
}

/// How many claims match the FTS5 query `query`.
pub fn count_matches(conn: &Connection, query: &str) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH ?1",
        [query],
        |r| r.get(0),
    )
}
