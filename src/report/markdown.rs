//! Markdown: one `##` heading and one pipe table per section.

use super::Section;

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// Every section as a heading and a pipe table.
#[must_use]
pub fn render(sections: &[Section]) -> String {
    let mut out = String::new();
    for (i, section) in sections.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if !section.title.is_empty() {
            out.push_str("## ");
            out.push_str(&escape(&section.title));
            out.push_str("\n\n");
        }
        if section.rows.is_empty() {
            out.push_str("(none)\n");
        } else {
            out.push_str("| ");
            out.push_str(&section.headers.join(" | "));
            out.push_str(" |\n|");
            for _ in &section.headers {
                out.push_str("---|");
            }
            out.push('\n');
            for row in &section.rows {
                out.push_str("| ");
                let cells: Vec<String> = row.iter().map(|c| escape(&c.display())).collect();
                out.push_str(&cells.join(" | "));
                out.push_str(" |\n");
            }
        }
        if let Some(note) = &section.note {
            out.push('\n');
            out.push_str(&escape(note));
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::Cell;
    use super::*;

    #[test]
    fn pipes_and_newlines_are_escaped() {
        let mut s = Section::new("t", "T", vec!["a", "b"]);
        s.rows.push(vec![Cell::text("x|y"), Cell::text("1\n2")]);
        assert_eq!(
            render(&[s]),
            "## T\n\n| a | b |\n|---|---|\n| x\\|y | 1 2 |\n"
        );
    }
}
