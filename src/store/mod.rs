//! Storage: owns every SQL statement. The schema is `schema.sql` at the repository root,
//! embedded at build time and versioned with `PRAGMA user_version`.

pub mod queries;
pub mod speakers;

use std::path::Path;

use rusqlite::Connection;

/// The schema version this binary writes.
pub const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = include_str!("../../schema.sql");

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open database {path}: {source}")]
    Open {
        path: String,
        source: rusqlite::Error,
    },
    #[error(
        "database {path} has schema version {found}, newer than this whosaid knows ({known}); upgrade whosaid"
    )]
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
    #[error(transparent)]
    Sql(#[from] rusqlite::Error),
}

/// An open claim database.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let display = path.display().to_string();
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: display.clone(),
            source,
        })?;
        let store = Self { conn };
        store.migrate(&display)?;
        Ok(store)
    }

    fn migrate(&self, path: &str) -> Result<(), StoreError> {
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: path.to_owned(),
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        if version == 0 {
            let tx = self.conn.unchecked_transaction()?;
            tx.execute_batch(SCHEMA)?;
            tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// The underlying connection, for the query and write modules of this crate.
    #[must_use]
    pub fn conn(&self) -> &Connection {
        &self.conn
    }
}
