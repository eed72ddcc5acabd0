//! Query latency on a large store, through the same functions the `claims` command runs
//! (speaker lookup, filters, corroboration, scoring and rendering to a table).
//!
//! ```text
//! cargo run --release --example query_bench [-- CLAIMS]
//! ```
//!
//! The database (default one million claims) is generated with plain SQL in one
//! transaction through `Store::open` and kept under `target/` for the next run; delete it
//! to generate it again. Claim texts are sentences of the PolNeAR train texts in
//! `../shared/polnear/train/text` when present (so repeated wire copy corroborates as it
//! does in real coverage), else sentences made from a fixed vocabulary.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::params;
use whosaid::cli::{ClaimsArgs, Format};
use whosaid::commands::claims;
use whosaid::report;
use whosaid::store::Store;

const TEXTS: &str = "../shared/polnear/train/text";
const CLAIMS_PER_ARTICLE: usize = 10;
const NAMED_SPEAKERS: usize = 20_000;
const RUNS: usize = 9;

const FIRST: [&str; 40] = [
    "Anna", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Karin",
    "Louis", "Maria", "Nadia", "Omar", "Paula", "Quentin", "Rosa", "Samuel", "Tariq", "Ursula",
    "Victor", "Wanda", "Xavier", "Yasmin", "Zoltan", "Amadou", "Bintou", "Chen", "Dmitri", "Emeka",
    "Fatima", "Goran", "Hana", "Ivan", "Julia", "Kofi", "Lena", "Moussa", "Nina",
];
const LAST: [&str; 50] = [
    "Abara", "Becker", "Castro", "Diallo", "Eriksen", "Fischer", "Garcia", "Haddad", "Ibrahim",
    "Jensen", "Kowalski", "Lambert", "Moreau", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi",
    "Silva", "Traore", "Ulrich", "Vargas", "Weber", "Xu", "Yilmaz", "Zeine", "Adeyemi", "Bauer",
    "Cisse", "Dubois", "Evans", "Ferreira", "Gomez", "Hansen", "Ivanova", "Johnson", "Keita",
    "Lopez", "Martin", "Novak", "Ortiz", "Popescu", "Qureshi", "Richter", "Santos", "Tanaka",
    "Usman", "Volkov", "Wagner", "Young",
];
const OUTLETS: [&str; 12] = [
    "Reuters",
    "AFP",
    "AP",
    "BBC",
    "The Guardian",
    "Le Monde",
    "Daily Trust",
    "Premium Times",
    "Al Jazeera",
    "CNN",
    "The Times",
    "NPR",
];
const WORDS: [&str; 40] = [
    "government",
    "minister",
    "troops",
    "withdrawal",
    "election",
    "vote",
    "economy",
    "budget",
    "president",
    "security",
    "border",
    "talks",
    "agreement",
    "crisis",
    "reform",
    "court",
    "police",
    "protest",
    "health",
    "care",
    "tax",
    "trade",
    "energy",
    "oil",
    "prices",
    "inflation",
    "war",
    "peace",
    "army",
    "coup",
    "junta",
    "sanctions",
    "aid",
    "refugees",
    "immigration",
    "party",
    "senate",
    "congress",
    "campaign",
    "investigation",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Roughly Zipf-distributed in `0..n`: a few speakers say a lot, most say little.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

fn speaker_name(k: usize) -> String {
    let name = format!(
        "{} {}",
        FIRST[k % FIRST.len()],
        LAST[(k / FIRST.len()) % LAST.len()]
    );
    if k >= FIRST.len() * LAST.len() {
        format!("{name} {}", k / (FIRST.len() * LAST.len()))
    } else {
        name
    }
}

/// Claim texts: sentences of real news when available.
fn sentences() -> anyhow::Result<Vec<String>> {
    let dir = Path::new(TEXTS);
    let mut out = Vec::new();
    if dir.is_dir() {
        let mut paths: Vec<PathBuf> = fs::read_dir(dir)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        paths.sort();
        for path in paths {
            let text = fs::read_to_string(&path)?;
            for s in text.split(['.', '\n']) {
                let s = s.trim();
                if s.split_whitespace().count() >= 6 {
                    out.push(format!("{s}."));
                }
            }
        }
    }
    if out.is_empty() {
        println!("{TEXTS} not found: claim texts are made from a fixed vocabulary");
        let mut rng = Rng(7);
        for _ in 0..50_000 {
            let n = 8 + rng.below(12);
            let words: Vec<&str> = (0..n).map(|_| WORDS[rng.zipf(WORDS.len())]).collect();
            out.push(format!("{}.", words.join(" ")));
        }
    }
    Ok(out)
}

fn generate(store: &Store, target: usize) -> anyhow::Result<()> {
    let texts = sentences()?;
    let articles = target.div_ceil(CLAIMS_PER_ARTICLE);
    let tx = store.begin_write()?;
    {
        let mut speaker = tx.prepare(
            "INSERT INTO speakers (id, name, source_type, affiliation, article_id, norm, surname)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        let mut alias = tx.prepare(
            "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, norm) VALUES (?1, ?2, ?3)",
        )?;
        for k in 0..NAMED_SPEAKERS {
            let name = speaker_name(k);
            let norm = name.to_lowercase();
            let surname = norm.rsplit(' ').next().map(str::to_owned);
            let kind = if k % 3 == 0 {
                "named_person"
            } else {
                "named_official"
            };
            speaker.execute(params![
                k as i64 + 1,
                name,
                kind,
                None::<String>,
                None::<i64>,
                norm,
                surname
            ])?;
            alias.execute(params![k as i64 + 1, name, norm])?;
        }
        let mut article = tx.prepare(
            "INSERT INTO articles (id, origin, content_hash, url, title, published, author, outlet,
                 body, extractor_version, imported_at)
             VALUES (?1, ?2, ?3, NULL, ?4, ?5, ?6, ?7, '', 1, '2024-01-01T00:00:00Z')",
        )?;
        let mut claim = tx.prepare(
            "INSERT INTO claims (id, article_id, ordinal, kind, content_start, content_end,
                 content_text, cue_start, cue_end, cue_text, speaker_id, speaker_name,
                 source_type, affiliation, channel, anonymity_reason, stated_on, reliability,
                 reliability_label, reliability_factors, rule)
             VALUES (?1, ?2, ?3, ?4, 0, ?5, ?6, 0, 4, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                 ?16, '[]', 'bench/sql')",
        )?;
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut id = 1i64;
        for a in 0..articles {
            let a_id = a as i64 + 1;
            let published = format!("20{:02}-{:02}-{:02}", 15 + a % 10, 1 + a % 12, 1 + a % 28);
            let outlet = OUTLETS[rng.zipf(OUTLETS.len())];
            let author = speaker_name(rng.below(2000) + 50_000);
            article.execute(params![
                a_id,
                format!("bench/{a}"),
                format!("h{a}"),
                format!("article {a}"),
                published,
                author,
                outlet
            ])?;
            // Most articles quote one unnamed source.
            let anonymous = NAMED_SPEAKERS as i64 + a_id;
            speaker.execute(params![
                anonymous,
                "a senior official",
                "anonymous",
                "the defence ministry",
                a_id,
                "a senior official",
                None::<String>
            ])?;
            for ordinal in 0..CLAIMS_PER_ARTICLE {
                if id as usize > target {
                    break;
                }
                let text = &texts[rng.zipf(texts.len())];
                let roll = rng.below(100);
                let (speaker_id, name, source_type, affiliation, reason) = if roll < 25 {
                    (
                        Some(anonymous),
                        Some(String::from("a senior official")),
                        "anonymous",
                        Some("the defence ministry"),
                        (roll < 10).then_some("not authorised to speak"),
                    )
                } else if roll < 35 {
                    (None, None, "unattributed", None, None)
                } else {
                    let k = rng.zipf(NAMED_SPEAKERS);
                    let kind = if k % 3 == 0 {
                        "named_person"
                    } else {
                        "named_official"
                    };
                    (Some(k as i64 + 1), Some(speaker_name(k)), kind, None, None)
                };
                let kind = ["direct", "indirect", "mixed"][rng.below(3)];
                let reliability = 0.2 + rng.below(70) as f64 / 100.0;
                let label = if reliability >= 0.7 {
                    "high"
                } else if reliability >= 0.45 {
                    "medium"
                } else {
                    "low"
                };
                claim.execute(params![
                    id,
                    a_id,
                    ordinal as i64,
                    kind,
                    text.len() as i64,
                    text,
                    "said",
                    speaker_id,
                    name,
                    source_type,
                    affiliation,
                    (rng.below(10) == 0).then_some("AFP"),
                    reason,
                    (rng.below(3) == 0).then_some(published.as_str()),
                    reliability,
                    label
                ])?;
                id += 1;
            }
        }
        tx.execute("INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')", [])?;
    }
    tx.commit()?;
    store.conn().execute_batch("ANALYZE")?;
    Ok(())
}

fn args(speaker: Option<&str>, source_type: Option<&str>, search: Option<&str>) -> ClaimsArgs {
    ClaimsArgs {
        speaker: speaker.map(str::to_owned),
        source_type: source_type.map(str::to_owned),
        kind: None,
        article: None,
        min_reliability: None,
        since: None,
        until: None,
        outlet: None,
        author: None,
        search: search.map(str::to_owned),
        sort: None,
        limit: None,
        explain: false,
        format: Format::Table,
    }
}

/// Median time of up to `RUNS` runs of the `claims` command's work, and the rows it rendered.
fn time(store: &Store, args: &ClaimsArgs) -> anyhow::Result<(usize, Duration)> {
    let mut times = Vec::new();
    let mut lines = 0;
    let started = Instant::now();
    // Slow queries (the unlimited ones before tables stopped at a page) run fewer times.
    while times.len() < RUNS && (times.is_empty() || started.elapsed() < Duration::from_secs(20)) {
        let start = Instant::now();
        let shown = claims::select(store, args)?.claims;
        let text = claims::render(&shown, args, report::Format::Table(80));
        times.push(start.elapsed());
        assert!(!text.is_empty());
        lines = shown.len();
    }
    times.sort();
    Ok((lines, times[times.len() / 2]))
}

fn main() -> anyhow::Result<()> {
    let target: usize = match std::env::args().nth(1) {
        Some(n) => n.parse()?,
        None => 1_000_000,
    };
    let path = PathBuf::from(format!("target/query-bench-{target}.db"));
    let fresh = !path.exists();
    let start = Instant::now();
    let store = Store::open(&path)?;
    if fresh {
        generate(&store, target)?;
    }
    let count =
        |sql: &str| -> rusqlite::Result<i64> { store.conn().query_row(sql, [], |r| r.get(0)) };
    let (n_claims, n_articles, n_speakers) = (
        count("SELECT count(*) FROM claims")?,
        count("SELECT count(*) FROM articles")?,
        count("SELECT count(*) FROM speakers")?,
    );
    println!(
        "{}: {n_claims} claims, {n_articles} articles, {n_speakers} speakers ({})",
        path.display(),
        if fresh {
            format!("generated in {:.1} s", start.elapsed().as_secs_f64())
        } else {
            String::from("reused")
        }
    );
    let claims_of = |name: &str| -> rusqlite::Result<i64> {
        store.conn().query_row(
            "SELECT count(*) FROM claims c JOIN speakers s ON s.id = c.speaker_id WHERE s.name = ?1",
            [name],
            |r| r.get(0),
        )
    };
    let top = speaker_name(0);
    let mid = speaker_name(300);
    let mut rows: Vec<(String, usize, Duration)> = Vec::new();
    for (label, args) in [
        (
            format!("claims --speaker \"{top}\" ({} claims)", claims_of(&top)?),
            args(Some(&top), None, None),
        ),
        (
            format!("claims --speaker \"{mid}\" ({} claims)", claims_of(&mid)?),
            args(Some(&mid), None, None),
        ),
        (
            String::from("claims --type anonymous --limit 50"),
            ClaimsArgs {
                limit: Some(50),
                ..args(None, Some("anonymous"), None)
            },
        ),
    ] {
        let (n, t) = time(&store, &args)?;
        rows.push((label, n, t));
    }
    for word in ["withdrawal", "immigration", "president", "\"health care\""] {
        let label = format!("claims --search '{word}' --limit 20");
        let args = ClaimsArgs {
            limit: Some(20),
            ..args(None, None, Some(word))
        };
        let (n, t) = time(&store, &args)?;
        rows.push((label, n, t));
    }
    println!("| query (table output, 80 columns) | rows shown | median of up to {RUNS} runs |");
    println!("|---|---:|---:|");
    for (label, n, t) in rows {
        println!("| {label} | {n} | {:.2} ms |", t.as_secs_f64() * 1000.0);
    }
    Ok(())
}
