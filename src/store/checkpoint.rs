//! Checkpoints of the write-ahead log on a thread of their own, for long imports.
//!
//! In WAL mode a commit appends pages to the log; now and then the pages are copied back
//! into the database file (a checkpoint), which with `synchronous=NORMAL` is the only
//! moment SQLite waits for the disk (two `fsync`s). By default the connection that
//! commits runs the checkpoint itself whenever the log passes 1,000 pages, so the import's
//! single writer stood still for every one: on a 46 MB import, 83 `fsync`s took a third
//! of the wall time. While a [`Checkpointer`] lives, the writer's connection does not
//! checkpoint (`wal_autocheckpoint = 0`); a second connection on a background thread runs
//! passive checkpoints, which copy what is committed without blocking the writer or any
//! reader, and the writer restarts the log from its beginning once it has all been copied,
//! so the log stays about as small as before. Nothing about durability changes: commits
//! are in the log either way.

use std::path::PathBuf;
use std::thread::JoinHandle;
use std::time::Duration;

use crossbeam_channel::{Sender, bounded};
use rusqlite::{Connection, OpenFlags};

use super::Store;

/// How often the background connection looks for committed pages to copy.
const INTERVAL: Duration = Duration::from_millis(100);

/// SQLite's default `wal_autocheckpoint`, restored when the checkpointer stops.
const DEFAULT_AUTOCHECKPOINT: i64 = 1000;

/// Runs passive checkpoints on a background thread until dropped.
pub struct Checkpointer<'a> {
    store: &'a Store,
    stop: Option<Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl<'a> Checkpointer<'a> {
    /// Starts checkpointing `store`'s database from a thread of its own. For a database
    /// without a file (in memory) it does nothing.
    pub fn start(store: &'a Store) -> rusqlite::Result<Self> {
        let idle = Self {
            store,
            stop: None,
            thread: None,
        };
        let Some(path) = store
            .conn()
            .path()
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
        else {
            return Ok(idle);
        };
        // Open before turning the writer's checkpoints off, so a failure changes nothing.
        let conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(Duration::from_secs(5))?;
        let (stop, stopped) = bounded::<()>(0);
        let spawned = std::thread::Builder::new()
            .name("whosaid-checkpoint".into())
            .spawn(move || {
                while let Err(crossbeam_channel::RecvTimeoutError::Timeout) =
                    stopped.recv_timeout(INTERVAL)
                {
                    // A passive checkpoint never waits for a lock; a busy or failed one
                    // is simply tried again (the log keeps everything meanwhile).
                    let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
                }
            });
        // Without a thread the writer checkpoints as usual: slower, nothing lost.
        let Ok(thread) = spawned else {
            return Ok(idle);
        };
        store.conn().pragma_update(None, "wal_autocheckpoint", 0)?;
        Ok(Self {
            stop: Some(stop),
            thread: Some(thread),
            ..idle
        })
    }
}

impl Drop for Checkpointer<'_> {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
            let _ =
                self.store
                    .conn()
                    .pragma_update(None, "wal_autocheckpoint", DEFAULT_AUTOCHECKPOINT);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn autocheckpoint(store: &Store) -> i64 {
        store
            .conn()
            .query_row("PRAGMA wal_autocheckpoint", [], |r| r.get(0))
            .unwrap()
    }

    fn write_batch(store: &Store, batch: i64) {
        let tx = store.begin_write().unwrap();
        for i in 0..200 {
            tx.execute(
                "INSERT INTO speaker_corrections (action, a, b, created_at) VALUES ('merge', ?1, ?2, 'now')",
                rusqlite::params![format!("{batch}-{i}-{}", "x".repeat(200)), "b"],
            )
            .unwrap();
        }
        tx.commit().unwrap();
    }

    /// While the checkpointer runs, the writer does not checkpoint, yet committed pages
    /// reach the database file; afterwards the writer checkpoints as SQLite does by default.
    #[test]
    fn committed_pages_reach_the_database_file_without_the_writer() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let store = Store::open(&path).unwrap();
        let before = std::fs::metadata(&path).unwrap().len();
        {
            let _checkpointer = Checkpointer::start(&store).unwrap();
            assert_eq!(autocheckpoint(&store), 0);
            for batch in 0..10 {
                write_batch(&store, batch);
            }
            let deadline = std::time::Instant::now() + Duration::from_secs(10);
            while std::fs::metadata(&path).unwrap().len() <= before {
                assert!(
                    std::time::Instant::now() < deadline,
                    "no checkpoint copied the committed pages into {}",
                    path.display()
                );
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        assert_eq!(autocheckpoint(&store), DEFAULT_AUTOCHECKPOINT);
        let n: i64 = store
            .conn()
            .query_row("SELECT count(*) FROM speaker_corrections", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 2000);
    }

    #[test]
    fn an_in_memory_database_is_left_alone() {
        let store = Store {
            conn: Connection::open_in_memory().unwrap(),
        };
        let checkpointer = Checkpointer::start(&store).unwrap();
        assert!(checkpointer.thread.is_none());
        drop(checkpointer);
    }
}
