//! The newsroom report: sourcing per article, per outlet and per author, most-quoted
//! speakers, the reliability distribution, claims resting on a single anonymous source,
//! and claims ordered by reliability with their factors.

use std::collections::BTreeMap;

use crate::model::SourceType;
use crate::store::queries::ArticleRow;

use super::claims::{ScoredClaim, speaker_label};
use super::{Cell, Section, ellipsize};

/// How many speakers "most-quoted speakers" lists.
pub const TOP_SPEAKERS: usize = 10;
/// How many claims "claims by reliability" lists.
pub const RANKED_CLAIMS: usize = 20;
/// Longest claim text shown in report tables.
const CLAIM_WIDTH: usize = 100;

#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    claims: i64,
    named: i64,
    anonymous: i64,
    institutional: i64,
    unattributed: i64,
}

impl Counts {
    fn add(&mut self, t: SourceType) {
        self.claims += 1;
        match t {
            SourceType::NamedOfficial | SourceType::NamedPerson => self.named += 1,
            SourceType::Anonymous => self.anonymous += 1,
            SourceType::Organization | SourceType::Agency | SourceType::Document => {
                self.institutional += 1;
            }
            SourceType::Unattributed => self.unattributed += 1,
        }
    }

    fn share(&self, n: i64) -> Cell {
        if self.claims == 0 {
            Cell::Empty
        } else {
            Cell::Share(n as f64 / self.claims as f64)
        }
    }
}

/// Claims by source type for each article, and the share that is anonymous.
#[must_use]
pub fn per_article(articles: &[ArticleRow], claims: &[ScoredClaim]) -> Section {
    let mut counts: BTreeMap<i64, Counts> = BTreeMap::new();
    for c in claims {
        counts
            .entry(c.row.article_id)
            .or_default()
            .add(c.row.source_type);
    }
    let mut section = Section::new(
        "sourcing_per_article",
        "Sourcing per article",
        vec![
            "article", "title", "claims", "named", "anon", "inst", "unattr", "% anon",
        ],
    );
    for a in articles {
        let n = counts.get(&a.id).copied().unwrap_or_default();
        section.rows.push(vec![
            Cell::Int(a.id),
            Cell::text(ellipsize(a.title.as_deref().unwrap_or(&a.origin), 48)),
            Cell::Int(n.claims),
            Cell::Int(n.named),
            Cell::Int(n.anonymous),
            Cell::Int(n.institutional),
            Cell::Int(n.unattributed),
            n.share(n.anonymous),
        ]);
    }
    section.note = Some(String::from(
        "anon: anonymous; inst: organisations, agencies, documents; unattr: unattributed",
    ));
    section
}

/// Articles and claims per outlet (or author), with the shares anonymous and unattributed.
fn per_group(
    id: &'static str,
    title: &str,
    header: &'static str,
    articles: &[ArticleRow],
    claims: &[ScoredClaim],
    group: fn(&ArticleRow) -> Option<&str>,
) -> Section {
    let group_of: BTreeMap<i64, String> = articles
        .iter()
        .map(|a| (a.id, group(a).unwrap_or("(unknown)").to_owned()))
        .collect();
    let mut groups: BTreeMap<String, (i64, Counts)> = BTreeMap::new();
    for name in group_of.values() {
        groups.entry(name.clone()).or_default().0 += 1;
    }
    for c in claims {
        if let Some(name) = group_of.get(&c.row.article_id) {
            groups
                .entry(name.clone())
                .or_default()
                .1
                .add(c.row.source_type);
        }
    }
    let mut section = Section::new(
        id,
        title,
        vec![
            header, "articles", "claims", "anon", "unattr", "% anon", "% unattr",
        ],
    );
    for (name, (n_articles, n)) in groups {
        section.rows.push(vec![
            Cell::text(name),
            Cell::Int(n_articles),
            Cell::Int(n.claims),
            Cell::Int(n.anonymous),
            Cell::Int(n.unattributed),
            n.share(n.anonymous),
            n.share(n.unattributed),
        ]);
    }
    section
}

/// Sourcing per outlet.
#[must_use]
pub fn per_outlet(articles: &[ArticleRow], claims: &[ScoredClaim]) -> Section {
    per_group(
        "sourcing_per_outlet",
        "Sourcing per outlet",
        "outlet",
        articles,
        claims,
        |a| a.outlet.as_deref(),
    )
}

/// Sourcing per author.
#[must_use]
pub fn per_author(articles: &[ArticleRow], claims: &[ScoredClaim]) -> Section {
    per_group(
        "sourcing_per_author",
        "Sourcing per author",
        "author",
        articles,
        claims,
        |a| a.author.as_deref(),
    )
}

/// The speakers with most claims. Anonymous sources are grouped by affiliation
/// ("anonymous: defence ministry"), since each belongs to one article.
#[must_use]
pub fn most_quoted(claims: &[ScoredClaim]) -> Section {
    /// One line of the table: label, source type, claims, articles.
    struct Quoted {
        label: String,
        source_type: &'static str,
        claims: i64,
        articles: Vec<i64>,
    }
    // Key: shared speaker id, or the anonymous affiliation.
    let mut groups: BTreeMap<(Option<i64>, String), Quoted> = BTreeMap::new();
    for c in claims {
        let row = &c.row;
        let Some(speaker_id) = row.speaker_id else {
            continue;
        };
        let (key, label) = if row.speaker_shared {
            ((Some(speaker_id), String::new()), speaker_label(row))
        } else {
            let affiliation = row.affiliation.as_deref().unwrap_or("no affiliation");
            (
                (None, affiliation.to_lowercase()),
                format!("anonymous: {affiliation}"),
            )
        };
        let entry = groups.entry(key).or_insert_with(|| Quoted {
            label,
            source_type: row.source_type.as_str(),
            claims: 0,
            articles: Vec::new(),
        });
        entry.claims += 1;
        if !entry.articles.contains(&row.article_id) {
            entry.articles.push(row.article_id);
        }
    }
    let mut ranked: Vec<Quoted> = groups.into_values().collect();
    ranked.sort_by(|a, b| b.claims.cmp(&a.claims).then_with(|| a.label.cmp(&b.label)));
    let total = ranked.len();
    let mut section = Section::new(
        "most_quoted_speakers",
        "Most-quoted speakers",
        vec!["speaker", "type", "claims", "articles"],
    );
    for q in ranked.into_iter().take(TOP_SPEAKERS) {
        section.rows.push(vec![
            Cell::text(q.label),
            Cell::text(q.source_type),
            Cell::Int(q.claims),
            Cell::Int(q.articles.len() as i64),
        ]);
    }
    if total > TOP_SPEAKERS {
        section.note = Some(format!("{TOP_SPEAKERS} of {total} speakers"));
    }
    section
}

/// How many claims fall under each reliability label.
#[must_use]
pub fn reliability_distribution(claims: &[ScoredClaim]) -> Section {
    let labels = ["high", "medium", "low", "very low"];
    let mut section = Section::new(
        "reliability_distribution",
        "Reliability distribution",
        vec!["reliability", "claims", "% claims", "mean score"],
    );
    for label in labels {
        let scores: Vec<f64> = claims
            .iter()
            .filter(|c| c.reliability.label == label)
            .map(|c| c.reliability.score)
            .collect();
        let n = scores.len();
        section.rows.push(vec![
            Cell::text(label),
            Cell::Int(n as i64),
            if claims.is_empty() {
                Cell::Empty
            } else {
                Cell::Share(n as f64 / claims.len() as f64)
            },
            if n == 0 {
                Cell::Empty
            } else {
                Cell::Score(scores.iter().sum::<f64>() / n as f64)
            },
        ]);
    }
    section
}

/// Whether a claim rests on one anonymous source: anonymous and carried by no other
/// independent source.
#[must_use]
pub fn rests_on_single_anonymous_source(claim: &ScoredClaim) -> bool {
    claim.row.source_type == SourceType::Anonymous && claim.corroboration.sources == 0
}

/// Claims resting on a single anonymous source.
#[must_use]
pub fn single_anonymous(claims: &[ScoredClaim]) -> Section {
    let mut section = Section::new(
        "single_anonymous_source",
        "Claims resting on a single anonymous source",
        vec!["id", "article", "source", "claim", "score"],
    );
    for c in claims
        .iter()
        .filter(|c| rests_on_single_anonymous_source(c))
    {
        section.rows.push(vec![
            Cell::Int(c.row.id),
            Cell::Int(c.row.article_id),
            Cell::text(speaker_label(&c.row)),
            Cell::text(ellipsize(&c.row.content.text, CLAIM_WIDTH)),
            Cell::Score(c.reliability.score),
        ]);
    }
    section
}

/// Claims from least to most reliable, with the factors behind each score.
#[must_use]
pub fn by_reliability(claims: &[ScoredClaim]) -> Section {
    let mut ranked: Vec<&ScoredClaim> = claims.iter().collect();
    ranked.sort_by(|a, b| {
        a.reliability
            .score
            .total_cmp(&b.reliability.score)
            .then(a.row.id.cmp(&b.row.id))
    });
    let mut section = Section::new(
        "claims_by_reliability",
        "Claims by reliability, least reliable first",
        vec!["id", "source", "claim", "score", "factors"],
    );
    for c in ranked.iter().take(RANKED_CLAIMS) {
        section.rows.push(vec![
            Cell::Int(c.row.id),
            Cell::text(speaker_label(&c.row)),
            Cell::text(ellipsize(&c.row.content.text, CLAIM_WIDTH)),
            Cell::Score(c.reliability.score),
            Cell::text(c.reliability.factors.join("; ")),
        ]);
    }
    if ranked.len() > RANKED_CLAIMS {
        section.note = Some(format!(
            "{RANKED_CLAIMS} of {} claims; all of them: whosaid claims --sort reliability --explain",
            ranked.len()
        ));
    }
    section
}

/// Every section of `whosaid report`.
#[must_use]
pub fn report(articles: &[ArticleRow], claims: &[ScoredClaim]) -> Vec<Section> {
    vec![
        per_article(articles, claims),
        per_outlet(articles, claims),
        per_author(articles, claims),
        most_quoted(claims),
        reliability_distribution(claims),
        single_anonymous(claims),
        by_reliability(claims),
    ]
}
