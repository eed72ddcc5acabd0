//! Role descriptions ("the Indiana governor", "The GOP nominee", "the Republican"): the
//! person the article attached that role to, next to their name ("Gov. Ann Lee of
//! Indiana", "Indiana Gov. Ann Lee", "Lee, the Republican nominee,").

use std::rc::Rc;

use super::doc::Doc;
use super::mentions::{self, Mention, MentionKind};
use super::vocab;

/// How many sentences before a role description are searched for its person, and after.
const BEFORE: usize = 40;
const AFTER: usize = 5;

/// Words written before a title that make it another office ("vice president").
const LESSER: &[&str] = &["vice", "deputy", "assistant", "lieutenant", "lt"];

/// Roles that a story's politician holds without the text writing it next to their name
/// ("The Indiana governor" after "Ann Lee said"): offices, candidacies and parties.
pub const POLITICAL: &[&str] = &[
    "candidate",
    "democrat",
    "front-runner",
    "governor",
    "nominee",
    "representative",
    "republican",
    "senator",
];

/// Titles of people who work for a politician rather than hold the role themselves.
const STAFF: &[&str] = &[
    "adviser",
    "advisor",
    "aide",
    "chairman",
    "chairwoman",
    "director",
    "manager",
    "pollster",
    "spokesman",
    "spokeswoman",
    "strategist",
];

/// Roles that name the same thing: a party's candidate is its nominee.
fn same_role(a: &str, b: &str) -> bool {
    const RUNNING: &[&str] = &["candidate", "nominee", "front-runner", "hopeful"];
    a == b || (RUNNING.contains(&a) && RUNNING.contains(&b))
}

/// Whether the words the article writes next to `surname` allow its person to be the
/// description's role holder: one gives the description's party, if it names one, none
/// gives another party, and when
/// any makes them staff, one gives the role ("campaign chairman Ann Lee" is not "the
/// nominee").
#[must_use]
pub fn compatible(doc: &Doc<'_>, surname: &str, role: &str, qualifiers: &[String]) -> bool {
    let party = |w: &str| matches!(w, "republican" | "democrat");
    let wanted: Vec<&str> = qualifiers
        .iter()
        .map(String::as_str)
        .chain([role])
        .filter(|w| party(w))
        .collect();
    let (mut titled, mut has_role, mut other_party, mut has_party) = (false, false, false, false);
    for k in doc.written(surname) {
        let from = k.saturating_sub(4);
        let to = (k + 6).min(doc.len());
        // Words before the name up to a break, and an appositive after it.
        let before = (from..k)
            .rev()
            .take_while(|&j| doc.is_cap(j) || doc.has(j, vocab::TITLE) || doc.is_punct(j, "."))
            .take_while(|&j| !doc.is_any(j, BREAKS));
        let after = if doc.is_punct(k + 1, ",") {
            (k + 2..to)
                .take_while(|&j| doc.is_word(j))
                .collect::<Vec<_>>()
        } else {
            Vec::new()
        };
        for j in before.chain(after) {
            let w = key(doc.s(j));
            titled |= STAFF.contains(&w.as_str());
            has_role |= same_role(&w, role);
            if party(&w) && !wanted.is_empty() && !wanted.contains(&w.as_str()) {
                other_party = true;
            }
            has_party |= wanted.contains(&w.as_str());
        }
    }
    (wanted.is_empty() || has_party) && !other_party && (!titled || has_role)
}

/// Whether the title at `j` is a lesser office ("Vice President", "Lt. Gov.").
fn lesser(doc: &Doc<'_>, j: usize) -> bool {
    let before = if j > 1 && doc.is_punct(j - 1, ".") {
        j - 2
    } else {
        j.wrapping_sub(1)
    };
    before < j && doc.is_any(before, LESSER)
}

/// Words that open a clause, so that a name after them is its subject ("while Ann Lee,
/// the Idaho governor, said").
const OPENERS: &[&str] = &[
    "after", "although", "as", "because", "before", "but", "if", "since", "that", "though", "when",
    "whether", "while",
];

/// Words that end the description before a name ("Ann Lee and Idaho Gov. Tom Vasko").
const BREAKS: &[&str] = &["and", "or", "but", "with", "to", "by", "as"];

/// A word's key for comparison: title abbreviations spelled out, parties by one word.
#[must_use]
pub fn key(word: &str) -> String {
    let w = word.trim_end_matches('.').to_lowercase();
    match w.as_str() {
        "sen" => "senator".into(),
        "gov" => "governor".into(),
        "rep" | "congressman" | "congresswoman" => "representative".into(),
        "gop" => "republican".into(),
        "democratic" => "democrat".into(),
        "frontrunner" => "front-runner".into(),
        _ => w,
    }
}

/// The role of the description `[first, end)` and its capitalised qualifiers (state,
/// party, country): `("governor", ["indiana"])` for "the Indiana governor". `None` unless
/// the phrase is definite and ends in a title or a party noun.
pub fn role_of(doc: &Doc<'_>, first: usize, end: usize) -> Option<(String, Vec<String>)> {
    if !doc.is_any(first, &["the", "this"]) {
        return None;
    }
    let core_end = (first + 1..end)
        .find(|&k| !doc.is_word(k) || doc.is(k, "of") || doc.is(k, "from"))
        .unwrap_or(end);
    if core_end < first + 2 {
        return None;
    }
    let last = core_end - 1;
    let role = key(doc.s(last));
    let party = matches!(role.as_str(), "republican" | "democrat");
    if !party && !doc.has(last, vocab::TITLE) {
        return None;
    }
    if lesser(doc, last) {
        return None;
    }
    // Capitalised words must be written with the name; so must "former".
    let qualifiers = (first + 1..last)
        .filter(|&k| doc.is_cap(k) || doc.is(k, "former"))
        .map(|k| key(doc.s(k)))
        .collect();
    Some((role, qualifiers))
}

/// The words around a named mention `[a, b)` that describe it: the few words before it,
/// its own title, "of Indiana" after it and an appositive after a comma.
fn context(doc: &Doc<'_>, a: usize, b: usize, floor: usize, ceil: usize) -> (usize, usize) {
    let mut s = a;
    while s > floor
        && a - s < 4
        && doc.is_word(s - 1)
        && !doc.is_possessive(s - 1)
        && !doc.is_any(s - 1, BREAKS)
    {
        s -= 1;
    }
    let mut e = b;
    if doc.is_punct(e, ",") {
        // "Lee, the Republican nominee,".
        let limit = (e + 10).min(ceil);
        e = (e + 1..limit)
            .find(|&j| !doc.is_word(j) && !doc.is_punct(j, "."))
            .unwrap_or(limit);
    } else if doc.is_any(e, &["of", "from"]) {
        // "Gov. Ann Lee of Indiana".
        let limit = (e + 3).min(ceil);
        e = (e + 1..limit).find(|&j| !doc.is_cap(j)).unwrap_or(limit);
    }
    (s, e)
}

/// The named person a definite role description `[first, end)` stands for: the nearest
/// person before it (else the first after) written with that role and every capitalised
/// qualifier of the description next to their name.
#[must_use]
pub fn holder(doc: &Doc<'_>, first: usize, end: usize) -> Option<Rc<Mention>> {
    let (role, qualifiers) = role_of(doc, first, end)?;
    if doc.sentences.is_empty() || first >= doc.len() {
        return None;
    }
    let here = doc.sentence_of(first);
    let from = here.saturating_sub(BEFORE);
    let to = (here + AFTER + 1).min(doc.sentences.len());
    let mut before: Option<Rc<Mention>> = None;
    let mut after: Option<Rc<Mention>> = None;
    for s in &doc.sentences[from..to] {
        for (a, b) in mentions::titled_names(doc, s.first, s.end) {
            if a < end && first < b {
                continue;
            }
            let Some(m) = mentions::analyze(doc, a, b).filter(|m| {
                m.kind == MentionKind::Named && m.name.as_deref().is_some_and(|n| n.contains(' '))
            }) else {
                continue;
            };
            let (cs, ce) = context(doc, a, b, s.first, s.end);
            // The description itself is an appositive only of a name that opens its
            // clause ("Ann Lee, the Idaho governor, said"), not of one inside a phrase
            // ("asked by hosts Ann Lee and Tom Vasko, the governor said").
            let opens = a == s.first
                || !doc.is_word(a - 1)
                || (doc.is_clause_word(a - 1) && !doc.is_any(a - 1, BREAKS))
                || doc.is_any(a - 1, OPENERS);
            let around = || (cs..ce).filter(|j| opens || !(first..end).contains(j));
            let has = |w: &str| around().any(|j| key(doc.s(j)) == w);
            let role_here = around().any(|j| key(doc.s(j)) == role && !lesser(doc, j));
            if role_here && qualifiers.iter().all(|q| has(q)) {
                if a < first {
                    before = Some(m);
                } else if after.is_none() {
                    after = Some(m);
                }
            }
        }
    }
    before.or(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The person named for the role description `phrase` (its first occurrence after
    /// `from`) in `text`.
    fn holder_in(text: &str, phrase: &str) -> Option<String> {
        let doc = Doc::new(text, 0);
        let at = text.find(phrase).expect("phrase");
        let first = (0..doc.len()).find(|&k| doc.tokens[k].span.start == at)?;
        let words = phrase.split_whitespace().count();
        holder(&doc, first, first + words).and_then(|m| m.name.clone())
    }

    #[test]
    fn roles_find_the_person_they_were_attached_to() {
        let text = "Gov. Tom Vasko of Idaho met Sen. Ruth Orban of Utah on Monday. \
                    The Idaho governor said the talks went well.";
        assert_eq!(
            holder_in(text, "The Idaho governor").as_deref(),
            Some("Tom Vasko")
        );
        let text = "Idaho Gov. Tom Vasko and Utah Sen. Ruth Orban spoke. \
                    The Utah senator said little.";
        assert_eq!(
            holder_in(text, "The Utah senator").as_deref(),
            Some("Ruth Orban")
        );
        let text = "Republican nominee Carl Brandt visited the plant, and Democrat Nina Holt \
                    stayed home. The GOP nominee said it was a good day.";
        assert_eq!(
            holder_in(text, "The GOP nominee").as_deref(),
            Some("Carl Brandt")
        );
        let text = "Carl Brandt, the Republican candidate, spoke first. Then Nina Holt, the \
                    Democratic candidate, answered. The Republican said he disagreed.";
        assert_eq!(
            holder_in(text, "The Republican").as_deref(),
            Some("Carl Brandt")
        );
    }

    #[test]
    fn another_party_or_a_staff_title_is_not_the_role() {
        let compatible_in = |text: &str, role: &str, qualifiers: &[&str]| {
            let doc = Doc::new(text, 0);
            let q: Vec<String> = qualifiers.iter().map(|&q| q.to_owned()).collect();
            compatible(&doc, "Brandt", role, &q)
        };
        let text = "Republican Carl Brandt spoke on Monday.";
        assert!(compatible_in(text, "nominee", &["republican"]));
        assert!(!compatible_in(text, "nominee", &["democrat"]));
        assert!(compatible_in(text, "senator", &[]));
        // The party must be written.
        let text = "Carl Brandt spoke on Monday.";
        assert!(!compatible_in(text, "nominee", &["republican"]));
        assert!(compatible_in(text, "nominee", &[]));
        let text = "Campaign manager Carl Brandt spoke on Monday.";
        assert!(!compatible_in(text, "nominee", &[]));
        let text = "Campaign manager Carl Brandt, the GOP nominee, spoke on Monday.";
        assert!(compatible_in(text, "nominee", &["republican"]));
    }

    #[test]
    fn roles_need_their_qualifiers_and_the_same_office() {
        // No Idaho governor is named.
        let text = "Gov. Tom Vasko of Utah spoke. The Idaho governor said nothing.";
        assert_eq!(holder_in(text, "The Idaho governor"), None);
        // The description is an appositive only of a name opening its clause.
        let text = "Asked by hosts Ann Lee and Tom Vasko, the Democratic candidate said no.";
        assert_eq!(holder_in(text, "the Democratic candidate"), None);
        let text = "The plan failed, while Tom Vasko, the former Idaho governor, said no.";
        assert_eq!(
            holder_in(text, "the former Idaho governor").as_deref(),
            Some("Tom Vasko")
        );
        // A lieutenant governor is not the governor.
        let text = "Lt. Gov. Tom Vasko spoke. The governor said nothing.";
        assert_eq!(holder_in(text, "The governor"), None);
        // Indefinite descriptions are somebody else.
        let text = "Gov. Tom Vasko of Idaho spoke. A governor said nothing.";
        assert_eq!(holder_in(text, "A governor"), None);
    }
}
