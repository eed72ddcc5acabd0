//! `whosaid import` and `whosaid reextract` through the real binary: idempotence,
//! updates by URL, bad inputs, schema versions, concurrency and parallel determinism.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use rusqlite::Connection;
use whosaid::model::{Article, ArticleMeta};

pub fn whosaid(dir: &Path, db: &Path, args: &[&str]) -> Output {
    command(dir, db, args).output().expect("run whosaid")
}

pub fn command(dir: &Path, db: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_whosaid"));
    cmd.current_dir(dir)
        .env_remove("WHOSAID_DB")
        .env("NO_COLOR", "1")
        .arg("--db")
        .arg(db)
        .args(args);
    cmd
}

#[track_caller]
pub fn assert_exit(output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

const PEOPLE: &[(&str, &str)] = &[
    ("Prime Minister Ana Costa", "Costa"),
    ("Defence Minister Hugo Brandt", "Brandt"),
    ("Senator Maya Okafor", "Okafor"),
    ("economist Luis Varga", "Varga"),
    ("police spokesman Omar Farah", "Farah"),
];
const TOPICS: &[&str] = &[
    "the budget",
    "the withdrawal",
    "the election",
    "the new bridge",
    "the strike",
    "water prices",
];

/// Article `i` of a generated corpus: a `Key: value` header and paragraphs with direct
/// quotes, reported speech, an anonymous source and an agency, varied by `i`.
pub fn article_text(i: usize, url: Option<&str>) -> String {
    let (who, surname) = PEOPLE[i % PEOPLE.len()];
    let (other, other_surname) = PEOPLE[(i * 7 + 3) % PEOPLE.len()];
    let topic = TOPICS[i % TOPICS.len()];
    let mut text = format!(
        "Title: Talks on {topic}, report {i}\nDate: 2024-03-{:02}\nAuthor: Reporter {}\n",
        i % 28 + 1,
        i % 9
    );
    if let Some(url) = url {
        writeln!(text, "URL: {url}").unwrap();
    }
    text.push('\n');
    write!(
        text,
        "{who} said on Monday that {topic} would be settled within {} weeks.\n\n",
        i % 11 + 2
    )
    .unwrap();
    write!(
        text,
        "\u{201c}We will not accept delays on {topic},\u{201d} {surname} told reporters. \
         \u{201c}The country has waited {} years.\u{201d}\n\n",
        i % 30 + 1
    )
    .unwrap();
    if i % 2 == 0 {
        write!(
            text,
            "A ministry source, asking not to be named, told AFP that the deal on {topic} was \
             \"close but fragile\".\n\n"
        )
        .unwrap();
    }
    if i % 3 == 0 {
        write!(
            text,
            "According to Reuters, {other} has questioned the cost, which {other_surname} put \
             at {} million.\n\n",
            i * 3 + 10
        )
        .unwrap();
    }
    writeln!(
        text,
        "Some {} people attended the meeting, which ended late.",
        i * 13 % 500 + 20
    )
    .unwrap();
    text
}

/// Writes `n` generated articles under `dir`, in a few subdirectories.
pub fn write_corpus(dir: &Path, range: std::ops::Range<usize>) {
    for i in range {
        let sub = dir.join(format!("part{}", i % 3));
        fs::create_dir_all(&sub).unwrap();
        fs::write(
            sub.join(format!("article-{i:05}.txt")),
            article_text(i, None),
        )
        .unwrap();
    }
}

pub fn count(db: &Path, table: &str) -> i64 {
    let conn = Connection::open(db).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// Claims as stored, per article, in a comparable form.
fn stored_claims(conn: &Connection, article: i64) -> Vec<String> {
    let mut stmt = conn
        .prepare(
            "SELECT kind, content_start, content_end, content_text, source_type, speaker_name
             FROM claims WHERE article_id = ?1 ORDER BY ordinal",
        )
        .unwrap();
    stmt.query_map([article], |r| {
        Ok(format!(
            "{}|{}..{}|{}|{}|{:?}",
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, Option<String>>(5)?
        ))
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

/// What a fresh extraction of the stored article finds, in the same form.
fn extracted_claims(article: &Article) -> Vec<String> {
    whosaid::extract::extract(article)
        .claims
        .iter()
        .map(|c| {
            format!(
                "{}|{}..{}|{}|{}|{:?}",
                c.kind,
                c.content.start,
                c.content.end,
                c.content.slice(&article.body),
                c.source_type,
                c.speaker
            )
        })
        .collect()
}

/// Checks the whole database: SQLite integrity, the full-text index, and that every
/// stored article has exactly the claims a fresh extraction of its body finds. Returns
/// the number of articles.
pub fn assert_consistent(db: &Path) -> usize {
    let conn = Connection::open(db).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    conn.execute(
        "INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')",
        [],
    )
    .expect("full-text index matches the claims");
    let mut stmt = conn
        .prepare(
            "SELECT id, origin, title, published, author, outlet, url, agency_credit, body,
                    text_start
             FROM articles ORDER BY id",
        )
        .unwrap();
    let articles: Vec<(i64, Article)> = stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                Article {
                    origin: r.get(1)?,
                    meta: ArticleMeta {
                        title: r.get(2)?,
                        date: r.get(3)?,
                        author: r.get(4)?,
                        outlet: r.get(5)?,
                        url: r.get(6)?,
                        agency_credit: r.get(7)?,
                    },
                    body: r.get(8)?,
                    text_start: r.get::<_, i64>(9)? as usize,
                },
            ))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    for (id, article) in &articles {
        assert_eq!(
            stored_claims(&conn, *id),
            extracted_claims(article),
            "claims of article {id} ({})",
            article.origin
        );
    }
    articles.len()
}

/// Every row of the tables an import writes, without the import time.
fn dump(db: &Path) -> Vec<String> {
    let conn = Connection::open(db).unwrap();
    let mut rows = Vec::new();
    for sql in [
        "SELECT id, origin, content_hash, url, title, published, author, outlet, body FROM articles ORDER BY id",
        "SELECT * FROM claims ORDER BY id",
        "SELECT * FROM speakers ORDER BY id",
        "SELECT * FROM speaker_aliases ORDER BY speaker_id, norm",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        let columns = stmt.column_count();
        let mut query = stmt.query([]).unwrap();
        while let Some(row) = query.next().unwrap() {
            let cells: Vec<String> = (0..columns)
                .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                .collect();
            rows.push(cells.join("|"));
        }
    }
    rows
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn importing_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(&dir.path().join("in"), 0..12);
    let db = dir.path().join("t.db");
    let first = whosaid(dir.path(), &db, &["import", "in"]);
    assert_exit(&first, 0);
    assert!(
        stderr(&first).contains("imported 12, unchanged 0"),
        "{}",
        stderr(&first)
    );
    let before = dump(&db);
    let again = whosaid(dir.path(), &db, &["import", "in"]);
    assert_exit(&again, 0);
    assert!(
        stderr(&again).contains("imported 0, unchanged 12"),
        "{}",
        stderr(&again)
    );
    assert!(
        stderr(&again).contains("0 claims stored"),
        "{}",
        stderr(&again)
    );
    assert_eq!(before, dump(&db));
    assert_eq!(assert_consistent(&db), 12);
}

#[test]
fn the_summary_table_lists_what_was_stored() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(&dir.path().join("in"), 0..3);
    let db = dir.path().join("t.db");
    let output = whosaid(dir.path(), &db, &["import", "in"]);
    assert_exit(&output, 0);
    let stdout = String::from_utf8_lossy(&output.stdout);
    for i in 0..3 {
        assert!(stdout.contains(&format!("report {i}")), "{stdout}");
    }
    assert_eq!(stdout.matches(" new ").count(), 3, "{stdout}");
    let quiet = whosaid(dir.path(), &db, &["import", "in", "--quiet"]);
    assert_exit(&quiet, 0);
    assert!(quiet.stdout.is_empty() && quiet.stderr.is_empty());
    let jsonl = whosaid(dir.path(), &db, &["import", "in", "--format", "jsonl"]);
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&jsonl.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert!(lines.iter().all(|l| l["status"] == "unchanged"));
}

#[test]
fn same_url_with_new_content_replaces_the_claims() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let url = "https://news.example/talks";
    fs::write(dir.path().join("v1.txt"), article_text(0, Some(url))).unwrap();
    fs::write(dir.path().join("v2.txt"), article_text(3, Some(url))).unwrap();
    assert_exit(&whosaid(dir.path(), &db, &["import", "v1.txt"]), 0);
    let id_before: i64 = Connection::open(&db)
        .unwrap()
        .query_row("SELECT id FROM articles", [], |r| r.get(0))
        .unwrap();
    let update = whosaid(dir.path(), &db, &["import", "v2.txt"]);
    assert_exit(&update, 0);
    assert!(
        stderr(&update).contains("replaced 1"),
        "{}",
        stderr(&update)
    );
    assert_eq!(count(&db, "articles"), 1);
    let (id, body): (i64, String) = Connection::open(&db)
        .unwrap()
        .query_row("SELECT id, body FROM articles", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(id, id_before);
    assert_eq!(body, article_text(3, Some(url)));
    assert_consistent(&db);
}

#[test]
fn a_bad_input_is_reported_and_the_rest_imported() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(&dir.path().join("in"), 0..4);
    let db = dir.path().join("t.db");
    let output = whosaid(dir.path(), &db, &["import", "in", "missing.txt"]);
    assert_exit(&output, 1);
    let err = stderr(&output);
    assert_eq!(err.matches("missing.txt").count(), 1, "{err}");
    assert!(
        err.contains("imported 4") && err.contains("failed 1"),
        "{err}"
    );
    assert_eq!(count(&db, "articles"), 4);
}

#[test]
fn a_database_from_a_newer_whosaid_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(&dir.path().join("in"), 0..1);
    let db = dir.path().join("t.db");
    let conn = Connection::open(&db).unwrap();
    conn.pragma_update(None, "user_version", whosaid::store::SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    let output = whosaid(dir.path(), &db, &["import", "in"]);
    assert_exit(&output, 2);
    let err = stderr(&output);
    assert!(
        err.contains("t.db") && err.contains("newer") && err.contains("upgrade whosaid"),
        "{err}"
    );
}

#[test]
fn parallel_import_stores_what_sequential_stores() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(&dir.path().join("in"), 0..40);
    let one = dir.path().join("one.db");
    let many = dir.path().join("many.db");
    assert_exit(
        &whosaid(dir.path(), &one, &["import", "in", "--jobs", "1", "-q"]),
        0,
    );
    assert_exit(
        &whosaid(dir.path(), &many, &["import", "in", "--jobs", "4", "-q"]),
        0,
    );
    let rows = dump(&one);
    assert!(rows.len() >= 40);
    assert_eq!(rows, dump(&many));
}

#[test]
fn two_importers_at_once_both_finish_with_nothing_lost() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(&dir.path().join("a"), 0..150);
    write_corpus(&dir.path().join("b"), 150..300);
    write_corpus(&dir.path().join("both"), 300..360);
    let db = dir.path().join("t.db");
    let first = command(dir.path(), &db, &["import", "a", "both", "-q"])
        .spawn()
        .unwrap();
    let second = command(dir.path(), &db, &["import", "both", "b", "-q"])
        .spawn()
        .unwrap();
    let first = first.wait_with_output().unwrap();
    let second = second.wait_with_output().unwrap();
    assert_exit(&first, 0);
    assert_exit(&second, 0);
    assert_eq!(assert_consistent(&db), 360);
}

#[test]
fn reextract_rewrites_stale_articles_only() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(&dir.path().join("in"), 0..6);
    let db = dir.path().join("t.db");
    assert_exit(&whosaid(dir.path(), &db, &["import", "in", "-q"]), 0);
    let before = dump(&db);

    let none = whosaid(dir.path(), &db, &["reextract"]);
    assert_exit(&none, 0);
    assert!(
        stderr(&none).contains("re-extracted 0 articles"),
        "{}",
        stderr(&none)
    );

    // Mark two articles as extracted by an older version.
    Connection::open(&db)
        .unwrap()
        .execute(
            "UPDATE articles SET extractor_version = 0 WHERE id IN (2, 5)",
            [],
        )
        .unwrap();
    let stale = whosaid(dir.path(), &db, &["reextract"]);
    assert_exit(&stale, 0);
    assert!(
        stderr(&stale).contains("re-extracted 2 articles"),
        "{}",
        stderr(&stale)
    );
    let all = whosaid(dir.path(), &db, &["reextract", "--all"]);
    assert!(
        stderr(&all).contains("re-extracted 6 articles"),
        "{}",
        stderr(&all)
    );

    assert_eq!(assert_consistent(&db), 6);
    let versions: i64 = Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM articles WHERE extractor_version = ?1",
            [whosaid::extract::EXTRACTOR_VERSION],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(versions, 6);
    // Articles are untouched; claims are the same as a fresh extraction (checked above).
    let articles = |rows: &[String]| rows.iter().take(6).cloned().collect::<Vec<_>>();
    assert_eq!(articles(&before), articles(&dump(&db)));
}
