//! `whosaid extract` through the real binary: the seed article against its gold file, and
//! a snapshot of every sample.

use std::path::Path;
use std::process::Command;

use whosaid::model::ClaimRecord;

const SEED: &str = "../shared/seed/niger-france-2023-09-05.txt";
const GOLD: &str = "../shared/gold/seed.jsonl";

fn extract_jsonl(path: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["extract", path, "--format", "jsonl"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run whosaid");
    assert!(
        out.status.success(),
        "whosaid extract {path} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

fn records(jsonl: &str) -> Vec<ClaimRecord> {
    jsonl
        .lines()
        .map(|l| serde_json::from_str(l).expect("a claim record"))
        .collect()
}

#[test]
fn seed_article_agrees_with_gold() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !root.join(GOLD).exists() || !root.join(SEED).exists() {
        eprintln!("skipped: ../shared not found (seed gold comparison needs {GOLD})");
        return;
    }
    let gold = records(&std::fs::read_to_string(root.join(GOLD)).expect("gold file"));
    let got = records(&extract_jsonl(SEED));
    let mut problems = Vec::new();
    for g in &gold {
        let hard = g.difficulty.as_deref() == Some("hard");
        let Some(p) = got.iter().find(|p| p.content == g.content) else {
            if hard {
                eprintln!("hard claim missed: {}", g.content.text);
            } else {
                problems.push(format!("missing claim: {}", g.content.text));
            }
            continue;
        };
        let mut diffs = Vec::new();
        if p.kind != g.kind {
            diffs.push(format!("kind {} != {}", p.kind, g.kind));
        }
        if p.cue != g.cue {
            diffs.push(format!("cue {:?} != {:?}", p.cue, g.cue));
        }
        if p.source != g.source {
            diffs.push(format!("source {:?} != {:?}", p.source, g.source));
        }
        if p.speaker != g.speaker {
            diffs.push(format!("speaker {:?} != {:?}", p.speaker, g.speaker));
        }
        if p.source_type != g.source_type {
            diffs.push(format!("type {} != {}", p.source_type, g.source_type));
        }
        let optional = [
            ("title", &p.title, &g.title),
            ("affiliation", &p.affiliation, &g.affiliation),
            ("channel", &p.channel, &g.channel),
            ("anonymity_reason", &p.anonymity_reason, &g.anonymity_reason),
            ("stated_on", &p.stated_on, &g.stated_on),
        ];
        for (name, p, g) in optional {
            if g.is_some() && p != g {
                diffs.push(format!("{name} {p:?} != {g:?}"));
            }
        }
        if !diffs.is_empty() {
            let msg = format!("{}: {}", g.content.text, diffs.join("; "));
            if hard {
                eprintln!("hard claim differs: {msg}");
            } else {
                problems.push(msg);
            }
        }
    }
    for p in &got {
        if !gold.iter().any(|g| g.content == p.content) {
            problems.push(format!("claim not in gold: {}", p.content.text));
        }
    }
    assert!(
        problems.is_empty(),
        "seed disagrees with gold:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_sample_extracts_as_snapshotted() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut samples: Vec<_> = std::fs::read_dir(root.join("samples"))
        .expect("samples/")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    samples.sort();
    assert!(
        samples.len() >= 7,
        "expected the seed and at least six samples"
    );
    for path in samples {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let rel = format!("samples/{}", path.file_name().unwrap().to_string_lossy());
        let jsonl = extract_jsonl(&rel);
        assert!(!jsonl.is_empty(), "{rel} yields no claim");
        insta::assert_snapshot!(format!("extract__{name}"), jsonl);
    }
}

#[test]
fn extract_table_has_one_row_per_claim() {
    let out = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["extract", "samples/harbour-strike-split-quote.txt"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run whosaid");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Maria Ostrowski"), "{text}");
    assert!(text.contains("Henrik Dahl"), "{text}");
    assert!(text.lines().all(|l| l.chars().count() <= 120), "{text}");
}

#[test]
fn missing_file_is_a_partial_failure() {
    let out = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args([
            "extract",
            "no/such/file.txt",
            "samples/harbour-strike-split-quote.txt",
            "--format",
            "jsonl",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run whosaid");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt"));
    assert!(!out.stdout.is_empty());
}
