//! Reading files: every format and every kind of bad input, through the library API
//! (`read_path`, `expand`) and through the real binary (`whosaid extract`, `whosaid import`).
//!
//! Tests of the binary skip, saying so, while the command they drive reports that it is not
//! implemented in this build.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use whosaid::ingest::{self, ErrorKind, IngestError, Read};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ingest");
const SEED: &str = "../shared/seed/niger-france-2023-09-05.txt";

fn fixture(name: &str) -> PathBuf {
    Path::new(FIXTURES).join(name)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, bytes).unwrap();
    path
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

#[track_caller]
fn read_err(path: &Path) -> IngestError {
    match ingest::read_path(path) {
        Ok(read) => panic!(
            "{} read as {} articles",
            path.display(),
            read.articles.len()
        ),
        Err(e) => e,
    }
}

#[track_caller]
fn read_ok(path: &Path) -> Read {
    ingest::read_path(path).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_format_reads_from_files() {
    let read = read_ok(&fixture("news-page.html"));
    let [page] = &read.articles[..] else {
        panic!("{read:?}")
    };
    assert_eq!(page.meta.author.as_deref(), Some("Tunde Oso"));
    assert_eq!(page.meta.agency_credit.as_deref(), Some("AFP"));
    assert!(page.body.starts_with("PARIS (AFP) — The French army"));

    let read = read_ok(&fixture("key-value.txt"));
    let a = &read.articles[0];
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Talks on troop withdrawal begin")
    );
    assert_eq!(a.meta.date.as_deref(), Some("2023-09-05"));
    assert_eq!(
        a.body,
        fs::read_to_string(fixture("key-value.txt")).unwrap()
    );
    assert!(a.body[a.text_start..].starts_with("The French army"));

    let read = read_ok(&fixture("title-line.txt"));
    let a = &read.articles[0];
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Minister says withdrawal will take months.")
    );
    assert_eq!(a.meta.agency_credit.as_deref(), Some("AP"));
    assert_eq!(a.text_start, 0, "a title standing alone stays in the text");

    let read = read_ok(&fixture("articles.json"));
    let origins: Vec<_> = read.articles.iter().map(|a| a.origin.clone()).collect();
    assert_eq!(origins, [format!("{FIXTURES}/articles.json[0]")]);
    assert_eq!(read.articles[0].meta.date.as_deref(), Some("2023-09-05"));
    assert_eq!(read.errors.len(), 1);
    assert_eq!(
        read.errors[0].to_string(),
        format!("{FIXTURES}/articles.json[1]: not an article: no text, body or html field")
    );

    let read = read_ok(&fixture("articles.jsonl"));
    let origins: Vec<_> = read.articles.iter().map(|a| a.origin.clone()).collect();
    assert_eq!(
        origins,
        [
            format!("{FIXTURES}/articles.jsonl:1"),
            format!("{FIXTURES}/articles.jsonl:3")
        ]
    );
    assert_eq!(
        read.articles[1].meta.author.as_deref(),
        Some("Ada Obi, Jon Lee")
    );
    assert!(
        read.articles[1]
            .body
            .starts_with("Prime Minister Ali Mahaman Lamine Zeine said")
    );
    assert_eq!(read.errors.len(), 1);
    assert!(
        read.errors[0]
            .to_string()
            .starts_with(&format!("{FIXTURES}/articles.jsonl:2: malformed json:")),
        "{}",
        read.errors[0]
    );
}

#[test]
fn a_byline_line_directly_above_a_headline() {
    let read = read_ok(&fixture("byline-headline.txt"));
    let a = &read.articles[0];
    assert_eq!(a.meta.date.as_deref(), Some("2025-03-15"));
    assert_eq!(a.meta.author.as_deref(), Some("Maya Lindqvist"));
    assert_eq!(a.meta.agency_credit.as_deref(), Some("with agency reports"));
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Port authority says new terminal will open in June")
    );
    assert!(
        a.body[a.text_start..].starts_with("Port authority says"),
        "the headline stays in the text, the byline does not"
    );
}

#[test]
fn text_files_holding_a_web_page_or_json_are_read_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let html = fs::read_to_string(fixture("news-page.html")).unwrap();
    let saved = format!("\u{feff}<!-- saved from url=(0031)https://example.com/niger -->\n{html}");
    let page = read_ok(&write(d, "page.txt", saved.as_bytes()));
    let by_extension = read_ok(&fixture("news-page.html"));
    assert_eq!(page.articles[0].body, by_extension.articles[0].body);
    assert_eq!(page.articles[0].meta, by_extension.articles[0].meta);
    assert!(!page.articles[0].body.contains('<'));

    let jsonl = fs::read(fixture("articles.jsonl")).unwrap();
    let feed = read_ok(&write(d, "feed.txt", &jsonl));
    let bodies: Vec<_> = feed.articles.iter().map(|a| a.body.as_str()).collect();
    let by_extension = read_ok(&fixture("articles.jsonl"));
    let expected: Vec<_> = by_extension
        .articles
        .iter()
        .map(|a| a.body.as_str())
        .collect();
    assert_eq!(bodies, expected);
    assert_eq!(feed.errors.len(), 1, "the malformed line is reported");

    let json = fs::read(fixture("articles.json")).unwrap();
    let export = read_ok(&write(d, "export.txt", &json));
    assert_eq!(export.articles.len(), 1);
    assert_eq!(export.articles[0].meta.date.as_deref(), Some("2023-09-05"));

    let prose = "<html> is the element that opens every page, the developer said.\n\nMore text.\n";
    let text = read_ok(&write(d, "prose.txt", prose.as_bytes()));
    assert_eq!(text.articles[0].body, prose);

    let out = whosaid(d, &["extract", "--format", "jsonl", "page.txt"], None);
    if !implemented(&out, "extract") {
        return;
    }
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.is_empty(), "the page yields claims");
    for line in stdout.lines() {
        let record: whosaid::model::ClaimRecord = serde_json::from_str(line).unwrap();
        assert!(
            !record.content.text.contains('<'),
            "markup in a claim: {line}"
        );
    }
}

#[test]
fn the_seed_article_header() {
    let Ok(bytes) = fs::read(SEED) else {
        eprintln!("skipped: {SEED} is absent");
        return;
    };
    let read = read_ok(Path::new(SEED));
    let a = &read.articles[0];
    assert_eq!(a.body.as_bytes(), bytes, "the body is the whole file");
    assert_eq!(a.meta.date.as_deref(), Some("2023-09-05"));
    assert_eq!(a.meta.author.as_deref(), Some("Tunde Oso"));
    assert_eq!(a.meta.agency_credit.as_deref(), Some("with agency reports"));
    assert!(a.body[a.text_start..].starts_with("The French army is holding talks"));
    assert!(read.warnings.is_empty() && read.errors.is_empty());
}

#[test]
fn bad_files_each_get_one_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let cases: Vec<(PathBuf, ErrorKind, &str)> = vec![
        (
            write(d, "zip.txt", b"PK\x03\x04\x14\0\0\0\x08\0"),
            ErrorKind::Binary,
            "not an article: binary data (NUL bytes)",
        ),
        (
            write(d, "empty.txt", b""),
            ErrorKind::Empty,
            "not an article: empty file",
        ),
        (
            write(d, "blank.txt", b"  \n\n\t \r\n"),
            ErrorKind::Empty,
            "not an article: only whitespace",
        ),
        (
            write(d, "deep.json", deep.as_bytes()),
            ErrorKind::Malformed,
            "malformed json: nested too deeply (more than 128 levels) at line 1 column 128",
        ),
        (
            write(d, "cut.json", b"{\"title\": \"T\", \"text\": \"ab"),
            ErrorKind::Malformed,
            "malformed json: EOF while parsing a string at line 1 column 26",
        ),
        (
            write(
                d,
                "nav.html",
                b"<html><body><nav>Home</nav><footer>(c)</footer></body></html>",
            ),
            ErrorKind::NoText,
            "not an article: no article text found in the html",
        ),
        (
            d.join("missing.txt"),
            ErrorKind::Io,
            "no such file or directory",
        ),
        (
            d.to_path_buf(),
            ErrorKind::Io,
            "is a directory, not a file (import reads directories; extract needs files)",
        ),
    ];
    for (path, kind, message) in cases {
        let err = read_err(&path);
        assert_eq!(err.kind, kind, "{err}");
        assert_eq!(err.to_string(), format!("{}: {message}", path.display()));
    }

    let fifo = d.join("pipe.txt");
    mkfifo(&fifo);
    let err = read_err(&fifo);
    assert_eq!(
        err.to_string(),
        format!(
            "{}: not a regular file (a fifo); to read a stream, pipe it to `-`",
            fifo.display()
        )
    );

    let link = d.join("gone.txt");
    std::os::unix::fs::symlink(d.join("nowhere"), &link).unwrap();
    assert_eq!(
        read_err(&link).to_string(),
        format!(
            "{}: dangling symbolic link (its target does not exist)",
            link.display()
        )
    );

    // Sparse, so it costs no disk.
    let huge = d.join("huge.txt");
    fs::File::create(&huge)
        .unwrap()
        .set_len(ingest::MAX_FILE_BYTES + 1)
        .unwrap();
    let err = read_err(&huge);
    assert_eq!(err.kind, ErrorKind::TooLarge);
    assert!(
        err.message
            .starts_with("file too large (256 MiB; the limit is 256 MiB)"),
        "{err}"
    );
}

#[test]
fn invalid_utf8_is_imported_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "latin1.txt",
        b"Le ministre a d\xe9clar\xe9 que les n\xe9gociations avaient commenc\xe9.",
    );
    let read = read_ok(&path);
    assert_eq!(read.articles.len(), 1);
    assert!(read.articles[0].body.contains("d\u{fffd}clar\u{fffd}"));
    assert_eq!(read.warnings.len(), 1);
    let w = read.warnings[0].to_string();
    assert!(
        w.starts_with(&format!(
            "{}: invalid UTF-8 at byte 15 (4 invalid sequences",
            path.display()
        )),
        "{w}"
    );
}

#[test]
fn a_50_mb_single_line_is_read_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let sentence =
        "The minister said on Tuesday that talks had begun, “and they will go on,” he added; ";
    let line = sentence.repeat(50 * 1024 * 1024 / sentence.len());
    let path = write(dir.path(), "long.txt", line.as_bytes());
    let started = Instant::now();
    let read = read_ok(&path);
    let elapsed = started.elapsed();
    assert_eq!(read.articles[0].body.len(), line.len());
    assert_eq!(read.articles[0].text_start, 0);
    assert!(
        elapsed < Duration::from_secs(20),
        "reading took {elapsed:?}"
    );
}

#[test]
fn expand_walks_directories_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "b.txt", b"Text.");
    write(d, "a.html", b"<p>Text.</p>");
    write(d, "sub/c.jsonl", b"{\"text\": \"x\"}");
    write(d, "sub/inner/d.json", b"{\"text\": \"x\"}");
    write(d, "sub/notes", b"Plain text without an extension.");
    write(d, "sub/blob", b"\x7fELF\x02\x01\x01\0\0\0");
    write(d, "sub/photo.png", b"\x89PNG\r\n");
    write(d, "README.md", b"# not an article");
    write(d, "story.article", b"Text with an unknown extension.");
    write(d, ".hidden.txt", b"Text.");
    write(d, ".git/config.txt", b"Text.");
    mkfifo(&d.join("sub/fifo.txt"));
    std::os::unix::fs::symlink(d.join("nowhere"), d.join("sub/gone.txt")).unwrap();
    std::os::unix::fs::symlink(d, d.join("sub/loop")).unwrap();

    let explicit = write(&d.join("elsewhere"), "named.csv", b"Text.");
    let paths = vec![
        d.to_path_buf(),
        PathBuf::from("-"),
        explicit.clone(),
        d.join("absent"),
    ];
    let got: Vec<String> = ingest::expand(&paths)
        .map(|r| match r {
            Ok(p) => p
                .strip_prefix(d)
                .map_or_else(|_| p.display().to_string(), |p| p.display().to_string()),
            Err(e) => format!(
                "error {}",
                e.to_string().replace(&format!("{}/", d.display()), "")
            ),
        })
        .collect();
    assert_eq!(
        got,
        [
            "a.html",
            "b.txt",
            "story.article",
            "sub/c.jsonl",
            "sub/fifo.txt",
            "error sub/gone.txt: dangling symbolic link (its target does not exist)",
            "sub/inner/d.json",
            "sub/notes",
            "-",
            "elsewhere/named.csv",
            "error absent: no such file or directory",
        ]
    );
}

// The binary.

fn whosaid(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .current_dir(dir)
        .env("WHOSAID_DB", dir.join("test.db"))
        .env("NO_COLOR", "1")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("whosaid runs");
    if let Some(input) = stdin {
        // A command that exits without reading its input closes the pipe early.
        if let Err(e) = child.stdin.take().unwrap().write_all(input) {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
        }
    }
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked"),
        "whosaid {args:?} panicked:\n{stderr}"
    );
    out
}

/// False (and says "skipped") when the command is not implemented in this build.
fn implemented(out: &Output, command: &str) -> bool {
    let stderr = String::from_utf8_lossy(&out.stderr);
    if stderr.contains("is not implemented yet") {
        eprintln!("skipped: `whosaid {command}` is not implemented in this build");
        return false;
    }
    true
}

fn bad_inputs(d: &Path) -> Vec<(&'static str, &'static str)> {
    write(d, "in/bin.txt", b"\x7fELF\x02\x01\x01\0\0\0\0\0\0");
    write(d, "in/empty.txt", b"");
    write(
        d,
        "in/deep.json",
        format!("{}{}", "{\"a\":".repeat(1000), "}".repeat(1000)).as_bytes(),
    );
    write(d, "in/cut.json", b"[{\"text\": \"a\"");
    write(d, "in/nav.html", b"<nav>Menu</nav><script>x()</script>");
    std::os::unix::fs::symlink(d.join("nowhere"), d.join("in/gone.txt")).unwrap();
    vec![
        ("in/bin.txt", "not an article: binary data (NUL bytes)"),
        ("in/empty.txt", "not an article: empty file"),
        ("in/deep.json", "malformed json: nested too deeply"),
        ("in/cut.json", "malformed json: EOF while parsing"),
        (
            "in/nav.html",
            "not an article: no article text found in the html",
        ),
        ("in/gone.txt", "dangling symbolic link"),
    ]
}

#[test]
fn extract_reports_each_bad_file_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let bad = bad_inputs(d);
    fs::copy(fixture("title-line.txt"), d.join("in/good.txt")).unwrap();
    write(
        d,
        "in/latin1.txt",
        b"Le ministre a d\xe9clar\xe9 que les talks avaient commenc\xe9.",
    );
    let mut args = vec!["extract", "--format", "jsonl"];
    args.extend(bad.iter().map(|(p, _)| *p));
    args.extend(["in/good.txt", "in/latin1.txt"]);
    let out = whosaid(d, &args, None);
    if !implemented(&out, "extract") {
        return;
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (path, problem) in &bad {
        let line = stderr
            .lines()
            .find(|l| l.contains(&format!("{path}: {problem}")));
        assert!(
            line.is_some(),
            "no message '{path}: {problem}' in:\n{stderr}"
        );
    }
    assert!(
        stderr.contains("in/latin1.txt: invalid UTF-8 at byte 15"),
        "{stderr}"
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "exit code with some bad inputs\n{stderr}"
    );
}

#[test]
fn extract_offsets_are_byte_offsets_into_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::copy(fixture("key-value.txt"), d.join("kv.txt")).unwrap();
    let out = whosaid(d, &["extract", "--format", "jsonl", "kv.txt"], None);
    if !implemented(&out, "extract") {
        return;
    }
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = fs::read(d.join("kv.txt")).unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    for line in stdout.lines() {
        let record: whosaid::model::ClaimRecord = serde_json::from_str(line).unwrap();
        assert_eq!(record.article, "kv.txt");
        let c = &record.content;
        assert_eq!(&file[c.start..c.end], c.text.as_bytes(), "{line}");
    }
}

#[test]
fn extract_reads_stdin_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let html = fs::read(fixture("news-page.html")).unwrap();
    let out = whosaid(
        dir.path(),
        &["extract", "--format", "jsonl", "-"],
        Some(&html),
    );
    if !implemented(&out, "extract") {
        return;
    }
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = ingest::parse("-", &html).unwrap();
    let body = &page.articles[0].body;
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let record: whosaid::model::ClaimRecord = serde_json::from_str(line).unwrap();
        let c = &record.content;
        assert_eq!(
            &body[c.start..c.end],
            c.text,
            "offsets refer to the extracted html body"
        );
    }

    let out = whosaid(dir.path(), &["extract", "-"], Some(b"\0\x01\x02binary"));
    assert_ne!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-: not an article: binary data"));
}

/// 50 MB in release builds (as CI runs them); 5 MB in debug builds, where extraction is
/// some thirty times slower.
#[test]
fn extract_handles_a_50_mb_single_line() {
    let dir = tempfile::tempdir().unwrap();
    let sentence =
        "The minister said on Tuesday that talks had begun, and “they will go on,” he added; ";
    let megabytes = if cfg!(debug_assertions) { 5 } else { 50 };
    let line = sentence.repeat(megabytes * 1024 * 1024 / sentence.len());
    write(dir.path(), "long.txt", line.as_bytes());
    let out = whosaid(
        dir.path(),
        &["extract", "--format", "jsonl", "long.txt"],
        None,
    );
    if !implemented(&out, "extract") {
        return;
    }
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn import_goes_on_past_bad_files_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let bad = bad_inputs(d);
    for name in [
        "news-page.html",
        "key-value.txt",
        "articles.jsonl",
        "articles.json",
    ] {
        fs::copy(fixture(name), d.join("in").join(name)).unwrap();
    }
    mkfifo(&d.join("in/fifo.txt"));
    fs::create_dir_all(d.join("in/locked")).unwrap();
    let out = whosaid(d, &["import", "--quiet", "in", "missing-dir"], None);
    if !implemented(&out, "import") {
        return;
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for (path, problem) in &bad {
        assert!(
            stderr.contains(&format!("{path}: {problem}")),
            "no '{path}: {problem}' in:\n{stderr}"
        );
    }
    for message in [
        "in/articles.jsonl:2: malformed json",
        "in/articles.json[1]: not an article: no text, body or html field",
        "in/fifo.txt: not a regular file (a fifo)",
        "missing-dir: no such file or directory",
    ] {
        assert!(stderr.contains(message), "no '{message}' in:\n{stderr}");
    }

    // The good articles were stored: importing them alone again changes nothing.
    let out = whosaid(d, &["claims", "--format", "jsonl"], None);
    if !implemented(&out, "claims") {
        return;
    }
    let claims = String::from_utf8_lossy(&out.stdout);
    assert!(
        claims.contains("Discussions"),
        "claims from the good files:\n{claims}"
    );
}

#[test]
fn import_reads_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = fs::read(fixture("articles.jsonl")).unwrap();
    let out = whosaid(dir.path(), &["import", "--quiet", "-"], Some(&jsonl));
    if !implemented(&out, "import") {
        return;
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "one bad line:\n{stderr}");
    assert!(stderr.contains("-:2: malformed json"), "{stderr}");
}

/// PolNeAR's texts open with their title; 74 of them came from a news agency, recorded in
/// its metadata as `wire`. Header reading must find the titles and the agency datelines.
#[test]
fn polnear_titles_and_agency_credits() {
    let Ok(metadata) = fs::read_to_string("../shared/polnear/metadata.tsv") else {
        eprintln!("skipped: ../shared/polnear is absent");
        return;
    };
    let (mut articles, mut titled, mut wired, mut credited, mut wrong_credit) = (0, 0, 0, 0, 0);
    let mut misses = Vec::new();
    for row in metadata.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        let (split, name, wire) = (cols[0], cols[1], cols[11]);
        let path = PathBuf::from(format!("../shared/polnear/{split}/text/{name}.txt"));
        let Ok(read) = ingest::read_path(&path) else {
            continue;
        };
        let a = &read.articles[0];
        articles += 1;
        let first_line = a.body.lines().next().unwrap_or("").trim();
        if let Some(byline) = first_line.strip_prefix("BYLINE: ") {
            // A few texts open with a byline instead of their title.
            assert_eq!(a.meta.author.as_deref(), Some(byline), "{name}");
            titled += 1;
        } else if a.meta.title.as_deref() == Some(first_line) {
            titled += 1;
        } else {
            misses.push(format!("title {first_line:?}"));
        }
        let expected = match wire.to_ascii_lowercase().as_str() {
            "none" | "na" => None,
            w => Some(w.to_owned()),
        };
        let got = a
            .meta
            .agency_credit
            .as_ref()
            .map(|c| c.to_ascii_lowercase());
        if expected.is_some() {
            wired += 1;
            if got == expected {
                credited += 1;
            } else {
                misses.push(format!("credit {got:?} for {expected:?} in {name}"));
            }
        } else if got.is_some() {
            wrong_credit += 1;
            misses.push(format!("credit {got:?} for none in {name}"));
        }
    }
    // Without their title line, texts open with their first paragraph, which must not be
    // taken for a title unless it is one (some texts have a subtitle or section heading).
    let mut ledes_as_titles = 0;
    for split in ["train", "dev"] {
        for entry in fs::read_dir(format!("../shared/polnear/{split}/text")).unwrap() {
            let text = fs::read_to_string(entry.unwrap().path()).unwrap();
            let Some((_, rest)) = text.split_once("\n\n") else {
                continue;
            };
            if let Ok(read) = ingest::parse("lede.txt", rest.as_bytes()) {
                if let Some(title) = &read.articles[0].meta.title {
                    ledes_as_titles += 1;
                    misses.push(format!("lede as title {title:?}"));
                }
            }
        }
    }
    eprintln!(
        "polnear: {titled}/{articles} titles, {credited}/{wired} agency credits, {wrong_credit} credits where the metadata has none, {ledes_as_titles} first paragraphs taken for titles"
    );
    for m in misses.iter().take(80) {
        eprintln!("  {m}");
    }
    assert!(articles >= 900, "read only {articles} PolNeAR texts");
    assert!(
        titled * 100 >= articles * 99,
        "{titled}/{articles} titles found"
    );
    assert!(
        credited * 100 >= wired * 90,
        "{credited}/{wired} agency credits found"
    );
    assert!(
        wrong_credit <= 2,
        "{wrong_credit} agency credits the metadata does not have"
    );
    // Measured: 222, nearly all of them subtitles and section heads.
    assert!(
        ledes_as_titles <= 250,
        "{ledes_as_titles} first paragraphs taken for titles"
    );
}
