//! Crash safety: `whosaid import` killed with SIGKILL at random moments, many times,
//! leaves a sound database in which every stored article has all its claims, and a
//! final import completes the rest.

use std::path::Path;
use std::process::Stdio;
use std::thread::sleep;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rusqlite::Connection;

use crate::import::{assert_consistent, assert_exit, command, whosaid, write_corpus};

/// Kill rounds; each imports a fresh slice of the corpus, so every kill can land while
/// articles are being written rather than while stored ones are skipped.
const ROUNDS: usize = 25;
const PER_ROUND: usize = 120;

/// A small xorshift generator; the seed is printed so a failure can be replayed with
/// `WHOSAID_KILL_SEED`.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// SQLite's own check and the full-text index's, without re-extracting everything.
fn assert_sound(db: &Path) -> i64 {
    let conn = Connection::open(db).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    if version == 0 {
        // Killed before the schema's transaction committed: an empty database.
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .unwrap();
        assert_eq!(
            tables, 0,
            "a database without a schema version has no tables"
        );
        return 0;
    }
    conn.execute(
        "INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')",
        [],
    )
    .expect("full-text index matches the claims");
    conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn import_killed_at_random_moments_loses_nothing() {
    let seed = std::env::var("WHOSAID_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
                | 1
        });
    eprintln!("kill test seed: {seed} (set WHOSAID_KILL_SEED to replay)");
    let mut rng = Rng(seed);

    let dir = tempfile::tempdir().unwrap();
    for round in 0..ROUNDS {
        let range = round * PER_ROUND..(round + 1) * PER_ROUND;
        write_corpus(&dir.path().join(format!("in/round{round:02}")), range);
    }
    let db = dir.path().join("t.db");

    // How long importing one slice takes here, so kills land throughout an import.
    let probe = dir.path().join("probe.db");
    let start = Instant::now();
    assert_exit(
        &whosaid(dir.path(), &probe, &["import", "in/round00", "-q"]),
        0,
    );
    let slice = start.elapsed().as_millis().max(20) as u64;

    let mut stored = Vec::new();
    let budget = Instant::now();
    for round in 0..ROUNDS {
        if budget.elapsed() > Duration::from_secs(40) {
            break;
        }
        let input = format!("in/round{round:02}");
        let mut child = command(dir.path(), &db, &["import", &input, "-q"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        sleep(Duration::from_millis(rng.below(slice) + 1));
        child.kill().unwrap(); // SIGKILL on Unix.
        child.wait().unwrap();
        stored.push(assert_sound(&db));
    }
    eprintln!("articles stored after each kill: {stored:?}");
    assert!(
        stored.windows(2).all(|w| w[0] <= w[1]),
        "a kill lost committed articles: {stored:?}"
    );
    let partial = assert_consistent(&db);
    assert_eq!(partial as i64, *stored.last().unwrap());

    let last = whosaid(dir.path(), &db, &["import", "in", "-q"]);
    assert_exit(&last, 0);
    assert_eq!(assert_consistent(&db), ROUNDS * PER_ROUND);
}
