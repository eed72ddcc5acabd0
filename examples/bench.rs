//! whosaid benchmark: extraction and import speed, peak memory, and query latency.
//!
//! ```text
//! cargo run --release --example bench -- [N]        # N articles (default 10000)
//! cargo run --release --example bench -- fts [M]    # full-text index strategies, M claims
//! cargo run --release --example bench -- writer [N] # the import's writer alone
//! ```
//!
//! The corpus is built from the PolNeAR train texts in `../shared/polnear/train/text`,
//! each copy given its own title line so that deduplication keeps every one. Imports run
//! in a child process so that its peak resident memory (VmHWM) is its own.

#[path = "support/cpu.rs"]
mod cpu;

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use rusqlite::{Connection, params};
use whosaid::extract::{self, EXTRACTOR_VERSION};
use whosaid::model::{
    Article, Claim, ClaimKind, Extraction, Reliability, SourceType, Span, Speaker,
};
use whosaid::pipeline::{self, Failure, FileRead, ImportOptions, ReadFn};
use whosaid::store::{Store, reference, write};

const TEXTS: &str = "../shared/polnear/train/text";
const PER_DIR: usize = 1000;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("--child-import") => child_import(&args[1..]),
        Some("fts") => fts(arg_number(args.get(1), 200_000)),
        Some("queries") => queries(arg_number(args.get(1), 1_000_000)),
        Some("writer") => {
            writer_only(arg_number(args.get(1), 2_000)).map(|row| print_table(&[row]))
        }
        other => full(arg_number(other.map(str::to_owned).as_ref(), 10_000)),
    };
    if let Err(err) = result {
        eprintln!("bench: error: {err:#}");
        std::process::exit(2);
    }
}

fn arg_number(arg: Option<&String>, default: usize) -> usize {
    arg.and_then(|a| a.replace('_', "").parse().ok())
        .unwrap_or(default)
}

fn texts() -> anyhow::Result<Option<Vec<String>>> {
    let dir = Path::new(TEXTS);
    if !dir.is_dir() {
        println!("skipped: {TEXTS} not found (the PolNeAR texts are needed to build the corpus)");
        return Ok(None);
    }
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    paths.sort();
    let texts = paths
        .iter()
        .map(fs::read_to_string)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(texts))
}

/// Copy `i` of the corpus: a text with a title line of its own.
fn variant(texts: &[String], i: usize) -> String {
    let text = &texts[i % texts.len()];
    let (title, rest) = text.split_once('\n').unwrap_or((text, ""));
    format!("{title} (copy {i})\n{rest}")
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn full(n: usize) -> anyhow::Result<()> {
    let Some(texts) = texts()? else {
        return Ok(());
    };
    println!(
        "whosaid bench: {n} articles from {TEXTS}, extractor version {EXTRACTOR_VERSION}, load average {}",
        load_average()
    );
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let mut table = Vec::<(String, String)>::new();

    // Extraction, in memory.
    let articles: Vec<Article> = (0..texts.len().min(n))
        .map(|i| Article::from_text(&variant(&texts, i)))
        .collect();
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    let (rate1, mbs1, cpu1, claims) = timed_extraction(&articles, bytes, false);
    let (rate_all, mbs_all, _, _) = timed_extraction(&articles, bytes, true);
    table.push((
        "extraction, 1 thread".into(),
        format!(
            "{rate1:.0} articles/s, {mbs1:.1} MB/s ({cpu1:.1} MB per CPU s; {claims} claims in {} articles)",
            articles.len()
        ),
    ));
    table.push((
        format!("extraction, {cores} threads"),
        format!(
            "{rate_all:.0} articles/s, {mbs_all:.1} MB/s (x{:.2} of 1 thread)",
            rate_all / rate1
        ),
    ));

    table.push(writer_only(n.min(3000))?);

    // Import, end to end, in a child process.
    let dir = tempfile::tempdir()?;
    let corpus = dir.path().join("corpus");
    let mut total_bytes = 0;
    for i in 0..n {
        let sub = corpus.join(format!("{:04}", i / PER_DIR));
        if i % PER_DIR == 0 {
            fs::create_dir_all(&sub)?;
        }
        let text = variant(&texts, i);
        total_bytes += text.len();
        fs::write(sub.join(format!("{i:07}.txt")), text)?;
    }
    let dirs: Vec<PathBuf> = {
        let mut d: Vec<PathBuf> = fs::read_dir(&corpus)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        d.sort();
        d
    };
    let quarter_dirs = (dirs.len() / 4).max(1);
    let quarter_bytes: usize = (0..(quarter_dirs * PER_DIR).min(n))
        .map(|i| variant(&texts, i).len())
        .sum();
    let runs: Vec<(&str, &[PathBuf], usize, usize)> = vec![
        (
            "1 job, first quarter",
            &dirs[..quarter_dirs],
            1,
            quarter_bytes,
        ),
        (
            "all jobs, first quarter",
            &dirs[..quarter_dirs],
            cores,
            quarter_bytes,
        ),
        ("all jobs, whole corpus", &dirs[..], cores, total_bytes),
    ];
    let mut quarter = Vec::new();
    for (label, inputs, jobs, bytes) in runs {
        let db = dir
            .path()
            .join(format!("import-{jobs}-{}.db", inputs.len()));
        let r = run_child(&db, inputs, jobs)?;
        let rate = r.articles as f64 / r.seconds;
        let busy = r.writer_cpu / r.seconds;
        if inputs.len() == quarter_dirs {
            quarter.push((rate, busy, r.cpu));
        }
        table.push((
            format!("import {label} ({} articles)", r.articles),
            format!(
                "{rate:.0} articles/s, {:.1} MB/s, {:.1} MB per CPU s, writer busy {:.0} %, {} claims, peak RSS {:.1} MiB, db {:.0} MB",
                mb(bytes) / r.seconds,
                mb(bytes) / r.cpu,
                busy * 100.0,
                r.claims,
                r.peak_kib as f64 / 1024.0,
                mb(fs::metadata(&db).map_or(0, |m| m.len() as usize)),
            ),
        ));
    }
    if let [(one, busy_one, cpu_one), (all, busy_all, cpu_all)] = quarter[..] {
        // With one job, reading and extraction already run beside the writer; more jobs
        // help only while the writer waits for them.
        let limit = if busy_all > 0.9 {
            "the single writer is the limit"
        } else {
            "extraction is the limit"
        };
        table.push((
            format!("import scaling, {cores} jobs / 1 job (first quarter)"),
            format!(
                "x{:.2} articles/s, x{:.2} CPU time; writer busy {:.0} % with 1 job, {:.0} % with {cores}: {limit}",
                all / one,
                cpu_all / cpu_one,
                busy_one * 100.0,
                busy_all * 100.0,
            ),
        ));
    }
    print_table(&table);
    drop(dir);
    queries(1_000_000)
}

/// The writer alone: `n` articles extracted beforehand, then stored as the import's
/// writer stores them (batches of 500, corrections replayed at each commit). Its rate per
/// CPU second is the ceiling of an import, however many cores extract.
fn writer_only(n: usize) -> anyhow::Result<(String, String)> {
    let Some(texts) = texts()? else {
        anyhow::bail!("no corpus");
    };
    let work: Vec<(Article, Extraction, write::Prepared)> = (0..n)
        .into_par_iter()
        .map(|i| {
            let mut article = Article::from_text(&variant(&texts, i));
            article.origin = format!("{i:07}.txt");
            let extraction = extract::extract(&article);
            let prepared = write::prepare(&article, &extraction);
            (article, extraction, prepared)
        })
        .collect();
    let bytes: usize = work.iter().map(|(a, _, _)| a.body.len()).sum();
    let dir = tempfile::tempdir()?;
    let store = Store::open(&dir.path().join("writer.db"))?;
    let (start, cpu) = (Instant::now(), thread_cpu_seconds());
    let mut claims = 0;
    let mut writer = write::Writer::new(&store);
    let per: usize = std::env::var("TMP_BATCH")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(500);
    for batch in work.chunks(per) {
        let tx = writer.begin()?;
        for (article, extraction, prepared) in batch {
            claims += writer
                .store(&tx, article, extraction, prepared, EXTRACTOR_VERSION)?
                .claims();
        }
        writer.commit(tx)?;
    }
    if std::env::var_os("TMP_REBUILD").is_some() {
        store
            .conn()
            .execute_batch("INSERT INTO claims_fts(claims_fts) VALUES('rebuild')")?;
    }
    if let Ok(sql) = std::env::var("TMP_END") {
        store.conn().execute_batch(&sql)?;
    }
    let wall = start.elapsed().as_secs_f64();
    let cpu = (thread_cpu_seconds() - cpu).max(0.01);
    Ok((
        format!("writer alone ({n} articles extracted beforehand)"),
        format!(
            "{:.0} articles/s, {:.1} MB/s, {:.1} MB per CPU s, {claims} claims ({:.0} per CPU s)",
            n as f64 / wall,
            mb(bytes) / wall,
            mb(bytes) / cpu,
            claims as f64 / cpu
        ),
    ))
}

fn timed_extraction(articles: &[Article], bytes: usize, parallel: bool) -> (f64, f64, f64, usize) {
    let (start, cpu) = (Instant::now(), cpu_seconds());
    let mut rounds = 0;
    let mut claims = 0;
    while rounds == 0 || start.elapsed() < Duration::from_secs(2) {
        claims = if parallel {
            articles
                .par_iter()
                .map(|a| extract::extract(a).claims.len())
                .sum()
        } else {
            articles
                .iter()
                .map(|a| extract::extract(a).claims.len())
                .sum()
        };
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu = (cpu_seconds() - cpu).max(0.01);
    let rate = (articles.len() * rounds) as f64 / secs;
    (
        rate,
        mb(bytes * rounds) / secs,
        mb(bytes * rounds) / cpu,
        claims,
    )
}

struct ChildResult {
    articles: usize,
    claims: usize,
    seconds: f64,
    peak_kib: usize,
    cpu: f64,
    /// CPU time of the writer thread alone.
    writer_cpu: f64,
}

fn run_child(db: &Path, inputs: &[PathBuf], jobs: usize) -> anyhow::Result<ChildResult> {
    let output = Command::new(std::env::current_exe()?)
        .arg("--child-import")
        .arg(db)
        .arg(jobs.to_string())
        .args(inputs)
        .output()?;
    anyhow::ensure!(
        output.status.success(),
        "import child failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let line = String::from_utf8_lossy(&output.stdout);
    let fields: Vec<f64> = line
        .split_whitespace()
        .filter_map(|f| f.parse().ok())
        .collect();
    anyhow::ensure!(fields.len() == 6, "unexpected child output: {line}");
    Ok(ChildResult {
        articles: fields[0] as usize,
        claims: fields[1] as usize,
        seconds: fields[2],
        peak_kib: fields[3] as usize,
        cpu: fields[4],
        writer_cpu: fields[5],
    })
}

/// A plain-text reader used when `ingest::read_path` cannot read the corpus yet: the
/// whole file is the body and its first line the title.
fn read_plain(path: &Path) -> Result<FileRead, Failure> {
    let body = fs::read_to_string(path).map_err(|e| Failure::new(path, e.to_string()))?;
    let mut article = Article::from_text(&body);
    article.origin = path.display().to_string();
    article.meta.title = body.lines().next().map(str::to_owned);
    Ok(FileRead {
        articles: vec![article],
        ..FileRead::default()
    })
}

fn child_import(args: &[String]) -> anyhow::Result<()> {
    let db = PathBuf::from(&args[0]);
    let jobs: usize = args[1].parse()?;
    let inputs: Vec<PathBuf> = args[2..].iter().map(PathBuf::from).collect();
    let probe = fs::read_dir(&inputs[0])?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .next();
    let read: ReadFn = if let Some(Ok(_)) = probe.map(|p| pipeline::read_file(&p)) {
        pipeline::read_file
    } else {
        eprintln!("note: ingest cannot read plain text yet; using the bench's plain reader");
        read_plain
    };
    let (start, writer_cpu) = (Instant::now(), thread_cpu_seconds());
    let store = Store::open(&db)?;
    let mut options = ImportOptions::new(jobs, EXTRACTOR_VERSION);
    options.known = Some(db.clone());
    let files = pipeline::files(&inputs, Vec::new());
    let summary = pipeline::import(&store, files, &options, read, extract::extract, |_| {})?;
    let seconds = start.elapsed().as_secs_f64();
    anyhow::ensure!(summary.failed == 0, "{} files failed", summary.failed);
    // The import's writer is this thread.
    let writer_cpu = thread_cpu_seconds() - writer_cpu;
    println!(
        "{} {} {seconds} {} {} {writer_cpu}",
        summary.imported,
        summary.claims,
        peak_kib(),
        cpu_seconds()
    );
    Ok(())
}

fn peak_kib() -> usize {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

/// CPU time (user + system) this process has used, in seconds. On a machine shared
/// with other work, rates per CPU second vary less than rates per wall second.
fn cpu_seconds() -> f64 {
    cpu::stat_cpu_seconds("/proc/self/stat")
}

/// CPU time the calling thread has used, in seconds.
fn thread_cpu_seconds() -> f64 {
    cpu::stat_cpu_seconds("/proc/thread-self/stat")
}

fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| String::from("?"))
}

fn print_table(rows: &[(String, String)]) {
    let width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = std::io::stdout().lock();
    for (k, v) in rows {
        let _ = writeln!(out, "  {k:<width$}  {v}");
    }
}

// ---------------------------------------------------------------------------------------
// Query latency on a database of at least `target` claims.

/// Sentences of a text, as spans: cut after ". " and at line ends.
fn sentences(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let end_here = b == b'\n' || (b == b'.' && bytes.get(i + 1) == Some(&b' '));
        if end_here {
            let end = if b == b'.' { i + 1 } else { i };
            if end > start + 20 {
                spans.push(Span::new(start, end));
            }
            start = i + 1;
            while start < bytes.len() && bytes[start] == b' ' {
                start += 1;
            }
        }
    }
    spans
}

const FIRST: &[&str] = &[
    "Ana", "Ben", "Chloe", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jamal", "Kate",
    "Luis", "Maya", "Nils", "Omar", "Paula", "Quinn", "Rosa", "Sam", "Tara", "Umar", "Vera", "Wei",
    "Ximena", "Yusuf", "Zoe",
];
const LAST: &[&str] = &[
    "Adams",
    "Baker",
    "Costa",
    "Diallo",
    "Evans",
    "Fischer",
    "Garcia",
    "Hassan",
    "Ito",
    "Jensen",
    "Kowalski",
    "Lopez",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quist",
    "Rossi",
    "Silva",
    "Tanaka",
    "Usman",
    "Varga",
    "Weber",
    "Xu",
    "Young",
    "Zeine",
    "Abbott",
    "Brandt",
    "Cruz",
    "Dubois",
    "Eriksen",
    "Farah",
    "Gomez",
    "Horvat",
    "Ivanov",
    "Jovanovic",
    "Kim",
    "Larsen",
    "Mensah",
    "Novak",
];

/// Speaker `k` of the synthetic population, with a Zipf-like popularity (k small = often).
fn speaker(k: usize) -> (String, SourceType) {
    let name = format!(
        "{} {}",
        FIRST[k % FIRST.len()],
        LAST[(k / FIRST.len()) % LAST.len()]
    );
    let name = if k >= FIRST.len() * LAST.len() {
        format!("{name} {k}")
    } else {
        name
    };
    let types = [
        SourceType::NamedOfficial,
        SourceType::NamedPerson,
        SourceType::Organization,
        SourceType::NamedOfficial,
        SourceType::Agency,
        SourceType::Document,
    ];
    (name, types[k % types.len()])
}

/// A cheap deterministic generator (xorshift), so the database is the same every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// Zipf-like: index of a speaker among `n`, heavily skewed to small indexes.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((n as f64).powf(u) - 1.0) as usize
    }
}

fn synthetic(article: &Article, spans: &[Span], rng: &mut Rng) -> Extraction {
    const SPEAKERS: usize = 5000;
    let mut claims = Vec::with_capacity(spans.len());
    let mut speakers: Vec<Speaker> = Vec::new();
    for (i, &content) in spans.iter().enumerate() {
        let anonymous = rng.next() % 8 == 0;
        let (name, source_type) = if anonymous {
            (format!("official source {}", i % 3), SourceType::Anonymous)
        } else if rng.next() % 12 == 0 {
            (String::new(), SourceType::Unattributed)
        } else {
            speaker(rng.zipf(SPEAKERS))
        };
        let speaker_name = (source_type != SourceType::Unattributed).then(|| name.clone());
        if let Some(name) = &speaker_name {
            if !speakers.iter().any(|s| &s.name == name) {
                speakers.push(Speaker {
                    name: name.clone(),
                    source_type,
                    title: None,
                    affiliation: None,
                    aliases: vec![name.clone()],
                });
            }
        }
        claims.push(Claim {
            kind: if i % 3 == 0 {
                ClaimKind::Direct
            } else {
                ClaimKind::Indirect
            },
            content,
            content_gap: None,
            cue: None,
            source: None,
            speaker: speaker_name,
            source_type,
            title: None,
            affiliation: None,
            channel: None,
            anonymity_reason: None,
            stated_on: None,
            reliability: Reliability {
                score: (rng.next() % 100) as f64 / 100.0,
                label: String::from("medium"),
                factors: vec![String::from(source_type.as_str())],
            },
            rule: "bench/synthetic",
        });
    }
    let _ = article;
    Extraction { claims, speakers }
}

fn queries(target: usize) -> anyhow::Result<()> {
    let Some(texts) = texts()? else {
        return Ok(());
    };
    // Kept between runs (it takes a while to write); delete it to measure writing again.
    // One written with another layout (tables or indexes) is written again.
    let db = PathBuf::from(format!("target/bench-queries-{target}.db"));
    if db.exists() && layout(&db)? != fresh_layout()? {
        println!("{} has an older layout; writing it again", db.display());
        for suffix in ["", "-wal", "-shm"] {
            let mut path = db.clone().into_os_string();
            path.push(suffix);
            let _ = fs::remove_file(path);
        }
    }
    let store = Store::open(&db)?;
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (start, cpu) = (Instant::now(), cpu_seconds());
    let mut claims: usize = store
        .conn()
        .query_row("SELECT count(*) FROM claims", [], |r| r.get::<_, i64>(0))?
        as usize;
    let mut i: usize = store
        .conn()
        .query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))?
        as usize;
    let reused = claims >= target;
    while claims < target {
        let tx = store.begin_write()?;
        for _ in 0..500 {
            let mut article = Article::from_text(&variant(&texts, i));
            article.meta.title = Some(format!("article {i}"));
            let spans = sentences(&article.body);
            let extraction = synthetic(&article, &spans, &mut rng);
            claims += write::store_article(&tx, &article, &extraction, EXTRACTOR_VERSION)?.claims();
            i += 1;
        }
        tx.commit()?;
    }
    let load = start.elapsed().as_secs_f64();
    let conn = store.conn();
    conn.execute_batch("ANALYZE")?;
    let written = if reused {
        format!("reused {}", db.display())
    } else {
        format!(
            "written in {load:.1} s through the write path ({:.0} claims/s, {:.0} per CPU s)",
            claims as f64 / load,
            claims as f64 / (cpu_seconds() - cpu).max(0.01)
        )
    };
    let mut rows = vec![(
        format!("query database: {claims} claims, {i} articles"),
        written,
    )];

    let top = speaker(0).0;
    let mid = speaker(300).0;
    let (n, t) = time(|| reference::claims_by_speaker(conn, &top, 100))?;
    rows.push((format!("claims by speaker, top speaker, first {n}"), ms(t)));
    let total: i64 = conn.query_row(
        "SELECT count(*) FROM claims c JOIN speakers s ON s.id = c.speaker_id WHERE s.name = ?1",
        [&mid],
        |r| r.get(0),
    )?;
    let (n, t) = time(|| reference::claims_by_speaker(conn, &mid, 100_000))?;
    rows.push((
        format!("claims by speaker, all {n} of a mid speaker"),
        ms(t),
    ));
    debug_assert_eq!(n as i64, total);
    let (n, t) = time(|| reference::claims_by_source_type(conn, "anonymous", 100))?;
    rows.push((
        format!("claims by source type, first {n} in article order"),
        ms(t),
    ));
    for term in [
        "withdrawal",
        "immigration",
        "\"health care\"",
        "president",
        "trump",
    ] {
        let matches = reference::count_matches(conn, term)?;
        let (n, t) = time(|| reference::search(conn, term, 20))?;
        // The ranking alone on one thread and on all, to show what the slices gain.
        let (_, one) = time(|| whosaid::store::queries::best_matches_on(conn, term, 20, 1))?;
        let (_, all) = time(|| whosaid::store::queries::best_matches(conn, term, 20))?;
        rows.push((
            format!("search {term} ranked, top {n} of {matches}"),
            format!(
                "{}; ranking alone {:.2} ms, on 1 thread {:.2} ms (x{:.2})",
                ms(t),
                all.as_secs_f64() * 1000.0,
                one.as_secs_f64() * 1000.0,
                one.as_secs_f64() / all.as_secs_f64()
            ),
        ));
    }
    print_table(&rows);
    Ok(())
}

/// The tables and indexes of the database at `path`, as SQL, once brought up to date.
fn layout(path: &Path) -> anyhow::Result<Vec<String>> {
    let store = Store::open(path)?;
    let mut stmt = store.conn().prepare(
        "SELECT coalesce(sql, name) FROM sqlite_master
         WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_stat%' ORDER BY name",
    )?;
    let rows = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<Vec<String>, _>>()?;
    Ok(rows)
}

/// The layout of a database this whosaid creates.
fn fresh_layout() -> anyhow::Result<Vec<String>> {
    let dir = tempfile::tempdir()?;
    layout(&dir.path().join("fresh.db"))
}

/// The median of several runs of `f`, with the number of rows it returned.
fn time<T>(mut f: impl FnMut() -> rusqlite::Result<Vec<T>>) -> anyhow::Result<(usize, Duration)> {
    let mut times = Vec::new();
    let mut n = 0;
    for _ in 0..15 {
        let start = Instant::now();
        n = f()?.len();
        times.push(start.elapsed());
    }
    times.sort();
    Ok((n, times[times.len() / 2]))
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms (median of 15)", d.as_secs_f64() * 1000.0)
}

// ---------------------------------------------------------------------------------------
// Full-text strategies, measured on the real schema.

fn fts(m: usize) -> anyhow::Result<()> {
    let Some(texts) = texts()? else {
        return Ok(());
    };
    let mut contents: Vec<&str> = Vec::new();
    for text in &texts {
        for span in sentences(text) {
            contents.push(span.slice(text));
        }
    }
    println!(
        "full-text strategies: {m} claims in batches of 2000 ({} distinct sentences), load average {}",
        contents.len(),
        load_average()
    );
    let mut rows = Vec::new();
    for strategy in [
        "no full-text index",
        "triggers",
        "direct inserts",
        "deferred rebuild",
    ] {
        let dir = tempfile::tempdir()?;
        let store = Store::open(&dir.path().join("fts.db"))?;
        let conn = store.conn();
        let (start, cpu) = (Instant::now(), cpu_seconds());
        let n = load_claims(conn, strategy, &contents, 0, m)?;
        if strategy == "deferred rebuild" {
            conn.execute("INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')", [])?;
        }
        rows.push((format!("{strategy}, fresh database"), rates(n, start, cpu)));
        if strategy == "direct inserts" || strategy == "deferred rebuild" {
            // A further tenth into the now large database: what a routine import costs.
            let (start, cpu) = (Instant::now(), cpu_seconds());
            let more = load_claims(conn, strategy, &contents, m, m / 10)?;
            if strategy == "deferred rebuild" {
                conn.execute("INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')", [])?;
            }
            rows.push((
                format!("{strategy}, {more} more into {m}"),
                rates(more, start, cpu),
            ));
        }
    }
    print_table(&rows);
    Ok(())
}

fn rates(n: usize, start: Instant, cpu: f64) -> String {
    let wall = start.elapsed().as_secs_f64();
    let cpu = (cpu_seconds() - cpu).max(0.01);
    format!(
        "{:>8.0} claims/s wall, {:>8.0} claims per CPU second",
        n as f64 / wall,
        n as f64 / cpu
    )
}

fn load_claims(
    conn: &Connection,
    strategy: &str,
    contents: &[&str],
    offset: usize,
    m: usize,
) -> anyhow::Result<usize> {
    if strategy == "triggers" {
        conn.execute_batch(
            "CREATE TRIGGER IF NOT EXISTS claims_ai AFTER INSERT ON claims BEGIN
               INSERT INTO claims_fts (rowid, content_text) VALUES (new.id, new.content_text);
             END;",
        )?;
    }
    let mut done = 0;
    while done < m {
        let tx =
            rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)?;
        {
            let mut claim = tx.prepare_cached(
                "INSERT INTO claims (article_id, ordinal, kind, content_start, content_end,
                     content_text, source_type, reliability, reliability_label,
                     reliability_factors, rule)
                 VALUES (?1, ?2, 'direct', 0, 0, ?3, ?4, ?5, 'medium', '[]', 'bench')",
            )?;
            let mut index =
                tx.prepare_cached("INSERT INTO claims_fts (rowid, content_text) VALUES (?1, ?2)")?;
            for k in 0..2000.min(m - done) {
                let i = offset + done + k;
                let article = i as i64 / 10;
                if i % 10 == 0 {
                    tx.execute(
                        "INSERT OR IGNORE INTO articles (id, origin, content_hash, body, extractor_version, imported_at)
                         VALUES (?1, 'bench', 'h' || ?1, '', 1, 'now')",
                        [article],
                    )?;
                }
                let text = contents[i % contents.len()];
                claim.execute(params![
                    article,
                    (i % 10) as i64,
                    text,
                    SourceType::ALL[i % 7].as_str(),
                    (i % 100) as f64 / 100.0
                ])?;
                if strategy == "direct inserts" {
                    index.execute(params![tx.last_insert_rowid(), text])?;
                }
            }
        }
        tx.commit()?;
        done += 2000.min(m - done);
    }
    Ok(done)
}
