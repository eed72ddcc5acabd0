//! Schema versions. `schema.sql` is version 1 and is never edited once shipped; every
//! later change is one numbered [`Step`] appended to [`STEPS`], which brings a database
//! from the version before it to its own. `PRAGMA user_version` records where a database
//! stands; a database newer than this binary is refused rather than guessed at.
//!
//! To change the schema: append `Step { to: N + 1, sql: "..." }` (SQL with a comment on
//! why), and the new database layout follows from `schema.sql` plus every step, for new
//! and old databases alike.

use rusqlite::{Connection, TransactionBehavior};

use super::StoreError;

pub(crate) const SCHEMA_V1: &str = include_str!("../../schema.sql");

/// One schema change: the SQL that brings a database at version `to - 1` to `to`.
#[derive(Debug, Clone, Copy)]
pub struct Step {
    pub to: i64,
    pub sql: &'static str,
}

/// The schema changes after version 1, in order.
pub const STEPS: &[Step] = &[
    Step {
        to: 2,
        // Two indexes no query uses: claims are listed by speaker, by type or by article in
        // article order (claims_speaker, claims_type_order), and ordered by reliability
        // only after corroboration is added, in memory. Each index cost about 5 % of an
        // import's writer time.
        sql: "DROP INDEX IF EXISTS claims_reliability;
              DROP INDEX IF EXISTS claims_source_type;",
    },
    Step {
        to: 3,
        // The attribution that interrupts a claim ("We will win," he said, "and soon."),
        // as byte offsets into articles.body inside content_start..content_end; NULL when
        // the content is one piece, as it is for every claim stored before this step.
        sql: "ALTER TABLE claims ADD COLUMN content_gap_start INTEGER;
              ALTER TABLE claims ADD COLUMN content_gap_end INTEGER;",
    },
];

/// The schema version this binary writes.
pub const SCHEMA_VERSION: i64 = 1 + STEPS.len() as i64;

/// Brings the database to the last version of `steps`, all in one transaction: a
/// crash leaves it at the old version, never half-way. Two processes opening the same
/// new database serialize on the write lock, and the second finds the work done.
pub fn migrate(conn: &mut Connection, path: &str, steps: &[Step]) -> Result<(), StoreError> {
    let known = 1 + steps.len() as i64;
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current > known {
        return Err(too_new(path, current, known));
    }
    if current == known {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > known {
        return Err(too_new(path, version, known));
    }
    let failed = |version, source: rusqlite::Error| StoreError::Migrate {
        path: path.to_owned(),
        version,
        reason: super::open_reason(&source),
    };
    if version == 0 {
        tx.execute_batch(SCHEMA_V1).map_err(|e| failed(1, e))?;
        version = 1;
    }
    for (i, step) in steps.iter().enumerate() {
        debug_assert_eq!(
            step.to,
            i as i64 + 2,
            "migration steps must be numbered in order"
        );
        if version < step.to {
            tx.execute_batch(step.sql).map_err(|e| failed(step.to, e))?;
            version = step.to;
        }
    }
    tx.pragma_update(None, "user_version", version)?;
    tx.commit()?;
    Ok(())
}

fn too_new(path: &str, found: i64, known: i64) -> StoreError {
    StoreError::TooNew {
        path: path.to_owned(),
        found,
        known,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(conn: &Connection) -> i64 {
        conn.query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap()
    }

    const ADD_NOTE: Step = Step {
        to: 2,
        sql: "ALTER TABLE articles ADD COLUMN note TEXT; UPDATE articles SET note = 'migrated';",
    };

    #[test]
    fn a_version_1_database_is_migrated_by_the_next_step() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, "t.db", &[]).unwrap();
        assert_eq!(version(&conn), 1);
        conn.execute(
            "INSERT INTO articles (origin, content_hash, body, extractor_version, imported_at)
             VALUES ('a.txt', 'h', 'body', 1, 'now')",
            [],
        )
        .unwrap();

        migrate(&mut conn, "t.db", &[ADD_NOTE]).unwrap();
        assert_eq!(version(&conn), 2);
        let note: String = conn
            .query_row("SELECT note FROM articles", [], |r| r.get(0))
            .unwrap();
        assert_eq!(note, "migrated");

        // Running again is a no-op: the step is not applied twice.
        migrate(&mut conn, "t.db", &[ADD_NOTE]).unwrap();
        assert_eq!(version(&conn), 2);
    }

    fn indexes(conn: &Connection) -> Vec<String> {
        conn.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'claims' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    /// One article with one anonymous claim, in the columns every version has.
    fn insert_one_claim(conn: &Connection) {
        conn.execute_batch(
            "INSERT INTO articles (id, origin, content_hash, body, extractor_version, imported_at)
                 VALUES (1, 'a.txt', 'h', 'body', 1, 'now');
             INSERT INTO claims (article_id, ordinal, kind, content_start, content_end,
                 content_text, source_type, reliability, reliability_label,
                 reliability_factors, rule)
                 VALUES (1, 0, 'direct', 0, 4, 'body', 'anonymous', 0.5, 'medium', '[]', 'r');",
        )
        .unwrap();
    }

    #[test]
    fn version_2_drops_the_unused_claim_indexes_and_keeps_the_claims() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, "t.db", &[]).unwrap();
        assert!(indexes(&conn).contains(&String::from("claims_reliability")));
        insert_one_claim(&conn);
        migrate(&mut conn, "t.db", &STEPS[..1]).unwrap();
        assert_eq!(version(&conn), 2);
        assert_eq!(
            indexes(&conn),
            [
                "claims_speaker",
                "claims_type_order",
                "sqlite_autoindex_claims_1"
            ]
        );
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM claims WHERE source_type = 'anonymous'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1);
    }

    #[test]
    fn version_3_adds_empty_gap_columns_to_stored_claims() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, "t.db", &STEPS[..1]).unwrap();
        insert_one_claim(&conn);
        assert!(
            conn.prepare("SELECT content_gap_start FROM claims")
                .is_err()
        );
        migrate(&mut conn, "t.db", STEPS).unwrap();
        assert_eq!(version(&conn), 3);
        let gap: (Option<i64>, Option<i64>, String) = conn
            .query_row(
                "SELECT content_gap_start, content_gap_end, content_text FROM claims",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(gap, (None, None, String::from("body")));
        conn.execute(
            "UPDATE claims SET content_gap_start = 1, content_gap_end = 2",
            [],
        )
        .unwrap();
    }

    #[test]
    fn a_failing_step_leaves_the_old_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, "t.db", &[]).unwrap();
        let broken = Step {
            to: 2,
            sql: "ALTER TABLE articles ADD COLUMN x TEXT; ALTER TABLE nowhere ADD COLUMN y TEXT;",
        };
        let err = migrate(&mut conn, "t.db", &[broken]).unwrap_err();
        assert!(
            matches!(err, StoreError::Migrate { version: 2, .. }),
            "{err}"
        );
        assert_eq!(version(&conn), 1);
        // The first statement of the failed step was rolled back with it.
        assert!(conn.prepare("SELECT x FROM articles").is_err());
    }

    #[test]
    fn a_newer_database_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, "t.db", &[ADD_NOTE]).unwrap();
        let err = migrate(&mut conn, "t.db", &[]).unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::TooNew {
                    found: 2,
                    known: 1,
                    ..
                }
            ),
            "{err}"
        );
        assert!(err.to_string().contains("upgrade whosaid"));
    }
}
