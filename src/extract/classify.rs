//! Source classification: the source type of a resolved speaker (DESIGN section 2).
//!
//! A named person with an institutional title is a named official, without one a named
//! person; a title with no name ("the minister") that matches nobody named is an unnamed
//! source; institutions, capitals, agencies and documents keep their own types.

use super::coref::Entity;
use super::mentions::MentionKind;
use crate::lexicon::TitleClass;
use crate::model::SourceType;

#[must_use]
pub fn source_type(entity: &Entity) -> SourceType {
    match entity.kind {
        MentionKind::Named => match entity.title_class {
            Some(TitleClass::Official) => SourceType::NamedOfficial,
            // A listed politician is an official whatever else the text calls them
            // ("retired neurosurgeon Ben Carson").
            _ if is_public_official(&entity.name) => SourceType::NamedOfficial,
            Some(TitleClass::Person) | None => SourceType::NamedPerson,
        },
        // "the governor", "the GOP nominee": a definite title names one known person.
        MentionKind::TitleOnly => match entity.title_class {
            Some(TitleClass::Official) => SourceType::NamedOfficial,
            Some(TitleClass::Person) => SourceType::NamedPerson,
            None => SourceType::Anonymous,
        },
        // An unresolved "he" or "she" is still somebody the reader knows by name.
        MentionKind::Pronoun
            if matches!(entity.name.to_lowercase().as_str(), "he" | "she" | "i") =>
        {
            SourceType::NamedPerson
        }
        MentionKind::Anonymous | MentionKind::Pronoun => SourceType::Anonymous,
        MentionKind::Organization => SourceType::Organization,
        MentionKind::Agency => SourceType::Agency,
        MentionKind::Document => SourceType::Document,
    }
}

/// A name whose surname is in the public officials lexicon. Family members who share the
/// surname are usually the candidate's surrogates, so the first name is not compared.
fn is_public_official(name: &str) -> bool {
    let surname = name.rsplit(' ').next().unwrap_or(name).to_lowercase();
    crate::lexicon::get()
        .public_officials
        .contains_key(&surname)
}

/// The full name of a public official known only by surname in the article ("Cruz").
#[must_use]
pub fn full_name(name: &str) -> Option<&'static str> {
    if name.contains(' ') {
        return None;
    }
    crate::lexicon::get()
        .public_officials
        .get(&name.to_lowercase())
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::coref::Entities;
    use crate::extract::doc::Doc;
    use crate::extract::mentions::analyze;

    #[track_caller]
    fn case(phrase: &str, expected: SourceType) {
        let doc = Doc::new(phrase, 0);
        let m = analyze(&doc, 0, doc.len()).expect(phrase);
        let mut entities = Entities::default();
        let e = entities.resolve(&doc, &m);
        assert_eq!(source_type(&entities.list[e]), expected, "{phrase}");
    }

    #[test]
    fn types() {
        case("Defence Secretary Ann Ward", SourceType::NamedOfficial);
        case("Secretary-General Ann Ward", SourceType::NamedOfficial);
        case("Vice-President Ann Ward", SourceType::NamedOfficial);
        case("Kim Novak, a local teacher", SourceType::NamedPerson);
        case("economist Raj Patel", SourceType::NamedPerson);
        case("Raj Patel", SourceType::NamedPerson);
        case("Sanders", SourceType::NamedOfficial);
        case("a senior diplomat", SourceType::Anonymous);
        case("three people familiar with the plan", SourceType::Anonymous);
        case("the interior ministry", SourceType::Organization);
        case("Berlin", SourceType::Organization);
        case("Reuters", SourceType::Agency);
        case("a UN report", SourceType::Document);
        case("the minister, Ana Diaz", SourceType::NamedOfficial);
        case(
            "figures published by the health board",
            SourceType::Document,
        );
        case("The regional weather service", SourceType::Organization);
        case("professor Ada Lind", SourceType::NamedPerson);
        case("Half of Vermont Democrats", SourceType::Anonymous);
        case("Bernie Sanders", SourceType::NamedOfficial);
        case("Robby Mook", SourceType::NamedOfficial);
        case("retired neurosurgeon Ben Carson", SourceType::NamedOfficial);
        case("columnist Ann Vance", SourceType::NamedPerson);
        // Companies and outlets with no telltale word come from the lexicons.
        case("Google", SourceType::Organization);
        case("Twitter", SourceType::Organization);
        case("Mashable", SourceType::Agency);
        case("the Census", SourceType::Organization);
        // States, countries, pollsters and outlets speak as bodies, not as people.
        case("Texas", SourceType::Organization);
        case("The United States", SourceType::Organization);
        case("New Hampshire", SourceType::Organization);
        case("Gallup", SourceType::Organization);
        case("ESPN", SourceType::Agency);
        case("Western Journalism", SourceType::Agency);
        case("Millennials", SourceType::Anonymous);
        // A sentence opener read as a source is nobody in particular.
        case("There", SourceType::Anonymous);
        case("The Latest", SourceType::Anonymous);
        case("The", SourceType::Anonymous);
        // A share of people alone is anonymous, never a name.
        case("Half", SourceType::Anonymous);
        case("Most", SourceType::Anonymous);
        case("Two-thirds", SourceType::Anonymous);
        case("Many", SourceType::Anonymous);
    }
}
