//! Snapshots of every report and table through the real binary, on the identity
//! fixtures. Output is not a terminal here, so tables are 80 columns wide and `show`
//! marks claims with brackets.

use crate::seed::{ok, seed, whosaid};

#[test]
fn report_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed(dir.path());
    for format in ["table", "markdown", "csv", "json"] {
        let out = ok(&db, &["report", "--format", format]);
        insta::assert_snapshot!(format!("report_{format}"), out);
    }
    let json: serde_json::Value =
        serde_json::from_str(&ok(&db, &["report", "--format", "json"])).unwrap();
    let single = json["single_anonymous_source"].as_array().unwrap();
    // The ministry source in article 2 is corroborated by AFP in article 3; the one in
    // article 1 stands alone.
    assert_eq!(single.len(), 1, "{single:?}");
    assert_eq!(single[0]["article"], 1);
}

/// A report scoped by outlet, author or publication date covers exactly those articles
/// and their claims.
#[test]
fn report_scopes() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed(dir.path());
    let articles = |args: &[&str]| -> Vec<i64> {
        let mut cmd = vec!["report", "--format", "json"];
        cmd.extend_from_slice(args);
        let json: serde_json::Value = serde_json::from_str(&ok(&db, &cmd)).unwrap();
        json["sourcing_per_article"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["article"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(articles(&[]), [1, 2, 3]);
    assert_eq!(articles(&["--outlet", "sahel daily"]), [1, 3]);
    assert_eq!(articles(&["--author", "Marc Dupont"]), [2]);
    assert_eq!(articles(&["--since", "2023-09-05"]), [2, 3]);
    assert_eq!(articles(&["--until", "2023-09-10"]), [1, 2]);
    assert_eq!(
        articles(&["--since", "2023-09-05", "--outlet", "Sahel Daily"]),
        [3]
    );
    let json: serde_json::Value = serde_json::from_str(&ok(
        &db,
        &["report", "--format", "json", "--author", "Marc Dupont"],
    ))
    .unwrap();
    for speaker in json["most_quoted_speakers"].as_array().unwrap() {
        assert!(speaker["articles"].as_i64().unwrap() <= 1, "{speaker}");
    }
    let err = crate::seed::fails(&db, &["report", "--since", "2023-02-30"]);
    assert!(err.contains("--since: '2023-02-30' is not a date"), "{err}");
}

#[test]
fn claims_tables() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed(dir.path());
    insta::assert_snapshot!("claims_table", ok(&db, &["claims"]));
    insta::assert_snapshot!(
        "claims_explain",
        ok(
            &db,
            &[
                "claims",
                "--explain",
                "--sort",
                "reliability",
                "--limit",
                "4"
            ]
        )
    );
    insta::assert_snapshot!(
        "claims_search",
        ok(&db, &["claims", "--search", "withdrawal"])
    );
    insta::assert_snapshot!(
        "claims_markdown",
        ok(&db, &["claims", "--article", "1", "--format", "markdown"])
    );
    insta::assert_snapshot!(
        "claims_csv",
        ok(&db, &["claims", "--article", "3", "--format", "csv"])
    );
}

#[test]
fn speakers_tables() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed(dir.path());
    insta::assert_snapshot!("speakers_table", ok(&db, &["speakers"]));
    insta::assert_snapshot!(
        "speakers_markdown",
        ok(&db, &["speakers", "--format", "markdown"])
    );
    insta::assert_snapshot!("speaker_page", ok(&db, &["speaker", "Zeine"]));
}

#[test]
fn show_marks_claims_by_source_type() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed(dir.path());
    let out = ok(&db, &["show", "3"]);
    assert!(out.contains("[unattributed: the curfew will be lifted before the holiday]"));
    assert!(!out.contains('\x1b'), "no colour when piped");
    insta::assert_snapshot!("show_article", out);
    let missing = whosaid(&db, &["show", "99"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no article 99"));
}

#[test]
fn tables_fit_80_columns_when_piped() {
    let dir = tempfile::tempdir().unwrap();
    let db = seed(dir.path());
    for args in [
        &["report"][..],
        &["claims", "--explain"],
        &["speakers"],
        &["speaker", "Zeine"],
    ] {
        let out = ok(&db, args);
        let widest = out.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        assert!(widest <= 80, "{args:?}: a line of {widest} columns");
        assert!(widest >= 70, "{args:?}: tables should use the width");
    }
}
