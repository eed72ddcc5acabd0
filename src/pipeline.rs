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
//! The writer commits in batches: a transaction stays open while results are ready and
//! is committed as soon as the writer would wait for a worker, or after `max_batch`
//! articles. Every committed article is complete with its claims; a crash loses at most
//! the open batch, and importing again completes it.

use std::any::Any;
use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use crossbeam_channel::{Receiver, TryRecvError, bounded};
use rayon::prelude::*;
use rusqlite::Transaction;

use crate::ingest::IngestError;
use crate::model::{Article, Extraction};
use crate::store::Store;
use crate::store::write::{self, Stored};

/// Reads one input file into articles.
pub type ReadFn = fn(&Path) -> Result<Vec<Article>, IngestError>;
/// Extracts the claims of one article.
pub type ExtractFn = fn(&Article) -> Extraction;

#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error("cannot start worker threads: {0}")]
    Pool(#[from] rayon::ThreadPoolBuildError),
    #[error("database write failed: {0}")]
    Sql(#[from] rusqlite::Error),
}

/// How to run an import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Worker threads for reading and extraction.
    pub jobs: usize,
    /// The most articles committed in one transaction.
    pub max_batch: usize,
    /// Files never to import (the database itself and its journal files).
    pub skip: Vec<PathBuf>,
    /// The extractor version recorded with every article.
    pub extractor_version: u32,
}

impl ImportOptions {
    #[must_use]
    pub fn new(jobs: usize, extractor_version: u32) -> Self {
        Self {
            jobs: jobs.max(1),
            max_batch: 500,
            skip: Vec::new(),
            extractor_version,
        }
    }
}

/// What happened during an import, as it happens, in input order.
#[derive(Debug)]
pub enum Event<'a> {
    /// One article was stored (or found unchanged).
    Stored { origin: &'a str, stored: Stored },
    /// One input could not be read; the import goes on.
    Failed { error: &'a IngestError },
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
    pub failed: usize,
    /// Claims written (for new and replaced articles).
    pub claims: usize,
    /// Every article this import stored or found unchanged, in input order.
    pub articles: Vec<Stored>,
}

type FileResult = Result<Vec<(Article, Extraction)>, IngestError>;

/// Imports every file under `inputs` into `store`, reporting progress to `on_event`.
///
/// # Errors
/// When the database cannot be written; files that cannot be read are reported through
/// [`Event::Failed`] and counted, not returned.
pub fn import(
    store: &Store,
    inputs: &[PathBuf],
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
    let skip = options.skip.clone();
    let mut summary = ImportSummary::default();

    std::thread::scope(|scope| {
        scope.spawn(move || {
            walk(inputs, &skip, &mut |item| {
                let (slot_tx, slot_rx) = bounded::<FileResult>(1);
                if order_tx.send(slot_rx).is_err() {
                    return false; // The writer stopped.
                }
                match item {
                    Ok(path) => pool.spawn(move || {
                        let _ = slot_tx.send(process(&path, read, extract));
                    }),
                    Err(error) => {
                        let _ = slot_tx.send(Err(error));
                    }
                }
                true
            });
        });
        let result = write_all(store, &order_rx, options, &mut summary, &mut on_event);
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
    summary: &mut ImportSummary,
    on_event: &mut impl FnMut(Event<'_>),
) -> Result<(), PipelineError> {
    let mut tx: Option<Transaction<'_>> = None;
    let mut in_batch = 0usize;
    for slot in order {
        let result = match slot.try_recv() {
            Ok(result) => result,
            Err(TryRecvError::Empty) => {
                // About to wait for a worker: commit what is ready so other writers and
                // readers are not held up, and a crash loses nothing finished.
                commit(tx.take())?;
                in_batch = 0;
                slot.recv().unwrap_or_else(|_| Err(lost_worker()))
            }
            Err(TryRecvError::Disconnected) => Err(lost_worker()),
        };
        summary.files += 1;
        match result {
            Err(error) => {
                summary.failed += 1;
                on_event(Event::Failed { error: &error });
            }
            Ok(articles) => {
                for (article, extraction) in &articles {
                    if tx.is_none() {
                        tx = Some(store.begin_write()?);
                    }
                    let open = tx.as_ref().expect("transaction just opened");
                    let stored =
                        write::store_article(open, article, extraction, options.extractor_version)?;
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
                    if in_batch >= options.max_batch {
                        commit(tx.take())?;
                        in_batch = 0;
                    }
                }
            }
        }
        on_event(Event::FileDone);
    }
    commit(tx.take())?;
    Ok(())
}

fn commit(tx: Option<Transaction<'_>>) -> rusqlite::Result<()> {
    if let Some(tx) = tx {
        write::replay_speaker_corrections(&tx)?;
        tx.commit()?;
    }
    Ok(())
}

fn lost_worker() -> IngestError {
    IngestError {
        path: String::from("whosaid"),
        message: String::from("a worker thread stopped unexpectedly; please report this"),
    }
}

/// Reads and extracts one file on a worker thread. A panic in reading or extraction
/// becomes an error naming the file, so one bad input cannot stop the import.
fn process(path: &Path, read: ReadFn, extract: ExtractFn) -> FileResult {
    catch_unwind(AssertUnwindSafe(|| {
        let articles = read(path)?;
        let extractions: Vec<Extraction> = if articles.len() > 1 {
            articles.par_iter().map(extract).collect()
        } else {
            articles.iter().map(extract).collect()
        };
        Ok(articles.into_iter().zip(extractions).collect())
    }))
    .unwrap_or_else(|panic| {
        Err(IngestError {
            path: path.display().to_string(),
            message: format!(
                "internal error while reading or extracting ({}); the file was skipped, please report it",
                panic_message(panic.as_ref())
            ),
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

/// Visits every input file in order: files and `-` as given, directories recursively
/// with entries sorted by name. Hidden entries inside directories, symbolic links to
/// directories (which could loop) and the files in `skip` are left out. `visit`
/// returns false to stop.
pub fn walk(
    inputs: &[PathBuf],
    skip: &[PathBuf],
    visit: &mut dyn FnMut(Result<PathBuf, IngestError>) -> bool,
) {
    for input in inputs {
        let is_dir = input.as_os_str() != "-" && input.is_dir();
        let go_on = if is_dir {
            walk_dir(input, skip, visit)
        } else {
            visit(Ok(input.clone()))
        };
        if !go_on {
            return;
        }
    }
}

fn walk_dir(
    dir: &Path,
    skip: &[PathBuf],
    visit: &mut dyn FnMut(Result<PathBuf, IngestError>) -> bool,
) -> bool {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            return visit(Err(IngestError {
                path: dir.display().to_string(),
                message: format!("cannot read directory: {err}"),
            }));
        }
    };
    let mut entries: Vec<(PathBuf, bool)> = entries
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(|e| {
            let kind = e.file_type().ok()?;
            let path = e.path();
            if kind.is_symlink() {
                // A link to a file is followed; a link to a directory is not.
                return (!path.is_dir()).then_some((path, false));
            }
            Some((path, kind.is_dir()))
        })
        .collect();
    entries.sort();
    for (path, is_dir) in entries {
        let go_on = if is_dir {
            walk_dir(&path, skip, visit)
        } else if is_skipped(&path, skip) {
            true
        } else {
            visit(Ok(path))
        };
        if !go_on {
            return false;
        }
    }
    true
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

/// The database file and its journals, canonicalized, for [`ImportOptions::skip`].
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

/// How many files an import of `inputs` will visit, for a progress bar.
#[must_use]
pub fn count_files(inputs: &[PathBuf], skip: &[PathBuf]) -> usize {
    let mut n = 0;
    walk(inputs, skip, &mut |_| {
        n += 1;
        true
    });
    n
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
    use super::*;
    use crate::model::SourceType;
    use crate::store::write::quotes;

    /// Test ingest: the whole file is the body; a file starting with "BAD" is refused.
    fn read_text(path: &Path) -> Result<Vec<Article>, IngestError> {
        let fail = |message: &str| IngestError {
            path: path.display().to_string(),
            message: message.to_owned(),
        };
        let body = fs::read_to_string(path).map_err(|e| fail(&e.to_string()))?;
        if body.starts_with("BAD") {
            return Err(fail("refused"));
        }
        let mut article = Article::from_text(&body);
        article.origin = path.display().to_string();
        Ok(vec![article])
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
        let store = Store::open(db).unwrap();
        let mut options = ImportOptions::new(jobs, 1);
        options.max_batch = 7;
        let mut failures = Vec::new();
        let summary = import(&store, inputs, &options, read_text, extract_quotes, |e| {
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

    #[test]
    fn a_second_import_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        corpus(&dir.path().join("in"), 20);
        let inputs = vec![dir.path().join("in")];
        let db = dir.path().join("t.db");
        run(&db, &inputs, 2);
        let before = dump(&db);
        let (again, _) = run(&db, &inputs, 2);
        assert_eq!((again.imported, again.unchanged, again.claims), (0, 20, 0));
        assert_eq!(before, dump(&db));
    }

    #[test]
    fn the_database_and_hidden_files_are_not_imported() {
        let dir = tempfile::tempdir().unwrap();
        corpus(dir.path(), 3);
        let db = dir.path().join("t.db");
        Store::open(&db).unwrap();
        let skip = database_files(&db);
        let mut seen = Vec::new();
        walk(&[dir.path().to_path_buf()], &skip, &mut |p| {
            seen.push(
                p.unwrap()
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
            );
            true
        });
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
