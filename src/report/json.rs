//! JSON for machines: one document keyed by section id, or JSON lines with one object
//! per row (and a `section` field when there are several sections).

use serde_json::{Map, Value};

use super::Section;

fn objects(section: &Section) -> Vec<Value> {
    let keys = section.keys();
    section
        .rows
        .iter()
        .map(|row| {
            let object: Map<String, Value> = keys
                .iter()
                .cloned()
                .zip(row.iter().map(super::Cell::json))
                .collect();
            Value::Object(object)
        })
        .collect()
}

/// One JSON document: `{"section_id": [row objects], ...}`, or just the array of row
/// objects for a single section.
#[must_use]
pub fn render(sections: &[Section]) -> String {
    let value = if let [only] = sections {
        Value::Array(objects(only))
    } else {
        Value::Object(
            sections
                .iter()
                .map(|s| (s.id.to_owned(), Value::Array(objects(s))))
                .collect(),
        )
    };
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
    out.push('\n');
    out
}

/// One JSON object per row.
#[must_use]
pub fn render_lines(sections: &[Section]) -> String {
    let mut out = String::new();
    for section in sections {
        for mut object in objects(section) {
            if sections.len() > 1
                && let Value::Object(map) = &mut object
            {
                map.insert(String::from("section"), Value::from(section.id));
            }
            out.push_str(&object.to_string());
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
    fn rows_become_objects_with_typed_values() {
        let mut s = Section::new("t", "T", vec!["name", "claims", "% anonymous"]);
        s.rows
            .push(vec![Cell::text("Zeine"), Cell::Int(2), Cell::Share(0.5)]);
        s.rows
            .push(vec![Cell::Empty, Cell::Int(0), Cell::Share(0.0)]);
        assert_eq!(
            render_lines(&[s.clone()]),
            "{\"anonymous_share\":0.5,\"claims\":2,\"name\":\"Zeine\"}\n{\"anonymous_share\":0.0,\"claims\":0,\"name\":null}\n"
        );
        let doc: Value = serde_json::from_str(&render(&[s.clone(), s])).unwrap();
        assert_eq!(doc["t"][0]["claims"], 2);
    }
}
