//! Content boundaries of matched relations that differ from gold, for studying span rules.
//!
//! ```text
//! cargo run --release --example content_diff -- GOLD_DIR [KIND]
//! ```
//!
//! Extracts every article of a PolNeAR-style directory, matches predicted relations to gold
//! ones as `whosaid eval` does (half the trimmed gold content covered, sources overlapping),
//! and prints one tab-separated line per matched pair whose trimmed content differs:
//! gold kind, predicted kind, rule, where the predicted content starts and ends relative to
//! gold (`early`/`late`/`same`, `past`/`short`/`same`), the text between the two starts and
//! between the two ends, and the passage around both with gold content in `⟦ ⟧` and the
//! predicted content in `⟨ ⟩`. KIND (`direct`, `mixed`, `indirect`, `unattributed`)
//! keeps only gold relations of that kind.

use std::path::Path;

use whosaid::eval::spans;
use whosaid::eval::{GoldFormat, gold, score};
use whosaid::extract;
use whosaid::model::Span;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: content_diff GOLD_DIR [KIND]");
        std::process::exit(2);
    };
    let kind = args.get(1).map(String::as_str);
    let set = match gold::load_polnear(Path::new(dir)) {
        Ok(set) => set,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    for article in &set.articles {
        let body = &article.article.body;
        let claims = extract::extract(&article.article).claims;
        let predicted = score::predictions(GoldFormat::Polnear, &claims);
        for (g, p) in score::relation_pairs(body, &article.relations, &predicted)
            .into_iter()
            .map(|(g, p)| (&article.relations[g], &predicted[p]))
        {
            if kind.is_some_and(|k| k != g.kind.as_str()) {
                continue;
            }
            let (gt, pt) = (
                spans::trim_pieces(body, &g.content),
                spans::trim_pieces(body, &p.content),
            );
            if gt == pt || gt.is_empty() || pt.is_empty() {
                continue;
            }
            let (gs, ge) = (gt[0].start, gt[gt.len() - 1].end);
            let (ps, pe) = (pt[0].start, pt[pt.len() - 1].end);
            let start = match ps.cmp(&gs) {
                std::cmp::Ordering::Less => "early",
                std::cmp::Ordering::Greater => "late",
                std::cmp::Ordering::Equal => "same",
            };
            let end = match pe.cmp(&ge) {
                std::cmp::Ordering::Less => "short",
                std::cmp::Ordering::Greater => "past",
                std::cmp::Ordering::Equal => "same",
            };
            println!(
                "{}\t{}\t{}\t{start}\t{end}\t{}/{}\t{}\t{}\t{}",
                g.kind.as_str(),
                p.kind.as_str(),
                p.rule.as_deref().unwrap_or("-"),
                gt.len(),
                pt.len(),
                flat(&body[ps.min(gs)..ps.max(gs)]),
                flat(&body[pe.min(ge)..pe.max(ge)]),
                passage(body, &gt, &pt),
            );
        }
    }
}

/// Whitespace collapsed, so a passage stays on one line.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text around both contents with their pieces marked.
fn passage(body: &str, gold: &[Span], predicted: &[Span]) -> String {
    const REACH: usize = 60;
    let first = gold[0].start.min(predicted[0].start);
    let last = gold[gold.len() - 1]
        .end
        .max(predicted[predicted.len() - 1].end);
    let mut from = first.saturating_sub(REACH);
    while !body.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (last + REACH).min(body.len());
    while !body.is_char_boundary(to) {
        to += 1;
    }
    let mut marks: Vec<(usize, u8, &str)> = Vec::new();
    for s in gold {
        marks.push((s.start, 1, "⟦"));
        marks.push((s.end, 0, "⟧"));
    }
    for s in predicted {
        marks.push((s.start, 1, "⟨"));
        marks.push((s.end, 0, "⟩"));
    }
    marks.sort_unstable();
    let mut out = String::new();
    let mut at = from;
    for (i, _, mark) in marks {
        out.push_str(&body[at..i]);
        out.push_str(mark);
        at = i;
    }
    out.push_str(&body[at..to]);
    flat(&out)
}
