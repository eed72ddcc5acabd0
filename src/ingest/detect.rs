//! Which format a file is in: by extension first, by content otherwise.

use std::path::Path;

/// The input formats whosaid reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text with an optional header.
    Text,
    Html,
    /// One article object or an array of them.
    Json,
    /// One article object per line.
    Jsonl,
}

impl Format {
    /// The format an extension names (`txt`, `html`, `json`, `jsonl`...), if any.
    #[must_use]
    pub fn from_extension(ext: &str) -> Option<Format> {
        Some(match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Format::Text,
            "html" | "htm" | "xhtml" | "shtml" => Format::Html,
            "json" => Format::Json,
            "jsonl" | "ndjson" | "jsonlines" => Format::Jsonl,
            _ => return None,
        })
    }
}

/// The format of a file called `origin` holding `text`. `origin` may carry a suffix such
/// as `:3` or `[2]`; only a real extension counts.
#[must_use]
pub fn detect(origin: &str, text: &str) -> Format {
    Path::new(origin)
        .extension()
        .and_then(|e| e.to_str())
        .and_then(Format::from_extension)
        .unwrap_or_else(|| sniff(text))
}

/// The format `text` looks like. JSON is recognised only when it starts like an article
/// object or array (`{"`, `[{`), so text opening with "[Updated]" stays text.
#[must_use]
pub fn sniff(text: &str) -> Format {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    let after = |s: &str| s.trim_start().chars().next();
    if let Some(rest) = t.strip_prefix('{') {
        if matches!(after(rest), Some('"' | '}')) {
            let first = t.lines().next().unwrap_or("");
            let more = t[first.len()..].trim_start();
            if more.starts_with('{') && serde_json::from_str::<serde_json::Value>(first).is_ok() {
                return Format::Jsonl;
            }
            return Format::Json;
        }
    }
    if let Some(rest) = t.strip_prefix('[') {
        if matches!(after(rest), Some('{' | ']')) {
            return Format::Json;
        }
    }
    if t.starts_with('<') {
        let mut end = t.len().min(4096);
        while !t.is_char_boundary(end) {
            end -= 1;
        }
        let head = t[..end].to_ascii_lowercase();
        let tags = [
            "<!doctype html",
            "<html",
            "<head",
            "<body",
            "<article",
            "<meta",
            "<title",
            "<p>",
            "<p ",
            "<div",
        ];
        if tags.iter().any(|tag| head.contains(tag)) {
            return Format::Html;
        }
    }
    Format::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(origin: &str, text: &str, expected: Format) {
        assert_eq!(detect(origin, text), expected, "{origin} {text:?}");
    }

    #[test]
    fn by_extension_then_content() {
        case("a.txt", "<html><p>x</p></html>", Format::Text);
        case("a.HTM", "plain", Format::Html);
        case("a.json", "{}", Format::Json);
        case("a.ndjson", "{}", Format::Jsonl);
        case("-", "<!DOCTYPE html><html>", Format::Html);
        case("-", "\u{feff}  <div><p>x</p></div>", Format::Html);
        case("a.md", "<p>x</p>", Format::Html);
        case("-", "{\"text\": \"a\"}", Format::Json);
        case("-", "{\n  \"text\": \"a\"\n}", Format::Json);
        case("-", "{\"text\": \"a\"}\n{\"text\": \"b\"}\n", Format::Jsonl);
        case("-", "[{\"text\": \"a\"}]", Format::Json);
        case("-", "[Updated] The minister said...", Format::Text);
        case("-", "{Editor's note} Text", Format::Text);
        case("-", "<3 this story", Format::Text);
        case("notes", "Title: T\n\nText", Format::Text);
    }
}
