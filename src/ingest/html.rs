//! HTML articles: saved web pages and the `html` field of JSON records.
//!
//! Parsed with `scraper` (html5ever, the HTML5 parsing algorithm, lenient like a browser).
//! Metadata comes from meta tags, JSON-LD and the page itself; the body is the text of the
//! `<article>` element (the one with the most text), else `itemprop="articleBody"`, `<main>`
//! or `role="main"`, else the element holding the most paragraph text. Scripts, styles,
//! navigation, headers, footers, asides, forms, figures and their captions, and blocks whose
//! class or id marks them as sharing buttons, related links, bylines, adverts or newsletter
//! boxes are left out. Paragraphs are joined with blank lines; claim offsets refer to this
//! extracted body, which is what gets stored.
//!
//! The document is walked with an explicit stack and selectors are single element names,
//! so deeply nested markup costs memory, not recursion, and time stays linear.

use std::collections::HashMap;

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use super::date;
use crate::model::ArticleMeta;

/// What an HTML document yields.
#[derive(Debug, Default)]
pub(crate) struct HtmlArticle {
    pub meta: ArticleMeta,
    pub body: String,
}

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "aside",
    "button",
    "canvas",
    "dialog",
    "figcaption",
    "figure",
    "footer",
    "form",
    "head",
    "header",
    "iframe",
    "input",
    "label",
    "menu",
    "nav",
    "noscript",
    "object",
    "script",
    "select",
    "style",
    "svg",
    "template",
    "textarea",
    "title",
    "video",
    "audio",
    "picture",
];

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "br",
    "center",
    "dd",
    "div",
    "dl",
    "dt",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Words in a class or id that mark boilerplate inside an article.
const BOILERPLATE: &[&str] = &[
    "advert",
    "breadcrumb",
    "byline",
    "caption",
    "comment",
    "cookie",
    "newsletter",
    "promo",
    "related",
    "share",
    "sharing",
    "signup",
    "social",
    "sponsor",
    "subscribe",
];

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("static selector")
}

/// Deeper markup than this is refused: html5ever's time grows with the depth of open
/// elements for every tag, and real pages stay far below it (news pages nest 20 to 60 deep).
pub(crate) const MAX_DEPTH: usize = 1000;

/// Elements that never hold content or are closed implicitly by the next of their kind;
/// they do not count towards nesting depth.
const NOT_NESTING: &[&str] = &[
    "area", "base", "body", "br", "col", "colgroup", "dd", "dt", "embed", "head", "hr", "html",
    "img", "input", "li", "link", "meta", "option", "p", "param", "source", "tbody", "td", "tfoot",
    "th", "thead", "tr", "track", "wbr",
];

/// Elements whose content is raw text, skipped when measuring depth.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "plaintext"];

/// An estimate of the deepest element nesting in `source`, from one linear scan of its
/// tags (the HTML parser's own repairs aside).
fn nesting_depth(source: &str) -> usize {
    let lower = source.to_ascii_lowercase();
    let b = lower.as_bytes();
    let (mut i, mut depth, mut max) = (0usize, 0usize, 0usize);
    while let Some(off) = lower[i..].find('<') {
        i += off + 1;
        match b.get(i) {
            Some(b'/') => {
                depth = depth.saturating_sub(1);
                continue;
            }
            Some(b'!') if lower[i..].starts_with("!--") => {
                i = lower[i..].find("-->").map_or(b.len(), |e| i + e + 3);
                continue;
            }
            _ => {}
        }
        let name_len = b[i..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            continue;
        }
        let name = &lower[i..i + name_len];
        let Some(close) = lower[i..].find('>') else {
            break;
        };
        let self_closing = close > 0 && b[i + close - 1] == b'/';
        i += close + 1;
        if RAW_TEXT.contains(&name) {
            let end_tag = format!("</{name}");
            i = lower[i..].find(&end_tag).map_or(b.len(), |e| i + e);
            continue;
        }
        if !self_closing && !NOT_NESTING.contains(&name) {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

/// Extracts metadata and body text from an HTML document; an error when its markup is
/// nested deeper than [`MAX_DEPTH`].
pub(crate) fn parse_html(source: &str) -> Result<HtmlArticle, String> {
    if nesting_depth(source) > MAX_DEPTH {
        return Err(format!(
            "malformed html: elements nested too deeply (more than {MAX_DEPTH} levels)"
        ));
    }
    let doc = Html::parse_document(source);
    let metas = meta_tags(&doc);
    let ld = json_ld(&doc);
    let ld_str = |key: &str| ld.as_ref().and_then(|o| o.get(key)).and_then(name_of);

    let first_text = |css: &str| {
        doc.select(&selector(css))
            .map(|e| collapse(&e.text().collect::<String>()))
            .find(|t| !t.is_empty())
    };
    let get = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| metas.get(*k))
            .map(|v| collapse(v))
            .filter(|v| !v.is_empty())
    };

    let outlet = get(&["og:site_name", "application-name"]).or_else(|| {
        ld.as_ref()
            .and_then(|o| o.get("publisher"))
            .and_then(name_of)
    });
    let title = get(&["og:title", "twitter:title"])
        .or_else(|| ld_str("headline"))
        .or_else(|| first_text("title").map(|t| strip_site(&t, outlet.as_deref())))
        .or_else(|| first_text("h1"));
    let date = get(&[
        "article:published_time",
        "og:published_time",
        "datepublished",
        "date",
        "pubdate",
        "publishdate",
        "dc.date",
        "dc.date.issued",
        "parsely-pub-date",
        "sailthru.date",
    ])
    .and_then(|d| date::parse_date(&d))
    .or_else(|| ld_str("datePublished").and_then(|d| date::parse_date(&d)))
    .or_else(|| {
        doc.select(&selector("time"))
            .filter_map(|t| t.value().attr("datetime"))
            .find_map(date::parse_date)
    });
    let author = get(&[
        "author",
        "article:author",
        "parsely-author",
        "sailthru.author",
    ])
    .filter(|a| !a.starts_with("http"))
    .or_else(|| ld.as_ref().and_then(|o| o.get("author")).and_then(name_of))
    .or_else(|| {
        doc.select(&selector(
            "[rel=author], [itemprop=author], .byline, .author",
        ))
        .map(|e| collapse(&e.text().collect::<String>()))
        .map(|t| t.strip_prefix("By ").map(str::to_owned).unwrap_or(t))
        .find(|t| !t.is_empty() && t.len() < 100)
    });
    let url = doc
        .select(&selector("link[rel=canonical]"))
        .find_map(|l| l.value().attr("href"))
        .map(str::to_owned)
        .or_else(|| get(&["og:url"]))
        .or_else(|| ld_str("url"));

    let mut body = paragraphs(root(&doc).as_ref()).join("\n\n");
    if body.is_empty() {
        if let Some(text) = ld_str("articleBody") {
            body = text;
        }
    }
    Ok(HtmlArticle {
        meta: ArticleMeta {
            title,
            date,
            author,
            outlet,
            url,
            agency_credit: None,
        },
        body,
    })
}

/// Meta tags by lower-cased `property`, `name` or `itemprop`; the first one wins.
fn meta_tags(doc: &Html) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for m in doc.select(&selector("meta")) {
        let el = m.value();
        let Some(content) = el.attr("content") else {
            continue;
        };
        for key in ["property", "name", "itemprop"] {
            if let Some(k) = el.attr(key) {
                map.entry(k.to_ascii_lowercase())
                    .or_insert_with(|| content.to_owned());
            }
        }
    }
    map
}

/// The article object of the page's JSON-LD, if any.
fn json_ld(doc: &Html) -> Option<serde_json::Map<String, Value>> {
    let mut fallback = None;
    for script in doc.select(&selector("script")) {
        if !script
            .value()
            .attr("type")
            .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
        {
            continue;
        }
        let Ok(value) = serde_json::from_str::<Value>(&script.text().collect::<String>()) else {
            continue;
        };
        let mut pending = vec![&value];
        while let Some(v) = pending.pop() {
            match v {
                Value::Array(items) => pending.extend(items.iter().rev()),
                Value::Object(o) => {
                    if let Some(graph) = o.get("@graph") {
                        pending.push(graph);
                    }
                    if is_article_type(o.get("@type")) {
                        return Some(o.clone());
                    }
                    if fallback.is_none() && o.contains_key("datePublished") {
                        fallback = Some(o.clone());
                    }
                }
                _ => {}
            }
        }
    }
    fallback
}

fn is_article_type(t: Option<&Value>) -> bool {
    match t {
        Some(Value::String(s)) => s.ends_with("Article") || s == "BlogPosting" || s == "Report",
        Some(Value::Array(items)) => items.iter().any(|i| is_article_type(Some(i))),
        _ => false,
    }
}

/// A name from JSON-LD or a JSON field: a string, an object with a name, or a list of them.
pub(crate) fn name_of(v: &Value) -> Option<String> {
    let name = match v {
        Value::String(s) => collapse(s),
        Value::Object(o) => o.get("name").and_then(name_of)?,
        Value::Array(items) => items
            .iter()
            .filter_map(name_of)
            .collect::<Vec<_>>()
            .join(", "),
        _ => return None,
    };
    (!name.is_empty()).then_some(name)
}

/// "Headline | Outlet" → "Headline" when the outlet is known.
fn strip_site(title: &str, outlet: Option<&str>) -> String {
    if let Some(outlet) = outlet {
        for sep in [" | ", " - ", " — ", " – "] {
            if let Some(head) = title.strip_suffix(&format!("{sep}{outlet}")) {
                return head.trim().to_owned();
            }
        }
    }
    title.to_owned()
}

/// The element holding the article text.
fn root(doc: &Html) -> Option<ElementRef<'_>> {
    let best_article = doc
        .select(&selector("article"))
        .map(|a| {
            (
                paragraphs(Some(&a)).iter().map(String::len).sum::<usize>(),
                a,
            )
        })
        .filter(|(len, _)| *len > 0)
        .max_by_key(|(len, _)| *len)
        .map(|(_, a)| a);
    if best_article.is_some() {
        return best_article;
    }
    for css in ["[itemprop=articleBody]", "main", "[role=main]"] {
        if let Some(e) = doc.select(&selector(css)).next() {
            return Some(e);
        }
    }
    // The element whose paragraph children hold the most text.
    let mut scores: HashMap<_, usize> = HashMap::new();
    for p in doc.select(&selector("p")) {
        if let Some(parent) = p.parent() {
            *scores.entry(parent.id()).or_default() += p.text().map(str::len).sum::<usize>();
        }
    }
    let best = scores
        .into_iter()
        .max_by_key(|&(id, score)| (score, std::cmp::Reverse(id)))
        .and_then(|(id, _)| doc.tree.get(id))
        .and_then(ElementRef::wrap);
    best.or_else(|| doc.select(&selector("body")).next())
}

fn is_boilerplate(el: &scraper::node::Element) -> bool {
    if SKIPPED.contains(&el.name()) || el.attr("hidden").is_some() {
        return true;
    }
    if el.attr("aria-hidden") == Some("true") || el.attr("role") == Some("navigation") {
        return true;
    }
    let marks = |v: &str| {
        v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|w| BOILERPLATE.contains(&w.to_ascii_lowercase().as_str()))
    };
    el.attr("class").is_some_and(marks) || el.attr("id").is_some_and(marks)
}

/// The paragraphs of the text under `root`, whitespace collapsed.
fn paragraphs(root: Option<&ElementRef<'_>>) -> Vec<String> {
    let Some(root) = root else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut current = String::new();
    let mut flush = |current: &mut String| {
        let para = collapse(current);
        if !para.is_empty() {
            out.push(para);
        }
        current.clear();
    };
    let mut stack = vec![(false, root.children())];
    while let Some((_, children)) = stack.last_mut() {
        if let Some(node) = children.next() {
            if let Some(text) = node.value().as_text() {
                current.push_str(text);
            } else if let Some(el) = node.value().as_element() {
                if is_boilerplate(el) {
                    continue;
                }
                let block = BLOCKS.contains(&el.name());
                if block {
                    flush(&mut current);
                }
                stack.push((block, node.children()));
            }
        } else if let Some((true, _)) = stack.pop() {
            flush(&mut current);
        }
    }
    flush(&mut current);
    out
}

/// Collapses runs of whitespace to one space and trims.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = include_str!("../../tests/fixtures/ingest/news-page.html");

    #[test]
    fn realistic_page() {
        let a = parse_html(PAGE).unwrap();
        let m = &a.meta;
        assert_eq!(
            m.title.as_deref(),
            Some("France in talks to withdraw some troops from Niger")
        );
        assert_eq!(m.date.as_deref(), Some("2023-09-05"));
        assert_eq!(m.author.as_deref(), Some("Tunde Oso"));
        assert_eq!(m.outlet.as_deref(), Some("The Sahel Courier"));
        assert_eq!(
            m.url.as_deref(),
            Some("https://courier.example/niger-talks")
        );
        let paras: Vec<&str> = a.body.split("\n\n").collect();
        assert_eq!(paras.len(), 4, "{paras:#?}");
        assert!(
            paras[0].starts_with("PARIS (AFP) — The French army is holding talks"),
            "{}",
            paras[0]
        );
        assert!(
            paras[1].contains("“Discussions on the withdrawal"),
            "{}",
            paras[1]
        );
        assert_eq!(paras[3], "Relations went swiftly downhill after the coup.");
        for stripped in [
            "Home",
            "Subscribe",
            "trackPageView",
            "color:",
            "Troops at the airport",
            "Share on",
            "Related",
            "All rights reserved",
            "Sign up",
            "By Tunde Oso",
        ] {
            assert!(
                !a.body.contains(stripped),
                "{stripped:?} left in body:\n{}",
                a.body
            );
        }
    }

    #[track_caller]
    fn case(html: &str, title: Option<&str>, date: Option<&str>, body: &str) {
        let a = parse_html(html).unwrap();
        assert_eq!(a.meta.title.as_deref(), title, "title of {html}");
        assert_eq!(a.meta.date.as_deref(), date, "date of {html}");
        assert_eq!(a.body, body, "body of {html}");
    }

    #[test]
    fn metadata_sources_and_body_fallbacks() {
        case(
            "<title>T | Site</title><meta property=og:site_name content=Site><p>One.</p><p>Two.</p>",
            Some("T"),
            None,
            "One.\n\nTwo.",
        );
        case(
            r#"<h1>Head</h1><time datetime="2016-11-08T10:00:00Z">Nov 8</time><main><p>Text <b>bold</b>  here.</p></main>"#,
            Some("Head"),
            Some("2016-11-08"),
            "Text bold here.",
        );
        case(
            r#"<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"LD","datePublished":"2020-02-29","articleBody":"Body from LD."}]}</script><div></div>"#,
            Some("LD"),
            Some("2020-02-29"),
            "Body from LD.",
        );
        // Paragraphs are chosen by where most text is, not by page order.
        case(
            "<div><p>Menu</p></div><div class=story><p>Long paragraph one of the story.</p><p>Long paragraph two.</p></div>",
            None,
            None,
            "Long paragraph one of the story.\n\nLong paragraph two.",
        );
        // Malformed markup still yields text.
        case(
            "<p>Unclosed <b>bold<p>Next</i> para",
            None,
            None,
            "Unclosed bold\n\nNext para",
        );
        case(
            "<html><body><script>x()</script></body></html>",
            None,
            None,
            "",
        );
        // Line breaks split paragraphs; entities are decoded.
        case("<p>A &amp; B<br>C&nbsp;D</p>", None, None, "A & B\n\nC D");
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let nest = |depth: usize| {
            format!(
                "{}<p>deep text</p>{}",
                "<div>".repeat(depth),
                "</div>".repeat(depth)
            )
        };
        let a = parse_html(&nest(MAX_DEPTH)).unwrap();
        assert_eq!(a.body, "deep text");
        let err = parse_html(&nest(MAX_DEPTH + 1)).unwrap_err();
        assert_eq!(
            err,
            "malformed html: elements nested too deeply (more than 1000 levels)"
        );
        // Sequences of siblings, void elements, implicitly closed paragraphs, comments and
        // script text are not nesting.
        let flat = "<div><p>a</div><br><img src=x><li>x<p>y<!-- <div><div> --><script>'<div>'</script><hr/>"
            .repeat(MAX_DEPTH * 2);
        assert!(nesting_depth(&flat) <= 1, "{}", nesting_depth(&flat));
        assert!(parse_html(&flat).is_ok());
    }
}
