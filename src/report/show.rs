//! An article with its claims marked by source type: ANSI colours on a terminal, plain
//! brackets (`[anonymous: …]`) otherwise.

use crate::model::{SourceType, Span};

/// How claims are marked in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marking {
    /// `[anonymous: text]`.
    Brackets,
    /// Coloured text, one colour per source type.
    Colour,
}

/// The ANSI colour code of a source type.
#[must_use]
pub fn colour(source_type: SourceType) -> &'static str {
    match source_type {
        SourceType::NamedOfficial => "32",
        SourceType::NamedPerson => "36",
        SourceType::Anonymous => "33",
        SourceType::Organization => "34",
        SourceType::Agency => "35",
        SourceType::Document => "94",
        SourceType::Unattributed => "31",
    }
}

/// The legend for coloured output: each source type in its colour.
#[must_use]
pub fn legend() -> String {
    SourceType::ALL
        .iter()
        .map(|t| format!("\x1b[{}m{}\x1b[0m", colour(*t), t.as_str()))
        .collect::<Vec<_>>()
        .join("  ")
}

/// `body` with each claim's content marked. Claims are taken in order of position; a
/// claim overlapping an earlier one, or whose span is not valid in `body`, is not marked.
#[must_use]
pub fn mark(body: &str, claims: &[(Span, SourceType)], marking: Marking) -> String {
    let mut sorted: Vec<&(Span, SourceType)> = claims.iter().collect();
    sorted.sort_by_key(|(span, _)| (span.start, span.end));
    let mut out = String::with_capacity(body.len() + claims.len() * 24);
    let mut at = 0;
    for (span, source_type) in sorted {
        if span.start < at || body.get(span.start..span.end).is_none() {
            continue;
        }
        out.push_str(&body[at..span.start]);
        let text = &body[span.start..span.end];
        match marking {
            Marking::Brackets => {
                out.push('[');
                out.push_str(source_type.as_str());
                out.push_str(": ");
                out.push_str(text);
                out.push(']');
            }
            Marking::Colour => {
                out.push_str("\x1b[");
                out.push_str(colour(*source_type));
                out.push('m');
                out.push_str(text);
                out.push_str("\x1b[0m");
            }
        }
        at = span.end;
    }
    out.push_str(&body[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(body: &str, claims: &[(usize, usize, SourceType)], marking: Marking, expected: &str) {
        let claims: Vec<(Span, SourceType)> = claims
            .iter()
            .map(|&(s, e, t)| (Span::new(s, e), t))
            .collect();
        assert_eq!(mark(body, &claims, marking), expected);
    }

    #[test]
    fn claims_are_marked_by_source_type() {
        use SourceType::{Anonymous, NamedOfficial, Unattributed};
        let body = "A said x. B said y.";
        case(body, &[], Marking::Brackets, body);
        case(
            body,
            &[(17, 18, NamedOfficial), (7, 8, Anonymous)],
            Marking::Brackets,
            "A said [anonymous: x]. B said [named_official: y].",
        );
        case(
            body,
            &[(7, 8, Unattributed)],
            Marking::Colour,
            "A said \x1b[31mx\x1b[0m. B said y.",
        );
        // Overlapping and out-of-bounds spans are left unmarked.
        case(
            body,
            &[(2, 8, Anonymous), (7, 10, Anonymous), (18, 40, Anonymous)],
            Marking::Brackets,
            "A [anonymous: said x]. B said y.",
        );
        // Spans off a character boundary are left unmarked.
        case("é x", &[(1, 3, Anonymous)], Marking::Brackets, "é x");
    }
}
