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
        // A name that came out empty names nobody.
        MentionKind::Named if entity.name.trim().is_empty() => SourceType::Anonymous,
        MentionKind::Named if is_acronym(&entity.name) && entity.title_class.is_none() => {
            SourceType::Organization
        }
        // "the Republican", "the Democrat": a party's politician.
        MentionKind::Named if is_party_member(&entity.name) => SourceType::NamedOfficial,
        MentionKind::Named => match entity.title_class {
            Some(TitleClass::Official) => SourceType::NamedOfficial,
            // A listed politician is an official whatever else the text calls them
            // ("retired neurosurgeon Ben Carson").
            // "Luis Rubio, who heads a research centre" is not the listed Marco Rubio.
            Some(TitleClass::Person) if is_namesake(&entity.name) => SourceType::NamedPerson,
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
        // "Christian News Service", "Daily Press": an outlet reporting.
        MentionKind::Organization
            if entity
                .name
                .split(' ')
                .any(|w| matches!(w, "News" | "Press")) =>
        {
            SourceType::Agency
        }
        MentionKind::Organization => SourceType::Organization,
        MentionKind::Agency => SourceType::Agency,
        MentionKind::Document => SourceType::Document,
    }
}

fn is_party_member(name: &str) -> bool {
    matches!(
        name.to_lowercase().as_str(),
        "republican" | "democrat" | "libertarian"
    )
}

/// An acronym of two to six capitals ("NDN", "USCIS") names a body, unless it is a known
/// person's surname in capitals, a first name or a title ("CEO"); known agencies are
/// typed before this.
fn is_acronym(name: &str) -> bool {
    let lex = crate::lexicon::get();
    let lower = name.to_lowercase();
    (2..=6).contains(&name.len())
        && name.bytes().all(|b| b.is_ascii_uppercase())
        && !lex.public_officials.contains_key(&lower)
        && !lex.first_names.contains_key(&lower)
        && !lex.titles.contains_key(&lower)
        && !lex.not_names.contains(&lower)
}

/// A full name whose surname is a listed official's and whose first name is not.
fn is_namesake(name: &str) -> bool {
    let Some((first, surname)) = name.split_once(' ') else {
        return false;
    };
    let surname = surname.rsplit(' ').next().unwrap_or(surname).to_lowercase();
    crate::lexicon::get()
        .public_officials
        .get(&surname)
        .is_some_and(|full| {
            full.split(' ')
                .next()
                .is_some_and(|f| !f.eq_ignore_ascii_case(first))
        })
}

/// A name whose surname is in the public officials lexicon. Family members who share the
/// surname are usually the candidate's surrogates, so the first name is not compared.
fn is_public_official(name: &str) -> bool {
    let surname = name.rsplit(' ').next().unwrap_or(name).to_lowercase();
    let officials = &crate::lexicon::get().public_officials;
    // "the Clintons": the family of a listed official.
    officials.contains_key(&surname)
        || (!name.contains(' ')
            && surname
                .strip_suffix('s')
                .is_some_and(|s| officials.contains_key(s)))
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

    #[test]
    fn continents_speak_as_bodies() {
        case("Africa", SourceType::Organization);
        case("Latin America", SourceType::Organization);
        case("Asia", SourceType::Organization);
    }

    #[test]
    fn acronyms_are_bodies() {
        case("FWX", SourceType::Organization);
        case("the QRZ", SourceType::Organization);
        // A known person's surname in capitals, as in a transcript, stays a person.
        case("SANDERS", SourceType::NamedOfficial);
        case("Reuters", SourceType::Agency);
    }

    #[test]
    fn an_office_in_a_relative_clause_makes_an_official() {
        case(
            "Ann Lee, who heads the port authority",
            SourceType::NamedOfficial,
        );
        case(
            "Ann Lee, who oversees the budget",
            SourceType::NamedOfficial,
        );
        case("Ann Lee, who lives nearby", SourceType::NamedPerson);
    }

    #[test]
    fn directors_of_research_bodies_are_experts() {
        case(
            "Ann Lee, director of the Institute for Tax Studies",
            SourceType::NamedPerson,
        );
        case(
            "Ann Lee, who heads a research centre in Leeds",
            SourceType::NamedPerson,
        );
        case(
            "Ann Lee, a fellow at the Carver Institution",
            SourceType::NamedPerson,
        );
        case(
            "Ann Lee, director of the port authority",
            SourceType::NamedOfficial,
        );
    }

    #[test]
    fn outlets_reporting_are_agencies() {
        case("a CNN report", SourceType::Agency);
        case("a New York Times investigation", SourceType::Agency);
        case("several news outlets", SourceType::Agency);
        case("a court report", SourceType::Document);
        // "papers" are texts, not newspapers.
        let doc = Doc::new("court papers", 0);
        let m = analyze(&doc, 0, doc.len()).unwrap();
        assert_ne!(m.kind, MentionKind::Agency);
    }

    #[test]
    fn retired_officers_and_party_members() {
        case("retired army general Ann Lee", SourceType::NamedPerson);
        case("Ann Lee, a retired navy admiral", SourceType::NamedPerson);
        case("army general Ann Lee", SourceType::NamedOfficial);
        case("The Republican", SourceType::NamedOfficial);
        case(
            "Ann Lee, one of the mayor's closest aides",
            SourceType::NamedOfficial,
        );
    }

    #[test]
    fn offices_in_appositives() {
        case(
            "Ann Lee, who was undersecretary of state",
            SourceType::NamedOfficial,
        );
        case("Ann Lee, who is a harsh critic", SourceType::NamedPerson);
        case(
            "Ann Lee, head of product policy at the company",
            SourceType::NamedOfficial,
        );
        case(
            "Ann Lee, assistant to the president",
            SourceType::NamedOfficial,
        );
        case(
            "Ann Rubio, who heads a research centre",
            SourceType::NamedPerson,
        );
        case("The Clintons", SourceType::NamedOfficial);
        case("Assemblywoman Ann Lee", SourceType::NamedOfficial);
        case(
            "Ann Lee, the Senate majority whip",
            SourceType::NamedOfficial,
        );
        case("county supervisor Ann Lee", SourceType::NamedOfficial);
        case(
            "Ann Lee, the agency's general counsel",
            SourceType::NamedOfficial,
        );
    }

    #[test]
    fn people_in_a_poll_and_news_services() {
        case("half of respondents in the poll", SourceType::Anonymous);
        case("results of the exit poll", SourceType::Document);
        case("Valley News Service", SourceType::Agency);
        case("Polling averages", SourceType::Document);
        case("the text messages", SourceType::Document);
        case("an arbitration panel", SourceType::Organization);
        case("The city of Fairview", SourceType::Organization);
        // Institutions in the plural still speak as bodies.
        case("industry groups", SourceType::Organization);
        case("technology companies", SourceType::Organization);
        case("several labour unions", SourceType::Organization);
    }

    #[test]
    fn an_empty_name_is_anonymous() {
        let doc = Doc::new("Ann Lee", 0);
        let m = analyze(&doc, 0, doc.len()).unwrap();
        let mut entities = Entities::default();
        let e = entities.resolve(&doc, &m);
        entities.list[e].name.clear();
        assert_eq!(source_type(&entities.list[e]), SourceType::Anonymous);
    }
}
