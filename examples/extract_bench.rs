//! Extraction speed on one thread, for profiling and side-by-side comparisons.
//!
//! ```text
//! cargo run --release --example extract_bench -- [ROUNDS]          # default 5
//! cargo run --release --example extract_bench -- stages [ROUNDS]   # time per stage
//! ```
//!
//! Extracts every PolNeAR train text in `../shared/polnear/train/text` ROUNDS times on
//! the calling thread and prints one line: MB/s of wall time, MB per CPU second, articles/s
//! and the number of claims found in one round.

#[path = "support/cpu.rs"]
mod cpu;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use whosaid::extract::{self, attribution, doc::Doc, tokens, vocab};
use whosaid::model::Article;

const TEXTS: &str = "../shared/polnear/train/text";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stages = args.first().is_some_and(|a| a == "stages");
    let rounds: usize = args
        .get(usize::from(stages))
        .and_then(|a| a.parse().ok())
        .unwrap_or(5);
    let dir = Path::new(TEXTS);
    if !dir.is_dir() {
        println!("skipped: {TEXTS} not found (the PolNeAR texts are needed)");
        return;
    }
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    let articles: Vec<Article> = paths
        .iter()
        .filter_map(|p| fs::read_to_string(p).ok())
        .map(|t| Article::from_text(&t))
        .collect();
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    if stages {
        print_stages(&articles, bytes, rounds);
        return;
    }
    // Warm the lexicons outside the timed part.
    let mut claims = articles
        .first()
        .map_or(0, |a| extract::extract(a).claims.len());
    let (start, cpu) = (Instant::now(), cpu_seconds());
    for _ in 0..rounds {
        claims = articles
            .iter()
            .map(|a| extract::extract(a).claims.len())
            .sum();
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu = (cpu_seconds() - cpu).max(0.01);
    let total = (bytes * rounds) as f64 / 1e6;
    println!(
        "{:.1} MB/s, {:.1} MB per CPU s, {:.0} articles/s, {claims} claims in {} articles",
        total / secs,
        total / cpu,
        (articles.len() * rounds) as f64 / secs,
        articles.len()
    );
}

/// A stage run on one article, returning a count to keep its work observable.
type Stage = dyn Fn(&Article) -> usize;

/// CPU seconds of each stage, cumulative: tokens, the analysed article, attribution, all.
fn print_stages(articles: &[Article], bytes: usize, rounds: usize) {
    let time = |f: &Stage| {
        let cpu = cpu_seconds();
        let mut n = 0;
        for _ in 0..rounds {
            n += articles.iter().map(f).sum::<usize>();
        }
        ((cpu_seconds() - cpu).max(0.01), n)
    };
    let total = (bytes * rounds) as f64 / 1e6;
    let rows: [(&str, &Stage); 5] = [
        ("tokens", &|a| tokens::tokenize(&a.body, a.text_start).len()),
        ("tokens + word flags", &|a| {
            let table = vocab::get();
            let mut buf = String::new();
            tokens::tokenize(&a.body, a.text_start)
                .iter()
                .filter(|t| t.kind == tokens::Kind::Word)
                .map(|t| table.flags(t.span.slice(&a.body), &mut buf) as usize)
                .sum()
        }),
        ("doc (tokens, flags, quotes, sentences)", &|a| {
            Doc::new(&a.body, a.text_start).len()
        }),
        ("doc + attribution", &|a| {
            attribution::attribute(&Doc::new(&a.body, a.text_start)).len()
        }),
        ("all", &|a| extract::extract(a).claims.len()),
    ];
    for (label, f) in rows {
        let (cpu, n) = time(f);
        println!(
            "{label:>40}: {cpu:.2} CPU s, {:.1} MB per CPU s ({} per round)",
            total / cpu,
            n / rounds.max(1)
        );
    }
}

/// CPU seconds used by this process so far (user + system).
fn cpu_seconds() -> f64 {
    cpu::stat_cpu_seconds("/proc/self/stat")
}
