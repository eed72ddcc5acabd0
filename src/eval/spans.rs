//! Span normalisation for scoring: edge trimming, piece merging, tokens, and the kind of a
//! gold content judged from its quotation marks.
//!
//! Corpora disagree only at span edges (PolNeAR keeps a leading "that", the quotation marks
//! of a direct quote and an appositive's trailing comma; whosaid's spans are clean), so
//! exact comparison happens after [`trim`]. Token overlap works on [`Tokens`], which gives
//! every word and punctuation mark of a body a stable index.

use crate::model::{ClaimKind, Span};

/// Characters trimmed from both ends of a span before exact comparison: whitespace, the
/// punctuation `, ; : . ? ! ( ) [ ] - – —`, quotation marks (straight and curly, single and
/// double, guillemets) and apostrophes.
#[must_use]
pub fn is_edge(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            ',' | ';'
                | ':'
                | '.'
                | '?'
                | '!'
                | '('
                | ')'
                | '['
                | ']'
                | '-'
                | '–'
                | '—'
                | '"'
                | '\''
                | '“'
                | '”'
                | '‘'
                | '’'
                | '„'
                | '‟'
                | '«'
                | '»'
                | '‹'
                | '›'
                | '`'
        )
}

/// `span` without edge characters at either end and without a leading "that " (repeated
/// until nothing changes, so `that “…”` loses both the word and the mark). A span made only
/// of edge characters becomes empty at its start.
#[must_use]
pub fn trim(body: &str, span: Span) -> Span {
    let (mut start, mut end) = (span.start, span.end);
    loop {
        let text = &body[start..end];
        let kept = text.trim_start_matches(is_edge);
        start += text.len() - kept.len();
        end = start + kept.trim_end_matches(is_edge).len();
        let text = &body[start..end];
        match text.strip_prefix("that") {
            Some(rest) if rest.starts_with(char::is_whitespace) => start += "that".len(),
            _ => return Span::new(start, end),
        }
    }
}

/// The pieces of a (possibly discontinuous) span, sorted, with empty pieces dropped and
/// neighbours joined when only edge characters separate them. PolNeAR splits a content at
/// a paragraph break; a reader sees one span, so scoring does too.
#[must_use]
pub fn join_pieces(body: &str, pieces: &[Span]) -> Vec<Span> {
    let mut sorted: Vec<Span> = pieces.iter().copied().filter(|s| !s.is_empty()).collect();
    sorted.sort_unstable();
    let mut joined: Vec<Span> = Vec::with_capacity(sorted.len());
    for piece in sorted {
        if let Some(last) = joined.last_mut() {
            if piece.start <= last.end || body[last.end..piece.start].chars().all(is_edge) {
                *last = last.cover(piece);
                continue;
            }
        }
        joined.push(piece);
    }
    joined
}

/// Each piece trimmed, then joined as [`join_pieces`] does.
#[must_use]
pub fn trim_pieces(body: &str, pieces: &[Span]) -> Vec<Span> {
    let trimmed: Vec<Span> = pieces.iter().map(|&p| trim(body, p)).collect();
    join_pieces(body, &trimmed)
}

/// Number of bytes two sorted, disjoint piece lists have in common.
#[must_use]
pub fn overlap_bytes(a: &[Span], b: &[Span]) -> usize {
    let mut total = 0;
    for x in a {
        for y in b {
            let start = x.start.max(y.start);
            let end = x.end.min(y.end);
            if start < end {
                total += end - start;
            }
        }
    }
    total
}

/// Total length in bytes of a piece list.
#[must_use]
pub fn total_len(pieces: &[Span]) -> usize {
    pieces.iter().map(|p| p.len()).sum()
}

/// The words and punctuation marks of a body, in order. A word is a run of letters and
/// digits, with an apostrophe inside it ("Clinton’s", "don't") kept in the word; every other
/// character that is not whitespace is a token of its own.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    spans: Vec<Span>,
}

impl Tokens {
    #[must_use]
    pub fn new(body: &str) -> Self {
        let mut spans = Vec::new();
        let mut chars = body.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if c.is_whitespace() {
                continue;
            }
            let mut end = start + c.len_utf8();
            if c.is_alphanumeric() {
                while let Some(&(i, next)) = chars.peek() {
                    let inner_apostrophe = matches!(next, '\'' | '’')
                        && body[i + next.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric);
                    if next.is_alphanumeric() || inner_apostrophe {
                        end = i + next.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
            }
            spans.push(Span::new(start, end));
        }
        Self { spans }
    }

    /// Indices (sorted, unique) of the tokens that overlap any of `pieces`.
    #[must_use]
    pub fn covered(&self, pieces: &[Span]) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for piece in pieces {
            let first = self.spans.partition_point(|t| t.end <= piece.start);
            for (i, token) in self.spans.iter().enumerate().skip(first) {
                if token.start >= piece.end {
                    break;
                }
                out.push(i as u32);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// How many indices two sorted, unique index lists share.
#[must_use]
pub fn shared(left: &[u32], right: &[u32]) -> usize {
    let (mut i, mut j, mut count) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        match left[i].cmp(&right[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                count += 1;
                i += 1;
                j += 1;
            }
        }
    }
    count
}

fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟' | '«' | '»')
}

/// Whether `text` contains an opening single quotation mark: `‘`, or a straight `'` after
/// whitespace (or at the start) and before a letter, unlike an apostrophe inside a word.
fn has_single_quote(text: &str) -> bool {
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let opening_straight = c == '\''
            && prev.is_none_or(char::is_whitespace)
            && chars.peek().is_some_and(|n| n.is_alphanumeric());
        if c == '‘' || opening_straight {
            return true;
        }
        prev = Some(c);
    }
    false
}

/// A style of quotation marks: marks that only open, marks that only close, and the
/// straight mark that does both.
struct Family {
    opening: &'static [char],
    closing: &'static [char],
    straight: Option<char>,
}

const FAMILIES: [Family; 3] = [
    Family {
        opening: &['“', '„'],
        closing: &['”', '‟'],
        straight: Some('"'),
    },
    Family {
        opening: &['‘'],
        closing: &['’'],
        straight: Some('\''),
    },
    Family {
        opening: &['«'],
        closing: &['»'],
        straight: None,
    },
];

impl Family {
    fn of(c: char) -> Option<&'static Family> {
        FAMILIES
            .iter()
            .find(|f| f.opening.contains(&c) || f.closing.contains(&c) || f.straight == Some(c))
    }
}

/// Whether one piece of text is wholly a quotation: after trimming whitespace and sentence
/// punctuation it opens and closes with quotation marks of one style (curly or straight
/// mixed, as typed in news copy), and no letter or digit stands outside the quotation.
/// Quotations nest ("“He called it “fake.””", "“He called it ‘fake’.”"); several side by
/// side ("“A.” “B.”") and a quote running over paragraphs, each reopened and only the last
/// closed, are wholly quoted.
fn wholly_quoted(text: &str) -> bool {
    let trimmed = text.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '?' | '!' | '—' | '–' | '-')
    });
    let (Some(first), Some(last)) = (trimmed.chars().next(), trimmed.chars().next_back()) else {
        return false;
    };
    let Some(family) = Family::of(first) else {
        return false;
    };
    let opens = |c: char| family.opening.contains(&c) || family.straight == Some(c);
    let closes = |c: char| family.closing.contains(&c) || family.straight == Some(c);
    if !opens(first) || !closes(last) || trimmed.chars().count() < 2 {
        return false;
    }
    let mut depth = 0usize;
    // The previous character, and the previous one that is not a space (a line break counts).
    let (mut prev, mut prev_visible): (Option<char>, Option<char>) = (None, None);
    let mut chars = trimmed.chars().peekable();
    while let Some(c) = chars.next() {
        let next_is_word = chars.peek().is_some_and(|n| n.is_alphanumeric());
        let after_space = prev.is_none_or(char::is_whitespace);
        // An apostrophe inside a word ("Clinton’s", "don't") is not a quotation mark.
        let apostrophe = prev.is_some_and(char::is_alphanumeric) && next_is_word;
        // A quotation reopened at a paragraph start continues the open one.
        let reopening = depth > 0 && prev_visible == Some('\n');
        if family.opening.contains(&c) {
            if !reopening {
                depth += 1;
            }
        } else if family.closing.contains(&c) && !apostrophe {
            depth = depth.saturating_sub(1);
        } else if family.straight == Some(c) && !apostrophe {
            if depth == 0 || (after_space && next_is_word && !reopening) {
                depth += 1;
            } else if !reopening {
                depth -= 1;
            }
        } else if depth == 0 && c.is_alphanumeric() {
            return false;
        }
        prev = Some(c);
        if !c.is_whitespace() || c == '\n' {
            prev_visible = Some(c);
        }
    }
    true
}

/// The kind of an attributed content judged from its quotation marks, as PolNeAR gold
/// carries no kind: wholly quoted is direct, any quotation mark inside is mixed, none is
/// indirect. The pieces of a discontinuous content are judged together, one per line, as
/// a quotation may open in one piece and close in the next ("“A. … B,”").
#[must_use]
pub fn quote_kind(body: &str, pieces: &[Span]) -> ClaimKind {
    let text = pieces
        .iter()
        .map(|p| p.slice(body).trim())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    if wholly_quoted(&text) {
        ClaimKind::Direct
    } else if text.chars().any(is_double_quote) || has_single_quote(&text) {
        ClaimKind::Mixed
    } else {
        ClaimKind::Indirect
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_of(body: &str, needle: &str) -> Span {
        let start = body.find(needle).expect("needle in body");
        Span::new(start, start + needle.len())
    }

    #[track_caller]
    fn trim_case(raw: &str, expected: &str) {
        let body = format!("<<{raw}>>");
        let span = Span::new(2, 2 + raw.len());
        assert_eq!(trim(&body, span).slice(&body), expected, "trimming {raw:?}");
    }

    #[test]
    fn trimming_removes_edges_and_leading_that() {
        trim_case("that the talks failed.", "the talks failed");
        trim_case("that “the talks failed.”", "the talks failed");
        trim_case("  “We will win,” ", "We will win");
        trim_case("'single quoted'", "single quoted");
        trim_case("(a source close to him),", "a source close to him");
        trim_case("— the minister —", "the minister");
        trim_case("that that is wrong", "is wrong");
        trim_case("That is wrong", "That is wrong");
        trim_case("thatcher said", "thatcher said");
        trim_case("Clinton’s team", "Clinton’s team");
        trim_case("he said", "he said");
        trim_case("“ ”", "");
        trim_case("U.S. officials.", "U.S. officials");
    }

    #[track_caller]
    fn join_case(body: &str, pieces: &[&str], expected: &[&str]) {
        let spans: Vec<Span> = pieces.iter().map(|p| span_of(body, p)).collect();
        let joined: Vec<&str> = trim_pieces(body, &spans)
            .iter()
            .map(|s| s.slice(body))
            .collect();
        assert_eq!(joined, expected);
    }

    #[test]
    fn pieces_join_across_edges_only() {
        let body = "“First part,”\n“second part.” He said: “third.”";
        join_case(
            body,
            &["“First part,”", "“second part.”"],
            &["First part,”\n“second part"],
        );
        join_case(
            body,
            &["“First part,”", "“third.”"],
            &["First part", "third"],
        );
        join_case(
            body,
            &["“third.”", "“First part,”"],
            &["First part", "third"],
        );
    }

    #[track_caller]
    fn token_case(body: &str, expected: &[&str]) {
        let tokens = Tokens::new(body);
        let texts: Vec<&str> = tokens.spans.iter().map(|s| s.slice(body)).collect();
        assert_eq!(texts, expected);
    }

    #[test]
    fn tokens_are_words_and_punctuation() {
        token_case(
            "Clinton’s team, he said.",
            &["Clinton’s", "team", ",", "he", "said", "."],
        );
        token_case("“Go!” don't 'x", &["“", "Go", "!", "”", "don't", "'", "x"]);
        token_case("Ünïcödé  42", &["Ünïcödé", "42"]);
    }

    #[test]
    fn covered_tokens_and_shared_counts() {
        let body = "one two three four";
        let tokens = Tokens::new(body);
        assert_eq!(tokens.covered(&[Span::new(0, 7)]), vec![0, 1]);
        // A span cutting into a word covers that word.
        assert_eq!(tokens.covered(&[Span::new(5, 9)]), vec![1, 2]);
        assert_eq!(
            tokens.covered(&[Span::new(14, 18), Span::new(0, 3)]),
            vec![0, 3]
        );
        assert_eq!(shared(&[0, 1, 2, 5], &[1, 2, 3, 5]), 3);
        assert_eq!(shared(&[], &[1]), 0);
    }

    #[test]
    fn overlap_bytes_counts_intersections() {
        let a = [Span::new(0, 10), Span::new(20, 30)];
        let b = [Span::new(5, 25)];
        assert_eq!(overlap_bytes(&a, &b), 10);
        assert_eq!(overlap_bytes(&a, &[Span::new(10, 20)]), 0);
        assert_eq!(total_len(&a), 20);
    }

    #[track_caller]
    fn kind_case(pieces: &[&str], expected: ClaimKind) {
        let body = pieces.join(" he said ");
        let spans: Vec<Span> = pieces.iter().map(|p| span_of(&body, p)).collect();
        assert_eq!(quote_kind(&body, &spans), expected, "{pieces:?}");
    }

    #[test]
    fn gold_kind_follows_quotation_marks() {
        kind_case(&["“We will win.”"], ClaimKind::Direct);
        kind_case(&["\"We will win,\""], ClaimKind::Direct);
        kind_case(&["“We will,”", "“and soon.”"], ClaimKind::Direct);
        kind_case(&["“He called it ‘fake’ news.”"], ClaimKind::Direct);
        kind_case(&["‘in Their Heads.’"], ClaimKind::Direct);
        kind_case(
            &["that the army would “withdraw elements” soon"],
            ClaimKind::Mixed,
        );
        kind_case(&["“We will win,”", "and then left"], ClaimKind::Mixed);
        kind_case(&["“A” and “B”"], ClaimKind::Mixed);
        kind_case(&["“A.” “B.”"], ClaimKind::Direct);
        kind_case(&["\"Asked “why?” he left.\""], ClaimKind::Direct);
        kind_case(
            &["“First paragraph.\n\n“Second paragraph.”"],
            ClaimKind::Direct,
        );
        kind_case(
            &["\"First paragraph.\n\n\"Second paragraph.\""],
            ClaimKind::Direct,
        );
        kind_case(&["“We won,” and then he left"], ClaimKind::Mixed);
        kind_case(&["“Clinton’s plan is ‘rigged,’ folks.”"], ClaimKind::Direct);
        kind_case(&["“He calls it “hell” here.”"], ClaimKind::Direct);
        // Curly and straight marks mixed by a typo still make one quotation.
        kind_case(&["\"Oz has a pulpit,”", "“He can’t.\""], ClaimKind::Direct);
        kind_case(&["‘Clinton’s plan,’ he wrote"], ClaimKind::Mixed);
        // A quotation opened in one piece and closed in the next.
        kind_case(&["“We started it.", "I finished it,”"], ClaimKind::Direct);
        kind_case(
            &["\"First paragraph.", "\"Second paragraph.\""],
            ClaimKind::Direct,
        );
        kind_case(&["“We started it.", "and he left"], ClaimKind::Mixed);
        kind_case(&["It’s ‘in Their Heads’"], ClaimKind::Mixed);
        kind_case(&["that Clinton’s health is fine"], ClaimKind::Indirect);
        kind_case(&["the talks failed"], ClaimKind::Indirect);
    }
}
