//! Which format a file is in: by extension first, by content otherwise.
//!
//! A known extension decides, with one exception: a `.txt` file whose content is clearly
//! another format (a saved web page, a JSON export, a JSONL feed) is read as that format.
//! The check is strict ([`disguised`]), so an article that mentions `<html>` or opens with
//! a brace in prose stays text.

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

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
/// as `:3` or `[2]`; only a real extension counts. A text extension (`.txt`) yields to
/// content that is clearly HTML, JSON or JSONL.
#[must_use]
pub fn detect(origin: &str, text: &str) -> Format {
    let by_extension = Path::new(origin)
        .extension()
        .and_then(|e| e.to_str())
        .and_then(Format::from_extension);
    match by_extension {
        Some(Format::Text) => disguised(text).unwrap_or(Format::Text),
        Some(format) => format,
        None => sniff(text),
    }
}

/// The format of a text file whose content is another format, or None when it is text.
///
/// - HTML: after a BOM, whitespace, comments (`<!-- saved from url=... -->`) and an XML
///   declaration, the file opens with a tag, and either that is `<!DOCTYPE html` or
///   `<html`, or a `<head>`, `<body>` or `<article>` tag comes in the first 4 KiB; and the
///   first 16 KiB hold at least four tags, one of them a closing tag. Prose that mentions
///   a tag or two does not qualify.
/// - JSON: the whole file parses as an article object (with a `text`, `body`, `content`
///   or `html` string) or as a non-empty array of objects, at least half of them articles.
/// - JSONL: every non-empty line starts with `{`, the first one parses as an article
///   object, and so do at least half of them (the others are reported as bad records).
#[must_use]
pub fn disguised(text: &str) -> Option<Format> {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    match t.as_bytes().first()? {
        b'<' => html_document(t).then_some(Format::Html),
        b'{' | b'[' => json_articles(t),
        _ => None,
    }
}

static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<(/?)([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?/?>").unwrap());

/// Whether `t` (trimmed, starting with `<`) is an HTML document; see [`disguised`].
fn html_document(t: &str) -> bool {
    let mut rest = t;
    for _ in 0..8 {
        let skipped = if rest.starts_with("<!--") {
            rest.find("-->").map(|i| i + 3)
        } else if rest.starts_with("<?xml") {
            rest.find("?>").map(|i| i + 2)
        } else {
            break;
        };
        let Some(end) = skipped else { return false };
        rest = rest[end..].trim_start();
    }
    let head = rest[..floor_boundary(rest, 4096)].to_ascii_lowercase();
    let opens_document =
        head.starts_with("<!doctype html") || tag_name_at(&head, 0) == Some("html");
    let opens_with_tag = opens_document || TAG.find(&head).is_some_and(|m| m.start() == 0);
    if !opens_with_tag {
        return false;
    }
    let structural = || {
        TAG.captures_iter(&head)
            .any(|c| c[1].is_empty() && matches!(&c[2], "head" | "body" | "article"))
    };
    if !opens_document && !structural() {
        return false;
    }
    let window = &rest[..floor_boundary(rest, 16 * 1024)];
    let (mut tags, mut closing) = (0, 0);
    for c in TAG.captures_iter(window) {
        tags += 1;
        closing += usize::from(!c[1].is_empty());
        if tags >= 4 && closing >= 1 {
            return true;
        }
    }
    false
}

/// The name of the tag opening at `at` in lowercase `head`, if one does.
fn tag_name_at(head: &str, at: usize) -> Option<&str> {
    let c = TAG.captures_at(head, at)?;
    (c.get(0)?.start() == at && c[1].is_empty()).then(|| c.get(2).map_or("", |m| m.as_str()))
}

fn floor_boundary(s: &str, max: usize) -> usize {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// Whether `v` is an object with article text, as the JSON reader wants it.
fn is_article(v: &Value) -> bool {
    v.as_object().is_some_and(|o| {
        ["text", "body", "content", "html"]
            .iter()
            .any(|k| o.get(*k).is_some_and(Value::is_string))
    })
}

/// JSON or JSONL holding articles, or None; see [`disguised`].
fn json_articles(t: &str) -> Option<Format> {
    if let Ok(value) = serde_json::from_str::<Value>(t) {
        return match &value {
            Value::Array(items) => {
                let articles = items.iter().filter(|v| is_article(v)).count();
                (!items.is_empty()
                    && items.iter().all(Value::is_object)
                    && articles * 2 >= items.len())
                .then_some(Format::Json)
            }
            v => is_article(v).then_some(Format::Json),
        };
    }
    let mut lines = 0;
    let mut articles = 0;
    for line in t.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !line.starts_with('{') {
            return None;
        }
        let article = serde_json::from_str::<Value>(line).is_ok_and(|v| is_article(&v));
        if lines == 0 && !article {
            return None;
        }
        lines += 1;
        articles += usize::from(article);
    }
    (articles * 2 >= lines).then_some(Format::Jsonl)
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
        let head = t[..floor_boundary(t, 4096)].to_ascii_lowercase();
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
        case("a.txt", "<html><p>x</p></html>", Format::Html);
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

    #[test]
    fn text_files_holding_other_formats() {
        let page = "<!DOCTYPE html>\n<html><head><title>T</title></head><body><nav><a href=\"/\">Home</a></nav><p>Talks began.</p></body></html>";
        case("page.txt", page, Format::Html);
        case("page.TXT", &format!("\u{feff}\n  {page}"), Format::Html);
        case(
            "saved.txt",
            &format!("<!-- saved from url=(0030)https://example.com/a -->\n{page}"),
            Format::Html,
        );
        case(
            "x.txt",
            "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>a</p><p>b</p></body></html>",
            Format::Html,
        );
        case(
            "frag.txt",
            "<div class=\"wrap\"><article><h1>T</h1><p>Talks began.</p></article></div>",
            Format::Html,
        );
        case(
            "a.txt",
            "{\"title\": \"T\", \"text\": \"Talks began.\"}",
            Format::Json,
        );
        case(
            "a.txt",
            "[\n  {\"body\": \"a\"},\n  {\"html\": \"<p>b</p>\"}\n]",
            Format::Json,
        );
        case(
            "a.txt",
            "{\"text\": \"a\"}\n\n{\"body\": \"b\", \"title\": \"T\"}\n",
            Format::Jsonl,
        );
        // One bad line among good ones: still JSONL, the bad line becomes an error.
        case(
            "a.txt",
            "{\"text\": \"a\"}\n{\"text\": \"b\"}\n{\"text\": \n",
            Format::Jsonl,
        );
    }

    #[test]
    fn text_files_that_only_mention_markup_stay_text() {
        // Prose that mentions tags.
        case(
            "a.txt",
            "The <html> element wraps a page, the developer said.\n\nMore.",
            Format::Text,
        );
        case(
            "a.txt",
            "<html> is the root element. Every page has <head> and <body>, she said.",
            Format::Text,
        );
        case(
            "a.txt",
            "<3 this story. The minister said <body> and <head> were fine.",
            Format::Text,
        );
        // Markup that is not a page: no head, body or article, and no doctype.
        case(
            "a.txt",
            "<b>Breaking</b> <i>news</i>: talks began <br>",
            Format::Text,
        );
        // Prose opening with braces or brackets.
        case("a.txt", "{Editor's note} The talks began.", Format::Text);
        case(
            "a.txt",
            "[Updated] The minister said talks began.",
            Format::Text,
        );
        case("a.txt", "{} is how the code looked, he said.", Format::Text);
        // JSON that is not articles.
        case("a.txt", "{\"name\": \"x\", \"count\": 3}", Format::Text);
        case("a.txt", "[1, 2, 3]", Format::Text);
        case("a.txt", "[]", Format::Text);
        case(
            "a.txt",
            "[{\"text\": \"a\"}, {\"id\": 1}, {\"id\": 2}]",
            Format::Text,
        );
        // Lines that are not all objects, or a first line that is not an article.
        case(
            "a.txt",
            "{\"text\": \"a\"}\nThen the minister spoke.\n",
            Format::Text,
        );
        case(
            "a.txt",
            "{\"id\": 1}\n{\"text\": \"a\"}\n{\"text\": \"b\"}\n",
            Format::Text,
        );
        // Other extensions keep their format.
        case("a.html", "{\"text\": \"a\"}", Format::Html);
        case("a.json", "<html><body><p>x</p></body></html>", Format::Json);
    }
}
