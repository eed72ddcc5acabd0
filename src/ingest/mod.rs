//! Ingest: the only module that reads input files. It finds the files ([`expand`]), reads
//! them ([`read_path`]) and turns bytes into articles ([`parse`]), detecting the format by
//! extension and content.
//!
//! Formats (see the README section "Input formats"):
//! - plain text (`.txt` and unknown extensions that hold text), with an optional header
//!   ([`text`](self) module docs list the forms); the body is the whole file;
//! - HTML (`.html`, `.htm`, or content that looks like HTML); the body is the extracted text;
//! - JSON (`.json`: one object or an array) and JSONL (`.jsonl`: one object per line).
//!
//! Nothing here panics on bad input. A file that cannot be read at all is an
//! [`IngestError`]; a file that holds several articles reports a bad one (a JSONL line, an
//! array element) in [`Read::errors`] and still yields the others; soft problems (invalid
//! UTF-8 decoded lossily, an unrecognised date) are [`Read::warnings`].

mod credit;
pub mod date;
mod decode;
mod detect;
mod html;
mod json;
mod text;
mod walk;

use std::fmt;
use std::io::Read as _;
use std::path::Path;

pub use detect::{Format, detect, sniff};
pub use walk::{expand, is_article_file};

use crate::model::Article;

/// Files larger than this are refused: whosaid reads articles, not archives. A 50 MB
/// single-line file is still read.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// What kind of problem an [`IngestError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The path is missing, unreadable, a directory, a fifo or a dangling link.
    Io,
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge,
    /// NUL bytes, many control bytes, or mostly invalid UTF-8.
    Binary,
    /// Empty or only whitespace.
    Empty,
    /// Malformed JSON (or nested too deeply), JSON that does not hold article objects, or
    /// HTML nested too deeply.
    Malformed,
    /// HTML or a JSON record without article text.
    NoText,
}

/// A file, or one record in a file, that could not be read as an article.
///
/// Displays as `ORIGIN: PROBLEM`, e.g. `samples/x.bin: not an article: binary data (NUL
/// bytes)` or `feed.jsonl:7: malformed json: EOF while parsing an object at line 1 column 40`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct IngestError {
    /// The file (`-` for stdin), or the record: `file.jsonl:LINE`, `file.json[INDEX]`.
    pub path: String,
    /// Lowercase, says what is wrong and, where it helps, how to fix it.
    pub message: String,
    pub kind: ErrorKind,
}

impl IngestError {
    pub(crate) fn new(path: &str, kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            path: path.to_owned(),
            message: message.into(),
            kind,
        }
    }
}

/// Something worth telling the user about an article that was still read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The file or record, as in [`IngestError::path`].
    pub origin: String,
    pub message: String,
}

impl Warning {
    pub(crate) fn new(origin: &str, message: impl Into<String>) -> Self {
        Self {
            origin: origin.to_owned(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

/// The articles read from one file, with the problems met on the way.
///
/// A plain-text or HTML file gives one article; JSON and JSONL files may give many.
/// `errors` holds records that failed inside a file that otherwise parsed (a bad JSONL line,
/// an array element without text): store the articles, report each error, and count the
/// file as failed. An empty `errors` and at least one article means the file was fine.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Read {
    pub articles: Vec<Article>,
    pub warnings: Vec<Warning>,
    pub errors: Vec<IngestError>,
}

impl Read {
    fn add(&mut self, record: Result<(Article, Vec<Warning>), IngestError>) {
        match record {
            Ok((article, warnings)) => {
                self.articles.push(article);
                self.warnings.extend(warnings);
            }
            Err(e) => self.errors.push(e),
        }
    }
}

/// Reads one file, or stdin when `path` is `-`, as articles.
///
/// Articles are named (`Article::origin`) after `path` exactly as given (`path.display()`),
/// with `:LINE` or `[INDEX]` for records of JSONL and JSON files.
///
/// # Errors
/// When the path cannot be read (missing, a directory, a fifo, permission denied), is
/// larger than [`MAX_FILE_BYTES`], or its content is not an article (binary, empty,
/// malformed JSON, HTML without text). The message names the path.
pub fn read_path(path: &Path) -> Result<Read, IngestError> {
    let origin = path.display().to_string();
    let fail = |kind, message: String| IngestError::new(&origin, kind, message);
    let bytes = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| {
                fail(
                    ErrorKind::Io,
                    format!("cannot read stdin: {}", io_message(&e)),
                )
            })?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(fail(ErrorKind::TooLarge, too_large(None)));
        }
        bytes
    } else {
        let meta = std::fs::metadata(path).map_err(|e| {
            let message = if std::fs::symlink_metadata(path).is_ok() {
                String::from("dangling symbolic link (its target does not exist)")
            } else {
                io_message(&e)
            };
            fail(ErrorKind::Io, message)
        })?;
        if meta.is_dir() {
            return Err(fail(
                ErrorKind::Io,
                String::from(
                    "is a directory, not a file (import reads directories; extract needs files)",
                ),
            ));
        }
        if !meta.is_file() {
            return Err(fail(
                ErrorKind::Io,
                format!(
                    "not a regular file ({}); to read a stream, pipe it to `-`",
                    file_type_name(meta.file_type())
                ),
            ));
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(fail(ErrorKind::TooLarge, too_large(Some(meta.len()))));
        }
        std::fs::read(path).map_err(|e| fail(ErrorKind::Io, io_message(&e)))?
    };
    parse_owned(&origin, bytes)
}

/// Turns the bytes of one file into articles. Pure: no I/O.
///
/// `origin` names the input in articles, warnings and errors, and its extension picks the
/// format (`.txt`, `.html`, `.json`, `.jsonl`...); without a known extension (`-`, `notes`)
/// the format is sniffed from the content.
///
/// # Errors
/// When the bytes are binary, empty or whitespace-only, malformed JSON, or HTML without
/// article text.
pub fn parse(origin: &str, bytes: &[u8]) -> Result<Read, IngestError> {
    parse_owned(origin, bytes.to_vec())
}

/// [`parse`] on bytes it may keep: a valid UTF-8 file becomes the article body without a
/// copy, so a large file costs its size once.
fn parse_owned(origin: &str, bytes: Vec<u8>) -> Result<Read, IngestError> {
    let was_empty = bytes.is_empty();
    let decoded =
        decode::decode(bytes).map_err(|(kind, message)| IngestError::new(origin, kind, message))?;
    if decoded
        .text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        let message = if was_empty {
            "not an article: empty file"
        } else {
            "not an article: only whitespace"
        };
        return Err(IngestError::new(origin, ErrorKind::Empty, message));
    }
    let mut read = match detect(origin, &decoded.text) {
        Format::Text => {
            let (article, warnings) = text::parse_text(origin, decoded.text);
            if article.body[article.text_start..].trim().is_empty() {
                return Err(IngestError::new(
                    origin,
                    ErrorKind::Empty,
                    "not an article: no text after the header",
                ));
            }
            Read {
                articles: vec![article],
                warnings: warnings
                    .into_iter()
                    .map(|w| Warning::new(origin, w))
                    .collect(),
                errors: Vec::new(),
            }
        }
        Format::Html => {
            let page = html::parse_html(&decoded.text)
                .map_err(|message| IngestError::new(origin, ErrorKind::Malformed, message))?;
            if page.body.trim().is_empty() {
                return Err(IngestError::new(
                    origin,
                    ErrorKind::NoText,
                    "not an article: no article text found in the html",
                ));
            }
            let mut meta = page.meta;
            meta.agency_credit = credit::text_credit(&page.body);
            Read {
                articles: vec![Article {
                    origin: origin.to_owned(),
                    meta,
                    body: page.body,
                    text_start: 0,
                }],
                ..Read::default()
            }
        }
        Format::Json => json::parse_json(origin, decoded.text.trim_start_matches('\u{feff}'))?,
        Format::Jsonl => json::parse_jsonl(origin, decoded.text.trim_start_matches('\u{feff}')),
    };
    if read.articles.is_empty() && read.errors.is_empty() {
        return Err(IngestError::new(
            origin,
            ErrorKind::Empty,
            "not an article: no articles found",
        ));
    }
    if let Some(w) = decoded.warning {
        read.warnings.insert(0, Warning::new(origin, w));
    }
    Ok(read)
}

fn too_large(len: Option<u64>) -> String {
    let limit = MAX_FILE_BYTES / (1024 * 1024);
    match len {
        Some(len) => format!(
            "file too large ({} MiB; the limit is {limit} MiB): split it into smaller files",
            len / (1024 * 1024)
        ),
        None => format!("input too large (the limit is {limit} MiB): split it into smaller files"),
    }
}

fn file_type_name(t: std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt as _;
    if t.is_fifo() {
        "a fifo"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else {
        "not a file"
    }
}

/// A lowercase description of an I/O error.
pub(crate) fn io_message(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => String::from("no such file or directory"),
        K::PermissionDenied => String::from("permission denied"),
        K::IsADirectory => String::from("is a directory, not a file"),
        _ => {
            let text = e.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text);
            let mut chars = text.chars();
            chars
                .next()
                .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn fails(origin: &str, bytes: &[u8], kind: ErrorKind, message: &str) {
        let err = parse(origin, bytes).unwrap_err();
        assert_eq!(err.kind, kind, "{err}");
        assert_eq!(err.to_string(), message);
    }

    #[test]
    fn bad_inputs() {
        fails(
            "e.txt",
            b"",
            ErrorKind::Empty,
            "e.txt: not an article: empty file",
        );
        fails(
            "w.txt",
            b" \n\t\r\n",
            ErrorKind::Empty,
            "w.txt: not an article: only whitespace",
        );
        fails(
            "b.txt",
            b"\xef\xbb\xbf\n",
            ErrorKind::Empty,
            "b.txt: not an article: only whitespace",
        );
        fails(
            "x.html",
            b"abc\0def",
            ErrorKind::Binary,
            "x.html: not an article: binary data (NUL bytes)",
        );
        fails(
            "n.html",
            b"<html><nav>Home</nav><script>x</script></html>",
            ErrorKind::NoText,
            "n.html: not an article: no article text found in the html",
        );
        fails(
            "h.txt",
            b"Title: T\nDate: 2023-09-05\n\n  \n",
            ErrorKind::Empty,
            "h.txt: not an article: no text after the header",
        );
    }

    #[test]
    fn lossy_utf8_is_read_with_a_warning() {
        let read = parse("l.txt", b"caf\xe9 talks began.").unwrap();
        assert_eq!(read.articles[0].body, "caf\u{fffd} talks began.");
        assert_eq!(read.warnings.len(), 1);
        assert!(
            read.warnings[0]
                .to_string()
                .starts_with("l.txt: invalid UTF-8 at byte 3")
        );
    }

    #[test]
    fn stdin_style_origins_are_sniffed() {
        let read = parse("-", b"<p>Hello there.</p>").unwrap();
        assert_eq!(read.articles[0].body, "Hello there.");
        let read = parse("-", b"{\"text\": \"a\"}\n{\"text\": \"b\"}").unwrap();
        let origins: Vec<_> = read.articles.iter().map(|a| a.origin.as_str()).collect();
        assert_eq!(origins, ["-:1", "-:2"]);
        let read = parse("-", b"Plain words.").unwrap();
        assert_eq!(read.articles[0].body, "Plain words.");
    }

    #[test]
    fn text_files_are_read_by_content() {
        let page = b"<!DOCTYPE html><html><head><title>Talks</title></head><body><nav><a href=\"/\">Home</a></nav><article><p>Talks began, the minister said.</p></article></body></html>";
        let read = parse("page.txt", page).unwrap();
        assert_eq!(read.articles[0].body, "Talks began, the minister said.");
        assert_eq!(read.articles[0].meta.title.as_deref(), Some("Talks"));
        let read = parse("feed.txt", b"{\"text\": \"a\"}\n{\"body\": \"b\"}\n").unwrap();
        let bodies: Vec<_> = read.articles.iter().map(|a| a.body.as_str()).collect();
        assert_eq!(bodies, ["a", "b"]);
        assert_eq!(read.articles[1].origin, "feed.txt:2");
        let prose = "The <html> tag opens a page, she said.";
        let read = parse("prose.txt", prose.as_bytes()).unwrap();
        assert_eq!(read.articles[0].body, prose);
    }

    #[test]
    fn html_dateline_gives_the_credit() {
        let read = parse(
            "p.html",
            b"<article><p>PARIS (AFP) - Talks began.</p></article>",
        )
        .unwrap();
        assert_eq!(read.articles[0].meta.agency_credit.as_deref(), Some("AFP"));
    }

    #[test]
    fn io_messages_are_lowercase() {
        let e = std::io::Error::other("Something Odd");
        assert_eq!(io_message(&e), "something Odd");
    }
}
