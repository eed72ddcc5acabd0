//! The import pipeline: parallel reading and extraction, one writer.
//!
//! ```text
//! walk inputs ──▶ order queue (bounded) ─────────────────────────▶ writer (this thread)
//!      └──────▶ worker pool: read file, extract articles ──▶ per-file slot ──┘
//! ```
//!
//! A walker thread lists the input files and, for each, hands a job to a pool of `jobs`
//! worker threads and puts the job's result slot on a bounded queue in input order. The
//! calling thread is the only writer: it takes slots in order, waits for each result and
//! stores it. Results are therefore written in input order whatever the number of
//! workers (a parallel import stores exactly what a sequential one stores), and at most
//! `queue` files are in memory at once, so memory stays flat however large the corpus.
//!
//! The writer commits in batches: a transaction is committed after `max_batch` articles,
//! or when the writer has to wait for a worker and the transaction has been open for
//! `commit_after` (half a second). Every committed article is complete with its claims; a crash loses at most
//! the open batch, and importing again completes it.

use std::any::Any;
use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError, TryRecvError, bounded};
use rayon::prelude::*;
use rusqlite::{Connection, OpenFlags, Transaction};

use crate::ingest::IngestError;
use crate::model::{Article, Extraction};
use crate::store::Store;
use crate::store::checkpoint::Checkpointer;
use crate::store::write::{self, Prepared, Stored, Writer};

/// An input that could not be read, or one record in it that could not.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct Failure {
    /// The file, or the record (`feed.jsonl:7`).
    pub path: String,
    pub message: String,
}

impl Failure {
    #[must_use]
    pub fn new(path: &Path, message: impl Into<String>) -> Self {
        Self {
            path: path.display().to_string(),
            message: message.into(),
        }
    }
}

impl From<IngestError> for Failure {
    fn from(error: IngestError) -> Self {
        Self {
            path: error.path,
            message: error.message,
        }
    }
}

/// What reading one input file gave: its articles, warnings about them, and records
/// that failed inside a file that was otherwise read.
#[derive(Debug, Clone, Default)]
pub struct FileRead {
    pub articles: Vec<Article>,
    pub warnings: Vec<String>,
    pub errors: Vec<Failure>,
}

/// Reads one input with ingest, in the pipeline's terms: the `ReadFn` of a real import.
pub fn read_file(path: &Path) -> Result<FileRead, Failure> {
    let read = crate::ingest::read_path(path)?;
    Ok(FileRead {
        articles: read.articles,
        warnings: read.warnings.iter().map(ToString::to_string).collect(),
        errors: read.errors.into_iter().map(Failure::from).collect(),
    })
}

/// Reads one input file into articles.
pub type ReadFn = fn(&Path) -> Result<FileRead, Failure>;
/// Extracts the claims of one article.
pub type ExtractFn = fn(&Article) -> Extraction;

#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error("cannot start worker threads: {0}")]
    Pool(#[from] rayon::ThreadPoolBuildError),
    #[error("database write failed: {0}")]
    Sql(#[from] rusqlite::Error),
}

/// Claims an import writes, with every index kept up to date, before it defers the
/// claims' secondary indexes and full-text index to its end (`store::bulk`), provided it
/// has by then written at least as many claims as the database held when it began, and
/// no speaker corrections are stored (replaying them looks claims up by speaker).
///
/// Why: on a 100,000-article import (461 MB, 1.9 million claims) kept up to date claim by
/// claim, the writer's time per article grew with the database, mostly in system time for
/// the index pages each batch touches, scattered through the file and the log. Deferring
/// the indexes and building them at the end (about 20 s of the import's last moments),
/// measured back to back on the 2-core machine: writer CPU 36 s against 52 s, the whole
/// import's CPU 69 s against 86 s; keeping the full-text index row by row and deferring
/// only the two secondary indexes: writer 42 s.
///
/// The second condition keeps the routine import into a large database on the
/// row-by-row path: the indexes are built again over every stored claim, so deferring
/// pays only when this import brings most of them.
pub const BULK_AFTER_CLAIMS: usize = 20_000;

/// How to run an import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Worker threads for reading and extraction.
    pub jobs: usize,
    /// The most articles committed in one transaction.
    pub max_batch: usize,
    /// How long a transaction may stay open while the writer waits for a worker. Until
    /// then the writer waits with the batch open, so that a writer faster than extraction
    /// still commits in batches (each commit flushes the full-text index and may
    /// checkpoint the log: committing every few articles cost a third of its time).
    pub commit_after: Duration,
    /// The extractor version recorded with every article.
    pub extractor_version: u32,
    /// Claims this import writes before it may defer the claims' secondary and
    /// full-text indexes to its end (see [`BULK_AFTER_CLAIMS`]); `None` never defers.
    pub bulk_after: Option<usize>,
    /// The database being written: workers look up each article's content hash in it
    /// (read-only) and skip extracting what is already stored, so re-importing a
    /// folder that grew costs little more than reading it.
    pub known: Option<PathBuf>,
}

impl ImportOptions {
    #[must_use]
    pub fn new(jobs: usize, extractor_version: u32) -> Self {
        Self {
            jobs: jobs.max(1),
            max_batch: 500,
            commit_after: Duration::from_millis(500),
            extractor_version,
            known: None,
            bulk_after: Some(BULK_AFTER_CLAIMS),
        }
    }
}

/// What happened during an import, as it happens, in input order.
#[derive(Debug)]
pub enum Event<'a> {
    /// One article was stored (or found unchanged).
    Stored { origin: &'a str, stored: Stored },
    /// One input (or one record in it) could not be read; the import goes on.
    Failed { error: &'a Failure },
    /// Something worth telling about an article that was still read.
    Warning { message: &'a str },
    /// One input file is finished, whatever its outcome.
    FileDone,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub files: usize,
    pub imported: usize,
    pub unchanged: usize,
    pub replaced: usize,
    /// Inputs, and records inside inputs, that could not be read.
    pub failed: usize,
    /// Claims written (for new and replaced articles).
    pub claims: usize,
    /// Every article this import stored or found unchanged, in input order.
    pub articles: Vec<Stored>,
    /// Whether the claims' secondary and full-text indexes were built at the end of the
    /// import rather than kept up to date claim by claim (see [`BULK_AFTER_CLAIMS`]).
    pub deferred_indexes: bool,
}

struct Done {
    /// Articles with their claims, ready to store; `None` when the content was already
    /// stored.
    articles: Vec<(Article, Option<(Extraction, Prepared)>)>,
    warnings: Vec<String>,
    errors: Vec<Failure>,
}

type FileResult = Result<Done, Failure>;

/// Imports every file of `files` (a walk over the inputs, which may yield failures in
/// place) into `store`, reporting progress to `on_event`.
///
/// # Errors
/// When the database cannot be written; files that cannot be read are reported through
/// [`Event::Failed`] and counted, not returned.
pub fn import(
    store: &Store,
    files: impl Iterator<Item = Result<PathBuf, Failure>> + Send,
    options: &ImportOptions,
    read: ReadFn,
    extract: ExtractFn,
    mut on_event: impl FnMut(Event<'_>),
) -> Result<ImportSummary, PipelineError> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs)
        .thread_name(|i| format!("whosaid-worker-{i}"))
        .build()?;
    let (order_tx, order_rx) = bounded::<Receiver<FileResult>>(options.jobs * 4 + 4);
    let mut summary = ImportSummary::default();

    std::thread::scope(|scope| {
        scope.spawn(move || {
            for item in files {
                let (slot_tx, slot_rx) = bounded::<FileResult>(1);
                if order_tx.send(slot_rx).is_err() {
                    return; // The writer stopped.
                }
                match item {
                    Ok(path) => {
                        let known = options.known.clone();
                        pool.spawn(move || {
                            let result = process(&path, read, extract, known.as_deref());
                            let _ = slot_tx.send(result);
                        });
                    }
                    Err(error) => {
                        let _ = slot_tx.send(Err(error));
                    }
                }
            }
        });
        let result = write_all(
            store,
            &order_rx,
            options,
            extract,
            &mut summary,
            &mut on_event,
        );
        // Dropping the queue stops the walker if the writer failed.
        drop(order_rx);
        result
    })?;
    Ok(summary)
}

/// The writer loop: takes results in input order and commits them in batches.
fn write_all(
    store: &Store,
    order: &Receiver<Receiver<FileResult>>,
    options: &ImportOptions,
    extract: ExtractFn,
    summary: &mut ImportSummary,
    on_event: &mut impl FnMut(Event<'_>),
) -> Result<(), PipelineError> {
    // The log is copied into the database file by another thread, so that the writer
    // never waits for the disk (see `store::checkpoint`).
    let _checkpointer = Checkpointer::start(store)?;
    let mut bulk = Bulk::new(store, options.bulk_after)?;
    let result = write_batches(store, order, options, extract, summary, on_event, &mut bulk);
    // Build what was deferred, also after a failed write (if that fails too, the next
    // open of the database builds it).
    summary.deferred_indexes = bulk.ever;
    match (result, bulk.finish(store)) {
        (Err(e), _) => Err(e),
        (Ok(()), finished) => Ok(finished?),
    }
}

/// Whether and when an import defers the claims' indexes: see [`BULK_AFTER_CLAIMS`].
struct Bulk {
    /// Claims written after which the indexes are dropped; `None` once decided against.
    after: Option<usize>,
    /// The indexes are dropped and must be built at the end.
    deferred: bool,
    /// The indexes were dropped at some point of this import.
    ever: bool,
}

impl Bulk {
    fn new(store: &Store, after: Option<usize>) -> rusqlite::Result<Self> {
        let conn = store.conn();
        let after = match after {
            Some(after) => {
                let stored = crate::store::bulk::claims_stored(conn)?;
                let corrections = crate::store::bulk::has_corrections(conn)?;
                (!corrections).then_some(after.max(stored))
            }
            None => None,
        };
        Ok(Self {
            after,
            deferred: false,
            ever: false,
        })
    }

    /// After a commit: defers the indexes once enough claims are written.
    fn committed(&mut self, store: &Store, summary: &ImportSummary) -> rusqlite::Result<()> {
        if self.after.is_some_and(|after| summary.claims >= after) {
            self.after = None;
            crate::store::bulk::defer(store.conn())?;
            self.deferred = true;
            self.ever = true;
        }
        Ok(())
    }

    /// An article was replaced: that deletes claims and speakers, which without the
    /// index by speaker means a scan of every claim per speaker. Build the indexes now.
    fn replaced(&mut self, store: &Store) -> rusqlite::Result<()> {
        self.after = None;
        self.finish(store)
    }

    fn finish(&mut self, store: &Store) -> rusqlite::Result<()> {
        if std::mem::take(&mut self.deferred) {
            crate::store::bulk::restore(store.conn())?;
        }
        Ok(())
    }
}

/// [`write_all`]'s loop.
fn write_batches(
    store: &Store,
    order: &Receiver<Receiver<FileResult>>,
    options: &ImportOptions,
    extract: ExtractFn,
    summary: &mut ImportSummary,
    on_event: &mut impl FnMut(Event<'_>),
    bulk: &mut Bulk,
) -> Result<(), PipelineError> {
    let mut writer = Writer::new(store);
    let mut tx: Option<Transaction<'_>> = None;
    let mut in_batch = 0usize;
    let mut opened = Instant::now();
    for slot in order {
        let result = match slot.try_recv() {
            Ok(result) => result,
            Err(TryRecvError::Empty) => {
                // Wait for the worker with the batch open, but no longer than
                // `commit_after` from its start: then commit what is ready so that other
                // writers are not held up and a crash loses nothing finished.
                let left = options.commit_after.saturating_sub(opened.elapsed());
                let waited = match tx {
                    Some(_) => slot.recv_timeout(left),
                    None => slot.recv().map_err(|_| RecvTimeoutError::Disconnected),
                };
                match waited {
                    Ok(result) => result,
                    Err(RecvTimeoutError::Timeout) => {
                        commit(&mut writer, tx.take())?;
                        bulk.committed(store, summary)?;
                        in_batch = 0;
                        slot.recv().unwrap_or_else(|_| Err(lost_worker()))
                    }
                    Err(RecvTimeoutError::Disconnected) => Err(lost_worker()),
                }
            }
            Err(TryRecvError::Disconnected) => Err(lost_worker()),
        };
        summary.files += 1;
        match result {
            Err(error) => {
                summary.failed += 1;
                on_event(Event::Failed { error: &error });
            }
            Ok(done) => {
                for message in &done.warnings {
                    on_event(Event::Warning { message });
                }
                for error in &done.errors {
                    summary.failed += 1;
                    on_event(Event::Failed { error });
                }
                for (article, extraction) in &done.articles {
                    if tx.is_none() {
                        tx = Some(writer.begin()?);
                        opened = Instant::now();
                    }
                    let open = tx.as_ref().expect("transaction just opened");
                    let version = options.extractor_version;
                    let stored = match extraction {
                        Some((extraction, prepared)) => {
                            writer.store(open, article, extraction, prepared, version)?
                        }
                        None => {
                            if let Some(id) = write::stored_id(open, article)? {
                                Stored::Unchanged { id }
                            } else {
                                // Stored content since replaced: extract after all.
                                let extraction = extract_caught(&article.origin, article, extract)
                                    .unwrap_or_default();
                                let prepared = write::prepare(article, &extraction);
                                writer.store(open, article, &extraction, &prepared, version)?
                            }
                        }
                    };
                    match stored {
                        Stored::Imported { claims, .. } => {
                            summary.imported += 1;
                            summary.claims += claims;
                        }
                        Stored::Replaced { claims, .. } => {
                            summary.replaced += 1;
                            summary.claims += claims;
                        }
                        Stored::Unchanged { .. } => summary.unchanged += 1,
                    }
                    summary.articles.push(stored);
                    on_event(Event::Stored {
                        origin: &article.origin,
                        stored,
                    });
                    in_batch += 1;
                    let replaced = matches!(stored, Stored::Replaced { .. });
                    if replaced && bulk.deferred {
                        commit(&mut writer, tx.take())?;
                        bulk.replaced(store)?;
                        in_batch = 0;
                    } else if replaced {
                        bulk.replaced(store)?;
                    }
                    if in_batch >= options.max_batch {
                        commit(&mut writer, tx.take())?;
                        bulk.committed(store, summary)?;
                        in_batch = 0;
                    }
                }
            }
        }
        on_event(Event::FileDone);
    }
    commit(&mut writer, tx.take())?;
    Ok(())
}

fn commit(writer: &mut Writer<'_>, tx: Option<Transaction<'_>>) -> rusqlite::Result<()> {
    if let Some(tx) = tx {
        writer.commit(tx)?;
    }
    Ok(())
}

fn lost_worker() -> Failure {
    Failure {
        path: String::from("whosaid"),
        message: String::from("a worker thread stopped unexpectedly; please report this"),
    }
}

/// Reads and extracts one file on a worker thread. A panic in reading or extraction
/// becomes an error naming the file, so one bad input cannot stop the import.
fn process(path: &Path, read: ReadFn, extract: ExtractFn, known: Option<&Path>) -> FileResult {
    catch_unwind(AssertUnwindSafe(|| {
        let read = read(path)?;
        let one = |article: &Article| {
            let stored = known.is_some_and(|db| already_stored(db, article));
            (!stored).then(|| {
                let extraction = extract(article);
                let prepared = write::prepare(article, &extraction);
                (extraction, prepared)
            })
        };
        let extractions: Vec<Option<(Extraction, Prepared)>> = if read.articles.len() > 1 {
            read.articles.par_iter().map(one).collect()
        } else {
            read.articles.iter().map(one).collect()
        };
        Ok(Done {
            articles: read.articles.into_iter().zip(extractions).collect(),
            warnings: read.warnings,
            errors: read.errors,
        })
    }))
    .unwrap_or_else(|panic| Err(internal_error(&path.display().to_string(), panic.as_ref())))
}

/// Extraction on the writer thread, for the rare article that was stored when a worker
/// looked and was replaced before the writer got to it.
fn extract_caught(origin: &str, article: &Article, extract: ExtractFn) -> Option<Extraction> {
    catch_unwind(AssertUnwindSafe(|| extract(article)))
        .map_err(|panic| internal_error(origin, panic.as_ref()))
        .ok()
}

fn internal_error(origin: &str, panic: &(dyn Any + Send)) -> Failure {
    Failure {
        path: origin.to_owned(),
        message: format!(
            "internal error while reading or extracting ({}); the file was skipped, please report it",
            panic_message(panic)
        ),
    }
}

thread_local! {
    /// Each worker's read-only connection to the database being imported into.
    static KNOWN: RefCell<Option<(PathBuf, Connection)>> = const { RefCell::new(None) };
}

/// Whether `article`'s content is already in the database at `db`. Any problem
/// answers "no": the writer decides for certain.
fn already_stored(db: &Path, article: &Article) -> bool {
    KNOWN.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.as_ref().is_none_or(|(path, _)| path != db) {
            let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            *cell = Connection::open_with_flags(db, flags)
                .ok()
                .map(|conn| (db.to_owned(), conn));
        }
        cell.as_ref().is_some_and(|(_, conn)| {
            write::is_stored(conn, &write::content_hash(article)).unwrap_or(false)
        })
    })
}

fn panic_message(panic: &(dyn Any + Send)) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("panic")
}

/// The files to import under `inputs` (ingest's walk: files and `-` as given,
/// directories recursively in a stable order), without the files in `skip` (the
/// database and its journals, should they lie in an imported directory).
pub fn files(
    inputs: &[PathBuf],
    skip: Vec<PathBuf>,
) -> impl Iterator<Item = Result<PathBuf, Failure>> + Send + use<> {
    crate::ingest::expand(inputs).filter_map(move |item| match item {
        Ok(path) if is_skipped(&path, &skip) => None,
        Ok(path) => Some(Ok(path)),
        Err(error) => Some(Err(Failure::from(error))),
    })
}

fn is_skipped(path: &Path, skip: &[PathBuf]) -> bool {
    if skip.is_empty() {
        return false;
    }
    let Ok(path) = path.canonicalize() else {
        return false;
    };
    skip.contains(&path)
}

/// The database file and its journals, canonicalized, never to be imported.
#[must_use]
pub fn database_files(db: &Path) -> Vec<PathBuf> {
    let Ok(db) = db.canonicalize() else {
        return Vec::new();
    };
    let mut files = vec![db.clone()];
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut name = db.clone().into_os_string();
        name.push(suffix);
        files.push(PathBuf::from(name));
    }
    files
}

/// What a re-extraction did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReextractSummary {
    pub articles: usize,
    pub claims: usize,
}

/// Re-runs `extract` on the stored articles extracted by a version older than
/// `version` (all of them with `all`), replacing each one's claims in its own
/// transaction and replaying speaker corrections. `on_article` is called after each
/// with the number done so far and the total.
///
/// # Errors
/// When the database cannot be read or written.
pub fn reextract(
    store: &Store,
    version: u32,
    all: bool,
    jobs: usize,
    extract: ExtractFn,
    mut on_article: impl FnMut(usize, usize),
) -> Result<ReextractSummary, PipelineError> {
    const CHUNK: usize = 64;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .build()?;
    let ids = write::stale_article_ids(store.conn(), version, all)?;
    let mut summary = ReextractSummary::default();
    for chunk in ids.chunks(CHUNK) {
        let mut articles = Vec::with_capacity(chunk.len());
        for &id in chunk {
            if let Some(article) = write::load_article(store.conn(), id)? {
                articles.push((id, article));
            }
        }
        let extractions: Vec<Extraction> =
            pool.install(|| articles.par_iter().map(|(_, a)| extract(a)).collect());
        for ((id, article), extraction) in articles.iter().zip(&extractions) {
            let tx = store.begin_write()?;
            summary.claims += write::replace_claims(&tx, *id, article, extraction, version)?;
            write::replay_speaker_corrections(&tx)?;
            tx.commit()?;
            summary.articles += 1;
            on_article(summary.articles, ids.len());
        }
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::model::SourceType;
    use crate::store::write::quotes;

    /// Test ingest: the whole file is the body; a file starting with "BAD" is refused.
    fn read_text(path: &Path) -> Result<FileRead, Failure> {
        let body = fs::read_to_string(path).map_err(|e| Failure::new(path, e.to_string()))?;
        if body.starts_with("BAD") {
            return Err(Failure::new(path, "refused"));
        }
        let mut article = Article::from_text(&body);
        article.origin = path.display().to_string();
        Ok(FileRead {
            articles: vec![article],
            ..FileRead::default()
        })
    }

    /// Test extraction: the speaker is named by the first word of the body.
    fn extract_quotes(article: &Article) -> Extraction {
        let speaker = article.body.split_whitespace().next().unwrap_or("Nobody");
        quotes(&article.body, speaker, SourceType::NamedPerson)
    }

    fn corpus(dir: &Path, n: usize) {
        fs::create_dir_all(dir.join("sub")).unwrap();
        for i in 0..n {
            let sub = if i % 3 == 0 { "sub/" } else { "" };
            let text = format!(
                "Speaker{} said \"claim {i} one\" and later \"claim {i} two\".\n{}",
                i % 7,
                "filler ".repeat(i % 50)
            );
            fs::write(dir.join(format!("{sub}a{i:04}.txt")), text).unwrap();
        }
        fs::write(dir.join("sub/bad.txt"), "BAD input").unwrap();
        fs::write(dir.join(".hidden.txt"), "Hidden \"never\"").unwrap();
    }

    fn run(db: &Path, inputs: &[PathBuf], jobs: usize) -> (ImportSummary, Vec<String>) {
        run_bulk(db, inputs, jobs, Some(BULK_AFTER_CLAIMS))
    }

    fn run_bulk(
        db: &Path,
        inputs: &[PathBuf],
        jobs: usize,
        bulk_after: Option<usize>,
    ) -> (ImportSummary, Vec<String>) {
        let store = Store::open(db).unwrap();
        let mut options = ImportOptions::new(jobs, 1);
        options.bulk_after = bulk_after;
        options.max_batch = 7;
        options.known = Some(db.to_owned());
        let mut failures = Vec::new();
        let walk = files(inputs, Vec::new());
        let summary = import(&store, walk, &options, read_text, extract_quotes, |e| {
            if let Event::Failed { error } = e {
                failures.push(error.to_string());
            }
        })
        .unwrap();
        (summary, failures)
    }

    fn dump(db: &Path) -> Vec<String> {
        let store = Store::open(db).unwrap();
        let mut stmt = store
            .conn()
            .prepare(
                "SELECT a.id, a.origin, c.ordinal, c.content_text, s.name
                 FROM articles a LEFT JOIN claims c ON c.article_id = a.id
                 LEFT JOIN speakers s ON s.id = c.speaker_id ORDER BY a.id, c.ordinal",
            )
            .unwrap();
        stmt.query_map([], |r| {
            Ok(format!(
                "{}|{}|{:?}|{:?}|{:?}",
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?
                    .rsplit('/')
                    .next()
                    .unwrap_or_default(),
                r.get::<_, Option<i64>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?
            ))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
    }

    #[test]
    fn parallel_import_stores_what_sequential_stores() {
        let dir = tempfile::tempdir().unwrap();
        corpus(&dir.path().join("in"), 60);
        let inputs = vec![dir.path().join("in")];
        let (one, fail_one) = run(&dir.path().join("one.db"), &inputs, 1);
        let (four, fail_four) = run(&dir.path().join("four.db"), &inputs, 4);
        assert_eq!(one.imported, 60);
        assert_eq!(one.claims, 120);
        assert_eq!(one, four);
        assert_eq!(fail_one, fail_four);
        let rows = dump(&dir.path().join("one.db"));
        assert_eq!(rows.len(), 120);
        assert_eq!(rows, dump(&dir.path().join("four.db")));
    }

    /// What queries see besides the rows: the claims' indexes, full-text search with
    /// its ranking, and a speaker's claims in order.
    fn indexed(db: &Path) -> Vec<String> {
        let conn = Connection::open(db).unwrap();
        conn.execute(
            "INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')",
            [],
        )
        .expect("the full-text index matches the claims");
        let strings = |sql: &str| -> Vec<String> {
            conn.prepare(sql)
                .unwrap()
                .query_map([], |r| r.get::<_, String>(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        let mut seen = strings(
            "SELECT name || ':' || coalesce(sql, '') FROM sqlite_master
             WHERE tbl_name LIKE 'claims%' ORDER BY name",
        );
        seen.extend(strings(
            "SELECT rowid || ' ' || round(bm25(claims_fts), 6) FROM claims_fts
             WHERE claims_fts MATCH 'claim AND one' ORDER BY bm25(claims_fts), rowid",
        ));
        seen.extend(strings(
            "SELECT CAST(c.id AS TEXT) FROM claims c JOIN speakers s ON s.id = c.speaker_id
             WHERE s.name = 'Speaker3' ORDER BY c.speaker_id, c.article_id, c.ordinal",
        ));
        seen
    }

    #[test]
    fn a_bulk_import_stores_and_indexes_what_a_claim_by_claim_import_does() {
        let dir = tempfile::tempdir().unwrap();
        corpus(&dir.path().join("in"), 60);
        let inputs = vec![dir.path().join("in")];
        let (plain, bulk) = (dir.path().join("plain.db"), dir.path().join("bulk.db"));
        let (by_claim, _) = run_bulk(&plain, &inputs, 1, None);
        let (deferred, _) = run_bulk(&bulk, &inputs, 2, Some(10));
        assert!(!by_claim.deferred_indexes);
        assert!(deferred.deferred_indexes);
        assert_eq!(
            ImportSummary {
                deferred_indexes: false,
                ..deferred
            },
            by_claim
        );
        assert_eq!(dump(&plain), dump(&bulk));
        let expected = indexed(&plain);
        assert!(expected.iter().any(|s| s.starts_with("claims_speaker:")));
        assert!(expected.len() > 40, "{expected:?}");
        assert_eq!(indexed(&bulk), expected);
    }

    /// Test ingest with a URL per file: `a{i}_{n}.txt` has the URL of number `n`.
    fn read_with_url(path: &Path) -> Result<FileRead, Failure> {
        let mut read = read_text(path)?;
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let number = stem.rsplit('_').next().unwrap();
        read.articles[0].meta.url = Some(format!("https://example.com/{number}"));
        Ok(read)
    }

    #[test]
    fn a_bulk_import_that_replaces_articles_stores_what_a_claim_by_claim_import_does() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in");
        fs::create_dir_all(&input).unwrap();
        for i in 0..40 {
            let text = format!("Speaker{} said \"claim {i} one\".", i % 5);
            // From the 26th on, each replaces an earlier one (after the deferral).
            fs::write(input.join(format!("a{i:03}_{}.txt", i % 25)), text).unwrap();
        }
        let mut dumps = Vec::new();
        for (name, bulk_after) in [("plain.db", None), ("bulk.db", Some(10))] {
            let db = dir.path().join(name);
            let store = Store::open(&db).unwrap();
            let mut options = ImportOptions::new(2, 1);
            options.max_batch = 7;
            options.bulk_after = bulk_after;
            let walk = files(std::slice::from_ref(&input), Vec::new());
            let summary = import(
                &store,
                walk,
                &options,
                read_with_url,
                extract_quotes,
                |_| {},
            )
            .unwrap();
            assert_eq!((summary.imported, summary.replaced), (25, 15));
            assert_eq!(summary.deferred_indexes, bulk_after.is_some());
            drop(store);
            dumps.push((dump(&db), indexed(&db)));
        }
        assert_eq!(dumps[0], dumps[1]);
    }

    #[test]
    fn an_import_into_a_larger_database_keeps_its_indexes_up_to_date() {
        let dir = tempfile::tempdir().unwrap();
        corpus(&dir.path().join("first"), 40);
        corpus(&dir.path().join("second"), 30);
        for i in 0..30 {
            let file = dir.path().join(format!("second/a{i:04}.txt"));
            let file = if file.exists() {
                file
            } else {
                dir.path().join(format!("second/sub/a{i:04}.txt"))
            };
            let text = fs::read_to_string(&file).unwrap();
            fs::write(&file, format!("{text} second")).unwrap();
        }
        let db = dir.path().join("t.db");
        run_bulk(&db, &[dir.path().join("first")], 2, None);
        // 60 claims would be written, 80 are stored: no deferral.
        let (second, _) = run_bulk(&db, &[dir.path().join("second")], 2, Some(10));
        assert_eq!(second.claims, 60);
        assert!(!second.deferred_indexes);
    }

    #[test]
    fn an_interrupted_bulk_import_is_completed_when_the_database_is_opened() {
        let dir = tempfile::tempdir().unwrap();
        corpus(&dir.path().join("in"), 30);
        let inputs = vec![dir.path().join("in")];
        let (plain, cut) = (dir.path().join("plain.db"), dir.path().join("cut.db"));
        run_bulk(&plain, &inputs, 2, None);
        {
            // An import that deferred the indexes and stopped before building them.
            let store = Store::open(&cut).unwrap();
            crate::store::bulk::defer(store.conn()).unwrap();
            let walk = files(&inputs, Vec::new());
            let mut options = ImportOptions::new(2, 1);
            options.bulk_after = None;
            import(&store, walk, &options, read_text, extract_quotes, |_| {}).unwrap();
        }
        let raw = Connection::open(&cut).unwrap();
        assert!(!crate::store::bulk::complete(&raw).unwrap());
        drop(raw);
        assert_eq!(dump(&cut), dump(&plain)); // `dump` opens the store
        assert!(crate::store::bulk::complete(&Connection::open(&cut).unwrap()).unwrap());
        assert_eq!(indexed(&cut), indexed(&plain));
    }

    #[test]
    fn a_bad_file_is_reported_and_the_rest_imported() {
        let dir = tempfile::tempdir().unwrap();
        corpus(&dir.path().join("in"), 5);
        let missing = dir.path().join("missing.txt");
        let inputs = vec![dir.path().join("in"), missing];
        let (summary, failures) = run(&dir.path().join("t.db"), &inputs, 2);
        assert_eq!(summary.failed, 2, "{failures:?}");
        assert_eq!(summary.imported, 5);
        assert!(failures[0].contains("bad.txt") && failures[0].contains("refused"));
        assert!(failures[1].contains("missing.txt"));
    }

    static COUNTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

    fn extract_counted(article: &Article) -> Extraction {
        COUNTED.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        extract_quotes(article)
    }

    #[test]
    fn a_second_import_changes_nothing_and_extracts_nothing() {
        let dir = tempfile::tempdir().unwrap();
        corpus(&dir.path().join("in"), 20);
        let inputs = vec![dir.path().join("in")];
        let db = dir.path().join("t.db");
        run(&db, &inputs, 2);
        let before = dump(&db);
        let store = Store::open(&db).unwrap();
        let mut options = ImportOptions::new(2, 1);
        options.known = Some(db.clone());
        let walk = files(&inputs, Vec::new());
        let again = import(&store, walk, &options, read_text, extract_counted, |_| {}).unwrap();
        assert_eq!((again.imported, again.unchanged, again.claims), (0, 20, 0));
        assert_eq!(COUNTED.load(std::sync::atomic::Ordering::SeqCst), 0);
        assert_eq!(before, dump(&db));
        // A new file is extracted, the others still not.
        fs::write(dir.path().join("in/new.txt"), "New \"one\"").unwrap();
        let walk = files(&inputs, Vec::new());
        let more = import(&store, walk, &options, read_text, extract_counted, |_| {}).unwrap();
        assert_eq!((more.imported, more.unchanged, more.claims), (1, 20, 1));
        assert_eq!(COUNTED.load(std::sync::atomic::Ordering::SeqCst), 1);
    }

    #[test]
    fn the_database_and_hidden_files_are_not_imported() {
        let dir = tempfile::tempdir().unwrap();
        corpus(dir.path(), 3);
        let db = dir.path().join("t.db");
        Store::open(&db).unwrap();
        let skip = database_files(&db);
        let seen: Vec<String> = files(&[dir.path().to_path_buf()], skip)
            .map(|p| {
                p.unwrap()
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(seen, ["a0001.txt", "a0002.txt", "a0000.txt", "bad.txt"]);
    }

    #[test]
    fn reextract_replaces_only_stale_articles() {
        let dir = tempfile::tempdir().unwrap();
        corpus(&dir.path().join("in"), 4);
        let db = dir.path().join("t.db");
        run(&db, &[dir.path().join("in")], 2);
        let store = Store::open(&db).unwrap();
        let none = reextract(&store, 1, false, 2, extract_quotes, |_, _| {}).unwrap();
        assert_eq!(none.articles, 0);
        let all = reextract(&store, 2, false, 2, extract_quotes, |_, _| {}).unwrap();
        assert_eq!((all.articles, all.claims), (4, 8));
        let stale = write::stale_article_ids(store.conn(), 2, false).unwrap();
        assert!(stale.is_empty());
        let claims: i64 = store
            .conn()
            .query_row("SELECT count(*) FROM claims", [], |r| r.get(0))
            .unwrap();
        assert_eq!(claims, 8);
    }
}
