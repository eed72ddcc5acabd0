//! `whosaid show ARTICLE`: the article with its claims marked, then its claims table.

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::Path;

use crate::cli::{Format, Outcome, ShowArgs};
use crate::commands::report::{format, open, print, scored};
use crate::model::Span;
use crate::report::show::{Marking, legend, mark};
use crate::report::{self, claims};
use crate::store::queries::{self, ClaimFilter};

/// Colour only on a terminal, and never when `NO_COLOR` is set (https://no-color.org).
fn marking() -> Marking {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if !no_color && std::io::stdout().is_terminal() {
        Marking::Colour
    } else {
        Marking::Brackets
    }
}

/// Runs `whosaid show`.
///
/// # Errors
/// When the article does not exist, or the database cannot be opened or queried.
pub fn run(db: &Path, args: ShowArgs) -> anyhow::Result<Outcome> {
    let store = open(db)?;
    let conn = store.conn();
    let Some(article) = queries::article(conn, args.article)? else {
        anyhow::bail!(
            "no article {} in {}; `whosaid report` lists the articles with their ids",
            args.article,
            db.display()
        );
    };
    let rows = queries::claims(
        conn,
        &ClaimFilter {
            article: Some(article.id),
            ..ClaimFilter::default()
        },
    )?;
    let claims = scored(&store, rows, true)?;
    let marks: Vec<(Span, _)> = claims
        .iter()
        .map(|c| {
            (
                Span::new(
                    c.row.content.start,
                    c.row.content.end.max(c.row.content.start),
                ),
                c.row.source_type,
            )
        })
        .collect();
    let marking = marking();
    let mut out = format!(
        "Article {}: {}\n",
        article.id,
        article.title.as_deref().unwrap_or(&article.origin)
    );
    let meta = [
        ("date", &article.published),
        ("author", &article.author),
        ("outlet", &article.outlet),
        ("agency credit", &article.agency_credit),
    ];
    for (label, value) in meta {
        if let Some(value) = value {
            let _ = writeln!(out, "{label}: {value}");
        }
    }
    if marking == Marking::Colour {
        out.push_str(&legend());
        out.push('\n');
    }
    out.push('\n');
    // The header lines are shown above as fields; a claim inside them (a headline) keeps
    // them in the text.
    let mut from = marks
        .iter()
        .map(|(span, _)| span.start)
        .fold(article.text_start, usize::min)
        .min(article.body.len());
    while !article.body.is_char_boundary(from) {
        from -= 1;
    }
    let shifted: Vec<(Span, _)> = marks
        .iter()
        .map(|(span, t)| (Span::new(span.start - from, span.end - from), *t))
        .collect();
    out.push_str(mark(&article.body[from..], &shifted, marking).trim_end());
    out.push_str("\n\n");
    let mut section = claims::table_section(&claims, false);
    section.title = format!("Claims in article {}", article.id);
    out.push_str(&report::render(&[section], format(Format::Table)));
    print(&out)?;
    Ok(Outcome::Success)
}
