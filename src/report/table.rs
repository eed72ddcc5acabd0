//! Tables for people: comfy-table, fitted to a width (the terminal's, or
//! [`super::DEFAULT_WIDTH`] when output is not a terminal).

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Table};

use super::{Cell, Section};

/// One section as a table `width` columns wide at most.
#[must_use]
pub fn table(section: &Section, width: u16) -> Table {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width)
        .set_header(section.headers.iter().copied());
    for row in &section.rows {
        table.add_row(row.iter().map(|cell| {
            let shown = comfy_table::Cell::new(cell.display());
            match cell {
                Cell::Int(_) | Cell::Score(_) | Cell::Share(_) => {
                    shown.set_alignment(CellAlignment::Right)
                }
                Cell::Text(_) | Cell::Empty => shown,
            }
        }));
    }
    // Numbers never wrap; the text columns share what is left.
    for i in 0..section.headers.len() {
        let numeric = !section.rows.is_empty()
            && section.rows.iter().all(|row| {
                matches!(
                    row.get(i),
                    Some(Cell::Int(_) | Cell::Score(_) | Cell::Share(_) | Cell::Empty)
                )
            });
        if numeric && let Some(column) = table.column_mut(i) {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    table
}

/// Every section under its title, with its note, separated by blank lines.
#[must_use]
pub fn render(sections: &[Section], width: u16) -> String {
    let mut out = String::new();
    for (i, section) in sections.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if sections.len() > 1 || !section.title.is_empty() {
            out.push_str(&section.title);
            out.push('\n');
        }
        if section.rows.is_empty() {
            out.push_str("(none)\n");
        } else {
            out.push_str(&table(section, width).to_string());
            out.push('\n');
        }
        if let Some(note) = &section.note {
            out.push_str(note);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wide_section() -> Section {
        let mut s = Section::new("t", "Test", vec!["id", "claim", "score"]);
        s.rows.push(vec![
            Cell::Int(1),
            Cell::text("word ".repeat(60).trim_end()),
            Cell::Score(0.5),
        ]);
        s
    }

    #[track_caller]
    fn case(width: u16) {
        let text = render(&[wide_section()], width);
        let widest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        assert!(widest <= usize::from(width), "{widest} > {width}:\n{text}");
        assert!(
            widest + 10 > usize::from(width),
            "table does not use the width {width}:\n{text}"
        );
    }

    #[test]
    fn tables_fit_the_width_and_use_it() {
        case(80);
        case(120);
        case(200);
    }

    #[test]
    fn empty_sections_say_so() {
        let s = Section::new("t", "Empty", vec!["a"]);
        assert_eq!(render(&[s], 80), "Empty\n(none)\n");
    }
}
