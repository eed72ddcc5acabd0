//! Storage: owns every SQL statement. The schema is `schema.sql` at the repository root,
//! embedded at build time and versioned with `PRAGMA user_version`; later versions are
//! numbered steps in [`migrations`].
//!
//! Every connection runs in WAL mode with `synchronous=NORMAL` (a commit is durable
//! against a process crash, and readers never block the writer), a busy timeout (so
//! two importers on one database take turns instead of failing) and foreign keys on.

pub mod bulk;
pub mod checkpoint;
pub mod migrations;
pub mod queries;
pub mod reference;
pub mod speakers;
pub mod write;

use std::path::Path;
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, Transaction, TransactionBehavior};

pub use migrations::SCHEMA_VERSION;

/// How long a connection waits for another writer before giving up. Long enough for
/// another import's batch (well under a second) many times over.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open database {path}: {reason}")]
    Open { path: String, reason: String },
    #[error(
        "database {path} has schema version {found}, newer than this whosaid knows ({known}); upgrade whosaid"
    )]
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("cannot upgrade database {path} to schema version {version}: {reason}")]
    Migrate {
        path: String,
        version: i64,
        reason: String,
    },
    #[error(transparent)]
    Sql(#[from] rusqlite::Error),
}

/// What went wrong opening a database, in one line with a hint, without the repetition of
/// SQLite's own error chain ("file is not a database: file is not a database: Error code 26").
pub(crate) fn open_reason(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqliteFailure(code, message) => match code.code {
            rusqlite::ErrorCode::NotADatabase => {
                String::from("not an SQLite database; give another --db path")
            }
            rusqlite::ErrorCode::CannotOpen => String::from(
                "cannot create or open the file; check that its directory exists and is writable",
            ),
            rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::PermissionDenied => {
                String::from("the file is read-only; check its permissions")
            }
            _ => message.clone().unwrap_or_else(|| code.to_string()),
        },
        other => other.to_string(),
    }
}

/// An open claim database.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let display = path.display().to_string();
        let open_err = |e: rusqlite::Error| StoreError::Open {
            path: display.clone(),
            reason: open_reason(&e),
        };
        let mut conn = Connection::open(path).map_err(open_err)?;
        // While another process creates the same new database and switches it to WAL,
        // SQLite can answer "database is locked" at once, without the busy handler: try
        // again for as long as the busy timeout.
        let started = std::time::Instant::now();
        loop {
            match configure(&conn) {
                Ok(()) => break,
                Err(e) if is_busy(&e) && started.elapsed() < BUSY_TIMEOUT => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(e) => return Err(open_err(e)),
            }
        }
        migrations::migrate(&mut conn, &display, migrations::STEPS)?;
        // An import that deferred its indexes and was interrupted left them missing:
        // build them before anything reads the claims (see `bulk`).
        bulk::restore(&conn).map_err(|e| StoreError::Open {
            path: display.clone(),
            reason: format!(
                "cannot rebuild the indexes of an interrupted import: {}",
                open_reason(&e)
            ),
        })?;
        Ok(Self { conn })
    }

    /// The underlying connection, for the query and write modules of this crate.
    #[must_use]
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Starts a write transaction that takes the write lock at once (`BEGIN IMMEDIATE`),
    /// waiting for another writer if needed. A deferred transaction that reads first could
    /// fail with "database is locked" when another importer commits in between.
    ///
    /// Takes `&self` so a batch writer can open one transaction after another while
    /// holding the store; never open a second one before the first is finished.
    pub fn begin_write(&self) -> rusqlite::Result<Transaction<'_>> {
        Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)
    }
}

/// Whether `e` is SQLite's "database is locked" or "busy".
fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(f, _)
            if matches!(f.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// Per-connection settings; see the module comment.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Switching to WAL needs a moment of exclusive access; the busy timeout covers a
    // second process opening the same new database.
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    let _ = mode; // "memory" for in-memory databases, "wal" otherwise.
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // 32 MiB of page cache: enough for the indexes of a large import to stay hot.
    conn.pragma_update(None, "cache_size", -32_768)?;
    // Query plans that do not depend on bound values (SQLite's "query planner stability
    // guarantee"). Without it, the planner marks a statement whose plan *could* depend on
    // a parameter (any `column = ?` term it weighs as a filter, LIKE patterns, STAT4
    // samples) to be prepared again when that parameter is rebound, and the statement
    // cache clears every statement's bindings when it is returned
    // (`sqlite3_clear_bindings`), which counts as a rebind. Every speaker lookup was thus
    // compiled afresh on every use: 17 % of an import's CPU. Nothing here benefits from
    // value-dependent plans (no LIKE on parameters; statistics are not gathered).
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}

#[cfg(test)]
mod tests {
    use rusqlite::OptionalExtension;

    use super::*;

    #[test]
    fn busy_and_locked_are_retried_other_errors_are_not() {
        let failure =
            |code: i32| rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None);
        assert!(is_busy(&failure(rusqlite::ffi::SQLITE_BUSY)));
        assert!(is_busy(&failure(rusqlite::ffi::SQLITE_LOCKED)));
        assert!(!is_busy(&failure(rusqlite::ffi::SQLITE_READONLY)));
        assert!(!is_busy(&failure(rusqlite::ffi::SQLITE_CORRUPT)));
        assert!(!is_busy(&rusqlite::Error::QueryReturnedNoRows));
    }

    #[test]
    fn open_sets_wal_and_foreign_keys() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.db")).unwrap();
        let mode: String = store
            .conn()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = store
            .conn()
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
        let version: i64 = store
            .conn()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
    }

    /// A cached statement whose plan SQLite could tie to a bound value (here the filter
    /// `article_id = ?1`) must not be compiled again each time it is taken from the cache.
    #[test]
    fn cached_statements_are_not_prepared_again_on_each_use() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.db")).unwrap();
        let sql = "SELECT id FROM speakers WHERE article_id = ?1 AND norm = ?2 ORDER BY id LIMIT 1";
        for i in 0..20_i64 {
            let mut stmt = store.conn().prepare_cached(sql).unwrap();
            let found = stmt
                .query_row(rusqlite::params![i, format!("name {i}")], |r| {
                    r.get::<_, i64>(0)
                })
                .optional()
                .unwrap();
            assert_eq!(found, None);
            let reprepared = stmt.get_status(rusqlite::StatementStatus::RePrepare);
            assert_eq!(reprepared, 0, "prepared again on use {i}");
        }
    }

    #[test]
    fn reopening_keeps_data() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        {
            let store = Store::open(&path).unwrap();
            store
                .conn()
                .execute(
                    "INSERT INTO speaker_corrections (action, a, b, created_at) VALUES ('merge', 'a', 'b', 'now')",
                    [],
                )
                .unwrap();
        }
        let store = Store::open(&path).unwrap();
        let n: i64 = store
            .conn()
            .query_row("SELECT count(*) FROM speaker_corrections", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1);
    }
}
