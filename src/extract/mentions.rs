//! Mentions: what a source phrase says about its speaker.
//!
//! A source phrase ("Niger’s military-appointed Prime Minister Ali Mahaman Lamine Zeine",
//! "a source close to Defence Minister Sebastien Lecornu", "the ministry", "he") is read into
//! a [`Mention`]: its kind, the person's name without title or honorific, the title, the
//! affiliation, and the head noun used to match later references ("That source").

use super::doc::{Doc, WordList};
use super::vocab;
use crate::lexicon::TitleClass;
use std::rc::Rc;

/// What a source phrase refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// "he", "she", "they", "we".
    Pronoun,
    /// A named person ("Zeine", "Prime Minister Ali Mahaman Lamine Zeine").
    Named,
    /// A title without a name ("the minister", "the president").
    TitleOnly,
    /// An unnamed source ("a defence ministry source", "officials").
    Anonymous,
    /// An institution ("the ministry", "the White House"); also capitals standing for
    /// their country ("Paris").
    Organization,
    /// A news agency or outlet ("AFP", "The Washington Post").
    Agency,
    /// A text or finding ("a UN report", "the poll").
    Document,
}

/// A source phrase, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Token range of the phrase as written.
    pub first: usize,
    pub end: usize,
    pub kind: MentionKind,
    /// The person's name without title or honorific, or an institution's canonical name.
    pub name: Option<String>,
    pub title: Option<String>,
    pub title_class: Option<TitleClass>,
    pub affiliation: Option<String>,
    /// Lowercase head noun ("source", "minister", "ministry") or pronoun.
    pub head: String,
    /// Lowercase modifiers of the head, to match later definite references.
    pub modifiers: Vec<String>,
    /// A stable description for unnamed sources ("defence ministry source").
    pub description: String,
    /// Introduced by "the", "that", "this", "these" or "those".
    pub definite: bool,
}

/// Whether a lone word is a share of a group ("half", "most", "two-thirds").
fn is_share(word: &str) -> bool {
    const SHARES: &[&str] = &[
        "half", "most", "many", "some", "few", "several", "all", "both", "majority", "minority",
        "others", "third", "quarter",
    ];
    SHARES.contains(&word)
        || word.split_once('-').is_some_and(|(n, part)| {
            matches!(n, "one" | "two" | "three" | "four")
                && matches!(
                    part,
                    "third" | "thirds" | "quarter" | "quarters" | "fifth" | "fifths"
                )
        })
}

/// Words before a head that say how many or how senior, not who: left out of affiliations.
static RANK_WORDS: WordList = WordList::new(&[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "two",
    "three",
    "four",
    "five",
    "one",
    "several",
    "some",
    "many",
    "senior",
    "top",
    "high-ranking",
    "anonymous",
    "unnamed",
    "former",
    "other",
    "another",
    "key",
    "leading",
    "longtime",
    "veteran",
    "both",
    "most",
    "few",
    "numerous",
    "various",
    "all",
    "any",
    "no",
    "more",
    "each",
]);

/// Prepositions that open a post-modifier inside a source phrase ("a source close to …",
/// "officials at the ministry", "a spokesman for the campaign").
static POST_MODIFIERS: WordList = WordList::new(&[
    "close", "familiar", "at", "from", "in", "for", "with", "of", "on", "inside", "within", "near",
]);

/// Participles that open a post-modifier naming who made or saw a text ("figures published
/// by the board", "a memo seen by Reuters").
static PARTICIPLES: WordList = WordList::new(&[
    "circulated",
    "commissioned",
    "compiled",
    "conducted",
    "drafted",
    "filed",
    "issued",
    "leaked",
    "obtained",
    "posted",
    "prepared",
    "published",
    "released",
    "reviewed",
    "seen",
    "sent",
    "signed",
    "tallied",
    "written",
]);

/// Post-modifiers that state an affiliation (unlike "familiar with the talks").
static AFFILIATION_POST: WordList = WordList::new(&[
    "close", "at", "from", "in", "for", "of", "on", "inside", "within", "near",
]);

static NAME_PARTICLES: WordList = WordList::new(&[
    "de", "van", "von", "bin", "al", "la", "du", "da", "der", "le", "del", "di",
]);

/// The canonical name of a news outlet among the words `from..to` ("a CNN report").
fn outlet_before(doc: &Doc<'_>, from: usize, to: usize) -> Option<String> {
    (from..to)
        .filter(|&k| doc.has(k, vocab::AGENCY_START))
        .find_map(|k| {
            doc.lex
                .agencies
                .longest(to - k, |i| Some(doc.s(k + i)).filter(|_| k + i < to))
                .map(|p| p.value.clone())
        })
}

fn title_word(doc: &Doc<'_>, i: usize) -> Option<TitleClass> {
    let f = doc.fl(i);
    if f & vocab::TITLE_OFFICIAL != 0 {
        Some(TitleClass::Official)
    } else if f & vocab::TITLE_PERSON != 0 {
        Some(TitleClass::Person)
    } else {
        None
    }
}

fn is_honorific(doc: &Doc<'_>, i: usize) -> bool {
    doc.has(i, vocab::HONORIFIC)
}

/// Joins the words of a token range, dropping abbreviation periods' spaces as written.
fn words(doc: &Doc<'_>, first: usize, end: usize) -> String {
    doc.text_of(first, end).to_owned()
}

/// The name part of a capitalised run `[first, end)`: honorifics and titles removed.
/// Returns (name start, title range).
fn split_title(doc: &Doc<'_>, first: usize, end: usize) -> (usize, Option<(usize, usize)>) {
    // The last title word in the run, if a name follows it.
    let mut title: Option<(usize, usize)> = None;
    let mut name_start = first;
    for k in first..end {
        if title_word(doc, k).is_some() && k + 1 < end {
            let next = if doc.is_punct(k + 1, ".") {
                k + 2
            } else {
                k + 1
            };
            if next < end {
                let start = title.map_or(first, |(s, _)| s);
                title = Some((start.max(first), next.min(end)));
                name_start = next;
            }
        }
    }
    // Honorifics are not titles.
    while name_start < end && (is_honorific(doc, name_start) || doc.is_punct(name_start, ".")) {
        name_start += 1;
    }
    if let Some((s, e)) = title {
        let mut e = e;
        while e > s && doc.is_punct(e - 1, ".") {
            e -= 1;
        }
        let mut s = s;
        while s < e && is_honorific(doc, s) {
            s += 2.min(e - s);
        }
        if s >= e {
            return (name_start, None);
        }
        return (name_start, Some((s, e)));
    }
    (name_start, None)
}

/// A date phrase starts at `k`: "on Monday", "out Tuesday", "in June", or a bare
/// capitalised weekday or month after the phrase ("… for president Thursday").
fn is_date_at(doc: &Doc<'_>, k: usize) -> bool {
    let date = |j: usize| {
        doc.is_cap(j)
            && doc.has(j, vocab::DATE_START)
            && !doc.is_any(j, &["May", "March", "On", "Last"])
    };
    (doc.is_any(k, &["on", "in", "out", "last", "this", "early", "late"])
        && !doc.is_cap(k)
        && date(k + 1))
        || (date(k) && doc.is_word(k - 1) && !doc.is_cap(k - 1))
}

/// Whether a capitalised word at `k` is a known first name ("Bill", "Christian"), which keeps
/// it in a name even when it can also be a common word.
fn is_first_name(doc: &Doc<'_>, k: usize) -> bool {
    doc.is_cap(k) && doc.lex.first_names.contains_key(doc.lower(k).as_ref())
}

/// The personal pronoun of a possessive or contracted form ("her" → "she", "he's" → "he").
fn pronoun_form(word: &str) -> Option<&'static str> {
    let word = word.replace('’', "'");
    Some(match word.as_str() {
        "his" | "he's" | "he'd" | "he'll" => "he",
        "her" | "she's" | "she'd" | "she'll" => "she",
        "their" | "they're" | "they'd" | "they'll" => "they",
        "its" | "it's" => "it",
        "our" | "we're" | "we'd" => "we",
        "my" | "i'm" | "i'd" => "i",
        _ => return None,
    })
}

/// Prepositions that start sentences capitalised ("For Trump, …") and never begin a name.
static PREPOSITIONS: WordList = WordList::new(&[
    "about", "after", "at", "by", "for", "from", "in", "into", "of", "on", "to", "with",
]);

/// Nouns that stand for a news outlet already named ("the newspaper said").
const OUTLET_NOUNS: &[&str] = &[
    "broadcaster",
    "channel",
    "magazine",
    "network",
    "newspaper",
    "outlet",
    "paper",
    "publication",
    "tabloid",
    "website",
];

/// The capitalised run ending at `last` (inclusive), not before `floor`.
fn cap_run_back(doc: &Doc<'_>, last: usize, floor: usize) -> usize {
    let mut k = last;
    while k > floor {
        let p = k - 1;
        let ok = doc.is_cap(p)
            || (doc.is_punct(p, ".") && p > floor && doc.is_word(p - 1) && doc.is_cap(p - 1))
            || (doc.is_in(p, &NAME_PARTICLES) && p > floor && doc.is_cap(p - 1));
        if !ok || doc.is_possessive(p) || (doc.is_cap(p) && doc.is_in(p, &PREPOSITIONS)) {
            break;
        }
        k = p;
    }
    k
}

/// Removes titles from names inside a phrase: "close to Defence Minister Sebastien Lecornu"
/// becomes "close to Sebastien Lecornu".
fn without_titles(doc: &Doc<'_>, first: usize, end: usize) -> String {
    let mut out = String::new();
    let mut k = first;
    while k < end {
        if doc.is_cap(k) {
            let mut run_end = k;
            while run_end < end
                && (doc.is_cap(run_end) || (doc.is_punct(run_end, ".") && run_end > k))
            {
                run_end += 1;
            }
            let (name_start, _) = split_title(doc, k, run_end);
            let from = if name_start < run_end { name_start } else { k };
            push_word(&mut out, doc.text_of(from, run_end));
            k = run_end;
        } else {
            push_word(&mut out, doc.s(k));
            k += 1;
        }
    }
    out
}

fn push_word(out: &mut String, w: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(w);
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .or_else(|| w.strip_suffix('’'))
        .or_else(|| w.strip_suffix('\''))
        .unwrap_or(w)
}

/// Reads the source phrase `[first, end)`. `None` when it is not a plausible source.
///
/// A phrase is read once per document and shared: the rules test a phrase before
/// coreference reads it again.
#[must_use]
pub fn analyze(doc: &Doc<'_>, first: usize, end: usize) -> Option<Rc<Mention>> {
    if let Some(m) = doc.mentions.borrow().get(&(first, end)) {
        return m.clone();
    }
    let m = read(doc, first, end).map(Rc::new);
    doc.mentions.borrow_mut().insert((first, end), m.clone());
    m
}

/// Whether `[first, end)` reads as a source phrase.
#[must_use]
pub fn is_source(doc: &Doc<'_>, first: usize, end: usize) -> bool {
    analyze(doc, first, end).is_some()
}

fn read(doc: &Doc<'_>, first: usize, end: usize) -> Option<Mention> {
    if first >= end || end > doc.len() {
        return None;
    }
    let lex = doc.lex;
    // The core phrase stops at an appositive comma, and before a date ("Two committees on
    // Monday", "a poll out Tuesday").
    let mut core_end = (first..end)
        .find(|&k| doc.is_punct(k, ",") || doc.is_punct(k, "("))
        .unwrap_or(end);
    if let Some(k) = (first + 1..core_end).find(|&k| is_date_at(doc, k)) {
        core_end = k;
    }
    // "Robert Casey Jr.": the period of a final abbreviation is not the head.
    if core_end > first + 1 && doc.is_punct(core_end - 1, ".") && doc.is_word(core_end - 2) {
        core_end -= 1;
    }
    if core_end == first {
        return None;
    }
    let mut m = Mention {
        first,
        end,
        kind: MentionKind::Anonymous,
        name: None,
        title: None,
        title_class: None,
        affiliation: None,
        head: String::new(),
        modifiers: Vec::new(),
        description: String::new(),
        definite: false,
    };
    if core_end - first == 1 && doc.is_pronoun(first) {
        m.kind = MentionKind::Pronoun;
        m.head = doc.lower(first).into_owned();
        return Some(m);
    }
    // "Her", "Their", "he's": a possessive or contracted pronoun stands for its person.
    if core_end - first == 1
        && let Some(p) = pronoun_form(&doc.lower(first))
    {
        m.kind = MentionKind::Pronoun;
        p.clone_into(&mut m.head);
        return Some(m);
    }
    // "Half", "Most", "Two-thirds" alone: a share of the people just named (poll
    // respondents, voters), anonymous; capitalised only because it starts the sentence.
    if core_end - first == 1 && is_share(&doc.lower(first)) {
        m.head = doc.lower(first).into_owned();
        m.description.clone_from(&m.head);
        return Some(m);
    }
    let mut start = first;
    // "another source" stays apart from "a source" in the description.
    let mut kept_determiner = false;
    if doc.is_determiner(start) && start + 1 < core_end {
        m.definite = doc.is_any(start, &["the", "this", "that", "these", "those"]);
        kept_determiner = doc.is(start, "another");
        start += 1;
    }
    // Agencies and outlets, with or without their article ("The Washington Post").
    for from in [first, start] {
        if doc.has(from, vocab::AGENCY_START)
            && let Some(p) = lex.agencies.longest(core_end - from, |i| {
                Some(doc.s(from + i)).filter(|_| from + i < core_end)
            })
            && from + p.words.len() == core_end
        {
            m.kind = MentionKind::Agency;
            m.name = Some(p.value.clone());
            m.head = doc.lower(core_end - 1).into_owned();
            m.description.clone_from(&p.value);
            return Some(m);
        }
    }
    // Capitals standing for a country ("Paris declared").
    if doc.has(start, vocab::PLACE_START)
        && let Some(p) = lex.places.longest(core_end - start, |i| {
            Some(doc.s(start + i)).filter(|_| start + i < core_end)
        })
        && start + p.words.len() == core_end
        && doc.is_cap(start)
    {
        m.kind = MentionKind::Organization;
        m.name = Some(p.value.clone());
        m.head = doc.lower(core_end - 1).into_owned();
        m.description.clone_from(&p.value);
        return Some(m);
    }
    // A post-modifier splits the head from what follows ("source | close to …").
    let split = (start + 1..core_end)
        .find(|&k| {
            (doc.is_in(k, &POST_MODIFIERS) || doc.is_in(k, &PARTICIPLES))
                && !doc.is_cap(k)
                && doc.is_word(k - 1)
                && (!doc.is_cap(k - 1)
                    || (k - 1 == start && doc.has(k - 1, vocab::DOCUMENT | vocab::ANONYMOUS_HEAD)))
                && !doc.is_possessive(k - 1)
        })
        .unwrap_or(core_end);
    // "Mr. Burman of the Tax Policy Center": a person, then where they work.
    let split = if split == core_end {
        person_post_split(doc, start, core_end).unwrap_or(split)
    } else {
        split
    };
    let head_idx = split - 1;
    if !doc.is_word(head_idx) && doc.kind(head_idx) != Some(super::tokens::Kind::Number) {
        return None;
    }
    strip_possessive(&doc.lower(head_idx)).clone_into(&mut m.head);

    // "Trump's", "Mr. Obama's" alone: the person whose words these are.
    let excluded = vocab::NOT_NAME | vocab::ORG_START | vocab::PLACE_START | vocab::AGENCY_START;
    let mut name_from = start;
    while name_from < head_idx && (is_honorific(doc, name_from) || doc.is_punct(name_from, ".")) {
        name_from += 1;
    }
    if split == core_end
        && doc.is_possessive(head_idx)
        && doc.is_cap(head_idx)
        && (head_idx == name_from || (head_idx == name_from + 1 && is_first_name(doc, name_from)))
        && (name_from..=head_idx).all(|k| {
            doc.is_cap(k) && !doc.has(k, excluded | vocab::TITLE) && !doc.is_in(k, &PREPOSITIONS)
        })
        && !lex.anonymous_heads.contains(m.head.as_str())
        && !lex.titles.contains_key(m.head.as_str())
    {
        m.kind = MentionKind::Named;
        m.name = Some(strip_possessive(doc.text_of(name_from, split)).to_owned());
        return Some(m);
    }
    if doc.is_cap(head_idx) && !doc.is_possessive(head_idx) {
        // A capitalised head: an organisation by name, a person, or a title alone.
        if let Some(org) = org_ending_at(doc, start, split) {
            m.kind = MentionKind::Organization;
            m.description.clone_from(&org);
            m.name = Some(org);
            return Some(m);
        }
        let run = cap_run_back(doc, split, start);
        let (mut name_start, mut title) = split_title(doc, run, split);
        // "The Podesta Group's CEO": a title with no name after it.
        if title.is_none()
            && (run..split).all(|k| title_word(doc, k).is_some() || doc.is_punct(k, "."))
        {
            title = Some((run, split));
            name_start = split;
        }
        if name_start >= split {
            // "Prime Minister", "the President": a title standing alone.
            if let Some((ts, te)) = title.or(Some((run, split))) {
                m.kind = MentionKind::TitleOnly;
                m.title = Some(words(doc, ts, te));
                m.title_class = title_word(doc, split - 1).or(Some(TitleClass::Official));
                doc.text_of(start, split).clone_into(&mut m.description);
                if title_word(doc, split - 1).is_none() {
                    m.kind = MentionKind::Named;
                    m.name = Some(doc.text_of(run, split).to_owned());
                    m.title = None;
                    m.title_class = None;
                } else if let Some(name) = appositive_name(doc, core_end, end) {
                    m.kind = MentionKind::Named;
                    m.name = Some(name);
                }
                return Some(m);
            }
        }
        // "Rival Hillary Clinton", "Democrat Hillary Clinton": descriptors are not the name.
        while split - name_start >= 2
            && doc.has(name_start, vocab::NOT_NAME)
            && !is_first_name(doc, name_start)
        {
            name_start += 1;
        }
        // "Secretary of State William Galvin": a title with its "of" phrase.
        let mut compound_affiliation = None;
        if title.is_none()
            && run >= start + 2
            && doc.is(run - 1, "of")
            && title_word(doc, run - 2).is_some()
            && doc.is_cap(run - 2)
        {
            let name_words: Vec<usize> = (name_start..split).filter(|&k| doc.is_word(k)).collect();
            if name_words.len() > 3 {
                name_start = name_words[name_words.len() - 2];
            }
            let title_start = cap_run_back(doc, run - 2, start);
            let first_title = (title_start..=run - 2)
                .find(|&k| title_word(doc, k).is_some())
                .unwrap_or(run - 2);
            if name_start > run {
                title = Some((first_title, name_start));
                if first_title > title_start {
                    compound_affiliation =
                        Some(strip_possessive(doc.text_of(title_start, first_title)).to_owned());
                }
            }
        }
        // "Commission on Presidential Debates", "The Washington Examiner": institutions.
        let org_word = |k: usize| {
            doc.is_cap(k)
                && doc.has(k, vocab::ORG_START)
                && doc
                    .lex
                    .organizations
                    .longest(1, |_| Some(doc.s(k)))
                    .is_some()
                && (k + 1 == split || doc.is_any(k + 1, &["on", "of", "for"]))
        };
        if (start..split).any(org_word) {
            m.kind = MentionKind::Organization;
            let name = strip_possessive(doc.text_of(start, core_end)).to_owned();
            m.description.clone_from(&name);
            m.name = Some(name);
            return Some(m);
        }
        // "Democrats", "Many Republicans", "Vermont Democrats": unnamed members of a group.
        if !doc.is_possessive(split - 1) && lex.anonymous_heads.contains(m.head.as_str()) {
            m.kind = MentionKind::Anonymous;
            doc.text_of(start, split).clone_into(&mut m.description);
            m.modifiers = (start..split - 1)
                .map(|k| doc.lower(k).into_owned())
                .collect();
            if start < split - 1 {
                m.affiliation = Some(strip_possessive(doc.text_of(start, split - 1)).to_owned());
            }
            return Some(m);
        }
        if doc.is_any(
            split - 1,
            &[
                "Post",
                "Times",
                "News",
                "Journal",
                "Magazine",
                "Tribune",
                "Herald",
                "Gazette",
                "Network",
                "Radio",
                "Television",
                "Daily",
                "Examiner",
                "Wire",
                "Sentinel",
                "Observer",
                "Register",
                "Globe",
                "Chronicle",
                "Inquirer",
                "Dispatch",
                "Courier",
                "Telegraph",
                "Mirror",
                "Monitor",
            ],
        ) {
            m.kind = MentionKind::Agency;
            let name = doc.text_of(start, split).to_owned();
            m.description.clone_from(&name);
            m.name = Some(name);
            return Some(m);
        }
        // "New Polls", "The Mueller Report": a text.
        if lex.documents.contains(m.head.as_str()) && !doc.is_upper(split - 1) {
            m.kind = MentionKind::Document;
            doc.text_of(start, split).clone_into(&mut m.description);
            return Some(m);
        }
        // "The", "There", "Latest" alone: a sentence opener read as the source is nobody
        // in particular, and must not become a person that "he" can point back to.
        // ("the Republican" is a person found in coreference.)
        // Other capitalised common words ("Law", "White") may be surnames unless they open
        // the sentence.
        let opener = || {
            doc.sentences
                .get(doc.sentence_of(first))
                .is_none_or(|s| (s.first..first).all(|j| !doc.is_word(j)))
        };
        if split - name_start == 1
            && title.is_none()
            && (doc.has(
                name_start,
                vocab::DETERMINER | vocab::CLAUSE | vocab::PRONOUN,
            ) || doc.is_in(name_start, &PREPOSITIONS)
                || (doc.has(name_start, vocab::NOT_NAME) && name_start == start && opener()))
            && !is_first_name(doc, name_start)
            && !(m.definite && matches!(m.head.as_str(), "republican" | "democrat"))
        {
            m.kind = MentionKind::Anonymous;
            m.description = doc.lower(name_start).into_owned();
            return Some(m);
        }
        m.kind = MentionKind::Named;
        m.name = Some(doc.text_of(name_start, split).to_owned());
        if let Some((ts, te)) = title {
            m.title = Some(words(doc, ts, te));
            m.title_class = (ts..te).rev().find_map(|k| title_word(doc, k));
        }
        m.affiliation = compound_affiliation;
        // Before the run: a lowercase title ("White House spokesman Josh Earnest") and
        // an affiliation (capitalised words or a possessive before the title).
        if m.title.is_none()
            && run > start
            && title_word(doc, run - 1).is_some()
            && !doc.is_cap(run - 1)
        {
            m.title = Some(doc.s(run - 1).to_owned());
            m.title_class = title_word(doc, run - 1);
            let aff_end = run - 1;
            let aff_start = (start..aff_end)
                .find(|&k| doc.is_cap(k) || doc.is_possessive(k))
                .unwrap_or(aff_end);
            if aff_start < aff_end {
                m.affiliation = Some(strip_possessive(doc.text_of(aff_start, aff_end)).to_owned());
            }
        } else if let Some(p) = (start..run).find(|&k| doc.is_possessive(k) && doc.is_cap(k)) {
            m.affiliation = Some(strip_possessive(doc.s(p)).to_owned());
        }
        if m.title.is_none() && end > core_end {
            appositive_title(doc, core_end + 1, end, &mut m);
            appositive_office(doc, core_end + 1, end, &mut m);
        }
        // "retired Air Force general Ann Lee", "Ann Lee, a retired general": no longer
        // speaks for the institution.
        if m.title_class == Some(TitleClass::Official) && (start..end).any(|k| doc.is(k, "retired"))
        {
            m.title_class = Some(TitleClass::Person);
        }
        // "Mr. Burman of the Tax Policy Center".
        if m.affiliation.is_none() && split < core_end && doc.is_in(split, &AFFILIATION_POST) {
            let mut a = split + 1;
            if doc.is_determiner(a) && a + 1 < core_end {
                a += 1;
            }
            m.affiliation = Some(doc.text_of(a, core_end).to_owned());
        }
        return Some(m);
    }

    // A lowercase head.
    let mods: Vec<usize> = (start..head_idx).collect();
    m.modifiers = mods
        .iter()
        .map(|&k| strip_possessive(&doc.lower(k)).to_owned())
        .collect();
    let post = (split < core_end).then_some((split, core_end));
    let described = if kept_determiner {
        format!("another {}", doc.text_of(start, split))
    } else {
        doc.text_of(start, split).to_owned()
    };
    m.description = match post {
        Some((ps, pe)) => format!("{described} {}", without_titles(doc, ps, pe)),
        None => described,
    };
    let affiliation_mods: Vec<usize> = mods
        .iter()
        .copied()
        .filter(|&k| !doc.is_in(k, &RANK_WORDS) && doc.kind(k) != Some(super::tokens::Kind::Number))
        .collect();
    let pre_affiliation = match (affiliation_mods.first(), affiliation_mods.last()) {
        (Some(&a), Some(&b)) => Some(strip_possessive(doc.text_of(a, b + 1)).to_owned()),
        _ => None,
    };
    let post_affiliation = post
        .filter(|(ps, _)| doc.is_in(*ps, &AFFILIATION_POST))
        .map(|(ps, pe)| doc.text_of(ps, pe).to_owned());
    m.affiliation = post_affiliation.or(pre_affiliation);

    // "the newspaper": an outlet named earlier; "several outlets", "news networks": outlets.
    let plural_outlets = m
        .head
        .strip_suffix('s')
        .is_some_and(|h| h != "paper" && OUTLET_NOUNS.contains(&h));
    if post.is_none() && ((m.definite && OUTLET_NOUNS.contains(&m.head.as_str())) || plural_outlets)
    {
        m.kind = MentionKind::Agency;
        return Some(m);
    }
    let head = m.head.as_str();
    // "results of the exit poll", "a copy of the letter": the text is the source.
    // "half of respondents in the poll" are people, not the poll.
    let of_document = post.is_some_and(|(ps, pe)| {
        doc.is(ps, "of")
            && (ps + 1..pe)
                .find(|&k| doc.has(k, vocab::DOCUMENT))
                .is_some_and(|d| {
                    !(ps + 1..d).any(|k| lex.anonymous_heads.contains(doc.lower(k).as_ref()))
                })
    });
    if lex.media_reports.contains(head)
        && let Some(outlet) = outlet_before(doc, start, split)
    {
        // "a CNN report", "a Times investigation": the outlet's own reporting.
        m.kind = MentionKind::Agency;
        m.description.clone_from(&outlet);
        m.name = Some(outlet);
        m.affiliation = None;
    } else if lex.documents.contains(head) || (of_document && !lex.anonymous_heads.contains(head)) {
        m.kind = MentionKind::Document;
        m.affiliation = None;
    } else if let Some(org) = org_ending_at(doc, start, split) {
        m.kind = MentionKind::Organization;
        // "the city of Fairview": the place completes the body's name.
        m.name = Some(match post {
            Some((ps, pe)) if doc.is(ps, "of") && ps + 1 < pe && doc.is_cap(ps + 1) => {
                doc.text_of(start, pe).to_owned()
            }
            _ => org,
        });
        m.affiliation = None;
    } else if let Some(class) = doc
        .lex
        .titles
        .get(head)
        .copied()
        .filter(|_| !lex.anonymous_heads.contains(head))
    {
        m.kind = if m.definite {
            MentionKind::TitleOnly
        } else {
            MentionKind::Anonymous
        };
        m.title = Some(doc.s(head_idx).to_owned());
        m.title_class = Some(class);
    } else {
        m.kind = MentionKind::Anonymous;
    }
    // "the minister, Ana Diaz": the title, then the person's name.
    if matches!(m.kind, MentionKind::TitleOnly | MentionKind::Anonymous)
        && m.title.is_some()
        && let Some(name) = appositive_name(doc, core_end, end)
    {
        m.kind = MentionKind::Named;
        m.name = Some(name);
        m.affiliation = pre_affiliation_of(doc, &mods);
    }
    Some(m)
}

/// Whether a person mention is a woman (`Some(true)`), a man (`Some(false)`) or not known:
/// from honorifics ("Mrs.", "Mr."), gendered titles ("spokeswoman", "congressman") and
/// common first names.
#[must_use]
pub fn female(doc: &Doc<'_>, first: usize, end: usize, name: Option<&str>) -> Option<bool> {
    static FEMALE: WordList = WordList::new(&[
        "mrs",
        "ms",
        "miss",
        "madam",
        "dame",
        "lady",
        "spokeswoman",
        "congresswoman",
        "chairwoman",
        "councilwoman",
        "businesswoman",
        "congresswomen",
        "queen",
        "princess",
        "actress",
        "mother",
        "wife",
        "daughter",
        "sister",
        "grandmother",
        "widow",
        "girl",
        "woman",
    ]);
    static MALE: WordList = WordList::new(&[
        "mr",
        "sir",
        "lord",
        "spokesman",
        "congressman",
        "chairman",
        "councilman",
        "businessman",
        "king",
        "prince",
        "actor",
        "father",
        "husband",
        "son",
        "brother",
        "grandfather",
        "boy",
        "man",
    ]);
    let end = end.min(first + 16);
    for k in first..end {
        if !doc.is_word(k) {
            continue;
        }
        // "Nina Turner, a surrogate for Mr. Sanders": the words after a preposition or a
        // conjunction are about somebody else.
        if k > first && doc.is_any(k, &["of", "for", "to", "with", "and", "at", "by", "from"]) {
            break;
        }
        if doc.is_in(k, &FEMALE) {
            return Some(true);
        }
        if doc.is_in(k, &MALE) {
            return Some(false);
        }
    }
    let given = name?.split(' ').next()?;
    if !name?.contains(' ') {
        return None;
    }
    doc.lex
        .first_names
        .get(crate::lexicon::lower_key(given).as_ref())
        .map(|g| g == "f")
}

/// The start of a text named before a passive agent: "figures published by | the health
/// board", "an internal memo seen by | Wire". `first` is the agent's first token; the result
/// is the first token of the text's phrase, when its head is a document noun.
#[must_use]
pub fn document_before(doc: &Doc<'_>, first: usize) -> Option<usize> {
    if first < 3 || !doc.is(first - 1, "by") {
        return None;
    }
    let participle = first - 2;
    if !doc.is_in(participle, &PARTICIPLES) {
        return None;
    }
    let head = participle - 1;
    if !doc.has(head, vocab::DOCUMENT) {
        return None;
    }
    let floor = head.saturating_sub(5);
    let mut k = head;
    while k > floor {
        let p = k - 1;
        if !doc.is_word(p)
            || doc.is_clause_word(p)
            || doc.cue_class(p).is_some()
            || doc.is_pronoun(p)
        {
            break;
        }
        k = p;
        if doc.is_determiner(p) {
            break;
        }
    }
    Some(k)
}

/// The affiliation words before a title head ("health" in "the health minister").
fn pre_affiliation_of(doc: &Doc<'_>, mods: &[usize]) -> Option<String> {
    let kept: Vec<usize> = mods
        .iter()
        .copied()
        .filter(|&k| !doc.is_in(k, &RANK_WORDS) && doc.kind(k) != Some(super::tokens::Kind::Number))
        .collect();
    match (kept.first(), kept.last()) {
        (Some(&a), Some(&b)) => Some(strip_possessive(doc.text_of(a, b + 1)).to_owned()),
        _ => None,
    }
}

/// A personal name set off by commas after a title: "the minister, Ana Diaz". `comma` is the
/// token that ends the core phrase; the name runs to the next comma or `end`.
fn appositive_name(doc: &Doc<'_>, comma: usize, end: usize) -> Option<String> {
    if comma >= end || !doc.is_punct(comma, ",") {
        return None;
    }
    let first = comma + 1;
    let stop = (first..end).find(|&k| doc.is_punct(k, ",")).unwrap_or(end);
    let mut from = first;
    while from < stop && (is_honorific(doc, from) || doc.is_punct(from, ".")) {
        from += 1;
    }
    let word_count = (from..stop).filter(|&k| doc.is_word(k)).count();
    let excluded = vocab::NOT_NAME
        | vocab::ORG_START
        | vocab::PLACE_START
        | vocab::AGENCY_START
        | vocab::TITLE
        | vocab::DETERMINER
        | vocab::PRONOUN;
    // Later words may be common words too ("Anna Richardson White") after a first name.
    let named_first = is_first_name(doc, from);
    let name_like = (from..stop).all(|k| {
        (doc.is_word(k)
            && doc.is_cap(k)
            && (!doc.has(k, excluded) || (named_first && k > from))
            && !doc.is_possessive(k))
            || (doc.is_punct(k, ".") && k > from)
            || (doc.is_in(k, &NAME_PARTICLES) && k > from)
    });
    ((1..=4).contains(&word_count) && name_like).then(|| doc.text_of(from, stop).to_owned())
}

/// Where a personal name is followed by its workplace inside one phrase ("Mr. Burman of the
/// Tax Policy Center", "Phil Musser of consulting firm IMGE"): the index of the preposition.
/// Titles with an "of" phrase ("Secretary of State") and institutions ("Bank of America")
/// are not split.
fn person_post_split(doc: &Doc<'_>, start: usize, core_end: usize) -> Option<usize> {
    let k = (start + 1..core_end).find(|&k| {
        (doc.is_any(k, &["of", "from", "at"])
            || (doc.is(k, "on") && doc.has(k + 1, vocab::DATE_START)))
            && !doc.is_cap(k)
            && doc.is_cap(k - 1)
            && !doc.is_possessive(k - 1)
            && k + 1 < core_end
    })?;
    if title_word(doc, k - 1).is_some() {
        return None;
    }
    let run = cap_run_back(doc, k, start);
    let marked = (start..k).any(|j| is_honorific(doc, j) || title_word(doc, j).is_some());
    let names: Vec<usize> = (run..k)
        .filter(|&j| doc.is_word(j) && !is_honorific(doc, j) && title_word(doc, j).is_none())
        .collect();
    let excluded = vocab::NOT_NAME | vocab::ORG_START | vocab::PLACE_START | vocab::AGENCY_START;
    let name_like = !names.is_empty()
        && names
            .iter()
            .all(|&j| (!doc.has(j, excluded) || is_first_name(doc, j)) && !is_share(&doc.lower(j)));
    // "Butterfield of North Carolina": a single name before a place.
    let place_after = doc.is(k, "of")
        && doc.is_cap(k + 1)
        && doc.has(k + 1, vocab::NOT_NAME | vocab::PLACE_START)
        && (k + 1..core_end).all(|j| doc.is_cap(j));
    (name_like && (marked || names.len() >= 2 || place_after)).then_some(k)
}

/// The period of a single-letter initial at `i` ("G." in "Emmet G. Sullivan").
fn is_initial_period(doc: &Doc<'_>, i: usize) -> bool {
    i > 0
        && doc.is_punct(i, ".")
        && doc.is_cap(i - 1)
        && doc.s(i - 1).chars().count() == 1
        && doc.tokens[i - 1].span.end == doc.tokens[i].span.start
        && doc.is_cap(i + 1)
}

/// Titled names in running text ("Mayor Anna Kowalczyk", "union leader Maria Ostrowski"),
/// so that a later "she" or surname can refer to them. Token ranges from `first` to `end`.
#[must_use]
pub fn titled_names(doc: &Doc<'_>, first: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut k = first;
    while k < end {
        // "Mr. Obama", "Ms. Melba Acosta": an honorific marks a name as a title does.
        let honorific = doc.is_cap(k) && is_honorific(doc, k);
        if (title_word(doc, k).is_some() || honorific) && !doc.quoted(k) {
            let mut n = k + 1;
            if doc.is_punct(n, ".") {
                n += 1;
            }
            let mut e = n;
            // Middle initials keep their period ("Judge Emmet G. Sullivan").
            while e < end
                && ((doc.is_cap(e) && title_word(doc, e).is_none()) || is_initial_period(doc, e))
            {
                e += 1;
            }
            let needed = if doc.is_cap(k) { 1 } else { 2 };
            if e - n >= needed && (n..e).all(|j| !doc.has(j, vocab::NOT_NAME)) {
                let mut s = k;
                while !honorific && s > first && doc.is_cap(s - 1) && !doc.is_possessive(s - 1) {
                    s -= 1;
                }
                out.push((s, e));
                k = e;
                continue;
            }
        }
        // A bare personal name: two or three capitalised words that are not institutions,
        // places or grammar words ("Donald Trump", "Robert C. Scott").
        // A name may follow a capitalised opening word ("Perhaps Ann Lee …").
        // So may a single capitalised descriptor ("Democrat Zephyr Teachout").
        let run_start = k == first
            || !doc.is_cap(k - 1)
            || (doc.has(k - 1, vocab::NOT_NAME)
                && !doc.has(
                    k - 1,
                    vocab::PLACE_START | vocab::ORG_START | vocab::AGENCY_START,
                )
                && (k - 1 == first || !doc.is_cap(k - 2)));
        if doc.is_cap(k) && !doc.quoted(k) && run_start {
            let mut e = k;
            while e < end
                && (doc.is_cap(e)
                    || (doc.is_punct(e, ".") && e > k && doc.s(e - 1).chars().count() == 1))
            {
                e += 1;
            }
            let words = (k..e).filter(|&j| doc.is_word(j)).count();
            let name_like = (k..e).all(|j| {
                let excluded = vocab::NOT_IN_NAME;
                let inner_possessive = doc.is_possessive(j) && j + 1 < e;
                // A middle initial ("William A. Ackman") is not the article "A".
                let initial = j > k && is_initial_period(doc, j + 1);
                initial || !(doc.has(j, excluded) || inner_possessive || doc.is_upper(j))
            });
            if (2..=3).contains(&words) && name_like {
                out.push((k, e));
                k = e;
                continue;
            }
            // A longer run may still hold a titled name ("Phoenix Mayor Ann Lee").
            k += 1;
            continue;
        }
        k += 1;
    }
    out
}

/// An organisation phrase ending exactly at `end` ("the defence ministry", "the White
/// House"): its canonical name, or the phrase as written without its determiner.
fn org_ending_at(doc: &Doc<'_>, start: usize, end: usize) -> Option<String> {
    for from in start..end {
        if doc.has(from, vocab::ORG_START)
            && let Some(p) = doc.lex.organizations.longest(end - from, |i| {
                Some(doc.s(from + i)).filter(|_| from + i < end)
            })
            && from + p.words.len() == end
        {
            if !p.value.is_empty() && from == start {
                return Some(p.value.clone());
            }
            let name = doc.text_of(start, end);
            return Some(strip_possessive(name).to_owned());
        }
    }
    None
}

/// A relative clause stating an office ("Ann Lee, who heads the agency,") makes an official;
/// a director, fellow or chair at a university or research body ("director of the Institute
/// for Tax Studies", "who heads a research centre") speaks as an expert, for themselves.
fn appositive_office(doc: &Doc<'_>, first: usize, end: usize, m: &mut Mention) {
    // "one of the president's closest aides": the title is the plural after "one of".
    if m.title_class.is_none() && first + 2 < end && doc.is(first, "one") && doc.is(first + 1, "of")
    {
        m.title_class = (first + 2..end).filter(|&k| !doc.is_cap(k)).find_map(|k| {
            let word = doc.lower(k);
            let singular = word.strip_suffix('s')?;
            doc.lex.titles.get(singular).copied()
        });
    }
    // "who was undersecretary of state": the title in a relative clause.
    if m.title_class.is_none()
        && first + 2 < end
        && doc.is(first, "who")
        && doc.is_any(first + 1, &["is", "was"])
    {
        let stop = (first + 2..end)
            .find(|&k| {
                doc.is_punct(k, ",")
                    || doc.is_any(
                        k,
                        &["of", "in", "at", "for", "to", "with", "and", "who", "on"],
                    )
            })
            .unwrap_or(end);
        m.title_class = (first + 2..stop).rev().find_map(|k| title_word(doc, k));
    }
    // "who heads the agency", "head of the agency", "assistant to the president".
    let lead = first + usize::from(doc.is_determiner(first));
    let office_clause = m.title_class.is_none()
        && lead + 1 < end
        && ((doc.is(first, "who") && doc.lex.office_verbs.contains(doc.lower(first + 1).as_ref()))
            || (doc.is_any(lead, &["head", "assistant"]) && doc.is_any(lead + 1, &["of", "to"])));
    let research_head = office_clause
        || m.title.as_deref().is_some_and(|t| {
            matches!(
                t.to_lowercase().as_str(),
                "director" | "fellow" | "chair" | "chairman" | "chairwoman" | "head"
            )
        });
    if research_head
        && (first..end).any(|k| doc.lex.research_bodies.contains(doc.lower(k).as_ref()))
    {
        m.title_class = Some(TitleClass::Person);
    } else if office_clause {
        m.title_class = Some(TitleClass::Official);
    }
}

/// Reads a title from an appositive ("Hugh Hill, a doctor," / "Josh Earnest, the White House
/// spokesman,").
fn appositive_title(doc: &Doc<'_>, first: usize, end: usize, m: &mut Mention) {
    // The title heads the appositive: it comes before any "of", "in", "who" phrase ("a former
    // official in President Bill Clinton's administration" is an official, not a president).
    let stop = (first..end)
        .find(|&k| {
            doc.is_punct(k, ",")
                || doc.is_punct(k, "(")
                || (k > first
                    && !doc.is_cap(k)
                    && doc.is_any(
                        k,
                        &[
                            "of", "in", "at", "for", "to", "who", "with", "and", "from", "under",
                            "during",
                        ],
                    ))
        })
        .unwrap_or(end);
    let head = (first..stop).rev().find(|&k| doc.is_word(k));
    if let Some(h) = head
        && title_word(doc, h).is_none()
        && !doc.is_cap(h)
        && doc.lex.anonymous_heads.contains(doc.lower(h).as_ref())
        && matches!(
            doc.lower(h).as_ref(),
            "official" | "aide" | "staffer" | "operative"
        )
    {
        m.title = Some(doc.s(h).to_owned());
        m.title_class = Some(TitleClass::Official);
        return;
    }
    if let Some(k) = (first..stop).rev().find(|&k| title_word(doc, k).is_some()) {
        m.title = Some(doc.s(k).to_owned());
        m.title_class = title_word(doc, k);
        let aff_start = (first..k).find(|&j| doc.is_cap(j) || doc.is_possessive(j));
        if let Some(a) = aff_start {
            m.affiliation = Some(strip_possessive(doc.text_of(a, k)).to_owned());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn names_in(text: &str, expected: &[&str]) {
        let doc = Doc::new(text, 0);
        let found: Vec<&str> = titled_names(&doc, 0, doc.len())
            .into_iter()
            .map(|(a, b)| doc.text_of(a, b))
            .collect();
        assert_eq!(found, expected, "{text}");
    }

    #[test]
    fn a_phrase_is_read_once_and_shared() {
        let text = "A source close to Defence Minister Ann Lee and the ministry, officials said.";
        let doc = Doc::new(text, 0);
        for a in 0..doc.len() {
            for b in a..=doc.len() + 1 {
                let first = analyze(&doc, a, b);
                let again = analyze(&doc, a, b);
                if let (Some(x), Some(y)) = (&first, &again) {
                    assert!(Rc::ptr_eq(x, y), "{a}..{b}");
                }
                assert_eq!(first.is_some(), again.is_some(), "{a}..{b}");
                let fresh = read(&Doc::new(text, 0), a, b);
                assert_eq!(first.as_deref(), fresh.as_ref(), "{a}..{b}");
                assert_eq!(is_source(&doc, a, b), fresh.is_some(), "{a}..{b}");
            }
        }
    }
    #[test]
    fn names_in_running_text() {
        names_in(
            "The case went to Judge Ada K. Moss on Friday.",
            &["Judge Ada K. Moss"],
        );
        names_in("The fund is run by Tom B. Reyes now.", &["Tom B. Reyes"]);
        // A title inside a longer capitalised run.
        names_in(
            "Dayton Mayor Lena Ford opened the hall.",
            &["Dayton Mayor Lena Ford"],
        );
        names_in(
            "Attorney General Omar Haddad opened an inquiry.",
            &["Attorney General Omar Haddad"],
        );
        // The article "A" is no initial.
        names_in("A Reyes voter came.", &[]);
        // An opening adverb is no first name.
        names_in("Perhaps Ann Lee knew.", &["Ann Lee"]);
        // Honorifics and party descriptors before a name.
        names_in("Later Ms. Ada Moss spoke.", &["Ms. Ada Moss"]);
        names_in("It was Mr. Holm.", &["Mr. Holm"]);
        names_in("But Mr. Holm came.", &["Mr. Holm"]);
        names_in("She met Democrat Zephyr Vance.", &["Zephyr Vance"]);
    }

    /// (phrase, kind, name, title, affiliation, description)
    #[track_caller]
    fn case(
        phrase: &str,
        kind: MentionKind,
        name: Option<&str>,
        title: Option<&str>,
        affiliation: Option<&str>,
    ) {
        let doc = Doc::new(phrase, 0);
        let m = analyze(&doc, 0, doc.len()).expect(phrase);
        assert_eq!(m.kind, kind, "{phrase}");
        assert_eq!(m.name.as_deref(), name, "{phrase}: name");
        assert_eq!(m.title.as_deref(), title, "{phrase}: title");
        assert_eq!(
            m.affiliation.as_deref(),
            affiliation,
            "{phrase}: affiliation"
        );
    }

    #[test]
    fn mentions() {
        use MentionKind::*;
        case("he", Pronoun, None, None, None);
        case(
            "Japan’s newly elected Prime Minister Kenji Arata Sato",
            Named,
            Some("Kenji Arata Sato"),
            Some("Prime Minister"),
            Some("Japan"),
        );
        case(
            "Sen. Maria Ortiz",
            Named,
            Some("Maria Ortiz"),
            Some("Sen"),
            None,
        );
        case("Mr. Okafor", Named, Some("Okafor"), None, None);
        case(
            "White House spokesman Josh Earnest",
            Named,
            Some("Josh Earnest"),
            Some("spokesman"),
            Some("White House"),
        );
        case(
            "Hugh Hill, a doctor",
            Named,
            Some("Hugh Hill"),
            Some("doctor"),
            None,
        );
        case(
            "an official close to Finance Minister Lena Berg",
            Anonymous,
            None,
            None,
            Some("close to Finance Minister Lena Berg"),
        );
        case(
            "two senior health ministry officials",
            Anonymous,
            None,
            None,
            Some("health ministry"),
        );
        case(
            "people familiar with the talks",
            Anonymous,
            None,
            None,
            None,
        );
        case(
            "the foreign ministry",
            Organization,
            Some("foreign ministry"),
            None,
            None,
        );
        case(
            "the White House",
            Organization,
            Some("White House"),
            None,
            None,
        );
        case("Reuters", Agency, Some("Reuters"), None, None);
        case(
            "The Washington Post",
            Agency,
            Some("Washington Post"),
            None,
            None,
        );
        case("Moscow", Organization, Some("Russia"), None, None);
        case("a new study", Document, None, None, None);
        case("the minister", TitleOnly, None, Some("minister"), None);
    }

    #[test]
    fn titles_names_and_institutions_in_source_phrases() {
        use MentionKind::*;
        // A title, then the person's name as an appositive.
        case(
            "the minister, Ana Diaz",
            Named,
            Some("Ana Diaz"),
            Some("minister"),
            None,
        );
        case(
            "a spokeswoman, Anna Jane White",
            Named,
            Some("Anna Jane White"),
            Some("spokeswoman"),
            None,
        );
        case(
            "the Acme Group's CEO, Dora Quist",
            Named,
            Some("Dora Quist"),
            Some("CEO"),
            None,
        );
        // A person, then where they work.
        case(
            "Mr. Holm of the Budget Policy Institute",
            Named,
            Some("Holm"),
            None,
            Some("Budget Policy Institute"),
        );
        case(
            "Ed Vance of Western Ohio",
            Named,
            Some("Ed Vance"),
            None,
            Some("Western Ohio"),
        );
        // A title with an "of" phrase.
        case(
            "Ohio Secretary of State Jon Paley",
            Named,
            Some("Jon Paley"),
            Some("Secretary of State"),
            Some("Ohio"),
        );
        // A common word that is also a first name stays in the name.
        case(
            "former President Bill Dorn",
            Named,
            Some("Bill Dorn"),
            Some("President"),
            None,
        );
        // The head of an appositive, not a title inside its "of" phrase.
        case(
            "Rita Moss, a former official in President Karl Hahn's administration",
            Named,
            Some("Rita Moss"),
            Some("official"),
            None,
        );
        case(
            "Tom Rue, an adviser to Governor Amy Lutz",
            Named,
            Some("Tom Rue"),
            Some("adviser"),
            None,
        );
        // Institutions, texts and groups.
        case(
            "The regional weather service",
            Organization,
            Some("regional weather service"),
            None,
            None,
        );
        case("the EPA", Organization, Some("EPA"), None, None);
        case(
            "The Environmental Review Agency",
            Organization,
            Some("Environmental Review Agency"),
            None,
            None,
        );
        case(
            "figures published by the health board",
            Document,
            None,
            None,
            None,
        );
        case("early results of the exit poll", Document, None, None, None);
        case("New Polls", Document, None, None, None);
        case("Many Democrats", Anonymous, None, None, None);
        case(
            "the Lakeside Sentinel",
            Agency,
            Some("Lakeside Sentinel"),
            None,
            None,
        );
        case("the newspaper", Agency, None, None, None);
        // Dates after the phrase are not part of it.
        case(
            "Two House committees on Monday",
            Anonymous,
            None,
            None,
            Some("House"),
        );
        // A possessive name alone.
        case("Mr. Okafor's", Named, Some("Okafor"), None, None);
        case("Ann Lee’s", Named, Some("Ann Lee"), None, None);
        case("Editor's", Anonymous, None, Some("Editor's"), None);
        // Journalists are titled ("the columnist" can refer back to "columnist Ai Jun").
        case(
            "columnist Tim Vance",
            Named,
            Some("Tim Vance"),
            Some("columnist"),
            None,
        );
        case(
            "an FBI summary of its investigation",
            Document,
            None,
            None,
            None,
        );
        // Possessive and contracted pronouns.
        case("Her", Pronoun, None, None, None);
        case("he's", Pronoun, None, None, None);
    }

    #[track_caller]
    fn described(phrase: &str, expected: &str) {
        let doc = Doc::new(phrase, 0);
        let m = analyze(&doc, 0, doc.len()).expect(phrase);
        assert_eq!(m.description, expected, "{phrase}");
    }

    #[test]
    fn descriptions_keep_another() {
        described("Another source", "another source");
        described("a source", "source");
        described("sources", "sources");
    }

    #[track_caller]
    fn gender(phrase: &str, expected: Option<bool>) {
        let doc = Doc::new(phrase, 0);
        let m = analyze(&doc, 0, doc.len()).expect(phrase);
        assert_eq!(
            female(&doc, 0, doc.len(), m.name.as_deref()),
            expected,
            "{phrase}"
        );
    }

    #[test]
    fn gender_from_honorifics_titles_and_first_names() {
        gender("Mrs. Okafor", Some(true));
        gender("Mr. Okafor", Some(false));
        gender("spokeswoman Ada Lind", Some(true));
        gender("Maria Lopez", Some(true));
        gender("John Smith", Some(false));
        gender("Okafor", None);
        gender("Xu Wen", None);
        // Words after a preposition or conjunction are about somebody else.
        gender("Maria Lopez, a surrogate for Mr. Sanders", Some(true));
        gender("Tom Reed, a friend of Mrs. Vance", Some(false));
        gender("Ed Holm, an adviser to Mrs. Vance", Some(false));
    }

    #[track_caller]
    fn text_before(text: &str, agent: &str, expected: Option<&str>) {
        let doc = Doc::new(text, 0);
        let at = text.find(agent).unwrap();
        let first = (0..doc.len())
            .find(|&k| doc.tokens[k].span.start == at)
            .unwrap();
        let found = document_before(&doc, first).map(|k| &text[doc.tokens[k].span.start..at]);
        assert_eq!(found.map(str::trim_end), expected, "{text}");
    }

    #[test]
    fn texts_named_before_a_passive_agent() {
        text_before(
            "Figures published by the health board show a rise.",
            "the health board",
            Some("Figures published by"),
        );
        text_before(
            "An internal memo seen by Wire said so.",
            "Wire",
            Some("An internal memo seen by"),
        );
        text_before("Officials hired by the board said so.", "the board", None);
        text_before("He was seen by the board.", "the board", None);
    }

    #[test]
    fn descriptions_drop_titles_inside_names() {
        let phrase = "a source close to Finance Minister Lena Berg";
        let doc = Doc::new(phrase, 0);
        let m = analyze(&doc, 0, doc.len()).unwrap();
        assert_eq!(m.description, "source close to Lena Berg");
        assert_eq!(m.head, "source");
    }
}
