//! Scoring: predicted claims against gold relations, per article, summed over articles.
//! The measures are defined in the module documentation of [`crate::eval`].

use rayon::prelude::*;
use serde::Serialize;

use super::spans::{self, Tokens};
use super::{GoldArticle, GoldFormat, GoldSet, Relation};
use crate::model::{Article, Claim, ClaimKind, Extraction, SourceType, Span};

/// Counts behind one precision/recall pair. `gold_hit` and `predicted_hit` differ for
/// token overlap (shared tokens) and per kind (a direct gold quote may be matched by a
/// prediction labelled mixed); for whole-item matching over all kinds they are equal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub gold: u64,
    pub predicted: u64,
    pub gold_hit: u64,
    pub predicted_hit: u64,
}

fn percent(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

impl Tally {
    /// Precision in percent; 0 when nothing was predicted.
    #[must_use]
    pub fn precision(&self) -> f64 {
        percent(self.predicted_hit, self.predicted)
    }

    /// Recall in percent; 0 when there is no gold.
    #[must_use]
    pub fn recall(&self) -> f64 {
        percent(self.gold_hit, self.gold)
    }

    /// Harmonic mean of precision and recall, in percent; 0 when both are 0.
    #[must_use]
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: &Tally) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.gold_hit += other.gold_hit;
        self.predicted_hit += other.predicted_hit;
    }
}

fn kind_index(kind: ClaimKind) -> usize {
    ClaimKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

/// A tally over all claims and one per kind (in [`ClaimKind::ALL`] order).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ByKind {
    pub all: Tally,
    pub kinds: [Tally; 4],
}

impl ByKind {
    #[must_use]
    pub fn kind(&self, kind: ClaimKind) -> &Tally {
        &self.kinds[kind_index(kind)]
    }

    fn update(&mut self, kind: ClaimKind, f: impl Fn(&mut Tally)) {
        f(&mut self.all);
        f(&mut self.kinds[kind_index(kind)]);
    }

    fn add(&mut self, other: &ByKind) {
        self.all.add(&other.all);
        for (mine, theirs) in self.kinds.iter_mut().zip(&other.kinds) {
            mine.add(theirs);
        }
    }
}

/// Exact (trimmed), raw (untrimmed) and token-overlap scores for one span role.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RoleScores {
    pub exact: ByKind,
    pub raw: ByKind,
    pub overlap: ByKind,
}

impl RoleScores {
    fn add(&mut self, other: &RoleScores) {
        self.exact.add(&other.exact);
        self.raw.add(&other.raw);
        self.overlap.add(&other.overlap);
    }
}

/// Correct out of total, on matched relations.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Accuracy {
    pub total: u64,
    pub correct: u64,
}

impl Accuracy {
    /// In percent; 0 when there is nothing to judge.
    #[must_use]
    pub fn percent(&self) -> f64 {
        percent(self.correct, self.total)
    }
}

/// Speaker accuracy on matched relations whose gold names a speaker.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SpeakerAccuracy {
    pub total: u64,
    /// Same name after normalisation: the headline figure.
    pub exact: u64,
    /// A partial name of the right person ("Clinton" for "Hillary Clinton"); not counted
    /// as correct in the headline figure.
    pub partial: u64,
}

impl SpeakerAccuracy {
    #[must_use]
    pub fn percent(&self) -> f64 {
        percent(self.exact, self.total)
    }

    #[must_use]
    pub fn percent_with_partial(&self) -> f64 {
        percent(self.exact + self.partial, self.total)
    }
}

/// What went wrong with one relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MistakeKind {
    /// A gold relation no prediction matched.
    Missed,
    /// A prediction that matched no gold relation.
    FalsePositive,
    /// A matched pair whose content, source or cue differ after trimming.
    Boundary,
    /// A matched pair whose source type or speaker (exact, as in the headline figure)
    /// differs from gold, where gold has them.
    Speaker,
}

/// A relation's text, for error listings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationText {
    pub id: String,
    pub kind: ClaimKind,
    pub content: String,
    pub source: Option<String>,
    pub cue: Option<String>,
    pub speaker: Option<String>,
    pub source_type: Option<SourceType>,
    pub rule: Option<String>,
}

/// One error with the sentence around it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mistake {
    pub what: MistakeKind,
    /// Byte offset where the relation starts, for ordering.
    pub offset: usize,
    pub gold: Option<RelationText>,
    pub predicted: Option<RelationText>,
    pub sentence: String,
}

/// The errors of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleMistakes {
    pub article: String,
    pub mistakes: Vec<Mistake>,
}

/// Everything measured over a gold set.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub format: GoldFormat,
    pub articles: usize,
    pub gold_relations: usize,
    /// Claims as extraction returned them.
    pub predicted_claims: usize,
    /// Predicted relations scored (claims sharing a cue and source joined for PolNeAR).
    pub predicted_relations: usize,
    pub relation: ByKind,
    pub content: RoleScores,
    pub source: RoleScores,
    pub cue: RoleScores,
    pub kind: Accuracy,
    pub source_type: Accuracy,
    pub speaker: SpeakerAccuracy,
    /// Per article, when errors were asked for.
    pub mistakes: Vec<ArticleMistakes>,
}

impl Evaluation {
    fn empty(format: GoldFormat) -> Self {
        Self {
            format,
            articles: 0,
            gold_relations: 0,
            predicted_claims: 0,
            predicted_relations: 0,
            relation: ByKind::default(),
            content: RoleScores::default(),
            source: RoleScores::default(),
            cue: RoleScores::default(),
            kind: Accuracy::default(),
            source_type: Accuracy::default(),
            speaker: SpeakerAccuracy::default(),
            mistakes: Vec::new(),
        }
    }

    fn add(mut self, other: Evaluation) -> Self {
        self.articles += other.articles;
        self.gold_relations += other.gold_relations;
        self.predicted_claims += other.predicted_claims;
        self.predicted_relations += other.predicted_relations;
        self.relation.add(&other.relation);
        self.content.add(&other.content);
        self.source.add(&other.source);
        self.cue.add(&other.cue);
        self.kind.total += other.kind.total;
        self.kind.correct += other.kind.correct;
        self.source_type.total += other.source_type.total;
        self.source_type.correct += other.source_type.correct;
        self.speaker.total += other.speaker.total;
        self.speaker.exact += other.speaker.exact;
        self.speaker.partial += other.speaker.partial;
        self.mistakes.extend(other.mistakes);
        self
    }
}

/// Runs `extract` on every gold article (in parallel) and scores the result.
/// With `with_errors`, the evaluation lists every miss, false positive and boundary error.
pub fn evaluate(
    gold: &GoldSet,
    extract: &(dyn Fn(&Article) -> Extraction + Sync),
    with_errors: bool,
) -> Evaluation {
    let per_article: Vec<Evaluation> = gold
        .articles
        .par_iter()
        .map(|article| {
            let extraction = extract(&article.article);
            score_article(gold.format, article, &extraction.claims, with_errors)
        })
        .collect();
    per_article
        .into_iter()
        .fold(Evaluation::empty(gold.format), Evaluation::add)
}

/// Predicted claims as relations. For PolNeAR, claims sharing a cue and a source become
/// one relation with several content pieces, as PolNeAR annotates one relation per cue.
#[must_use]
pub fn predictions(format: GoldFormat, claims: &[Claim]) -> Vec<Relation> {
    let mut relations: Vec<Relation> = Vec::with_capacity(claims.len());
    for (i, claim) in claims.iter().enumerate() {
        let relation = Relation {
            id: format!("#{i}"),
            kind: claim.kind,
            content: crate::model::content_pieces(claim.content, claim.content_gap),
            source: claim.source.into_iter().collect(),
            cue: claim.cue.into_iter().collect(),
            speaker: claim.speaker.clone(),
            source_type: Some(claim.source_type),
            rule: Some(claim.rule.to_owned()),
        };
        if format == GoldFormat::Polnear && !relation.cue.is_empty() {
            if let Some(same) = relations
                .iter_mut()
                .find(|r| r.cue == relation.cue && r.source == relation.source)
            {
                same.content.extend(crate::model::content_pieces(
                    claim.content,
                    claim.content_gap,
                ));
                same.content.sort_unstable();
                if same.kind != relation.kind {
                    same.kind = ClaimKind::Mixed;
                }
                continue;
            }
        }
        relations.push(relation);
    }
    relations
}

/// A relation with its spans normalised once.
struct Prepared<'a> {
    relation: &'a Relation,
    roles: [Role; 3],
}

/// One role's spans: untrimmed (joined across edges), trimmed, and covered tokens.
struct Role {
    raw: Vec<Span>,
    trimmed: Vec<Span>,
    tokens: Vec<u32>,
}

const CONTENT: usize = 0;
const SOURCE: usize = 1;
const CUE: usize = 2;

impl<'a> Prepared<'a> {
    fn new(body: &str, tokens: &Tokens, relation: &'a Relation) -> Self {
        let role = |pieces: &[Span]| {
            let trimmed = spans::trim_pieces(body, pieces);
            Role {
                raw: spans::join_pieces(body, pieces),
                tokens: tokens.covered(&trimmed),
                trimmed,
            }
        };
        Self {
            relation,
            roles: [
                role(&relation.content),
                role(&relation.source),
                role(&relation.cue),
            ],
        }
    }

    fn start(&self) -> usize {
        self.roles
            .iter()
            .filter_map(|r| r.raw.first())
            .map(|s| s.start)
            .min()
            .unwrap_or(0)
    }
}

/// Whether `predicted` may match `gold` as a relation, and how much gold content it covers.
fn relation_fit(gold: &Prepared<'_>, predicted: &Prepared<'_>) -> Option<(usize, usize)> {
    let (g, p) = (&gold.roles, &predicted.roles);
    let gold_len = spans::total_len(&g[CONTENT].trimmed);
    let covered = spans::overlap_bytes(&g[CONTENT].trimmed, &p[CONTENT].raw);
    let content_ok = if gold_len == 0 {
        spans::overlap_bytes(&g[CONTENT].raw, &p[CONTENT].raw) > 0
    } else {
        2 * covered >= gold_len
    };
    let source_overlap = spans::overlap_bytes(&g[SOURCE].raw, &p[SOURCE].raw);
    let source_ok = match (g[SOURCE].raw.is_empty(), p[SOURCE].raw.is_empty()) {
        (true, true) => true,
        (false, false) => source_overlap > 0,
        _ => false,
    };
    (content_ok && source_ok).then_some((covered, source_overlap))
}

/// The relations of one article that match, as (gold index, predicted index): each
/// predicted relation covering at least half of a gold content with an overlapping source
/// (or both unattributed), paired one to one, most covered gold content first.
#[must_use]
pub fn relation_pairs(
    body: &str,
    gold: &[Relation],
    predicted: &[Relation],
) -> Vec<(usize, usize)> {
    let tokens = Tokens::new(body);
    let gold: Vec<_> = gold
        .iter()
        .map(|r| Prepared::new(body, &tokens, r))
        .collect();
    let predicted: Vec<_> = predicted
        .iter()
        .map(|r| Prepared::new(body, &tokens, r))
        .collect();
    prepared_pairs(&gold, &predicted)
}

fn prepared_pairs(gold: &[Prepared<'_>], predicted: &[Prepared<'_>]) -> Vec<(usize, usize)> {
    let mut candidates = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in predicted.iter().enumerate() {
            if let Some(score) = relation_fit(g, p) {
                candidates.push((score, gi, pi));
            }
        }
    }
    assign(candidates, gold.len(), predicted.len())
}

/// One-to-one greedy assignment: candidates `(score, gold, predicted)` best first.
fn assign(
    mut candidates: Vec<((usize, usize), usize, usize)>,
    gold: usize,
    predicted: usize,
) -> Vec<(usize, usize)> {
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut gold_used, mut pred_used) = (vec![false; gold], vec![false; predicted]);
    let mut pairs = Vec::new();
    for (_, g, p) in candidates {
        if !gold_used[g] && !pred_used[p] {
            gold_used[g] = true;
            pred_used[p] = true;
            pairs.push((g, p));
        }
    }
    pairs
}

/// Scores one role: each non-empty gold span against each non-empty predicted span.
fn score_role(gold: &[Prepared<'_>], predicted: &[Prepared<'_>], role: usize) -> RoleScores {
    let gold: Vec<(ClaimKind, &Role)> = gold
        .iter()
        .map(|g| (g.relation.kind, &g.roles[role]))
        .filter(|(_, r)| !r.raw.is_empty())
        .collect();
    let predicted: Vec<(ClaimKind, &Role)> = predicted
        .iter()
        .map(|p| (p.relation.kind, &p.roles[role]))
        .filter(|(_, r)| !r.raw.is_empty())
        .collect();
    let mut scores = RoleScores::default();
    for (kind, r) in &gold {
        scores.exact.update(*kind, |t| t.gold += 1);
        scores.raw.update(*kind, |t| t.gold += 1);
        let n = r.tokens.len() as u64;
        scores.overlap.update(*kind, |t| t.gold += n);
    }
    for (kind, r) in &predicted {
        scores.exact.update(*kind, |t| t.predicted += 1);
        scores.raw.update(*kind, |t| t.predicted += 1);
        let n = r.tokens.len() as u64;
        scores.overlap.update(*kind, |t| t.predicted += n);
    }
    for (tally, same) in [
        (
            &mut scores.exact,
            (|a: &Role, b: &Role| a.trimmed == b.trimmed) as fn(&Role, &Role) -> bool,
        ),
        (&mut scores.raw, |a: &Role, b: &Role| a.raw == b.raw),
    ] {
        let mut used = vec![false; predicted.len()];
        for (gold_kind, g) in &gold {
            let found = predicted
                .iter()
                .enumerate()
                .find(|(i, (_, p))| !used[*i] && same(g, p));
            if let Some((i, (pred_kind, _))) = found {
                used[i] = true;
                tally.update(*gold_kind, |t| t.gold_hit += 1);
                tally.update(*pred_kind, |t| t.predicted_hit += 1);
            }
        }
    }
    let mut candidates = Vec::new();
    for (gi, (_, g)) in gold.iter().enumerate() {
        for (pi, (_, p)) in predicted.iter().enumerate() {
            let n = spans::shared(&g.tokens, &p.tokens);
            if n > 0 {
                candidates.push(((n, 0), gi, pi));
            }
        }
    }
    for (gi, pi) in assign(candidates, gold.len(), predicted.len()) {
        let n = spans::shared(&gold[gi].1.tokens, &predicted[pi].1.tokens) as u64;
        scores.overlap.update(gold[gi].0, |t| t.gold_hit += n);
        scores
            .overlap
            .update(predicted[pi].0, |t| t.predicted_hit += n);
    }
    scores
}

/// How a predicted speaker compares with the gold one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerMatch {
    /// The same name after normalisation.
    Exact,
    /// All words of the shorter name are in the longer one and both end in the same word:
    /// "Clinton" for "Hillary Clinton", "Post" for "New York Post".
    Partial,
    Wrong,
}

/// The words of a speaker name for comparison: lowercase, curly apostrophes made straight,
/// punctuation other than apostrophes and hyphens dropped, and a leading "the" and
/// honorifics (Mr, Mrs, Ms, Miss, Dr, Sen, Rep, Gov, Gen, Sir) removed.
fn speaker_words(name: &str) -> Vec<String> {
    const HONORIFICS: &[&str] = &[
        "mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "gen", "sir",
    ];
    let cleaned: String = name
        .chars()
        .map(|c| match c {
            '’' | '‘' => '\'',
            c if c.is_alphanumeric() || c == '\'' || c == '-' => c,
            _ => ' ',
        })
        .collect::<String>()
        .to_lowercase();
    let mut words: Vec<String> = cleaned.split_whitespace().map(str::to_owned).collect();
    if words.first().is_some_and(|w| w == "the") {
        words.remove(0);
    }
    words.retain(|w| !HONORIFICS.contains(&w.as_str()));
    words
}

/// Compares a predicted speaker with a gold speaker; see [`SpeakerMatch`].
#[must_use]
pub fn speaker_match(gold: &str, predicted: Option<&str>) -> SpeakerMatch {
    let Some(predicted) = predicted else {
        return SpeakerMatch::Wrong;
    };
    let (g, p) = (speaker_words(gold), speaker_words(predicted));
    if g.is_empty() || p.is_empty() {
        return SpeakerMatch::Wrong;
    }
    if g == p {
        return SpeakerMatch::Exact;
    }
    let (short, long) = if g.len() <= p.len() {
        (&g, &p)
    } else {
        (&p, &g)
    };
    if short.last() == long.last() && short.iter().all(|w| long.contains(w)) {
        SpeakerMatch::Partial
    } else {
        SpeakerMatch::Wrong
    }
}

/// The length of a sentence end at the start of `rest`: `.`, `?` or `!`, an optional closing
/// quotation mark or parenthesis, then whitespace or the end of the text.
fn terminal_len(rest: &str) -> Option<usize> {
    let mut chars = rest.char_indices();
    if !matches!(chars.next()?.1, '.' | '?' | '!') {
        return None;
    }
    let mut len = 1;
    let mut next = chars.next();
    if let Some((i, c)) = next {
        if matches!(c, '"' | '\'' | '”' | '’' | ')') {
            len = i + c.len_utf8();
            next = chars.next();
        }
    }
    match next {
        None => Some(len),
        Some((_, c)) if c.is_whitespace() => Some(len),
        Some(_) => None,
    }
}

fn floor_boundary(body: &str, mut i: usize) -> usize {
    while !body.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The sentence (or sentences) around `[start, end)`: back to the previous sentence end or
/// line break and on to the next, at most 300 bytes each way, whitespace collapsed.
#[must_use]
pub fn sentence_around(body: &str, start: usize, end: usize) -> String {
    const REACH: usize = 300;
    let low = floor_boundary(body, start.saturating_sub(REACH));
    let mut from = low;
    for (i, c) in body[low..start].char_indices() {
        let at = low + i;
        if c == '\n' {
            from = at + 1;
        } else if let Some(len) = terminal_len(&body[at..]) {
            if at + len <= start {
                from = at + len;
            }
        }
    }
    // Scan from a little before the end, so a span ending in "." or ".”" ends its sentence.
    let scan = floor_boundary(body, end.saturating_sub(4).max(from));
    let limit = floor_boundary(body, (end + REACH).min(body.len()));
    let mut to = limit;
    for (i, c) in body[scan..limit].char_indices() {
        let at = scan + i;
        if c == '\n' && at >= end {
            to = at;
            break;
        }
        if let Some(len) = terminal_len(&body[at..]) {
            if at + len >= end {
                to = at + len;
                break;
            }
        }
    }
    body[from..to.max(from)]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn relation_text(body: &str, relation: &Relation) -> RelationText {
    let join = |pieces: &[Span]| -> Option<String> {
        (!pieces.is_empty()).then(|| {
            pieces
                .iter()
                .map(|p| p.slice(body))
                .collect::<Vec<_>>()
                .join(" … ")
        })
    };
    RelationText {
        id: relation.id.clone(),
        kind: relation.kind,
        content: join(&relation.content).unwrap_or_default(),
        source: join(&relation.source),
        cue: join(&relation.cue),
        speaker: relation.speaker.clone(),
        source_type: relation.source_type,
        rule: relation.rule.clone(),
    }
}

fn context(body: &str, relations: &[&Prepared<'_>]) -> String {
    let pieces = relations
        .iter()
        .flat_map(|r| r.roles.iter())
        .flat_map(|r| r.raw.iter());
    let start = pieces.clone().map(|s| s.start).min().unwrap_or(0);
    let end = pieces.map(|s| s.end).max().unwrap_or(0);
    sentence_around(body, start, end)
}

/// Scores one article's predicted claims against its gold relations.
#[must_use]
pub fn score_article(
    format: GoldFormat,
    gold: &GoldArticle,
    claims: &[Claim],
    with_errors: bool,
) -> Evaluation {
    let body = &gold.article.body;
    let tokens = Tokens::new(body);
    let predicted_relations = predictions(format, claims);
    let gold_prepared: Vec<Prepared<'_>> = gold
        .relations
        .iter()
        .map(|r| Prepared::new(body, &tokens, r))
        .collect();
    let predicted: Vec<Prepared<'_>> = predicted_relations
        .iter()
        .map(|r| Prepared::new(body, &tokens, r))
        .collect();

    let mut eval = Evaluation::empty(format);
    eval.articles = 1;
    eval.gold_relations = gold_prepared.len();
    eval.predicted_claims = claims.len();
    eval.predicted_relations = predicted.len();
    eval.content = score_role(&gold_prepared, &predicted, CONTENT);
    eval.source = score_role(&gold_prepared, &predicted, SOURCE);
    eval.cue = score_role(&gold_prepared, &predicted, CUE);

    let pairs = prepared_pairs(&gold_prepared, &predicted);
    for g in &gold_prepared {
        eval.relation.update(g.relation.kind, |t| t.gold += 1);
    }
    for p in &predicted {
        eval.relation.update(p.relation.kind, |t| t.predicted += 1);
    }
    let mut mistakes = Vec::new();
    for &(gi, pi) in &pairs {
        let (g, p) = (&gold_prepared[gi], &predicted[pi]);
        eval.relation.update(g.relation.kind, |t| t.gold_hit += 1);
        eval.relation
            .update(p.relation.kind, |t| t.predicted_hit += 1);
        eval.kind.total += 1;
        eval.kind.correct += u64::from(g.relation.kind == p.relation.kind);
        let mut attribution_wrong = false;
        if let Some(gold_type) = g.relation.source_type {
            let right = p.relation.source_type == Some(gold_type);
            eval.source_type.total += 1;
            eval.source_type.correct += u64::from(right);
            attribution_wrong |= !right;
        }
        if let Some(gold_speaker) = &g.relation.speaker {
            eval.speaker.total += 1;
            match speaker_match(gold_speaker, p.relation.speaker.as_deref()) {
                SpeakerMatch::Exact => eval.speaker.exact += 1,
                SpeakerMatch::Partial => {
                    eval.speaker.partial += 1;
                    attribution_wrong = true;
                }
                SpeakerMatch::Wrong => attribution_wrong = true,
            }
        }
        if with_errors && attribution_wrong {
            mistakes.push(Mistake {
                what: MistakeKind::Speaker,
                offset: g.start(),
                gold: Some(relation_text(body, g.relation)),
                predicted: Some(relation_text(body, p.relation)),
                sentence: context(body, &[g, p]),
            });
        }
        let boundary = g
            .roles
            .iter()
            .zip(&p.roles)
            .any(|(a, b)| a.trimmed != b.trimmed);
        if with_errors && boundary {
            mistakes.push(Mistake {
                what: MistakeKind::Boundary,
                offset: g.start(),
                gold: Some(relation_text(body, g.relation)),
                predicted: Some(relation_text(body, p.relation)),
                sentence: context(body, &[g, p]),
            });
        }
    }
    if with_errors {
        for (gi, g) in gold_prepared.iter().enumerate() {
            if !pairs.iter().any(|&(m, _)| m == gi) {
                mistakes.push(Mistake {
                    what: MistakeKind::Missed,
                    offset: g.start(),
                    gold: Some(relation_text(body, g.relation)),
                    predicted: None,
                    sentence: context(body, &[g]),
                });
            }
        }
        for (pi, p) in predicted.iter().enumerate() {
            if !pairs.iter().any(|&(_, m)| m == pi) {
                mistakes.push(Mistake {
                    what: MistakeKind::FalsePositive,
                    offset: p.start(),
                    gold: None,
                    predicted: Some(relation_text(body, p.relation)),
                    sentence: context(body, &[p]),
                });
            }
        }
        mistakes.sort_by_key(|m| m.offset);
        if !mistakes.is_empty() {
            eval.mistakes.push(ArticleMistakes {
                article: gold.name.clone(),
                mistakes,
            });
        }
    }
    eval
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Reliability;

    fn span(body: &str, needle: &str) -> Span {
        let start = body
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in body"));
        Span::new(start, start + needle.len())
    }

    fn spans_of(body: &str, needles: &[&str]) -> Vec<Span> {
        needles.iter().map(|n| span(body, n)).collect()
    }

    /// A relation from needles: content pieces, optional source and cue.
    fn gold_rel(
        body: &str,
        kind: ClaimKind,
        content: &[&str],
        source: &[&str],
        cue: &[&str],
    ) -> Relation {
        Relation {
            id: format!("E{content:?}"),
            kind,
            content: spans_of(body, content),
            source: spans_of(body, source),
            cue: spans_of(body, cue),
            speaker: None,
            source_type: None,
            rule: None,
        }
    }

    fn claim(
        body: &str,
        kind: ClaimKind,
        content: &str,
        source: Option<&str>,
        cue: Option<&str>,
    ) -> Claim {
        Claim {
            kind,
            content: span(body, content),
            content_gap: None,
            cue: cue.map(|c| span(body, c)),
            source: source.map(|s| span(body, s)),
            speaker: None,
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
            rule: "test",
        }
    }

    fn article(body: &str, relations: Vec<Relation>) -> GoldArticle {
        GoldArticle {
            name: String::from("a"),
            ann: None,
            article: Article::from_text(body),
            relations,
        }
    }

    const BODY: &str = "Smith said that the talks failed badly on Monday. \
                        “We will win,” Jones said. There was speculation the deal was dead.";

    fn gold_body() -> GoldArticle {
        let b = BODY;
        article(
            b,
            vec![
                gold_rel(
                    b,
                    ClaimKind::Indirect,
                    &["that the talks failed badly on Monday"],
                    &["Smith"],
                    &["said"],
                ),
                gold_rel(
                    b,
                    ClaimKind::Direct,
                    &["“We will win,”"],
                    &["Jones"],
                    &["said."],
                ),
                gold_rel(
                    b,
                    ClaimKind::Unattributed,
                    &["the deal was dead"],
                    &[],
                    &["There was speculation"],
                ),
            ],
        )
    }

    #[track_caller]
    fn relation_case(claims: &[Claim], gold_hit: u64, predicted: u64) {
        let eval = score_article(GoldFormat::Polnear, &gold_body(), claims, false);
        assert_eq!(eval.relation.all.gold, 3);
        assert_eq!(eval.relation.all.gold_hit, gold_hit, "gold matched");
        assert_eq!(eval.relation.all.predicted, predicted, "predicted");
        assert_eq!(
            eval.relation.all.predicted_hit, gold_hit,
            "predicted matched"
        );
    }

    #[test]
    fn relation_matching_follows_half_content_and_source_overlap() {
        use ClaimKind::*;
        let b = BODY;
        // Half of the gold content is enough ("the talks failed badly" is 22 of 37 bytes).
        relation_case(
            &[claim(
                b,
                Indirect,
                "the talks failed badly",
                Some("Smith"),
                Some("said"),
            )],
            1,
            1,
        );
        // Less than half is not ("the talks" is 9 of 37).
        relation_case(
            &[claim(b, Indirect, "the talks", Some("Smith"), Some("said"))],
            0,
            1,
        );
        // The source must overlap the gold source.
        relation_case(
            &[claim(
                b,
                Indirect,
                "the talks failed badly on Monday",
                Some("Jones"),
                Some("said"),
            )],
            0,
            1,
        );
        // A partial source overlap counts.
        relation_case(
            &[claim(
                b,
                Indirect,
                "the talks failed badly on Monday",
                Some("Smi"),
                None,
            )],
            1,
            1,
        );
        // Unattributed matches unattributed only.
        relation_case(
            &[claim(b, Unattributed, "the deal was dead", None, None)],
            1,
            1,
        );
        relation_case(
            &[claim(
                b,
                Unattributed,
                "the talks failed badly on Monday",
                None,
                None,
            )],
            0,
            1,
        );
        // One-to-one: a duplicate prediction is a false positive.
        relation_case(
            &[
                claim(b, Direct, "We will win", Some("Jones"), Some("said")),
                claim(b, Direct, "We will win,", Some("Jones"), None),
            ],
            1,
            2,
        );
    }

    #[test]
    fn exact_raw_and_overlap_span_scores() {
        use ClaimKind::*;
        let b = BODY;
        let claims = [
            claim(
                b,
                Indirect,
                "the talks failed badly on Monday",
                Some("Smith"),
                Some("said"),
            ),
            claim(b, Direct, "We will win", Some("Jones said"), Some(" said.")),
        ];
        let eval = score_article(GoldFormat::Polnear, &gold_body(), &claims, false);
        // Content: both equal after trimming; neither is raw-equal.
        assert_eq!(
            eval.content.exact.all,
            Tally {
                gold: 3,
                predicted: 2,
                gold_hit: 2,
                predicted_hit: 2
            }
        );
        assert_eq!(eval.content.raw.all.gold_hit, 0);
        // Source: "Smith" exact; "Jones said" only overlaps.
        assert_eq!(
            eval.source.exact.all,
            Tally {
                gold: 2,
                predicted: 2,
                gold_hit: 1,
                predicted_hit: 1
            }
        );
        // Overlap tokens: Smith (1 of 1) + Jones (1 of Jones, said = 2) => 2 shared,
        // gold 2 tokens, predicted 3 tokens.
        assert_eq!(
            eval.source.overlap.all,
            Tally {
                gold: 2,
                predicted: 3,
                gold_hit: 2,
                predicted_hit: 2
            }
        );
        // Cue " said." trims to "said": exact but not raw; the first cue is raw-equal too.
        assert_eq!(eval.cue.exact.all.gold_hit, 2);
        assert_eq!(eval.cue.raw.all.gold_hit, 1);
        // Content overlap: gold tokens 6 (the talks failed badly on Monday) + 3 (We will win)
        // + 4 (the deal was dead); predicted covers 6 + 3.
        assert_eq!(
            eval.content.overlap.all,
            Tally {
                gold: 13,
                predicted: 9,
                gold_hit: 9,
                predicted_hit: 9
            }
        );
    }

    #[test]
    fn kinds_split_recall_by_gold_kind_and_precision_by_predicted_kind() {
        let b = BODY;
        // The direct gold quote found but labelled mixed.
        let claims = [claim(
            b,
            ClaimKind::Mixed,
            "We will win",
            Some("Jones"),
            Some("said"),
        )];
        let eval = score_article(GoldFormat::Polnear, &gold_body(), &claims, false);
        let direct = eval.relation.kind(ClaimKind::Direct);
        let mixed = eval.relation.kind(ClaimKind::Mixed);
        assert_eq!((direct.gold, direct.gold_hit, direct.predicted), (1, 1, 0));
        assert_eq!(
            (mixed.gold, mixed.predicted, mixed.predicted_hit),
            (0, 1, 1)
        );
        assert_eq!(
            eval.kind,
            Accuracy {
                total: 1,
                correct: 0
            }
        );
        assert!((eval.relation.all.precision() - 100.0).abs() < 1e-9);
    }

    #[test]
    fn split_quotes_join_into_one_relation_for_polnear_only() {
        let b = "“We will win,” Jones said, “and soon.”";
        let gold = article(
            b,
            vec![gold_rel(
                b,
                ClaimKind::Direct,
                &["“We will win,”", "“and soon.”"],
                &["Jones"],
                &["said"],
            )],
        );
        let claims = [
            claim(
                b,
                ClaimKind::Direct,
                "We will win",
                Some("Jones"),
                Some("said"),
            ),
            claim(
                b,
                ClaimKind::Direct,
                "and soon",
                Some("Jones"),
                Some("said"),
            ),
        ];
        let eval = score_article(GoldFormat::Polnear, &gold, &claims, false);
        assert_eq!(eval.predicted_claims, 2);
        assert_eq!(eval.predicted_relations, 1);
        assert_eq!(eval.content.exact.all.gold_hit, 1);
        assert_eq!(eval.relation.all.gold_hit, 1);
        let eval = score_article(GoldFormat::Jsonl, &gold, &claims, false);
        assert_eq!(eval.predicted_relations, 2);
        assert_eq!(eval.content.exact.all.gold_hit, 0);
    }

    #[test]
    fn a_claim_with_a_gap_is_scored_by_its_pieces() {
        let b = "The economy, she said, is recovering.";
        let gold = article(
            b,
            vec![gold_rel(
                b,
                ClaimKind::Indirect,
                &["The economy", "is recovering"],
                &["she"],
                &["said"],
            )],
        );
        let mut whole = claim(
            b,
            ClaimKind::Indirect,
            "The economy, she said, is recovering",
            Some("she"),
            Some("said"),
        );
        let eval = score_article(GoldFormat::Polnear, &gold, &[whole.clone()], false);
        assert_eq!(eval.relation.all.gold_hit, 1);
        assert_eq!(eval.content.exact.all.gold_hit, 0);
        whole.content_gap = Some(span(b, " she said, "));
        for format in [GoldFormat::Polnear, GoldFormat::Jsonl] {
            let eval = score_article(format, &gold, &[whole.clone()], false);
            assert_eq!(eval.relation.all.gold_hit, 1);
            assert_eq!(eval.content.exact.all.gold_hit, 1);
            assert_eq!(eval.content.exact.all.predicted_hit, 1);
        }
    }

    #[test]
    fn tally_arithmetic() {
        let t = Tally {
            gold: 10,
            predicted: 8,
            gold_hit: 6,
            predicted_hit: 4,
        };
        assert!((t.precision() - 50.0).abs() < 1e-9);
        assert!((t.recall() - 60.0).abs() < 1e-9);
        assert!((t.f1() - 2.0 * 50.0 * 60.0 / 110.0).abs() < 1e-9);
        let empty = Tally::default();
        assert_eq!(
            (empty.precision(), empty.recall(), empty.f1()),
            (0.0, 0.0, 0.0)
        );
    }

    #[test]
    fn evaluation_sums_articles() {
        let gold = GoldSet {
            format: GoldFormat::Polnear,
            articles: vec![gold_body(), gold_body()],
        };
        let extract = |a: &Article| Extraction {
            claims: vec![claim(
                &a.body,
                ClaimKind::Unattributed,
                "the deal was dead",
                None,
                None,
            )],
            speakers: Vec::new(),
        };
        let eval = evaluate(&gold, &extract, true);
        assert_eq!(
            (eval.articles, eval.gold_relations, eval.predicted_claims),
            (2, 6, 2)
        );
        assert_eq!(eval.relation.all.gold_hit, 2);
        assert!((eval.relation.all.recall() - 100.0 / 3.0).abs() < 1e-9);
        // Each article: two misses and a boundary error (the cue was not predicted).
        assert_eq!(eval.mistakes.len(), 2);
        let whats: Vec<MistakeKind> = eval.mistakes[0].mistakes.iter().map(|m| m.what).collect();
        assert_eq!(
            whats,
            [
                MistakeKind::Missed,
                MistakeKind::Missed,
                MistakeKind::Boundary
            ]
        );
        assert_eq!(
            eval.mistakes[0].mistakes[1].sentence,
            "“We will win,” Jones said."
        );
    }

    #[test]
    fn source_type_and_speaker_accuracy_on_matched_relations() {
        use ClaimKind::*;
        let b = BODY;
        let mut gold = gold_body();
        for (relation, (speaker, source_type)) in gold.relations.iter_mut().zip([
            (Some("Ann Smith"), SourceType::NamedOfficial),
            (Some("Bo Jones"), SourceType::NamedPerson),
            (None, SourceType::Unattributed),
        ]) {
            relation.speaker = speaker.map(str::to_owned);
            relation.source_type = Some(source_type);
        }
        let with = |mut c: Claim, speaker: Option<&str>, t: SourceType| {
            c.speaker = speaker.map(str::to_owned);
            c.source_type = t;
            c
        };
        let claims = [
            // Right type, surname only: partial speaker.
            with(
                claim(
                    b,
                    Indirect,
                    "the talks failed badly on Monday",
                    Some("Smith"),
                    Some("said"),
                ),
                Some("Smith"),
                SourceType::NamedOfficial,
            ),
            // Wrong type, right speaker.
            with(
                claim(b, Direct, "We will win", Some("Jones"), None),
                Some("bo  jones"),
                SourceType::Anonymous,
            ),
            // Right type; gold has no speaker, so no speaker judgement.
            with(
                claim(b, Unattributed, "the deal was dead", None, None),
                None,
                SourceType::Unattributed,
            ),
        ];
        let eval = score_article(GoldFormat::Jsonl, &gold, &claims, true);
        assert_eq!(
            eval.source_type,
            Accuracy {
                total: 3,
                correct: 2
            }
        );
        assert_eq!(
            eval.speaker,
            SpeakerAccuracy {
                total: 2,
                exact: 1,
                partial: 1
            }
        );
        let speaker_errors: Vec<&str> = eval.mistakes[0]
            .mistakes
            .iter()
            .filter(|m| m.what == MistakeKind::Speaker)
            .map(|m| m.gold.as_ref().unwrap().speaker.as_deref().unwrap())
            .collect();
        assert_eq!(speaker_errors, ["Ann Smith", "Bo Jones"]);
    }

    #[track_caller]
    fn speaker_case(gold: &str, predicted: Option<&str>, expected: SpeakerMatch) {
        assert_eq!(
            speaker_match(gold, predicted),
            expected,
            "{gold:?} vs {predicted:?}"
        );
    }

    #[test]
    fn speaker_comparison() {
        use SpeakerMatch::*;
        speaker_case("Hillary Clinton", Some("hillary  clinton"), Exact);
        speaker_case(
            "Gary Johnson’s doctor",
            Some("Gary Johnson's doctor"),
            Exact,
        );
        speaker_case("Mike Pence", Some("Gov. Mike Pence"), Exact);
        speaker_case("New York Post", Some("The New York Post"), Exact);
        speaker_case("Hillary Clinton", Some("Clinton"), Partial);
        speaker_case("Clinton", Some("Hillary Rodham Clinton"), Partial);
        speaker_case("Hillary Clinton", Some("Bill Clinton"), Wrong);
        speaker_case("Hillary Clinton", Some("Hillary"), Wrong);
        speaker_case("Hillary Clinton", None, Wrong);
        speaker_case("Hillary Clinton", Some(""), Wrong);
    }

    #[track_caller]
    fn sentence_case(body: &str, needle: &str, expected: &str) {
        let s = span(body, needle);
        assert_eq!(sentence_around(body, s.start, s.end), expected);
    }

    #[test]
    fn sentences_around_spans() {
        let body = "First one. Mr Smith said “yes.” Then more.\nNew line here.";
        sentence_case(body, "said", "Mr Smith said “yes.”");
        sentence_case(body, "First", "First one.");
        sentence_case(body, "line", "New line here.");
        sentence_case(body, "yes.” Then", "Mr Smith said “yes.” Then more.");
    }
}
