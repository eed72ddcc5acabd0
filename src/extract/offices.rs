//! Offices written anywhere in the article: a speaker quoted as "Lee" or "Mr. Lee" is a
//! named official when the article calls the same person "Gov. Ann Lee", "his chief
//! adviser, Ann Lee" or "Ann Lee, a senior adviser to the mayor" anywhere, before or after
//! the quote (DESIGN section 2: the type follows the person, not the mention).
//!
//! A former or retired office is no evidence ("former Gov. Ann Lee" speaks for herself),
//! and a written first name must be the speaker's own ("Gov. Tom Lee" is not Ann Lee).

use std::collections::HashMap;

use super::coref::Entities;
use super::doc::Doc;
use super::mentions::MentionKind;
use super::vocab;
use crate::lexicon::{FastBuild, TitleClass};

/// How many name words (first names, initials, a quoted nickname) may stand between an
/// office and the surname ("Rep. Robert C. \"Bobby\" Lee").
const MAX_NAME_WORDS: usize = 6;

/// Words after a title that end an appositive's head ("an adviser to the mayor").
const APPOSITIVE_STOPS: &[&str] = &[
    "of", "in", "at", "for", "to", "who", "with", "and", "from", "under", "during", "on",
];

fn is_official_title(doc: &Doc<'_>, i: usize) -> bool {
    doc.fl(i) & vocab::TITLE_OFFICIAL != 0
}

fn is_quote_mark(doc: &Doc<'_>, i: usize) -> bool {
    matches!(doc.s(i), "\"" | "“" | "”" | "'" | "‘" | "’")
}

/// Whether the words just before `at` say the office is no longer held.
fn former(doc: &Doc<'_>, at: usize) -> bool {
    (at.saturating_sub(3)..at).any(|k| doc.is_any(k, &["former", "retired", "ex", "then"]))
}

/// Upgrades every named person of `entities` whose office the article states somewhere
/// to [`TitleClass::Official`].
pub fn apply(doc: &Doc<'_>, entities: &mut Entities) {
    // Surnames shared by speakers with different first names are ambiguous when written
    // alone ("Gov. Lee" with both Ann Lee and Tom Lee in the story).
    let people: Vec<(String, Option<String>)> = entities
        .list
        .iter()
        .filter(|e| e.kind == MentionKind::Named)
        .map(|e| split_name(&e.name))
        .collect();
    // Entities repeat a name once per mention; the text is read once per distinct name.
    let mut decided: HashMap<(String, Option<String>), bool, FastBuild> = HashMap::default();
    // Only speakers are typed; the other people of the article only make a surname
    // ambiguous.
    for e in &mut entities.list {
        if !e.was_source
            || e.kind != MentionKind::Named
            || e.title_class == Some(TitleClass::Official)
        {
            continue;
        }
        let (surname, first) = split_name(&e.name);
        if surname.is_empty() || !surname.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let official = *decided
            .entry((surname, first))
            .or_insert_with_key(|(surname, first)| {
                let at: Vec<usize> = doc.written(surname).collect();
                office_stated(doc, &people, &at, surname, first.as_deref())
            });
        if official {
            e.title_class = Some(TitleClass::Official);
        }
    }
}

/// Whether the article states a current office for the person `first` `surname` at any of
/// the tokens `at` where it writes the surname.
fn office_stated(
    doc: &Doc<'_>,
    people: &[(String, Option<String>)],
    at: &[usize],
    surname: &str,
    first: Option<&str>,
) -> bool {
    // The name words written before each occurrence of the surname (tokens `at`).
    let occurrences: Vec<(usize, Vec<&str>)> =
        at.iter().map(|&k| (k, name_words(doc, k))).collect();
    let ambiguous = match first {
        Some(f) => {
            people
                .iter()
                .any(|(s, g)| s == surname && g.as_deref().is_some_and(|g| g != f))
                || occurrences
                    .iter()
                    .any(|(_, w)| given(doc, w).is_some() && !w.contains(&f))
        }
        // Two people of the surname: "Robert \"Bobby\" Lee" and "Bobby Lee" are one.
        None => occurrences.iter().any(|(_, a)| {
            occurrences.iter().any(|(_, b)| {
                given(doc, a).is_some_and(|g| !b.contains(&g))
                    && given(doc, b).is_some_and(|g| !a.contains(&g))
            })
        }),
    };
    occurrences
        .iter()
        .any(|(k, written)| stated_office(doc, *k, written, first, ambiguous))
}

/// Gives a speaker written with a full name that shares only its surname with a listed
/// public official ("Ed Lopez" beside a listed "Ana Lopez") the type of a person, when the
/// article never names the listed official: then nobody in it is that official. When it
/// does, a bare "Lopez" may have been taken for the wrong one, and the list decides.
pub fn namesakes(doc: &Doc<'_>, entities: &mut Entities) {
    for e in &mut entities.list {
        if !e.was_source || e.kind != MentionKind::Named || e.title_class.is_some() {
            continue;
        }
        let (surname, Some(first)) = split_name(&e.name) else {
            continue;
        };
        let Some(listed) = doc.lex.public_officials.get(&surname.to_lowercase()) else {
            continue;
        };
        let listed_first = listed.split(' ').next().unwrap_or(listed);
        if !listed_first.eq_ignore_ascii_case(&first) && !doc.text.contains(listed.as_str()) {
            e.title_class = Some(TitleClass::Person);
        }
    }
}

/// The first of `words` that is a known first name.
fn given<'a>(doc: &Doc<'_>, words: &[&'a str]) -> Option<&'a str> {
    words
        .iter()
        .copied()
        .find(|w| doc.lex.first_names.contains_key(&w.to_lowercase()))
}

/// The surname (last word) and first name (first word, when there are two or more).
fn split_name(name: &str) -> (String, Option<String>) {
    let name = name.trim();
    match name.rsplit_once(' ') {
        Some((rest, last)) => (last.to_owned(), rest.split(' ').next().map(str::to_owned)),
        None => (name.to_owned(), None),
    }
}

/// The first token of the name words (first names, initials, a quoted nickname) written
/// just before the surname at token `k`.
fn name_start(doc: &Doc<'_>, k: usize) -> usize {
    let mut j = k;
    while j > 0
        && k - j < MAX_NAME_WORDS
        && ((doc.is_cap(j - 1) && doc.fl(j - 1) & (vocab::TITLE | vocab::HONORIFIC) == 0)
            || is_quote_mark(doc, j - 1)
            || (doc.is_punct(j - 1, ".") && j >= 2 && doc.s(j - 2).chars().count() == 1))
    {
        j -= 1;
    }
    j
}

fn name_words<'a>(doc: &Doc<'a>, k: usize) -> Vec<&'a str> {
    (name_start(doc, k)..k)
        .filter(|&i| doc.is_word(i))
        .map(|i| doc.s(i))
        .collect()
}

/// Whether the surname at token `k`, after the name words `written`, is introduced with an
/// office held now.
fn stated_office(
    doc: &Doc<'_>,
    k: usize,
    written: &[&str],
    first: Option<&str>,
    ambiguous: bool,
) -> bool {
    let j = name_start(doc, k);
    let same_person = match first {
        Some(f) if !written.is_empty() => written.contains(&f),
        // A bare surname, or a full name for a speaker known only by surname, is somebody
        // else's when two people share the surname.
        _ => !ambiguous,
    };
    if !same_person {
        return false;
    }
    // "Gov. Ann Lee", "Rep. Lee", "Under Secretary of State for Trade Ann Lee".
    let mut t = j;
    while t >= 2 && doc.is_any(t - 1, &["of", "for"]) && doc.is_cap(t - 2) && j - t < MAX_NAME_WORDS
    {
        t -= 2;
        while t > 0 && doc.is_cap(t - 1) && doc.fl(t - 1) & vocab::TITLE == 0 && j - t < 8 {
            t -= 1;
        }
    }
    if t > 0 && doc.is_punct(t - 1, ".") {
        t -= 1;
    }
    if t > 0 && is_official_title(doc, t - 1) && !doc.quoted(t - 1) && !former(doc, t - 1) {
        return true;
    }
    // "his chief adviser, Ann Lee".
    if j >= 2
        && doc.is_punct(j - 1, ",")
        && !doc.is_cap(j - 2)
        && is_official_title(doc, j - 2)
        && !former(doc, j - 2)
    {
        return true;
    }
    // "Ann Lee (D-Ohio)": a legislator's party and state.
    let after = &doc.text[doc.tokens[k].span.end..];
    if ["(D-", "(R-", "(I-"]
        .iter()
        .any(|p| after.trim_start().starts_with(p))
    {
        return true;
    }
    doc.is_punct(k + 1, ",") && appositive_office(doc, k + 2)
}

/// Whether the appositive starting at token `a` states a current office: "a senior
/// adviser to the mayor", "communications director of the union", "who is the city's
/// treasurer", "head of the port authority"; not an expert's post at a research body.
fn appositive_office(doc: &Doc<'_>, mut a: usize) -> bool {
    if doc.is(a, "who") && doc.is_any(a + 1, &["is", "was"]) {
        a += 2;
    }
    if doc.is_determiner(a) {
        a += 1;
    }
    let limit = doc.len().min(a + 8);
    let window_end = doc.len().min(a + 14);
    let research = (a..window_end).any(|i| doc.lex.research_bodies.contains(doc.lower(i).as_ref()));
    if doc.is_any(a, &["head", "assistant"]) && doc.is_any(a + 1, &["of", "to"]) {
        return !research;
    }
    let stop = (a..limit)
        .find(|&i| !doc.is_word(i) || doc.is_any(i, APPOSITIVE_STOPS))
        .unwrap_or(limit);
    let Some(h) = (a..stop).rev().find(|&i| doc.is_word(i)) else {
        return false;
    };
    is_official_title(doc, h)
        && !doc.is_cap(h)
        && !(a.saturating_sub(2)..h).any(|i| doc.is_any(i, &["former", "retired", "ex"]))
        && (!research
            || !doc.is_any(
                h,
                &["director", "fellow", "chair", "chairman", "chairwoman"],
            ))
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;
    use crate::model::{Article, SourceType};

    /// The source type of the claim whose source is `source` in `text`.
    #[track_caller]
    fn type_of(text: &str, source: &str) -> SourceType {
        let extraction = extract(&Article::from_text(text));
        extraction
            .claims
            .iter()
            .find(|c| c.source.is_some_and(|s| &text[s.start..s.end] == source))
            .unwrap_or_else(|| panic!("no claim by {source:?} in {text:?}"))
            .source_type
    }

    #[test]
    fn an_office_before_the_name_types_later_surnames() {
        let text = "Gov. Ann Belcourt toured the flooded valley on Monday. \
                    Belcourt said the bridge would reopen next week.";
        assert_eq!(type_of(text, "Belcourt"), SourceType::NamedOfficial);
    }

    #[test]
    fn an_office_after_the_quote_counts_too() {
        let text = "Mr. Halvorsen said the deal was fair. Olaf Halvorsen, a senior adviser \
                    to the mayor, had negotiated it for months.";
        assert_eq!(type_of(text, "Mr. Halvorsen"), SourceType::NamedOfficial);
    }

    #[test]
    fn an_appositive_office_before_the_name_counts() {
        let text = "The mayor called in her chief adviser, Olaf Halvorsen, on Friday. \
                    Mr. Halvorsen said the budget was late.";
        assert_eq!(type_of(text, "Mr. Halvorsen"), SourceType::NamedOfficial);
    }

    #[test]
    fn an_appositive_without_article_or_in_a_relative_clause_counts() {
        let text = "Olaf Halvorsen, communications director of the tenants' union, \
                    spoke first. Halvorsen said rents had doubled.";
        assert_eq!(type_of(text, "Halvorsen"), SourceType::NamedOfficial);
        let text = "The footage shows Ann Belcourt, who was deputy treasurer in 2019, \
                    at the podium. Belcourt said the audit was fair.";
        assert_eq!(type_of(text, "Belcourt"), SourceType::NamedOfficial);
    }

    #[test]
    fn an_office_of_a_named_department_counts() {
        let text = "A memo went to Deputy Secretary of State for Trade Ann Belcourt. \
                    Belcourt said the memo arrived late.";
        assert_eq!(type_of(text, "Belcourt"), SourceType::NamedOfficial);
    }

    #[test]
    fn an_expert_post_at_a_research_body_is_no_office() {
        let text = "Olaf Halvorsen, director of the Institute for Housing Studies, \
                    spoke first. Halvorsen said rents had doubled.";
        assert_eq!(type_of(text, "Halvorsen"), SourceType::NamedPerson);
    }

    #[test]
    fn a_namesake_of_a_listed_official_is_a_person_unless_the_official_is_named() {
        // "Sanders" is a listed official's surname (lexicons/public_officials.txt).
        let text = "Ed Sanders said the show would go on.";
        assert_eq!(type_of(text, "Ed Sanders"), SourceType::NamedPerson);
        let text = "Bernie Sanders spoke on Monday. Ed Sanders said the show would go on.";
        assert_eq!(type_of(text, "Ed Sanders"), SourceType::NamedOfficial);
    }

    #[test]
    fn a_party_and_state_after_the_name_is_an_office() {
        let text = "Ann Belcourt (D-Ohio) spoke at the fair. \
                    Belcourt said the fair was bigger than ever.";
        assert_eq!(type_of(text, "Belcourt"), SourceType::NamedOfficial);
    }

    #[test]
    fn a_middle_initial_and_nickname_do_not_hide_the_office() {
        let text = "Rep. Robert T. \"Bobby\" Quennell hosted a picnic. \
                    Quennell said the picnic was a tradition.";
        assert_eq!(type_of(text, "Quennell"), SourceType::NamedOfficial);
    }

    #[test]
    fn a_pronoun_takes_the_type_of_its_antecedent() {
        let text = "Gov. Ann Belcourt toured the flooded valley on Monday. \
                    Belcourt praised the volunteers. \"We will rebuild,\" she said.";
        assert_eq!(type_of(text, "she"), SourceType::NamedOfficial);
        // An organisation quoted in between is no "he".
        let text = "Mr. Okafor praised the channel on Monday. NDN said the report was \
                    fair. \"We stand by every word,\" he said.";
        assert_eq!(type_of(text, "he"), SourceType::NamedPerson);
    }

    #[test]
    fn a_former_office_or_another_first_name_is_no_evidence() {
        let text = "Belcourt said the fair was bigger than ever. \
                    Ann Belcourt, a former treasurer, now runs the fair.";
        assert_eq!(type_of(text, "Belcourt"), SourceType::NamedPerson);
        let text = "Gov. Tom Quennell opened the fair. Lisa Quennell, a teacher, \
                    brought her class. Lisa Quennell said the children loved it.";
        assert_eq!(type_of(text, "Lisa Quennell"), SourceType::NamedPerson);
    }
}
