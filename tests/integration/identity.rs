//! Speaker identity across articles through the real binary: merging, keeping apart,
//! canonical agency names, and user corrections that survive re-extraction.

use std::path::Path;

use serde_json::Value;

use crate::seed::{fails, ok, reextract_all, seed};

/// `whosaid speakers` as (name, claims, articles), by name.
fn speakers(db: &Path) -> Vec<(String, i64, i64)> {
    let list: Vec<Value> =
        serde_json::from_str(&ok(db, &["speakers", "--format", "json"])).expect("json speakers");
    let mut out: Vec<(String, i64, i64)> = list
        .iter()
        .map(|s| {
            (
                s["speaker"].as_str().unwrap().to_owned(),
                s["claims"].as_i64().unwrap(),
                s["articles"].as_i64().unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

fn count(list: &[(String, i64, i64)], name: &str) -> Option<(i64, i64)> {
    list.iter()
        .find(|(n, _, _)| n == name)
        .map(|(_, c, a)| (*c, *a))
}

#[test]
fn one_identity_per_person_across_articles() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed(dir.path());
    let list = speakers(&db);
    // "Ali Mahaman Lamine Zeine", "Zeine", "Prime Minister Zeine" and (wrongly, until
    // corrected) "Ali Zeine" are one speaker.
    assert_eq!(
        count(&list, "Ali Mahaman Lamine Zeine"),
        Some((4, 3)),
        "{list:?}"
    );
    assert_eq!(
        list.iter().filter(|(n, _, _)| n.contains("Zeine")).count(),
        1,
        "{list:?}"
    );
    // Same surname, different first names: two people; the bare surname is ambiguous.
    assert_eq!(count(&list, "John Smith"), Some((1, 1)), "{list:?}");
    assert_eq!(count(&list, "Jane Smith"), Some((1, 1)), "{list:?}");
    assert_eq!(count(&list, "Smith"), Some((1, 1)), "{list:?}");
    // Agencies under their canonical name.
    assert_eq!(
        count(&list, "Agence France-Presse"),
        Some((1, 1)),
        "{list:?}"
    );
    assert_eq!(count(&list, "Reuters"), Some((1, 1)), "{list:?}");
    // Anonymous sources are never merged across articles.
    assert_eq!(
        count(&list, "defence ministry source (article 1)"),
        Some((1, 1)),
        "{list:?}"
    );
    assert_eq!(
        count(&list, "defence ministry source (article 2)"),
        Some((1, 1)),
        "{list:?}"
    );
}

#[test]
fn speaker_page_shows_aliases_titles_and_claims_over_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed(dir.path());
    let page: Value = serde_json::from_str(&ok(
        &db,
        &["speaker", "Prime Minister Zeine", "--format", "json"],
    ))
    .unwrap();
    let aliases: Vec<&str> = page["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["alias"].as_str().unwrap())
        .collect();
    for alias in ["Zeine", "Prime Minister Zeine", "Ali Mahaman Lamine Zeine"] {
        assert!(aliases.contains(&alias), "{alias} not in {aliases:?}");
    }
    let titles: Vec<(String, i64)> = page["titles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["title"].as_str().unwrap().to_owned(),
                t["article"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        titles,
        [
            ("Prime Minister".to_owned(), 1),
            ("Prime Minister".to_owned(), 2)
        ]
    );
    let dates: Vec<&str> = page["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["date"].as_str().unwrap())
        .collect();
    assert_eq!(
        dates,
        ["2023-09-04", "2023-09-04", "2023-09-10", "2023-09-12"]
    );
}

#[test]
fn ambiguous_and_unknown_names_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed(dir.path());
    let err = fails(&db, &["speaker", "defence ministry source"]);
    assert!(err.contains("matches several speakers"), "{err}");
    assert!(err.contains('#'), "{err}");
    let err = fails(&db, &["speaker", "Nobody Atall"]);
    assert!(err.contains("no speaker matches 'Nobody Atall'"), "{err}");
    let err = fails(&db, &["speakers", "merge", "John Smith", "John Smith"]);
    assert!(err.contains("already the same speaker"), "{err}");
}

#[test]
fn corrections_apply_and_survive_reextraction() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed(dir.path());
    let out = ok(&db, &["speakers", "merge", "Jane Smith", "Smith"]);
    assert!(out.contains("merged 'Smith'"), "{out}");
    let out = ok(
        &db,
        &["speakers", "split", "Ali Mahaman Lamine Zeine", "Ali Zeine"],
    );
    assert!(out.contains("split 'Ali Zeine'"), "{out}");
    let check = |when: &str| {
        let list = speakers(&db);
        assert_eq!(count(&list, "Jane Smith"), Some((2, 2)), "{when}: {list:?}");
        assert_eq!(count(&list, "Smith"), None, "{when}: {list:?}");
        assert_eq!(count(&list, "John Smith"), Some((1, 1)), "{when}: {list:?}");
        assert_eq!(
            count(&list, "Ali Mahaman Lamine Zeine"),
            Some((3, 2)),
            "{when}: {list:?}"
        );
        assert_eq!(count(&list, "Ali Zeine"), Some((1, 1)), "{when}: {list:?}");
    };
    check("after the corrections");
    reextract_all(&db);
    check("after re-extraction");
    // A split alias no longer finds the speaker it was split from.
    let page: Value =
        serde_json::from_str(&ok(&db, &["speaker", "Ali Zeine", "--format", "json"])).unwrap();
    assert_eq!(page["speaker"][0]["value"], "Ali Zeine");
}

#[test]
fn a_split_with_nothing_to_move_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed(dir.path());
    let err = fails(&db, &["speakers", "split", "John Smith", "Jane Smith"]);
    assert!(
        err.contains("has no claims from articles naming it 'Jane Smith'"),
        "{err}"
    );
}

/// Imports the identity fixtures with the real binary.
fn import_fixtures(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("imported.db");
    let out = crate::seed::whosaid(&db, &["import", "--quiet", crate::seed::FIXTURES]);
    assert!(
        out.status.success(),
        "import failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    db
}

/// What the real extractor must make of the fixtures once stored: one Zeine across the
/// three articles, namesakes apart, canonical agency names, anonymous sources per article;
/// then the user's corrections, which must survive `reextract`.
fn check_extracted(db: &Path, reextract: impl Fn()) {
    let list = speakers(db);
    let zeines: Vec<_> = list
        .iter()
        .filter(|(n, _, _)| n.ends_with("Zeine"))
        .collect();
    assert_eq!(zeines.len(), 1, "{list:?}");
    assert_eq!(zeines[0].0, "Ali Mahaman Lamine Zeine", "{list:?}");
    assert_eq!(
        zeines[0].2, 3,
        "Zeine is quoted in all three articles: {list:?}"
    );
    assert!(count(&list, "John Smith").is_some(), "{list:?}");
    assert!(count(&list, "Jane Smith").is_some(), "{list:?}");
    assert!(count(&list, "Smith").is_some(), "{list:?}");
    assert!(count(&list, "Agence France-Presse").is_some(), "{list:?}");
    assert!(count(&list, "AFP").is_none(), "{list:?}");
    let anonymous = list
        .iter()
        .filter(|(n, _, _)| n.starts_with("defence ministry source"))
        .count();
    assert_eq!(anonymous, 2, "one anonymous source per article: {list:?}");

    ok(db, &["speakers", "merge", "Jane Smith", "Smith"]);
    ok(
        db,
        &["speakers", "split", "Ali Mahaman Lamine Zeine", "Ali Zeine"],
    );
    let check = |when: &str| {
        let list = speakers(db);
        assert_eq!(count(&list, "Smith"), None, "{when}: {list:?}");
        assert_eq!(count(&list, "Ali Zeine"), Some((1, 1)), "{when}: {list:?}");
        let zeine = count(&list, "Ali Mahaman Lamine Zeine").expect("Zeine");
        assert_eq!(zeine.1, 2, "{when}: {list:?}");
        let jane = count(&list, "Jane Smith").expect("Jane Smith");
        assert_eq!(jane.1, 2, "{when}: {list:?}");
    };
    check("after the corrections");
    reextract();
    check("after re-extraction");
}

#[test]
fn extracted_articles_merge_people_and_keep_namesakes_apart() {
    let dir = tempfile::tempdir().unwrap();
    let db = crate::seed::seed_extracted(dir.path());
    check_extracted(&db, || crate::seed::reextract_extracted(&db));
}

#[test]
fn imported_articles_merge_people_and_keep_namesakes_apart() {
    let dir = tempfile::tempdir().unwrap();
    let db = import_fixtures(dir.path());
    check_extracted(&db, || {
        ok(&db, &["reextract", "--all", "--quiet"]);
    });
}
