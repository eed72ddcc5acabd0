//! Every matched relation with both contents, as JSON lines, for studying span rules.
//!
//! ```text
//! cargo run --release --example content_pairs -- GOLD_DIR > pairs.jsonl
//! ```
//!
//! Also prints unmatched gold and unmatched predicted relations (`"match": false`).

use std::path::Path;

use whosaid::eval::spans;
use whosaid::eval::{GoldFormat, Relation, gold, score};
use whosaid::extract;
use whosaid::model::Span;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = &args[0];
    let set = gold::load_polnear(Path::new(dir)).expect("gold");
    for (ai, article) in set.articles.iter().enumerate() {
        let body = &article.article.body;
        let claims = extract::extract(&article.article).claims;
        let predicted = score::predictions(GoldFormat::Polnear, &claims);
        println!("{}", serde_json::json!({"article": ai, "body": body}));
        let pairs = matched(body, &article.relations, &predicted);
        let mut gold_used = vec![false; article.relations.len()];
        let mut pred_used = vec![false; predicted.len()];
        for &(g, p) in &pairs {
            gold_used[g] = true;
            pred_used[p] = true;
            line(ai, body, Some(&article.relations[g]), Some(&predicted[p]));
        }
        for (g, r) in article.relations.iter().enumerate() {
            if !gold_used[g] {
                line(ai, body, Some(r), None);
            }
        }
        for (p, r) in predicted.iter().enumerate() {
            if !pred_used[p] {
                line(ai, body, None, Some(r));
            }
        }
    }
}

fn pieces(body: &str, s: &[Span]) -> serde_json::Value {
    serde_json::Value::Array(
        spans::trim_pieces(body, s)
            .iter()
            .map(|p| serde_json::json!([p.start, p.end]))
            .collect(),
    )
}

fn rel(body: &str, r: Option<&Relation>) -> serde_json::Value {
    r.map_or(serde_json::Value::Null, |r| {
        serde_json::json!({
            "kind": r.kind.as_str(),
            "rule": r.rule,
            "content": pieces(body, &r.content),
            "source": pieces(body, &r.source),
            "cue": pieces(body, &r.cue),
        })
    })
}

fn line(ai: usize, body: &str, g: Option<&Relation>, p: Option<&Relation>) {
    println!(
        "{}",
        serde_json::json!({"article": ai, "gold": rel(body, g), "pred": rel(body, p)})
    );
}

fn matched(body: &str, gold: &[Relation], predicted: &[Relation]) -> Vec<(usize, usize)> {
    let mut candidates = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let g_content = spans::trim_pieces(body, &g.content);
        let g_len = spans::total_len(&g_content);
        for (pi, p) in predicted.iter().enumerate() {
            let p_raw = spans::join_pieces(body, &p.content);
            let covered = spans::overlap_bytes(&g_content, &p_raw);
            let content_ok = if g_len == 0 {
                spans::overlap_bytes(&spans::join_pieces(body, &g.content), &p_raw) > 0
            } else {
                2 * covered >= g_len
            };
            let (gs, ps) = (
                spans::join_pieces(body, &g.source),
                spans::join_pieces(body, &p.source),
            );
            let source_overlap = spans::overlap_bytes(&gs, &ps);
            let source_ok = match (gs.is_empty(), ps.is_empty()) {
                (true, true) => true,
                (false, false) => source_overlap > 0,
                _ => false,
            };
            if content_ok && source_ok {
                candidates.push(((covered, source_overlap), gi, pi));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut gu, mut pu) = (vec![false; gold.len()], vec![false; predicted.len()]);
    let mut pairs = Vec::new();
    for (_, g, p) in candidates {
        if !gu[g] && !pu[p] {
            gu[g] = true;
            pu[p] = true;
            pairs.push((g, p));
        }
    }
    pairs
}
