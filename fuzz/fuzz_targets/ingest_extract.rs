//! Arbitrary bytes through ingest and extraction: no panic, and every span extraction
//! returns is in bounds, on character boundaries, and slices the body it points into.
//!
//! The first byte picks the name the input is read under, and so its format.

#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::model::{ClaimRecord, Span};

const ORIGINS: &[&str] = &["a.txt", "a.html", "a.json", "a.jsonl", "-", "a"];

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let origin = ORIGINS[usize::from(first) % ORIGINS.len()];
    let Ok(read) = whosaid::ingest::parse(origin, bytes) else {
        return;
    };
    for article in &read.articles {
        let body = &article.body;
        assert!(article.text_start <= body.len() && body.is_char_boundary(article.text_start));
        let check = |span: Span| {
            assert!(span.start <= span.end && span.end <= body.len(), "{span:?} out of bounds");
            assert!(body.is_char_boundary(span.start) && body.is_char_boundary(span.end));
        };
        for claim in whosaid::extract::extract(article).claims {
            check(claim.content);
            claim.cue.into_iter().chain(claim.source).for_each(check);
            let record = ClaimRecord::new(&article.origin, body, &claim);
            assert_eq!(record.content.text, &body[claim.content.start..claim.content.end]);
        }
    }
});
