//! brat standoff annotations as PolNeAR writes them: `T` lines are text-bound entities
//! with Unicode code-point offsets (discontinuous as `s e;s e`), `E` lines are attribution
//! relations with Source, Cue and Content roles. Offsets become byte spans here, once.

use crate::model::Span;

/// A line of an annotation file that cannot be understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct BratError {
    pub line: usize,
    pub message: String,
}

/// One attribution relation, in byte spans into the text. `source` is empty for a relation
/// without a source (an unattributed assertion); `cue` is empty when none is annotated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BratRelation {
    pub id: String,
    pub source: Vec<Span>,
    pub cue: Vec<Span>,
    pub content: Vec<Span>,
}

/// Byte offsets of every code point of a text, and of its end.
pub struct CodePoints {
    bytes: Vec<usize>,
}

impl CodePoints {
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        bytes.push(text.len());
        Self { bytes }
    }

    /// The byte offset of code point `index`, or `None` past the end.
    #[must_use]
    pub fn byte(&self, index: usize) -> Option<usize> {
        self.bytes.get(index).copied()
    }

    /// Number of code points in the text.
    #[must_use]
    pub fn len(&self) -> usize {
        self.bytes.len() - 1
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

struct Entity<'a> {
    id: &'a str,
    spans: Vec<Span>,
}

fn error(line: usize, message: impl Into<String>) -> BratError {
    BratError {
        line,
        message: message.into(),
    }
}

/// Parses `T` line ranges (`12 40;41 60`) into byte spans.
fn parse_ranges(ranges: &str, points: &CodePoints, line: usize) -> Result<Vec<Span>, BratError> {
    ranges
        .split(';')
        .map(|range| {
            let mut parts = range.split_whitespace();
            let (Some(start), Some(end), None) = (parts.next(), parts.next(), parts.next()) else {
                return Err(error(line, format!("bad offsets '{range}'")));
            };
            let parse = |s: &str| {
                s.parse::<usize>()
                    .map_err(|_| error(line, format!("bad offset '{s}'")))
            };
            let (start, end) = (parse(start)?, parse(end)?);
            if start > end {
                return Err(error(line, format!("span {start} {end} ends before it starts")));
            }
            match (points.byte(start), points.byte(end)) {
                (Some(s), Some(e)) => Ok(Span::new(s, e)),
                _ => Err(error(
                    line,
                    format!(
                        "span {start} {end} is past the end of the text ({} characters); is the .ann file for another text?",
                        points.len()
                    ),
                )),
            }
        })
        .collect()
}

/// Parses an annotation file against the text it annotates. Relations without a Content
/// are skipped (there is nothing to score); a relation without a Cue role falls back to
/// its trigger's span. Lines other than `T` and `E` (notes, attributes) are ignored.
///
/// # Errors
/// On a malformed `T` or `E` line, offsets past the text, or a reference to an unknown entity.
pub fn parse(ann: &str, text: &str) -> Result<Vec<BratRelation>, BratError> {
    let points = CodePoints::new(text);
    let mut entities: Vec<Entity<'_>> = Vec::new();
    let mut relation_lines: Vec<(usize, &str, &str)> = Vec::new();
    for (index, raw) in ann.lines().enumerate() {
        let line = index + 1;
        let mut fields = raw.split('\t');
        let id = fields.next().unwrap_or_default();
        let Some(body) = fields.next() else {
            continue;
        };
        if id.starts_with('T') {
            let Some((_, ranges)) = body.split_once(' ') else {
                return Err(error(line, format!("entity {id} has no offsets")));
            };
            let spans = parse_ranges(ranges, &points, line)?;
            entities.push(Entity { id, spans });
        } else if id.starts_with('E') {
            relation_lines.push((line, id, body));
        }
    }
    let find = |tid: &str, line: usize| -> Result<&Entity<'_>, BratError> {
        entities
            .iter()
            .find(|e| e.id == tid)
            .ok_or_else(|| error(line, format!("unknown entity {tid}")))
    };
    let mut relations = Vec::with_capacity(relation_lines.len());
    for (line, id, body) in relation_lines {
        let mut args = body.split_whitespace();
        let trigger = args
            .next()
            .and_then(|a| a.split_once(':'))
            .ok_or_else(|| error(line, format!("relation {id} has no trigger")))?;
        let mut relation = BratRelation {
            id: id.to_owned(),
            source: Vec::new(),
            cue: Vec::new(),
            content: Vec::new(),
        };
        for arg in args {
            let Some((role, tid)) = arg.split_once(':') else {
                return Err(error(line, format!("bad argument '{arg}' in {id}")));
            };
            let spans = &find(tid, line)?.spans;
            // brat numbers repeated roles: Content, Content2, ...
            match role.trim_end_matches(|c: char| c.is_ascii_digit()) {
                "Source" => relation.source.extend(spans),
                "Cue" => relation.cue.extend(spans),
                "Content" => relation.content.extend(spans),
                _ => {}
            }
        }
        if relation.cue.is_empty() {
            if let Ok(entity) = find(trigger.1, line) {
                relation.cue.extend(&entity.spans);
            }
        }
        if relation.content.is_empty() {
            continue;
        }
        for pieces in [
            &mut relation.source,
            &mut relation.cue,
            &mut relation.content,
        ] {
            pieces.sort_unstable();
        }
        relations.push(relation);
    }
    Ok(relations)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, spans: &[Span]) -> Vec<String> {
        spans.iter().map(|s| s.slice(text).to_owned()).collect()
    }

    #[test]
    fn code_points_map_to_bytes_with_multibyte_characters() {
        let text = "é“ab”—c";
        let points = CodePoints::new(text);
        assert_eq!(points.len(), 7);
        assert_eq!(points.byte(0), Some(0));
        assert_eq!(points.byte(1), Some(2)); // after é (2 bytes)
        assert_eq!(points.byte(2), Some(5)); // after “ (3 bytes)
        assert_eq!(points.byte(7), Some(text.len()));
        assert_eq!(points.byte(8), None);
    }

    #[test]
    fn relations_with_discontinuous_spans_and_multibyte_text() {
        // Code points: “=0 Wé=1..3 ”=3 ...; the text is chosen so byte and code-point
        // offsets differ from the first character on.
        let text =
            "“Wé win,” Clinton’s aide said, “and soon.”\nThere was speculation the talks failed.";
        let cp = |needle: &str| {
            let byte = text.find(needle).unwrap();
            let start = text[..byte].chars().count();
            (start, start + needle.chars().count())
        };
        let (c1s, c1e) = cp("“Wé win,”");
        let (c2s, c2e) = cp("“and soon.”");
        let (ss, se) = cp("Clinton’s aide");
        let (cs, ce) = cp("said");
        let (us, ue) = cp("the talks failed");
        let (qs, qe) = cp("There was speculation");
        let ann = format!(
            "T1\tContent {c1s} {c1e};{c2s} {c2e}\tx\n\
             T2\tSource {ss} {se}\tClinton’s aide\n\
             T3\tCue {cs} {ce}\tsaid\n\
             T4\tAttribution {cs} {ce}\tsaid\n\
             E1\tAttribution:T4 Content:T1 Source:T2 Cue:T3\n\
             T5\tContent {us} {ue}\tthe talks failed\n\
             T6\tAttribution-no-source {qs} {qe}\tThere was speculation\n\
             E2\tAttribution-no-source:T6 Content:T5\n\
             #1\tAnnotatorNotes T1\tignored\n"
        );
        let relations = parse(&ann, text).unwrap();
        assert_eq!(relations.len(), 2);
        let first = &relations[0];
        assert_eq!(first.id, "E1");
        assert_eq!(texts(text, &first.content), ["“Wé win,”", "“and soon.”"]);
        assert_eq!(texts(text, &first.source), ["Clinton’s aide"]);
        assert_eq!(texts(text, &first.cue), ["said"]);
        let second = &relations[1];
        assert!(second.source.is_empty());
        // No Cue role: the trigger's span stands in.
        assert_eq!(texts(text, &second.cue), ["There was speculation"]);
        assert_eq!(texts(text, &second.content), ["the talks failed"]);
    }

    #[test]
    fn repeated_content_roles_are_joined() {
        let text = "A said B and C.";
        let ann = "T1\tContent 7 8\tB\nT2\tContent 13 14\tC\nT3\tSource 0 1\tA\nT4\tCue 2 6\tsaid\n\
                   E1\tAttribution:T4 Source:T3 Content:T2 Content2:T1 Cue:T4\n";
        let relations = parse(ann, text).unwrap();
        assert_eq!(texts(text, &relations[0].content), ["B", "C"]);
    }

    #[track_caller]
    fn error_case(ann: &str, line: usize, fragment: &str) {
        let err = parse(ann, "short text").unwrap_err();
        assert_eq!(err.line, line, "{err}");
        assert!(err.message.contains(fragment), "{err}");
    }

    #[test]
    fn malformed_lines_are_errors_with_line_numbers() {
        error_case("T1\tContent 0 99\tx\n", 1, "past the end");
        error_case("T1\tContent 5 2\tx\n", 1, "ends before");
        error_case("T1\tContent a 2\tx\n", 1, "bad offset");
        error_case(
            "T1\tContent 0 2\tx\nE1\tAttribution:T1 Content:T9\n",
            2,
            "unknown entity T9",
        );
        error_case("T1\tContent\tx\n", 1, "no offsets");
    }
}
