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
        let pairs = score::relation_pairs(body, &article.relations, &predicted);
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
