//! The attribution inside a claim's content. PolNeAR-style news text often interrupts a
//! statement with its attribution: "The economy, she said, is recovering" or "They appear
//! to be unanimous". The claim is then the words around the attribution, not the
//! attribution itself, so the content keeps its whole extent and the attribution becomes
//! its gap ([`crate::model::content_pieces`]).

use crate::model::{Claim, ClaimKind, Span};

/// Whether `c` may sit between an attribution and the words it interrupts: whitespace
/// and quotation marks on either side.
fn is_quote_or_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»')
}

/// The gap that the cue and source leave in `content` when they lie inside it with words
/// of the claim on both sides. The gap also takes the spaces and quotation marks around
/// the attribution, and the commas after it, so that the piece before keeps its own comma
/// ("The economy," … "is recovering").
#[must_use]
pub fn content_gap(
    body: &str,
    content: Span,
    cue: Option<Span>,
    source: Option<Span>,
) -> Option<Span> {
    let attribution = match (cue, source) {
        (Some(c), Some(s)) => c.cover(s),
        (Some(c), None) => c,
        _ => return None,
    };
    if !(content.start < attribution.start && attribution.end < content.end) {
        return None;
    }
    let before = &body[content.start..attribution.start];
    let start = content.start + before.trim_end_matches(is_quote_or_space).len();
    let after = &body[attribution.end..content.end];
    let rest = after.trim_start_matches(|c: char| is_quote_or_space(c) || c == ',');
    let end = content.end - rest.len();
    let has_words = |s: &str| s.chars().any(char::is_alphanumeric);
    (has_words(&body[content.start..start]) && has_words(rest)).then(|| Span::new(start, end))
}

/// Joins the halves of a split quote ("“We will win,” he said, “and soon.”"), which
/// attribution finds as two claims sharing cue and source, into one claim whose gap is the
/// attribution between them. A second half after an aside ("he told the paper in May,
/// “…”") stays a claim of its own: only the attribution and punctuation may separate them.
#[must_use]
pub fn join_split_quotes(body: &str, claims: Vec<Claim>) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::with_capacity(claims.len());
    for claim in claims {
        if claim.rule == SPLIT_QUOTE
            && let Some(first) = out.iter_mut().rev().find(|c| {
                c.cue == claim.cue
                    && c.source == claim.source
                    && c.content_gap.is_none()
                    && c.content.end <= claim.content.start
            })
            && only_attribution_between(body, first, &claim)
        {
            let content = first.content.cover(claim.content);
            first.content_gap = content_gap(body, content, first.cue, first.source);
            first.content = content;
            if first.kind != claim.kind {
                first.kind = ClaimKind::Mixed;
            }
            first.rule = SPLIT_QUOTE;
            first.reliability = crate::reliability::assess_in(first, body);
            continue;
        }
        out.push(claim);
    }
    out
}

/// The rule id of the second half of a split quote, and of the joined claim.
const SPLIT_QUOTE: &str = "direct/split-quote";

fn only_attribution_between(body: &str, first: &Claim, second: &Claim) -> bool {
    let (Some(cue), Some(source)) = (first.cue, first.source) else {
        return false;
    };
    let attribution = cue.cover(source);
    first.content.end <= attribution.start
        && attribution.end <= second.content.start
        && body[first.content.end..attribution.start]
            .chars()
            .all(|c| is_quote_or_space(c) || c == ',')
        && body[attribution.end..second.content.start]
            .chars()
            .all(|c| is_quote_or_space(c) || c == ',')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The claim's text with the gap left out, or `None`, for a content running from the
    /// first to the last character of `text` that are not edge punctuation.
    #[track_caller]
    fn case(text: &str, cue: &str, source: Option<&str>, expected: Option<&str>) {
        let content = Span::new(0, text.len());
        let find = |needle: &str| {
            let start = text.find(needle).unwrap();
            Span::new(start, start + needle.len())
        };
        let gap = content_gap(text, content, Some(find(cue)), source.map(find));
        let got = gap.map(|g| crate::model::content_text(text, content, Some(g)));
        assert_eq!(got.as_deref(), expected, "{text}");
    }

    #[test]
    fn an_attribution_inside_the_content_is_its_gap() {
        case(
            "The economy, she said, is recovering.",
            "said",
            Some("she"),
            Some("The economy, … is recovering."),
        );
        case(
            "The plan, according to the mayor, will cost more",
            "according to",
            Some("the mayor"),
            Some("The plan, … will cost more"),
        );
        case(
            "They appear to be ready",
            "appear",
            None,
            Some("They … to be ready"),
        );
        case(
            "We will win,” he said, “and we will win soon.",
            "said",
            Some("he"),
            Some("We will win, … and we will win soon."),
        );
        // An attribution at either end is not inside the claim.
        case("he said the plan works", "said", Some("he"), None);
        case("The plan works, he said", "said", Some("he"), None);
        case("“, he said, the plan", "said", Some("he"), None);
    }
}
