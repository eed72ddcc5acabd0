//! A claim database built from the identity fixtures with hand-made extractions, so that
//! the reading commands are tested on known claims whatever the extractor finds.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use whosaid::model::{
    Article, ArticleMeta, Claim, ClaimKind, Extraction, Reliability, SourceType, Span, Speaker,
};
use whosaid::store::{Store, write};

pub const FIXTURES: &str = "tests/fixtures/identity";

/// Runs the real binary on database `db`.
pub fn whosaid(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("WHOSAID_DB")
        .output()
        .expect("run whosaid")
}

/// Runs the binary and returns stdout, failing the test on a non-zero exit.
#[track_caller]
pub fn ok(db: &Path, args: &[&str]) -> String {
    let out = whosaid(db, args);
    assert!(
        out.status.success(),
        "whosaid {args:?} failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// Runs the binary, expects exit code 2, and returns stderr.
#[track_caller]
pub fn fails(db: &Path, args: &[&str]) -> String {
    let out = whosaid(db, args);
    assert_eq!(out.status.code(), Some(2), "whosaid {args:?} should fail");
    String::from_utf8(out.stderr).expect("utf-8 output")
}

/// The claims printed as JSON lines.
#[track_caller]
pub fn records(db: &Path, args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["claims", "--format", "jsonl"];
    all.extend_from_slice(args);
    ok(db, &all)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// One claim as a test writes it: texts are found in the article.
#[derive(Clone, Copy)]
pub struct Spec {
    pub kind: ClaimKind,
    pub content: &'static str,
    pub cue: Option<&'static str>,
    pub source: Option<&'static str>,
    pub speaker: Option<&'static str>,
    pub source_type: SourceType,
    pub title: Option<&'static str>,
    pub affiliation: Option<&'static str>,
    pub channel: Option<&'static str>,
    pub reason: Option<&'static str>,
    pub stated_on: Option<&'static str>,
}

const fn said(
    kind: ClaimKind,
    content: &'static str,
    cue: &'static str,
    source: &'static str,
    speaker: &'static str,
    source_type: SourceType,
) -> Spec {
    Spec {
        kind,
        content,
        cue: Some(cue),
        source: Some(source),
        speaker: Some(speaker),
        source_type,
        title: None,
        affiliation: None,
        channel: None,
        reason: None,
        stated_on: None,
    }
}

use ClaimKind::{Direct, Indirect, Unattributed};
use SourceType::{Agency, Anonymous, NamedOfficial, NamedPerson};

/// The claims a careful reader finds in each fixture, by file name.
pub fn extractions() -> Vec<(&'static str, Vec<Spec>)> {
    let zeine = |s: Spec| Spec {
        title: Some("Prime Minister"),
        ..s
    };
    let ministry = |s: Spec| Spec {
        affiliation: Some("defence ministry"),
        ..s
    };
    vec![
        (
            "01-niamey-talks.txt",
            vec![
                zeine(Spec {
                    stated_on: Some("2023-09-04"),
                    ..said(
                        Indirect,
                        "talks on the withdrawal of French troops had begun",
                        "said",
                        "Niger's Prime Minister Ali Mahaman Lamine Zeine",
                        "Ali Mahaman Lamine Zeine",
                        NamedOfficial,
                    )
                }),
                zeine(said(
                    Direct,
                    "We want an orderly departure that respects our sovereignty",
                    "said",
                    "Zeine",
                    "Ali Mahaman Lamine Zeine",
                    NamedOfficial,
                )),
                ministry(Spec {
                    channel: Some("AFP"),
                    reason: Some("asked not to be named"),
                    ..said(
                        Indirect,
                        "the first soldiers could leave the Niamey air base within weeks",
                        "told",
                        "A defence ministry source",
                        "defence ministry source",
                        Anonymous,
                    )
                }),
                said(
                    Indirect,
                    "the junta was negotiating from a position of strength",
                    "said",
                    "John Smith",
                    "John Smith",
                    NamedPerson,
                ),
            ],
        ),
        (
            "02-zeine-interview.txt",
            vec![
                zeine(said(
                    Indirect,
                    "the last French soldiers would leave Niger before the end of the year",
                    "said",
                    "Prime Minister Zeine",
                    "Zeine",
                    NamedOfficial,
                )),
                said(
                    Indirect,
                    "talks on the withdrawal of French troops have begun in Niamey",
                    "According to",
                    "Reuters",
                    "Reuters",
                    Agency,
                ),
                ministry(said(
                    Indirect,
                    "the army would take over the French bases one by one",
                    "said",
                    "A defence ministry source",
                    "defence ministry source",
                    Anonymous,
                )),
                said(
                    Indirect,
                    "the courts remained open despite the curfew",
                    "said",
                    "Jane Smith",
                    "Jane Smith",
                    NamedPerson,
                ),
            ],
        ),
        (
            "03-market-and-football.txt",
            vec![
                said(
                    Indirect,
                    "the army would take over the French bases one by one",
                    "reported",
                    "Agence France-Presse",
                    "AFP",
                    Agency,
                ),
                said(
                    Indirect,
                    "the curfew had emptied the city's markets for a week",
                    "said",
                    "Smith",
                    "Smith",
                    NamedPerson,
                ),
                said(
                    Indirect,
                    "the players would donate their bonuses to the market traders",
                    "said",
                    "Ali Zeine",
                    "Ali Zeine",
                    NamedPerson,
                ),
                Spec {
                    cue: Some("There has been speculation"),
                    source: None,
                    speaker: None,
                    source_type: SourceType::Unattributed,
                    ..said(
                        Unattributed,
                        "the curfew will be lifted before the holiday",
                        "",
                        "",
                        "",
                        SourceType::Unattributed,
                    )
                },
            ],
        ),
    ]
}

/// Reads a fixture the way plain-text import does: a `Key: value` header, the whole file
/// as the body.
pub fn article(file: &str) -> Article {
    read_article(&Path::new(FIXTURES).join(file))
}

/// Reads a plain-text article: a `Key: value` header, or a one-line byline, then the text.
pub fn read_article(path: &Path) -> Article {
    let body = std::fs::read_to_string(path).expect("fixture");
    let mut meta = ArticleMeta::default();
    let mut text_start = 0;
    for line in body.split_inclusive('\n') {
        text_start += line.len();
        let Some((key, value)) = line.trim_end().split_once(": ") else {
            break;
        };
        let value = Some(value.trim().to_owned());
        match key {
            "Title" => meta.title = value,
            "Date" => meta.date = value,
            "Author" => meta.author = value,
            "Outlet" => meta.outlet = value,
            _ => {}
        }
    }
    Article {
        origin: path.display().to_string(),
        meta,
        body,
        text_start,
    }
}

fn span(body: &str, within: Span, text: &str) -> Span {
    let start = within.start
        + body[within.start..within.end]
            .find(text)
            .unwrap_or_else(|| panic!("{text:?} not in its paragraph"));
    Span::new(start, start + text.len())
}

/// The extraction `specs` describe for `article`.
pub fn extraction(article: &Article, specs: &[Spec]) -> Extraction {
    let body = &article.body;
    let mut out = Extraction::default();
    for s in specs {
        let start = body.find(s.content).expect("content in article");
        let content = Span::new(start, start + s.content.len());
        let para_start = body[..start].rfind("\n\n").map_or(0, |i| i + 2);
        let para_end = body[start..].find("\n\n").map_or(body.len(), |i| start + i);
        let para = Span::new(para_start, para_end);
        let mut claim = Claim {
            kind: s.kind,
            content,
            content_gap: None,
            cue: s.cue.map(|c| span(body, para, c)),
            source: s.source.map(|c| span(body, para, c)),
            speaker: s.speaker.map(str::to_owned),
            source_type: s.source_type,
            title: s.title.map(str::to_owned),
            affiliation: s.affiliation.map(str::to_owned),
            channel: s.channel.map(str::to_owned),
            anonymity_reason: s.reason.map(str::to_owned),
            stated_on: s.stated_on.map(str::to_owned),
            reliability: Reliability {
                score: 0.0,
                label: String::new(),
                factors: Vec::new(),
            },
            rule: "fixture",
        };
        claim.reliability = whosaid::reliability::assess_in(&claim, body);
        if let (Some(name), Some(source)) = (s.speaker, s.source) {
            if let Some(known) = out.speakers.iter_mut().find(|k| k.name == name) {
                if !known.aliases.iter().any(|a| a == source) {
                    known.aliases.push(source.to_owned());
                }
            } else {
                out.speakers.push(Speaker {
                    name: name.to_owned(),
                    source_type: s.source_type,
                    title: s.title.map(str::to_owned),
                    affiliation: s.affiliation.map(str::to_owned),
                    aliases: vec![source.to_owned()],
                });
            }
        }
        out.claims.push(claim);
    }
    out
}

/// Writes every fixture with its hand-made extraction into a fresh database in `dir`,
/// through the store's write path, one transaction per article.
pub fn seed(dir: &Path) -> PathBuf {
    let db = dir.join("claims.db");
    let store = Store::open(&db).expect("open store");
    for (file, specs) in extractions() {
        let article = article(file);
        let tx = store.begin_write().unwrap();
        let stored = write::store_article(&tx, &article, &extraction(&article, &specs), 1).unwrap();
        assert!(
            matches!(stored, write::Stored::Imported { .. }),
            "{stored:?}"
        );
        write::replay_speaker_corrections(&tx).unwrap();
        tx.commit().unwrap();
    }
    db
}

/// Re-extracts every stored article the way `whosaid reextract --all` does: the write
/// path replaces each article's claims, then the corrections are replayed.
pub fn reextract_all(db: &Path) {
    let store = Store::open(db).expect("open store");
    let tx = store.begin_write().unwrap();
    for (i, (file, specs)) in extractions().into_iter().enumerate() {
        let article = article(file);
        write::replace_claims(
            &tx,
            i as i64 + 1,
            &article,
            &extraction(&article, &specs),
            2,
        )
        .unwrap();
    }
    write::replay_speaker_corrections(&tx).unwrap();
    tx.commit().unwrap();
}

/// The fixtures as the real extractor sees them, stored through the write path.
pub fn seed_extracted(dir: &Path) -> PathBuf {
    let files: Vec<PathBuf> = extractions()
        .iter()
        .map(|(file, _)| Path::new(FIXTURES).join(file))
        .collect();
    store_extracted(&dir.join("extracted.db"), &files)
}

/// Stores `files` (plain text with a `Key: value` or byline header) into `db` with the
/// real extractor, through the write path.
pub fn store_extracted(db: &Path, files: &[PathBuf]) -> PathBuf {
    let store = Store::open(db).expect("open store");
    for file in files {
        let article = read_article(file);
        let tx = store.begin_write().unwrap();
        write::store_article(&tx, &article, &whosaid::extract::extract(&article), 1).unwrap();
        write::replay_speaker_corrections(&tx).unwrap();
        tx.commit().unwrap();
    }
    db.to_owned()
}

/// Re-runs the real extractor on every stored fixture, as `whosaid reextract --all` does.
pub fn reextract_extracted(db: &Path) {
    let store = Store::open(db).expect("open store");
    let tx = store.begin_write().unwrap();
    for (i, (file, _)) in extractions().into_iter().enumerate() {
        let article = article(file);
        let extraction = whosaid::extract::extract(&article);
        write::replace_claims(&tx, i as i64 + 1, &article, &extraction, 2).unwrap();
    }
    write::replay_speaker_corrections(&tx).unwrap();
    tx.commit().unwrap();
}
