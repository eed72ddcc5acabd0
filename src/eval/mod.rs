//! Evaluation of extraction against gold annotations: what `whosaid eval` measures.
//!
//! Gold comes as a PolNeAR-style directory (brat standoff, code-point offsets; see
//! [`gold::load_polnear`]) or as a JSONL gold file (byte offsets; [`gold::load_jsonl`]).
//! Both become [`GoldArticle`]s holding [`Relation`]s in byte spans; predictions are turned
//! into the same shape, and [`score`] compares the two. Rendering lives in [`render`].
//!
//! What is measured (all counts summed over articles, never averaged per article):
//! - **Relations**: a predicted claim matches a gold relation when its content covers at
//!   least half of the gold content (trimmed, in bytes) and its source overlaps the gold
//!   source, or both have no source. Matching is one-to-one, greedy by covered bytes.
//! - **Spans** (content, source, cue), each role on its own, one-to-one within an article:
//!   *exact* compares spans after [`spans::trim`]; *raw* compares them untrimmed; *overlap*
//!   pairs spans greedily by shared tokens and counts tokens (words and punctuation marks):
//!   precision = shared tokens of the pairs / tokens of all predicted spans, recall = shared
//!   tokens / tokens of all gold spans.
//! - **By kind**: recall counts gold items by their gold kind, precision counts predicted
//!   items by their predicted kind, over the same matching.
//! - **Accuracy** on matched relations: kind, and where gold has them, source type and
//!   speaker (see [`score::speaker_match`]).

pub mod brat;
pub mod gold;
pub mod predictions;
pub mod render;
pub mod score;
pub mod spans;

use std::path::PathBuf;

use crate::model::{Article, ClaimKind, SourceType, Span};

pub use score::{Evaluation, evaluate};

/// Why gold could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{path}: {message}")]
    Gold { path: PathBuf, message: String },
}

impl EvalError {
    fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io {
            path: path.into(),
            source,
        }
    }

    fn gold(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self::Gold {
            path: path.into(),
            message: message.into(),
        }
    }
}

/// One attribution relation, gold or predicted, in byte spans into its article's body.
/// Spans are lists of pieces because gold spans can be discontinuous; `source` is empty
/// for an unattributed claim and `cue` is empty when there is none.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// `E3` for PolNeAR, `line 4` for JSONL gold, `#2` for the third predicted claim.
    pub id: String,
    pub kind: ClaimKind,
    pub content: Vec<Span>,
    pub source: Vec<Span>,
    pub cue: Vec<Span>,
    pub speaker: Option<String>,
    pub source_type: Option<SourceType>,
    /// The extraction rule, for predictions.
    pub rule: Option<String>,
}

/// An article with its gold relations.
#[derive(Debug, Clone)]
pub struct GoldArticle {
    /// The name errors are listed under: the PolNeAR file stem or the JSONL `article`.
    pub name: String,
    /// The annotation file used, for PolNeAR.
    pub ann: Option<String>,
    pub article: Article,
    pub relations: Vec<Relation>,
}

/// Which gold format was read; decides conventions that differ between corpora.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoldFormat {
    /// PolNeAR annotates one relation per cue, so predicted claims that share a cue and a
    /// source (the halves of a split quote) are scored as one relation.
    Polnear,
    Jsonl,
}

/// Everything read from a gold path.
#[derive(Debug, Clone)]
pub struct GoldSet {
    pub format: GoldFormat,
    pub articles: Vec<GoldArticle>,
}

impl GoldSet {
    #[must_use]
    pub fn relation_count(&self) -> usize {
        self.articles.iter().map(|a| a.relations.len()).sum()
    }
}
