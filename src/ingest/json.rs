//! JSON and JSONL articles: CMS exports and feeds.
//!
//! A `.json` file holds one article object or an array of them; a `.jsonl` file one object
//! per line. Each object has `text`, `body` or `html` (HTML runs through the HTML extractor;
//! `content` is accepted as another name for `text`), and optionally `title`, `date`,
//! `author` (a string, an object with a `name`, or a list of either), `outlet`, `url` and
//! `credit`. A few common aliases are read too: `headline`; `published`, `published_at`,
//! `datePublished`; `authors`, `byline`; `source`, `publisher`, `site_name`; `link`;
//! `agency`. Articles are named `file.json` for a lone object, `file.json[INDEX]` (from 0)
//! in an array and `file.jsonl:LINE` (from 1) in JSONL, and so are the errors about them.

use serde_json::{Map, Value};

use super::html::{name_of, parse_html};
use super::{ErrorKind, IngestError, Read, Warning, credit, date};
use crate::model::{Article, ArticleMeta};

/// Parses a JSON document holding one article or an array of articles.
pub(crate) fn parse_json(origin: &str, text: &str) -> Result<Read, IngestError> {
    let value: Value = serde_json::from_str(text).map_err(|e| json_error(origin, &e))?;
    let mut read = Read::default();
    match value {
        Value::Array(items) => {
            if items.is_empty() {
                return Err(IngestError::new(
                    origin,
                    ErrorKind::Empty,
                    "not an article: empty json array",
                ));
            }
            for (i, item) in items.into_iter().enumerate() {
                read.add(record(&format!("{origin}[{i}]"), item));
            }
        }
        value @ Value::Object(_) => read.add(record(origin, value)),
        _ => {
            return Err(IngestError::new(
                origin,
                ErrorKind::Malformed,
                "not an article: expected a json object or an array of objects",
            ));
        }
    }
    Ok(read)
}

/// Parses JSONL: one article object per line. A bad line is an error naming
/// `file.jsonl:LINE`; the other lines still yield their articles.
pub(crate) fn parse_jsonl(origin: &str, text: &str) -> Read {
    let mut read = Read::default();
    for (i, line) in text.split('\n').enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let line_origin = format!("{origin}:{}", i + 1);
        let parsed = serde_json::from_str::<Value>(line)
            .map_err(|e| json_error(&line_origin, &e))
            .and_then(|v| record(&line_origin, v));
        read.add(parsed);
    }
    read
}

fn json_error(origin: &str, e: &serde_json::Error) -> IngestError {
    let message = e.to_string();
    if message.starts_with("recursion limit exceeded") {
        IngestError::new(
            origin,
            ErrorKind::Malformed,
            format!(
                "malformed json: nested too deeply (more than 128 levels) at line {} column {}",
                e.line(),
                e.column()
            ),
        )
    } else {
        IngestError::new(
            origin,
            ErrorKind::Malformed,
            format!("malformed json: {message}"),
        )
    }
}

/// One article from one JSON value.
fn record(origin: &str, value: Value) -> Result<(Article, Vec<Warning>), IngestError> {
    let Value::Object(mut o) = value else {
        return Err(IngestError::new(
            origin,
            ErrorKind::Malformed,
            "not an article: expected a json object with a text, body or html field",
        ));
    };
    let mut warnings = Vec::new();
    let mut meta = ArticleMeta::default();
    let body = if let Some(text) = string_field(origin, &mut o, &["text", "body", "content"])? {
        text
    } else if let Some(html) = string_field(origin, &mut o, &["html"])? {
        let page = parse_html(&html)
            .map_err(|message| IngestError::new(origin, ErrorKind::Malformed, message))?;
        meta = page.meta;
        if page.body.trim().is_empty() {
            return Err(IngestError::new(
                origin,
                ErrorKind::NoText,
                "not an article: no article text found in the html field",
            ));
        }
        page.body
    } else {
        return Err(IngestError::new(
            origin,
            ErrorKind::NoText,
            "not an article: no text, body or html field",
        ));
    };
    if body.trim().is_empty() {
        return Err(IngestError::new(
            origin,
            ErrorKind::Empty,
            "not an article: the text is empty",
        ));
    }
    let field = |o: &Map<String, Value>, keys: &[&str]| {
        keys.iter().find_map(|k| o.get(*k).and_then(name_of))
    };
    if let Some(title) = field(&o, &["title", "headline"]) {
        meta.title = Some(title);
    }
    if let Some(author) = field(&o, &["author", "authors", "byline"]) {
        meta.author = Some(author.strip_prefix("By ").unwrap_or(&author).to_owned());
    }
    if let Some(outlet) = field(&o, &["outlet", "source", "publisher", "site_name"]) {
        meta.outlet = Some(outlet);
    }
    if let Some(url) = field(&o, &["url", "link"]) {
        meta.url = Some(url);
    }
    if let Some(credit) = field(&o, &["credit", "agency"]) {
        meta.agency_credit = Some(credit);
    }
    if let Some(raw) = field(&o, &["date", "published", "published_at", "datePublished"]) {
        match date::parse_date(&raw) {
            Some(iso) => meta.date = Some(iso),
            None => warnings.push(Warning::new(
                origin,
                format!(
                    "unrecognised date '{raw}' (expected a form such as 2023-09-05 or September 5, 2023); left empty"
                ),
            )),
        }
    }
    if meta.agency_credit.is_none() {
        meta.agency_credit = credit::text_credit(&body);
    }
    let article = Article {
        origin: origin.to_owned(),
        meta,
        body,
        text_start: 0,
    };
    Ok((article, warnings))
}

/// The first of `keys` present as a string; an error when it holds anything else.
fn string_field(
    origin: &str,
    o: &mut Map<String, Value>,
    keys: &[&str],
) -> Result<Option<String>, IngestError> {
    for key in keys {
        match o.remove(*key) {
            Some(Value::String(s)) => return Ok(Some(s)),
            Some(Value::Null) | None => {}
            Some(_) => {
                return Err(IngestError::new(
                    origin,
                    ErrorKind::Malformed,
                    format!("not an article: the '{key}' field must be a string"),
                ));
            }
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origins(read: &Read) -> Vec<&str> {
        read.articles.iter().map(|a| a.origin.as_str()).collect()
    }

    fn errors(read: &Read) -> Vec<String> {
        read.errors.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn one_object() {
        let read = parse_json(
            "a.json",
            r#"{"title": "T", "date": "Sept. 5, 2023", "author": {"name": "Tunde Oso"}, "outlet": "O", "url": "https://x.example/a", "text": "PARIS (AFP) - Talks began."}"#,
        )
        .unwrap();
        assert_eq!(origins(&read), ["a.json"]);
        let a = &read.articles[0];
        assert_eq!(a.body, "PARIS (AFP) - Talks began.");
        assert_eq!(a.text_start, 0);
        assert_eq!(
            a.meta,
            ArticleMeta {
                title: Some("T".into()),
                date: Some("2023-09-05".into()),
                author: Some("Tunde Oso".into()),
                outlet: Some("O".into()),
                url: Some("https://x.example/a".into()),
                agency_credit: Some("AFP".into()),
            }
        );
    }

    #[test]
    fn array_with_a_bad_element() {
        let read = parse_json(
            "a.json",
            r#"[{"body": "One."}, {"title": "no text"}, {"html": "<p>Two.</p>", "authors": ["A B", "C D"]}, 5, {"text": ["x"]}]"#,
        )
        .unwrap();
        assert_eq!(origins(&read), ["a.json[0]", "a.json[2]"]);
        assert_eq!(read.articles[1].body, "Two.");
        assert_eq!(read.articles[1].meta.author.as_deref(), Some("A B, C D"));
        assert_eq!(
            errors(&read),
            [
                "a.json[1]: not an article: no text, body or html field",
                "a.json[3]: not an article: expected a json object with a text, body or html field",
                "a.json[4]: not an article: the 'text' field must be a string",
            ]
        );
    }

    #[test]
    fn jsonl_bad_line_keeps_the_others() {
        let read = parse_jsonl(
            "f.jsonl",
            "{\"text\": \"One.\"}\n\n{\"text\": \"Two.\"\n{\"text\": \"   \"}\n{\"text\": \"Three.\", \"date\": \"soon\"}\n",
        );
        assert_eq!(origins(&read), ["f.jsonl:1", "f.jsonl:5"]);
        let errs = errors(&read);
        assert_eq!(errs.len(), 2, "{errs:?}");
        assert!(
            errs[0].starts_with("f.jsonl:3: malformed json: EOF while parsing"),
            "{errs:?}"
        );
        assert_eq!(errs[1], "f.jsonl:4: not an article: the text is empty");
        assert_eq!(read.warnings.len(), 1);
        assert!(
            read.warnings[0]
                .to_string()
                .starts_with("f.jsonl:5: unrecognised date 'soon'")
        );
    }

    #[test]
    fn deep_nesting_is_an_error() {
        let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
        let err = parse_json("d.json", &deep).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Malformed);
        assert!(
            err.to_string()
                .starts_with("d.json: malformed json: nested too deeply"),
            "{err}"
        );
        let read = parse_jsonl("d.jsonl", &format!("{{\"text\": \"ok\"}}\n{deep}\n"));
        assert_eq!(origins(&read), ["d.jsonl:1"]);
        assert!(errors(&read)[0].starts_with("d.jsonl:2: malformed json: nested too deeply"));
    }

    #[test]
    fn malformed_and_odd_documents() {
        for (input, message) in [
            (
                "{\"text\": ",
                "a.json: malformed json: EOF while parsing a value at line 1 column 9",
            ),
            ("[]", "a.json: not an article: empty json array"),
            (
                "\"text\"",
                "a.json: not an article: expected a json object or an array of objects",
            ),
        ] {
            assert_eq!(
                parse_json("a.json", input).unwrap_err().to_string(),
                message
            );
        }
    }
}
