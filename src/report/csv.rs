//! CSV (RFC 4180): one header line and one line per row. Several sections are written
//! one after another, separated by a blank line, each with a leading `section` column.

use super::Section;

/// One field, quoted when it holds a comma, a quote or a line break.
#[must_use]
pub fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn line(fields: impl Iterator<Item = String>) -> String {
    let mut out = fields.map(|f| field(&f)).collect::<Vec<_>>().join(",");
    out.push_str("\r\n");
    out
}

/// Every section as CSV.
#[must_use]
pub fn render(sections: &[Section]) -> String {
    let several = sections.len() > 1;
    let mut out = String::new();
    for (i, section) in sections.iter().enumerate() {
        if i > 0 {
            out.push_str("\r\n");
        }
        let lead = several.then(|| section.id.to_owned());
        let headers = section.keys();
        out.push_str(&line(
            several
                .then(|| String::from("section"))
                .into_iter()
                .chain(headers),
        ));
        for row in &section.rows {
            out.push_str(&line(lead.clone().into_iter().chain(row.iter().map(
                |c| match c {
                    super::Cell::Score(_) | super::Cell::Share(_) => c.json().to_string(),
                    _ => c.display(),
                },
            ))));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::Cell;
    use super::*;

    #[track_caller]
    fn case(text: &str, expected: &str) {
        assert_eq!(field(text), expected);
    }

    #[test]
    fn fields_are_quoted_when_needed() {
        case("plain", "plain");
        case("a, b", "\"a, b\"");
        case("say \"hi\"", "\"say \"\"hi\"\"\"");
        case("two\nlines", "\"two\nlines\"");
    }

    #[test]
    fn several_sections_carry_their_id() {
        let mut a = Section::new("first", "First", vec!["n", "% anonymous"]);
        a.rows.push(vec![Cell::Int(1), Cell::Share(0.25)]);
        let b = Section::new("second", "Second", vec!["x"]);
        assert_eq!(
            render(&[a, b]),
            "section,n,anonymous_share\r\nfirst,1,0.25\r\n\r\nsection,x\r\n"
        );
    }
}
