//! Word classes: every lexicon entry and every grammar word the rules test, folded into one
//! table of bit flags so that each token is looked up once, when the article is read.
//!
//! Rules then test bits instead of hashing strings; multi-word lexicon entries flag their
//! first word, so a phrase table is only consulted where a phrase can start.

use std::sync::LazyLock;

use crate::lexicon::{self, CueClass, TitleClass, WordTable};

pub const CUE_SPEECH: u32 = 1;
pub const CUE_TELL: u32 = 1 << 1;
pub const CUE_BELIEF: u32 = 1 << 2;
pub const CUE_REPORT: u32 = 1 << 3;
pub const CUE: u32 = CUE_SPEECH | CUE_TELL | CUE_BELIEF | CUE_REPORT;
pub const TITLE_OFFICIAL: u32 = 1 << 4;
pub const TITLE_PERSON: u32 = 1 << 5;
pub const TITLE: u32 = TITLE_OFFICIAL | TITLE_PERSON;
pub const HONORIFIC: u32 = 1 << 6;
pub const ANONYMOUS_HEAD: u32 = 1 << 7;
pub const DOCUMENT: u32 = 1 << 8;
pub const ABBREVIATION: u32 = 1 << 9;
pub const ORG_START: u32 = 1 << 10;
pub const PLACE_START: u32 = 1 << 11;
pub const AGENCY_START: u32 = 1 << 12;
pub const HEDGE_START: u32 = 1 << 13;
pub const ANONYMITY_START: u32 = 1 << 14;
pub const CLAUSE: u32 = 1 << 15;
pub const DETERMINER: u32 = 1 << 16;
pub const PRONOUN: u32 = 1 << 17;
pub const BETWEEN: u32 = 1 << 18;
pub const DATE_START: u32 = 1 << 19;
pub const ACCORDING: u32 = 1 << 20;
pub const NOT_NAME: u32 = 1 << 21;
/// A word that can start a stance cue ([`STANCE_LINKS`], [`MAKE_FORMS`]): a quick reject
/// before the cue stage tests the word itself.
pub const STANCE_START: u32 = 1 << 22;
/// Set by [`super::doc::Doc`] on words starting with a capital letter.
pub const CAPITALISED: u32 = 1 << 30;
/// Words that are no part of a person's name: not-names, the first words of organisations,
/// places and agencies, titles, honorifics, dates, determiners, pronouns, clause words, the
/// words between a source and its cue, and cues.
pub const NOT_IN_NAME: u32 = NOT_NAME
    | ORG_START
    | PLACE_START
    | AGENCY_START
    | TITLE
    | HONORIFIC
    | DATE_START
    | DETERMINER
    | PRONOUN
    | CLAUSE
    | BETWEEN
    | CUE;

/// Words that end a noun phrase when walking back from a cue: verbs, conjunctions,
/// subordinators and prepositions that do not sit inside a source description.
pub const CLAUSE_WORDS: &[&str] = &[
    "about", "after", "against", "also", "although", "am", "amid", "among", "and", "are", "as",
    "be", "because", "been", "before", "being", "between", "but", "by", "can", "could", "despite",
    "did", "do", "does", "during", "even", "had", "has", "have", "here", "how", "if", "into", "is",
    "it's", "just", "like", "may", "might", "must", "nor", "not", "once", "only", "or", "over",
    "shall", "should", "since", "so", "than", "that", "then", "there", "though", "through",
    "toward", "towards", "under", "unless", "unlike", "until", "upon", "was", "were", "what",
    "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "within",
    "without", "would", "yet",
];

pub const DETERMINERS: &[&str] = &[
    "a", "all", "an", "another", "any", "both", "each", "few", "five", "four", "many", "more",
    "most", "no", "numerous", "one", "other", "several", "some", "that", "the", "these", "this",
    "those", "three", "two", "various",
];

pub const PRONOUNS: &[&str] = &[
    "everybody",
    "everyone",
    "he",
    "i",
    "it",
    "nobody",
    "others",
    "she",
    "somebody",
    "someone",
    "they",
    "we",
    "which",
    "who",
    "you",
];

/// Adverbs and auxiliaries that may stand between a source and its verb ("Zeine
/// nevertheless said", "officials have long argued").
pub const BETWEEN_SOURCE_AND_CUE: &[&str] = &[
    "again",
    "already",
    "also",
    "are",
    "can",
    "could",
    "did",
    "do",
    "does",
    "earlier",
    "even",
    "first",
    "frequently",
    "further",
    "had",
    "has",
    "have",
    "herself",
    "himself",
    "however",
    "initially",
    "is",
    "itself",
    "just",
    "later",
    "long",
    "may",
    "might",
    "never",
    "nevertheless",
    "not",
    "now",
    "often",
    "once",
    "openly",
    "previously",
    "recently",
    "repeatedly",
    "reportedly",
    "separately",
    "should",
    "since",
    "still",
    "themselves",
    "then",
    "too",
    "ultimately",
    "was",
    "were",
    "will",
    "would",
];

/// Forms of "be" that link a source to a stance ("is confident that"). A clitic "’s" is
/// never a word token of its own, so it is not listed.
pub const STANCE_LINKS: &[&str] = &[
    "are", "been", "is", "remain", "remained", "remains", "was", "were",
];

/// Forms of "make" ("made it clear that").
pub const MAKE_FORMS: &[&str] = &["made", "make", "makes", "making"];

const DATE_WORDS: &[&str] = &[
    "apr",
    "april",
    "aug",
    "august",
    "dec",
    "december",
    "feb",
    "february",
    "friday",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "last",
    "mar",
    "march",
    "may",
    "monday",
    "nov",
    "november",
    "oct",
    "october",
    "on",
    "saturday",
    "sep",
    "sept",
    "september",
    "sunday",
    "thursday",
    "today",
    "tuesday",
    "wednesday",
    "yesterday",
];

fn build() -> Vec<(String, u32)> {
    let lex = lexicon::get();
    let mut words: Vec<(String, u32)> = Vec::new();
    let mut add = |w: &str, f: u32| words.push((w.to_owned(), f));
    for (w, class) in &lex.cue_verbs {
        add(
            w,
            match class {
                CueClass::Speech => CUE_SPEECH,
                CueClass::Tell => CUE_TELL,
                CueClass::Belief => CUE_BELIEF,
                CueClass::Report => CUE_REPORT,
            },
        );
    }
    for (w, class) in &lex.titles {
        add(
            w,
            match class {
                TitleClass::Official => TITLE_OFFICIAL,
                TitleClass::Person => TITLE_PERSON,
            },
        );
    }
    for w in &lex.honorifics {
        add(w, HONORIFIC);
    }
    for w in &lex.anonymous_heads {
        add(w, ANONYMOUS_HEAD);
    }
    for w in &lex.documents {
        add(w, DOCUMENT);
    }
    for w in &lex.abbreviations {
        add(w, ABBREVIATION);
    }
    for w in &lex.not_names {
        add(w, NOT_NAME);
    }
    for w in lex.organizations.first_words() {
        add(w, ORG_START);
    }
    for w in lex.places.first_words() {
        add(w, PLACE_START);
    }
    for w in lex.agencies.first_words() {
        add(w, AGENCY_START);
    }
    for w in lex.hedges.first_words() {
        add(w, HEDGE_START);
    }
    for w in lex.anonymity.first_words() {
        add(w, ANONYMITY_START);
    }
    for (list, f) in [
        (CLAUSE_WORDS, CLAUSE),
        (DETERMINERS, DETERMINER),
        (PRONOUNS, PRONOUN),
        (BETWEEN_SOURCE_AND_CUE, BETWEEN),
        (DATE_WORDS, DATE_START),
        (STANCE_LINKS, STANCE_START),
        (MAKE_FORMS, STANCE_START),
    ] {
        for w in list {
            add(w, f);
        }
    }
    add("according", ACCORDING);
    words
}

/// Every word the rules test, with its flags.
pub struct Vocab(WordTable);

impl Vocab {
    /// The flags of `word` (any case); `buf` is scratch space for lowercasing non-ASCII
    /// words.
    #[inline]
    #[must_use]
    pub fn flags(&self, word: &str, buf: &mut String) -> u32 {
        self.0.get(word, buf)
    }
}

static VOCAB: LazyLock<Vocab> = LazyLock::new(|| Vocab(WordTable::new(build())));

/// The word table, built from the lexicons on first use.
#[must_use]
pub fn get() -> &'static Vocab {
    &VOCAB
}

/// The flags of `word` (any case).
#[must_use]
pub fn flags_of(word: &str, buf: &mut String) -> u32 {
    get().flags(word, buf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[track_caller]
    fn case(word: &str, set: u32, unset: u32) {
        let f = flags_of(word, &mut String::new());
        assert_eq!(f & set, set, "{word} should have {set:#b}");
        assert_eq!(f & unset, 0, "{word} should not have {unset:#b}");
    }

    #[test]
    fn flags() {
        case("said", CUE_SPEECH, TITLE);
        case("Told", CUE_TELL, CUE_SPEECH);
        case("Minister", TITLE_OFFICIAL, CUE);
        case("the", DETERMINER, CUE);
        // Pronoun resolution skips tokens without these flags.
        case("He", PRONOUN, 0);
        case("she", PRONOUN, 0);
        case("according", ACCORDING, 0);
        case("White", ORG_START, 0);
        case("Reuters", AGENCY_START, 0);
        case("There", HEDGE_START, 0);
        case("Monday", DATE_START, 0);
        case("Zeine", 0, u32::MAX);
        case("Niger’s", 0, u32::MAX);
    }

    #[test]
    fn table_agrees_with_a_plain_map() {
        let mut plain: HashMap<String, u32> = HashMap::new();
        for (w, f) in build() {
            *plain.entry(w).or_insert(0) |= f;
        }
        let table = get();
        let mut buf = String::new();
        for (w, &f) in &plain {
            assert_eq!(table.flags(w, &mut buf), f, "{w}");
            assert_eq!(
                table.flags(&w.to_uppercase(), &mut buf),
                f,
                "{w} in capitals"
            );
            let mut longer = w.clone();
            longer.push('x');
            let expected = plain.get(&longer).copied().unwrap_or(0);
            assert_eq!(table.flags(&longer, &mut buf), expected, "{longer}");
            assert_eq!(
                table.flags(&w[1..], &mut buf),
                plain.get(&w[1..]).copied().unwrap_or(0)
            );
        }
        // Non-ASCII capitals are lowercased before the lookup; the Kelvin sign (three
        // bytes) lowers to "k" (one), and the length limit applies to the word as written.
        assert_eq!(table.flags("SAİD", &mut buf), 0);
        let k_words: Vec<(&String, &u32)> = plain
            .iter()
            .filter(|(w, _)| w.starts_with('k') && w.len() + 2 <= table.0.max_len())
            .collect();
        assert!(!k_words.is_empty());
        for (w, &f) in k_words {
            assert_eq!(
                table.flags(&format!("\u{212A}{}", &w[1..]), &mut buf),
                f,
                "{w}"
            );
        }
        assert_eq!(table.flags("ÉTÉ", &mut buf), 0);
    }

    #[test]
    fn phrase_first_words_are_flagged_as_written_in_text() {
        // Rules consult a phrase table only where a token carries its start flag, so
        // every first word must read as one word token with that flag, in any case.
        let lex = lexicon::get();
        let firsts = |words: &mut dyn Iterator<Item = &str>| -> Vec<String> {
            words.map(str::to_owned).collect()
        };
        for (words, flag) in [
            (firsts(&mut lex.organizations.first_words()), ORG_START),
            (firsts(&mut lex.agencies.first_words()), AGENCY_START),
            (firsts(&mut lex.places.first_words()), PLACE_START),
            (firsts(&mut lex.hedges.first_words()), HEDGE_START),
        ] {
            assert!(!words.is_empty());
            for w in &words {
                for written in [w.clone(), w.to_uppercase()] {
                    let doc = crate::extract::doc::Doc::new(&written, 0);
                    assert_eq!(doc.len(), 1, "{written}");
                    assert!(doc.has(0, flag), "{written}");
                }
            }
        }
    }

    #[test]
    fn grammar_lists_are_sorted_without_duplicates() {
        for list in [
            CLAUSE_WORDS,
            DETERMINERS,
            PRONOUNS,
            BETWEEN_SOURCE_AND_CUE,
            DATE_WORDS,
            STANCE_LINKS,
            MAKE_FORMS,
        ] {
            for pair in list.windows(2) {
                assert!(pair[0] < pair[1], "{} before {}", pair[1], pair[0]);
            }
        }
    }
}
