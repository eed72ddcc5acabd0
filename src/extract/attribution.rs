//! Attribution: which cue owns which content and which source phrase.
//!
//! Each rule has an id, recorded on the claims it produces:
//! - `reported-speech/source-cue`: "Zeine said Monday that …", "X told AFP that …".
//! - `reported-speech/after-clause`: "…, a defence ministry source said on Tuesday."
//! - `direct/after-quote`: "“…,” the source told AFP."
//! - `direct/split-quote`: the second half of "“A,” he said, “B.”"; extraction joins it to
//!   the first half as one claim with the attribution as its gap (`gaps::join_split_quotes`).
//! - `reported-speech/inverted`: "…, said Smith."
//! - `reported-speech/fronted-participle`: "Noting the cost, Smith said …" — an opening
//!   participle clause belongs to the subject of the main clause.
//! - `reported-speech/conjoined-subject`: "Paris stood by Bazoum and declared …".
//! - `according-to`: "According to the police, …" / "…, according to Reuters."
//! - `hedge/after`, `hedge/clause`: "There has been speculation that …", "… reportedly …".
//! - `passive`: "Lee was asked to name …" — a cue verb in the passive, with no source.
//! - `transcript`: "WALLACE: …" at the start of a paragraph.
//! - `direct/continuation`: a quoted sentence or paragraph after an attributed quote.

use super::cues::{self, Cue, CueKind};
use super::dates::{self, When};
use super::doc::{Doc, WordList};
use super::sentences::Sentence;
use super::tokens::Kind;
use super::vocab;
use crate::lexicon::{CueClass, HedgeAttach};
use crate::model::{ClaimKind, Span};

/// A claim as attribution finds it, before speakers are resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub kind: ClaimKind,
    pub content: Span,
    pub cue: Option<Span>,
    /// The source phrase as written, by token range.
    pub source: Option<(usize, usize)>,
    /// The phrase that names the speaker, when it is not the source itself ("who" →
    /// the phrase before it).
    pub referent: Option<(usize, usize)>,
    /// The agency the source talked to ("told AFP").
    pub channel: Option<String>,
    pub when: Option<When>,
    pub reason: Option<Span>,
    pub rule: &'static str,
    /// Same speaker as an earlier claim (quote continuations).
    pub continues: Option<usize>,
    pub sentence: usize,
    pub para: u32,
}

/// Nouns after "in a …" that say how a statement was made ("in a statement").
static CHANNEL_NOUNS: WordList = WordList::new(&[
    "statement",
    "interview",
    "ad",
    "book",
    "tweet",
    "email",
    "post",
    "letter",
    "speech",
    "release",
    "op-ed",
    "video",
    "message",
    "briefing",
    "memo",
    "conference",
    "call",
    "radio",
    "television",
    "broadcast",
    "editorial",
    "column",
    "blog",
    "note",
    "filing",
]);

/// Nouns after "at a …" that say where a statement was made ("said at a rally").
static EVENT_NOUNS: WordList = WordList::new(&[
    "rally",
    "event",
    "conference",
    "hearing",
    "debate",
    "meeting",
    "forum",
    "summit",
    "dinner",
    "luncheon",
    "breakfast",
    "ceremony",
    "gathering",
    "fundraiser",
    "stop",
    "briefing",
]);

static SUBORDINATORS: WordList = WordList::new(&[
    "after", "when", "because", "while", "as", "since", "before", "until", "though", "although",
    "if", "once", "whereas", "but", "and", "so",
]);

static BE_FORMS: WordList = WordList::new(&["is", "was", "are", "were", "been", "be", "being"]);

/// Finds every claim of the article.
#[must_use]
pub fn attribute(doc: &Doc<'_>) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let mut skip_until = 0usize;
    // Token ranges of the sentence already taken by a claim, kept across sentences to
    // reuse the vector.
    let mut covered: Vec<(usize, usize)> = Vec::new();
    let mut sentence_cues: Vec<Cue> = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        if s.end <= skip_until {
            continue;
        }
        let before = found.len();
        if let Some(f) = transcript(doc, si, s).or_else(|| headline_colon(doc, si, s)) {
            skip_until = paragraph_end(doc, s.first);
            found.push(f);
            continue;
        }
        covered.clear();
        cues::find_into(doc, s, &mut sentence_cues);
        // "X said Y, according to Z": the attribution to Z is the outer one, so it goes
        // first and the verbs inside its content stay part of the content.
        if let Some(k) = sentence_cues
            .iter()
            .position(|c| c.kind == CueKind::AccordingTo && !according_to_leads(doc, s, *c))
            && k > 0
        {
            let outer = sentence_cues.remove(k);
            sentence_cues.insert(0, outer);
        }
        for &cue in &sentence_cues {
            if covered
                .iter()
                .any(|&(a, b)| cue.first >= a && cue.first < b)
                && !comma_relative(doc, s, cue)
            {
                continue;
            }
            let made = match cue.kind {
                CueKind::Verb(class) => {
                    let earlier = found[before..].last();
                    verb_rules(doc, si, s, cue, class, earlier)
                }
                CueKind::AccordingTo => according_to(doc, si, s, cue).into_iter().collect(),
                CueKind::Hedge(attach) => hedge(doc, si, s, cue, attach).into_iter().collect(),
            };
            for f in made {
                covered.push(token_range(doc, f.content));
                if let Some((a, b)) = f.source {
                    // "…,” said Lee, who added that …": the relative clause after an
                    // inverted source holds an attribution of its own.
                    let b = (a + 1..b)
                        .find(|&k| {
                            doc.is_punct(k - 1, ",")
                                && doc.is_any(k, &["who", "whom", "whose", "which"])
                        })
                        .unwrap_or(b);
                    covered.push((a, b));
                }
                found.push(f);
            }
        }
        if found.len() == before
            && let Some(f) = continuation(doc, si, s, &found)
        {
            found.push(f);
        }
    }
    earlier_pieces(doc, &mut found);
    // A quote first taken as a continuation, then attributed by the next sentence
    // ("“…!” Bush said."), keeps only its own attribution.
    let continuation = |f: &Found| f.rule == "direct/continuation";
    let keep: Vec<bool> = if found.iter().any(continuation) {
        let seen: std::collections::HashSet<Span, crate::lexicon::FastBuild> = found
            .iter()
            .filter(|f| !continuation(f))
            .map(|f| f.content)
            .collect();
        found
            .iter()
            .map(|f| !continuation(f) || !seen.contains(&f.content))
            .collect()
    } else {
        vec![true; found.len()]
    };
    let mut new_index = vec![None; found.len()];
    let mut kept = Vec::with_capacity(found.len());
    for (i, f) in found.into_iter().enumerate() {
        if keep[i] {
            new_index[i] = Some(kept.len());
            kept.push(f);
        }
    }
    // "Lee, who said …, said …": a relative clause that holds a claim of its own is no
    // part of the source before it.
    let relative_sources: Vec<usize> = kept
        .iter()
        .filter_map(|f| f.source)
        .filter(|&(a, e)| e == a + 1 && a > 0 && doc.is(a, "who") && doc.is_punct(a - 1, ","))
        .map(|(a, _)| a)
        .collect();
    for f in &mut kept {
        if let Some((a, e)) = f.source
            && let Some(&w) = relative_sources.iter().find(|&&w| w > a + 1 && w < e)
        {
            f.source = Some((a, w - 1));
        }
        f.continues = f.continues.and_then(|c| new_index[c]);
        f.source = f
            .source
            .map(|(a, b)| without_opener(doc, a, b))
            .map(|(a, b)| without_final_aside(doc, a, b))
            .map(|(a, b)| closed_appositive(doc, a, b, f.cue));
    }
    kept
}

/// Whether the cue is the verb of a relative clause set off by a comma ("…, who said
/// …"): the clause is an attribution of its own even inside another claim's content
/// ("praised the senator, who said the bill was unfair, for …"). Without the comma
/// the clause mostly restricts the noun and is no claim.
fn comma_relative(doc: &Doc<'_>, s: &Sentence, cue: Cue) -> bool {
    matches!(cue.kind, CueKind::Verb(CueClass::Speech | CueClass::Tell))
        && relative_who(doc, s.first, cue.first).is_some()
}

/// The token of "who" after a comma that directly precedes the verb at `c`, past
/// adverbs and auxiliaries.
fn relative_who(doc: &Doc<'_>, floor: usize, c: usize) -> Option<usize> {
    let mut w = doc.skip_adverbs_back(c.checked_sub(1)?, floor)?;
    while w > floor && doc.is_any(w, &["has", "had", "have"]) {
        w = doc.skip_adverbs_back(w - 1, floor)?;
    }
    (w > floor && doc.is(w, "who") && doc.is_punct(w - 1, ",")).then_some(w)
}

/// Words that open a sentence with an adverbial before its subject ("In an interview,
/// Smith said", "Still, Smith said").
static OPENERS: WordList = WordList::new(&[
    "In",
    "On",
    "At",
    "During",
    "After",
    "Before",
    "For",
    "Of",
    "From",
    "With",
    "Since",
    "Still",
    "Instead",
    "Similarly",
    "Now",
    "Meanwhile",
    "However",
    "Then",
    "Later",
    "Earlier",
    "Yet",
    "Last",
    "Perhaps",
    "Separately",
    "Likewise",
]);

/// A source that starts with an opening adverbial and its comma ("In a statement, Ann
/// Lee", "On Sunday, however, the mayor") loses them: the source is the subject.
fn without_opener(doc: &Doc<'_>, a: usize, b: usize) -> (usize, usize) {
    if !doc.is_in(a, &OPENERS) {
        return (a, b);
    }
    match (a + 1..b).find(|&j| doc.is_punct(j, ",")) {
        Some(c) if c + 1 < b && doc.is_word(c + 1) => (c + 1, b),
        _ => (a, b),
    }
}

/// Prepositions that open an aside about the circumstances, not the speaker ("Trump, in
/// Kentucky,", "Lee, on a press call Friday,").
static ASIDE_PREPOSITIONS: WordList = WordList::new(&["during", "in", "on", "with"]);

/// A source whose last comma opens an aside about the circumstances, a prepositional
/// phrase or a participle ("Clinton, speaking in Ohio", "Blunt, facing a stiff challenge"),
/// ends before it: PolNeAR leaves such asides out of the source (train: 36 to 2).
fn without_final_aside(doc: &Doc<'_>, a: usize, b: usize) -> (usize, usize) {
    let mut depth = 0i32;
    let mut last_comma = None;
    for k in a..b {
        if doc.is_punct(k, "(") {
            depth += 1;
        } else if doc.is_punct(k, ")") {
            depth -= 1;
        } else if depth == 0 && doc.is_punct(k, ",") && !doc.quoted(k) {
            last_comma = Some(k);
        }
    }
    let Some(k) = last_comma.filter(|&k| k > a && k + 1 < b) else {
        return (a, b);
    };
    let w = doc.s(k + 1);
    let participle = doc.is_word(k + 1)
        && !doc.is_cap(k + 1)
        && w.len() > 5
        && w.ends_with("ing")
        && !doc.is(k + 1, "including");
    if participle || doc.is_in(k + 1, &ASIDE_PREPOSITIONS) && !doc.is_cap(k + 1) {
        (a, k)
    } else {
        (a, b)
    }
}

/// A source with an appositive or aside before its cue keeps the comma that closes it
/// ("Graham, a former candidate, said"), as PolNeAR marks it (train: 993 sources with an
/// inner comma take the closing comma, 113 leave it out).
fn closed_appositive(doc: &Doc<'_>, a: usize, b: usize, cue: Option<Span>) -> (usize, usize) {
    let before_cue = cue.is_some_and(|c| doc.tokens.get(b).is_some_and(|t| t.span.end <= c.start));
    if before_cue && doc.is_punct(b, ",") && (a..b).any(|j| doc.is_punct(j, ",")) {
        (a, b + 1)
    } else {
        (a, b)
    }
}

/// A quotation over several paragraphs attributed only at its end ("“A.\n“B,” she said."):
/// the earlier paragraphs get the same speaker.
fn earlier_pieces(doc: &Doc<'_>, found: &mut Vec<Found>) {
    let n = found.len();
    let mut taken: Vec<Span> = found.iter().map(|f| f.content).collect();
    taken.sort_unstable();
    let overlaps_taken = |taken: &[Span], span: Span| {
        let k = taken.partition_point(|t| t.end <= span.start);
        taken.get(k).is_some_and(|t| t.overlaps(span))
            || k > 0 && taken[..k].iter().rev().take(4).any(|t| t.overlaps(span))
    };
    for owner in 0..n {
        if found[owner].kind != ClaimKind::Direct || found[owner].source.is_none() {
            continue;
        }
        let start = found[owner].content.start;
        let first = doc.tokens.partition_point(|t| t.span.start < start);
        let Some(open) = first.checked_sub(1) else {
            continue;
        };
        let piece = doc.quotes.partition_point(|q| q.open < open);
        if doc.quotes.get(piece).is_none_or(|q| q.open != open) {
            continue;
        }
        let group = doc.quotes[piece].group;
        for q in doc.quotes[..piece]
            .iter()
            .rev()
            .take_while(|q| q.group == group)
        {
            let Some((kind, content)) = make_content(doc, q.open, q.outer_end()) else {
                continue;
            };
            if overlaps_taken(&taken, content) {
                continue;
            }
            let mut f = found[owner].clone();
            f.kind = kind;
            f.content = content;
            f.rule = "direct/multi-paragraph";
            f.continues = Some(owner);
            f.sentence = doc.sentence_of(q.open);
            f.para = doc.tokens[q.open].para;
            found.push(f);
        }
    }
}

fn token_range(doc: &Doc<'_>, span: Span) -> (usize, usize) {
    let a = doc.tokens.partition_point(|t| t.span.start < span.start);
    let b = doc.tokens.partition_point(|t| t.span.end <= span.end);
    (a, b)
}

fn paragraph_end(doc: &Doc<'_>, i: usize) -> usize {
    let para = doc.tokens[i].para;
    let mut k = i;
    while k < doc.len() && doc.tokens[k].para == para {
        k += 1;
    }
    k
}

fn new_found(kind: ClaimKind, content: Span, rule: &'static str, si: usize, s: &Sentence) -> Found {
    Found {
        kind,
        content,
        cue: None,
        source: None,
        referent: None,
        channel: None,
        when: None,
        reason: None,
        rule,
        continues: None,
        sentence: si,
        para: s.para,
    }
}

/// The claim text of tokens `[first, end)`: trailing punctuation dropped, a wholly quoted
/// passage reduced to its inside. `None` when too short to be a claim.
#[must_use]
pub fn make_content(doc: &Doc<'_>, first: usize, end: usize) -> Option<(ClaimKind, Span)> {
    make_content_min(doc, first, end, 2)
}

/// [`make_content`] with the least number of words an unquoted claim needs.
#[must_use]
pub fn make_content_min(
    doc: &Doc<'_>,
    first: usize,
    end: usize,
    min_words: usize,
) -> Option<(ClaimKind, Span)> {
    let mut first = first;
    let mut end = end.min(doc.len());
    let untrimmed_end = end;
    let trailing = [".", ",", ";", ":", "—", "–", "-"];
    while end > first && doc.kind(end - 1) == Some(Kind::Punct) && doc.is_any(end - 1, &trailing) {
        end -= 1;
    }
    while first < end
        && doc.kind(first) == Some(Kind::Punct)
        && doc.is_any(first, &[",", ":", "—", "–", ";"])
    {
        first += 1;
    }
    if first >= end {
        return None;
    }
    if doc.kind(first) == Some(Kind::Open)
        && let Some(q) = doc.quote_at_open(first)
        && (q.outer_end() == end || (q.close.is_none() && q.outer_end() == untrimmed_end))
    {
        let mut inner_end = q.end;
        while inner_end > q.inner_start()
            && doc.kind(inner_end - 1) == Some(Kind::Punct)
            && doc.is_any(inner_end - 1, &[",", ";", ":", ".", "—", "–"])
        {
            inner_end -= 1;
        }
        if inner_end <= q.inner_start() {
            return None;
        }
        return Some((ClaimKind::Direct, doc.span(q.inner_start(), inner_end)));
    }
    let words = (first..end)
        .filter(|&k| doc.is_word(k) || doc.kind(k) == Some(Kind::Number))
        .count();
    if words < min_words {
        return None;
    }
    let quoted = (first..end).any(|k| matches!(doc.kind(k), Some(Kind::Open | Kind::Close)));
    let kind = if quoted {
        ClaimKind::Mixed
    } else {
        ClaimKind::Indirect
    };
    Some((kind, doc.span(first, end)))
}

static WEEKDAYS: WordList = WordList::new(&[
    "Friday",
    "Monday",
    "Saturday",
    "Sunday",
    "Thursday",
    "Tuesday",
    "Wednesday",
]);

/// Verbs that voice a stance named by the noun after them ("expressed concern").
static EXPRESS_VERBS: WordList = WordList::new(&[
    "express",
    "expressed",
    "expresses",
    "expressing",
    "voice",
    "voiced",
    "voices",
    "voicing",
]);

/// Nouns of stance that join a verb of expressing in the cue.
static STANCE_NOUNS: WordList = WordList::new(&[
    "alarm",
    "concern",
    "concerns",
    "confidence",
    "disappointment",
    "doubt",
    "doubts",
    "frustration",
    "hope",
    "interest",
    "opposition",
    "optimism",
    "outrage",
    "regret",
    "skepticism",
    "support",
    "sympathy",
]);

/// "issued", "put out": a verb of issuing ending at `k`, whose first token is returned.
fn issuing_verb(doc: &Doc<'_>, k: usize, floor: usize) -> Option<usize> {
    if doc.is_any(k, &["issued", "released", "posted", "published", "emailed"]) {
        return Some(k);
    }
    (k > floor && doc.is(k, "out") && doc.is_any(k - 1, &["put", "sent", "puts", "sends"]))
        .then(|| k - 1)
}

/// Words in "-ly" that are no manner adverbs of the cue: "said early", "said only".
static NOT_MANNER: WordList = WordList::new(&["early", "increasingly", "likely", "only"]);

/// Whether the particle at `k` ("to", "at", "in", "on") joins the cue ending before it, as listed
/// in the cue particles lexicon ("referred to", "hinted at", "weighed in").
fn takes_particle(doc: &Doc<'_>, k: usize) -> bool {
    k > 0
        && doc.is_any(k, &["to", "at", "in", "on"])
        && crate::lexicon::get().cue_particles.contains(&format!(
            "{} {}",
            doc.lower(k - 1),
            doc.lower(k)
        ))
}

/// What follows a cue before its content: a listener, dates, "in a statement", "that".
struct AfterCue {
    content_first: usize,
    /// Exclusive end of the cue: the verb and its particle ("called for", "pointed out").
    cue_end: usize,
    channel: Option<String>,
    when: Option<When>,
}

fn after_cue(doc: &Doc<'_>, s: &Sentence, cue: Cue, class: Option<CueClass>) -> AfterCue {
    let mut k = cue.end;
    // "expressed concern about", "voiced support for": the stance noun belongs to the cue.
    if class.is_some()
        && doc.is_in(cue.end - 1, &EXPRESS_VERBS)
        && doc.is_in(k, &STANCE_NOUNS)
        && !doc.quoted(k)
        // only with its content after it: "expressed concerns." keeps the noun as content
        && doc.is_any(
            k + 1,
            &["about", "at", "for", "in", "of", "on", "over", "that", "with"],
        )
    {
        k += 1;
    }
    // A particle makes a phrasal verb ("called for", "pointed out", "referring to").
    // PolNeAR puts the particle in the cue far more often than in the content (train:
    // "about" 490 to 65, "of" 467 to 27, "for" 442 to 45, "on" 347 to 29).
    let phrasal = class.is_some()
        && !doc.is_any(
            cue.first,
            &[
                "said", "says", "say", "saying", "added", "adding", "told", "tell", "tells",
                "telling",
            ],
        )
        && dates::parse_at(doc, k).is_none()
        && dates::parse_at(doc, k + 1).is_none()
        && (doc.is_any(
            k,
            &[
                "for", "on", "about", "out", "against", "of", "with", "over", "upon",
            ],
        ) || takes_particle(doc, k));
    if phrasal && !doc.quoted(k) {
        k += 1;
        // "lashed out at", "weighed in on": a second particle.
        if takes_particle(doc, k) && !doc.quoted(k) {
            k += 1;
        }
    }
    let mut cue_end = k;
    let mut channel = None;
    let mut when = None;
    // "asked about the budget": a particle takes the place of a listener.
    let mut took_recipient = phrasal;
    for _ in 0..8 {
        if k >= s.end {
            break;
        }
        if let Some((e, w)) = dates::parse_at(doc, k) {
            let adjacent = k == cue_end && e == k + 1 && doc.is_in(k, &WEEKDAYS);
            when = Some(w);
            k = e;
            // "on Sunday evening"
            if doc.is_any(k, &["morning", "afternoon", "evening", "night"]) {
                k += 1;
            }
            // "said Friday." and "said Friday in a speech" take the date into the cue;
            // before "that" PolNeAR is split evenly (train: 19 to 10 before a full stop,
            // 19 to 19 before "that").
            if adjacent && !doc.is(k, "that") {
                cue_end = k;
            }
            continue;
        }
        if doc.is_any(k, &["in", "during"])
            && doc.is_any(k + 1, &["a", "an", "his", "her", "their", "its", "the"])
            && let Some(noun) = (k + 2..(k + 5).min(s.end)).find(|&j| doc.is_in(j, &CHANNEL_NOUNS))
            && (k + 2..noun).all(|j| {
                (doc.is_word(j) && !doc.is_clause_word(j)) || doc.kind(j) == Some(Kind::Number)
            })
        {
            // "in a video message": the last of several channel nouns.
            let mut noun = noun;
            while noun + 1 < s.end && doc.is_in(noun + 1, &CHANNEL_NOUNS) {
                noun += 1;
            }
            // Right after the verb, a statement belongs to the cue ("said in a statement");
            // PolNeAR leaves an interview, an email or a speech out of it (train: 42 to 23
            // for "statement", 12 to 45 for "interview").
            let adjacent = k == cue_end && doc.is(noun, "statement");
            k = noun + 1;
            if adjacent {
                cue_end = k;
            }
            // "said in a telephone interview, that …"
            if doc.is_punct(k, ",")
                && (doc.is(k + 1, "that") || doc.kind(k + 1) == Some(Kind::Open))
            {
                k += 1;
            }
            continue;
        }
        if let Some(e) = time_phrase(doc, k) {
            k = e;
            continue;
        }
        // "said at a rally in Ohio that …": where it was said is not content.
        if doc.is_any(k, &["at", "during"])
            && doc.is_any(k + 1, &["a", "an", "the", "his", "her", "their", "its"])
            && let Some(noun) = (k + 2..(k + 6).min(s.end)).find(|&j| doc.is_in(j, &EVENT_NOUNS))
            && (k + 2..noun).all(|j| {
                (doc.is_word(j) && !doc.is_clause_word(j)) || doc.kind(j) == Some(Kind::Number)
            })
        {
            k = noun + 1;
            // "in Ohio", "in Des Moines"
            if doc.is(k, "in") && doc.is_cap(k + 1) {
                k += 2;
                while k < s.end && doc.is_cap(k) {
                    k += 1;
                }
            }
            continue;
        }
        // "said on CNN", "said on MSNBC’s “Morning Joe”" at the end or before "that".
        if doc.s(k) == "on" && doc.is_cap(k + 1) {
            let mut j = k + 1;
            while j < s.end && j < k + 6 && (doc.is_cap(j) || doc.is_any(j, &["’", "'"])) {
                j += 1;
            }
            if doc.kind(j) == Some(Kind::Open)
                && let Some(q) = doc.quote_at_open(j)
                && q.end - j <= 8
            {
                j = q.outer_end().max(s.end.min(q.outer_end()));
            }
            let closes = j >= s.end
                || doc.is(j, "that")
                || doc.is_any(j, &[".", ",", ":", ";", "!", "?"])
                    && doc.kind(j) == Some(Kind::Punct);
            if closes && dates::parse_at(doc, k + 1).is_none() {
                k = j;
                continue;
            }
        }
        // "residents said by telephone", "told AFP via text message": the medium is not
        // content.
        if let Some(e) = medium_end(doc, k) {
            k = e;
            continue;
        }
        // "wrote on Twitter"
        if doc.is(k, "on") && doc.is_any(k + 1, &["Twitter", "Facebook", "Instagram"]) {
            let adjacent = k == cue_end;
            k += 2;
            if adjacent {
                cue_end = k;
            }
            continue;
        }
        if let Some(p) = doc
            .has(k, vocab::ANONYMITY_START)
            .then(|| {
                doc.lex
                    .anonymity
                    .longest(s.end - k, |i| Some(doc.s(k + i)).filter(|_| k + i < s.end))
            })
            .flatten()
        {
            k += p.words.len();
            continue;
        }
        let w = doc.s(k);
        if doc.is_word(k)
            && !doc.is_cap(k)
            && ((w.len() > 4 && w.ends_with("ly"))
                || doc.is_any(
                    k,
                    &[
                        "again", "also", "later", "earlier", "today", "tonight", "then",
                    ],
                ))
        {
            // A manner adverb right after the verb belongs to the cue ("said repeatedly",
            // "spoke glowingly"; train: 53 to 38 counting "recently" and "increasingly").
            let manner = k == cue_end && w.ends_with("ly") && !doc.is_in(k, &NOT_MANNER);
            k += 1;
            if manner {
                cue_end = k;
            }
            continue;
        }
        if !took_recipient {
            // "promised to cut taxes": an infinitive is content, not a listener.
            if doc.is(k, "to") && takes_infinitive(doc, cue.first) && infinitive_at(doc, k + 1) {
                break;
            }
            let from = if doc.is(k, "to") && class == Some(CueClass::Speech) {
                k + 1
            } else {
                k
            };
            let wants = class == Some(CueClass::Tell) || from > k;
            if wants
                && let Some((a, b)) = np_forward(doc, from, s.end, 6)
                && (b >= s.end
                    || doc.is_any(
                        b,
                        &[
                            "that", "on", "in", "about", "last", "earlier", "this", "at", "during",
                            "after", "before", "when", "while", "as", "how", "why", "what",
                            "whether", "if",
                        ],
                    )
                    || doc.is_any(b, &[".", "?", "!", ";", ")"])
                    || (doc.is(b, "of")
                        && doc.is_any(cue.first, &["accused", "accuses", "accusing", "accuse"]))
                    || doc.is_punct(b, ",")
                    || doc.is_punct(b, ":")
                    || doc.kind(b) == Some(Kind::Open)
                    || dates::parse_at(doc, b).is_some()
                    || medium_end(doc, b).is_some())
            {
                channel = agency_of(doc, a, b);
                took_recipient = true;
                k = b;
                continue;
            }
            // "told reporters the troops were ready", "told Reuters it would": a short
            // listener right before the clause of the content.
            if class == Some(CueClass::Tell)
                && let Some(b) = short_listener(doc, k, s.end)
            {
                channel = agency_of(doc, k, b);
                took_recipient = true;
                k = b;
                continue;
            }
        }
        break;
    }
    if let Some(t) = that_after_adverbial(doc, k, s.end) {
        k = t;
    }
    let opens_content = doc.is(k, "that")
        || doc.is_punct(k, ":")
        || (doc.is_punct(k, ",") && doc.kind(k + 1) == Some(Kind::Open));
    if opens_content {
        k += 1;
    }
    AfterCue {
        content_first: k,
        cue_end,
        channel,
        when,
    }
}

/// "by telephone", "via text message", "over the phone": the exclusive end of the medium
/// a statement was made through, starting at `k`.
fn medium_end(doc: &Doc<'_>, k: usize) -> Option<usize> {
    static MEDIA: WordList = WordList::new(&[
        "e-mail",
        "email",
        "phone",
        "telephone",
        "text",
        "video",
        "videolink",
    ]);
    if !doc.is_any(k, &["by", "via", "over"]) {
        return None;
    }
    let j = k + 1 + usize::from(doc.is(k, "over") && doc.is(k + 1, "the"));
    if !doc.is_in(j, &MEDIA) {
        return None;
    }
    Some(j + 1 + usize::from(doc.is_any(j + 1, &["message", "link", "call"])))
}

/// A listener of one to four words after a verb of telling ("reporters", "Reuters",
/// "the Associated Press", "him") followed by the start of a clause (a determiner, a
/// pronoun, a name, a number or "that"): the exclusive end of the listener.
fn short_listener(doc: &Doc<'_>, k: usize, end: usize) -> Option<usize> {
    let b = if doc.is_any(k, &["him", "her", "them", "us", "me", "you"]) {
        k + 1
    } else if doc.is_cap(k) {
        let mut b = k;
        while b < end && b < k + 4 && doc.is_cap(b) {
            b += 1;
        }
        b
    } else if doc.is(k, "the") && doc.is_cap(k + 1) {
        let mut b = k + 1;
        while b < end && b < k + 5 && doc.is_cap(b) {
            b += 1;
        }
        b
    } else if doc.is_word(k)
        && doc.s(k).ends_with('s')
        && !doc.is_clause_word(k)
        && !doc.is_determiner(k)
        && !doc.is_pronoun(k)
    {
        // "reporters", "lawmakers", "supporters"
        k + 1
    } else {
        return None;
    };
    let clause_starts = b < end
        && !doc.quoted(b)
        && (doc.is_any(
            b,
            &[
                "the", "a", "an", "this", "that", "his", "her", "its", "their",
            ],
        ) || doc.is_any(b, &["he", "she", "it", "they", "we", "i", "there"])
            || doc.is_cap(b)
            || doc.kind(b) == Some(Kind::Number));
    (clause_starts && b > k).then_some(b)
}

/// "this week", "earlier this month", "last year", "Monday morning": the exclusive end of
/// a time phrase starting at `k`.
fn time_phrase(doc: &Doc<'_>, k: usize) -> Option<usize> {
    static UNITS: WordList = WordList::new(&[
        "week",
        "month",
        "year",
        "weekend",
        "morning",
        "afternoon",
        "evening",
        "night",
        "spring",
        "summer",
        "fall",
        "autumn",
        "winter",
        "time",
    ]);
    let mut j = k;
    if doc.is_any(j, &["earlier", "later", "late", "early"])
        && doc.is_any(j + 1, &["this", "last", "next", "in"])
    {
        j += 1;
    }
    if doc.is_any(j, &["this", "last", "next", "that"]) && doc.is_in(j + 1, &UNITS) {
        return Some(j + 2);
    }
    if doc.is_any(j, &["in"]) && doc.kind(j + 1) == Some(Kind::Number) && doc.s(j + 1).len() == 4 {
        return Some(j + 2);
    }
    None
}

fn agency_of(doc: &Doc<'_>, a: usize, b: usize) -> Option<String> {
    for from in [a, a + 1] {
        if from >= b {
            break;
        }
        if let Some(p) = doc
            .lex
            .agencies
            .longest(b - from, |i| Some(doc.s(from + i)).filter(|_| from + i < b))
            && from + p.words.len() == b
        {
            return Some(p.value.clone());
        }
    }
    None
}

/// A noun phrase starting at `k`: up to `max` tokens, ending before punctuation, a clause
/// word, a cue verb or a date.
fn np_forward(doc: &Doc<'_>, k: usize, limit: usize, max: usize) -> Option<(usize, usize)> {
    let mut j = k;
    while j < limit && j - k < max {
        // "Sen. Ann Lee (D-Ore.)": a party label after a name belongs to it.
        if let Some(close) = party_label(doc, j, limit) {
            j = close + 1;
            continue;
        }
        let ok = match doc.kind(j) {
            Some(Kind::Word) => {
                !(doc.is_clause_word(j)
                    || doc.cue_class(j).is_some()
                    || (j > k && dates::parse_at(doc, j).is_some())
                    || (j > k && time_phrase(doc, j).is_some())
                    || (j > k && doc.is_any(j, &["on", "in", "to"])))
            }
            Some(Kind::Number) => true,
            Some(Kind::Punct) if j > k && joined_slash(doc, j) => true,
            Some(Kind::Punct) => {
                doc.is_punct(j, ".")
                    && j > k
                    && doc.tokens[j - 1].span.end == doc.tokens[j].span.start
                    && doc.is_cap(j - 1)
                    && (doc.lex.abbreviations.contains(doc.lower(j - 1).as_ref())
                        // a dotted abbreviation: "U.S.", "J.M. Berger"
                        || doc.s(j - 1).contains('.')
                        // a middle initial: "Kevin D. Williamson"
                        || (doc.s(j - 1).len() == 1 && doc.is_cap(j + 1)))
            }
            _ => false,
        };
        if !ok {
            break;
        }
        j += 1;
    }
    (j > k).then_some((k, j))
}

/// A party label in parentheses opening at `j` right after a capitalised word ("(D-Ore.)",
/// "(R)"): the index of its closing parenthesis.
fn party_label(doc: &Doc<'_>, j: usize, limit: usize) -> Option<usize> {
    if j == 0 || !doc.is_punct(j, "(") || !doc.is_cap(j - 1) || !doc.is_word(j - 1) {
        return None;
    }
    let close = (j + 1..limit.min(j + 8)).find(|&k| doc.is_punct(k, ")"))?;
    let first = doc.s(j + 1);
    let label = matches!(first.split_once('-'), Some((p, _)) if p.len() == 1)
        || (close == j + 2 && first.len() == 1);
    (label && doc.is_cap(j + 1)).then_some(close)
}

/// A slash written between two words without spaces ("CNN/ORC", "USA TODAY/Suffolk").
fn joined_slash(doc: &Doc<'_>, j: usize) -> bool {
    doc.is_punct(j, "/")
        && j > 0
        && j + 1 < doc.len()
        && doc.kind(j - 1) != Some(Kind::Punct)
        && doc.kind(j + 1) != Some(Kind::Punct)
        && doc.tokens[j - 1].span.end == doc.tokens[j].span.start
        && doc.tokens[j].span.end == doc.tokens[j + 1].span.start
}

/// A source phrase `(first, end)` and the phrase naming its speaker when that differs.
type SourcePhrase = (usize, usize, Option<(usize, usize)>);

/// A word that can sit inside a source phrase walked back over.
fn np_word(doc: &Doc<'_>, j: usize, floor: usize) -> bool {
    if doc.is(j, "that") {
        return j == floor || doc.is_cap(j);
    }
    // A cue word after a determiner is a noun ("the note says").
    // So is one right before another cue word ("the Sanders campaign said").
    let verb = doc.cue_class(j).is_some()
        && !doc.is_cap(j)
        && !doc.has(j, vocab::TITLE)
        && !(j > floor && (doc.is_determiner(j - 1) || doc.is_possessive(j - 1)))
        && !(doc.cue_class(j + 1).is_some() && doc.is_word(j + 1));
    let bare_to = doc.is(j, "to") && !doc.is(j.wrapping_sub(1), "close");
    !(doc.is_clause_word(j) || verb || bare_to || doc.quoted(j))
}

/// Prepositions that can govern a pronoun at the end of a source phrase.
static PRONOUN_PREPS: WordList = WordList::new(&[
    "about", "around", "at", "by", "for", "from", "in", "like", "near", "of", "on", "than", "to",
    "with",
]);

/// NP-internal prepositions allowed when walking back over a source phrase.
static NP_PREPS: WordList = WordList::new(&[
    "of", "for", "at", "from", "in", "on", "with", "close", "familiar",
]);

/// The source phrase ending at `b` (inclusive), walking back to `floor`: a noun phrase with
/// its appositive ("Hugh Hill, a doctor,") or past a relative-clause aside ("Cable, who
/// replaced Farron in July,"). Returns (first, end, referent).
fn np_back(doc: &Doc<'_>, b: usize, floor: usize) -> Option<SourcePhrase> {
    // "…, who said": the relative pronoun is the source; its antecedent names the speaker.
    if doc.is_any(b, &["who", "which"]) && !doc.quoted(b) {
        let referent = if b >= floor + 2 && doc.is_punct(b - 1, ",") {
            np_back(doc, b - 2, floor).map(|(a, e, _)| (a, e))
        } else {
            None
        };
        return Some((b, b + 1, referent));
    }
    // A trailing comma closes an appositive or an aside.
    if doc.is_punct(b, ",") {
        return appositive_source(doc, b, floor);
    }
    let end = b + 1;
    let mut j = b;
    let mut first = j + 1;
    loop {
        let ok = match doc.kind(j) {
            Some(Kind::Word) => np_word(doc, j, floor),
            Some(Kind::Number) => true,
            Some(Kind::Punct) if doc.is_punct(j, ")") => {
                // "Sen. Bernie Sanders (I-Vt.)": jump over a short parenthesis.
                match (j.saturating_sub(8).max(floor)..j)
                    .rev()
                    .find(|&k| doc.is_punct(k, "("))
                {
                    Some(open) if open > floor => {
                        j = open;
                        true
                    }
                    _ => false,
                }
            }
            Some(Kind::Punct) => {
                (doc.is_punct(j, ".")
                    && j > floor
                    && doc.is_word(j - 1)
                    && doc.tokens[j - 1].span.end == doc.tokens[j].span.start
                    && (doc.lex.abbreviations.contains(doc.lower(j - 1).as_ref())
                        || doc.s(j - 1).chars().count() == 1
                        || doc.s(j - 1).contains('.')))
                    // A free-standing "-" is a dash ("LONDON (Reuters) - Trump said"),
                    // not a hyphen: hyphenated words are single tokens.
                    || doc.is_any(j, &["&"])
                    // "a CNN/ORC poll": a slash inside a word
                    || (j > floor && joined_slash(doc, j))
                    // the apostrophe of a plural possessive ("Sanders’ campaign")
                    || (doc.is_any(j, &["’", "'"])
                        && j > floor
                        && doc.is_word(j - 1)
                        && doc.s(j - 1).ends_with('s')
                        && doc.tokens[j - 1].span.end == doc.tokens[j].span.start)
            }
            _ => false,
        };
        if !ok {
            break;
        }
        first = j;
        if j == floor || first + 14 < end {
            break;
        }
        j -= 1;
    }
    if first >= end {
        return None;
    }
    // "a fact he conceded", "On Monday she said": a subject pronoun is the whole source,
    // unless a preposition governs it ("most of them", "a source close to him").
    if first < b
        && doc.is_pronoun(b)
        && !doc.is_in(b - 1, &PRONOUN_PREPS)
        && (first..b).all(|k| !doc.is_punct(k, ","))
    {
        first = b;
    }
    // "the meeting the minister": the later determiner starts the phrase.
    let core_end = (first..end).find(|&k| doc.is_punct(k, ",")).unwrap_or(end);
    for d in (first + 1..core_end).rev() {
        if doc.is_determiner(d)
            && !doc.is(d, "that")
            // a middle initial: "William A. Ackman"
            && !(doc.is_cap(d) && doc.s(d).len() == 1 && doc.is_punct(d + 1, "."))
            && doc.is_word(d - 1)
            && !doc.is_in(d - 1, &NP_PREPS)
            && !doc.is_any(d - 1, &["to"])
            && !doc.is_determiner(d - 1)
        {
            first = d;
            break;
        }
    }
    // Leading prepositions belong to the clause, not the source.
    while first < core_end && doc.is_in(first, &NP_PREPS) && !doc.is_cap(first) {
        first += 1;
    }
    // "Saturday at the party convention Sen. Elizabeth Warren (D-Mass.)": too long to be
    // one phrase; the name at its end is the source.
    if core_end > first + 12
        && let Some(k) = (first + 1..core_end)
            .rev()
            .find(|&k| doc.is_cap(k) && doc.is_word(k - 1) && !doc.is_cap(k - 1))
        && (k..core_end).all(|j| {
            doc.is_cap(j) || doc.kind(j) == Some(Kind::Punct) || doc.is_word(j) && j > k + 2
        })
    {
        first = k;
    }
    if first >= core_end || core_end - first > 12 {
        return None;
    }
    let mut last = core_end - 1;
    if doc.is_punct(last, ")")
        && let Some(open) = (first..last).rev().find(|&k| doc.is_punct(k, "("))
        && open > first
    {
        last = open - 1;
    }
    // "Robert Casey Jr.": the abbreviation before its period is the head.
    if doc.is_punct(last, ".") && last > first {
        last -= 1;
    }
    let head_ok = (doc.is_word(last) && !doc.is_determiner(last) && !doc.is_in(last, &NP_PREPS))
        || share_head(doc, first, last, floor);
    if !head_ok {
        return None;
    }
    // "A study by the institute found": the document is the source with its author.
    if let Some(a) = document_by(doc, first, floor)
        && end - a <= 16
    {
        return Some((a, end, None));
    }
    // "labor unions, green groups, and many lawmakers said": a list from the clause start.
    if let Some(a) = listed_sources(doc, first, floor)
        && end - a <= 20
    {
        return Some((a, end, None));
    }
    // "Clinton and the party said": coordinated sources from the start of the clause.
    if first >= floor + 2
        && doc.is(first - 1, "and")
        && let Some((a, _, _)) = np_back(doc, first - 2, floor)
        && (a == floor
            || doc.is_any(a - 1, &[",", ":", ";", "—", "–"])
            || doc.kind(a - 1) == Some(Kind::Close))
        && end - a <= 14
        && (a..first - 1).all(|k| !doc.is_punct(k, ","))
    {
        return Some((a, end, None));
    }
    Some((quantity_adverb(doc, first, floor), end, None))
}

/// Participles between a document and its author ("a poll conducted by").
static AUTHORED: WordList = WordList::new(&[
    "commissioned",
    "conducted",
    "issued",
    "prepared",
    "produced",
    "published",
    "released",
    "seen",
    "sponsored",
    "written",
]);

/// "A study by X", "a poll conducted by X", "the report released by X": the start of the
/// document phrase before "by" and the author starting at `first`, when it opens the clause.
fn document_by(doc: &Doc<'_>, first: usize, floor: usize) -> Option<usize> {
    if first < floor + 2 || !doc.is(first - 1, "by") {
        return None;
    }
    let mut head = first - 2;
    if doc.is_in(head, &AUTHORED) && head > floor {
        head -= 1;
    }
    if !doc.has(head, vocab::DOCUMENT) {
        return None;
    }
    let a = (head.saturating_sub(6).max(floor)..head)
        .rev()
        .find(|&k| doc.is_determiner(k) || doc.is_possessive(k))?;
    let plain = (a + 1..head).all(|k| doc.is_word(k) || doc.kind(k) == Some(Kind::Number));
    let opens = a == floor
        || doc.is_any(a - 1, &[",", ";", ":", "—", "–"])
        || doc.is_in(a - 1, &SUBORDINATORS);
    (plain && opens).then_some(a)
}

/// Adverbs that qualify a number or share opening a source ("About 4 in 10", "Only a
/// quarter of voters").
static QUANTITY_ADVERBS: WordList =
    WordList::new(&["about", "almost", "nearly", "only", "roughly"]);

/// The start of a source `first` with the adverbs of quantity before it, when they open
/// the clause ("About four in 10 said", "while only 49 percent of Republicans say").
fn quantity_adverb(doc: &Doc<'_>, first: usize, floor: usize) -> usize {
    let quantity = doc.kind(first) == Some(Kind::Number)
        || doc.is_in(first, &SHARE_WORDS)
        || doc.is_any(first, &["half", "a"])
        || doc.s(first).ends_with("-thirds")
        || doc.s(first).ends_with("-quarters");
    let mut a = first;
    while quantity && a > floor && a + 2 > first && doc.is_in(a - 1, &QUANTITY_ADVERBS) {
        a -= 1;
    }
    let opens =
        a == floor || doc.is_any(a - 1, &[",", ";", ":"]) || doc.is_in(a - 1, &SUBORDINATORS);
    if a < first && opens { a } else { first }
}

/// "X, Y and Z" or "X, Y, and Z" ending with the phrase at `first`: the start of the list,
/// when there are three items or more, each a short noun phrase, and the first opens the
/// clause.
fn listed_sources(doc: &Doc<'_>, first: usize, floor: usize) -> Option<usize> {
    if first < floor + 3 || !doc.is(first - 1, "and") {
        return None;
    }
    let oxford = doc.is_punct(first - 2, ",");
    let mut seg_end = if oxford { first - 2 } else { first - 1 };
    let mut items = 0;
    let mut start = None;
    while seg_end > floor && items < 5 {
        let (a, _, _) = np_back(doc, seg_end - 1, floor)?;
        if seg_end > a + 4 || (a..seg_end).any(|j| doc.is_punct(j, ",") || doc.is(j, "and")) {
            return None;
        }
        items += 1;
        if a == floor
            || doc.is_any(a - 1, &[":", ";", "—", "–"])
            || doc.is_in(a - 1, &SUBORDINATORS)
        {
            start = Some(a);
            break;
        }
        if !doc.is_punct(a - 1, ",") {
            return None;
        }
        // A comma before the item: more of the list, or the end of an opening phrase.
        start = Some(a);
        seg_end = a - 1;
    }
    let a = start?;
    (items >= 2).then_some(a)
}

/// Quantifiers that stand for people on their own ("Most said", "Both think").
static SHARE_WORDS: WordList =
    WordList::new(&["all", "both", "few", "many", "most", "several", "some"]);

/// Whether a phrase `[first, last]` whose last word is a quantifier or a number still
/// names people: "Most", "Six in 10", "nine out of 10" (train: about 150
/// such sources were missed when a determiner or a number could not end a source).
fn share_head(doc: &Doc<'_>, first: usize, last: usize, floor: usize) -> bool {
    if doc.is_in(last, &SHARE_WORDS) {
        // Only at the start of a clause: "Lee and Ann both said" and "the bill most
        // opposed" quantify another phrase.
        return last == first
            && (first == floor
                || doc.is_any(first - 1, &[",", ";", ":"])
                || doc.kind(first - 1) == Some(Kind::Open)
                || doc.is_in(first - 1, &SUBORDINATORS));
    }
    doc.kind(last) == Some(Kind::Number)
        && last >= first + 2
        && (doc.is(last - 1, "in") || (doc.is(last - 1, "of") && doc.is(last - 2, "out")))
}

/// A source whose phrase ends with a comma (`b`): a head noun phrase followed by
/// appositives and asides, each set off by commas ("Jennifer Green, director of the
/// literacy program," / "Geoff Garin, a pollster who works with Priorities USA, a super PAC,").
/// The head is the earliest segment that is a whole noun phrase.
fn appositive_source(doc: &Doc<'_>, b: usize, floor: usize) -> Option<SourcePhrase> {
    let mut b = b;
    // "Trump, however, said": an adverb between commas is not part of the source.
    while let Some(prev) = (b.saturating_sub(6).max(floor)..b)
        .rev()
        .find(|&k| doc.is_punct(k, ","))
    {
        let adverbs = (prev + 1..b).all(|k| {
            doc.has(k, vocab::BETWEEN)
                || (doc.s(k).ends_with("ly") && !doc.is_cap(k))
                || doc.is_in(k, &SENTENCE_ADVERBS)
        });
        // "Blunt, after a long pause, said": a short prepositional aside.
        let aside = doc.is_any(prev + 1, &["after", "in", "at", "during", "for", "with"])
            && (prev + 2..b).all(|k| doc.is_word(k) && !doc.is_cap(k) && !doc.is_pronoun(k));
        if prev + 1 < b && (adverbs || aside) {
            b = prev;
        } else {
            break;
        }
    }
    let lowest = b.saturating_sub(40).max(floor);
    let mut commas = Vec::new();
    let mut start = lowest;
    let mut k = b;
    while k > lowest {
        k -= 1;
        if doc.quoted(k)
            || matches!(doc.kind(k), Some(Kind::Open | Kind::Close))
            || doc.is_any(k, &[";", ":", "—", "–"])
        {
            start = k + 1;
            break;
        }
        if doc.is_punct(k, ",") {
            commas.push(k);
        }
    }
    commas.reverse();
    let mut starts = vec![start];
    starts.extend(commas.iter().map(|&c| c + 1));
    for (i, &seg) in starts.iter().enumerate() {
        let head_end = commas.get(i).copied().unwrap_or(b);
        if head_end <= seg {
            continue;
        }
        let mut first = seg;
        while first < head_end && doc.is_any(first, &["and", "but", "so", "yet"]) {
            first += 1;
        }
        let Some((a, _, _)) = np_back(doc, head_end - 1, first) else {
            continue;
        };
        if a != first {
            continue;
        }
        let rest_ok = starts[i + 1..].iter().all(|&t| appositive_start(doc, t));
        if rest_ok && first < b {
            return Some((first, b, None));
        }
    }
    None
}

/// Sentence adverbs set off by commas between a source and its cue ("Murphy, though,
/// said").
static SENTENCE_ADVERBS: WordList = WordList::new(&[
    "though",
    "however",
    "meanwhile",
    "instead",
    "too",
    "also",
    "moreover",
    "nevertheless",
    "still",
    "then",
    "now",
    "again",
    "later",
    "today",
]);

/// Whether a comma-delimited segment starting at `t` can continue a source phrase.
fn appositive_start(doc: &Doc<'_>, t: usize) -> bool {
    if doc.is_any(t, &["who", "whose", "which", "whom"]) || doc.is_determiner(t) {
        return true;
    }
    if doc.is_pronoun(t) || doc.is_clause_word(t) || doc.cue_class(t).is_some() {
        return false;
    }
    doc.is_word(t) || doc.kind(t) == Some(Kind::Number) || doc.is_punct(t, "(")
}

/// The first word of the cue: auxiliaries and adverbs between the source (ending at
/// `source_end`) and the verb belong to the cue ("has long maintained", "also said").
fn cue_start(doc: &Doc<'_>, source_end: usize, verb: usize) -> usize {
    // An aside set off by commas ("Lee, after a pause, said") is not part of the cue.
    let source_end = (source_end..verb)
        .rev()
        .find(|&k| doc.is_punct(k, ",") || doc.is_any(k, &["-", "—", "–"]))
        .map_or(source_end, |k| k + 1);
    // A date between source and verb ("Smith on Tuesday said") is not part of the cue.
    let source_end = (source_end..verb)
        .rev()
        .find_map(|k| {
            let d = if doc.is(k, "on") { k + 1 } else { k };
            dates::parse_at(doc, d)
                .map(|(e, _)| {
                    // "on Tuesday night"
                    if doc.is_any(e, &["morning", "afternoon", "evening", "night"]) {
                        e + 1
                    } else {
                        e
                    }
                })
                // "last month"
                .or_else(|| time_phrase(doc, k))
                .and_then(|e| (e <= verb).then_some(e))
        })
        .map_or(source_end, |e| e.max(source_end));
    // Sentence adverbs ("Zeine nevertheless said") qualify the sentence, not the verb.
    (source_end..verb)
        .find(|&k| {
            doc.is_word(k)
                && !doc.is_any(
                    k,
                    &[
                        "and",
                        "but",
                        "nevertheless",
                        "however",
                        "meanwhile",
                        "moreover",
                        "though",
                    ],
                )
        })
        .unwrap_or(verb)
}

/// Whether content starting at `from` runs into a later cue of the same sentence
/// (", said in an interview that …"): then the earlier verb sits in an aside.
fn runs_into_cue(doc: &Doc<'_>, from: usize, end: usize) -> bool {
    (from..end).any(|k| {
        doc.is_punct(k, ",")
            && doc.skip_adverbs_back_forward(k + 1, end).is_some_and(|v| {
                matches!(doc.cue_class(v), Some(CueClass::Speech | CueClass::Tell))
                    && !doc.s(v).ends_with("ing")
            })
    })
}

/// Where content after a cue ends: before a second attribution of the same source
/// (", adding that …", "… and insisted that …"), else at the sentence end.
fn content_end(doc: &Doc<'_>, from: usize, end: usize) -> usize {
    let fronted = in_fronted_clause(doc, from);
    let mut k = from + 1;
    while k < end {
        // Only punctuation, closing marks and "and", "but" or "in" can end the content:
        // numbers and other words are passed over by their kind and length.
        let Some(&t) = doc.tokens.get(k) else {
            break;
        };
        let passed =
            t.kind == Kind::Number || (t.kind == Kind::Word && !(2..=3).contains(&t.span.len()));
        if !passed && !doc.quoted(k) {
            let comma = doc.is_punct(k, ",");
            // "… a “ridiculous idea,” adding that …": the comma inside the closing mark.
            let close_comma = comma_in_close(doc, k);
            let conjunction = doc.is_any(k, &["and", "but"]);
            // Only after a comma or a conjunction can a speech verb take over; the verb
            // is looked for past adverbs there only.
            if comma || close_comma || conjunction {
                let next = doc.skip_adverbs_back_forward(k + 1, end);
                let cue_next = next.is_some_and(|v| {
                    matches!(doc.cue_class(v), Some(CueClass::Speech | CueClass::Tell))
                });
                let participle = next.is_some_and(|v| is_participle(doc, v));
                if comma && cue_next && participle {
                    return k;
                }
                if close_comma && cue_next && participle {
                    return k + 1;
                }
                if conjunction
                    && cue_next
                    && next.is_some_and(|v| !is_participle(doc, v) && second_cue(doc, v))
                {
                    return if doc.is_punct(k - 1, ",") { k - 1 } else { k };
                }
            }
            // "…, the campaign manager said …": a new subject and its cue start another
            // attribution.
            if doc.is_punct(k, ",") && k > from + 1 && subject_then_cue(doc, k + 1, end) {
                return k;
            }
            // "…, and Jones said …", "…, but officials insisted …": a conjoined clause
            // with a subject and cue of its own is a second attribution. A bare "and"
            // before a new subject is not enough: it joins clauses of the content too.
            if doc.is_punct(k, ",")
                && k > from + 1
                && doc.is_any(k + 1, &["and", "but"])
                && subject_then_cue(doc, k + 2, end)
            {
                return k;
            }
            // The same without the comma ("… was dead and Okafor said …").
            if k > from + 2
                && doc.is_any(k, &["and", "but"])
                && !doc.is_punct(k - 1, ",")
                && subject_then_cue(doc, k + 1, end)
            {
                return k;
            }
            // The reporter takes over after a semicolon, a dash or a comment clause
            // ("…, which he called …", "…, while Bush said …").
            if doc.is_punct(k, ";") && k > from + 2 {
                return k;
            }
            // "While critics called him an actor, the truth was …": the comma closes the
            // clause that holds the attribution.
            if fronted && doc.is_punct(k, ",") && k > from + 1 {
                return k;
            }
            if doc.is_punct(k, ",")
                && k > from + 2
                && doc.is_any(k + 1, &["while", "which", "whereas", "but"])
                && !doc.is_any(k + 2, &["well", "long", "much", "many", "soon", "if"])
            {
                return k;
            }
            if doc.is(k, "in")
                && doc.is_any(k + 1, &["a", "an"])
                && doc.is_in(k + 2, &CHANNEL_NOUNS)
                && k > from + 2
            {
                return k;
            }
        }
        k += 1;
    }
    end
}

/// Words that open a subordinate clause put before the main one ("While …, …").
static FRONTED_OPENERS: WordList = WordList::new(&[
    "While", "Although", "Though", "After", "When", "Because", "Since", "If", "Before", "Once",
    "Whereas", "Until", "Unless",
]);

/// Whether `from` lies in a subordinate clause, at the start of its sentence or after a
/// comma, that has not been closed by a comma yet ("While critics said [from] …, …",
/// "…, but when critics said [from] …, …").
fn in_fronted_clause(doc: &Doc<'_>, from: usize) -> bool {
    let Some(s) = doc.sentences.get(doc.sentence_of(from)) else {
        return false;
    };
    // The clause holding `from` starts after the last comma before it.
    let mut first = (s.first..from)
        .rev()
        .find(|&k| doc.is_punct(k, ",") && !doc.quoted(k))
        .map_or(s.first, |c| c + 1);
    while first < from
        && (doc.is_any(first, &["But", "And", "Yet"]) || doc.kind(first) == Some(Kind::Open))
    {
        first += 1;
    }
    first < from
        && doc.is_in(first, &FRONTED_OPENERS)
        && !(first..from).any(|k| doc.is_punct(k, ",") && !doc.quoted(k))
}

/// Whether token `k` closes a quotation that ends in a comma ("“…,”").
fn comma_in_close(doc: &Doc<'_>, k: usize) -> bool {
    k > 0 && doc.kind(k) == Some(Kind::Close) && doc.is_punct(k - 1, ",")
}

/// Where a clause opened by "that" starts after an adverbial of place or time that
/// follows the cue ("said in Salem, New Hampshire, on Monday that …", "said at the time
/// that …"): the position of "that", if it comes within a short stretch of plain words.
fn that_after_adverbial(doc: &Doc<'_>, k: usize, end: usize) -> Option<usize> {
    if doc.quoted(k)
        || !doc.is_any(
            k,
            &[
                "in", "at", "on", "during", "after", "before", "from", "while", "through", "with",
            ],
        )
    {
        return None;
    }
    (k + 1..(k + 16).min(end))
        .take_while(|&j| {
            doc.is(j, "that")
                || doc.is_punct(j, ",")
                || doc.kind(j) == Some(Kind::Number)
                || (doc.is_word(j) && !doc.is_clause_word(j) && !doc.quoted(j))
                || doc.is_any(j, &["’", "'", "’s", "'s"])
        })
        .find(|&j| doc.is(j, "that") && !doc.is_determiner(j - 1) && !doc.is_punct(j - 1, ","))
}

/// Verbs of intention and refusal whose content is an infinitive ("wants to run",
/// "declined to comment"), as PolNeAR marks them: the content keeps its "to".
static INFINITIVE_CUES: WordList = WordList::new(&[
    "aim",
    "aimed",
    "aiming",
    "aims",
    "decide",
    "decided",
    "decides",
    "deciding",
    "decline",
    "declined",
    "declines",
    "declining",
    "hope",
    "hoped",
    "hopes",
    "hoping",
    "intend",
    "intended",
    "intending",
    "intends",
    "plan",
    "planned",
    "planning",
    "plans",
    "pledge",
    "pledged",
    "pledges",
    "pledging",
    "promise",
    "promised",
    "promises",
    "promising",
    "refuse",
    "refused",
    "refuses",
    "refusing",
    "seek",
    "seeking",
    "seeks",
    "sought",
    "threaten",
    "threatened",
    "threatening",
    "threatens",
    "vow",
    "vowed",
    "vowing",
    "vows",
    "want",
    "wanted",
    "wanting",
    "wants",
]);

fn takes_infinitive(doc: &Doc<'_>, k: usize) -> bool {
    doc.is_in(k, &INFINITIVE_CUES)
}

/// A bare verb after "to" ("to comment"), not a noun phrase ("to the deal").
fn infinitive_at(doc: &Doc<'_>, k: usize) -> bool {
    doc.is_word(k)
        && !doc.is_cap(k)
        && !doc.is_determiner(k)
        && !doc.is_pronoun(k)
        && !doc.is_possessive(k)
        && !doc.is_clause_word(k)
}

/// Whether the cue verb at `v`, after "and", starts a second attribution ("and added
/// that …", "and insisted …") rather than a verb of the content ("said the group is
/// neutral and supports both sides"): a past form, or one followed by what opens content.
fn second_cue(doc: &Doc<'_>, v: usize) -> bool {
    let w = doc.s(v);
    w.ends_with("ed")
        || doc.is_any(
            v,
            &[
                "said", "told", "wrote", "thought", "knew", "saw", "sought", "spoke", "made",
            ],
        )
        || doc.is(v + 1, "that")
        || doc.is_punct(v + 1, ",")
        || doc.is_punct(v + 1, ":")
        || doc.kind(v + 1) == Some(Kind::Open)
}

/// A short subject phrase from `t` directly followed by a finite cue verb ("the campaign
/// manager said", "Smith told").
fn subject_then_cue(doc: &Doc<'_>, t: usize, end: usize) -> bool {
    let limit = end.min(t + 8);
    let mut j = t;
    while j < limit {
        if let Some(class) = doc.cue_class(j) {
            return j > t
                && matches!(class, CueClass::Speech | CueClass::Tell)
                && !is_participle(doc, j)
                && !doc.is_determiner(j - 1)
                && !doc.is_possessive(j - 1);
        }
        let np = (doc.is_word(j) && !doc.is_clause_word(j) && !doc.quoted(j))
            || doc.kind(j) == Some(Kind::Number);
        if !np
            || doc.is_any(
                j,
                &["to", "be", "is", "was", "are", "were", "has", "have", "had"],
            )
        {
            return false;
        }
        j += 1;
    }
    false
}

/// Participles that PolNeAR attributes to the noun before them more often than not
/// (train), unlike "calling", "reporting" or "talking".
static REDUCED_RELATIVE_CUES: WordList = WordList::new(&[
    "arguing",
    "backing",
    "claiming",
    "demanding",
    "insisting",
    "opposing",
    "saying",
    "seeking",
    "showing",
    "suggesting",
    "supporting",
]);

fn is_participle(doc: &Doc<'_>, k: usize) -> bool {
    doc.is_word(k) && !doc.is_cap(k) && doc.s(k).ends_with("ing")
}

#[allow(clippy::many_single_char_names)]
fn verb_rules(
    doc: &Doc<'_>,
    si: usize,
    s: &Sentence,
    cue: Cue,
    class: CueClass,
    earlier: Option<&Found>,
) -> Vec<Found> {
    let mut out = Vec::new();
    let c = cue.first;
    if let Some(f) = asked(doc, si, s, cue) {
        out.push(f);
        return out;
    }
    // Source before the cue, past adverbs and auxiliaries.
    let mut passive = false;
    let mut b = None;
    if c > s.first {
        b = doc.skip_adverbs_back(c - 1, s.first);
        // "Trump - who once said otherwise - said": an aside between dashes.
        if let Some(x) = b
            && doc.is_any(x, &["-", "—", "–"])
            && let Some(open) = (x.saturating_sub(30).max(s.first)..x)
                .rev()
                .find(|&k| doc.is(k, doc.s(x)))
            && open > s.first
        {
            b = doc.skip_adverbs_back(open - 1, s.first);
        }
        // "the senator on Tuesday said": the date is neither source nor cue.
        if let Some(x) = b
            && let Some(d) = (x.saturating_sub(4).max(s.first)..=x).find(|&k| {
                // "on Tuesday night": a part of the day after the date
                let date_end = if doc.is_any(x, &["morning", "afternoon", "evening", "night"]) {
                    x
                } else {
                    x + 1
                };
                dates::parse_at(doc, k).is_some_and(|(e, _)| e == date_end)
                    || (doc.is(k, "on")
                        && dates::parse_at(doc, k + 1).is_some_and(|(e, _)| e == date_end))
                    // "A judge last month ordered"
                    || time_phrase(doc, k) == Some(x + 1)
            })
            && d > s.first
        {
            b = doc.skip_adverbs_back(d - 1, s.first);
        }
        let stop = b.map_or(s.first, |x| x + 1);
        // A passive ("is expected") attributes nothing.
        let progressive = is_participle(doc, c);
        // A denial of speech ("did not mention", "would not say") is annotated as an
        // attribution; a negated thought or wish ("don't know", "didn't want") mostly is
        // not (train: 105 relations gained and 74 false ones over all classes).
        let denial_attributes = matches!(class, CueClass::Speech | CueClass::Tell);
        passive = (stop..c).any(|k| {
            (doc.is_in(k, &BE_FORMS) && !progressive)
                || (!denial_attributes
                    && (doc.is_any(k, &["not", "never"])
                        || doc.s(k).ends_with("n't")
                        || doc.s(k).ends_with("n’t")))
        });
    }
    // "protesters calling on them to leave": a participle right after a noun modifies it.
    let reduced_relative = is_participle(doc, c)
        && b.is_some_and(|x| x + 1 == c && !doc.is_punct(x, ",") && !doc.is_in(x, &BE_FORMS));
    if passive && let Some(f) = passive_claim(doc, si, s, cue, b) {
        out.push(f);
        return out;
    }
    if passive
        || (reduced_relative
            && (doc.has(c, vocab::ANONYMITY_START) || doc.has(c + 1, vocab::ANONYMITY_START)))
    {
        return out;
    }
    // "who asked not to be named", "declining to be identified": a cue inside a request
    // for anonymity is no claim.
    if (c.saturating_sub(1).max(s.first)..=c)
        .any(|i| anonymity_at(doc, i, s.end).is_some_and(|e| e > c))
    {
        return out;
    }
    let after = after_cue(doc, s, cue, Some(class));
    // "who requested anonymity": the request is not a claim.
    if doc.is(after.content_first, "anonymity") {
        return out;
    }
    let to_content = doc.is(after.content_first, "to")
        && (takes_infinitive(doc, c)
            || doc.is_any(
                cue.end - 1,
                &["eager", "willing", "determined", "reluctant"],
            ))
        && infinitive_at(doc, after.content_first + 1);
    let content_after = if doc.is_punct(after.content_first, ",")
        || doc.is_punct(after.content_first, ";")
        || (doc.is(after.content_first, "to") && !to_content)
        || runs_into_cue(doc, after.content_first, s.end)
    {
        None
    } else {
        let end = content_end(doc, after.content_first, s.end);
        make_content_min(doc, after.content_first, end, 1)
    };
    // "Lee, who said the vote was rigged, said …": the clause's content ends at the comma
    // that closes it.
    let content_after = content_after.or_else(|| {
        relative_who(doc, s.first, c)?;
        if doc.is_punct(after.content_first, ",") || doc.is_punct(after.content_first, ";") {
            return None;
        }
        let close =
            (after.content_first + 1..s.end).find(|&k| !doc.quoted(k) && doc.is_punct(k, ","))?;
        make_content_min(doc, after.content_first, close, 1)
    });
    let reason = anonymity_reason(doc, s.first, s.end);

    // ", adding that …": the participle continues the sentence's earlier attribution.
    // So does one after "by", "while", "after" or "before" in the middle of a clause
    // ("rallied voters by promising tariffs", "erred after telling aides he would …").
    if c > s.first
        && (doc.is_punct(c - 1, ",")
            || comma_in_close(doc, c - 1)
            || (c > s.first + 2 && doc.is_in(c - 1, &PARTICIPLE_LINKS)))
        && is_participle(doc, c)
    {
        // "asking not to be named" is no claim; "vowing to fight on" is.
        let anonymity = doc.has(c, vocab::ANONYMITY_START)
            || doc.is(after.content_first, "not")
            || (doc.is(after.content_first, "to") && !to_content);
        if !anonymity && let Some((kind, content)) = content_after {
            let source = earlier
                .and_then(|prev| {
                    prev.source
                        .map(|src| (src, prev.referent, prev.channel.clone()))
                })
                .or_else(|| {
                    clause_subject(doc, s.first, c)
                        .or_else(|| subject_before_aside(doc, s.first, c))
                        .map(|src| (src, None, None))
                });
            if let Some((src, referent, channel)) = source {
                let mut f = new_found(kind, content, "reported-speech/participle", si, s);
                f.cue = Some(doc.span(c, after.cue_end));
                f.source = Some(src);
                f.referent = referent;
                f.channel = channel;
                out.push(f);
            }
        }
        return out;
    }

    let subject = b.and_then(|b| {
        if doc.is(b, "and")
            && let Some(prev) = earlier
            && let Some((pa, pe)) = prev.source
        {
            Some((pa, pe, prev.referent, "reported-speech/conjoined-subject"))
        } else if doc.is_any(b, &["and", "but"]) && b > s.first {
            conjoined_subject(doc, b, s.first)
                .or_else(|| clause_subject(doc, s.first, b))
                .map(|(a, e)| (a, e, None, "reported-speech/conjoined-subject"))
        } else {
            np_back(doc, b, s.first).map(|(a, e, r)| (a, e, r, "reported-speech/source-cue"))
        }
    });
    let subject = subject.filter(|(a, e, _, _)| plausible_source(doc, *a, *e));

    let build = |kind: ClaimKind,
                 content: Span,
                 rule: &'static str,
                 source: (usize, usize),
                 referent,
                 cue_span: Span| {
        let mut f = new_found(kind, content, rule, si, s);
        f.cue = Some(cue_span);
        f.source = Some(source);
        f.referent = referent;
        f.channel.clone_from(&after.channel);
        f.when = after.when;
        f.reason = reason;
        f
    };

    // "Noting the cost, Lee said …", "After casting doubt on the plan, Lee …": a participle
    // clause that opens the sentence belongs to the subject of the main clause.
    if fronted_participle(doc, s, c)
        && let Some((k, (a, e))) = (after.content_first + 1..s.end)
            .filter(|&k| doc.is_punct(k, ",") && !doc.quoted(k))
            .find_map(|k| {
                clause_subject(doc, k + 1, s.end)
                    .filter(|&(a, e)| a == k + 1 && !closing_cue(doc, e, s.end))
                    .map(|src| (k, src))
            })
        && let Some((kind, content)) = make_content_min(doc, after.content_first, k, 1)
    {
        out.push(build(
            kind,
            content,
            "reported-speech/fronted-participle",
            (a, e),
            None,
            doc.span(c, after.cue_end),
        ));
        return out;
    }
    // "voters saying they want a ban", "the group supporting Smith": PolNeAR attributes
    // a participle clause to the noun it modifies.
    if reduced_relative {
        // "the campaign issued a statement saying …": the issuer is the source, and the
        // issuing, the document and the participle are the cue.
        if let (Some((a, e, _, _)), Some((kind, content))) = (subject, content_after)
            && e == c
            && doc.is_in(e - 1, &CHANNEL_NOUNS)
            && a > s.first
            && let Some(v) = issuing_verb(doc, a - 1, s.first)
            && v > s.first
            && let Some((sa, se, referent)) = np_back(doc, v - 1, s.first)
            && plausible_source(doc, sa, se)
        {
            out.push(build(
                kind,
                content,
                "reported-speech/source-cue",
                (sa, se),
                referent,
                doc.span(v, after.cue_end),
            ));
            return out;
        }
        // "…, with Lee calling him a fraud": after "with", any participle of saying.
        let with_speaker = |a: usize| {
            a > s.first
                && doc.is(a - 1, "with")
                && matches!(class, CueClass::Speech | CueClass::Tell)
        };
        if let (Some((a, e, referent, _)), Some((kind, content))) = (subject, content_after)
            && (doc.is_in(c, &REDUCED_RELATIVE_CUES) || with_speaker(a))
            && !doc.is_any(after.content_first, &["not", "to"])
        {
            out.push(build(
                kind,
                content,
                "reported-speech/reduced-relative",
                (a, e),
                referent,
                doc.span(c, after.cue_end),
            ));
        }
        return out;
    }

    if let Some((a, e, referent, rule)) = subject {
        let from = if rule == "reported-speech/conjoined-subject" {
            b.map_or(c, |x| x + 1)
        } else {
            e
        };
        let cue_span = doc.span(cue_start(doc, from, c), after.cue_end);
        let quote_before = a > s.first
            && doc.kind(a - 1) == Some(Kind::Close)
            && doc
                .quote_at_open(s.first)
                .is_some_and(|q| q.close == Some(a - 1));
        if !quote_before && let Some((kind, content)) = content_after {
            let (kind, content) = if kind == ClaimKind::Mixed {
                quote_after_adverbial(doc, content).unwrap_or((kind, content))
            } else {
                (kind, content)
            };
            let rule = if kind == ClaimKind::Direct && rule == "reported-speech/source-cue" {
                "direct/source-cue"
            } else {
                rule
            };
            // "the wall, which he said Mexico would pay for", "what he calls a tax": the
            // relative pronoun before the attribution is the claim's first piece ("which …
            // Mexico would pay for").
            let content = if a > s.first
                && doc.is_any(a - 1, &["which", "who", "whom", "that", "what"])
                && content.start >= cue_span.end
            {
                doc.span(a - 1, a).cover(content)
            } else {
                content
            };
            out.push(build(kind, content, rule, (a, e), referent, cue_span));
            return out;
        }
        // "As POLITICO has reported, …": the content follows the cue's clause.
        if a > s.first
            && doc.is(a - 1, "as")
            && doc.is_punct(after.content_first, ",")
            && let Some((kind, content)) = make_content(
                doc,
                after.content_first + 1,
                content_end(doc, after.content_first + 1, s.end),
            )
        {
            out.push(build(
                kind,
                content,
                "reported-speech/as-cue",
                (a, e),
                referent,
                cue_span,
            ));
            return out;
        }
        // "Overall, she said, rents rose.": a one-word opener and the rest around the
        // attribution, which becomes the content's gap ("Overall, … rents rose").
        if a == s.first + 2
            && doc.is_punct(a - 1, ",")
            && let Some(tail) = parenthetical_tail(doc, s, &after)
        {
            let (ta, tb) = token_range(doc, tail);
            let kind = if (ta..tb).any(|k| matches!(doc.kind(k), Some(Kind::Open | Kind::Close))) {
                ClaimKind::Mixed
            } else {
                ClaimKind::Indirect
            };
            let opener = doc.span(s.first, s.first + 1);
            out.push(build(
                kind,
                opener.cover(tail),
                "reported-speech/parenthetical",
                (a, e),
                referent,
                cue_span,
            ));
            return out;
        }
        // "Lee, who backs Ruiz, said …": the clause before a relative pronoun is its
        // antecedent, not its content.
        if e == a + 1 && a > s.first && doc.is_any(a, &["who", "which"]) && doc.is_punct(a - 1, ",")
        {
            return out;
        }
        // "…, a source said." — the content is the clause before the source.
        if let Some((kind, content)) = content_before(doc, s, a) {
            let rule = if kind == ClaimKind::Direct {
                "direct/after-quote"
            } else {
                "reported-speech/after-clause"
            };
            let second = split_quote(doc, s, &after).or_else(|| {
                split_quote_after_aside(doc, s, a.saturating_sub(1), after.content_first)
            });
            if let Some(second) = second {
                out.push(build(kind, content, rule, (a, e), referent, cue_span));
                out.push(build(
                    ClaimKind::Direct,
                    second,
                    "direct/split-quote",
                    (a, e),
                    referent,
                    cue_span,
                ));
            } else if kind != ClaimKind::Direct
                && let Some(tail) = parenthetical_tail(doc, s, &after)
            {
                // "Bob, they said, ordered them to wait.": the claim runs around the cue.
                let whole = content.cover(tail);
                let kind = if (s.first..s.end)
                    .any(|k| matches!(doc.kind(k), Some(Kind::Open | Kind::Close)))
                {
                    ClaimKind::Mixed
                } else {
                    ClaimKind::Indirect
                };
                out.push(build(
                    kind,
                    whole,
                    "reported-speech/parenthetical",
                    (a, e),
                    referent,
                    cue_span,
                ));
            } else {
                out.push(build(kind, content, rule, (a, e), referent, cue_span));
            }
            return out;
        }
        // "“…!” Bush said.": the quote is the sentence before.
        if a == s.first
            && si > 0
            && (after.content_first >= s.end
                || (after.content_first + 1 == s.end && doc.kind(s.end - 1) == Some(Kind::Punct)))
        {
            let prev = doc.sentences[si - 1];
            if prev.para == s.para
                && let Some((ClaimKind::Direct, content)) = make_content(doc, prev.first, prev.end)
            {
                out.push(build(
                    ClaimKind::Direct,
                    content,
                    "direct/quote-before-sentence",
                    (a, e),
                    referent,
                    cue_span,
                ));
            }
        }
        return out;
    }
    // "…, said Smith." — the source follows the cue.
    if c > s.first
        && (doc.is_punct(c - 1, ",") || doc.kind(c - 1) == Some(Kind::Close))
        && matches!(class, CueClass::Speech | CueClass::Tell)
        && let Some((a, e)) = inverted_source(doc, cue.end, s.end)
        && super::mentions::is_source(doc, a, e)
        && let Some((kind, content)) = content_before(doc, s, c)
    {
        let mut f = build(
            kind,
            content,
            "reported-speech/inverted",
            (a, e),
            None,
            doc.span(c, cue.end),
        );
        f.channel = None;
        f.when = dates::parse_at(doc, e).map(|(_, w)| w);
        out.push(f);
        let after_source = AfterCue {
            content_first: e,
            cue_end: cue.end,
            channel: None,
            when: None,
        };
        let second = split_quote(doc, s, &after_source)
            .or_else(|| split_quote_after_aside(doc, s, c - 1, e));
        if let Some(second) = second {
            let mut g = f_clone_with(&out[0], second);
            g.rule = "direct/split-quote";
            out.push(g);
        }
    }
    out
}

/// Participles whose passive subject is the listener ("Lee was asked to …", "the FBI was
/// warned about …"): the claim is what follows.
static PASSIVE_LISTENER_VERBS: WordList = WordList::new(&[
    "advised",
    "asked",
    "briefed",
    "informed",
    "questioned",
    "reminded",
    "told",
    "urged",
    "warned",
]);

/// A content that opens with a short adverbial and then quotes ("said in Tel Aviv, “…”",
/// "wrote back: “…”"): the quotation alone is the claim, as PolNeAR mostly marks it (train:
/// 9 more exact contents than keeping the adverbial). Not after "that", whose clause keeps
/// its adverbial ("said that in 2009, “…”"), nor after a topic ("said of the plan: “…”").
fn quote_after_adverbial(doc: &Doc<'_>, content: Span) -> Option<(ClaimKind, Span)> {
    const MAX_ADVERBIAL: usize = 9;
    let (first, end) = token_range(doc, content);
    if first == 0 || doc.is(first - 1, "that") || !doc.is_in(first, &QUOTE_ADVERBIAL_STARTS) {
        return None;
    }
    let open = (first..end.min(first + MAX_ADVERBIAL + 1))
        .find(|&j| matches!(doc.kind(j), Some(Kind::Open | Kind::Close)))?;
    if doc.kind(open) != Some(Kind::Open)
        || !(doc.is_punct(open - 1, ",") || doc.is_punct(open - 1, ":"))
    {
        return None;
    }
    let q = doc.quote_at_open(open)?;
    if q.outer_end() + 1 < end {
        return None;
    }
    make_content(doc, open, q.outer_end()).filter(|(kind, _)| *kind == ClaimKind::Direct)
}

/// Words that open an adverbial before a quotation.
static QUOTE_ADVERBIAL_STARTS: WordList = WordList::new(&[
    "after", "again", "as", "at", "back", "before", "during", "earlier", "for", "from", "in",
    "later", "on", "then", "through", "while", "with",
]);

/// Irregular past participles of cue verbs.
static IRREGULAR_PARTICIPLES: WordList = WordList::new(&[
    "heard", "held", "known", "said", "seen", "shown", "taken", "thought", "told", "written",
]);

/// "Lee was asked to name a law", "the plan is known as …", "who was lambasted as …": a
/// cue verb in the passive without an agent attributes the clause to nobody, as PolNeAR
/// marks it (train: about 290 such unattributed relations were missed). The claim is the
/// clause from its subject (`b` ends the phrase before the auxiliaries) on.
fn passive_claim(
    doc: &Doc<'_>,
    si: usize,
    s: &Sentence,
    cue: Cue,
    b: Option<usize>,
) -> Option<Found> {
    let c = cue.first;
    let participle = (doc.s(c).ends_with("ed") || doc.is_in(c, &IRREGULAR_PARTICIPLES))
        && !doc.is_cap(c)
        && doc.is_in(c - 1, &BE_FORMS);
    // "is assured of", "was intended to", "were worried": a state, not a statement;
    // "are expected next week" is a schedule ("is expected to" is a hedge).
    let state = doc.is_any(
        c,
        &[
            "assured",
            "convinced",
            "expected",
            "intended",
            "planned",
            "pressed",
            "worried",
        ],
    );
    if !participle || state || doc.is(cue.end, "by") {
        return None;
    }
    let b = b?;
    // The clause starts after the last comma, colon or subordinator before the subject;
    // a relative pronoun stays in it ("who was lambasted as …").
    let start = (s.first..=b)
        .rev()
        .find(|&k| {
            doc.is_any(k, &[",", ";", ":", "—", "–"]) && doc.kind(k) == Some(Kind::Punct)
                || doc.is_in(k, &SUBORDINATORS)
        })
        .map_or(s.first, |k| k + 1);
    if start > b {
        return None;
    }
    let mut end = content_end(doc, cue.end, s.end);
    // A subordinate or relative clause ends at its comma, before the main clause and its
    // own cue ("Lee, who was listed on the slate, told …").
    if start > s.first
        && let Some(comma) = (cue.end..end).find(|&k| doc.is_punct(k, ",") && !doc.quoted(k))
    {
        end = comma;
    }
    let mut cue_end = cue.end;
    // "the question was asked, and …": with no complement after the participle, the claim
    // is the subject alone; a clause that goes on to another cue stays whole, so that cue
    // does not start a claim of its own.
    let bare = (cue_end >= end
        || (doc.kind(cue_end) == Some(Kind::Punct) && doc.kind(cue_end + 1) != Some(Kind::Open))
        || (doc.is_any(cue_end, &["and", "but"]) && !doc.s(cue_end + 1).ends_with("ed")))
        && !(cue_end..end).any(|j| doc.has(j, vocab::CUE));
    // "It was said that …", "Lee was asked to name …", "the FBI was warned about …": the
    // subject is an empty "it" or the listener, so the claim is what follows the cue (a
    // particle joining the cue, "that" left out), as PolNeAR marks it.
    let that = if doc.is(cue_end, "that") {
        Some(cue_end)
    } else {
        that_after_adverbial(doc, cue_end, end)
    };
    let expletive = start == b && doc.is(b, "it") && that.is_some();
    let listener = doc.is_in(c, &PASSIVE_LISTENER_VERBS);
    if end <= cue.end + 1 {
        return None;
    }
    let (first, end) = if expletive {
        (that.map_or(cue_end, |t| t + 1), end)
    } else if bare {
        (start, b + 1)
    } else if listener {
        if doc.is_any(cue_end, &["about", "of"]) {
            cue_end += 1;
        }
        (
            if doc.is(cue_end, "that") {
                cue_end + 1
            } else {
                cue_end
            },
            end,
        )
    } else {
        (start, end)
    };
    let (_, content) = make_content_min(doc, first, end, 1)?;
    let mut f = new_found(ClaimKind::Unattributed, content, "passive", si, s);
    f.cue = Some(doc.span(b + 1, cue_end));
    Some(f)
}

fn f_clone_with(f: &Found, content: Span) -> Found {
    let mut g = f.clone();
    g.kind = ClaimKind::Direct;
    g.content = content;
    g
}

/// After "…, said Smith": the source with its appositives, up to a quote, a participle or
/// the end of the sentence.
fn inverted_source(doc: &Doc<'_>, from: usize, end: usize) -> Option<(usize, usize)> {
    if doc.is_in(from, &NP_PREPS) || doc.is(from, "to") {
        return None;
    }
    let (a, mut e) = np_forward(doc, from, end, 8)?;
    // "said a longtime adviser to both candidates": a prepositional phrase of the noun.
    while e < end
        && e - a < 12
        && doc.is_any(e, &["to", "of", "in", "on", "at", "for", "from", "with"])
        && let Some((_, pe)) = np_forward(doc, e + 1, end, 6)
        && dates::parse_at(doc, e + 1).is_none()
    {
        // "said Ann Lee in a statement": the channel is not part of the source.
        if doc.is_any(e, &["in", "on"]) && (e + 1..pe).any(|k| doc.is_in(k, &CHANNEL_NOUNS)) {
            return Some((a, e));
        }
        e = pe;
    }
    // "said a former aide who requested anonymity": the relative clause belongs to the
    // source, up to a comma, a quote or the end of the sentence.
    if e < end && doc.is_any(e, &["who", "whom", "whose"]) {
        let mut k = (e..end)
            .find(|&k| {
                doc.is_punct(k, ",") || matches!(doc.kind(k), Some(Kind::Open | Kind::Close))
            })
            .unwrap_or(end);
        while k > e && doc.kind(k - 1) == Some(Kind::Punct) {
            k -= 1;
        }
        e = k;
    }
    // "said Ann Lee on Monday.": a date or time phrase ending the sentence (or its
    // clause) follows the source without belonging to it.
    if e < end
        && let Some(after) = dates::parse_at(doc, e)
            .map(|(j, _)| j)
            .or_else(|| time_phrase(doc, e))
        && (after >= end || !doc.is_word(after))
    {
        return Some((a, e));
    }
    if e < end && doc.is_word(e) {
        return None;
    }
    while e < end && doc.is_punct(e, ",") {
        let t = e + 1;
        if t >= end || !appositive_start(doc, t) || is_participle(doc, t) || doc.is(t, "according")
        {
            break;
        }
        let next = (t..end)
            .find(|&k| {
                doc.is_punct(k, ",") || matches!(doc.kind(k), Some(Kind::Open | Kind::Close))
            })
            .unwrap_or(end);
        let mut seg_end = next;
        while seg_end > t
            && doc.kind(seg_end - 1) == Some(Kind::Punct)
            && !doc.is_punct(seg_end - 1, ")")
        {
            seg_end -= 1;
        }
        if seg_end <= t {
            break;
        }
        e = seg_end;
        if next >= end || !doc.is_punct(next, ",") {
            break;
        }
    }
    Some((a, e))
}

/// The rest of a sentence after a parenthetical cue (", they said, …"), unless it is a
/// participle clause (", adding …") or a quote.
fn parenthetical_tail(doc: &Doc<'_>, s: &Sentence, after: &AfterCue) -> Option<Span> {
    let k = after.content_first;
    if !doc.is_punct(k, ",") || doc.kind(k + 1) == Some(Kind::Open) || is_participle(doc, k + 1) {
        return None;
    }
    let (_, span) = make_content(doc, k + 1, s.end)?;
    Some(span)
}

/// Whether a phrase can be a source: a name, a pronoun, a determined or counted noun
/// phrase, or a known source noun ("officials", "the report") — not a stray lowercase word
/// ("is holding talks").
fn plausible_source(doc: &Doc<'_>, a: usize, e: usize) -> bool {
    if !super::mentions::is_source(doc, a, e) {
        return false;
    }
    let core_end = (a..e).find(|&k| doc.is_punct(k, ",")).unwrap_or(e);
    let head = core_end - 1;
    if is_participle(doc, head) && !doc.is_cap(head) {
        return false;
    }
    (a..core_end).any(|k| {
        doc.is_cap(k)
            || doc.is_pronoun(k)
            || doc.is_determiner(k)
            || doc.is_possessive(k)
            || doc.kind(k) == Some(Kind::Number)
            || doc.has(k, vocab::ANONYMOUS_HEAD | vocab::TITLE | vocab::DOCUMENT)
    }) || (doc.s(head).ends_with('s') && !doc.s(head).ends_with("ss"))
        || (core_end == a + 1 && doc.is_in(a, &BARE_SOURCES))
}

/// Single lowercase words that are sources on their own ("police said", "most say").
static BARE_SOURCES: WordList = WordList::new(&[
    "police",
    "staff",
    "management",
    "security",
    "everyone",
    "everybody",
    "someone",
    "somebody",
    "nobody",
    "many",
    "most",
    "some",
    "half",
    "few",
    "both",
    "all",
    "none",
    "others",
]);

/// The content before a source that starts at `a`: "CONTENT, SOURCE said" or "“QUOTE,”
/// SOURCE said".
fn content_before(doc: &Doc<'_>, s: &Sentence, a: usize) -> Option<(ClaimKind, Span)> {
    if a <= s.first + 1 {
        return None;
    }
    let q = a - 1;
    if doc.kind(q) == Some(Kind::Close) {
        // "“A,” she said, and “B,” Lee said.": a quote after an attributed one is the
        // claim on its own.
        if let Some(quote) = doc.quotes.iter().find(|x| x.close == Some(q))
            && quote.open > s.first
            && doc.is_punct(quote.open - 1, ",")
            && (s.first..quote.open).any(|j| {
                comma_in_close(doc, j)
                    && (j + 1..quote.open.min(j + 5)).any(|k| doc.has(k, vocab::CUE))
            })
        {
            return make_content(doc, quote.open, q + 1);
        }
        return make_content(doc, s.first, q + 1);
    }
    if doc.is_punct(q, ",") || doc.is_any(q, &["—", "–"]) {
        return make_content(doc, s.first, q);
    }
    None
}

/// The second half of "“A,” he said, “B.”". The second quote follows a comma, a colon or
/// a verb of speech itself; one written straight after a verb of telling, a listener or a
/// source is a title ("told “Morning Talk,”", "said Ann Lee, a host of the show
/// “Morning Talk.”").
fn split_quote(doc: &Doc<'_>, s: &Sentence, after: &AfterCue) -> Option<Span> {
    let k = after.content_first;
    let right_after_verb =
        k == after.cue_end && k > 0 && doc.cue_class(k - 1) != Some(CueClass::Tell);
    let open = if doc.kind(k) == Some(Kind::Open)
        && (right_after_verb || doc.is_punct(k - 1, ",") || doc.is_punct(k - 1, ":"))
    {
        k
    } else if doc.is_punct(k, ",") && doc.kind(k + 1) == Some(Kind::Open) {
        k + 1
    } else {
        return None;
    };
    let q = doc.quote_at_open(open)?;
    if q.outer_end() > s.end {
        return None;
    }
    make_content(doc, open, q.outer_end()).map(|(_, span)| span)
}

/// The second half of a split quotation after an aside that follows the cue ("“A,” he
/// told the paper in October, “B.”"): the first half closes on a comma (`close` is its
/// closing mark) and the second opens after a comma, with no other quotation between.
fn split_quote_after_aside(doc: &Doc<'_>, s: &Sentence, close: usize, from: usize) -> Option<Span> {
    const MAX_ASIDE: usize = 20;
    if !comma_in_close(doc, close) {
        return None;
    }
    let open = (from..s.end.min(from + MAX_ASIDE))
        .find(|&j| matches!(doc.kind(j), Some(Kind::Open | Kind::Close)))?;
    if open == from || doc.kind(open) != Some(Kind::Open) || !doc.is_punct(open - 1, ",") {
        return None;
    }
    if (from..open).any(|j| doc.has(j, vocab::CUE) && !doc.is_punct(j, ",")) {
        return None;
    }
    let q = doc.quote_at_open(open)?;
    // "“A,” she said, but then, “B,” said Lee.": the second quote has a cue of its own.
    if q.outer_end() > s.end
        || (q.outer_end()..s.end.min(q.outer_end() + 4)).any(|j| doc.has(j, vocab::CUE))
    {
        return None;
    }
    make_content(doc, open, q.outer_end()).map(|(_, span)| span)
}

/// The subject at the start of a clause (`from`), followed by a verb before `limit`:
/// "Mr. Obama revised his plans in October, saying …".
fn sentence_subject(doc: &Doc<'_>, from: usize, limit: usize) -> Option<(usize, usize)> {
    let mut a = from;
    // Skip a leading adverbial set off by a comma ("In October, …").
    if let Some(comma) = (from..limit.min(from + 6)).find(|&k| doc.is_punct(k, ",")) {
        let np_start = comma + 1;
        if np_start < limit && !doc.is_cap(from)
            || doc.is_any(
                from,
                &[
                    "in",
                    "on",
                    "at",
                    "after",
                    "before",
                    "during",
                    "earlier",
                    "later",
                    "meanwhile",
                    "still",
                    "yet",
                    "but",
                    "and",
                ],
            )
        {
            a = np_start;
        }
    }
    // A longer opening phrase, or several set off by commas ("Hours later, …", "Speaking
    // at a rally in Salem, Ohio, …", "At a town hall in Ames, Iowa, on Sunday, …"): the
    // subject follows one of its commas.
    let w = doc.lower(from);
    let opener = doc.is_in(from, &SUBJECT_OPENERS)
        || (doc.is_word(from)
            && (w.ends_with("ly") || w.ends_with("ing"))
            && !doc.is_cap(from + 1));
    if opener
        && let Some(found) = (a.max(from + 1)..limit.min(from + 25))
            .filter(|&k| doc.is_punct(k, ",") && !doc.quoted(k))
            .find_map(|k| subject_from(doc, k + 1, limit))
    {
        return Some(found);
    }
    subject_from(doc, a, limit)
}

/// Words that open a sentence with an adverbial phrase before its subject ("However, …",
/// "For months, …", "Hours later, …", "When asked, …").
static SUBJECT_OPENERS: WordList = WordList::new(&[
    "after",
    "again",
    "also",
    "although",
    "amid",
    "among",
    "and",
    "as",
    "at",
    "back",
    "because",
    "before",
    "but",
    "by",
    "days",
    "despite",
    "during",
    "earlier",
    "even",
    "first",
    "following",
    "for",
    "from",
    "here",
    "hours",
    "however",
    "if",
    "in",
    "indeed",
    "instead",
    "last",
    "later",
    "meanwhile",
    "minutes",
    "months",
    "moreover",
    "nevertheless",
    "now",
    "on",
    "once",
    "over",
    "since",
    "so",
    "still",
    "then",
    "there",
    "this",
    "though",
    "through",
    "throughout",
    "thus",
    "today",
    "under",
    "unlike",
    "weeks",
    "when",
    "while",
    "with",
    "within",
    "without",
    "years",
    "yesterday",
    "yet",
]);

/// The noun phrase at `a` when a verb follows it before `limit`.
fn subject_from(doc: &Doc<'_>, mut a: usize, limit: usize) -> Option<(usize, usize)> {
    while doc.is_any(a, &["but", "and", "so", "yet", "still"]) {
        a += 1;
    }
    let mut e = a;
    while e < limit && e - a < 8 {
        let ok = doc.is_cap(e)
            || doc.is_possessive(e)
            || (e == a && (doc.is_determiner(e) || doc.is_pronoun(e)))
            || (e > a && doc.is_punct(e, ".") && doc.is_cap(e - 1))
            || (e > a
                && !doc.is_cap(e)
                && doc.is_word(e)
                && (doc.has(e, vocab::ANONYMOUS_HEAD | vocab::TITLE | vocab::DOCUMENT)));
        if !ok || (e > a && doc.is_pronoun(e)) {
            break;
        }
        e += 1;
        if doc.is_pronoun(a) {
            break;
        }
    }
    let verb_follows = e > a
        && e < limit
        && doc.is_word(e)
        && !doc.is_cap(e)
        && !doc.is_determiner(e)
        && !doc.is_any(
            e,
            &[
                "of", "for", "at", "in", "on", "from", "with", "to", "and", "or", "who", "which",
                "that",
            ],
        );
    verb_follows.then_some((a, e))
}

/// Words before a participle in mid-clause that make it continue the clause's subject
/// ("by promising", "after telling").
static PARTICIPLE_LINKS: WordList = WordList::new(&["after", "before", "by", "while"]);

/// Prepositions that open a sentence before a participle ("After casting doubt …").
static FRONTED_LINKS: WordList = WordList::new(&[
    "After", "Before", "By", "Despite", "In", "Since", "Upon", "While",
]);

/// Whether the cue at `c` is a participle opening its sentence, alone or after a
/// preposition ("Noting the cost, …", "After casting doubt on it, …").
fn fronted_participle(doc: &Doc<'_>, s: &Sentence, c: usize) -> bool {
    let opens = c == s.first || (c == s.first + 1 && doc.is_in(s.first, &FRONTED_LINKS));
    opens && doc.is_word(c) && doc.s(c).ends_with("ing") && !doc.has(c, vocab::ANONYMITY_START)
}

/// Whether a cue of saying at `e` ends the sentence ("…, he said."): the clause before it
/// is its content.
fn closing_cue(doc: &Doc<'_>, e: usize, end: usize) -> bool {
    let v = doc.skip_adverbs_back_forward(e, end);
    v.is_some_and(|v| {
        matches!(doc.cue_class(v), Some(CueClass::Speech | CueClass::Tell))
            && (v + 1 >= end || doc.kind(v + 1) == Some(Kind::Punct))
    })
}

/// "Ann Lee (D-Ore.), noting …, said": the noun phrase that opens the clause at `from`
/// and ends right before the comma of a participle at `c`.
fn subject_before_aside(doc: &Doc<'_>, from: usize, c: usize) -> Option<(usize, usize)> {
    let mut a = from;
    while doc.is_any(a, &["but", "and", "so", "yet"]) {
        a += 1;
    }
    if c < a + 2 || !doc.is_punct(c - 1, ",") {
        return None;
    }
    let (first, end, _) = np_back(doc, c - 2, a)?;
    (first == a).then_some((first, end))
}

/// Auxiliaries and common irregular past tenses: words that end a subject.
static FINITE_VERBS: WordList = WordList::new(&[
    "are", "became", "began", "brought", "came", "can", "could", "did", "do", "does", "fought",
    "gave", "got", "had", "has", "have", "held", "is", "kept", "led", "left", "lost", "made",
    "may", "met", "might", "must", "paid", "put", "ran", "saw", "sent", "should", "sought",
    "spoke", "stood", "struck", "threw", "took", "was", "went", "were", "will", "won", "would",
    "wrote",
]);

/// The subject of the clause starting at `from`: [`sentence_subject`], unless the word it
/// takes for the verb does not look like one ("His campaign is", "The Lee campaign
/// responded"), then [`subject_before_verb`].
fn clause_subject(doc: &Doc<'_>, from: usize, limit: usize) -> Option<(usize, usize)> {
    let Some((a, e)) = sentence_subject(doc, from, limit) else {
        return subject_before_verb(doc, from, limit);
    };
    let w = doc.s(e);
    let verb_like = doc.is_in(e, &FINITE_VERBS)
        || w.ends_with("ed")
        || w.ends_with('s')
        || doc.cue_class(e).is_some()
        || doc.is_clause_word(e);
    if verb_like {
        return Some((a, e));
    }
    subject_before_verb(doc, from, limit)
        .filter(|&(a2, e2)| a2 == a && e2 > e)
        .or(Some((a, e)))
}

/// The subject of a clause starting at `from` whose first finite verb comes before `limit`,
/// for subjects [`sentence_subject`] does not read: a lowercase head ("Many of the
/// speakers have …"), an appositive ("Ann Lee, the mayor, tied …") or a coordination.
fn subject_before_verb(doc: &Doc<'_>, from: usize, limit: usize) -> Option<(usize, usize)> {
    let mut a = from;
    if let Some(comma) = (from..limit.min(from + 6)).find(|&k| doc.is_punct(k, ","))
        && !doc.is_cap(from)
    {
        a = comma + 1;
    }
    while doc.is_any(a, &["but", "and", "so", "yet", "still"]) {
        a += 1;
    }
    let v = (a + 1..limit.min(a + 30)).find(|&v| {
        doc.is_word(v)
            && !doc.is_cap(v)
            && !doc.quoted(v)
            && (doc.is_in(v, &FINITE_VERBS) || (doc.s(v).ends_with("ed") && !doc.is_clause_word(v)))
    })?;
    let (first, end, _) = np_back(doc, v - 1, a)?;
    (first == a && end > a).then_some((first, end))
}

/// Past a short parenthesis at `e` ("(D-Tex.)"), or `e` itself.
fn skip_parenthesis(doc: &Doc<'_>, e: usize, limit: usize) -> usize {
    if doc.is_punct(e, "(")
        && let Some(close) = (e + 1..limit.min(e + 8)).find(|&k| doc.is_punct(k, ")"))
    {
        return close + 1;
    }
    e
}

/// "X stood by Y and declared …": the subject of the first verb of the coordination.
fn conjoined_subject(doc: &Doc<'_>, and: usize, floor: usize) -> Option<(usize, usize)> {
    let mut k = and;
    let mut start = floor;
    while k > floor {
        k -= 1;
        if doc.kind(k) == Some(Kind::Punct) && doc.is_any(k, &[",", ";", ":"])
            || doc.is_in(k, &SUBORDINATORS)
        {
            start = k + 1;
            break;
        }
    }
    let a = start;
    let e = if doc.is_pronoun(a) {
        a + 1
    } else if doc.is_cap(a) {
        let mut e = a;
        while e < and
            && (doc.is_cap(e)
                || (doc.is_punct(e, ".")
                    && e > a
                    && doc.has(e - 1, vocab::ABBREVIATION | vocab::TITLE | vocab::HONORIFIC)))
        {
            e += 1;
        }
        skip_parenthesis(doc, e, and)
    } else if doc.is_determiner(a) {
        // "the ministry stood by …": a determiner and a known head noun.
        (a + 2..(a + 4).min(and))
            .find(|&e| {
                let head = doc.lower(e - 1);
                doc.lex.anonymous_heads.contains(head.as_ref())
                    || doc.lex.documents.contains(head.as_ref())
                    || doc.lex.titles.contains_key(head.as_ref())
            })
            .unwrap_or(a)
    } else {
        a
    };
    // The phrase must be followed by a verb: a lowercase word that is not a noun-phrase word.
    let verb_follows = e > a
        && e < and
        && doc.is_word(e)
        && !doc.is_cap(e)
        && !doc.is_determiner(e)
        && !doc.is_clause_word(e);
    verb_follows.then_some((a, e))
}

fn anonymity_reason(doc: &Doc<'_>, from: usize, end: usize) -> Option<Span> {
    (from..end).find_map(|i| Some(doc.span(i, anonymity_at(doc, i, end)?)))
}

/// The exclusive end of an anonymity phrase ("who asked not to be named") starting at
/// token `i`.
fn anonymity_at(doc: &Doc<'_>, i: usize, end: usize) -> Option<usize> {
    if !doc.has(i, vocab::ANONYMITY_START) {
        return None;
    }
    let p = doc.lex.anonymity.longest(end - i, |k| {
        Some(doc.s(i + k)).filter(|_| i + k < end && doc.is_word(i + k))
    })?;
    Some(i + p.words.len())
}

/// First words of a short adverbial that opens a sentence ("In 2015, …", "Since May, …").
static ADVERBIAL_OPENERS: WordList = WordList::new(&[
    "after",
    "at",
    "before",
    "by",
    "during",
    "for",
    "however",
    "in",
    "instead",
    "last",
    "meanwhile",
    "moreover",
    "on",
    "overall",
    "since",
    "still",
    "then",
    "this",
    "today",
    "under",
    "yet",
]);

/// Whether "according to" opens its sentence, after at most a conjunction or a short
/// adverbial set off by a comma ("In addition, according to the department, …").
fn according_to_leads(doc: &Doc<'_>, s: &Sentence, cue: Cue) -> bool {
    let bare = (s.first..cue.first)
        .all(|k| doc.is_any(k, &["but", "and", "yet", "also"]) || doc.kind(k) == Some(Kind::Open));
    bare || (cue.first > s.first + 1
        && cue.first <= s.first + 5
        && doc.is_punct(cue.first - 1, ",")
        && (doc.is_in(s.first, &ADVERBIAL_OPENERS)
            || (doc.s(s.first).ends_with("ly") && doc.s(s.first).len() > 4))
        && (s.first..cue.first - 1).all(|k| {
            (doc.is_word(k) || doc.kind(k) == Some(Kind::Number))
                && doc.cue_class(k).is_none()
                && !doc.is_pronoun(k)
        }))
}

fn according_to(doc: &Doc<'_>, si: usize, s: &Sentence, cue: Cue) -> Option<Found> {
    let (a, mut e) = np_forward(doc, cue.end, s.end, 10)?;
    // "according to one report": a document noun ends the phrase.
    if e < s.end && doc.has(e, vocab::DOCUMENT) && doc.cue_class(e).is_some() {
        e += 1;
    }
    // "according to calculations by Ann Lee of the institute"
    while e + 1 < s.end
        && e - a < 14
        && doc.is_any(e, &["by", "of", "from", "at"])
        && (doc.is_cap(e + 1) || doc.is_determiner(e + 1))
        && let Some((_, pe)) = np_forward(doc, e + 1, s.end, 6)
    {
        e = pe;
    }
    if !super::mentions::is_source(doc, a, e) {
        return None;
    }
    // "according to Acme, a research firm that …": an appositive of the source.
    if doc.is_punct(e, ",")
        && doc.is_any(e + 1, &["a", "an", "the"])
        && !according_to_leads(doc, s, cue)
    {
        let next = (e + 1..s.end)
            .find(|&k| {
                doc.is_punct(k, ",") || matches!(doc.kind(k), Some(Kind::Open | Kind::Close))
            })
            .unwrap_or(s.end);
        let mut end = next;
        while end > e + 1 && doc.kind(end - 1) == Some(Kind::Punct) {
            end -= 1;
        }
        if end > e + 2 {
            let (kind, content) = make_content(doc, s.first, cue.first)?;
            let mut f = new_found(kind, content, "according-to", si, s);
            f.cue = Some(doc.span(cue.first, cue.end));
            f.source = Some((a, end));
            return Some(f);
        }
    }
    let (kind, content) = if according_to_leads(doc, s, cue) {
        let k = if doc.is_punct(e, ",") { e + 1 } else { e };
        make_content(doc, k, s.end)?
    } else {
        let (kind, span) = make_content(doc, s.first, cue.first)?;
        // "In Iowa, Trump leads, according to a poll, although …": the claim runs on
        // around the parenthesis, unless a relative or participle clause follows.
        let tail = (doc.is_punct(e, ",")
            && !doc.is_any(e + 1, &["who", "which", "whose", "where", "when"])
            && !is_participle(doc, e + 1)
            && doc.kind(e + 1) != Some(Kind::Open))
        .then(|| make_content(doc, e + 1, s.end))
        .flatten();
        match tail {
            Some((tail_kind, tail)) => {
                let kind = if kind == ClaimKind::Indirect && tail_kind == ClaimKind::Indirect {
                    ClaimKind::Indirect
                } else {
                    ClaimKind::Mixed
                };
                (kind, span.cover(tail))
            }
            None => (kind, span),
        }
    };
    let mut f = new_found(kind, content, "according-to", si, s);
    f.cue = Some(doc.span(cue.first, cue.end));
    f.source = Some((a, e));
    f.channel = None;
    f.when = dates::parse_at(doc, e).map(|(_, w)| w);
    Some(f)
}

fn hedge(doc: &Doc<'_>, si: usize, s: &Sentence, cue: Cue, attach: HedgeAttach) -> Option<Found> {
    let (_, content) = match attach {
        HedgeAttach::After => {
            let k = if doc.is(cue.end, "that") {
                cue.end + 1
            } else {
                cue.end
            };
            make_content(doc, k, s.end)?
        }
        HedgeAttach::Subject => match expletive_it(doc, s, cue) {
            Some(k) => make_content(doc, k, s.end)?,
            None => make_content(
                doc,
                hedge_subject(doc, s, cue),
                content_end(doc, cue.end, s.end),
            )?,
        },
    };
    let mut f = new_found(
        ClaimKind::Unattributed,
        content,
        match attach {
            HedgeAttach::After => "hedge/after",
            HedgeAttach::Subject => "hedge/clause",
        },
        si,
        s,
    );
    // "seemed to", "is expected to": PolNeAR's cue stops before "to", which belongs to
    // the content.
    let cue_end =
        if attach == HedgeAttach::Subject && cue.end > cue.first + 1 && doc.is(cue.end - 1, "to") {
            cue.end - 1
        } else {
            cue.end
        };
    f.cue = Some(doc.span(cue.first, cue_end));
    Some(f)
}

/// Words that open an adverbial clause before a subject ("While no candidate seems …",
/// "Once the vote was held, the party appeared …").
static CLAUSE_OPENERS: WordList = WordList::new(&[
    "after", "although", "as", "because", "before", "despite", "if", "once", "though", "unless",
    "when", "where", "while", "with",
]);

/// The first token of the subject of a hedge verb, which starts the claim ("But in the past
/// week, the senator appeared to …" → "the senator … to …"): a relative pronoun right
/// before the cue ("delegates who are expected to …" → "who"), else the sentence start
/// without leading conjunctions, sentence adverbs ("Indeed, ") and an adverbial opener up
/// to its comma or, without a comma, its first word ("While no candidate seems …").
fn hedge_subject(doc: &Doc<'_>, s: &Sentence, cue: Cue) -> usize {
    if cue.first > s.first + 1 && doc.is_any(cue.first - 1, &["who", "which"]) {
        return cue.first - 1;
    }
    let mut k = s.first;
    while k + 1 < cue.first {
        let adverb = doc.is_in(k, &ADVERBIAL_OPENERS)
            || (doc.s(k).ends_with("ly") && doc.s(k).len() > 4)
            || doc.is(k, "indeed");
        if doc.is_any(k, &["but", "and", "yet", "so"]) {
            k += 1;
        } else if adverb && doc.is_punct(k + 1, ",") {
            k += 2;
        } else if adverb || doc.is_in(k, &CLAUSE_OPENERS) {
            // Up to the last comma before the cue, one straight before it aside. An opener
            // with a cue of its own ("when asked to leave, he refused") is left whole.
            match (k + 1..cue.first - 1).rev().find(|&j| doc.is_punct(j, ",")) {
                Some(c) if (k + 1..c).any(|j| doc.has(j, vocab::CUE)) => break,
                Some(c) => k = c + 1,
                None if doc.is_in(k, &CLAUSE_OPENERS) => k += 1,
                None => break,
            }
        } else {
            break;
        }
    }
    if k < cue.first { k } else { s.first }
}

/// "It seems that …", "it may appear, though, that …": with an empty "it" as subject, the
/// content is what follows the cue (its "to" kept, a "that" and an aside dropped). The
/// first token of that content.
fn expletive_it(doc: &Doc<'_>, s: &Sentence, cue: Cue) -> Option<usize> {
    // The cue may hold the "it" itself ("it appears").
    let mut j = if doc.is(cue.first, "it") {
        cue.first
    } else {
        cue.first.checked_sub(1)?
    };
    while j > s.first
        && doc.is_any(
            j,
            &["may", "might", "would", "could", "now", "also", "still"],
        )
    {
        j -= 1;
    }
    let clause_start = j == s.first
        || doc.is_punct(j - 1, ",")
        || doc.kind(j - 1) == Some(Kind::Open)
        || doc.is_any(j - 1, &["but", "and", "so", "yet"]);
    if !doc.is_any(j, &["it"]) || !clause_start {
        return None;
    }
    let mut k = if cue.end > cue.first + 1 && doc.is(cue.end - 1, "to") {
        cue.end - 1
    } else {
        cue.end
    };
    // "it appears, though, that …"
    if doc.is_punct(k, ",")
        && let Some(c) = (k + 1..(k + 4).min(s.end)).find(|&c| doc.is_punct(c, ","))
        && doc.is(c + 1, "that")
    {
        k = c + 1;
    }
    if doc.is(k, "that") {
        k += 1;
    }
    (k < s.end).then_some(k)
}

/// Words that open the question after "asked".
static QUESTION_OPENERS: WordList = WordList::new(&[
    "about", "whether", "if", "who", "what", "why", "how", "which", "when", "where",
]);

/// "… when asked whether …", "Asked about the plan, …", "was asked if …": a question put
/// to someone, unattributed as PolNeAR marks it; the content is the question.
fn asked(doc: &Doc<'_>, si: usize, s: &Sentence, cue: Cue) -> Option<Found> {
    let c = cue.first;
    if !doc.is_any(c, &["asked", "questioned"]) || !doc.is_in(cue.end, &QUESTION_OPENERS) {
        return None;
    }
    let opens = c == s.first || (c == s.first + 1 && doc.kind(s.first) == Some(Kind::Open));
    let after_conjunction = c > s.first && doc.is_any(c - 1, &["when", "after", "once", "if"]);
    let passive = c > s.first && doc.is_any(c - 1, &["was", "were", "being"]);
    if !(opens || after_conjunction || passive) {
        return None;
    }
    let from = cue.end;
    // A fronted question ends at its comma: "When asked why, he said …".
    let fronted = c <= s.first + 1 || (after_conjunction && c <= s.first + 2);
    let end = if fronted {
        (from..s.end)
            .find_map(|k| {
                if doc.is_punct(k, ",") && !doc.quoted(k) {
                    Some(k)
                } else {
                    comma_in_close(doc, k).then_some(k + 1)
                }
            })
            .unwrap_or(s.end)
    } else {
        content_end(doc, from, s.end)
    };
    let (_, content) = make_content_min(doc, from, end, 1)?;
    let mut f = new_found(ClaimKind::Unattributed, content, "question/asked", si, s);
    f.cue = Some(doc.span(c, cue.end));
    Some(f)
}

/// "Poll: Trump leads in Iowa", "Sanders on the primary: ‘We will win’": a headline (the
/// first paragraph) that gives its source before a colon.
fn headline_colon(doc: &Doc<'_>, si: usize, s: &Sentence) -> Option<Found> {
    let p = s.first;
    if doc.tokens[p].para != 0 || p > 0 {
        return None;
    }
    let limit = s.end.min(p + 14);
    let colon = (p..limit).find(|&k| doc.is_punct(k, ":"))?;
    let mut e = p;
    while e < colon && (doc.is_cap(e) || (e > p && doc.is_punct(e, "."))) {
        e += 1;
    }
    let topic = doc.is(e, "on") && (e + 1..colon).all(|k| !doc.is_punct(k, ","));
    if e == p || (e < colon && !topic) || e - p > 5 {
        return None;
    }
    let end = paragraph_end(doc, p);
    let (kind, content) = make_content(doc, colon + 1, end)?;
    if doc.text_of(colon + 1, end).split_whitespace().count() < 3 {
        return None;
    }
    let mut f = new_found(kind, content, "headline/colon", si, s);
    f.source = Some((p, e));
    f.cue = Some(doc.span(colon, colon + 1));
    Some(f)
}

/// "WALLACE: …" at a paragraph start: a transcript turn.
fn transcript(doc: &Doc<'_>, si: usize, s: &Sentence) -> Option<Found> {
    let p = s.first;
    if p > 0 && doc.tokens[p - 1].para == doc.tokens[p].para {
        return None;
    }
    let colon = (p..(p + 4).min(s.end)).find(|&k| doc.is_punct(k, ":"))?;
    if colon == p || !(p..colon).all(|k| doc.is_upper(k) && doc.s(k).chars().count() >= 2) {
        return None;
    }
    let end = paragraph_end(doc, p);
    let (kind, content) = make_content(doc, colon + 1, end)?;
    let kind = if kind == ClaimKind::Indirect {
        ClaimKind::Direct
    } else {
        kind
    };
    let mut f = new_found(kind, content, "transcript", si, s);
    f.source = Some((p, colon));
    f.cue = Some(doc.span(colon, colon + 1));
    Some(f)
}

/// A quoted sentence or paragraph with no cue of its own, right after an attributed claim
/// in the same or the previous paragraph: the same speaker goes on.
fn continuation(doc: &Doc<'_>, si: usize, s: &Sentence, found: &[Found]) -> Option<Found> {
    let (kind, content) = make_content(doc, s.first, s.end)?;
    if kind != ClaimKind::Direct {
        return None;
    }
    // The attribution of the quote before, not a participle clause or a relative clause
    // after it ("…,” Lee said, recalling the vote. “…”; "…,” said Lee, who backs Ruiz. “…”).
    let (prev_index, prev) = found.iter().enumerate().rev().find(|(_, f)| {
        f.source.is_some()
            && f.rule != "reported-speech/participle"
            && !(f.referent.is_some() && f.kind == ClaimKind::Indirect)
    })?;
    let near = si - prev.sentence <= 2 && s.para - prev.para <= 1;
    if !near {
        return None;
    }
    let mut f = new_found(ClaimKind::Direct, content, "direct/continuation", si, s);
    f.cue = prev.cue;
    f.source = prev.source;
    f.referent = prev.referent;
    f.channel.clone_from(&prev.channel);
    f.continues = Some(prev_index);
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each expected claim is (rule, source, cue, content).
    #[track_caller]
    fn case(text: &str, expected: &[(&str, &str, &str, &str)]) {
        let doc = Doc::new(text, 0);
        let got: Vec<(&str, &str, &str, &str)> = attribute(&doc)
            .iter()
            .map(|f| {
                (
                    f.rule,
                    f.source.map_or("", |(a, b)| doc.text_of(a, b)),
                    f.cue.map_or("", |c| c.slice(text)),
                    f.content.slice(text),
                )
            })
            .collect();
        assert_eq!(got, expected, "{text}");
    }

    #[test]
    fn a_participle_finds_the_subject_after_an_opening_phrase() {
        case(
            "Hours later, Okafor went after Lee, calling him a poor leader.",
            &[(
                "reported-speech/participle",
                "Okafor",
                "calling",
                "him a poor leader",
            )],
        );
        case(
            "Speaking at a rally in Salem, Ohio, Okafor went after Lee, calling him a poor leader.",
            &[(
                "reported-speech/participle",
                "Okafor",
                "calling",
                "him a poor leader",
            )],
        );
    }

    #[test]
    fn a_participle_after_with_and_a_noun_attributes_to_the_noun() {
        case(
            "The debate turned sharp, with Okafor calling Lee a fraud.",
            &[(
                "reported-speech/reduced-relative",
                "Okafor",
                "calling",
                "Lee a fraud",
            )],
        );
    }

    #[test]
    fn a_listed_particle_joins_the_cue() {
        case(
            "Okafor hinted at a bigger budget for the port.",
            &[(
                "reported-speech/source-cue",
                "Okafor",
                "hinted at",
                "a bigger budget for the port",
            )],
        );
        case(
            "The mayor weighed in on the transit strike.",
            &[(
                "reported-speech/source-cue",
                "The mayor",
                "weighed in on",
                "the transit strike",
            )],
        );
    }

    #[test]
    fn relative_pronoun_before_the_subject_of_a_cue() {
        case(
            "It was a plan which critics said was unfair.",
            &[(
                "reported-speech/source-cue",
                "critics",
                "said",
                "which critics said was unfair",
            )],
        );
        case(
            "Ortiz reached a deal that aides say will hold.",
            &[(
                "reported-speech/source-cue",
                "aides",
                "say",
                "that aides say will hold",
            )],
        );
    }

    #[test]
    fn relative_clause_before_the_main_cue() {
        case(
            "Ruiz, who said the pier was unsafe, said the ferry would stop.",
            &[
                (
                    "reported-speech/source-cue",
                    "who",
                    "said",
                    "the pier was unsafe",
                ),
                (
                    "reported-speech/source-cue",
                    "Ruiz",
                    "said",
                    "the ferry would stop",
                ),
            ],
        );
        // The antecedent before "who" is not the relative clause's content: that ends at
        // the comma closing the clause.
        case(
            "Ruiz, who backs the pier, voted.",
            &[("reported-speech/source-cue", "who", "backs", "the pier")],
        );
    }

    #[test]
    fn relative_clause_after_a_comma_inside_content() {
        case(
            "Voters thanked the mayor, who said the pier was unsafe, for acting.",
            &[
                (
                    "reported-speech/source-cue",
                    "Voters",
                    "thanked",
                    "the mayor, who said the pier was unsafe, for acting",
                ),
                (
                    "reported-speech/source-cue",
                    "who",
                    "said",
                    "the pier was unsafe, for acting",
                ),
            ],
        );
        // Without the comma the clause restricts the noun and stays in the content.
        case(
            "Voters thanked the people who said the pier was unsafe.",
            &[(
                "reported-speech/source-cue",
                "Voters",
                "thanked",
                "the people who said the pier was unsafe",
            )],
        );
    }

    #[test]
    fn conjoined_attribution_with_its_own_subject() {
        // With a comma before "and", or none before "but".
        for text in [
            "Ruiz said the pier was unsafe, and Okafor said the ferry would stop.",
            "Ruiz said the pier was unsafe but Okafor said the ferry would stop.",
        ] {
            case(
                text,
                &[
                    (
                        "reported-speech/source-cue",
                        "Ruiz",
                        "said",
                        "the pier was unsafe",
                    ),
                    (
                        "reported-speech/source-cue",
                        "Okafor",
                        "said",
                        "the ferry would stop",
                    ),
                ],
            );
        }
        // Without a cue of its own the conjoined clause stays in the content.
        case(
            "Ruiz said the pier was unsafe, and the ferry would stop.",
            &[(
                "reported-speech/source-cue",
                "Ruiz",
                "said",
                "the pier was unsafe, and the ferry would stop",
            )],
        );
    }

    #[test]
    fn infinitive_content_of_intention_verbs() {
        case(
            "The mayor declined to comment on the audit.",
            &[(
                "reported-speech/source-cue",
                "The mayor",
                "declined to comment on",
                "the audit",
            )],
        );
        case(
            "Ortiz wants to rebuild the pier before summer.",
            &[(
                "reported-speech/source-cue",
                "Ortiz",
                "wants",
                "to rebuild the pier before summer",
            )],
        );
        case(
            "The mayor is confident that rents will fall.",
            &[(
                "reported-speech/source-cue",
                "The mayor",
                "is confident",
                "rents will fall",
            )],
        );
        case(
            "Two unions have been critical of the plan.",
            &[(
                "reported-speech/source-cue",
                "Two unions",
                "have been critical of",
                "the plan",
            )],
        );
        case(
            "The mayor is eager to sell the pier.",
            &[(
                "reported-speech/source-cue",
                "The mayor",
                "is eager",
                "to sell the pier",
            )],
        );
        // A noun phrase after "to" is not an intention.
        case("The union agreed to the new rota.", &[]);
        // A verb that does not take an infinitive content.
        case("The coach said to wait.", &[]);
    }

    #[test]
    fn passives_without_agent() {
        case(
            "The mayor was asked to name one new park.",
            &[("passive", "", "was asked", "to name one new park")],
        );
        // The content of a passive: what follows a verb whose subject is the listener or
        // an empty "it", the subject alone when nothing follows the verb.
        case(
            "It was said in March that rents fell.",
            &[("passive", "", "was said", "rents fell")],
        );
        case(
            "The board was warned about the new rules.",
            &[("passive", "", "was warned about", "the new rules")],
        );
        case(
            "The audit was announced, and rents rose.",
            &[("passive", "", "was announced", "The audit")],
        );
        case(
            "Rents rose after the audit was announced last week.",
            &[(
                "passive",
                "",
                "was announced",
                "the audit was announced last week",
            )],
        );
        case(
            "Ann Lee, who was named to the board, said rents fell.",
            &[
                ("passive", "", "was named", "who was named to the board"),
                (
                    "reported-speech/source-cue",
                    "Ann Lee, who was named to the board,",
                    "said",
                    "rents fell",
                ),
            ],
        );
        // An agent is a source, and a state is no statement.
        case("The plan was criticized by the union.", &[]);
        case("The pier was intended to last.", &[]);
    }

    #[test]
    fn denials_of_speech() {
        case(
            "The mayor did not mention the audit.",
            &[(
                "reported-speech/source-cue",
                "The mayor",
                "did not mention",
                "the audit",
            )],
        );
        case(
            "The council never said that rents would fall.",
            &[(
                "reported-speech/source-cue",
                "The council",
                "never said",
                "rents would fall",
            )],
        );
        // A negated thought is no claim.
        case("The mayor didn't know the answer.", &[]);
    }

    #[test]
    fn quantities_as_sources() {
        case(
            "Most said the park should stay open.",
            &[(
                "reported-speech/source-cue",
                "Most",
                "said",
                "the park should stay open",
            )],
        );
        case(
            "Nine out of 10 say they need new skills.",
            &[(
                "reported-speech/source-cue",
                "Nine out of 10",
                "say",
                "they need new skills",
            )],
        );
        case(
            "Rents rose, and six in 10 believe they will rise again.",
            &[(
                "reported-speech/source-cue",
                "six in 10",
                "believe",
                "they will rise again",
            )],
        );
        // A quantifier after another phrase does not stand for people on its own.
        case("Lee and Ann both stressed that rents fell.", &[]);
        case("It was the clause the unions most opposed.", &[]);
    }

    #[test]
    fn according_to_forms() {
        case(
            "The guard was asleep, the clerk said, according to the inquiry.",
            &[(
                "according-to",
                "the inquiry",
                "according to",
                "The guard was asleep, the clerk said",
            )],
        );
        case(
            "In Ohio, the senator leads, according to a new survey, although the race is close.",
            &[(
                "according-to",
                "a new survey",
                "according to",
                "In Ohio, the senator leads, according to a new survey, although the race is close",
            )],
        );
        case(
            "In addition, according to the agency, nine towns lost power.",
            &[(
                "according-to",
                "the agency",
                "according to",
                "nine towns lost power",
            )],
        );
        case(
            "Rents rose, according to one report.",
            &[("according-to", "one report", "according to", "Rents rose")],
        );
        case(
            "Rents rose, according to figures from the City Council.",
            &[(
                "according-to",
                "figures from the City Council",
                "according to",
                "Rents rose",
            )],
        );
        case(
            "Rents rose, according to Acme, a research firm that tracks prices.",
            &[(
                "according-to",
                "Acme, a research firm that tracks prices",
                "according to",
                "Rents rose",
            )],
        );
        case(
            "Rain fell all week, according to the bureau, which keeps the records.",
            &[(
                "according-to",
                "the bureau",
                "according to",
                "Rain fell all week",
            )],
        );
    }

    #[test]
    fn adverbials_between_cue_and_that() {
        case(
            "The mayor said in Dover, Ohio on Monday that the bridge would close.",
            &[(
                "reported-speech/source-cue",
                "The mayor",
                "said",
                "the bridge would close",
            )],
        );
        case(
            "The coach said at the time that the team was tired.",
            &[(
                "reported-speech/source-cue",
                "The coach",
                "said",
                "the team was tired",
            )],
        );
        case(
            "The coach said through a spokesman that the team was tired.",
            &[(
                "reported-speech/source-cue",
                "The coach",
                "said",
                "the team was tired",
            )],
        );
        // A "that" after a determiner or a comma does not open the content.
        case(
            "The coach said in the end, that was enough.",
            &[(
                "reported-speech/source-cue",
                "The coach",
                "said",
                "in the end, that was enough",
            )],
        );
    }

    #[test]
    fn a_party_label_after_the_cue_belongs_to_the_source() {
        case(
            "“The bill is dead,” said Sen. Ann Lee (D-Ore.).",
            &[(
                "reported-speech/inverted",
                "Sen. Ann Lee (D-Ore.)",
                "said",
                "The bill is dead",
            )],
        );
        // Other asides in parentheses are not labels.
        case(
            "“The bill is dead,” said Ann Lee (Oregon).",
            &[(
                "reported-speech/inverted",
                "Ann Lee",
                "said",
                "The bill is dead",
            )],
        );
    }

    #[test]
    fn dotted_abbreviations_stay_inside_the_source() {
        case(
            "“Prices will rise,” said J.R. Haldane of the bank.",
            &[(
                "reported-speech/inverted",
                "J.R. Haldane of the bank",
                "said",
                "Prices will rise",
            )],
        );
        case(
            "A former U.N. envoy said the talks had failed.",
            &[(
                "reported-speech/source-cue",
                "A former U.N. envoy",
                "said",
                "the talks had failed",
            )],
        );
    }

    #[test]
    fn a_slash_joins_the_names_of_joint_pollsters() {
        case(
            "A new CBS/Harris poll found that support had dropped.",
            &[(
                "reported-speech/source-cue",
                "A new CBS/Harris poll",
                "found",
                "support had dropped",
            )],
        );
    }

    #[test]
    fn a_subject_pronoun_is_the_whole_source() {
        case(
            "It was a point he conceded that the plan was late.",
            &[(
                "reported-speech/source-cue",
                "he",
                "conceded",
                "the plan was late",
            )],
        );
        case(
            "Most of them said the plan was late.",
            &[(
                "reported-speech/source-cue",
                "Most of them",
                "said",
                "the plan was late",
            )],
        );
    }

    #[test]
    fn appositive_sources_keep_their_closing_comma() {
        case(
            "Ann Lee, a city planner, said the road was unsafe.",
            &[(
                "reported-speech/source-cue",
                "Ann Lee, a city planner,",
                "said",
                "the road was unsafe",
            )],
        );
        // An opening adverbial is not part of the source.
        case(
            "In a letter, Ann Lee, a city planner, said the road was unsafe.",
            &[(
                "reported-speech/source-cue",
                "Ann Lee, a city planner,",
                "said",
                "the road was unsafe",
            )],
        );
        case(
            "Still, the mayor said the road was unsafe.",
            &[(
                "reported-speech/source-cue",
                "the mayor",
                "said",
                "the road was unsafe",
            )],
        );
        // No inner comma, no appositive: the comma before an aside stays out.
        case(
            "The mayor said the road was unsafe.",
            &[(
                "reported-speech/source-cue",
                "The mayor",
                "said",
                "the road was unsafe",
            )],
        );
        // After the cue the comma ends the sentence part, not an appositive.
        case(
            "The road was unsafe, said Ann Lee, a city planner, and she left.",
            &[(
                "reported-speech/inverted",
                "Ann Lee, a city planner",
                "said",
                "The road was unsafe",
            )],
        );
    }

    #[test]
    fn content_boundaries_between_attributions() {
        case(
            "When the board asked about the budget, the treasurer said the money was gone.",
            &[
                (
                    "reported-speech/source-cue",
                    "the board",
                    "asked about",
                    "the budget",
                ),
                (
                    "reported-speech/source-cue",
                    "the treasurer",
                    "said",
                    "the money was gone",
                ),
            ],
        );
        case(
            "Ana Ruiz said the club is independent and supports both teams.",
            &[(
                "reported-speech/source-cue",
                "Ana Ruiz",
                "said",
                "the club is independent and supports both teams",
            )],
        );
        case(
            "Ana Ruiz said the club is independent and added that it has no debts.",
            &[
                (
                    "reported-speech/source-cue",
                    "Ana Ruiz",
                    "said",
                    "the club is independent",
                ),
                (
                    "reported-speech/conjoined-subject",
                    "Ana Ruiz",
                    "added",
                    "it has no debts",
                ),
            ],
        );
        case(
            "Ana Ruiz said the club is independent but conceded that it has debts.",
            &[
                (
                    "reported-speech/source-cue",
                    "Ana Ruiz",
                    "said",
                    "the club is independent",
                ),
                (
                    "reported-speech/conjoined-subject",
                    "Ana Ruiz",
                    "conceded",
                    "it has debts",
                ),
            ],
        );
        // A clause put before the main one ends at its comma.
        case(
            "While critics called the plan a failure, the council approved it.",
            &[(
                "reported-speech/source-cue",
                "critics",
                "called",
                "the plan a failure",
            )],
        );
        case(
            "The plan passed, but when critics called it a failure, the council wavered.",
            &[(
                "reported-speech/source-cue",
                "critics",
                "called",
                "it a failure",
            )],
        );
        case(
            "Critics said the plan, which cost millions, was a failure.",
            &[(
                "reported-speech/source-cue",
                "Critics",
                "said",
                "the plan, which cost millions, was a failure",
            )],
        );
        // A comma inside the closing quotation mark ends the clause before a participle.
        case(
            "Ana Ruiz called the plan a “bad joke,” adding that the club would fight it.",
            &[
                (
                    "reported-speech/source-cue",
                    "Ana Ruiz",
                    "called",
                    "the plan a “bad joke,”",
                ),
                (
                    "reported-speech/participle",
                    "Ana Ruiz",
                    "adding",
                    "the club would fight it",
                ),
            ],
        );
        case(
            "He sold the farm in May, but said the price was too low.",
            &[(
                "reported-speech/conjoined-subject",
                "He",
                "said",
                "the price was too low",
            )],
        );
    }

    #[test]
    fn participle_clauses_take_the_clause_subject() {
        case(
            "The mayor won the vote by promising that rents would fall.",
            &[(
                "reported-speech/participle",
                "The mayor",
                "promising",
                "rents would fall",
            )],
        );
        case(
            "Ann Lee, head of the tenants group, walked out, saying rents were too high.",
            &[(
                "reported-speech/participle",
                "Ann Lee, head of the tenants group,",
                "saying",
                "rents were too high",
            )],
        );
        case(
            "Many of the tenants have stayed away, arguing that the rules are unfair.",
            &[(
                "reported-speech/participle",
                "Many of the tenants",
                "arguing",
                "the rules are unfair",
            )],
        );
    }

    #[test]
    fn fronted_participle_clauses_take_the_main_subject() {
        case(
            "Noting the rise in rents, the mayor walked out.",
            &[(
                "reported-speech/fronted-participle",
                "the mayor",
                "Noting",
                "the rise in rents",
            )],
        );
        // The clause before a closing "he said" is its content.
        case(
            "Noting the rise in rents is easy, he said.",
            &[(
                "reported-speech/after-clause",
                "he",
                "said",
                "Noting the rise in rents is easy",
            )],
        );
    }

    #[test]
    fn intention_participles_keep_their_infinitive() {
        case(
            "The mayor toured the district, vowing to cut rents by half.",
            &[(
                "reported-speech/participle",
                "The mayor",
                "vowing",
                "to cut rents by half",
            )],
        );
        case(
            "The mayor won by promising to cut rents in half.",
            &[(
                "reported-speech/participle",
                "The mayor",
                "promising",
                "to cut rents in half",
            )],
        );
    }

    #[test]
    fn relative_clause_after_an_inverted_source() {
        case(
            "“Rents are too high,” said Ann Lee, who added that the council must act. “We wait.”",
            &[
                (
                    "reported-speech/inverted",
                    "Ann Lee",
                    "said",
                    "Rents are too high",
                ),
                (
                    "reported-speech/source-cue",
                    "who",
                    "added",
                    "the council must act",
                ),
                ("direct/continuation", "Ann Lee", "said", "We wait"),
            ],
        );
    }

    #[test]
    fn sources_keep_quantity_adverbs_and_lists() {
        case(
            "About half of tenants said the rent was too high.",
            &[(
                "reported-speech/source-cue",
                "About half of tenants",
                "said",
                "the rent was too high",
            )],
        );
        case(
            "Tenants, landlords and city officials said the rules were unclear.",
            &[(
                "reported-speech/source-cue",
                "Tenants, landlords and city officials",
                "said",
                "the rules were unclear",
            )],
        );
    }

    #[test]
    fn a_document_keeps_its_author() {
        case(
            "A survey conducted by the tenants union found that rents rose.",
            &[(
                "reported-speech/source-cue",
                "A survey conducted by the tenants union",
                "found",
                "rents rose",
            )],
        );
    }

    #[test]
    fn a_participle_subject_keeps_its_head_noun() {
        case(
            "The Lee campaign struck back, saying the poll was wrong.",
            &[(
                "reported-speech/participle",
                "The Lee campaign",
                "saying",
                "the poll was wrong",
            )],
        );
    }

    #[test]
    fn a_conjoined_cue_finds_a_subject_with_an_appositive() {
        case(
            "Ann Lee, the mayor, walked out and said the vote was rigged.",
            &[(
                "reported-speech/conjoined-subject",
                "Ann Lee, the mayor,",
                "said",
                "the vote was rigged",
            )],
        );
    }

    #[test]
    fn an_inverted_source_keeps_its_relative_clause() {
        case(
            "“Rents will rise,” said a city official who requested anonymity.",
            &[(
                "reported-speech/inverted",
                "a city official who requested anonymity",
                "said",
                "Rents will rise",
            )],
        );
    }

    #[test]
    fn questions_headlines_and_channels() {
        case(
            "“We will see,” the coach said when asked whether he would stay.",
            &[
                ("direct/after-quote", "the coach", "said", "We will see"),
                ("question/asked", "", "asked", "whether he would stay"),
            ],
        );
        case(
            "Asked about the delay, the builder shrugged.",
            &[("question/asked", "", "Asked", "about the delay")],
        );
        case(
            "Survey: Most tenants expect higher rents\n\nThe survey was small.",
            &[(
                "headline/colon",
                "Survey",
                ":",
                "Most tenants expect higher rents",
            )],
        );
        // Only the headline: a colon later in the text introduces no claim by itself.
        case("The plan\n\nPhase one: the bridge opens.", &[]);
        case(
            "The mayor said in a statement that the pool would reopen.",
            &[(
                "reported-speech/source-cue",
                "The mayor",
                "said in a statement",
                "the pool would reopen",
            )],
        );
        case(
            "The mayor said Monday in a statement that the pool would reopen.",
            &[(
                "reported-speech/source-cue",
                "The mayor",
                "said Monday in a statement",
                "the pool would reopen",
            )],
        );
    }

    #[test]
    fn asides_and_quote_continuations() {
        case(
            "Murphy, though, said the vote was fair.",
            &[(
                "reported-speech/source-cue",
                "Murphy",
                "said",
                "the vote was fair",
            )],
        );
        case(
            "“It was close,” Lee, after a long pause, said.",
            &[("direct/after-quote", "Lee", "said", "It was close")],
        );
        case(
            "“We are tired,” said an aide to the governor, who requested anonymity.",
            &[(
                "reported-speech/inverted",
                "an aide to the governor, who requested anonymity",
                "said",
                "We are tired",
            )],
        );
        case(
            "“We lost,” Kim said, recalling the count. “Badly.”",
            &[
                ("direct/after-quote", "Kim", "said", "We lost"),
                (
                    "reported-speech/participle",
                    "Kim",
                    "recalling",
                    "the count",
                ),
                ("direct/continuation", "Kim", "said", "Badly"),
            ],
        );
        // The second half of a split quotation follows a comma or the cue; a quoted title
        // after a listener or a source is not one.
        case(
            "“We lost,” she said “and we know it.”",
            &[
                ("direct/after-quote", "she", "said", "We lost"),
                ("direct/split-quote", "she", "said", "and we know it"),
            ],
        );
        case(
            "“We lost,” Kim told the program “Morning Talk.” “Badly.”",
            &[
                ("direct/after-quote", "Kim", "told", "We lost"),
                ("direct/continuation", "Kim", "told", "Badly"),
            ],
        );
        case(
            "“We lost,” Kim told “Morning Talk” on Monday.",
            &[("direct/after-quote", "Kim", "told", "We lost")],
        );
        case(
            "“We lost,” she told the paper in May, “and we know it.”",
            &[
                ("direct/after-quote", "she", "told", "We lost"),
                ("direct/split-quote", "she", "told", "and we know it"),
            ],
        );
        case(
            "“We lost,” said Kim, speaking of the vote, “and we know it.”",
            &[
                ("reported-speech/inverted", "Kim", "said", "We lost"),
                ("direct/split-quote", "Kim", "said", "and we know it"),
            ],
        );
        case(
            "“We lost,” she said, but then, “we won,” said Lee.",
            &[
                ("direct/after-quote", "she", "said", "We lost"),
                ("reported-speech/inverted", "Lee", "said", "we won"),
            ],
        );
        case(
            "“We lost,” said Kim, a host of the show “Morning Talk.”",
            &[(
                "reported-speech/inverted",
                "Kim, a host of the show",
                "said",
                "We lost",
            )],
        );
        // A quotation after a short adverbial is the claim on its own.
        case(
            "Lee said in Salem, “We will win.”",
            &[("direct/source-cue", "Lee", "said", "We will win")],
        );
        case(
            "Lee said that in Salem, “we will win.”",
            &[(
                "reported-speech/source-cue",
                "Lee",
                "said",
                "in Salem, “we will win.”",
            )],
        );
        // An unquoted aside after a quotation's cue is not part of the quotation, unlike
        // the rest of an unquoted claim around its cue.
        case(
            "“We lost,” Kim said, in a quiet voice.",
            &[("direct/after-quote", "Kim", "said", "We lost")],
        );
        case(
            "The vote, Kim said, was lost.",
            &[(
                "reported-speech/parenthetical",
                "Kim",
                "said",
                "The vote, Kim said, was lost",
            )],
        );
        // A fronted question ends at a comma inside its closing quotation mark.
        case(
            "Asked whether the plan was “fair,” most voters said yes.",
            &[
                (
                    "question/asked",
                    "",
                    "Asked",
                    "whether the plan was “fair,”",
                ),
                ("reported-speech/source-cue", "most voters", "said", "yes"),
            ],
        );
    }

    #[test]
    fn manner_adverbs_and_weekdays_after_the_verb_join_the_cue() {
        case(
            "The mayor said repeatedly that the budget was balanced.",
            &[(
                "reported-speech/source-cue",
                "The mayor",
                "said repeatedly",
                "the budget was balanced",
            )],
        );
        case(
            "The mayor wrote Friday on his blog that the budget was balanced.",
            &[(
                "reported-speech/source-cue",
                "The mayor",
                "wrote Friday",
                "the budget was balanced",
            )],
        );
        // Before "that" the date stays out, as do words in "-ly" that are no manner.
        case(
            "The mayor said Friday that the budget was balanced.",
            &[(
                "reported-speech/source-cue",
                "The mayor",
                "said",
                "the budget was balanced",
            )],
        );
        case(
            "The mayor said early that the budget was balanced.",
            &[(
                "reported-speech/source-cue",
                "The mayor",
                "said",
                "the budget was balanced",
            )],
        );
    }

    #[test]
    fn a_catenative_verb_joins_the_cue_verb_after_it() {
        case(
            "The governor went on to say the budget was balanced.",
            &[(
                "reported-speech/source-cue",
                "The governor",
                "went on to say",
                "the budget was balanced",
            )],
        );
        case(
            "The governor refused to say whether the budget was balanced.",
            &[(
                "reported-speech/source-cue",
                "The governor",
                "refused to say",
                "whether the budget was balanced",
            )],
        );
    }

    #[test]
    fn an_aside_about_the_circumstances_is_no_part_of_the_source() {
        case(
            "Clinton, speaking in Ohio, said the plan would fail.",
            &[(
                "reported-speech/source-cue",
                "Clinton",
                "said",
                "the plan would fail",
            )],
        );
        case(
            "Ann Lee, a doctor, in a brief interview, said the plan would fail.",
            &[(
                "reported-speech/source-cue",
                "Ann Lee, a doctor,",
                "said",
                "the plan would fail",
            )],
        );
        // Other asides stay: "including", names and titles.
        case(
            "Several groups, including the union, said the plan would fail.",
            &[(
                "reported-speech/source-cue",
                "Several groups, including the union,",
                "said",
                "the plan would fail",
            )],
        );
    }

    #[test]
    fn time_phrases_and_channels_next_to_the_source_stay_out_of_it() {
        case(
            "A judge last month ordered the state to release the records.",
            &[(
                "reported-speech/source-cue",
                "A judge",
                "ordered",
                "the state to release the records",
            )],
        );
        case(
            "Sanders on Tuesday night warned that the party would split.",
            &[(
                "reported-speech/source-cue",
                "Sanders",
                "warned",
                "the party would split",
            )],
        );
        case(
            "The cabinet will be reshuffled, a source close to the minister, who asked not to be named, said.",
            &[(
                "reported-speech/after-clause",
                "a source close to the minister, who asked not to be named,",
                "said",
                "The cabinet will be reshuffled",
            )],
        );
        case(
            "Rebels have seized the town, residents said by telephone.",
            &[(
                "reported-speech/after-clause",
                "residents",
                "said",
                "Rebels have seized the town",
            )],
        );
        case(
            "The town has fallen, a resident said over the phone.",
            &[(
                "reported-speech/after-clause",
                "a resident",
                "said",
                "The town has fallen",
            )],
        );
        case(
            "The town has fallen, a resident told AFP by phone.",
            &[(
                "reported-speech/after-clause",
                "a resident",
                "told",
                "The town has fallen",
            )],
        );
        case(
            "The plan would fail, said Ann Lee on Monday.",
            &[(
                "reported-speech/inverted",
                "Ann Lee",
                "said",
                "The plan would fail",
            )],
        );
        case(
            "“The plan would fail,” said a city official last week.",
            &[(
                "reported-speech/inverted",
                "a city official",
                "said",
                "The plan would fail",
            )],
        );
        case(
            "The plan would fail, said Speaker Ann Lee in a statement.",
            &[(
                "reported-speech/inverted",
                "Speaker Ann Lee",
                "said",
                "The plan would fail",
            )],
        );
    }

    #[test]
    fn a_name_ending_in_an_abbreviation_is_a_source() {
        case(
            "Robert Casey Jr. said the plan would fail.",
            &[(
                "reported-speech/source-cue",
                "Robert Casey Jr.",
                "said",
                "the plan would fail",
            )],
        );
        case(
            "“The plan will fail,” said Sen. Ann Lee Jr.",
            &[(
                "reported-speech/inverted",
                "Sen. Ann Lee Jr.",
                "said",
                "The plan will fail",
            )],
        );
    }

    #[test]
    fn a_stance_noun_after_a_verb_of_expressing_joins_the_cue() {
        case(
            "The mayor expressed concern about the budget.",
            &[(
                "reported-speech/source-cue",
                "The mayor",
                "expressed concern about",
                "the budget",
            )],
        );
        // With nothing after it, the noun is the content.
        case(
            "The mayor expressed concern.",
            &[(
                "reported-speech/source-cue",
                "The mayor",
                "expressed",
                "concern",
            )],
        );
    }

    #[test]
    fn the_issuer_of_a_statement_saying_something_is_the_source() {
        case(
            "The campaign issued a statement saying the plan would fail.",
            &[(
                "reported-speech/source-cue",
                "The campaign",
                "issued a statement saying",
                "the plan would fail",
            )],
        );
        case(
            "His office put out a statement saying the plan would fail.",
            &[(
                "reported-speech/source-cue",
                "His office",
                "put out a statement saying",
                "the plan would fail",
            )],
        );
    }

    #[test]
    fn a_modal_before_seem_belongs_to_the_hedge() {
        case(
            "The plan may seem odd to voters.",
            &[(
                "hedge/clause",
                "",
                "may seem",
                "The plan may seem odd to voters",
            )],
        );
    }

    #[test]
    fn listeners_and_hedge_cues() {
        case(
            "The general told reporters the troops were ready.",
            &[(
                "reported-speech/source-cue",
                "The general",
                "told",
                "the troops were ready",
            )],
        );
        case(
            "The general told Reuters it would take a week.",
            &[(
                "reported-speech/source-cue",
                "The general",
                "told",
                "it would take a week",
            )],
        );
        case(
            "„We go,“ the minister said. «We stay,» the general said.",
            &[
                ("direct/after-quote", "the minister", "said", "We go"),
                ("direct/after-quote", "the general", "said", "We stay"),
            ],
        );
        case(
            "The mayor seemed tired of the debate.",
            &[(
                "hedge/clause",
                "",
                "seemed",
                "The mayor seemed tired of the debate",
            )],
        );
        case(
            "The deal seemed to collapse overnight.",
            &[(
                "hedge/clause",
                "",
                "seemed",
                "The deal seemed to collapse overnight",
            )],
        );
        // The claim starts at the hedge verb's subject, not at a conjunction or an
        // adverbial opener before it.
        case(
            "But in the past week, the senator appeared to waver.",
            &[(
                "hedge/clause",
                "",
                "appeared",
                "the senator appeared to waver",
            )],
        );
        case(
            "While no candidate seems ready to quit, the race is long.",
            &[(
                "hedge/clause",
                "",
                "seems",
                "no candidate seems ready to quit",
            )],
        );
        case(
            "On the list are two delegates who are expected to back the plan.",
            &[(
                "hedge/clause",
                "",
                "are expected",
                "who are expected to back the plan",
            )],
        );
        // A comment clause of the reporter's own ends the claim.
        case(
            "The senator appeared to waver on the bill, which surprised his aides.",
            &[(
                "hedge/clause",
                "",
                "appeared",
                "The senator appeared to waver on the bill",
            )],
        );
        // An empty "it" is no part of the content.
        case(
            "It seems that the deal collapsed overnight.",
            &[("hedge/clause", "", "seems", "the deal collapsed overnight")],
        );
        case(
            "By Monday, it appeared, though, that the deal was dead.",
            &[("hedge/clause", "", "it appeared", "the deal was dead")],
        );
    }

    #[test]
    fn a_relative_pronoun_before_the_attribution_opens_the_content() {
        case(
            "Crews began the new wall, which the mayor said the city would pay for.",
            &[(
                "reported-speech/source-cue",
                "the mayor",
                "said",
                "which the mayor said the city would pay for",
            )],
        );
    }

    #[test]
    fn openers_and_long_preambles() {
        case(
            "Overall, she said, rents rose in every district.",
            &[(
                "reported-speech/parenthetical",
                "she",
                "said",
                "Overall, she said, rents rose in every district",
            )],
        );
        case(
            "Six people were hurt, police said.",
            &[(
                "reported-speech/after-clause",
                "police",
                "said",
                "Six people were hurt",
            )],
        );
        case(
            "Friday at the annual state party dinner in the capital Gov. Ann Lee said taxes would fall.",
            &[(
                "reported-speech/source-cue",
                "Gov. Ann Lee",
                "said",
                "taxes would fall",
            )],
        );
    }

    #[test]
    fn coordinated_sources_dates_and_datelines() {
        case(
            "Lee and the union said the strike was over.",
            &[(
                "reported-speech/source-cue",
                "Lee and the union",
                "said",
                "the strike was over",
            )],
        );
        case(
            "The storm hit the coast and officials said ten people died.",
            &[(
                "reported-speech/source-cue",
                "officials",
                "said",
                "ten people died",
            )],
        );
        case(
            "OSLO (Reuters) - Ann Lee said the strike was over.",
            &[(
                "reported-speech/source-cue",
                "Ann Lee",
                "said",
                "the strike was over",
            )],
        );
        case(
            "“It failed,” said Ann B. Lee, a former aide.",
            &[(
                "reported-speech/inverted",
                "Ann B. Lee, a former aide",
                "said",
                "It failed",
            )],
        );
        case(
            "The Lee campaign said the strike was over.",
            &[(
                "reported-speech/source-cue",
                "The Lee campaign",
                "said",
                "the strike was over",
            )],
        );
        case(
            "Ann Lee — who ran twice — said the strike was over.",
            &[(
                "reported-speech/source-cue",
                "Ann Lee",
                "said",
                "the strike was over",
            )],
        );
        case(
            "The governor said at a rally in Des Moines that the strike was over.",
            &[(
                "reported-speech/source-cue",
                "The governor",
                "said",
                "the strike was over",
            )],
        );
        case(
            "The Jones’ lawyer says the strike was over.",
            &[(
                "reported-speech/source-cue",
                "The Jones’ lawyer",
                "says",
                "the strike was over",
            )],
        );
        case(
            "The strike was over, union leaders said; in May, it began again.",
            &[(
                "reported-speech/after-clause",
                "union leaders",
                "said",
                "The strike was over",
            )],
        );
        case(
            "The strike is over, the governor said in a video message to workers.",
            &[(
                "reported-speech/after-clause",
                "the governor",
                "said",
                "The strike is over",
            )],
        );
        case(
            "The strike is over, the governor said on Channel Four’s “Morning Show.”",
            &[(
                "reported-speech/after-clause",
                "the governor",
                "said",
                "The strike is over",
            )],
        );
        case(
            "The governor on Tuesday said the strike was over.",
            &[(
                "reported-speech/source-cue",
                "The governor",
                "said",
                "the strike was over",
            )],
        );
    }

    #[test]
    fn rules() {
        case(
            "The harvest failed, two farmers said on Friday.",
            &[(
                "reported-speech/after-clause",
                "two farmers",
                "said",
                "The harvest failed",
            )],
        );
        case(
            "Mayor Ann Lee warned that the bridge would close.",
            &[(
                "reported-speech/source-cue",
                "Mayor Ann Lee",
                "warned",
                "the bridge would close",
            )],
        );
        case(
            "“It is over,” the coach told reporters.",
            &[("direct/after-quote", "the coach", "told", "It is over")],
        );
        case(
            "Prices will rise, said Raj Patel.",
            &[(
                "reported-speech/inverted",
                "Raj Patel",
                "said",
                "Prices will rise",
            )],
        );
        case(
            "Sir Vince Cable, who replaced Tim Farron in July, said the party was united.",
            &[(
                "reported-speech/source-cue",
                "Sir Vince Cable, who replaced Tim Farron in July,",
                "said",
                "the party was united",
            )],
        );
        case(
            "Hugh Hill, a doctor, said the ward was full.",
            &[(
                "reported-speech/source-cue",
                "Hugh Hill, a doctor,",
                "said",
                "the ward was full",
            )],
        );
        case(
            "The storm killed three people, according to local police.",
            &[(
                "according-to",
                "local police",
                "according to",
                "The storm killed three people",
            )],
        );
        case(
            "There has been speculation that the club will be sold.",
            &[(
                "hedge/after",
                "",
                "There has been speculation",
                "the club will be sold",
            )],
        );
        case(
            "JONES: We never agreed to that. Not once.",
            &[(
                "transcript",
                "JONES",
                ":",
                "We never agreed to that. Not once",
            )],
        );
        case(
            "Rome studied the offer and insisted the talks were over.",
            &[(
                "reported-speech/conjoined-subject",
                "Rome",
                "insisted",
                "the talks were over",
            )],
        );
        // PolNeAR annotates a refusal to say as an attribution.
        case(
            "The minister did not say when the vote would be held.",
            &[(
                "reported-speech/source-cue",
                "The minister",
                "did not say",
                "when the vote would be held",
            )],
        );
        case(
            "Most farmers backing the levy live in the north.",
            &[(
                "reported-speech/reduced-relative",
                "Most farmers",
                "backing",
                "the levy live in the north",
            )],
        );
        case("The results are expected next week.", &[]);
        case("Some 200 houses were flooded.", &[]);
    }
}
