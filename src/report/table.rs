//! Tables for people: comfy-table, fitted to a width (the terminal's, or
//! [`super::DEFAULT_WIDTH`] when output is not a terminal).

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Table, Width};

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
    // Numbers never wrap; the text columns share what is left, and a column of short
    // words ("named_official") keeps its longest word whole when the width allows.
    let columns = section.headers.len();
    let numeric: Vec<bool> = (0..columns)
        .map(|i| {
            !section.rows.is_empty()
                && section.rows.iter().all(|row| {
                    matches!(
                        row.get(i),
                        Some(Cell::Int(_) | Cell::Score(_) | Cell::Share(_) | Cell::Empty)
                    )
                })
        })
        .collect();
    let longest_word: Vec<usize> = (0..columns)
        .map(|i| {
            let cells = section.rows.iter().filter_map(|row| row.get(i));
            std::iter::once(section.headers[i].to_owned())
                .chain(cells.map(Cell::display))
                .flat_map(|text| {
                    text.split_whitespace()
                        .map(|w| w.chars().count())
                        .collect::<Vec<_>>()
                })
                .max()
                .unwrap_or(0)
        })
        .collect();
    // Each column costs its content plus two of padding, and the borders one each. When
    // not every short-word column fits whole, the columns holding the most text (titles,
    // claims), which wrap anyway, give way first.
    let width_of = |i: usize| -> usize {
        section
            .rows
            .iter()
            .filter_map(|row| row.get(i))
            .map(|c| c.display().chars().count())
            .chain([section.headers[i].chars().count()])
            .max()
            .unwrap_or(0)
    };
    let text_volume = |i: usize| -> usize {
        section
            .rows
            .iter()
            .filter_map(|row| row.get(i))
            .map(|c| c.display().len())
            .sum()
    };
    let mut whole: Vec<bool> = (0..columns)
        .map(|i| !numeric[i] && longest_word[i] <= SHORT_WORDS)
        .collect();
    let cost = |whole: &[bool]| -> usize {
        (0..columns)
            .map(|i| {
                let content = if numeric[i] {
                    width_of(i)
                } else if whole[i] {
                    longest_word[i]
                } else {
                    longest_word[i].min(NARROWEST)
                };
                content + 2
            })
            .sum::<usize>()
            + columns
            + 1
    };
    let mut by_volume: Vec<usize> = (0..columns).filter(|&i| whole[i]).collect();
    by_volume.sort_by_key(|&i| std::cmp::Reverse(text_volume(i)));
    let mut give_way = by_volume.into_iter();
    while cost(&whole) > usize::from(width) {
        match give_way.next() {
            Some(i) => whole[i] = false,
            None => break,
        }
    }
    for i in 0..columns {
        let Some(column) = table.column_mut(i) else {
            continue;
        };
        if numeric[i] {
            column.set_constraint(ColumnConstraint::ContentWidth);
        } else if whole[i] {
            let words = u16::try_from(longest_word[i]).unwrap_or(u16::MAX);
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(words + 2)));
        }
    }
    table
}

/// The width a text column is assumed to shrink to when it gives way.
const NARROWEST: usize = 6;

/// Columns whose longest word is at most this long are never cut inside a word when the
/// table has room; longer words (URLs, long names) may be cut.
const SHORT_WORDS: usize = 16;

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
    fn short_words_are_not_cut_when_the_width_allows() {
        let mut s = Section::new(
            "t",
            "Test",
            vec![
                "id",
                "status",
                "title",
                "date",
                "author",
                "claims",
                "by source type",
            ],
        );
        for (title, author, types) in [
            ("Border checks to be tightened", "Sam Okafor", "anonymous 2"),
            (
                "Finance minister defends spending cuts",
                "Ines Moreau",
                "named_official 5",
            ),
            (
                "Snap election rumours grow",
                "Ines Moreau",
                "unattributed 3",
            ),
            (
                "",
                "Tunde Oso",
                "named_official 2\nanonymous 4\norganization 1\nunattributed 2",
            ),
        ] {
            s.rows.push(vec![
                Cell::Int(7),
                Cell::text("unchanged"),
                Cell::text(title),
                Cell::text("2023-09-05"),
                Cell::text(author),
                Cell::Int(9),
                Cell::text(types),
            ]);
        }
        let text = render(&[s], 80);
        assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
        for word in [
            "named_official",
            "unattributed",
            "organization",
            "unchanged",
        ] {
            assert!(text.contains(word), "{word} was cut:\n{text}");
        }
    }

    #[test]
    fn empty_sections_say_so() {
        let s = Section::new("t", "Empty", vec!["a"]);
        assert_eq!(render(&[s], 80), "Empty\n(none)\n");
    }
}
