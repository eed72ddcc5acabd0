//! Claims produced elsewhere, read from JSONL in whosaid's own output contract, so that
//! another system's output is scored exactly as whosaid's extraction is.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use super::{EvalError, GoldSet, gold};
use crate::model::{Claim, ClaimRecord, Reliability};

/// The rule id given to claims read from a predictions file.
pub const RULE: &str = "predictions";

/// Predicted claims per gold article (keyed by the article's `origin`).
#[derive(Debug, Clone, Default)]
pub struct Predictions {
    pub by_origin: HashMap<String, Vec<Claim>>,
    /// Records naming an article that is not in the gold set.
    pub unknown: usize,
}

fn stem(name: &str) -> Option<&str> {
    Path::new(name).file_stem().and_then(|s| s.to_str())
}

/// Reads a JSONL file of claim records (DESIGN section 3: byte offsets into the article
/// body). A record's `article` names a gold article by its gold name, its path, or its
/// file name with or without extension.
///
/// # Errors
/// When the file cannot be read, a line is not a claim record, or a span does not match
/// its article's text.
pub fn load(path: &Path, gold_set: &GoldSet) -> Result<Predictions, EvalError> {
    let text = fs::read_to_string(path).map_err(|e| EvalError::io(path, e))?;
    let mut predictions = Predictions::default();
    for (line_no, record) in gold::jsonl_records::<ClaimRecord>(path, &text, "a claim record")? {
        let found = gold_set.articles.iter().find(|g| {
            record.article == g.name
                || record.article == g.article.origin
                || stem(&record.article).is_some_and(|s| Some(s) == stem(&g.name))
        });
        let Some(article) = found else {
            predictions.unknown += 1;
            continue;
        };
        let body = &article.article.body;
        let span = |s: &crate::model::SpanText| gold::gold_span(body, s, path, line_no);
        let (content, content_gap) =
            gold::gold_content(body, &record.content, record.content_gap, path, line_no)?;
        let claim = Claim {
            kind: record.kind,
            content,
            content_gap,
            cue: record.cue.as_ref().map(span).transpose()?,
            source: record.source.as_ref().map(span).transpose()?,
            speaker: record.speaker,
            source_type: record.source_type,
            title: record.title,
            affiliation: record.affiliation,
            channel: record.channel,
            anonymity_reason: record.anonymity_reason,
            stated_on: record.stated_on,
            reliability: record.reliability.unwrap_or(Reliability {
                score: 0.0,
                label: String::new(),
                factors: Vec::new(),
            }),
            rule: RULE,
        };
        predictions
            .by_origin
            .entry(article.article.origin.clone())
            .or_default()
            .push(claim);
    }
    Ok(predictions)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::{GoldArticle, GoldFormat};
    use crate::model::{Article, ClaimKind};

    fn gold_set() -> GoldSet {
        let mut article = Article::from_text("Café: “Oui,” she said.");
        article.origin = String::from("dev/text/a_b.txt");
        GoldSet {
            format: GoldFormat::Polnear,
            articles: vec![GoldArticle {
                name: String::from("a_b"),
                ann: None,
                article,
                relations: Vec::new(),
            }],
        }
    }

    #[track_caller]
    fn case(article: &str, start: usize, end: usize, expected: Result<usize, &str>) {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("p.jsonl");
        let body = &gold_set().articles[0].article.body;
        // The record always claims to hold "Oui"; its offsets may say otherwise.
        let text = "Oui";
        let line = format!(
            r#"{{"article": "{article}", "kind": "direct", "content": {{"text": "{text}", "start": {start}, "end": {end}}}, "cue": null, "source": null, "speaker": null, "source_type": "named_person"}}"#
        );
        fs::write(&path, line + "\n").unwrap();
        match (load(&path, &gold_set()), expected) {
            (Ok(p), Ok(count)) => {
                let claims = p.by_origin.get("dev/text/a_b.txt").map_or(0, Vec::len);
                assert_eq!(claims + p.unknown, 1);
                assert_eq!(claims, count, "{article}");
                if count == 1 {
                    let claim = &p.by_origin["dev/text/a_b.txt"][0];
                    assert_eq!(claim.kind, ClaimKind::Direct);
                    assert_eq!(claim.content.slice(body), text);
                }
            }
            (Err(e), Err(fragment)) => assert!(e.to_string().contains(fragment), "{e}"),
            (got, want) => panic!("{article}: got {got:?}, want {want:?}"),
        }
    }

    #[test]
    fn predictions_find_their_article_and_check_offsets() {
        let oui = "Café: “".len();
        case("a_b", oui, oui + 3, Ok(1));
        case("dev/text/a_b.txt", oui, oui + 3, Ok(1));
        case("elsewhere/a_b.txt", oui, oui + 3, Ok(1));
        case("other", oui, oui + 3, Ok(0));
        // Code-point offsets instead of bytes: "Oui" starts at code point 7.
        case("a_b", 7, 10, Err("offsets must be bytes"));
        case("a_b", oui, oui + 300, Err("not a byte range"));
    }

    #[track_caller]
    fn gap_case(text: &str, gap: (usize, usize), expected: Result<&str, &str>) {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("p.jsonl");
        // "Oui,” she said" from its first letter to its last, with "she" left out.
        let (start, end) = ("Café: “".len(), "Café: “Oui,” she said".len());
        let line = format!(
            r#"{{"article": "a_b", "kind": "direct", "content": {{"text": "{text}", "start": {start}, "end": {end}}}, "content_gap": {{"start": {}, "end": {}}}, "cue": null, "source": null, "speaker": null, "source_type": "named_person"}}"#,
            gap.0, gap.1
        );
        fs::write(&path, line + "\n").unwrap();
        let body = &gold_set().articles[0].article.body;
        match (load(&path, &gold_set()), expected) {
            (Ok(p), Ok(pieces)) => {
                let claim = &p.by_origin["dev/text/a_b.txt"][0];
                let got: Vec<&str> = crate::model::content_pieces(claim.content, claim.content_gap)
                    .iter()
                    .map(|s| s.slice(body))
                    .collect();
                assert_eq!(got.join("|"), pieces);
            }
            (Err(e), Err(fragment)) => assert!(e.to_string().contains(fragment), "{e}"),
            (got, want) => panic!("{text}: got {got:?}, want {want:?}"),
        }
    }

    #[test]
    fn predictions_with_a_gap_read_as_two_pieces() {
        let she = "Café: “Oui,” ".len();
        gap_case("Oui,” … said", (she, she + 4), Ok("Oui,” |said"));
        gap_case("Oui,” she said", (she, she + 4), Err("reads"));
        gap_case("Oui,” … said", (0, 3), Err("not inside the content"));
    }
}
