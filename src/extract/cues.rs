//! Cues: the words that attribute a claim — speech verbs ("said", "told", "warned"),
//! "according to", and sourceless hedges ("There has been speculation", "has been seen as",
//! "reportedly"). Words inside quotation marks are never cues.

use super::doc::{Doc, WordList};
use super::sentences::Sentence;
use super::tokens::Kind;
use crate::lexicon::{CueClass, HedgeAttach};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    Verb(CueClass),
    AccordingTo,
    Hedge(HedgeAttach),
}

/// A cue as a token range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub first: usize,
    pub end: usize,
    pub kind: CueKind,
}

/// The cues of one sentence, in order.
#[must_use]
pub fn find(doc: &Doc<'_>, s: &Sentence) -> Vec<Cue> {
    let mut cues = Vec::new();
    find_into(doc, s, &mut cues);
    cues
}

/// [`find`] into `cues`, whatever it held before: one vector serves every sentence.
pub fn find_into(doc: &Doc<'_>, s: &Sentence, cues: &mut Vec<Cue>) {
    cues.clear();
    let mut i = s.first;
    while i < s.end {
        if !doc.is_word(i) || doc.quoted(i) {
            i += 1;
            continue;
        }
        let hedge = doc
            .has(i, super::vocab::HEDGE_START)
            .then(|| {
                doc.lex.hedges.longest(s.end - i, |k| {
                    let j = i + k;
                    (j < s.end && doc.is_word(j) && !doc.quoted(j)).then(|| doc.s(j))
                })
            })
            .flatten();
        if let Some(h) = hedge {
            let end = i + h.words.len();
            cues.push(Cue {
                first: i,
                end,
                kind: CueKind::Hedge(h.value),
            });
            i = end;
            continue;
        }
        if doc.has(i, super::vocab::ACCORDING) && doc.is(i + 1, "to") && i + 1 < s.end {
            cues.push(Cue {
                first: i,
                end: i + 2,
                kind: CueKind::AccordingTo,
            });
            i += 2;
            continue;
        }
        if let Some(end) = attitude(doc, i, s.end) {
            cues.push(Cue {
                first: i,
                end,
                kind: CueKind::Verb(CueClass::Belief),
            });
            i = end;
            continue;
        }
        if let Some(class) = doc.cue_class(i)
            && !noun_use(doc, i, s.first)
        {
            // "went on to say", "refused to comment": the chain is one cue, and a verb of
            // the chain found as a cue of its own is dropped.
            let first = catenative_start(doc, i, s.first).unwrap_or(i);
            cues.retain(|c| c.end <= first);
            cues.push(Cue {
                first,
                end: i + 1,
                kind: CueKind::Verb(class),
            });
        }
        i += 1;
    }
}

/// The first token of a catenative verb ("went on", "continued") that ends right before
/// the "to" preceding the cue verb at `i`.
fn catenative_start(doc: &Doc<'_>, i: usize, floor: usize) -> Option<usize> {
    if i < floor + 2 || !doc.is(i - 1, "to") {
        return None;
    }
    (i.saturating_sub(3).max(floor)..i - 1).find(|&j| {
        let n = i - 1 - j;
        doc.lex
            .catenatives
            .longest(n, |k| {
                (j + k < i - 1 && !doc.quoted(j + k)).then(|| doc.s(j + k))
            })
            .is_some_and(|p| p.words.len() == n)
    })
}

/// Adjectives of stance that attribute what follows them ("is confident that …", "was
/// critical of …", "are eager to …"); PolNeAR train marks about 290 such cues.
static ATTITUDES: WordList = WordList::new(&[
    "adamant",
    "certain",
    "confident",
    "convinced",
    "critical",
    "determined",
    "eager",
    "hopeful",
    "opposed",
    "optimistic",
    "reluctant",
    "skeptical",
    "sure",
    "wary",
    "willing",
    "worried",
]);

/// Forms of "be" that link a source to a stance.
static LINKS: WordList = WordList::new(super::vocab::STANCE_LINKS);

/// "is confident that", "has been critical of", "remains opposed to", "made it clear
/// that": the exclusive end of a stance cue starting at `i`, when content follows.
fn attitude(doc: &Doc<'_>, i: usize, end: usize) -> Option<usize> {
    if doc.quoted(i) || !doc.has(i, super::vocab::STANCE_START) {
        return None;
    }
    // "made clear that", "made it clear that"
    if doc.is_any(i, super::vocab::MAKE_FORMS) {
        let k = if doc.is(i + 1, "it") { i + 2 } else { i + 1 };
        return (doc.is(k, "clear") && doc.is(k + 1, "that")).then_some(k + 1);
    }
    if !doc.is_in(i, &LINKS) {
        return None;
    }
    let mut k = i + 1;
    while k < end && k < i + 3 && doc.is_word(k) && doc.s(k).ends_with("ly") {
        k += 1;
    }
    if k >= end || !doc.is_in(k, &ATTITUDES) {
        return None;
    }
    let adj = k;
    let next_ok = doc.is(adj + 1, "that")
        || (doc.is(adj + 1, "to") && !doc.is(adj, "opposed"))
        || doc.is_any(adj + 1, &["of", "about", "with"])
        || (doc.is(adj, "opposed") && doc.is(adj + 1, "to"));
    if !next_ok || adj + 2 >= end {
        return None;
    }
    // "opposed to" keeps its particle.
    Some(if doc.is(adj, "opposed") {
        adj + 2
    } else {
        adj + 1
    })
}

/// Words after which a cue word is a noun, not a verb ("the report was", "tax plans
/// would").
static AFTER_NOUN: WordList = WordList::new(&[
    "is", "was", "are", "were", "has", "have", "had", "would", "will", "could", "can", "should",
    "may", "might", "must",
]);

/// Words before a cue word that make it a noun ("the plan", "her hopes").
static NOUN_DETERMINERS: WordList = WordList::new(&[
    "a", "an", "the", "this", "these", "those", "another", "his", "her", "its", "their", "our",
    "your", "my",
]);

/// "the plan", "her hopes", "a new report compares": a cue word used as a noun — after a
/// determiner or possessive (unless "that" opens its content: "his claim that …"), or
/// before a verb.
fn noun_use(doc: &Doc<'_>, i: usize, first: usize) -> bool {
    let after_determiner = i > first
        && !doc.is(i - 1, "that")
        && (doc.is_in(i - 1, &NOUN_DETERMINERS) || doc.is_possessive(i - 1));
    let before_verb = doc.is_word(i + 1)
        && !doc.quoted(i + 1)
        && (doc.cue_class(i + 1).is_some() || doc.is_in(i + 1, &AFTER_NOUN));
    (after_determiner && !doc.is(i + 1, "that"))
        || (before_verb && (after_determiner || relative_subject(doc, i, first).is_none()))
}

/// Relative pronouns that can open a clause whose subject attributes the rest of it ("a
/// plan which critics said was unfair", "what he calls a tax").
static RELATIVE_PRONOUNS: WordList = WordList::new(&["that", "what", "which", "who", "whom"]);

/// The relative pronoun before the short subject of the cue word at `i` ("which critics
/// said", "that an audit found"): then a verb after the cue word is the content's, not a
/// sign that the cue word is a noun.
fn relative_subject(doc: &Doc<'_>, i: usize, first: usize) -> Option<usize> {
    let floor = i.saturating_sub(5).max(first);
    let mut j = i.checked_sub(1)?;
    while j > floor && !doc.is_in(j, &RELATIVE_PRONOUNS) {
        let np = (doc.is_word(j) && !doc.is_clause_word(j) && !doc.quoted(j))
            || doc.kind(j) == Some(Kind::Number);
        if !np || doc.cue_class(j).is_some() {
            return None;
        }
        j -= 1;
    }
    (j + 1 < i && j >= first && doc.is_in(j, &RELATIVE_PRONOUNS)).then_some(j)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(input: &str, expected: &[&str]) {
        let doc = Doc::new(input, 0);
        let got: Vec<&str> = doc
            .sentences
            .iter()
            .flat_map(|s| find(&doc, s))
            .map(|c| doc.text_of(c.first, c.end))
            .collect();
        assert_eq!(got, expected, "{input}");
    }

    #[test]
    fn cues() {
        case("The mayor warned that rents would rise.", &["warned"]);
        case("“We said no,” she insisted.", &["insisted"]);
        case("According to the police, two men fled.", &["According to"]);
        case(
            "There has been speculation that he will quit.",
            &["There has been speculation"],
        );
        case(
            "The plan is widely seen as a gamble.",
            &["is widely seen as"],
        );
        case("The bridge reportedly collapsed.", &["reportedly"]);
        case("The river rose overnight.", &[]);
        case("The plan to widen the road failed.", &[]);
        // A verb after the cue word is the content's when a relative pronoun opens the
        // cue's clause; otherwise the cue word is a noun.
        case("the plan which critics say is unfair", &["say"]);
        case("The tax plans would fail.", &[]);
        case("The council plans to widen the road.", &["plans"]);
        case("Her remarks were brief.", &[]);
        case("A new report shows rents rising.", &["shows"]);
        case("Her claim that rents fell was wrong.", &["claim"]);
        case("Many said the rent was too high.", &["said"]);
        case(
            "The mayor is confident that rents will fall.",
            &["is confident"],
        );
        case(
            "The mayor has been highly critical of the plan.",
            &["been highly critical"],
        );
        case(
            "The mayor remains opposed to the plan.",
            &["remains opposed to"],
        );
        case(
            "The mayor made it clear that rents will fall.",
            &["made it clear"],
        );
        case("The mayor is sure.", &[]);
        case("The mayor bemoaned the cost of the pier.", &["bemoaned"]);
        case(
            "Critics wondered whether the pier would last.",
            &["wondered"],
        );
    }
}
