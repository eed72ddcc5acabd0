//! Plain-text articles and their headers.
//!
//! The body is the whole file text, header included, so claim offsets are byte offsets into
//! the file; `text_start` is where the article text begins after the header. Three header
//! forms are read from the first lines:
//!
//! - a byline line: ` date 2023-09-05 By Tunde Oso (with agency reports)`, or any mix of a
//!   date (after an optional "date", "published" or "updated"), "By NAME" and a credit
//!   ("(AFP)", "— Reuters"); lines under the byline lines in the same block are the text,
//!   and a single title-like one among them is the headline (the title, kept in the text
//!   like a title standing alone);
//! - a `Key: value` block ending at a blank line, with the keys Title (or Headline), Date
//!   (or Published), Author (or By, Byline), Outlet (or Publication, Publisher, Source), URL
//!   (or Link) and Credit (or Agency), in any case; other short keys are allowed and ignored;
//! - a title line: a short first line followed by a blank line, optionally followed by
//!   byline lines. A title standing alone (no byline under it) stays part of the text:
//!   `text_start` is where it begins, since headlines carry claims ("Minister says talks
//!   have begun") and PolNeAR annotates them; a title above a byline is header.
//!
//! A first paragraph is not mistaken for a title: a title has at most 30 words, is one
//! sentence, stands alone before a blank line, does not open with a dateline ("DALLAS (AP)
//! —"), and either lacks a sentence-final period, has at most 14 words, or is in title case.
//! A line opening with a dateline ("WASHINGTON —") is text. On PolNeAR (whose first lines are
//! titles, most ending in a period) these rules find 920 of 924 titles; most of the second
//! paragraphs they would take for titles are subtitles or section heads ("ABSTRACT.").

use std::sync::LazyLock;

use regex::Regex;

use super::{credit, date};
use crate::model::{Article, ArticleMeta};

/// Header lines are short; longer lines end the search for a header, which keeps a huge
/// single-line file linear.
const MAX_HEADER_LINE: usize = 1000;
/// A header block has at most this many lines.
const MAX_HEADER_LINES: usize = 16;

/// One line of the file, without its line ending.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    text: &'a str,
    /// Byte offset just past the line ending.
    end: usize,
}

impl Line<'_> {
    fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Reads lines of `text` from `from`, stopping at a line too long to be a header.
fn header_lines(text: &str, from: usize) -> impl Iterator<Item = Line<'_>> {
    let mut pos = from;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let rest = &text[pos..];
        let window = &rest[..floor_boundary(rest, MAX_HEADER_LINE + 2)];
        let (line, len) = match window.find('\n') {
            Some(i) => (&rest[..i], i + 1),
            None if window.len() == rest.len() => (rest, rest.len()),
            None => return None,
        };
        pos += len;
        Some(Line {
            text: line.trim_end_matches('\r'),
            end: pos,
        })
    })
}

fn floor_boundary(s: &str, max: usize) -> usize {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// The first block of lines (up to a blank line) starting at `from`, after blank lines.
/// None when the block is too long to be a header.
fn block(text: &str, from: usize) -> Option<Vec<Line<'_>>> {
    let mut lines = Vec::new();
    for line in header_lines(text, from) {
        if line.is_blank() {
            if lines.is_empty() {
                continue;
            }
            return Some(lines);
        }
        if lines.len() == MAX_HEADER_LINES {
            return None;
        }
        lines.push(line);
    }
    // The block ran to the end of the file (or into a long line): no text follows it.
    None
}

/// The offset of the first non-blank line at or after `from`.
fn skip_blank(text: &str, from: usize) -> usize {
    let mut pos = from;
    for line in header_lines(text, from) {
        if !line.is_blank() {
            break;
        }
        pos = line.end;
    }
    pos
}

/// Parses a plain-text article. Returns the article and any warnings about its header.
pub(crate) fn parse_text(origin: &str, body: String) -> (Article, Vec<String>) {
    let mut meta = ArticleMeta::default();
    let mut warnings = Vec::new();
    let start = if body.starts_with('\u{feff}') { 3 } else { 0 };
    let (text_start, after_header) =
        header(&body, start, &mut meta, &mut warnings).unwrap_or((start, start));
    let text_start = skip_blank(&body, text_start);
    if meta.agency_credit.is_none() {
        meta.agency_credit = credit::text_credit(&body[after_header..]);
    }
    let article = Article {
        origin: origin.to_owned(),
        meta,
        body,
        text_start,
    };
    (article, warnings)
}

/// Reads a header at `from` into `meta`; returns where the text starts and where the
/// header lines end (they differ for a title standing alone, which is text too).
fn header(
    text: &str,
    from: usize,
    meta: &mut ArticleMeta,
    warnings: &mut Vec<String>,
) -> Option<(usize, usize)> {
    let first = block(text, from)?;
    let after_first = first.last()?.end;
    if let Some(fields) = key_values(&first) {
        apply_fields(&fields, meta, warnings);
        return Some((after_first, after_first));
    }
    let (head, rest) = first.split_first()?;
    let mut bylines: Vec<Byline> = Vec::new();
    let mut title = None;
    if let Some(b) = parse_byline(head.text) {
        if rest.iter().any(|l| parse_byline(l.text).is_none()) {
            return Some(byline_then_text(&first, meta));
        }
        bylines.push(b);
    } else if transcript(text, &first, after_first) {
        return None;
    } else if looks_like_title(head.text)
        || (rest.is_empty() && before_dateline(text, after_first, head.text))
    {
        title = Some(head.text.trim().to_owned());
    } else {
        return None;
    }
    let mut rest = rest;
    if title.is_some() {
        // A deck under the title, in the same block: "Candidates vie for vets' support;\n
        // Trump and Clinton point out own credentials, ..." (PolNeAR, USA Today).
        if let Some((deck, more)) = rest.split_first() {
            if parse_byline(deck.text).is_none() && looks_like_deck(deck.text) {
                rest = more;
            }
        }
    }
    for line in rest {
        bylines.push(parse_byline(line.text)?);
    }
    let mut end = after_first;
    // "Title\n\nBy Jane Doe\n\nText": a byline block after a title block.
    if let Some(next) = block(text, end) {
        let parsed: Option<Vec<Byline>> = next.iter().map(|l| parse_byline(l.text)).collect();
        if let Some(parsed) = parsed {
            bylines.extend(parsed);
            end = next.last()?.end;
        }
    }
    if skip_blank(text, end) >= text.len() {
        // Nothing follows: the lines are the text itself.
        return None;
    }
    let title_only = bylines.is_empty();
    meta.title = title;
    if title_only {
        // A headline standing alone stays in the text: headlines carry claims ("Minister
        // says talks have begun"), and a short first paragraph can look like one.
        return Some((from, end));
    }
    apply_bylines(bylines, meta);
    Some((end, end))
}

/// The header of a block that opens with byline lines and goes on with other lines: those
/// are the text. A single title-like line is the headline ("date 2025-03-15 By Maya
/// Lindqvist\nTalks begin\n\n..."): it becomes the title and, like a title standing alone,
/// stays part of the text; several lines are the first paragraph. Returns where the text
/// starts and where the header ends (after the headline, before a paragraph).
fn byline_then_text(first: &[Line<'_>], meta: &mut ArticleMeta) -> (usize, usize) {
    let count = first
        .iter()
        .take_while(|l| parse_byline(l.text).is_some())
        .count();
    let (lines, tail) = first.split_at(count);
    let text_start = lines.last().map_or(0, |l| l.end);
    let title = match tail {
        [line] if looks_like_title(line.text) => Some(line.text.trim().to_owned()),
        _ => None,
    };
    let after_header = match (&title, tail.last()) {
        (Some(_), Some(last)) => last.end,
        _ => text_start,
    };
    meta.title = title;
    apply_bylines(lines.iter().filter_map(|l| parse_byline(l.text)), meta);
    (text_start, after_header)
}

fn apply_bylines(bylines: impl IntoIterator<Item = Byline>, meta: &mut ArticleMeta) {
    for b in bylines {
        meta.date = meta.date.take().or(b.date);
        meta.author = meta.author.take().or(b.author);
        meta.agency_credit = meta.agency_credit.take().or(b.credit);
    }
}

static KEY_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*([A-Za-z][A-Za-z_-]*(?: [A-Za-z_-]+){0,2})\s*:\s*(.*?)\s*$").unwrap()
});

/// The fields of a `Key: value` block, when every line is one and known keys are present:
/// two of them, or one that a headline would not start with. "NY Daily News: Paris
/// Attacks..." and "Newspaper: Defense secretary used personal email" are titles (PolNeAR).
fn key_values<'a>(lines: &[Line<'a>]) -> Option<Vec<(String, &'a str)>> {
    let mut fields = Vec::new();
    for line in lines {
        let c = KEY_VALUE.captures(line.text)?;
        let value = c.get(2).map_or("", |m| m.as_str());
        fields.push((c[1].to_ascii_lowercase(), value));
    }
    let known: Vec<(Field, &str)> = fields
        .iter()
        .filter_map(|(k, v)| Some((field_of(k)?, *v)))
        .collect();
    let unmistakable = |(field, value): &(Field, &str)| match field {
        Field::Title | Field::Author => true,
        Field::Date => date::parse_date(value).is_some(),
        Field::Url => value.contains("://"),
        Field::Outlet | Field::Credit => false,
    };
    (known.len() >= 2 || known.iter().any(unmistakable)).then_some(fields)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Date,
    Author,
    Outlet,
    Url,
    Credit,
}

fn field_of(key: &str) -> Option<Field> {
    Some(match key {
        "title" | "headline" => Field::Title,
        "date" | "published" | "publication date" | "date published" | "pubdate" => Field::Date,
        "author" | "authors" | "by" | "byline" => Field::Author,
        "outlet" | "publication" | "publisher" | "source" | "site" | "newspaper" => Field::Outlet,
        "url" | "link" => Field::Url,
        "credit" | "agency" => Field::Credit,
        _ => return None,
    })
}

fn apply_fields(fields: &[(String, &str)], meta: &mut ArticleMeta, warnings: &mut Vec<String>) {
    for (key, value) in fields {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let slot = match field_of(key) {
            Some(Field::Title) => &mut meta.title,
            Some(Field::Outlet) => &mut meta.outlet,
            Some(Field::Url) => &mut meta.url,
            Some(Field::Credit) => &mut meta.agency_credit,
            Some(Field::Date) => {
                match date::parse_date(value) {
                    Some(iso) => meta.date = meta.date.take().or(Some(iso)),
                    None => warnings.push(format!(
                        "unrecognised date '{value}' in the header (expected a form such as 2023-09-05 or September 5, 2023); left empty"
                    )),
                }
                continue;
            }
            Some(Field::Author) => {
                let mut author = value.strip_prefix("By ").unwrap_or(value).trim();
                if let Some((credit, range)) = credit::paren_credit(author) {
                    meta.agency_credit = meta.agency_credit.take().or(Some(credit));
                    author = author[..range.start].trim();
                }
                if !author.is_empty() {
                    meta.author = meta.author.take().or(Some(author.to_owned()));
                }
                continue;
            }
            None => continue,
        };
        if slot.is_none() {
            *slot = Some(value.to_owned());
        }
    }
}

/// What a byline line says.
#[derive(Debug, Default, PartialEq, Eq)]
struct Byline {
    date: Option<String>,
    author: Option<String>,
    credit: Option<String>,
}

static DATE_KEYWORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:date|dated|published|updated|last updated|first published|posted|published on|updated on|posted on)\b\s*:?\s*").unwrap()
});
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*(?i:am|pm|a\.m\.|p\.m\.))?(?:\s+[A-Z]{2,5}\b)?")
        .unwrap()
});
static BY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:By|BY|by)\s+").unwrap());

/// Name particles written in lower case inside a name ("Ursula von der Leyen").
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "der", "di", "dos", "du", "el", "la", "le",
    "van", "von", "y",
];

/// Parses a byline line, or None when the line holds anything else.
fn parse_byline(line: &str) -> Option<Byline> {
    let mut out = Byline::default();
    let mut rest = line;
    loop {
        rest = rest.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | '|' | '·' | '•' | '—' | '–' | '-')
        });
        if rest.is_empty() {
            break;
        }
        if let Some(m) = DATE_KEYWORD.find(rest) {
            let (iso, end) = date::date_at_start(&rest[m.end()..])?;
            out.date = out.date.or(Some(iso));
            rest = &rest[m.end() + end..];
        } else if let Some((iso, end)) = date::date_at_start(rest) {
            out.date = out.date.or(Some(iso));
            rest = &rest[end..];
        } else if let Some(m) = TIME.find(rest).filter(|_| out.date.is_some()) {
            rest = &rest[m.end()..];
        } else if let Some(m) = BY.find(rest) {
            let (name, end) = name_at(&rest[m.end()..])?;
            out.author = out.author.or(Some(name));
            rest = &rest[m.end() + end..];
        } else if let Some((credit, range)) = credit::paren_credit(rest).filter(|c| c.1.start == 0)
        {
            out.credit = out.credit.or(Some(credit));
            rest = &rest[range.end..];
        } else if let Some(credit) = credit::whole_credit(rest) {
            out.credit = out.credit.or(Some(credit));
            rest = "";
        } else {
            return None;
        }
    }
    (out.date.is_some() || out.author.is_some()).then_some(out)
}

/// The author name at the start of `text` ("Tunde Oso", "Jane Doe and John Roe"), with the
/// byte offset where it ends.
fn name_at(text: &str) -> Option<(String, usize)> {
    let mut end = 0;
    let mut last_was_name = false;
    let mut pos = 0;
    while pos < text.len() {
        let rest = &text[pos..];
        let lead = rest.len() - rest.trim_start().len();
        let word_start = pos + lead;
        let word_rest = &text[word_start..];
        if word_rest.is_empty()
            || date::date_at_start(word_rest).is_some()
            || word_rest.starts_with(['(', '|', '—', '–', ';'])
            || word_rest.starts_with("- ")
            || credit::whole_credit(word_rest.split(',').next().unwrap_or("")).is_some()
        {
            break;
        }
        let word_len = word_rest
            .find(|c: char| c.is_whitespace() || c == ',' || c == '(')
            .unwrap_or(word_rest.len());
        let word = &word_rest[..word_len];
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if capital {
            last_was_name = true;
            end = word_start + word_len;
        } else if word == "and" || word == "&" || PARTICLES.contains(&word) {
            if !last_was_name {
                return None;
            }
        } else {
            break;
        }
        pos = word_start + word_len;
        // A comma continues a list of names ("Jane Doe, John Roe and Ann Lee").
        if text[pos..].starts_with(',') {
            pos += 1;
        }
    }
    let name = text[..end].trim().trim_end_matches(',');
    (!name.is_empty()).then(|| (name.to_owned(), end))
}

static SENTENCE_BREAK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(\p{L}+)[.!?]["”’)]*\s+["“‘(]?\p{Lu}"#).unwrap());

/// A dateline without an agency: "WASHINGTON — ", "NEWPORT NEWS, Va. - ".
static PLAIN_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z][A-Z.'’ ]{2,}(?:,\s*[A-Z][A-Za-z.]*){0,2}\s+[—–-]\s").unwrap()
});

static SPEAKER_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Z][A-Z.'’ -]*[A-Z]:\s").unwrap());

/// Abbreviations that end in a period inside a sentence ("Mrs. May", "Sept. 5").
const ABBREVIATIONS: &[&str] = &[
    "apr", "aug", "capt", "co", "col", "corp", "dec", "dr", "feb", "gen", "gov", "inc", "jan",
    "jr", "lt", "ltd", "mr", "mrs", "ms", "no", "nov", "oct", "prof", "rep", "rev", "sen", "sep",
    "sept", "sgt", "sr", "st", "vs",
];

/// Whether `line` holds more than one sentence: a word of two or more letters, not an
/// abbreviation, ends in a full stop followed by a capital.
fn several_sentences(line: &str) -> bool {
    SENTENCE_BREAK.captures_iter(line).any(|c| {
        let word = c[1].to_lowercase();
        word.chars().count() >= 2
            && word.chars().any(char::is_lowercase)
            && !ABBREVIATIONS.contains(&word.as_str())
    })
}
static FINAL_STOP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"[.!?]["”’')\]]*\s*$"#).unwrap());

/// Whether a lone first line is a title rather than a one-sentence first paragraph.
fn looks_like_title(line: &str) -> bool {
    let t = line.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    if t.is_empty()
        || t.chars().count() > 200
        || words.len() > 30
        || credit::dateline_credit(t).is_some()
        || PLAIN_DATELINE.is_match(t)
    {
        return false;
    }
    let short = words.len() <= 14;
    if several_sentences(t) {
        // "Virginian could make history. Again."; "Republicans Finally Confirmed A Judge.
        // Is This Obama's Last One?"
        return short || title_case(&words);
    }
    !FINAL_STOP.is_match(t) || short || title_case(&words)
}

/// Whether the text opens as a transcript: speaker labels on the first two lines or
/// paragraphs ("WALLACE: Good evening.\nTRUMP: Thank you."). A lone label is a headline
/// ("EXCLUSIVE: In memo to Congress, Saudis insist...").
fn transcript(text: &str, first: &[Line<'_>], after_first: usize) -> bool {
    let labelled = |line: &str| SPEAKER_LABEL.is_match(line.trim_start());
    if !labelled(first[0].text) {
        return false;
    }
    match first.get(1) {
        Some(second) => labelled(second.text),
        None => labelled(&text[skip_blank(text, after_first)..]),
    }
}

/// Whether a lone line is a title because the text after it opens with a dateline ("As Bill
/// Clinton turns 70, a look at where he fits.\n\nWASHINGTON, Aug. 19 (UPI) — ...").
fn before_dateline(text: &str, after: usize, line: &str) -> bool {
    let next = skip_blank(text, after);
    line.split_whitespace().count() <= 30
        && !line.trim_start().starts_with(|c: char| c.is_lowercase())
        && credit::dateline_credit(&text[next..]).is_some()
}

/// Whether a second line under a title is its deck (a subtitle) rather than the rest of a
/// wrapped paragraph: it opens with a capital and is at most two short sentences long.
fn looks_like_deck(line: &str) -> bool {
    let t = line.trim().trim_start_matches(['"', '“', '‘', '\'']);
    t.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && t.chars().count() <= 400
        && t.split_whitespace().count() <= 60
}

/// Whether at least 60 % of the words of four letters or more are capitalised.
fn title_case(words: &[&str]) -> bool {
    let long: Vec<&str> = words
        .iter()
        .map(|w| w.trim_start_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capitalised = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    !long.is_empty() && capitalised * 10 >= long.len() * 6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default)]
    struct Expect<'a> {
        title: Option<&'a str>,
        date: Option<&'a str>,
        author: Option<&'a str>,
        outlet: Option<&'a str>,
        url: Option<&'a str>,
        credit: Option<&'a str>,
        /// The text `text_start` points at (its beginning).
        text: &'a str,
    }

    #[track_caller]
    fn case(input: &str, expected: Expect<'_>) {
        let (a, _) = parse_text("t.txt", input.to_owned());
        assert_eq!(a.body, input, "the body is the whole file");
        let m = &a.meta;
        let got = (
            m.title.as_deref(),
            m.date.as_deref(),
            m.author.as_deref(),
            m.outlet.as_deref(),
            m.url.as_deref(),
            m.agency_credit.as_deref(),
        );
        let want = (
            expected.title,
            expected.date,
            expected.author,
            expected.outlet,
            expected.url,
            expected.credit,
        );
        assert_eq!(got, want, "metadata of {input:?}");
        assert!(
            a.body[a.text_start..].starts_with(expected.text),
            "text starts with {:?}, expected {:?}",
            &a.body[a.text_start..a.body.len().min(a.text_start + 40)],
            expected.text
        );
    }

    #[test]
    fn sample_byline_line() {
        case(
            " date 2023-09-05 By Tunde Oso (with agency reports)\n\nThe French army is holding talks.\n",
            Expect {
                date: Some("2023-09-05"),
                author: Some("Tunde Oso"),
                credit: Some("with agency reports"),
                text: "The French army",
                ..Expect::default()
            },
        );
    }

    #[test]
    fn byline_forms() {
        case(
            "By Jane Doe and John Roe — AFP\n\nTalks began.",
            Expect {
                author: Some("Jane Doe and John Roe"),
                credit: Some("AFP"),
                text: "Talks began.",
                ..Expect::default()
            },
        );
        case(
            "Published: Sept. 5, 2023 10:32 GMT\nBy Ursula von der Leyen (Reuters)\n\nTalks began.",
            Expect {
                date: Some("2023-09-05"),
                author: Some("Ursula von der Leyen"),
                credit: Some("Reuters"),
                text: "Talks began.",
                ..Expect::default()
            },
        );
        case(
            "5 September 2023\n\nTalks began.",
            Expect {
                date: Some("2023-09-05"),
                text: "Talks began.",
                ..Expect::default()
            },
        );
    }

    #[test]
    fn byline_and_headline_in_one_block() {
        // Byline then headline: the headline is the title and stays in the text.
        case(
            " date 2025-03-15 By Maya Lindqvist (with agency reports)\nA headline here\n\nThe talks began.\n",
            Expect {
                title: Some("A headline here"),
                date: Some("2025-03-15"),
                author: Some("Maya Lindqvist"),
                credit: Some("with agency reports"),
                text: "A headline here\n\nThe talks",
                ..Expect::default()
            },
        );
        case(
            "By Jane Doe (Reuters)\nUpdated 5 September 2023\nMinister says talks have begun\n\nText.",
            Expect {
                title: Some("Minister says talks have begun"),
                date: Some("2023-09-05"),
                author: Some("Jane Doe"),
                credit: Some("Reuters"),
                text: "Minister says",
                ..Expect::default()
            },
        );
        // Headline then byline: the headline above a byline is header, as before.
        case(
            "A headline here\n date 2025-03-15 By Maya Lindqvist (with agency reports)\n\nThe talks began.\n",
            Expect {
                title: Some("A headline here"),
                date: Some("2025-03-15"),
                author: Some("Maya Lindqvist"),
                credit: Some("with agency reports"),
                text: "The talks began.",
                ..Expect::default()
            },
        );
        // Byline then a first paragraph (not a title): metadata kept, no title.
        case(
            "By Jane Doe\nTalks began on Monday in Niamey. The minister said they would last at least a week or two.\n\nMore.",
            Expect {
                author: Some("Jane Doe"),
                text: "Talks began on Monday",
                ..Expect::default()
            },
        );
        case(
            "5 September 2023\nTalks began\non Monday in Niamey.\n\nMore.",
            Expect {
                date: Some("2023-09-05"),
                text: "Talks began\non Monday",
                ..Expect::default()
            },
        );
    }

    #[test]
    fn key_value_block() {
        case(
            "Title: Niger talks\nDATE: September 5, 2023\nauthor: Tunde Oso\nOutlet: The Daily\nURL: https://example.com/a?b=1\nSection: World\n\nThe French army is holding talks.",
            Expect {
                title: Some("Niger talks"),
                date: Some("2023-09-05"),
                author: Some("Tunde Oso"),
                outlet: Some("The Daily"),
                url: Some("https://example.com/a?b=1"),
                text: "The French army",
                ..Expect::default()
            },
        );
        case(
            "Headline: Talks\nBy: Jane Doe (AFP)\n\nText.",
            Expect {
                title: Some("Talks"),
                author: Some("Jane Doe"),
                credit: Some("AFP"),
                text: "Text.",
                ..Expect::default()
            },
        );
    }

    #[test]
    fn key_value_block_with_a_bad_date_warns() {
        let (a, warnings) = parse_text("t.txt", "Title: T\nDate: soon\n\nText.".to_owned());
        assert_eq!(a.meta.date, None);
        assert_eq!(a.meta.title.as_deref(), Some("T"));
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("'soon'"), "{warnings:?}");
    }

    #[test]
    fn title_lines() {
        case(
            "Hillary Clinton calls on U.S. to lead, step up fight against Islamic State.\n\nNEW YORK, Nov. 19 (UPI) — Former Secretary of State Hillary Clinton is calling.",
            Expect {
                title: Some(
                    "Hillary Clinton calls on U.S. to lead, step up fight against Islamic State.",
                ),
                credit: Some("UPI"),
                text: "Hillary Clinton calls",
                ..Expect::default()
            },
        );
        case(
            "Niger and France: What Comes Next After the Coup for the Troops in the Sahel Region.\n\nText.",
            Expect {
                title: Some(
                    "Niger and France: What Comes Next After the Coup for the Troops in the Sahel Region.",
                ),
                text: "Niger and France",
                ..Expect::default()
            },
        );
        case(
            "Talks on troop withdrawal begin\n\nBy Jane Doe\n\nText.",
            Expect {
                title: Some("Talks on troop withdrawal begin"),
                author: Some("Jane Doe"),
                text: "Text.",
                ..Expect::default()
            },
        );
        case(
            "Candidates vie for vets' support;\nTrump and Clinton point out own credentials, each other's failings.\n\nText.",
            Expect {
                title: Some("Candidates vie for vets' support;"),
                text: "Candidates vie",
                ..Expect::default()
            },
        );
        case(
            "Newspaper: Defense secretary used personal email at Pentagon.\n\nText.",
            Expect {
                title: Some("Newspaper: Defense secretary used personal email at Pentagon."),
                text: "Newspaper:",
                ..Expect::default()
            },
        );
        case(
            "Virginian could make history. Again.\n\nText.",
            Expect {
                title: Some("Virginian could make history. Again."),
                text: "Virginian",
                ..Expect::default()
            },
        );
        case(
            "Talks on troop withdrawal begin\nBy Jane Doe\n\nText.",
            Expect {
                title: Some("Talks on troop withdrawal begin"),
                author: Some("Jane Doe"),
                text: "Text.",
                ..Expect::default()
            },
        );
    }

    #[test]
    fn first_paragraphs_are_not_titles() {
        // A long one-sentence lede ending in a period.
        let lede = "The French army is holding talks with Niger's military over withdrawing elements of its presence there following a coup, a defence ministry source said on Tuesday.\n\nMore text.";
        case(
            lede,
            Expect {
                text: "The French army",
                ..Expect::default()
            },
        );
        // Two long sentences on the first line; abbreviations do not end one.
        case(
            "Mrs. May meets Gen. Smith in St. Louis on Sept. 5 at No. 10.\n\nMore.",
            Expect {
                title: Some("Mrs. May meets Gen. Smith in St. Louis on Sept. 5 at No. 10."),
                text: "Mrs. May",
                ..Expect::default()
            },
        );
        case(
            "Talks began on Monday in Niamey. The minister said they would last at least a week or two.\n\nMore.",
            Expect {
                text: "Talks began",
                ..Expect::default()
            },
        );
        // Dateline ledes, with and without an agency.
        case(
            "WASHINGTON — Hillary Clinton had a great night. The Party had a terrible one.\n\nMore.",
            Expect {
                text: "WASHINGTON",
                ..Expect::default()
            },
        );
        case(
            "WASHINGTON (AP) — The Senate voted.\n\nMore.",
            Expect {
                credit: Some("AP"),
                text: "WASHINGTON",
                ..Expect::default()
            },
        );
        // A paragraph wrapped over several lines.
        case(
            "Talks began\non Monday in Niamey.\n\nMore.",
            Expect {
                text: "Talks began",
                ..Expect::default()
            },
        );
        // A single line with nothing after it is the text itself.
        case(
            "Talks began",
            Expect {
                text: "Talks began",
                ..Expect::default()
            },
        );
        // A transcript opening is not a key-value header.
        case(
            "WALLACE: Good evening.\nTRUMP: Thank you.\n\nMore.",
            Expect {
                text: "WALLACE",
                ..Expect::default()
            },
        );
        // "By" in a sentence is not a byline.
        case(
            "By the time talks began on Monday in Niamey, most of the troops had already left the base.\n\nMore.",
            Expect {
                text: "By the time",
                ..Expect::default()
            },
        );
    }

    #[test]
    fn bom_and_crlf() {
        case(
            "\u{feff}Title: T\r\nDate: 2023-09-05\r\n\r\nText.",
            Expect {
                title: Some("T"),
                date: Some("2023-09-05"),
                text: "Text.",
                ..Expect::default()
            },
        );
    }

    #[test]
    fn long_single_line_has_no_header() {
        let line = "word ".repeat(100_000);
        let (a, _) = parse_text("t.txt", line.clone());
        assert_eq!(a.text_start, 0);
        assert_eq!(a.meta, ArticleMeta::default());
    }
}
