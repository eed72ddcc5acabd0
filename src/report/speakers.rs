//! Speakers: the list (each speaker once, with its claims and articles) and one speaker's
//! page (aliases, titles with their articles, types, claims over time).

use crate::store::queries::{SpeakerSummary, TitleRow};

use super::claims::ScoredClaim;
use super::{Cell, Section};

fn types(summary: &SpeakerSummary) -> String {
    summary
        .types
        .iter()
        .map(|t| t.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn name(summary: &SpeakerSummary) -> String {
    match summary.article_id {
        Some(article) => format!("{} (article {article})", summary.name),
        None => summary.name.clone(),
    }
}

/// Each speaker once: id, name, type, title or affiliation, claims, articles.
#[must_use]
pub fn list(speakers: &[SpeakerSummary]) -> Section {
    let mut section = Section::new(
        "speakers",
        "",
        vec![
            "id",
            "speaker",
            "type",
            "title / affiliation",
            "claims",
            "articles",
        ],
    );
    for s in speakers {
        let role = match (&s.title, &s.affiliation) {
            (Some(t), Some(a)) => Some(format!("{t}, {a}")),
            (Some(t), None) => Some(t.clone()),
            (None, Some(a)) => Some(a.clone()),
            (None, None) => None,
        };
        section.rows.push(vec![
            Cell::Int(s.id),
            Cell::text(name(s)),
            Cell::text(types(s)),
            Cell::opt(role.as_deref()),
            Cell::Int(s.claims),
            Cell::Int(s.articles),
        ]);
    }
    section
}

/// One speaker's page.
#[must_use]
pub fn page(
    summary: &SpeakerSummary,
    aliases: &[String],
    titles: &[TitleRow],
    claims: &[ScoredClaim],
) -> Vec<Section> {
    let mut about = Section::new(
        "speaker",
        format!("Speaker #{}", summary.id),
        vec!["field", "value"],
    );
    let fields = [
        ("name", Some(name(summary))),
        ("types", Some(types(summary))),
        ("affiliation", summary.affiliation.clone()),
        ("claims", Some(summary.claims.to_string())),
        ("articles", Some(summary.articles.to_string())),
    ];
    for (field, value) in fields {
        about
            .rows
            .push(vec![Cell::text(field), Cell::opt(value.as_deref())]);
    }
    let mut alias_section = Section::new("aliases", "Aliases", vec!["alias"]);
    for alias in aliases {
        alias_section.rows.push(vec![Cell::text(alias.as_str())]);
    }
    let mut title_section = Section::new(
        "titles",
        "Titles",
        vec!["title", "article", "date", "headline"],
    );
    for t in titles {
        title_section.rows.push(vec![
            Cell::text(t.title.as_str()),
            Cell::Int(t.article_id),
            Cell::opt(t.published.as_deref()),
            Cell::opt(t.article_title.as_deref()),
        ]);
    }
    let mut over_time = Section::new(
        "claims",
        "Claims over time",
        vec!["date", "article", "type", "kind", "claim", "score"],
    );
    for c in claims {
        over_time.rows.push(vec![
            Cell::opt(c.row.date()),
            Cell::Int(c.row.article_id),
            Cell::text(c.row.source_type.as_str()),
            Cell::text(c.row.kind.as_str()),
            Cell::text(c.row.content.text.as_str()),
            Cell::Score(c.reliability.score),
        ]);
    }
    vec![about, alias_section, title_section, over_time]
}
