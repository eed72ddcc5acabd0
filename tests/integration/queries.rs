//! `whosaid claims` filters, sorting and limits through the real binary. Each filter is
//! checked against the unfiltered list, so a filter that were ignored would fail.

use std::path::Path;

use serde_json::Value;

use crate::seed::{fails, ok, records, seed};

fn contents(records: &[Value]) -> Vec<String> {
    records
        .iter()
        .map(|r| r["content"]["text"].as_str().unwrap().to_owned())
        .collect()
}

/// Asserts that `args` keep exactly the claims of the full list that `keep` accepts,
/// and that this is a proper, non-empty subset.
#[track_caller]
fn filter_case(db: &Path, args: &[&str], keep: impl Fn(&Value) -> bool) {
    let all = records(db, &[]);
    let expected: Vec<String> =
        contents(&all.iter().filter(|r| keep(r)).cloned().collect::<Vec<_>>());
    let got = contents(&records(db, args));
    assert!(
        !expected.is_empty() && expected.len() < all.len(),
        "{args:?}: weak case"
    );
    assert_eq!(got, expected, "{args:?}");
}

fn date(r: &Value) -> String {
    r["stated_on"].as_str().map_or_else(
        || {
            // The publication dates of the fixture articles, by stored id.
            match r["article"].as_str().unwrap() {
                "1" => "2023-09-04",
                "2" => "2023-09-10",
                _ => "2023-09-12",
            }
            .to_owned()
        },
        str::to_owned,
    )
}

#[test]
fn every_filter_narrows_the_claims() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed(dir.path());
    assert_eq!(records(&db, &[]).len(), 12);
    filter_case(&db, &["--speaker", "Zeine"], |r| {
        r["speaker"] == "Ali Mahaman Lamine Zeine"
    });
    filter_case(&db, &["--speaker", "Jane Smith"], |r| {
        r["speaker"] == "Jane Smith"
    });
    filter_case(&db, &["--speaker", "AFP"], |r| {
        r["speaker"] == "Agence France-Presse"
    });
    filter_case(&db, &["--type", "anonymous"], |r| {
        r["source_type"] == "anonymous"
    });
    filter_case(&db, &["--kind", "direct"], |r| r["kind"] == "direct");
    filter_case(&db, &["--article", "2"], |r| r["article"] == "2");
    filter_case(&db, &["--outlet", "sahel daily"], |r| r["article"] != "2");
    filter_case(&db, &["--author", "Marc Dupont"], |r| r["article"] == "2");
    filter_case(&db, &["--since", "2023-09-10"], |r| {
        date(r).as_str() >= "2023-09-10"
    });
    filter_case(&db, &["--until", "2023-09-10"], |r| {
        date(r).as_str() <= "2023-09-10"
    });
    filter_case(&db, &["--min-reliability", "0.7"], |r| {
        r["reliability"]["score"].as_f64().unwrap() >= 0.7
    });
    // A search ranks by relevance unless told otherwise; here it keeps the list's order.
    filter_case(&db, &["--search", "withdrawal", "--sort", "article"], |r| {
        r["content"]["text"]
            .as_str()
            .unwrap()
            .contains("withdrawal")
    });
    filter_case(
        &db,
        &["--search", "curfew OR bases", "--sort", "article"],
        |r| {
            let text = r["content"]["text"].as_str().unwrap();
            text.contains("curfew") || text.contains("bases")
        },
    );
    // Filters combine.
    filter_case(
        &db,
        &["--type", "anonymous", "--since", "2023-09-05"],
        |r| r["source_type"] == "anonymous" && r["article"] == "2",
    );
}

/// One word is a surname: every speaker of that surname is selected, and the note on
/// stderr names them so the reader can pick one by id.
#[test]
fn a_surname_selects_every_speaker_of_that_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed(dir.path());
    let speakers = |args: &[&str]| -> Vec<String> {
        let mut names: Vec<String> = records(&db, args)
            .iter()
            .map(|r| r["speaker"].as_str().unwrap().to_owned())
            .collect();
        names.sort();
        names.dedup();
        names
    };
    assert_eq!(
        speakers(&["--speaker", "Smith"]),
        ["Jane Smith", "John Smith", "Smith"]
    );
    assert_eq!(speakers(&["--speaker", "Jane Smith"]), ["Jane Smith"]);
    let out = crate::seed::whosaid(&db, &["claims", "--speaker", "smith"]);
    let note = String::from_utf8_lossy(&out.stderr);
    assert!(note.contains("matches 3 speakers"), "{note}");
    assert!(note.contains("Jane Smith (#"), "{note}");
    let out = crate::seed::whosaid(&db, &["claims", "--speaker", "Jane Smith"]);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn search_marks_the_matched_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed(dir.path());
    let md = ok(
        &db,
        &["claims", "--search", "withdraw*", "--format", "markdown"],
    );
    assert_eq!(md.matches("[withdrawal]").count(), 2, "{md}");
    assert!(!md.contains("[French]"), "{md}");
    // CSV is read by other tools: the claim text stays exactly the article's.
    let csv = ok(&db, &["claims", "--search", "withdraw*", "--format", "csv"]);
    assert_eq!(csv.matches("withdrawal").count(), 2, "{csv}");
    assert!(!csv.contains('['), "{csv}");
}

fn ids(records: &[Value]) -> Vec<String> {
    records
        .iter()
        .map(|r| format!("{}/{}", r["article"], r["content"]["start"]))
        .collect()
}

/// A search alone with a limit picks its best matches inside the full-text index; with
/// another filter, or without a limit, the ranking is done after the join. Both must
/// give the same claims in the same order.
#[test]
fn ranked_search_is_the_same_on_every_path() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed(dir.path());
    let query = "withdrawal OR troops OR French OR said";
    let ranked = records(&db, &["--search", query]);
    let by_article = records(&db, &["--search", query, "--sort", "article"]);
    assert!(ranked.len() >= 3, "weak case: {} matches", ranked.len());
    let (mut a, mut b) = (ids(&ranked), ids(&by_article));
    assert_ne!(
        a, b,
        "relevance order should differ from article order here"
    );
    a.sort();
    b.sort();
    assert_eq!(a, b, "ranking must not change which claims match");
    for n in 1..=ranked.len() {
        let n_text = n.to_string();
        let fast = records(&db, &["--search", query, "--limit", &n_text]);
        assert_eq!(ids(&fast), ids(&ranked[..n]), "--limit {n}");
    }
    // With another filter the limit is applied after the join, still best first.
    let since = records(
        &db,
        &["--search", query, "--since", "2000-01-01", "--limit", "2"],
    );
    assert_eq!(ids(&since), ids(&ranked[..2]));
}

#[test]
fn sort_and_limit() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed(dir.path());
    let scores: Vec<f64> = records(&db, &["--sort", "reliability"])
        .iter()
        .map(|r| r["reliability"]["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(scores.first() > scores.last(), "{scores:?}");
    let dates: Vec<String> = records(&db, &["--sort", "date"]).iter().map(date).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    let speakers: Vec<String> = records(&db, &["--sort", "speaker"])
        .iter()
        .filter_map(|r| r["speaker"].as_str().map(str::to_lowercase))
        .collect();
    assert!(speakers.windows(2).all(|w| w[0] <= w[1]), "{speakers:?}");
    assert_eq!(records(&db, &["--limit", "3"]).len(), 3);
    let best = records(&db, &["--sort", "reliability", "--limit", "1"]);
    assert_eq!(best[0]["reliability"]["score"].as_f64(), Some(scores[0]));
    let strong = records(&db, &["--min-reliability", "0.7", "--limit", "2"]);
    assert_eq!(strong.len(), 2);
}

#[test]
fn jsonl_follows_the_output_contract() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed(dir.path());
    for line in ok(&db, &["claims", "--format", "jsonl"]).lines() {
        let record: whosaid::model::ClaimRecord = serde_json::from_str(line).unwrap();
        assert!(record.article.parse::<i64>().is_ok(), "{line}");
        assert!(record.reliability.is_some(), "{line}");
    }
    let json: Vec<whosaid::model::ClaimRecord> =
        serde_json::from_str(&ok(&db, &["claims", "--format", "json"])).unwrap();
    assert_eq!(json.len(), 12);
}

#[test]
fn bad_filters_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed(dir.path());
    for (args, message) in [
        (
            &["claims", "--search", "( ) :"][..],
            "--search: '( ) :' has no words",
        ),
        (
            &["claims", "--since", "2023-13-01"],
            "--since: '2023-13-01' is not a date",
        ),
        (
            &["claims", "--until", "yesterday"],
            "--until: 'yesterday' is not a date",
        ),
        (
            &["claims", "--type", "official"],
            "--type: unknown SourceType 'official'",
        ),
        (
            &["claims", "--kind", "quote"],
            "--kind: unknown ClaimKind 'quote'",
        ),
        (
            &["claims", "--sort", "size"],
            "--sort: unknown order 'size'",
        ),
        (
            &["claims", "--min-reliability", "2"],
            "--min-reliability: 2 is outside [0, 1]",
        ),
        (
            &["claims", "--min-reliability", "-1"],
            "--min-reliability: -1 is outside [0, 1]",
        ),
        (
            &["claims", "--until", "2025-02-30"],
            "--until: '2025-02-30' is not a date: that month has 28 days",
        ),
        (
            &["claims", "--speaker", "Nobody"],
            "--speaker: no speaker matches 'Nobody'",
        ),
    ] {
        let err = fails(&db, args);
        assert!(err.contains(message), "{args:?}: {err}");
    }
    let missing = dir.path().join("none.db");
    let err = fails(&missing, &["claims"]);
    assert!(err.contains("does not exist"), "{err}");
    assert!(!missing.exists());
}

#[test]
fn the_samples_name_zeine_once_with_his_two_claims() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("samples.db");
    ok(&db, &["import", "--quiet", "samples"]);
    let zeine = records(&db, &["--speaker", "Zeine"]);
    assert_eq!(zeine.len(), 2, "{zeine:?}");
    assert!(
        zeine
            .iter()
            .all(|r| r["speaker"] == "Ali Mahaman Lamine Zeine")
    );
    let speakers: Vec<Value> =
        serde_json::from_str(&ok(&db, &["speakers", "--format", "json"])).unwrap();
    let named: Vec<&Value> = speakers
        .iter()
        .filter(|s| s["speaker"].as_str().unwrap().contains("Zeine"))
        .collect();
    assert_eq!(named.len(), 1, "{named:?}");
    assert_eq!(named[0]["claims"], 2);
}
