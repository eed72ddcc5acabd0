//! Expanding command-line paths: directories recursively, in a deterministic order.

use std::collections::HashSet;
use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use super::detect::{Format, sniff};
use super::{ErrorKind, IngestError, io_message};

/// Extensions of files that are never articles; skipped inside directories without a look.
const NOT_ARTICLES: &[&str] = &[
    "7z", "a", "ann", "avi", "bin", "bmp", "bz2", "class", "css", "csv", "db", "dll", "doc",
    "docx", "exe", "gif", "gz", "ico", "jar", "jpeg", "jpg", "js", "lock", "log", "md", "mkv",
    "mov", "mp3", "mp4", "o", "odt", "ogg", "pdf", "png", "ppt", "pptx", "py", "rs", "so",
    "sqlite", "svg", "tar", "tgz", "toml", "tsv", "wal", "wasm", "wav", "webm", "webp", "woff",
    "woff2", "xls", "xlsx", "xml", "xz", "yaml", "yml", "zip", "zst",
];

/// Expands `paths` into the files to read.
///
/// - `-` (stdin) and files named explicitly are yielded as given, whatever their extension.
/// - Directories are walked recursively. Entries are visited in byte order of their names,
///   so the order is the same on every run and machine. Hidden entries (names starting with
///   `.`) are skipped. Files with an article extension (`.txt`, `.html`, `.htm`, `.json`,
///   `.jsonl`...) are yielded; files without an extension or with an unknown one are
///   yielded when their first kilobytes look like text, HTML or JSON; files with a known
///   non-article extension (images, archives, `.csv`, `.md`, `.ann`...) are skipped.
/// - Symbolic links are followed; a directory reached twice (a link loop) is walked once.
/// - Problems (a missing path, an unreadable directory, a dangling link, a fifo inside a
///   directory) are yielded as errors in place, and the walk goes on.
pub fn expand(paths: &[PathBuf]) -> impl Iterator<Item = Result<PathBuf, IngestError>> + use<> {
    let explicit: Vec<PathBuf> = paths.to_vec();
    Walk {
        explicit: explicit.into_iter(),
        stack: Vec::new(),
        seen: HashSet::new(),
    }
}

struct Walk {
    explicit: std::vec::IntoIter<PathBuf>,
    /// Directories being walked: the entries still to visit, sorted.
    stack: Vec<std::vec::IntoIter<PathBuf>>,
    /// Canonical paths of directories already entered.
    seen: HashSet<PathBuf>,
}

impl Iterator for Walk {
    type Item = Result<PathBuf, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let (path, explicit) = if let Some(entries) = self.stack.last_mut() {
                let Some(path) = entries.next() else {
                    self.stack.pop();
                    continue;
                };
                (path, false)
            } else {
                (self.explicit.next()?, true)
            };
            if explicit && path.as_os_str() == "-" {
                return Some(Ok(path));
            }
            if let Some(item) = self.visit(path, explicit) {
                return Some(item);
            }
        }
    }
}

impl Walk {
    /// Yields `path`, enters it when it is a directory, or skips it (None).
    fn visit(&mut self, path: PathBuf, explicit: bool) -> Option<Result<PathBuf, IngestError>> {
        let meta = match fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) => {
                let message = if fs::symlink_metadata(&path).is_ok() {
                    String::from("dangling symbolic link (its target does not exist)")
                } else {
                    io_message(&e)
                };
                return Some(Err(IngestError::new(
                    &path.display().to_string(),
                    ErrorKind::Io,
                    message,
                )));
            }
        };
        if meta.is_dir() {
            let canonical = fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            if !self.seen.insert(canonical) {
                return None;
            }
            return match sorted_entries(&path) {
                Ok(entries) => {
                    self.stack.push(entries.into_iter());
                    None
                }
                Err(e) => Some(Err(IngestError::new(
                    &path.display().to_string(),
                    ErrorKind::Io,
                    format!("cannot read directory: {}", io_message(&e)),
                ))),
            };
        }
        if explicit || !meta.is_file() {
            // Named files are read whatever they are; read_path reports a fifo or device.
            return Some(Ok(path));
        }
        is_article_file(&path).then_some(Ok(path))
    }
}

fn sorted_entries(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().as_encoded_bytes().starts_with(b".") {
            continue;
        }
        entries.push(entry.path());
    }
    entries.sort_by(|a, b| {
        a.file_name()
            .map(std::ffi::OsStr::as_encoded_bytes)
            .cmp(&b.file_name().map(std::ffi::OsStr::as_encoded_bytes))
    });
    Ok(entries)
}

/// Whether a regular file found in a directory should be read as an article: an article
/// extension (`.txt`, `.html`, `.htm`, `.json`, `.jsonl`...) says yes, a known
/// non-article extension (images, archives, `.csv`, `.md`, `.ann`, databases...) says no,
/// and any other file is read when its first 4 KiB look like text, HTML or JSON. Hidden
/// files are the caller's to skip. Costs at most one small read.
#[must_use]
pub fn is_article_file(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some(e) if Format::from_extension(e).is_some() => true,
        Some(e) if NOT_ARTICLES.contains(&e) => false,
        _ => looks_like_text(path),
    }
}

/// Whether the first kilobytes of `path` are text (of any of the formats).
fn looks_like_text(path: &Path) -> bool {
    let mut head = Vec::with_capacity(4096);
    let Ok(file) = fs::File::open(path) else {
        // Unreadable: yield it, so reading reports the problem.
        return true;
    };
    if file.take(4096).read_to_end(&mut head).is_err() {
        return true;
    }
    if head.is_empty() || head.contains(&0) {
        return false;
    }
    let text = String::from_utf8_lossy(&head);
    let replaced = text.matches('\u{fffd}').count();
    // Mostly valid UTF-8 (a character cut at the end of the sample, a few Latin-1 bytes),
    // or markup that reading will sort out.
    replaced * 20 <= head.len() || sniff(&text) != Format::Text
}
