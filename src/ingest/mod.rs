//! Ingest: the only module that reads input files. Detects the format and yields articles.

use std::path::Path;

use crate::model::Article;

/// A file that could not be read as articles.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct IngestError {
    pub path: String,
    pub message: String,
}

/// Reads one file (or `-` for stdin) as one or more articles.
///
/// # Errors
/// When the file cannot be read or holds no article.
pub fn read_path(path: &Path) -> Result<Vec<Article>, IngestError> {
    Err(IngestError {
        path: path.display().to_string(),
        message: String::from("not readable yet"),
    })
}
