//! Cues: the words that attribute a claim — speech verbs ("said", "told", "warned"),
//! "according to", and sourceless hedges ("There has been speculation", "has been seen as",
//! "reportedly"). Words inside quotation marks are never cues.

use super::doc::Doc;
use super::sentences::Sentence;
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
        if let Some(class) = doc.cue_class(i)
            && !noun_use(doc, i, s.first)
        {
            cues.push(Cue {
                first: i,
                end: i + 1,
                kind: CueKind::Verb(class),
            });
        }
        i += 1;
    }
    cues
}

/// Words after which a cue word is a noun, not a verb ("the report was", "tax plans
/// would").
const AFTER_NOUN: &[&str] = &[
    "is", "was", "are", "were", "has", "have", "had", "would", "will", "could", "can", "should",
    "may", "might", "must",
];

/// "the plan", "her hopes", "a new report compares": a cue word used as a noun — after a
/// determiner or possessive (unless "that" opens its content: "his claim that …"), or
/// before a verb.
fn noun_use(doc: &Doc<'_>, i: usize, first: usize) -> bool {
    let after_determiner = i > first
        && !doc.is(i - 1, "that")
        && (doc.is_any(
            i - 1,
            &[
                "a", "an", "the", "this", "these", "those", "another", "his", "her", "its",
                "their", "our", "your", "my",
            ],
        ) || doc.is_possessive(i - 1));
    let before_verb = doc.is_word(i + 1)
        && !doc.quoted(i + 1)
        && (doc.cue_class(i + 1).is_some() || doc.is_any(i + 1, AFTER_NOUN));
    (after_determiner && !doc.is(i + 1, "that")) || before_verb
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
        case("The council plans to widen the road.", &["plans"]);
        case("Her remarks were brief.", &[]);
        case("A new report shows rents rising.", &["shows"]);
        case("Her claim that rents fell was wrong.", &["claim"]);
        case("Many said the rent was too high.", &["said"]);
    }
}
