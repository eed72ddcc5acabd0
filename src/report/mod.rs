//! Reports: rows in, tables and serialized text out. Never prints.
//!
//! Every report is a list of [`Section`]s (a title, headers and typed cells) built by the
//! pure functions in `claims`, `speakers`, `sourcing` and `show`, and rendered by one
//! module per output format: `table` (comfy-table, fitted to a width), `markdown`, `csv`
//! and `json` (a JSON document or JSON lines).

pub mod claims;
pub mod csv;
pub mod json;
pub mod markdown;
pub mod show;
pub mod sourcing;
pub mod speakers;
pub mod table;

/// The width tables are fitted to when output is not a terminal, so that piped output
/// and snapshots do not depend on the terminal.
pub const DEFAULT_WIDTH: u16 = 80;

/// One typed value in a section.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// A score, shown with two decimals.
    Score(f64),
    /// A fraction in `[0, 1]`, shown as a percentage.
    Share(f64),
    Empty,
}

impl Cell {
    /// A text cell, or empty when `None`.
    #[must_use]
    pub fn opt(text: Option<&str>) -> Self {
        text.map_or(Cell::Empty, |t| Cell::Text(t.to_owned()))
    }

    #[must_use]
    pub fn text(text: impl Into<String>) -> Self {
        Cell::Text(text.into())
    }

    /// The cell as people read it.
    #[must_use]
    pub fn display(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Score(s) => format!("{s:.2}"),
            Cell::Share(s) => format!("{:.0}%", s * 100.0),
            Cell::Empty => String::new(),
        }
    }

    /// The cell as machines read it.
    #[must_use]
    pub fn json(&self) -> serde_json::Value {
        match self {
            Cell::Text(t) => serde_json::Value::from(t.as_str()),
            Cell::Int(n) => serde_json::Value::from(*n),
            Cell::Score(s) | Cell::Share(s) => {
                serde_json::Value::from((s * 10_000.0).round() / 10_000.0)
            }
            Cell::Empty => serde_json::Value::Null,
        }
    }
}

/// A titled table of typed rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Machine name: JSON key and CSV section column ("sourcing_per_article").
    pub id: &'static str,
    pub title: String,
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
    /// A line shown under the table in human formats (e.g. that a list was cut short).
    pub note: Option<String>,
}

impl Section {
    #[must_use]
    pub fn new(id: &'static str, title: impl Into<String>, headers: Vec<&'static str>) -> Self {
        Self {
            id,
            title: title.into(),
            headers,
            rows: Vec::new(),
            note: None,
        }
    }

    /// The JSON key of each column ("% anonymous" → "anonymous_share").
    #[must_use]
    pub fn keys(&self) -> Vec<String> {
        self.headers.iter().map(|h| key(h)).collect()
    }
}

fn key(header: &str) -> String {
    let share = header.starts_with('%');
    let mut out = String::new();
    for word in header
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('_');
        }
        out.push_str(&word.to_lowercase());
    }
    if share {
        out.push_str("_share");
    }
    out
}

/// The output formats of reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Tables fitted to the given width.
    Table(u16),
    Markdown,
    Csv,
    /// One JSON document.
    Json,
    /// One JSON object per row.
    Jsonl,
}

/// Renders sections in a format.
#[must_use]
pub fn render(sections: &[Section], format: Format) -> String {
    match format {
        Format::Table(width) => table::render(sections, width),
        Format::Markdown => markdown::render(sections),
        Format::Csv => csv::render(sections),
        Format::Json => json::render(sections),
        Format::Jsonl => json::render_lines(sections),
    }
}

/// Shortens `text` to at most `max` characters, ending with "…" when cut.
#[must_use]
pub fn ellipsize(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn key_case(header: &str, expected: &str) {
        assert_eq!(key(header), expected);
    }

    #[test]
    fn headers_become_json_keys() {
        key_case("claims", "claims");
        key_case("% anonymous", "anonymous_share");
        key_case("title / affiliation", "title_affiliation");
    }

    #[track_caller]
    fn cell_case(cell: Cell, shown: &str, json: &str) {
        assert_eq!(cell.display(), shown);
        assert_eq!(cell.json().to_string(), json);
    }

    #[test]
    fn cells_show_and_serialize() {
        cell_case(Cell::Share(0.4), "40%", "0.4");
        cell_case(Cell::Score(0.5), "0.50", "0.5");
        cell_case(Cell::Int(3), "3", "3");
        cell_case(Cell::Empty, "", "null");
        cell_case(Cell::text("a"), "a", "\"a\"");
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        assert_eq!(ellipsize("abcdef", 4), "abc…");
        assert_eq!(ellipsize("abc", 4), "abc");
    }
}
