//! Rendering an [`Evaluation`]: tables for people, JSON with stable keys for machines.
//! Pure: returns strings, never prints.

use std::fmt::Write;

use comfy_table::{CellAlignment, Table, presets};
use serde::Serialize;

use super::GoldFormat;
use super::score::{
    Accuracy, ArticleMistakes, ByKind, Evaluation, Mistake, MistakeKind, RelationText, RoleScores,
    SpeakerAccuracy, Tally,
};
use crate::model::ClaimKind;

fn pct(value: f64) -> String {
    format!("{value:.1}")
}

fn new_table(header: &[&str]) -> Table {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    table.force_no_tty();
    table.set_header(header.to_vec());
    for index in 1..header.len() {
        if let Some(column) = table.column_mut(index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    table
}

fn format_name(format: GoldFormat) -> &'static str {
    match format {
        GoldFormat::Polnear => "polnear",
        GoldFormat::Jsonl => "jsonl",
    }
}

/// The evaluation as tables: counts, the headline scores, scores by kind, accuracy.
#[must_use]
pub fn table(eval: &Evaluation) -> String {
    let mut out = format!(
        "{} articles, {} gold relations, {} predicted claims",
        eval.articles, eval.gold_relations, eval.predicted_claims
    );
    if eval.predicted_relations != eval.predicted_claims {
        let _ = write!(
            out,
            " ({} relations once claims sharing a cue and source are joined)",
            eval.predicted_relations
        );
    }
    out.push_str("\n\n");

    let mut scores = new_table(&["measure", "P", "R", "F1", "gold", "predicted"]);
    let row = |name: &str, t: &Tally| {
        vec![
            name.to_owned(),
            pct(t.precision()),
            pct(t.recall()),
            pct(t.f1()),
            t.gold.to_string(),
            t.predicted.to_string(),
        ]
    };
    scores.add_row(row("relation", &eval.relation.all));
    for (role, s) in [
        ("content", &eval.content),
        ("source", &eval.source),
        ("cue", &eval.cue),
    ] {
        scores.add_row(row(&format!("{role} exact"), &s.exact.all));
        scores.add_row(row(&format!("{role} raw"), &s.raw.all));
        scores.add_row(row(&format!("{role} overlap (tokens)"), &s.overlap.all));
    }
    out.push_str(&scores.to_string());
    out.push_str(
        "\n\nF1 by kind (recall over gold of the kind, precision over predictions of the kind)\n",
    );

    let mut kinds = new_table(&[
        "kind",
        "gold",
        "predicted",
        "relation",
        "content exact",
        "content overlap",
        "source exact",
        "cue exact",
    ]);
    // A kind with neither gold nor predictions has no score: a dash, not a misleading 0.
    let f1 = |t: &Tally| {
        if t.gold == 0 && t.predicted == 0 {
            String::from("–")
        } else {
            pct(t.f1())
        }
    };
    for kind in ClaimKind::ALL {
        let relation = eval.relation.kind(*kind);
        kinds.add_row(vec![
            kind.as_str().to_owned(),
            relation.gold.to_string(),
            relation.predicted.to_string(),
            f1(relation),
            f1(eval.content.exact.kind(*kind)),
            f1(eval.content.overlap.kind(*kind)),
            f1(eval.source.exact.kind(*kind)),
            f1(eval.cue.exact.kind(*kind)),
        ]);
    }
    out.push_str(&kinds.to_string());
    out.push_str("\n\nOn matched relations\n");

    let mut accuracy = new_table(&["accuracy", "%", "correct", "of"]);
    let acc_row = |name: &str, a: &Accuracy| {
        vec![
            name.to_owned(),
            pct(a.percent()),
            a.correct.to_string(),
            a.total.to_string(),
        ]
    };
    accuracy.add_row(acc_row("kind", &eval.kind));
    if eval.source_type.total > 0 {
        accuracy.add_row(acc_row("source type", &eval.source_type));
    }
    if eval.speaker.total > 0 {
        let s = &eval.speaker;
        accuracy.add_row(vec![
            String::from("speaker"),
            pct(s.percent()),
            s.exact.to_string(),
            s.total.to_string(),
        ]);
        accuracy.add_row(vec![
            String::from("speaker, partial names too"),
            pct(s.percent_with_partial()),
            (s.exact + s.partial).to_string(),
            s.total.to_string(),
        ]);
    }
    out.push_str(&accuracy.to_string());
    out.push('\n');
    if eval.source_type.total == 0 && eval.format == GoldFormat::Polnear {
        out.push_str("(source type and speaker accuracy need --types FILE)\n");
    }
    out
}

/// Text in double quotes with its whitespace (line breaks, no-break spaces) collapsed.
fn quoted(text: &str) -> String {
    format!(
        "\"{}\"",
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}

fn describe(r: &RelationText) -> String {
    let mut text = format!("{} {} content {}", r.id, r.kind, quoted(&r.content));
    if let Some(source) = &r.source {
        let _ = write!(text, ", source {}", quoted(source));
    }
    if let Some(cue) = &r.cue {
        let _ = write!(text, ", cue {}", quoted(cue));
    }
    match (&r.speaker, r.source_type) {
        (Some(speaker), Some(t)) => {
            let _ = write!(text, ", speaker {} ({t})", quoted(speaker));
        }
        (None, Some(t)) => {
            let _ = write!(text, " ({t})");
        }
        (Some(speaker), None) => {
            let _ = write!(text, ", speaker {}", quoted(speaker));
        }
        (None, None) => {}
    }
    if let Some(rule) = &r.rule {
        let _ = write!(text, " [{rule}]");
    }
    text
}

fn mistake_lines(m: &Mistake, out: &mut String) {
    let label = match m.what {
        MistakeKind::Missed => "missed",
        MistakeKind::FalsePositive => "false positive",
        MistakeKind::Boundary => "boundary",
        MistakeKind::Speaker => "source type or speaker",
    };
    let _ = writeln!(out, "  {label}");
    if let Some(gold) = &m.gold {
        let _ = writeln!(out, "    gold:      {}", describe(gold));
    }
    if let Some(predicted) = &m.predicted {
        let _ = writeln!(out, "    predicted: {}", describe(predicted));
    }
    let _ = writeln!(out, "    sentence:  {}", m.sentence);
}

/// Misses, false positives, boundary errors and wrong source types or speakers, grouped
/// per article.
#[must_use]
pub fn errors(mistakes: &[ArticleMistakes]) -> String {
    let mut out = String::new();
    for article in mistakes {
        let count = |what: MistakeKind| article.mistakes.iter().filter(|m| m.what == what).count();
        let _ = writeln!(
            out,
            "== {} ({} missed, {} false positive, {} boundary, {} source type or speaker)",
            article.article,
            count(MistakeKind::Missed),
            count(MistakeKind::FalsePositive),
            count(MistakeKind::Boundary),
            count(MistakeKind::Speaker)
        );
        for m in &article.mistakes {
            mistake_lines(m, &mut out);
        }
        out.push('\n');
    }
    out
}

#[derive(Serialize)]
struct TallyJson {
    precision: f64,
    recall: f64,
    f1: f64,
    gold: u64,
    predicted: u64,
    gold_matched: u64,
    predicted_matched: u64,
}

fn round(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

impl From<&Tally> for TallyJson {
    fn from(t: &Tally) -> Self {
        Self {
            precision: round(t.precision()),
            recall: round(t.recall()),
            f1: round(t.f1()),
            gold: t.gold,
            predicted: t.predicted,
            gold_matched: t.gold_hit,
            predicted_matched: t.predicted_hit,
        }
    }
}

#[derive(Serialize)]
struct KindsJson {
    direct: TallyJson,
    mixed: TallyJson,
    indirect: TallyJson,
    unattributed: TallyJson,
}

#[derive(Serialize)]
struct ByKindJson {
    all: TallyJson,
    by_kind: KindsJson,
}

impl From<&ByKind> for ByKindJson {
    fn from(b: &ByKind) -> Self {
        Self {
            all: (&b.all).into(),
            by_kind: KindsJson {
                direct: b.kind(ClaimKind::Direct).into(),
                mixed: b.kind(ClaimKind::Mixed).into(),
                indirect: b.kind(ClaimKind::Indirect).into(),
                unattributed: b.kind(ClaimKind::Unattributed).into(),
            },
        }
    }
}

#[derive(Serialize)]
struct RoleJson {
    exact: ByKindJson,
    raw: ByKindJson,
    overlap: ByKindJson,
}

impl From<&RoleScores> for RoleJson {
    fn from(r: &RoleScores) -> Self {
        Self {
            exact: (&r.exact).into(),
            raw: (&r.raw).into(),
            overlap: (&r.overlap).into(),
        }
    }
}

#[derive(Serialize)]
struct AccuracyJson {
    percent: f64,
    correct: u64,
    total: u64,
}

impl From<&Accuracy> for AccuracyJson {
    fn from(a: &Accuracy) -> Self {
        Self {
            percent: round(a.percent()),
            correct: a.correct,
            total: a.total,
        }
    }
}

#[derive(Serialize)]
struct SpeakerJson {
    percent: f64,
    percent_with_partial: f64,
    exact: u64,
    partial: u64,
    total: u64,
}

impl From<&SpeakerAccuracy> for SpeakerJson {
    fn from(s: &SpeakerAccuracy) -> Self {
        Self {
            percent: round(s.percent()),
            percent_with_partial: round(s.percent_with_partial()),
            exact: s.exact,
            partial: s.partial,
            total: s.total,
        }
    }
}

#[derive(Serialize)]
struct AccuraciesJson {
    kind: AccuracyJson,
    source_type: Option<AccuracyJson>,
    speaker: Option<SpeakerJson>,
}

#[derive(Serialize)]
struct EvaluationJson<'a> {
    gold_format: &'static str,
    articles: usize,
    gold_relations: usize,
    predicted_claims: usize,
    predicted_relations: usize,
    relation: ByKindJson,
    content: RoleJson,
    source: RoleJson,
    cue: RoleJson,
    accuracy: AccuraciesJson,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<&'a [ArticleMistakes]>,
}

/// The evaluation as one JSON object. Scores are percentages rounded to two decimals;
/// `errors` is present only when errors were collected.
#[must_use]
pub fn json(eval: &Evaluation, with_errors: bool) -> String {
    let value = EvaluationJson {
        gold_format: format_name(eval.format),
        articles: eval.articles,
        gold_relations: eval.gold_relations,
        predicted_claims: eval.predicted_claims,
        predicted_relations: eval.predicted_relations,
        relation: (&eval.relation).into(),
        content: (&eval.content).into(),
        source: (&eval.source).into(),
        cue: (&eval.cue).into(),
        accuracy: AccuraciesJson {
            kind: (&eval.kind).into(),
            source_type: (eval.source_type.total > 0).then(|| (&eval.source_type).into()),
            speaker: (eval.speaker.total > 0).then(|| (&eval.speaker).into()),
        },
        errors: with_errors.then_some(eval.mistakes.as_slice()),
    };
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::{GoldArticle, GoldSet, Relation, evaluate};
    use crate::model::{Article, Claim, Extraction, Reliability, SourceType, Span};

    const BODY: &str =
        "Talks stall\n“We will win,” Ann Lee said. Officials said the vote was delayed.\n";

    fn span(needle: &str) -> Span {
        let start = BODY.find(needle).unwrap();
        Span::new(start, start + needle.len())
    }

    fn gold() -> GoldSet {
        let relation = |id: &str, kind, content, source, cue, speaker: &str, t| Relation {
            id: id.to_owned(),
            kind,
            content: vec![span(content)],
            source: vec![span(source)],
            cue: vec![span(cue)],
            speaker: Some(speaker.to_owned()),
            source_type: Some(t),
            rule: None,
        };
        GoldSet {
            format: GoldFormat::Polnear,
            articles: vec![GoldArticle {
                name: String::from("talks"),
                ann: None,
                article: Article::from_text(BODY),
                relations: vec![
                    relation(
                        "E1",
                        ClaimKind::Direct,
                        "“We will win,”",
                        "Ann Lee",
                        "said.",
                        "Ann Lee",
                        SourceType::NamedPerson,
                    ),
                    relation(
                        "E2",
                        ClaimKind::Indirect,
                        "the vote was delayed",
                        "Officials",
                        "said the",
                        "officials",
                        SourceType::Anonymous,
                    ),
                ],
            }],
        }
    }

    /// One right direct quote with a surname-only speaker, one claim from the headline.
    fn extract(_: &Article) -> Extraction {
        let claim = |kind, content, source, cue, speaker: &str| Claim {
            kind,
            content: span(content),
            content_gap: None,
            cue: Some(span(cue)),
            source: Some(span(source)),
            speaker: Some(speaker.to_owned()),
            source_type: SourceType::NamedPerson,
            title: None,
            affiliation: None,
            channel: None,
            anonymity_reason: None,
            stated_on: None,
            reliability: Reliability {
                score: 0.5,
                label: String::new(),
                factors: Vec::new(),
            },
            rule: "test/rule",
        };
        Extraction {
            claims: vec![
                claim(ClaimKind::Direct, "We will win", "Ann Lee", "said", "Lee"),
                claim(ClaimKind::Indirect, "stall", "Talks", "stall", "talks"),
            ],
            speakers: Vec::new(),
        }
    }

    #[test]
    fn table_snapshot() {
        let eval = evaluate(&gold(), &extract, false);
        insta::assert_snapshot!(table(&eval));
    }

    #[test]
    fn errors_snapshot() {
        let eval = evaluate(&gold(), &extract, true);
        insta::assert_snapshot!(errors(&eval.mistakes));
    }

    #[test]
    fn json_snapshot() {
        let eval = evaluate(&gold(), &extract, true);
        insta::assert_snapshot!(json(&eval, true));
    }
}
