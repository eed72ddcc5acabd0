//! Deferred indexing for a large import into an empty or small database.
//!
//! Keeping the claims' secondary indexes and the full-text index up to date row by row
//! is most of the import writer's work, and it grows with the database: the index pages
//! a batch touches lie scattered through the file, so every commit writes more of them
//! to the log. A large import into an empty or small database therefore drops them
//! ([`defer`]), stores claims without them, and builds them once at the end from sorted
//! data ([`restore`]): `CREATE INDEX` and the full-text index's 'rebuild'. The measurements
//! behind the choice are in `src/store/write.rs` (full-text strategy) and in
//! `src/pipeline.rs` (when an import switches).
//!
//! Crash safety needs no bookkeeping: what is missing is itself the record. An import
//! that is killed leaves a database without some of the indexes of `schema.sql`, and
//! [`crate::store::Store::open`] calls [`restore`] before anything else reads it, so no
//! query ever sees a store with half its claims indexed. A connection that restores the
//! indexes while another import runs in deferred mode is safe too: the writer looks for
//! the full-text table at the start of every transaction and keeps it up to date when
//! it is there ([`fts_present`]).

use rusqlite::{Connection, OptionalExtension};

use super::migrations::SCHEMA_V1;

/// The claims' secondary indexes dropped during a bulk import. Their definitions are
/// taken from `schema.sql`, so they cannot drift from it.
pub const DEFERRED_INDEXES: &[&str] = &["claims_speaker", "claims_type_order"];

/// Page cache while the indexes are built (`PRAGMA cache_size`, negative: KiB).
const BUILD_CACHE_KIB: i64 = -8192;

/// The full-text table, also defined in `schema.sql`.
const FTS_TABLE: &str = "claims_fts";

/// The statement in `schema.sql` that begins with `head`, up to its semicolon.
fn schema_statement(head: &str) -> &'static str {
    let start = SCHEMA_V1
        .find(head)
        .unwrap_or_else(|| panic!("schema.sql defines {head}"));
    let len = SCHEMA_V1[start..]
        .find(';')
        .unwrap_or_else(|| panic!("schema.sql ends {head} with a semicolon"));
    &SCHEMA_V1[start..=start + len]
}

fn index_sql(name: &str) -> &'static str {
    schema_statement(&format!("CREATE INDEX {name} ON "))
}

fn fts_sql() -> &'static str {
    schema_statement(&format!("CREATE VIRTUAL TABLE {FTS_TABLE} USING"))
}

fn exists(conn: &Connection, kind: &str, name: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT 1 FROM sqlite_master WHERE type = ?1 AND name = ?2")?
        .query_row([kind, name], |_| Ok(()))
        .optional()
        .map(|found| found.is_some())
}

/// About how many claims the database holds: the largest claim id (no count over them
/// all).
pub fn claims_stored(conn: &Connection) -> rusqlite::Result<usize> {
    let max: i64 = conn
        .prepare_cached("SELECT coalesce(max(id), 0) FROM claims")?
        .query_row([], |r| r.get(0))?;
    Ok(usize::try_from(max).unwrap_or(usize::MAX))
}

/// Whether speaker corrections are stored: replaying them looks claims up by speaker, so
/// an import that must replay them keeps the index by speaker.
pub fn has_corrections(conn: &Connection) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM speaker_corrections)")?
        .query_row([], |r| r.get(0))
}

/// Whether the full-text table exists, so that claims written now must be indexed.
pub fn fts_present(conn: &Connection) -> rusqlite::Result<bool> {
    exists(conn, "table", FTS_TABLE)
}

/// Whether every deferred index and the full-text table are in place.
pub fn complete(conn: &Connection) -> rusqlite::Result<bool> {
    for name in DEFERRED_INDEXES {
        if !exists(conn, "index", name)? {
            return Ok(false);
        }
    }
    fts_present(conn)
}

/// Drops the deferred indexes and the full-text table, in one transaction. The caller
/// must call [`restore`] when the bulk load is done (an interrupted one is restored by
/// the next [`crate::store::Store::open`]).
pub fn defer(conn: &Connection) -> rusqlite::Result<()> {
    let tx = rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)?;
    for name in DEFERRED_INDEXES {
        tx.execute_batch(&format!("DROP INDEX IF EXISTS {name};"))?;
    }
    tx.execute_batch(&format!("DROP TABLE IF EXISTS {FTS_TABLE};"))?;
    tx.commit()
}

/// Builds whatever [`defer`] dropped and is still missing, in one transaction: the
/// indexes as `schema.sql` defines them, and the full-text table with every stored
/// claim. Does nothing (one look at the schema) when all are present. Returns whether
/// anything was built.
pub fn restore(conn: &Connection) -> rusqlite::Result<bool> {
    if complete(conn)? {
        return Ok(false);
    }
    // The sort behind CREATE INDEX keeps as much in memory as the page cache may hold,
    // on top of the cache itself: with the usual 32 MiB, a 100,000-article import peaked
    // at 93 MiB resident; with 8 MiB while building, at 69 MiB, in about the same time.
    let cache: i64 = conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    conn.pragma_update(None, "cache_size", BUILD_CACHE_KIB)?;
    let built = build_missing(conn);
    conn.pragma_update(None, "cache_size", cache)?;
    built
}

fn build_missing(conn: &Connection) -> rusqlite::Result<bool> {
    let tx = rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)?;
    // Another connection may have built them while this one waited for the lock.
    let mut built = false;
    for name in DEFERRED_INDEXES {
        if !exists(&tx, "index", name)? {
            tx.execute_batch(index_sql(name))?;
            built = true;
        }
    }
    if !fts_present(&tx)? {
        tx.execute_batch(fts_sql())?;
        tx.execute_batch(&format!(
            "INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('rebuild');"
        ))?;
        built = true;
    }
    tx.commit()?;
    Ok(built)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, SourceType};
    use crate::store::Store;
    use crate::store::write::{Writer, prepare, quotes};

    fn write_one(writer: &mut Writer<'_>, body: &str) {
        let mut article = Article::from_text(body);
        article.origin = String::from("t.txt");
        let extraction = quotes(body, "Ann Lee", SourceType::NamedPerson);
        let tx = writer.begin().unwrap();
        writer
            .store(
                &tx,
                &article,
                &extraction,
                &prepare(&article, &extraction),
                1,
            )
            .unwrap();
        writer.commit(tx).unwrap();
    }

    fn hits(conn: &Connection, word: &str) -> i64 {
        conn.query_row(
            "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH ?1",
            [word],
            |r| r.get(0),
        )
        .unwrap()
    }

    /// Another connection that opens the database while a writer has the indexes
    /// deferred builds them; the writer then indexes what it writes next.
    #[test]
    fn a_writer_indexes_again_once_another_connection_restored_the_indexes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let store = Store::open(&path).unwrap();
        let mut writer = Writer::new(&store);
        defer(store.conn()).unwrap();
        assert!(!complete(store.conn()).unwrap());
        write_one(&mut writer, r#"Ann Lee said "alpha one"."#);
        let other = Store::open(&path).unwrap();
        assert!(complete(other.conn()).unwrap());
        assert_eq!(hits(other.conn(), "alpha"), 1);
        write_one(&mut writer, r#"Ann Lee said "beta two"."#);
        assert_eq!(hits(other.conn(), "beta"), 1);
        other
            .conn()
            .execute(
                "INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')",
                [],
            )
            .unwrap();
        assert!(!restore(store.conn()).unwrap(), "nothing left to build");
    }

    #[test]
    fn definitions_come_from_the_schema() {
        assert_eq!(
            index_sql("claims_speaker"),
            "CREATE INDEX claims_speaker ON claims(speaker_id, article_id, ordinal);"
        );
        assert_eq!(
            index_sql("claims_type_order"),
            "CREATE INDEX claims_type_order ON claims(source_type, article_id, ordinal);"
        );
        assert!(fts_sql().starts_with("CREATE VIRTUAL TABLE claims_fts USING fts5("));
        assert!(fts_sql().ends_with(");"));
        assert!(fts_sql().contains("content_rowid = 'id'"));
    }
}
