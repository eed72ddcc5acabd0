//! Every read query: claims with filters, speakers, articles, and the candidates for
//! corroboration. Queries are parameterised (never formatted with user input) and each
//! row type has one mapping function.

use std::collections::BTreeSet;
use std::str::FromStr;

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter};

use crate::model::{ClaimKind, Reliability, SourceType, Span, SpanText};
use crate::reliability::{self, Corroboration};
use crate::store::speakers::names;

/// A speaker's id and display name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerRef {
    pub id: i64,
    pub name: String,
}

fn speaker_ref(r: &Row<'_>) -> rusqlite::Result<SpeakerRef> {
    Ok(SpeakerRef {
        id: r.get(0)?,
        name: r.get(1)?,
    })
}

fn parsed<T: FromStr<Err = String>>(r: &Row<'_>, idx: usize) -> rusqlite::Result<T> {
    let text: String = r.get(idx)?;
    text.parse().map_err(|e: String| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, e.into())
    })
}

/// The speakers a user means by `text`, alias-aware: `#12` is speaker 12; otherwise the
/// speakers whose name matches (without honorifics and titles, agencies by canonical
/// name), else those with a matching alias, else, for one word, those with that surname.
pub fn find_speakers(conn: &Connection, text: &str) -> rusqlite::Result<Vec<SpeakerRef>> {
    if let Some(id) = text
        .trim()
        .strip_prefix('#')
        .and_then(|n| n.parse::<i64>().ok())
    {
        return conn
            .prepare_cached("SELECT id, name FROM speakers WHERE id = ?1")?
            .query_map([id], speaker_ref)?
            .collect();
    }
    let person = names::person_norm(text);
    let plain = names::simple_norm(text);
    let body = names::simple_norm(&names::canonical_body_name(text));
    let keys = params![person, plain, body];
    let by_name: Vec<SpeakerRef> = conn
        .prepare_cached("SELECT id, name FROM speakers WHERE norm IN (?1, ?2, ?3) ORDER BY id")?
        .query_map(keys, speaker_ref)?
        .collect::<rusqlite::Result<_>>()?;
    if !by_name.is_empty() {
        return Ok(by_name);
    }
    let by_alias: Vec<SpeakerRef> = conn
        .prepare_cached(
            "SELECT DISTINCT s.id, s.name FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id
             WHERE a.norm IN (?1, ?2, ?3) ORDER BY s.id",
        )?
        .query_map(keys, speaker_ref)?
        .collect::<rusqlite::Result<_>>()?;
    if !by_alias.is_empty() || person.is_empty() || person.contains(' ') {
        return Ok(by_alias);
    }
    by_surname(conn, &person)
}

fn by_surname(conn: &Connection, surname: &str) -> rusqlite::Result<Vec<SpeakerRef>> {
    conn.prepare_cached("SELECT id, name FROM speakers WHERE surname = ?1 ORDER BY id")?
        .query_map([surname], speaker_ref)?
        .collect()
}

/// Every speaker a reader may mean by `text` when selecting claims: those
/// [`find_speakers`] finds, and for one word also every speaker of that surname ("Varga"
/// is every Varga, including one never called just "Varga" in an article).
pub fn speakers_for_claims(conn: &Connection, text: &str) -> rusqlite::Result<Vec<SpeakerRef>> {
    let mut found = find_speakers(conn, text)?;
    let person = names::person_norm(text);
    if person.is_empty() || person.contains(' ') || text.trim().starts_with('#') {
        return Ok(found);
    }
    for s in by_surname(conn, &person)? {
        if !found.iter().any(|f| f.id == s.id) {
            found.push(s);
        }
    }
    found.sort_by_key(|s| s.id);
    Ok(found)
}

/// How claims are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimOrder {
    /// Article id, then position in the article.
    Article,
    /// Statement date, else publication date; undated last.
    Date,
    /// Speaker name; unattributed last.
    Speaker,
    /// Best full-text match first (bm25), with a search; else as `Article`.
    Relevance,
}

/// Filters for [`claims`]; `None` means no filter.
#[derive(Debug, Clone, Default)]
pub struct ClaimFilter {
    /// Speaker ids (one user name can mean several speakers).
    pub speakers: Option<Vec<i64>>,
    pub source_type: Option<SourceType>,
    pub kind: Option<ClaimKind>,
    pub article: Option<i64>,
    /// ISO dates, inclusive, on the statement date or else the publication date.
    pub since: Option<String>,
    pub until: Option<String>,
    /// Exact, case-insensitive.
    pub outlet: Option<String>,
    pub author: Option<String>,
    /// An FTS5 query, already made safe (see `report::search_query`).
    pub search: Option<String>,
    pub order: Option<ClaimOrder>,
    pub limit: Option<usize>,
}

/// One stored claim with its article's metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRow {
    pub id: i64,
    pub article_id: i64,
    pub article_title: Option<String>,
    pub published: Option<String>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub ordinal: i64,
    pub kind: ClaimKind,
    /// The content's extent; `text` leaves out the gap (see [`crate::model::content_text`]).
    pub content: SpanText,
    /// The attribution inside the content, when it interrupts the claim.
    pub content_gap: Option<Span>,
    pub cue: Option<SpanText>,
    pub source: Option<SpanText>,
    pub speaker_id: Option<i64>,
    /// The speaker's current name (after identity resolution and corrections).
    pub speaker: Option<String>,
    /// Whether the speaker is shared across articles (not an anonymous source).
    pub speaker_shared: bool,
    pub source_type: SourceType,
    pub title: Option<String>,
    pub affiliation: Option<String>,
    pub channel: Option<String>,
    pub anonymity_reason: Option<String>,
    pub stated_on: Option<String>,
    /// The reliability stored at extraction time (without corroboration).
    pub stored_reliability: Reliability,
    pub rule: String,
    /// The content with the words matching `--search` in brackets.
    pub highlighted: Option<String>,
}

impl ClaimRow {
    /// The statement date, else the publication date.
    #[must_use]
    pub fn date(&self) -> Option<&str> {
        self.stated_on.as_deref().or(self.published.as_deref())
    }
}

fn span_text(r: &Row<'_>, start: usize) -> rusqlite::Result<Option<SpanText>> {
    let begin: Option<i64> = r.get(start)?;
    let end: Option<i64> = r.get(start + 1)?;
    let text: Option<String> = r.get(start + 2)?;
    Ok(match (begin, end, text) {
        (Some(b), Some(e), Some(text)) => Some(SpanText {
            text,
            start: b as usize,
            end: e as usize,
        }),
        _ => None,
    })
}

const CLAIM_COLUMNS: &str = "SELECT c.id, c.article_id, a.title, a.published, a.author, a.outlet,
    c.ordinal, c.kind, c.content_start, c.content_end, c.content_text,
    c.cue_start, c.cue_end, c.cue_text, c.source_start, c.source_end, c.source_text,
    c.speaker_id, coalesce(s.name, c.speaker_name), s.article_id IS NULL AND s.id IS NOT NULL,
    c.source_type, c.title, c.affiliation, c.channel, c.anonymity_reason, c.stated_on,
    c.reliability, c.reliability_label, c.reliability_factors, c.rule,
    c.content_gap_start, c.content_gap_end";

fn claim_row(r: &Row<'_>) -> rusqlite::Result<ClaimRow> {
    let factors: String = r.get(28)?;
    Ok(ClaimRow {
        id: r.get(0)?,
        article_id: r.get(1)?,
        article_title: r.get(2)?,
        published: r.get(3)?,
        author: r.get(4)?,
        outlet: r.get(5)?,
        ordinal: r.get(6)?,
        kind: parsed(r, 7)?,
        content: span_text(r, 8)?.unwrap_or(SpanText {
            text: String::new(),
            start: 0,
            end: 0,
        }),
        cue: span_text(r, 11)?,
        source: span_text(r, 14)?,
        speaker_id: r.get(17)?,
        speaker: r.get(18)?,
        speaker_shared: r.get(19)?,
        source_type: parsed(r, 20)?,
        title: r.get(21)?,
        affiliation: r.get(22)?,
        channel: r.get(23)?,
        anonymity_reason: r.get(24)?,
        stated_on: r.get(25)?,
        stored_reliability: Reliability {
            score: r.get(26)?,
            label: r.get(27)?,
            factors: serde_json::from_str(&factors).unwrap_or_default(),
        },
        rule: r.get(29)?,
        content_gap: match (r.get::<_, Option<i64>>(30)?, r.get::<_, Option<i64>>(31)?) {
            (Some(start), Some(end)) if 0 <= start && start <= end => {
                Some(Span::new(start as usize, end as usize))
            }
            _ => None,
        },
        highlighted: r.get(32)?,
    })
}

/// Claims matching `filter`, in its order.
pub fn claims(conn: &Connection, filter: &ClaimFilter) -> rusqlite::Result<Vec<ClaimRow>> {
    let mut sql = String::from(CLAIM_COLUMNS);
    let mut args: Vec<Value> = Vec::new();
    let mut conditions: Vec<String> = Vec::new();
    let order = match filter.order.unwrap_or(ClaimOrder::Article) {
        ClaimOrder::Relevance if filter.search.is_none() => ClaimOrder::Article,
        order => order,
    };
    if let Some(search) = &filter.search {
        // The best matches of a search alone are picked inside the full-text index
        // ([`best_matches`]), so a common word costs one pass over its posting list
        // instead of a join and a sort of every match.
        let only_search = filter.speakers.is_none()
            && filter.source_type.is_none()
            && filter.kind.is_none()
            && filter.article.is_none()
            && filter.since.is_none()
            && filter.until.is_none()
            && filter.outlet.is_none()
            && filter.author.is_none();
        match filter.limit {
            Some(limit) if only_search && order == ClaimOrder::Relevance => {
                let best = best_matches(conn, search, limit)?;
                if best.is_empty() {
                    return Ok(Vec::new());
                }
                sql.push_str(
                    ", NULL FROM (SELECT j.value ->> 0 AS id, j.value ->> 1 AS score
                       FROM json_each(?) j) f JOIN claims c ON c.id = f.id",
                );
                args.push(Value::Text(serde_json::to_string(&best).map_err(|e| {
                    rusqlite::Error::ToSqlConversionFailure(Box::new(e))
                })?));
            }
            _ => {
                sql.push_str(
                    ", NULL FROM (SELECT rowid AS id, bm25(claims_fts) AS score FROM claims_fts
                       WHERE claims_fts MATCH ?) f JOIN claims c ON c.id = f.id",
                );
                args.push(Value::Text(search.clone()));
            }
        }
    } else {
        sql.push_str(", NULL FROM claims c");
    }
    sql.push_str(
        " JOIN articles a ON a.id = c.article_id LEFT JOIN speakers s ON s.id = c.speaker_id",
    );
    if let Some(ids) = &filter.speakers {
        // Plain placeholders (not json_each) so the planner walks the
        // (speaker_id, article_id, ordinal) index in order and stops at the limit.
        let marks = vec!["?"; ids.len()].join(", ");
        conditions.push(format!("c.speaker_id IN ({marks})"));
        args.extend(ids.iter().map(|id| Value::Integer(*id)));
    }
    if let Some(t) = filter.source_type {
        conditions.push(String::from("c.source_type = ?"));
        args.push(Value::Text(t.as_str().to_owned()));
    }
    if let Some(k) = filter.kind {
        conditions.push(String::from("c.kind = ?"));
        args.push(Value::Text(k.as_str().to_owned()));
    }
    if let Some(id) = filter.article {
        conditions.push(String::from("c.article_id = ?"));
        args.push(Value::Integer(id));
    }
    if let Some(since) = &filter.since {
        conditions.push(String::from("coalesce(c.stated_on, a.published) >= ?"));
        args.push(Value::Text(since.clone()));
    }
    if let Some(until) = &filter.until {
        conditions.push(String::from("coalesce(c.stated_on, a.published) <= ?"));
        args.push(Value::Text(until.clone()));
    }
    if let Some(outlet) = &filter.outlet {
        conditions.push(String::from("a.outlet = ? COLLATE NOCASE"));
        args.push(Value::Text(outlet.clone()));
    }
    if let Some(author) = &filter.author {
        conditions.push(String::from("a.author = ? COLLATE NOCASE"));
        args.push(Value::Text(author.clone()));
    }
    for (i, condition) in conditions.iter().enumerate() {
        sql.push_str(if i == 0 { " WHERE " } else { " AND " });
        sql.push_str(condition);
    }
    sql.push_str(match order {
        ClaimOrder::Article => " ORDER BY c.article_id, c.ordinal",
        ClaimOrder::Relevance => " ORDER BY f.score, c.id",
        ClaimOrder::Date => {
            " ORDER BY coalesce(c.stated_on, a.published) IS NULL,
               coalesce(c.stated_on, a.published), c.article_id, c.ordinal"
        }
        ClaimOrder::Speaker => {
            " ORDER BY coalesce(s.name, c.speaker_name) IS NULL,
               coalesce(s.name, c.speaker_name) COLLATE NOCASE, c.article_id, c.ordinal"
        }
    });
    if let Some(limit) = filter.limit {
        sql.push_str(" LIMIT ?");
        args.push(Value::Integer(limit as i64));
    }
    let mut rows: Vec<ClaimRow> = conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(args), claim_row)?
        .collect::<rusqlite::Result<_>>()?;
    if let Some(search) = &filter.search {
        // Marked only for the rows returned: highlight() in the query itself would run
        // for every match before the sort and the limit.
        let mut marked = conn.prepare_cached(
            "SELECT highlight(claims_fts, 0, '[', ']') FROM claims_fts
             WHERE claims_fts MATCH ?1 AND rowid = ?2",
        )?;
        for row in &mut rows {
            row.highlighted = marked
                .query_row(params![search, row.id], |r| r.get(0))
                .optional()?;
        }
    }
    Ok(rows)
}

/// Searches matching at least this many claims are ranked on several threads: below
/// it, opening the extra connections costs more than the threads save.
const PARALLEL_SEARCH_FROM: i64 = 20_000;

/// The `limit` best full-text matches of the FTS5 query `search` as (claim id, bm25
/// score), best first, ties by id.
///
/// The ranking happens inside the full-text index, so only the winners are joined to
/// `claims` afterwards; ordering by `bm25()` measured about twice as fast as by the
/// `rank` column. bm25 still reads the length of every match (about 0.4 µs each), so a
/// word found in 150,000 of a million claims costs 60–80 ms on one core. For a search
/// matching many claims the id range is therefore cut into one slice per core (measured
/// ×1.5 on two cores for 150,000 matches, see the benchmark), each slice ranked by its
/// own read-only connection on a thread of its own, and the slices' winners merged. The
/// scores agree across slices because bm25's term statistics come from the whole index
/// whatever rows a query visits. A slice whose connection cannot be opened is ranked on
/// `conn` after the others.
pub fn best_matches(
    conn: &Connection,
    search: &str,
    limit: usize,
) -> rusqlite::Result<Vec<(i64, f64)>> {
    // Counting matches skips bm25's length lookups, so finding out whether a search is
    // common enough to be worth the extra connections costs a fraction of ranking it.
    let common: bool = conn
        .prepare_cached(
            "SELECT count(*) >= ?2 FROM
               (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?1 LIMIT ?2)",
        )?
        .query_row(params![search, PARALLEL_SEARCH_FROM], |r| r.get(0))?;
    let threads = if common {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
    } else {
        1
    };
    best_matches_on(conn, search, limit, threads)
}

/// The lowest and highest claim id, (0, -1) for no claims.
fn id_range(conn: &Connection) -> rusqlite::Result<(i64, i64)> {
    conn.query_row(
        "SELECT coalesce((SELECT min(id) FROM claims), 0),
                coalesce((SELECT max(id) FROM claims), -1)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

/// [`best_matches`] with the id range cut into `threads` slices (one slice on a
/// database in memory, which other connections cannot open).
pub fn best_matches_on(
    conn: &Connection,
    search: &str,
    limit: usize,
    threads: usize,
) -> rusqlite::Result<Vec<(i64, f64)>> {
    const SLICE: &str = "SELECT rowid, bm25(claims_fts) AS score FROM claims_fts
         WHERE claims_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3
         ORDER BY score, rowid LIMIT ?4";
    let rank = |conn: &Connection, (low, high): (i64, i64)| -> rusqlite::Result<Vec<(i64, f64)>> {
        conn.prepare_cached(SLICE)?
            .query_map(params![search, low, high, limit as i64], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect()
    };
    let (low, high) = id_range(conn)?;
    let path = conn.path().filter(|p| !p.is_empty()).map(str::to_owned);
    let cores = threads.max(1) as i64;
    let (Some(path), true) = (path, cores > 1 && high >= low) else {
        return rank(conn, (low, high));
    };
    let step = (high - low) / cores + 1;
    let slices: Vec<(i64, i64)> = (0..cores)
        .map(|i| (low + i * step, (low + (i + 1) * step - 1).min(high)))
        .collect();
    let mut best = Vec::new();
    let mut left = Vec::new();
    std::thread::scope(|scope| -> rusqlite::Result<()> {
        let others: Vec<_> = slices[1..]
            .iter()
            .map(|&slice| {
                let path = &path;
                scope.spawn(move || {
                    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                        | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
                    let Ok(own) = Connection::open_with_flags(path, flags) else {
                        return None;
                    };
                    own.busy_timeout(crate::store::BUSY_TIMEOUT).ok()?;
                    Some(rank(&own, slice))
                })
            })
            .collect();
        best.extend(rank(conn, slices[0])?);
        for (handle, slice) in others.into_iter().zip(&slices[1..]) {
            match handle.join().unwrap_or(None) {
                Some(found) => best.extend(found?),
                None => left.push(*slice),
            }
        }
        Ok(())
    })?;
    for slice in left {
        best.extend(rank(conn, slice)?);
    }
    best.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    best.truncate(limit);
    Ok(best)
}

/// A claim elsewhere in the store that may carry the same statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub claim_id: i64,
    pub article_id: i64,
    pub speaker_id: Option<i64>,
    pub outlet: Option<String>,
    pub content_text: String,
}

/// How many of a claim's rarest words are paired up to find its candidates.
const PROBE_WORDS: usize = 4;

/// Up to `limit` claims outside article `exclude_article` that contain at least two of
/// the longest of `words`. A claim that says the same thing shares most of its words, so
/// it almost always shares two of the longest; long words are rare words, and pairs of
/// them keep each probe cheap however large the store is.
///
/// Length stands in for rarity on purpose: asking the index how many documents hold each
/// word (fts5vocab) walks the word's whole posting list, which on a store of a million
/// claims cost about 14 ms per claim shown, more than the probe itself.
pub fn corroboration_candidates(
    conn: &Connection,
    words: &[String],
    exclude_article: i64,
    limit: usize,
) -> rusqlite::Result<Vec<Candidate>> {
    let mut ranked: Vec<&String> = words
        .iter()
        .filter(|w| !w.is_empty() && w.chars().all(char::is_alphanumeric))
        .collect();
    ranked.sort_by(|a, b| {
        b.chars()
            .count()
            .cmp(&a.chars().count())
            .then_with(|| a.cmp(b))
    });
    ranked.dedup();
    let rare: Vec<&String> = ranked.into_iter().take(PROBE_WORDS).collect();
    let mut pairs = Vec::new();
    for (i, a) in rare.iter().enumerate() {
        for b in &rare[i + 1..] {
            pairs.push(format!("(\"{a}\" \"{b}\")"));
        }
    }
    if pairs.is_empty() {
        return Ok(Vec::new());
    }
    let query = pairs.join(" OR ");
    conn.prepare_cached(
        "SELECT c.id, c.article_id, c.speaker_id, a.outlet, c.content_text
         FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid
         JOIN articles a ON a.id = c.article_id
         WHERE claims_fts MATCH ?1 AND c.article_id <> ?2
         LIMIT ?3",
    )?
    .query_map(params![query, exclude_article, limit as i64], |r| {
        Ok(Candidate {
            claim_id: r.get(0)?,
            article_id: r.get(1)?,
            speaker_id: r.get(2)?,
            outlet: r.get(3)?,
            content_text: r.get(4)?,
        })
    })?
    .collect()
}

/// One speaker with what it said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerSummary {
    pub id: i64,
    pub name: String,
    /// The source types of its claims, sorted.
    pub types: Vec<SourceType>,
    /// The title used most recently, if any.
    pub title: Option<String>,
    pub affiliation: Option<String>,
    /// The one article an anonymous source belongs to.
    pub article_id: Option<i64>,
    pub claims: i64,
    pub articles: i64,
}

fn speaker_summary(r: &Row<'_>) -> rusqlite::Result<SpeakerSummary> {
    let types: String = r.get(2)?;
    let mut types: Vec<SourceType> = types.split(',').filter_map(|t| t.parse().ok()).collect();
    types.sort_unstable();
    types.dedup();
    Ok(SpeakerSummary {
        id: r.get(0)?,
        name: r.get(1)?,
        types,
        title: r.get(3)?,
        affiliation: r.get(4)?,
        article_id: r.get(5)?,
        claims: r.get(6)?,
        articles: r.get(7)?,
    })
}

const SPEAKER_SUMMARY: &str = "SELECT s.id, s.name, group_concat(DISTINCT c.source_type),
      (SELECT t.title FROM speaker_titles t JOIN articles ta ON ta.id = t.article_id
       WHERE t.speaker_id = s.id ORDER BY ta.published DESC, t.article_id DESC LIMIT 1),
      coalesce(s.affiliation, max(c.affiliation)), s.article_id,
      count(c.id), count(DISTINCT c.article_id)
    FROM speakers s JOIN claims c ON c.speaker_id = s.id";

/// Every speaker with at least one claim, most claims first.
pub fn speakers(conn: &Connection) -> rusqlite::Result<Vec<SpeakerSummary>> {
    let sql = format!(
        "{SPEAKER_SUMMARY} GROUP BY s.id ORDER BY count(c.id) DESC, s.name COLLATE NOCASE, s.id"
    );
    conn.prepare_cached(&sql)?
        .query_map([], speaker_summary)?
        .collect()
}

/// One speaker's summary, if it has claims.
pub fn speaker(conn: &Connection, id: i64) -> rusqlite::Result<Option<SpeakerSummary>> {
    let sql = format!("{SPEAKER_SUMMARY} WHERE s.id = ?1 GROUP BY s.id");
    conn.prepare_cached(&sql)?
        .query_row([id], speaker_summary)
        .optional()
}

/// Every way the speaker was written, sorted.
pub fn speaker_aliases(conn: &Connection, id: i64) -> rusqlite::Result<Vec<String>> {
    conn.prepare_cached(
        "SELECT DISTINCT alias FROM speaker_aliases WHERE speaker_id = ?1 ORDER BY alias COLLATE NOCASE",
    )?
    .query_map([id], |r| r.get(0))?
    .collect()
}

/// A title a speaker was given in one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleRow {
    pub title: String,
    pub article_id: i64,
    pub article_title: Option<String>,
    pub published: Option<String>,
}

fn title_row(r: &Row<'_>) -> rusqlite::Result<TitleRow> {
    Ok(TitleRow {
        title: r.get(0)?,
        article_id: r.get(1)?,
        article_title: r.get(2)?,
        published: r.get(3)?,
    })
}

/// The titles a speaker was given, with their articles, oldest first.
pub fn speaker_titles(conn: &Connection, id: i64) -> rusqlite::Result<Vec<TitleRow>> {
    conn.prepare_cached(
        "SELECT t.title, t.article_id, a.title, a.published FROM speaker_titles t
         JOIN articles a ON a.id = t.article_id WHERE t.speaker_id = ?1
         ORDER BY a.published IS NULL, a.published, t.article_id, t.title",
    )?
    .query_map([id], title_row)?
    .collect()
}

/// A stored article; `body` is empty in listings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleRow {
    pub id: i64,
    pub origin: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub agency_credit: Option<String>,
    pub body: String,
    /// Where the article text begins in `body`, after any header.
    pub text_start: usize,
}

fn article_row(r: &Row<'_>) -> rusqlite::Result<ArticleRow> {
    Ok(ArticleRow {
        id: r.get(0)?,
        origin: r.get(1)?,
        title: r.get(2)?,
        published: r.get(3)?,
        author: r.get(4)?,
        outlet: r.get(5)?,
        agency_credit: r.get(6)?,
        body: r.get(7)?,
        text_start: r.get::<_, i64>(8)? as usize,
    })
}

/// One article with its body.
pub fn article(conn: &Connection, id: i64) -> rusqlite::Result<Option<ArticleRow>> {
    conn.prepare_cached(
        "SELECT id, origin, title, published, author, outlet, agency_credit, body, text_start
         FROM articles WHERE id = ?1",
    )?
    .query_row([id], article_row)
    .optional()
}

/// Every article without its body, by id.
pub fn articles(conn: &Connection) -> rusqlite::Result<Vec<ArticleRow>> {
    conn.prepare_cached(
        "SELECT id, origin, title, published, author, outlet, agency_credit, '', text_start
         FROM articles ORDER BY id",
    )?
    .query_map([], article_row)?
    .collect()
}

/// How many candidates the full-text index proposes for corroboration of one claim.
const CORROBORATION_CANDIDATES: usize = 50;

/// How many other independent sources and outlets carry the same statement as `row`
/// (see `reliability` for what "the same statement" means).
pub fn corroboration(conn: &Connection, row: &ClaimRow) -> rusqlite::Result<Corroboration> {
    let words = reliability::content_words(&row.content.text);
    let raw: Vec<String> = reliability::index_words(&row.content.text);
    let mut sources = BTreeSet::new();
    let mut outlets = BTreeSet::new();
    let own_outlet = row.outlet.as_deref().map(str::to_lowercase);
    for c in corroboration_candidates(conn, &raw, row.article_id, CORROBORATION_CANDIDATES)? {
        if !reliability::similar(&words, &reliability::content_words(&c.content_text)) {
            continue;
        }
        if let Some(speaker) = c.speaker_id
            && Some(speaker) != row.speaker_id
        {
            sources.insert(speaker);
        }
        if let Some(outlet) = c.outlet.as_deref().map(str::to_lowercase)
            && Some(&outlet) != own_outlet.as_ref()
        {
            outlets.insert(outlet);
        }
    }
    Ok(Corroboration {
        sources: sources.len(),
        outlets: outlets.len(),
    })
}

/// Turns what a user typed after `--search` into a safe FTS5 query: words (a trailing
/// `*` makes a prefix), "quoted phrases", and `OR` between two terms; everything else
/// FTS5 would read as syntax is dropped. `None` when no word is left.
#[must_use]
pub fn fts_query(input: &str) -> Option<String> {
    let mut terms: Vec<String> = Vec::new();
    let mut pending_or = false;
    let push = |terms: &mut Vec<String>, term: String, pending_or: &mut bool| {
        if *pending_or && !terms.is_empty() {
            terms.push(String::from("OR"));
        }
        *pending_or = false;
        terms.push(term);
    };
    for (i, part) in input.split('"').enumerate() {
        if i % 2 == 1 {
            let words: Vec<&str> = part
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            if !words.is_empty() {
                push(
                    &mut terms,
                    format!("\"{}\"", words.join(" ")),
                    &mut pending_or,
                );
            }
            continue;
        }
        for raw in part.split_whitespace() {
            if raw == "OR" {
                pending_or = true;
                continue;
            }
            let prefix = raw.ends_with('*');
            for word in raw
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                let star = if prefix && raw.ends_with(&format!("{word}*")) {
                    "*"
                } else {
                    ""
                };
                push(&mut terms, format!("\"{word}\"{star}"), &mut pending_or);
            }
        }
    }
    (!terms.is_empty()).then(|| terms.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(input: &str, expected: Option<&str>) {
        assert_eq!(fts_query(input).as_deref(), expected, "{input:?}");
    }

    /// A store on disk with `n` articles of two claims that all mention "harbour", as
    /// often and among as many other words as differ from claim to claim.
    fn harbour_store(n: usize) -> (tempfile::TempDir, crate::store::Store) {
        use crate::model::Article;
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::Store::open(&dir.path().join("t.db")).unwrap();
        let tx = store.begin_write().unwrap();
        for i in 0..n {
            let words = vec!["harbour"; 1 + i % 4].join(" and the ");
            let filler = vec!["quay"; i % 7].join(" ");
            let body = format!(
                "Report {i}\n\nAnn Lee said: \"The {words} {filler} must reopen.\" \
                 Bo Ek said the {filler} harbour tariffs were too high."
            );
            let article = Article::from_text(&body);
            let extraction = crate::extract::extract(&article);
            crate::store::write::store_article(&tx, &article, &extraction, 1).unwrap();
        }
        tx.commit().unwrap();
        (dir, store)
    }

    #[test]
    fn ranking_in_slices_on_threads_agrees_with_one_pass() {
        let (_dir, store) = harbour_store(60);
        let conn = store.conn();
        let expected: Vec<(i64, f64)> = conn
            .prepare(
                "SELECT rowid, bm25(claims_fts) AS score FROM claims_fts
                 WHERE claims_fts MATCH 'harbour' ORDER BY score, rowid",
            )
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(expected.len(), 120);
        for threads in [1, 2, 3, 7] {
            for limit in [1, 5, 120, 200] {
                let found = best_matches_on(conn, "harbour", limit, threads).unwrap();
                let want = &expected[..limit.min(expected.len())];
                assert_eq!(found, want, "{threads} threads, limit {limit}");
            }
        }
        assert!(
            best_matches_on(conn, "lighthouse", 5, 3)
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn a_ranked_search_lists_the_best_matches_in_order() {
        let (_dir, store) = harbour_store(30);
        let conn = store.conn();
        let filter = ClaimFilter {
            search: Some(String::from("harbour")),
            order: Some(ClaimOrder::Relevance),
            limit: Some(8),
            ..ClaimFilter::default()
        };
        let rows = claims(conn, &filter).unwrap();
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let best: Vec<i64> = best_matches_on(conn, "harbour", 8, 1)
            .unwrap()
            .iter()
            .map(|m| m.0)
            .collect();
        assert_eq!(ids, best);
        assert!(rows.iter().all(|r| r.content.text.contains("harbour")));
        let none = ClaimFilter {
            search: Some(String::from("lighthouse")),
            ..filter
        };
        assert!(claims(conn, &none).unwrap().is_empty());
    }

    #[test]
    fn search_input_becomes_a_safe_fts_query() {
        case("withdrawal", Some("\"withdrawal\""));
        case("troops withdraw*", Some("\"troops\" \"withdraw\"*"));
        case(
            "\"very swift\" departure",
            Some("\"very swift\" \"departure\""),
        );
        case("Niger OR Mali", Some("\"Niger\" OR \"Mali\""));
        case("OR Mali OR", Some("\"Mali\""));
        case("AND ( NEAR: -x", Some("\"AND\" \"NEAR\" \"x\""));
        case("\"unclosed phrase", Some("\"unclosed phrase\""));
        case("( ) * :", None);
        case("", None);
    }
}
