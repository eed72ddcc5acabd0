//! Mentions: what a source phrase says about its speaker.
//!
//! A source phrase ("Niger’s military-appointed Prime Minister Ali Mahaman Lamine Zeine",
//! "a source close to Defence Minister Sebastien Lecornu", "the ministry", "he") is read into
//! a [`Mention`]: its kind, the person's name without title or honorific, the title, the
//! affiliation, and the head noun used to match later references ("That source").

use super::doc::Doc;
use super::vocab;
use crate::lexicon::TitleClass;

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

/// Words before a head that say how many or how senior, not who: left out of affiliations.
const RANK_WORDS: &[&str] = &[
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
];

/// Prepositions that open a post-modifier inside a source phrase ("a source close to …",
/// "officials at the ministry", "a spokesman for the campaign").
const POST_MODIFIERS: &[&str] = &[
    "close", "familiar", "at", "from", "in", "for", "with", "of", "on", "inside", "within", "near",
];

/// Post-modifiers that state an affiliation (unlike "familiar with the talks").
const AFFILIATION_POST: &[&str] = &[
    "close", "at", "from", "in", "for", "of", "on", "inside", "within", "near",
];

const NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "bin", "al", "la", "du", "da", "der", "le", "del", "di",
];

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

/// The capitalised run ending at `last` (inclusive), not before `floor`.
fn cap_run_back(doc: &Doc<'_>, last: usize, floor: usize) -> usize {
    let mut k = last;
    while k > floor {
        let p = k - 1;
        let ok = doc.is_cap(p)
            || (doc.is_punct(p, ".") && p > floor && doc.is_word(p - 1) && doc.is_cap(p - 1))
            || (doc.is_any(p, NAME_PARTICLES) && p > floor && doc.is_cap(p - 1));
        if !ok || doc.is_possessive(p) {
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
#[must_use]
pub fn analyze(doc: &Doc<'_>, first: usize, end: usize) -> Option<Mention> {
    if first >= end || end > doc.len() {
        return None;
    }
    let lex = doc.lex;
    // The core phrase stops at an appositive comma.
    let core_end = (first..end)
        .find(|&k| doc.is_punct(k, ",") || doc.is_punct(k, "("))
        .unwrap_or(end);
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
    let mut start = first;
    if doc.is_determiner(start) && start + 1 < core_end {
        m.definite = doc.is_any(start, &["the", "this", "that", "these", "those"]);
        start += 1;
    }
    // Agencies and outlets, with or without their article ("The Washington Post").
    for from in [first, start] {
        if let Some(p) = lex.agencies.longest(core_end - from, |i| {
            Some(doc.s(from + i)).filter(|_| from + i < core_end)
        }) && from + p.words.len() == core_end
        {
            m.kind = MentionKind::Agency;
            m.name = Some(p.value.clone());
            m.head = doc.lower(core_end - 1).into_owned();
            m.description.clone_from(&p.value);
            return Some(m);
        }
    }
    // Capitals standing for a country ("Paris declared").
    if let Some(p) = lex.places.longest(core_end - start, |i| {
        Some(doc.s(start + i)).filter(|_| start + i < core_end)
    }) && start + p.words.len() == core_end
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
            doc.is_any(k, POST_MODIFIERS)
                && !doc.is_cap(k)
                && doc.is_word(k - 1)
                && !doc.is_cap(k - 1)
                && !doc.is_possessive(k - 1)
        })
        .unwrap_or(core_end);
    let head_idx = split - 1;
    if !doc.is_word(head_idx) && doc.kind(head_idx) != Some(super::tokens::Kind::Number) {
        return None;
    }
    strip_possessive(&doc.lower(head_idx)).clone_into(&mut m.head);

    if doc.is_cap(head_idx) && !doc.is_possessive(head_idx) {
        // A capitalised head: an organisation by name, a person, or a title alone.
        if let Some(org) = org_ending_at(doc, start, split) {
            m.kind = MentionKind::Organization;
            m.description.clone_from(&org);
            m.name = Some(org);
            return Some(m);
        }
        let run = cap_run_back(doc, split, start);
        let (name_start, title) = split_title(doc, run, split);
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
                }
                return Some(m);
            }
        }
        // "Rival Hillary Clinton", "Democrat Hillary Clinton": descriptors are not the name.
        let mut name_start = name_start;
        while split - name_start >= 2 && doc.has(name_start, vocab::NOT_NAME) {
            name_start += 1;
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
            ],
        ) {
            m.kind = MentionKind::Agency;
            let name = doc.text_of(start, split).to_owned();
            m.description.clone_from(&name);
            m.name = Some(name);
            return Some(m);
        }
        m.kind = MentionKind::Named;
        m.name = Some(doc.text_of(name_start, split).to_owned());
        if let Some((ts, te)) = title {
            m.title = Some(words(doc, ts, te));
            m.title_class = title_word(doc, te - 1);
        }
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
    m.description = match post {
        Some((ps, pe)) => format!(
            "{} {}",
            doc.text_of(start, split),
            without_titles(doc, ps, pe)
        ),
        None => doc.text_of(start, split).to_owned(),
    };
    let affiliation_mods: Vec<usize> = mods
        .iter()
        .copied()
        .filter(|&k| !doc.is_any(k, RANK_WORDS) && doc.kind(k) != Some(super::tokens::Kind::Number))
        .collect();
    let pre_affiliation = match (affiliation_mods.first(), affiliation_mods.last()) {
        (Some(&a), Some(&b)) => Some(strip_possessive(doc.text_of(a, b + 1)).to_owned()),
        _ => None,
    };
    let post_affiliation = post
        .filter(|(ps, _)| doc.is_any(*ps, AFFILIATION_POST))
        .map(|(ps, pe)| doc.text_of(ps, pe).to_owned());
    m.affiliation = post_affiliation.or(pre_affiliation);

    let head = m.head.as_str();
    if lex.documents.contains(head) {
        m.kind = MentionKind::Document;
        m.affiliation = None;
    } else if let Some(org) = org_ending_at(doc, start, split) {
        m.kind = MentionKind::Organization;
        m.name = Some(org);
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
    Some(m)
}

/// Titled names in running text ("Mayor Anna Kowalczyk", "union leader Maria Ostrowski"),
/// so that a later "she" or surname can refer to them. Token ranges from `first` to `end`.
#[must_use]
pub fn titled_names(doc: &Doc<'_>, first: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut k = first;
    while k < end {
        if title_word(doc, k).is_some() && !doc.quoted(k) {
            let mut n = k + 1;
            if doc.is_punct(n, ".") {
                n += 1;
            }
            let mut e = n;
            while e < end && doc.is_cap(e) && title_word(doc, e).is_none() {
                e += 1;
            }
            let needed = if doc.is_cap(k) { 1 } else { 2 };
            if e - n >= needed && (n..e).all(|j| !doc.has(j, vocab::NOT_NAME)) {
                let mut s = k;
                while s > first && doc.is_cap(s - 1) && !doc.is_possessive(s - 1) {
                    s -= 1;
                }
                out.push((s, e));
                k = e;
                continue;
            }
        }
        // A bare personal name: two or three capitalised words that are not institutions,
        // places or grammar words ("Donald Trump", "Robert C. Scott").
        if doc.is_cap(k) && !doc.quoted(k) && (k == first || !doc.is_cap(k - 1)) {
            let mut e = k;
            while e < end
                && (doc.is_cap(e)
                    || (doc.is_punct(e, ".") && e > k && doc.s(e - 1).chars().count() == 1))
            {
                e += 1;
            }
            let words = (k..e).filter(|&j| doc.is_word(j)).count();
            let name_like = (k..e).all(|j| {
                let excluded = vocab::NOT_NAME
                    | vocab::ORG_START
                    | vocab::PLACE_START
                    | vocab::AGENCY_START
                    | vocab::TITLE
                    | vocab::HONORIFIC
                    | vocab::DATE_START
                    | vocab::DETERMINER
                    | vocab::PRONOUN
                    | vocab::CLAUSE
                    | vocab::BETWEEN
                    | vocab::CUE;
                let inner_possessive = doc.is_possessive(j) && j + 1 < e;
                !(doc.has(j, excluded) || inner_possessive || doc.is_upper(j))
            });
            if (2..=3).contains(&words) && name_like {
                out.push((k, e));
            }
            k = e.max(k + 1);
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
        if let Some(p) = doc.lex.organizations.longest(end - from, |i| {
            Some(doc.s(from + i)).filter(|_| from + i < end)
        }) && from + p.words.len() == end
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

/// Reads a title from an appositive ("Hugh Hill, a doctor," / "Josh Earnest, the White House
/// spokesman,").
fn appositive_title(doc: &Doc<'_>, first: usize, end: usize, m: &mut Mention) {
    let stop = (first..end).find(|&k| doc.is_punct(k, ",")).unwrap_or(end);
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
    fn descriptions_drop_titles_inside_names() {
        let phrase = "a source close to Finance Minister Lena Berg";
        let doc = Doc::new(phrase, 0);
        let m = analyze(&doc, 0, doc.len()).unwrap();
        assert_eq!(m.description, "source close to Lena Berg");
        assert_eq!(m.head, "source");
    }
}
