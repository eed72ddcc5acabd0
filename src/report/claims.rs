//! Claims as people and machines read them: the claims table (with reliability factors
//! on request) and the JSONL/JSON records of the output contract.

use crate::model::{ClaimKind, ClaimRecord, Reliability};
use crate::reliability::{self, Corroboration, Evidence};
use crate::store::queries::ClaimRow;

use super::{Cell, Section};

/// A stored claim with its reliability, corroboration included.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredClaim {
    pub row: ClaimRow,
    pub corroboration: Corroboration,
    pub reliability: Reliability,
}

impl ScoredClaim {
    /// Scores `row` with the reliability model, given how it is corroborated.
    #[must_use]
    pub fn new(row: ClaimRow, corroboration: Corroboration) -> Self {
        let reliability = reliability::score(&Evidence {
            kind: row.kind,
            source_type: row.source_type,
            affiliation: row.affiliation.as_deref(),
            anonymity_reason: row.anonymity_reason.as_deref(),
            channel: row.channel.as_deref(),
            cue: row.cue.as_ref().map(|c| c.text.as_str()),
            rule: &row.rule,
            corroboration,
        });
        Self {
            row,
            corroboration,
            reliability,
        }
    }
}

/// Who a claim is from, as a table shows it.
#[must_use]
pub fn speaker_label(row: &ClaimRow) -> String {
    row.speaker
        .clone()
        .unwrap_or_else(|| String::from("(unattributed)"))
}

/// The claims table: id, article, date, speaker, type, kind, claim, reliability, and
/// with `explain` the factors behind each score. With `marks`, search matches in the claim
/// text are shown in [brackets]; without, the claim text is exactly the article's (for CSV,
/// which other tools read).
#[must_use]
pub fn section(claims: &[ScoredClaim], explain: bool, marks: bool) -> Section {
    let mut headers = vec![
        "id",
        "article",
        "date",
        "speaker",
        "type",
        "kind",
        "claim",
        "score",
        "reliability",
    ];
    if explain {
        headers.push("factors");
    }
    let mut section = Section::new("claims", "", headers);
    for c in claims {
        let row = &c.row;
        let text = match &row.highlighted {
            Some(marked) if marks => marked,
            _ => &row.content.text,
        };
        let mut cells = vec![
            Cell::Int(row.id),
            Cell::Int(row.article_id),
            Cell::opt(row.date()),
            Cell::text(speaker_label(row)),
            Cell::text(row.source_type.as_str()),
            Cell::text(row.kind.as_str()),
            Cell::text(text),
            Cell::Score(c.reliability.score),
            Cell::text(c.reliability.label.as_str()),
        ];
        if explain {
            cells.push(Cell::text(c.reliability.factors.join("; ")));
        }
        section.rows.push(cells);
    }
    section
}

/// The claims table for a terminal: fewer, stacked columns so that the claim text keeps
/// most of an 80-column width; with `explain` the factors follow the claim text.
#[must_use]
pub fn table_section(claims: &[ScoredClaim], explain: bool) -> Section {
    let mut section = Section::new(
        "claims",
        "",
        vec!["id", "article", "source", "claim", "reliability"],
    );
    for c in claims {
        let row = &c.row;
        let mut text = row
            .highlighted
            .clone()
            .unwrap_or_else(|| row.content.text.clone());
        if explain {
            text.push('\n');
            for factor in &c.reliability.factors {
                text.push_str("\n· ");
                text.push_str(factor);
            }
        }
        let article = match row.date() {
            Some(date) => format!("{}\n{date}", row.article_id),
            None => row.article_id.to_string(),
        };
        section.rows.push(vec![
            Cell::Int(row.id),
            Cell::text(article),
            Cell::text(if row.kind == ClaimKind::Unattributed {
                format!("{}\n{}", speaker_label(row), row.source_type.as_str())
            } else {
                format!(
                    "{}\n{}, {}",
                    speaker_label(row),
                    row.source_type.as_str(),
                    row.kind.as_str()
                )
            }),
            Cell::text(text),
            Cell::text(format!(
                "{:.2}\n{}",
                c.reliability.score, c.reliability.label
            )),
        ]);
    }
    section
}

/// The output-contract record of a stored claim; `article` is the article id.
#[must_use]
pub fn record(claim: &ScoredClaim) -> ClaimRecord {
    let row = &claim.row;
    ClaimRecord {
        article: row.article_id.to_string(),
        kind: row.kind,
        content: row.content.clone(),
        content_gap: row.content_gap,
        cue: row.cue.clone(),
        source: row.source.clone(),
        speaker: row.speaker.clone(),
        source_type: row.source_type,
        title: row.title.clone(),
        affiliation: row.affiliation.clone(),
        channel: row.channel.clone(),
        anonymity_reason: row.anonymity_reason.clone(),
        stated_on: row.stated_on.clone(),
        reliability: Some(claim.reliability.clone()),
        rule: Some(row.rule.clone()),
        difficulty: None,
    }
}

/// One contract record per line.
#[must_use]
pub fn jsonl(claims: &[ScoredClaim]) -> String {
    let mut out = String::new();
    for claim in claims {
        out.push_str(&serde_json::to_string(&record(claim)).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// One JSON array of contract records.
#[must_use]
pub fn json(claims: &[ScoredClaim]) -> String {
    let records: Vec<ClaimRecord> = claims.iter().map(record).collect();
    let mut out = serde_json::to_string_pretty(&records).unwrap_or_default();
    out.push('\n');
    out
}
