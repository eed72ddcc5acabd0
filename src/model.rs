//! The shared vocabulary of whosaid: spans, articles, claims, source types and speakers.
//!
//! Every stage speaks in these plain types. Text is recovered by slicing the article body
//! with a [`Span`]; claims never carry copies of the text they point at.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A half-open byte range `[start, end)` into an article body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Self { start, end }
    }

    #[must_use]
    pub fn len(self) -> usize {
        self.end - self.start
    }

    #[must_use]
    pub fn is_empty(self) -> bool {
        self.start >= self.end
    }

    /// The text this span covers in `body`.
    ///
    /// # Panics
    /// When the span is out of bounds or not on character boundaries; spans made by
    /// whosaid never are.
    #[must_use]
    pub fn slice(self, body: &str) -> &str {
        &body[self.start..self.end]
    }

    #[must_use]
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    #[must_use]
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    #[must_use]
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Metadata read from an article's header, HTML meta tags or JSON fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMeta {
    pub title: Option<String>,
    /// Publication date, ISO `YYYY-MM-DD`.
    pub date: Option<String>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// Agency credit such as "with agency reports" or "AFP".
    pub agency_credit: Option<String>,
}

/// One article as ingest yields it: where it came from, its metadata and its body.
///
/// `body` is the text claims point into. For a plain-text file it is the whole file,
/// header lines included, so claim offsets are byte offsets into the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// The path or label the article was read from (`-` for stdin, `file.jsonl:3` for a line).
    pub origin: String,
    pub meta: ArticleMeta,
    pub body: String,
    /// Byte offset in `body` where the article text proper begins (after a header).
    pub text_start: usize,
}

impl Article {
    /// An article with no metadata, for tests and for extraction of plain strings.
    #[must_use]
    pub fn from_text(text: &str) -> Self {
        Self {
            origin: String::from("-"),
            meta: ArticleMeta::default(),
            body: text.to_owned(),
            text_start: 0,
        }
    }
}

/// How a claim is worded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// Wholly inside quotation marks.
    Direct,
    /// Reported speech containing a partial quote.
    Mixed,
    /// Reported speech.
    Indirect,
    /// An assertion or speculation without any source.
    Unattributed,
}

/// Who stands behind a claim; see DESIGN section 2 and the README.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceType {
    NamedOfficial,
    NamedPerson,
    Anonymous,
    Organization,
    Agency,
    Document,
    Unattributed,
}

macro_rules! string_enum {
    ($ty:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self { $($ty::$variant => $name),+ }
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $ty {
            type Err = String;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($name => Ok($ty::$variant),)+
                    _ => Err(format!(
                        "unknown {} '{s}' (expected one of: {})",
                        stringify!($ty),
                        [$($name),+].join(", ")
                    )),
                }
            }
        }
    };
}

string_enum!(ClaimKind {
    Direct => "direct",
    Mixed => "mixed",
    Indirect => "indirect",
    Unattributed => "unattributed",
});

string_enum!(SourceType {
    NamedOfficial => "named_official",
    NamedPerson => "named_person",
    Anonymous => "anonymous",
    Organization => "organization",
    Agency => "agency",
    Document => "document",
    Unattributed => "unattributed",
});

/// A reliability score in `[0, 1]` with a label and the factors that produced it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reliability {
    pub score: f64,
    pub label: String,
    pub factors: Vec<String>,
}

/// One claim found in an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub kind: ClaimKind,
    /// The claim text: inside the quotation marks for a direct quote, after "that" for
    /// reported speech. When the attribution interrupts the claim ("We will win,” he said,
    /// “and soon"), this is the whole extent, first word to last, and `content_gap` is the
    /// attribution left out of it.
    pub content: Span,
    /// The attribution inside `content`, which is not part of the claim: the claim's text
    /// is `content` before the gap and after it ([`content_pieces`]).
    pub content_gap: Option<Span>,
    /// The attribution cue ("said", "according to", "There has been speculation").
    pub cue: Option<Span>,
    /// The source mention as written ("a defence ministry source", "he"); none when
    /// unattributed.
    pub source: Option<Span>,
    /// The resolved speaker: a canonical name, or a stable description of an anonymous
    /// source ("defence ministry source").
    pub speaker: Option<String>,
    pub source_type: SourceType,
    pub title: Option<String>,
    pub affiliation: Option<String>,
    /// The news agency through which the claim reached the article ("AFP").
    pub channel: Option<String>,
    pub anonymity_reason: Option<String>,
    /// The date of the statement, ISO `YYYY-MM-DD`, when the text gives it.
    pub stated_on: Option<String>,
    pub reliability: Reliability,
    /// The id of the extraction rule that produced the claim.
    pub rule: &'static str,
}

/// The pieces of a claim's content: the whole `content`, or, when `gap` lies inside it, the
/// part before the gap and the part after it.
#[must_use]
pub fn content_pieces(content: Span, gap: Option<Span>) -> Vec<Span> {
    match gap {
        Some(g) if content.start <= g.start && g.start <= g.end && g.end <= content.end => {
            vec![
                Span::new(content.start, g.start),
                Span::new(g.end, content.end),
            ]
        }
        _ => vec![content],
    }
}

/// What a claim's content reads: the text of `content`, or, with a gap, the two pieces
/// joined by " … " ("We will win, … and soon"). A span that is not a valid range of
/// `body` reads as empty, so a faulty span from elsewhere cannot abort a caller.
#[must_use]
pub fn content_text(body: &str, content: Span, gap: Option<Span>) -> String {
    let piece = |s: Span| body.get(s.start..s.end).unwrap_or_default();
    match content_pieces(content, gap).as_slice() {
        [before, after] => {
            format!(
                "{} … {}",
                piece(*before).trim_end(),
                piece(*after).trim_start()
            )
        }
        _ => piece(content).to_owned(),
    }
}

/// A speaker as one article knows it: the canonical name and every way it was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub name: String,
    pub source_type: SourceType,
    pub title: Option<String>,
    pub affiliation: Option<String>,
    /// Every surface form that referred to this speaker in the article, the name included.
    pub aliases: Vec<String>,
}

/// What extraction yields for one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    pub claims: Vec<Claim>,
    pub speakers: Vec<Speaker>,
}

/// A span with its text, as the JSONL contract writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanText {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

impl SpanText {
    #[must_use]
    pub fn new(body: &str, span: Span) -> Self {
        Self {
            text: span.slice(body).to_owned(),
            start: span.start,
            end: span.end,
        }
    }
}

/// One claim as the JSONL output contract (DESIGN section 3) writes it; also the shape of
/// JSONL gold files, whose `reliability` and `rule` are absent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRecord {
    pub article: String,
    pub kind: ClaimKind,
    /// The content; with a gap, `text` is [`content_text`], the pieces joined by " … ".
    pub content: SpanText,
    /// The attribution inside the content, left out of it; absent when the content is one
    /// piece (and in files written before gaps existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_gap: Option<Span>,
    pub cue: Option<SpanText>,
    pub source: Option<SpanText>,
    pub speaker: Option<String>,
    pub source_type: SourceType,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub affiliation: Option<String>,
    #[serde(default)]
    pub channel: Option<String>,
    #[serde(default)]
    pub anonymity_reason: Option<String>,
    #[serde(default)]
    pub stated_on: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliability: Option<Reliability>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// Gold files only: cases a first version may miss.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficulty: Option<String>,
}

impl ClaimRecord {
    /// The record for `claim`, found in `body` of the article called `article`.
    #[must_use]
    pub fn new(article: &str, body: &str, claim: &Claim) -> Self {
        Self {
            article: article.to_owned(),
            kind: claim.kind,
            content: SpanText {
                text: content_text(body, claim.content, claim.content_gap),
                start: claim.content.start,
                end: claim.content.end,
            },
            content_gap: claim.content_gap,
            cue: claim.cue.map(|s| SpanText::new(body, s)),
            source: claim.source.map(|s| SpanText::new(body, s)),
            speaker: claim.speaker.clone(),
            source_type: claim.source_type,
            title: claim.title.clone(),
            affiliation: claim.affiliation.clone(),
            channel: claim.channel.clone(),
            anonymity_reason: claim.anonymity_reason.clone(),
            stated_on: claim.stated_on.clone(),
            reliability: Some(claim.reliability.clone()),
            rule: Some(claim.rule.to_owned()),
            difficulty: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_lines_parse_as_claim_records() {
        let line = r#"{"article": "a.txt", "kind": "mixed", "content": {"text": "x", "start": 1, "end": 2}, "cue": null, "source": null, "speaker": null, "source_type": "anonymous", "difficulty": "hard"}"#;
        let record: ClaimRecord = serde_json::from_str(line).unwrap();
        assert_eq!(record.kind, ClaimKind::Mixed);
        assert_eq!(record.source_type, SourceType::Anonymous);
        assert_eq!(record.difficulty.as_deref(), Some("hard"));
        assert!(record.reliability.is_none());
    }

    #[test]
    fn a_gap_splits_the_content_into_two_pieces() {
        let body = "“We will win,” he said, “and soon.”";
        let content = Span::new(body.find("We").unwrap(), body.rfind('.').unwrap() + 1);
        let gap = Span::new(body.find(',').unwrap() + 1, body.find("and").unwrap());
        let pieces = content_pieces(content, Some(gap));
        let texts: Vec<&str> = pieces.iter().map(|p| p.slice(body)).collect();
        assert_eq!(texts, ["We will win,", "and soon."]);
        assert_eq!(
            content_text(body, content, Some(gap)),
            "We will win, … and soon."
        );
        assert_eq!(content_pieces(content, None), [content]);
        assert_eq!(content_text(body, content, None), content.slice(body));
        // A gap outside the content is ignored rather than trusted.
        let outside = Span::new(0, content.end + 1);
        assert_eq!(content_pieces(content, Some(outside)), [content]);
    }

    #[test]
    fn records_without_a_gap_still_read_and_gaps_round_trip() {
        let line = r#"{"article": "a", "kind": "direct", "content": {"text": "x", "start": 0, "end": 1}, "cue": null, "source": null, "speaker": null, "source_type": "anonymous"}"#;
        let record: ClaimRecord = serde_json::from_str(line).unwrap();
        assert_eq!(record.content_gap, None);
        assert!(
            !serde_json::to_string(&record)
                .unwrap()
                .contains("content_gap")
        );
        let gapped = ClaimRecord {
            content_gap: Some(Span::new(3, 5)),
            ..record
        };
        let json = serde_json::to_string(&gapped).unwrap();
        assert!(
            json.contains(r#""content_gap":{"start":3,"end":5}"#),
            "{json}"
        );
        let back: ClaimRecord = serde_json::from_str(&json).unwrap();
        assert_eq!(back, gapped);
    }

    #[test]
    fn enum_names_round_trip() {
        for t in SourceType::ALL {
            assert_eq!(t.as_str().parse::<SourceType>().unwrap(), *t);
        }
        for k in ClaimKind::ALL {
            assert_eq!(k.as_str().parse::<ClaimKind>().unwrap(), *k);
        }
        assert!("named".parse::<SourceType>().is_err());
    }
}
