//! Totality: any input, however odd, is read and extracted without a panic, and every span
//! extraction returns lies in bounds, on character boundaries, and slices the body to the
//! text the JSONL output carries.

use proptest::prelude::*;
use whosaid::extract::extract;
use whosaid::ingest;
use whosaid::model::{Article, ClaimRecord, Span};

/// Pieces news text is made of, and the odd characters that break naive code.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "The", "minister", "said", "told AFP", "according to", "Mr.", "U.S.", "Sept. 5",
            "a source close to", "that", "he", "she", "Zeine", "Reuters reported", "warned",
            "There has been speculation that", "is widely seen as", "reportedly", ":", ",",
            ".", "?", "!", ";", "—", "–", "-", "(AFP)", "(with agency reports)", "By",
            "Title:", "Date: 2023-09-05", "2023-09-05", "September 5, 2023",
        ])
        .prop_map(str::to_owned),
        3 => prop::sample::select(vec![
            "\"", "“", "”", "‘", "’", "'", "«", "»", "„", "\u{201f}", "\u{2033}",
        ])
        .prop_map(str::to_owned),
        2 => prop::sample::select(vec![
            " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u{a0}", "\u{2028}", "\u{feff}", "\u{200b}",
        ])
        .prop_map(str::to_owned),
        1 => prop::sample::select(vec![
            "😀", "👩‍👩‍👧", "🇳🇪", "é", "e\u{301}", "ß", "İ", "ﬁ", "中文", "العربية", "\u{fffd}",
            "\u{1}", "\u{7}", "\u{1b}", "\u{7f}", "\u{85}", "<p>", "</p>", "{", "}", "[", "]",
        ])
        .prop_map(str::to_owned),
        1 => any::<String>(),
        // A very long sentence.
        1 => (1usize..120).prop_map(|n| "and the talks went on ".repeat(n)),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..120).prop_map(|pieces| pieces.join(" "))
}

#[track_caller]
fn check_article(article: &Article) {
    let body = &article.body;
    assert!(article.text_start <= body.len(), "text_start out of bounds");
    assert!(
        body.is_char_boundary(article.text_start),
        "text_start inside a character"
    );
    let extraction = extract(article);
    let check = |span: Span, what: &str| {
        assert!(span.start <= span.end, "{what} {span:?} reversed");
        assert!(
            span.end <= body.len(),
            "{what} {span:?} past the end ({})",
            body.len()
        );
        assert!(
            body.is_char_boundary(span.start),
            "{what} {span:?} starts inside a character"
        );
        assert!(
            body.is_char_boundary(span.end),
            "{what} {span:?} ends inside a character"
        );
    };
    for claim in &extraction.claims {
        check(claim.content, "content");
        if let Some(cue) = claim.cue {
            check(cue, "cue");
        }
        if let Some(source) = claim.source {
            check(source, "source");
        }
        if let Some(gap) = claim.content_gap {
            check(gap, "content gap");
            assert!(
                claim.content.contains(gap),
                "gap {gap:?} outside the content"
            );
        }
        let record = ClaimRecord::new(&article.origin, body, claim);
        assert_eq!(
            record.content.text,
            whosaid::model::content_text(body, claim.content, claim.content_gap)
        );
        let line = serde_json::to_string(&record).unwrap();
        let back: ClaimRecord = serde_json::from_str(&line).unwrap();
        assert_eq!(back.content, record.content);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn plain_text_reads_whole_and_extracts_safely(s in text()) {
        match ingest::parse("p.txt", s.as_bytes()) {
            Ok(read) => {
                prop_assert_eq!(read.articles.len(), 1);
                prop_assert_eq!(&read.articles[0].body, &s, "the body is the whole file");
                check_article(&read.articles[0]);
            }
            Err(e) => {
                // Only text that is empty or binary-looking is refused.
                let message = e.to_string();
                prop_assert!(
                    message.starts_with("p.txt: not an article: "),
                    "unexpected error {}", message
                );
            }
        }
        check_article(&Article::from_text(&s));
    }

    #[test]
    fn any_bytes_in_any_format_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..2000),
        origin in prop::sample::select(vec!["a.txt", "a.html", "a.json", "a.jsonl", "-", "a"]),
    ) {
        if let Ok(read) = ingest::parse(origin, &bytes) {
            for article in &read.articles {
                check_article(article);
            }
        }
    }

}

proptest! {
    // HTML parsing is the slow part: fewer cases, the same variety.
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn markup_and_records_around_odd_text_extract_safely(s in text()) {
        let html = format!("<html><body><article><p>{s}</p><p>{s}</p></article></body></html>");
        if let Ok(read) = ingest::parse("a.html", html.as_bytes()) {
            for article in &read.articles {
                check_article(article);
            }
        }
        let record = serde_json::json!({"title": s, "date": s, "text": s});
        let jsonl = format!("{record}\n{record}\n");
        if let Ok(read) = ingest::parse("a.jsonl", jsonl.as_bytes()) {
            prop_assert!(read.articles.len() + read.errors.len() == 2);
            for article in &read.articles {
                prop_assert_eq!(&article.body, &s);
                check_article(article);
            }
        }
    }
}
