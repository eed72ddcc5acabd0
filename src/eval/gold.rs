//! Reading gold: PolNeAR-style directories, JSONL gold files, and the source-types file
//! that adds types and resolved speakers to PolNeAR relations.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{EvalError, GoldArticle, GoldFormat, GoldSet, Relation, brat, spans};
use crate::model::{Article, ArticleMeta, ClaimKind, ClaimRecord, SourceType, Span};

fn read(path: &Path) -> Result<String, EvalError> {
    fs::read_to_string(path).map_err(|e| EvalError::io(path, e))
}

fn list_dir(dir: &Path) -> Result<Vec<PathBuf>, EvalError> {
    let mut paths = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| EvalError::io(dir, e))? {
        paths.push(entry.map_err(|e| EvalError::io(dir, e))?.path());
    }
    paths.sort();
    Ok(paths)
}

fn file_name(path: &Path) -> &str {
    path.file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
}

/// Whether `dir` looks like a PolNeAR split: `text/` and `attributions/` inside.
#[must_use]
pub fn is_polnear_dir(dir: &Path) -> bool {
    dir.join("text").is_dir() && dir.join("attributions").is_dir()
}

/// Publication dates by article stem from `metadata.tsv` beside the split directory, when
/// it is there (columns `filename` and `publication_date`).
fn polnear_dates(dir: &Path) -> HashMap<String, String> {
    let Some(path) = dir.parent().map(|p| p.join("metadata.tsv")) else {
        return HashMap::new();
    };
    let Ok(text) = fs::read_to_string(path) else {
        return HashMap::new();
    };
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let column = |name: &str| header.iter().position(|h| *h == name);
    let (Some(name_col), Some(date_col)) = (column("filename"), column("publication_date")) else {
        return HashMap::new();
    };
    lines
        .filter_map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            Some((
                (*fields.get(name_col)?).to_owned(),
                (*fields.get(date_col)?).to_owned(),
            ))
        })
        .collect()
}

/// Reads a PolNeAR-style split directory: every `text/NAME.txt` that has an annotation file
/// `attributions/NAME_ANNOTATOR.ann` (the lexicographically first when there are several).
/// Articles are whole text files with `text_start` 0, since PolNeAR annotates headlines too.
///
/// # Errors
/// When the directory is not PolNeAR-shaped, a file cannot be read, or an annotation is
/// malformed or points past its text.
pub fn load_polnear(dir: &Path) -> Result<GoldSet, EvalError> {
    if !is_polnear_dir(dir) {
        let splits: Vec<String> = ["dev", "train", "test"]
            .iter()
            .filter(|split| is_polnear_dir(&dir.join(split)))
            .map(|split| dir.join(split).display().to_string())
            .collect();
        if !splits.is_empty() {
            return Err(EvalError::gold(
                dir,
                format!(
                    "a PolNeAR root, not a split: give a split directory ({})",
                    splits.join(" or ")
                ),
            ));
        }
        return Err(EvalError::gold(
            dir,
            "not a PolNeAR-style directory: expected text/ and attributions/ inside (give the split directory, e.g. ../shared/polnear/dev)",
        ));
    }
    let mut first_ann: HashMap<String, PathBuf> = HashMap::new();
    for path in list_dir(&dir.join("attributions"))? {
        let name = file_name(&path);
        let Some((stem, _annotator)) = name.strip_suffix(".ann").and_then(|n| n.rsplit_once('_'))
        else {
            continue;
        };
        // Paths are sorted, so the first one seen per article is the one to score.
        first_ann.entry(stem.to_owned()).or_insert(path);
    }
    let dates = polnear_dates(dir);
    let mut articles = Vec::new();
    for text_path in list_dir(&dir.join("text"))? {
        let name = file_name(&text_path);
        let Some(stem) = name.strip_suffix(".txt") else {
            continue;
        };
        let Some(ann_path) = first_ann.get(stem) else {
            continue;
        };
        let body = read(&text_path)?;
        let ann = read(ann_path)?;
        let parsed = brat::parse(&ann, &body).map_err(|e| EvalError::Parse {
            path: ann_path.clone(),
            line: e.line,
            message: e.message,
        })?;
        let relations = parsed
            .into_iter()
            .map(|r| {
                let kind = if r.source.is_empty() {
                    ClaimKind::Unattributed
                } else {
                    spans::quote_kind(&body, &r.content)
                };
                Relation {
                    id: r.id,
                    kind,
                    content: r.content,
                    source: r.source,
                    cue: r.cue,
                    speaker: None,
                    source_type: None,
                    rule: None,
                }
            })
            .collect();
        let meta = ArticleMeta {
            title: body.lines().next().map(|t| t.trim().to_owned()),
            date: dates.get(stem).cloned(),
            ..ArticleMeta::default()
        };
        articles.push(GoldArticle {
            name: stem.to_owned(),
            ann: Some(file_name(ann_path).to_owned()),
            article: Article {
                origin: text_path.display().to_string(),
                meta,
                body,
                text_start: 0,
            },
            relations,
        });
    }
    if articles.is_empty() {
        return Err(EvalError::gold(
            dir,
            "no annotated articles: text/NAME.txt needs attributions/NAME_ANNOTATOR.ann",
        ));
    }
    Ok(GoldSet {
        format: GoldFormat::Polnear,
        articles,
    })
}

/// Reads the article a JSONL gold line names: relative to the `shared/` folder holding the
/// gold file's folder (`shared/gold/seed.jsonl` names `seed/x.txt`), else to the gold file's
/// own folder. The body is the whole file, as the gold's byte offsets are into the file on
/// disk.
fn read_jsonl_article(gold_path: &Path, name: &str) -> Result<Article, EvalError> {
    let folder = gold_path.parent().unwrap_or(Path::new("."));
    let candidates = [
        folder.parent().map(|p| p.join(name)),
        Some(folder.join(name)),
    ];
    let Some(path) = candidates.into_iter().flatten().find(|p| p.is_file()) else {
        return Err(EvalError::gold(
            gold_path,
            format!(
                "article '{name}' not found beside {} or its parent folder",
                folder.display()
            ),
        ));
    };
    let body = read(&path)?;
    // Read as `whosaid extract` reads it (header metadata, where the text starts), as long
    // as the body stays the file on disk that the offsets point into.
    if let Ok(mut ingested) = crate::ingest::read_path(&path) {
        if ingested.articles.len() == 1 && ingested.articles[0].body == body {
            return Ok(ingested.articles.remove(0));
        }
    }
    Ok(Article {
        origin: path.display().to_string(),
        meta: ArticleMeta {
            title: body.lines().next().map(|t| t.trim().to_owned()),
            ..ArticleMeta::default()
        },
        body,
        text_start: 0,
    })
}

/// Checks a gold span against the article body and turns it into a byte span.
pub(super) fn gold_span(
    body: &str,
    span: &crate::model::SpanText,
    path: &Path,
    line: usize,
) -> Result<Span, EvalError> {
    let found = byte_range(body, span.start, span.end, path, line)?;
    text_matches(span, found.slice(body), path, line)?;
    Ok(found)
}

/// Checks a record's content and its gap against the article body: with a gap, the text
/// is the two pieces joined as [`crate::model::content_text`] joins them.
pub(super) fn gold_content(
    body: &str,
    span: &crate::model::SpanText,
    gap: Option<Span>,
    path: &Path,
    line: usize,
) -> Result<(Span, Option<Span>), EvalError> {
    let Some(gap) = gap else {
        return Ok((gold_span(body, span, path, line)?, None));
    };
    let content = byte_range(body, span.start, span.end, path, line)?;
    let gap = byte_range(body, gap.start, gap.end, path, line)?;
    if !content.contains(gap) {
        return Err(parse_error(
            path,
            line,
            format!(
                "content gap {}..{} is not inside the content {}..{}",
                gap.start, gap.end, content.start, content.end
            ),
        ));
    }
    let text = crate::model::content_text(body, content, Some(gap));
    text_matches(span, &text, path, line)?;
    Ok((content, Some(gap)))
}

fn parse_error(path: &Path, line: usize, message: String) -> EvalError {
    EvalError::Parse {
        path: path.to_owned(),
        line,
        message,
    }
}

fn byte_range(
    body: &str,
    start: usize,
    end: usize,
    path: &Path,
    line: usize,
) -> Result<Span, EvalError> {
    let ok = start <= end
        && end <= body.len()
        && body.is_char_boundary(start)
        && body.is_char_boundary(end);
    if !ok {
        return Err(parse_error(
            path,
            line,
            format!(
                "span {start}..{end} is not a byte range of the article ({} bytes)",
                body.len()
            ),
        ));
    }
    Ok(Span::new(start, end))
}

fn text_matches(
    span: &crate::model::SpanText,
    found: &str,
    path: &Path,
    line: usize,
) -> Result<(), EvalError> {
    if found != span.text {
        return Err(parse_error(
            path,
            line,
            format!(
                "span {}..{} reads {found:?} in the article, not {:?}; offsets must be bytes",
                span.start, span.end, span.text
            ),
        ));
    }
    Ok(())
}

/// The non-empty lines of a JSONL file as records of type `T`, with their line numbers.
///
/// # Errors
/// When a line is not such a record; the error names the file, the line and `what` a line
/// should be.
pub(crate) fn jsonl_records<T: serde::de::DeserializeOwned>(
    path: &Path,
    text: &str,
    what: &str,
) -> Result<Vec<(usize, T)>, EvalError> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            serde_json::from_str(line)
                .map(|record| (index + 1, record))
                .map_err(|e| EvalError::Parse {
                    path: path.to_owned(),
                    line: index + 1,
                    message: format!("not {what}: {e}"),
                })
        })
        .collect()
}

/// Reads a JSONL gold file (`shared/gold/FORMAT.md`): one claim per line, byte offsets,
/// grouped per article in order of first appearance.
///
/// # Errors
/// When the file or an article cannot be read, a line is not a claim record, or a span
/// does not match its article's text.
pub fn load_jsonl(path: &Path) -> Result<GoldSet, EvalError> {
    let text = read(path)?;
    let mut articles: Vec<GoldArticle> = Vec::new();
    for (line_no, record) in jsonl_records::<ClaimRecord>(path, &text, "a gold claim record")? {
        let position = if let Some(p) = articles.iter().position(|a| a.name == record.article) {
            p
        } else {
            let article = read_jsonl_article(path, &record.article)?;
            articles.push(GoldArticle {
                name: record.article.clone(),
                ann: None,
                article,
                relations: Vec::new(),
            });
            articles.len() - 1
        };
        let gold = &mut articles[position];
        let body = &gold.article.body;
        let (content, gap) =
            gold_content(body, &record.content, record.content_gap, path, line_no)?;
        let source = match &record.source {
            Some(s) => vec![gold_span(body, s, path, line_no)?],
            None => Vec::new(),
        };
        let cue = match &record.cue {
            Some(s) => vec![gold_span(body, s, path, line_no)?],
            None => Vec::new(),
        };
        gold.relations.push(Relation {
            id: format!("line {line_no}"),
            kind: record.kind,
            content: crate::model::content_pieces(content, gap),
            source,
            cue,
            speaker: record.speaker,
            source_type: Some(record.source_type),
            rule: None,
        });
    }
    if articles.is_empty() {
        return Err(EvalError::gold(path, "no gold claims in the file"));
    }
    Ok(GoldSet {
        format: GoldFormat::Jsonl,
        articles,
    })
}

#[derive(Deserialize)]
struct TypeRecord {
    article: String,
    #[serde(default)]
    ann: Option<String>,
    relation: String,
    source_type: SourceType,
    speaker: Option<String>,
}

/// How a types file applied to a gold set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TypesApplied {
    /// Records that found their relation.
    pub applied: usize,
    /// Records whose article, annotation file or relation is not in the gold set.
    pub unmatched: usize,
}

/// Adds source types and resolved speakers from a types file (JSONL keyed by `article`,
/// `ann` and `relation`, as `shared/gold/polnear-dev-source-types.jsonl`) to PolNeAR gold.
///
/// # Errors
/// When the file cannot be read or a line is not a type record.
pub fn apply_types(gold: &mut GoldSet, path: &Path) -> Result<TypesApplied, EvalError> {
    let text = read(path)?;
    let mut summary = TypesApplied::default();
    for (_, record) in jsonl_records::<TypeRecord>(path, &text, "a source-type record")? {
        let relation = gold
            .articles
            .iter_mut()
            .find(|a| {
                a.name == record.article
                    && (record.ann.is_none() || a.ann.as_deref() == record.ann.as_deref())
            })
            .and_then(|a| a.relations.iter_mut().find(|r| r.id == record.relation));
        match relation {
            Some(relation) => {
                relation.source_type = Some(record.source_type);
                relation.speaker = record.speaker;
                summary.applied += 1;
            }
            None => summary.unmatched += 1,
        }
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) {
        let path = dir.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    #[test]
    fn polnear_takes_the_first_annotation_file_and_derives_kinds() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("dev");
        // "é" and curly quotes make code points and bytes differ.
        let text = "Café talk\n“We won,” Smith said. Jones said the vote was “rigged.”\n";
        write(&dir, "text/a_one.txt", text);
        // Code-point offsets of the first `len` characters of `needle`.
        let cp = |needle: &str, len: usize| {
            let byte = text.find(needle).unwrap();
            let start = text[..byte].chars().count();
            format!("{start} {}", start + len)
        };
        let all = |needle: &str| cp(needle, needle.chars().count());
        let ann_b = format!(
            "T1\tContent {}\tx\nT2\tSource {}\tSmith\nT3\tCue {}\tsaid\nE1\tAttribution:T3 Content:T1 Source:T2 Cue:T3\n\
             T4\tContent {}\tx\nT5\tSource {}\tJones\nT6\tCue {}\tsaid\nE2\tAttribution:T6 Content:T4 Source:T5 Cue:T6\n",
            all("“We won,”"),
            all("Smith"),
            cp("said.", 4),
            all("the vote was “rigged.”"),
            all("Jones"),
            cp("said the", 4),
        );
        write(&dir, "attributions/a_one_bbbb.ann", &ann_b);
        write(&dir, "attributions/a_one_aaaa.ann", "");
        write(&dir, "text/unannotated.txt", "no annotations");
        let gold = load_polnear(&dir).unwrap();
        assert_eq!(gold.articles.len(), 1);
        let article = &gold.articles[0];
        assert_eq!(article.ann.as_deref(), Some("a_one_aaaa.ann"));
        assert!(article.relations.is_empty());

        fs::remove_file(dir.join("attributions/a_one_aaaa.ann")).unwrap();
        let gold = load_polnear(&dir).unwrap();
        let article = &gold.articles[0];
        assert_eq!(article.article.meta.title.as_deref(), Some("Café talk"));
        let body = &article.article.body;
        let kinds: Vec<ClaimKind> = article.relations.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, [ClaimKind::Direct, ClaimKind::Mixed]);
        assert_eq!(
            article.relations[1].content[0].slice(body),
            "the vote was “rigged.”"
        );
        assert_eq!(article.relations[1].source[0].slice(body), "Jones");
    }

    #[test]
    fn a_directory_without_text_and_attributions_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let err = load_polnear(tmp.path()).unwrap_err().to_string();
        assert!(err.contains("text/ and attributions/"), "{err}");
        fs::create_dir_all(tmp.path().join("dev/text")).unwrap();
        fs::create_dir_all(tmp.path().join("dev/attributions")).unwrap();
        let err = load_polnear(tmp.path()).unwrap_err().to_string();
        assert!(err.contains("not a split"), "{err}");
        assert!(err.contains("dev"), "{err}");
    }

    #[test]
    fn jsonl_gold_reads_articles_relative_to_the_shared_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let body = "Header line\n“Ça va,” he said.\n";
        write(tmp.path(), "seed/a.txt", body);
        let start = body.find("Ça va").unwrap();
        let end = start + "Ça va".len();
        let he = body.find("he said").unwrap();
        let line = format!(
            r#"{{"article": "seed/a.txt", "kind": "direct", "content": {{"text": "Ça va", "start": {start}, "end": {end}}}, "cue": {{"text": "said", "start": {}, "end": {}}}, "source": {{"text": "he", "start": {he}, "end": {}}}, "speaker": "Ann Lee", "source_type": "named_person"}}"#,
            he + 3,
            he + 7,
            he + 2
        );
        write(tmp.path(), "gold/g.jsonl", &format!("{line}\n\n"));
        let gold = load_jsonl(&tmp.path().join("gold/g.jsonl")).unwrap();
        assert_eq!(gold.format, GoldFormat::Jsonl);
        let relation = &gold.articles[0].relations[0];
        assert_eq!(relation.id, "line 1");
        assert_eq!(relation.speaker.as_deref(), Some("Ann Lee"));
        assert_eq!(relation.source_type, Some(SourceType::NamedPerson));

        // Code-point offsets in a byte-offset file are caught, not silently misread.
        let wrong = line.replace(
            &format!("\"start\": {start}"),
            &format!("\"start\": {}", start - 1),
        );
        write(tmp.path(), "gold/bad.jsonl", &wrong);
        let err = load_jsonl(&tmp.path().join("gold/bad.jsonl"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("bad.jsonl:1"), "{err}");
    }

    #[test]
    fn types_apply_by_article_and_relation() {
        let mut gold = GoldSet {
            format: GoldFormat::Polnear,
            articles: vec![GoldArticle {
                name: String::from("a"),
                ann: Some(String::from("a_x.ann")),
                article: Article::from_text("x"),
                relations: vec![Relation {
                    id: String::from("E1"),
                    kind: ClaimKind::Indirect,
                    content: vec![Span::new(0, 1)],
                    source: Vec::new(),
                    cue: Vec::new(),
                    speaker: None,
                    source_type: None,
                    rule: None,
                }],
            }],
        };
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("types.jsonl");
        fs::write(
            &path,
            concat!(
                r#"{"article": "a", "ann": "a_x.ann", "relation": "E1", "source_type": "agency", "speaker": "AP"}"#,
                "\n",
                r#"{"article": "a", "ann": "a_y.ann", "relation": "E1", "source_type": "anonymous", "speaker": null}"#,
                "\n",
                r#"{"article": "a", "ann": "a_x.ann", "relation": "E2", "source_type": "anonymous", "speaker": null}"#,
                "\n"
            ),
        )
        .unwrap();
        let summary = apply_types(&mut gold, &path).unwrap();
        assert_eq!(
            summary,
            TypesApplied {
                applied: 1,
                unmatched: 2
            }
        );
        let relation = &gold.articles[0].relations[0];
        assert_eq!(relation.source_type, Some(SourceType::Agency));
        assert_eq!(relation.speaker.as_deref(), Some("AP"));
    }
}
