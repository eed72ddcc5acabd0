//! Behaviour every command shares: closed pipes, and clear messages about the database.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

fn whosaid() -> Command {
    Command::new(env!("CARGO_BIN_EXE_whosaid"))
}

/// `whosaid extract … --format jsonl | head -1`: the reader goes away after one line; that
/// is not an error, whichever writer (table or JSON serializer) hits the closed pipe.
#[test]
fn a_closed_pipe_is_not_an_error() {
    for format in ["jsonl", "table"] {
        // Enough output to overflow the pipe buffer once the reader is gone.
        let mut args = vec!["extract", "--format", format];
        args.extend(std::iter::repeat_n(
            "samples/niger-france-2023-09-05.txt",
            400,
        ));
        let mut child = whosaid()
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty(), "{format}: no output");
        // Dropping the reader closes the pipe.
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success(),
            "{format}: {:?} {stderr}",
            output.status
        );
        assert!(!stderr.contains("error"), "{format}: {stderr}");
    }
}

#[test]
fn a_file_that_is_not_a_database_is_named_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.db");
    std::fs::write(&db, "these are notes, not a database\n").unwrap();
    let output = whosaid()
        .arg("--db")
        .arg(&db)
        .arg("claims")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("notes.db"), "{stderr}");
    assert!(stderr.contains("not an SQLite database"), "{stderr}");
    assert_eq!(stderr.matches("not a").count(), 1, "repeated: {stderr}");
}

#[test]
fn a_database_in_a_missing_directory_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("missing").join("x.db");
    let output = whosaid()
        .arg("--db")
        .arg(&db)
        .args(["import", "samples/"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("directory exists"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}
