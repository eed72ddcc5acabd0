//! Coreference: every source mention is resolved to one speaker of the article.
//!
//! "Zeine" is the "Prime Minister Ali Mahaman Lamine Zeine" named earlier (same surname,
//! compatible first name); "That source" and "the defence ministry source" are the latest
//! unnamed source with the same head noun and no conflicting modifier; "he" is the latest
//! named person; an indefinite "a source …" is always somebody new.

use super::doc::Doc;
use super::mentions::{Mention, MentionKind};
use crate::lexicon::TitleClass;

/// A speaker as the article builds it up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub kind: MentionKind,
    pub name: String,
    pub title: Option<String>,
    pub title_class: Option<TitleClass>,
    pub affiliation: Option<String>,
    pub head: String,
    pub modifiers: Vec<String>,
    pub aliases: Vec<String>,
    /// Token index of the latest mention.
    pub last_seen: usize,
    /// Token indices of its mentions (at most [`MAX_SEEN`]; claims are not resolved in text
    /// order, so a pronoun asks for the latest mention before itself).
    pub seen: Vec<usize>,
    /// The agency the speaker talked to in this article ("told AFP").
    pub channel: Option<String>,
    pub plural: bool,
    /// Whether the entity is the source of a claim (more salient for pronouns).
    pub was_source: bool,
    /// A woman (`Some(true)`) or a man (`Some(false)`), when the text says.
    pub female: Option<bool>,
    /// The same, from the speaker's own names and titles only ("Mrs.", "Laura"), not
    /// learned from a pronoun that may have been resolved wrongly.
    pub named_female: Option<bool>,
}

#[derive(Debug, Default)]
pub struct Entities {
    pub list: Vec<Entity>,
    /// The content of the claim whose source is being resolved: people named inside what
    /// a "he" said are not who "he" is.
    pub content: Option<crate::model::Span>,
}

/// How many of the latest speakers a mention is compared with: enough for any article,
/// and it keeps a pathological input (one 50 MB paragraph) linear.
const WINDOW: usize = 512;

/// How many tokens of recency being a source is worth when choosing a pronoun's antecedent:
/// "he" after a paragraph that only mentions someone else in passing still means the
/// speaker.
const SOURCE_SALIENCE: usize = 60;

/// Prepositions, which start no group's name ("For Democrats").
static PREPOSITIONS: super::doc::WordList = super::doc::WordList::new(&[
    "about", "after", "at", "by", "for", "from", "in", "into", "of", "on", "to", "with",
]);

/// Words that open a subordinate clause before the main one.
const SUBORDINATORS: &[&str] = &[
    "after", "although", "as", "because", "before", "if", "once", "since", "though", "unless",
    "until", "when", "whereas", "while",
];

/// How many mention positions a speaker keeps.
const MAX_SEEN: usize = 64;

fn surname(name: &str) -> &str {
    // A plain loop: names are short, and this runs for every speaker a mention is
    // compared with.
    name.bytes()
        .rposition(|b| b == b' ')
        .map_or(name, |i| &name[i + 1..])
}

/// Whether the given name of `name` is known to be a woman's when the speaker is known to
/// be a man, or the other way round ("Sara Netanyahu" for a "Mr. Netanyahu").
fn given_name_contradicts(name: &str, female: Option<bool>) -> bool {
    let given = first_name(name).map(|f| {
        crate::lexicon::get()
            .first_names
            .get(crate::lexicon::lower_key(f).as_ref())
            .map(|g| g == "f")
    });
    matches!((given, female), (Some(Some(a)), Some(b)) if a != b)
}

fn first_name(name: &str) -> Option<&str> {
    name.split_once(' ').map(|(first, _)| first)
}

/// Title abbreviations and their full words, so that "the senator" finds "Sen. Ann Lee".
fn title_key(word: &str) -> &str {
    match word {
        "sen" => "senator",
        "gov" => "governor",
        "rep" | "congressman" | "congresswoman" => "representative",
        "gen" => "general",
        "lt" => "lieutenant",
        "col" => "colonel",
        "capt" => "captain",
        "adm" => "admiral",
        "prof" => "professor",
        "pres" => "president",
        "sgt" => "sergeant",
        "frontrunner" => "front-runner",
        w => w,
    }
}

/// Whether the words of `written` ("Post", "department") end the name `name` ("New York
/// Post", "State Department").
fn ends_name(name: &str, written: &str) -> bool {
    let (n, w) = (name.to_lowercase(), written.to_lowercase());
    n.len() > w.len() && n.ends_with(&w) && n[..n.len() - w.len()].ends_with(' ')
}

/// A name the source types read as an organisation or outlet ("RT", "NDN"): never "he"
/// or "she".
fn names_a_body(e: &Entity) -> bool {
    matches!(
        super::classify::source_type(e),
        crate::model::SourceType::Organization | crate::model::SourceType::Agency
    )
}

fn is_plural(head: &str) -> bool {
    head.ends_with('s') && !head.ends_with("ss") && head != "news"
}

impl Entities {
    /// The speaker `m` refers to, creating one when it is new. `None` for a pronoun with no
    /// antecedent.
    pub fn resolve(&mut self, doc: &Doc<'_>, m: &Mention) -> usize {
        // "Actor Ann Lee", "Lee said": the name alone.
        if m.kind == MentionKind::Named
            && let Some(name) = m.name.as_deref().and_then(super::names::clean)
        {
            let mut cleaned = m.clone();
            cleaned.name = Some(name);
            return self.resolve(doc, &cleaned);
        }
        let at = m.first;
        let alias = doc.text_of(m.first, m.end.min(m.first + 12)).to_owned();
        let female = match m.kind {
            MentionKind::Named | MentionKind::TitleOnly => {
                super::mentions::female(doc, m.first, m.end, m.name.as_deref())
            }
            MentionKind::Pronoun => match m.head.as_str() {
                "she" => Some(true),
                "he" => Some(false),
                _ => None,
            },
            _ => None,
        };
        // "Israel", "Law", "West" alone: the person of that surname when the article has
        // one, before any place or common word.
        let single = (m.first..m.end).filter(|&k| doc.is_word(k)).count() == 1;
        if single
            && doc.is_cap(m.first)
            && !matches!(
                m.kind,
                MentionKind::Named | MentionKind::Pronoun | MentionKind::TitleOnly
            )
            && let Some(i) = self.latest(|e| {
                e.kind == MentionKind::Named
                    && e.name.contains(' ')
                    && surname(&e.name) == doc.s(m.first)
            })
        {
            return self.resolve_found(Some(i), doc, m, female, alias);
        }
        let found = match m.kind {
            MentionKind::Pronoun => match m.head.as_str() {
                "he" | "she" => self
                    .subject_before(doc, &m.head, at)
                    .or_else(|| self.antecedent(&m.head, at)),
                "they" => {
                    let found = self.antecedent(&m.head, at);
                    if found.is_none()
                        && let Some(group) = self.group_before(doc, at)
                    {
                        let g = self.resolve(doc, &group);
                        return self.resolve_found(Some(g), doc, m, female, alias);
                    }
                    found
                }
                _ => self.antecedent(&m.head, at),
            },
            // "the Republican": the story's candidate of that party.
            MentionKind::Named
                if m.definite && matches!(m.head.as_str(), "republican" | "democrat") =>
            {
                self.named(m, female)
                    .or_else(|| self.prominent(doc, m, female))
            }
            MentionKind::Named => self.named(m, female),
            MentionKind::TitleOnly => self
                .titled(m)
                .or_else(|| self.prominent(doc, m, female).filter(|_| m.definite)),
            MentionKind::Anonymous | MentionKind::Document => {
                if m.definite {
                    self.described(m).or_else(|| self.prominent(doc, m, female))
                } else {
                    None
                }
            }
            MentionKind::Organization | MentionKind::Agency => {
                // "The Post" after "The New York Post": the article's own antecedent comes
                // before any general expansion of the short name.
                let mut from = m.first;
                if doc.is_determiner(from) && from + 1 < m.end {
                    from += 1;
                }
                let core_end = (from..m.end)
                    .find(|&k| doc.is_punct(k, ",") || doc.is_punct(k, "("))
                    .unwrap_or(m.end);
                let written = doc.text_of(from, core_end);
                let name = m.name.as_deref().unwrap_or(&m.description);
                // "his campaign", "the campaign": the campaign of the person meant, named
                // after them ("Clinton campaign").
                let owner_word = doc.lower(m.first);
                if m.kind == MentionKind::Organization
                    && m.head == "campaign"
                    && core_end == m.first + 2
                    && matches!(owner_word.as_ref(), "his" | "her" | "the")
                {
                    let owner = match owner_word.as_ref() {
                        "his" => self.subject_before(doc, "he", m.first),
                        "her" => self.subject_before(doc, "she", m.first),
                        _ => self
                            .latest(|e| {
                                e.kind == MentionKind::Organization && ends_name(&e.name, written)
                            })
                            .map_or_else(|| self.most_mentioned(doc), |_| None),
                    };
                    if let Some(o) = owner.filter(|&o| self.list[o].kind == MentionKind::Named) {
                        let name = format!("{} campaign", surname(&self.list[o].name));
                        let found = self.latest(|e| {
                            e.kind == MentionKind::Organization
                                && e.name.eq_ignore_ascii_case(&name)
                        });
                        let mut named = m.clone();
                        named.description.clone_from(&name);
                        named.name = Some(name);
                        return self.resolve_found(found, doc, &named, female, alias);
                    }
                }
                if m.name.is_none() && m.kind == MentionKind::Agency {
                    // "the newspaper": the latest outlet.
                    return self.resolve_found(
                        self.latest(|e| e.kind == MentionKind::Agency),
                        doc,
                        m,
                        female,
                        alias,
                    );
                }
                self.latest(|e| {
                    matches!(e.kind, MentionKind::Organization | MentionKind::Agency)
                        && ends_name(&e.name, written)
                })
                .or_else(|| self.latest(|e| e.kind == m.kind && e.name.eq_ignore_ascii_case(name)))
            }
        };
        let found = found.or_else(|| self.role_holder(doc, m));
        self.resolve_found(found, doc, m, female, alias)
    }

    /// A political role description ("The Indiana governor", "The GOP nominee") that the
    /// article never wrote next to a name: the person the text is about just before it, as
    /// for "he" or "she", when that is a known politician or holds the role's title.
    fn politician_before(&self, doc: &Doc<'_>, m: &Mention) -> Option<usize> {
        let (role, qualifiers) = super::roles::role_of(doc, m.first, m.end)?;
        if !super::roles::POLITICAL.contains(&role.as_str()) {
            return None;
        }
        let female = super::mentions::female(doc, m.first, m.end, None);
        let pronoun = if female == Some(true) { "she" } else { "he" };
        let i = self.subject_before(doc, pronoun, m.first)?;
        let e = &self.list[i];
        let politicians = &crate::lexicon::get().public_officials;
        let titled = e
            .title
            .as_deref()
            .map(|t| t.split([' ', '.']).any(|w| super::roles::key(w) == role));
        let known = politicians.contains_key(surname(&e.name).to_lowercase().as_str());
        (e.kind == MentionKind::Named
            && (titled == Some(true) || (titled.is_none() && known))
            && super::roles::compatible(doc, surname(&e.name), &role, &qualifiers))
        .then_some(i)
    }

    /// "The Indiana governor", "the Republican" with no speaker found: the person the
    /// article attached that role to (see [`super::roles`]), added when not yet a speaker.
    fn role_holder(&mut self, doc: &Doc<'_>, m: &Mention) -> Option<usize> {
        let role_noun = match m.kind {
            MentionKind::TitleOnly | MentionKind::Anonymous => true,
            // Only a party noun read as a name ("the Republican").
            MentionKind::Named => m
                .name
                .as_deref()
                .is_some_and(|n| matches!(n.to_lowercase().as_str(), "republican" | "democrat")),
            _ => false,
        };
        if !role_noun || !m.definite {
            return None;
        }
        let Some(h) = super::roles::holder(doc, m.first, m.end) else {
            return self.politician_before(doc, m);
        };
        if let Some(i) = self.named(&h, None) {
            return Some(i);
        }
        let female = super::mentions::female(doc, h.first, h.end, h.name.as_deref());
        let alias = doc.text_of(h.first, h.end.min(h.first + 12)).to_owned();
        Some(self.resolve_found(None, doc, &h, female, alias))
    }

    /// Updates the speaker found for `m`, or adds a new one.
    fn resolve_found(
        &mut self,
        found: Option<usize>,
        doc: &Doc<'_>,
        m: &Mention,
        female: Option<bool>,
        alias: String,
    ) -> usize {
        let at = m.first;
        if let Some(i) = found {
            let e = &mut self.list[i];
            e.last_seen = e.last_seen.max(at);
            if e.seen.len() < MAX_SEEN {
                e.seen.push(at);
            }
            if e.title.is_none() && m.title.is_some() {
                e.title.clone_from(&m.title);
                e.title_class = m.title_class;
            }
            if e.affiliation.is_none() && m.affiliation.is_some() {
                e.affiliation.clone_from(&m.affiliation);
            }
            if m.kind == MentionKind::Named
                && let Some(name) = &m.name
                && name.len() > e.name.len()
                && surname(name).eq_ignore_ascii_case(surname(&e.name))
            {
                e.name.clone_from(name);
            }
            if e.female.is_none() {
                e.female = female;
            }
            // Only a name's own words: "the prime minister's wife" may have found the
            // prime minister.
            if e.named_female.is_none() && m.kind == MentionKind::Named {
                e.named_female = female;
            }
            if e.aliases.len() < 32 && !e.aliases.contains(&alias) {
                e.aliases.push(alias);
            }
            return i;
        }
        let female = if m.kind == MentionKind::Pronoun {
            None
        } else {
            female
        };
        let name = match m.kind {
            MentionKind::Named | MentionKind::Organization | MentionKind::Agency => {
                m.name.clone().unwrap_or_else(|| m.description.clone())
            }
            MentionKind::Pronoun => doc.s(m.first).to_owned(),
            _ => m.description.clone(),
        };
        self.list.push(Entity {
            kind: m.kind,
            name,
            title: m.title.clone(),
            title_class: m.title_class,
            affiliation: m.affiliation.clone(),
            head: m.head.clone(),
            modifiers: m.modifiers.clone(),
            aliases: vec![alias],
            last_seen: at,
            seen: vec![at],
            channel: None,
            plural: m.kind != MentionKind::Named && is_plural(&m.head),
            was_source: false,
            female,
            named_female: female.filter(|_| m.kind == MentionKind::Named),
        });
        self.list.len() - 1
    }

    /// The latest of the recent speakers matching `pred`.
    fn latest(&self, pred: impl Fn(&Entity) -> bool) -> Option<usize> {
        let skip = self.list.len().saturating_sub(WINDOW);
        self.list[skip..].iter().rposition(pred).map(|i| i + skip)
    }

    /// Whether `e` can be "he" (`female` false) or "she": a person as
    /// [`Self::antecedent`] understands one, of that gender or of none known.
    fn is_person_for(e: &Entity, female: bool) -> bool {
        let lex = crate::lexicon::get();
        let person_head = |head: &str| {
            lex.anonymous_heads.contains(head)
                || lex.anonymous_heads.contains(format!("{head}s").as_str())
                || lex.titles.contains_key(head)
        };
        let person = (e.kind == MentionKind::Named
            && (e.was_source || e.female.is_some() || e.title.is_some())
            && !names_a_body(e))
            || e.kind == MentionKind::TitleOnly
            || (e.kind == MentionKind::Anonymous && !e.plural && person_head(&e.head));
        person && e.female != Some(!female)
    }

    /// "he" or "she" as the text's subject: the latest person of that gender named before
    /// the pronoun in its own sentence, else the first one named (not after a preposition)
    /// in the nearest earlier sentence that names one. Names inside the claim's own content
    /// do not count. `None` when no sentence of the last few names anybody fitting.
    fn subject_before(&self, doc: &Doc<'_>, pronoun: &str, at: usize) -> Option<usize> {
        const SENTENCES: usize = 6;
        const TOKENS: usize = 400;
        if doc.sentences.is_empty() || at >= doc.len() {
            return None;
        }
        let female = pronoun == "she";
        let skip = self.list.len().saturating_sub(WINDOW);
        let candidates: Vec<(usize, &str)> = self
            .list
            .iter()
            .enumerate()
            .skip(skip)
            .filter(|(_, e)| Self::is_person_for(e, female))
            .map(|(i, e)| {
                let sur = if e.kind == MentionKind::Named {
                    surname(&e.name)
                } else {
                    ""
                };
                (i, sur)
            })
            .collect();
        if candidates.is_empty() {
            return None;
        }
        let here = doc.sentence_of(at);
        let first_sentence = here.saturating_sub(SENTENCES);
        let floor = doc.sentences[first_sentence]
            .first
            .max(at.saturating_sub(TOKENS));
        let inside = |k: usize| {
            self.content.is_some_and(|c| {
                let b = doc.tokens[k].span.start;
                c.start <= b && b < c.end
            })
        };
        // Mentions before the pronoun: (token, candidate).
        let mut found: Vec<(usize, usize)> = Vec::new();
        for &(i, _) in &candidates {
            for &p in &self.list[i].seen {
                if p >= floor && p < at && !inside(p) {
                    found.push((p, i));
                }
            }
        }
        let lex = crate::lexicon::get();
        // The same pronoun in earlier sentences.
        let mut chained: Vec<usize> = Vec::new();
        for k in floor..at {
            // Only pronouns ("he" and "she" are) and capitalised words matter: most
            // tokens fail this one flag test.
            if !doc.has(k, super::vocab::PRONOUN | super::vocab::CAPITALISED)
                || doc.quoted(k)
                || inside(k)
            {
                continue;
            }
            if doc.s(k).eq_ignore_ascii_case(pronoun) {
                chained.push(k);
                continue;
            }
            if !doc.is_cap(k) {
                continue;
            }
            let w = doc.s(k);
            let w = w
                .strip_suffix("’s")
                .or_else(|| w.strip_suffix("'s"))
                .unwrap_or(w);
            if !candidates.iter().any(|(_, sur)| *sur == w) {
                continue;
            }
            // The start of the name ("Sen. Ted Cruz" for "Cruz"), the given name written
            // before the surname and the gender an honorific gives.
            let opens = doc.sentences[doc.sentence_of(k)].first.max(floor);
            let mut s = k;
            while s > opens && (doc.is_cap(s - 1) || doc.is_punct(s - 1, ".")) {
                s -= 1;
            }
            let given = (s..k)
                .rev()
                .find(|&j| {
                    doc.is_word(j)
                        && !doc.has(j, super::vocab::TITLE | super::vocab::HONORIFIC)
                        && !doc.is_determiner(j)
                })
                .map(|j| doc.s(j));
            let honorific = (s..k)
                .find(|&j| doc.has(j, super::vocab::HONORIFIC))
                .map(|j| doc.lower(j));
            let honorific_female = match honorific.as_deref() {
                Some("mrs" | "ms" | "miss") => Some(true),
                Some("mr") => Some(false),
                _ => None,
            };
            if honorific_female.is_some_and(|f| f != female) {
                continue;
            }
            let fits = |e: &Entity| {
                surname(&e.name) == w
                    // "Rafael Cruz" is not "Ted Cruz".
                    && given.is_none_or(|g| {
                        e.name.split(' ').any(|x| x == g) || lex.not_names.contains(g.to_lowercase().as_str())
                    })
            };
            // Of several people with the surname: the one whose gender is known to fit,
            // then the one with the fullest name, then the latest.
            let best = candidates
                .iter()
                .filter(|(i, _)| fits(&self.list[*i]))
                .max_by_key(|(i, _)| {
                    let e = &self.list[*i];
                    (e.female == Some(female), e.name.len(), e.last_seen)
                });
            if let Some(&(i, _)) = best {
                found.push((s, i));
            }
        }
        if found.is_empty() {
            return None;
        }
        found.sort_unstable();
        let object = |p: usize| {
            p > 0
                && doc.is_any(
                    p - 1,
                    &[
                        "of", "to", "for", "with", "by", "about", "from", "against", "on", "at",
                        "in", "than", "like", "between", "and", "or",
                    ],
                )
        };
        // A fronted subordinate clause ("After Ann Lee asked him, Tom Vance replied") is
        // not where the subject is.
        let fronted = |p: usize| {
            let opens = doc.sentences[doc.sentence_of(p)].first;
            doc.is_any(opens, SUBORDINATORS)
                && (opens..p).all(|j| !doc.is_punct(j, ","))
                && (p..at).any(|j| doc.is_punct(j, ","))
        };
        // In the pronoun's own sentence, the latest person named before it, preferring one
        // not after a preposition.
        let own: Vec<(usize, usize)> = found
            .iter()
            .copied()
            .filter(|&(p, _)| doc.sentence_of(p) == here)
            .collect();
        if let Some(&(_, i)) = own
            .iter()
            .rfind(|&&(p, _)| !object(p) && !fronted(p))
            .or(own.last())
        {
            return Some(i);
        }
        // Earlier, the subject of the nearest sentence naming somebody; a sentence where
        // the same pronoun comes first continues the same person, so look further back.
        for sentence in (first_sentence..here).rev() {
            let mention = found
                .iter()
                .find(|&&(p, _)| doc.sentence_of(p) == sentence && !object(p) && !fronted(p));
            let pronoun_first = chained
                .iter()
                .find(|&&k| doc.sentence_of(k) == sentence)
                .is_some_and(|&k| mention.is_none_or(|&(p, _)| k < p));
            if pronoun_first {
                continue;
            }
            if let Some(&(_, i)) = mention {
                return Some(i);
            }
        }
        None
    }

    fn antecedent(&self, pronoun: &str, at: usize) -> Option<usize> {
        // The latest mention of `e` before the pronoun.
        let before = |e: &Entity| e.seen.iter().copied().filter(|&p| p < at).max();
        let pick_with = |pred: &dyn Fn(&Entity) -> bool, salience: usize| {
            let skip = self.list.len().saturating_sub(WINDOW);
            self.list
                .iter()
                .enumerate()
                .skip(skip)
                .filter(|(_, e)| pred(e))
                .filter_map(|(i, e)| {
                    // Being a source makes a person salient; an unnamed source is only
                    // chosen when it is the latest.
                    let named = matches!(e.kind, MentionKind::Named | MentionKind::TitleOnly);
                    let bonus = if e.was_source && named { salience } else { 0 };
                    before(e).map(|p| (i, p + bonus))
                })
                .max_by_key(|&(_, score)| score)
                .map(|(i, _)| i)
        };
        let pick = |pred: &dyn Fn(&Entity) -> bool| pick_with(pred, SOURCE_SALIENCE);
        let lex = crate::lexicon::get();
        // An unnamed source is "he" or "she" when its head names a person ("a source", "an
        // Iowa voter"), not a thing ("social media").
        let person_head = |head: &str| {
            lex.anonymous_heads.contains(head)
                || lex.anonymous_heads.contains(format!("{head}s").as_str())
                || lex.titles.contains_key(head)
        };
        // A name only seen in passing is a person when the text marks it as one (a title,
        // an honorific or a known first name): "Rhode Island" is not "she".
        let person = |e: &Entity| {
            (e.kind == MentionKind::Named
                && (e.was_source || e.female.is_some() || e.title.is_some())
                && !names_a_body(e))
                || e.kind == MentionKind::TitleOnly
                || (e.kind == MentionKind::Anonymous && !e.plural && person_head(&e.head))
        };
        match pronoun {
            "he" => pick(&|e| person(e) && e.female != Some(true)),
            "she" => pick(&|e| person(e) && e.female != Some(false)),
            // "X, who said": the nearest person or group, however salient others are.
            "who" => pick_with(
                &|e| person(e) || (e.kind == MentionKind::Anonymous && e.plural),
                0,
            ),
            "they" => pick(&|e| {
                e.plural || matches!(e.kind, MentionKind::Organization | MentionKind::Agency)
            }),
            "it" | "which" => pick(&|e| {
                matches!(
                    e.kind,
                    MentionKind::Organization | MentionKind::Agency | MentionKind::Document
                )
            }),
            "i" => pick(&person),
            "we" => pick(&|_| true),
            _ => None,
        }
    }

    fn named(&self, m: &Mention, female: Option<bool>) -> Option<usize> {
        let name = m.name.as_deref()?;
        let sur = surname(name);
        // "Ms. Khan" is the woman of that surname before anyone whose gender is unknown.
        if female.is_some() && first_name(name).is_none() {
            let same = self.latest(|e| {
                e.kind == MentionKind::Named
                    && surname(&e.name).eq_ignore_ascii_case(sur)
                    && e.named_female == female
            });
            if same.is_some() {
                return same;
            }
        }
        let fits = |e: &Entity| {
            e.kind == MentionKind::Named
                && surname(&e.name).eq_ignore_ascii_case(sur)
                // "Mr. Bush" is not "Laura Bush".
                && !matches!((female, e.named_female), (Some(a), Some(b)) if a != b)
                && match (first_name(name), first_name(&e.name)) {
                    (Some(a), Some(b)) => a == b,
                    // A full name does not take over someone known only by surname.
                    (Some(_), None) => false,
                    _ => true,
                }
        };
        // A bare surname shared by several people ("Cruz" after "Ted Cruz" and his wife
        // "Heidi Cruz"): the one already quoted.
        if first_name(name).is_none()
            && let Some(quoted) = self.latest(|e| e.was_source && fits(e))
            && self
                .latest(|e| !e.was_source && e.name.contains(' ') && fits(e))
                .is_some_and(|other| {
                    first_name(&self.list[other].name) != first_name(&self.list[quoted].name)
                })
        {
            return Some(quoted);
        }
        self.latest(fits)
    }

    /// "the senator": the person most recently seen with that title (abbreviated or not).
    fn titled(&self, m: &Mention) -> Option<usize> {
        let title = m.title.as_deref()?.to_lowercase();
        let head = title_key(title.rsplit(' ').next().unwrap_or(&title)).to_owned();
        // "the Florida senator" is not any senator: its other words must fit.
        // Titles among the words name someone else ("the congressman's spokesman").
        let lex = crate::lexicon::get();
        let qualifiers: Vec<&String> = m
            .modifiers
            .iter()
            .filter(|w| {
                !matches!(
                    w.as_str(),
                    "former" | "then" | "current" | "new" | "top" | "senior"
                ) && !lex.titles.contains_key(w.as_str())
            })
            .collect();
        let skip = self.list.len().saturating_sub(WINDOW);
        self.list
            .iter()
            .enumerate()
            .skip(skip)
            .filter(|(_, e)| {
                e.title.as_deref().is_some_and(|t| {
                    let t = t.to_lowercase();
                    // "the president" is not the "Vice President".
                    let lesser = ["vice", "deputy", "assistant", "lieutenant", "former"]
                        .iter()
                        .any(|w| t.split(' ').any(|x| x == *w) && !title.contains(w));
                    !lesser && t.split([' ', '.']).any(|w| title_key(w) == head)
                }) && qualifiers.iter().all(|q| {
                    let q = q.as_str();
                    e.title
                        .as_deref()
                        .is_some_and(|t| t.to_lowercase().contains(q))
                        || e.affiliation
                            .as_deref()
                            .is_some_and(|a| a.to_lowercase().contains(q))
                        || e.aliases.iter().any(|a| a.to_lowercase().contains(q))
                })
            })
            .max_by_key(|(_, e)| (e.kind == MentionKind::Named, e.last_seen))
            .map(|(i, _)| i)
    }

    /// "the candidate", "the Republican nominee", "the businessman": a role description
    /// that the article uses for its most prominent person of that role — the most-mentioned
    /// named person, preferring one written with the role word, agreeing in gender and in
    /// party when the description names one. Prominence is how often the surname occurs in
    /// the text (at least three times): a person quoted twice in passing is not the story's
    /// candidate. Only role words that stand for one person in
    /// a story about them qualify ("the president" needs the title, see [`Self::titled`]).
    fn prominent(&self, doc: &Doc<'_>, m: &Mention, female: Option<bool>) -> Option<usize> {
        let role = m.head.as_str();
        let female = match role {
            "businesswoman" => Some(true),
            "businessman" | "billionaire" | "mogul" | "tycoon" | "developer" => {
                female.or(Some(false))
            }
            _ => female,
        };
        // Whether a person never written with the role word may still hold it: a known
        // politician who is the story's most mentioned person is its candidate, and its
        // businessman or neurosurgeon when politicians of the time were both.
        let (words, known_politician): (&[&str], bool) = match role {
            "republican" => (&["republican", "gop"], true),
            "democrat" => (&["democrat", "democratic"], true),
            "candidate" | "nominee" | "front-runner" | "frontrunner" | "contender" => (
                &[
                    "candidate",
                    "nominee",
                    "front-runner",
                    "frontrunner",
                    "hopeful",
                ],
                true,
            ),
            "businessman" | "businesswoman" | "billionaire" | "mogul" | "tycoon" | "developer" => (
                &[
                    "businessman",
                    "businesswoman",
                    "billionaire",
                    "mogul",
                    "tycoon",
                    "developer",
                ],
                true,
            ),
            // "the retired neurosurgeon" in a campaign story
            "neurosurgeon" | "surgeon" => (&["neurosurgeon", "surgeon"], true),
            // "the senator": a person the text calls so next to their name somewhere
            // ("Cruz, a Texas senator", "Sen. Cruz").
            "senator" | "governor" | "president" | "mayor" | "congressman" | "congresswoman" => {
                (&[], false)
            }
            _ => return None,
        };
        // Its other words must be written there too ("the Florida senator").
        let qualifiers: Vec<&str> = m
            .modifiers
            .iter()
            .map(String::as_str)
            .filter(|w| !matches!(*w, "the" | "a" | "an" | "this" | "that"))
            .collect();
        let near_role = |e: &Entity| {
            let sur = surname(&e.name);
            words.is_empty()
                && doc.written(sur).any(|k| {
                    // "President Bill Clinton" is not "Hillary Clinton".
                    let other = k > 0
                        && doc.is_cap(k - 1)
                        && !doc.has(k - 1, super::vocab::TITLE | super::vocab::HONORIFIC)
                        && !e.name.split(' ').any(|x| x == doc.s(k - 1));
                    // Before the name ("Sen. Ted Cruz", "Texas Sen. Cruz") or in an
                    // appositive after it ("Cruz, a Texas senator,").
                    let end = if doc.is_punct(k + 1, ",") {
                        let limit = (k + 8).min(doc.len());
                        (k + 2..limit).find(|&j| !doc.is_word(j)).unwrap_or(limit)
                    } else {
                        k
                    };
                    let window = k.saturating_sub(4)..end;
                    !other
                        && qualifiers
                            .iter()
                            .all(|q| window.clone().any(|j| doc.lower(j) == *q))
                        && window.clone().any(|j| {
                            title_key(&doc.lower(j)) == role
                                && !(m.first..m.end).contains(&j)
                                && !(j > 0
                                    && doc.is_any(
                                        j - 1,
                                        &["vice", "former", "deputy", "lieutenant", "assistant"],
                                    ))
                        })
                })
        };
        let politicians = &crate::lexicon::get().public_officials;
        let party = |w: &str| match w {
            "republican" | "gop" => Some(["republican", "gop"]),
            "democratic" | "democrat" => Some(["democratic", "democrat"]),
            _ => None,
        };
        let parties: Vec<[&str; 2]> = m
            .modifiers
            .iter()
            .map(String::as_str)
            .chain([role])
            .filter_map(party)
            .collect();
        let written = |e: &Entity, w: &str| {
            e.title
                .as_deref()
                .is_some_and(|t| t.to_lowercase().contains(w))
                || e.affiliation
                    .as_deref()
                    .is_some_and(|a| a.to_lowercase().contains(w))
                || e.aliases.iter().any(|a| a.to_lowercase().contains(w))
        };
        let skip = self.list.len().saturating_sub(WINDOW);
        self.list
            .iter()
            .enumerate()
            .skip(skip)
            .filter(|(_, e)| {
                e.kind == MentionKind::Named
                    && e.name.contains(' ')
                    // A person, not a place: the text marks the name as one, or it is a
                    // known politician.
                    && (e.female.is_some()
                        || e.title.is_some()
                        || politicians.contains_key(surname(&e.name).to_lowercase().as_str()))
                    && !matches!((female, e.named_female), (Some(a), Some(b)) if a != b)
                    && parties.iter().all(|p| p.iter().any(|w| written(e, w)))
            })
            .map(|(i, e)| {
                let sur = surname(&e.name);
                let count = doc.written(sur).count();
                let has_role = words.iter().any(|w| written(e, w)) || near_role(e);
                (i, (has_role, count, e.last_seen))
            })
            .filter(|&(i, (has_role, count, _))| {
                count >= 3
                    && (has_role
                        || known_politician
                            && politicians
                                .contains_key(surname(&self.list[i].name).to_lowercase().as_str()))
            })
            .max_by_key(|&(_, key)| key)
            .map(|(i, _)| i)
    }

    /// "they" with no group among the speakers: the nearest plural group of people named
    /// in its own or the previous sentence ("That frustrates many analysts because they
    /// believe …"), read as a mention. Not inside the claim's own content or a quotation.
    fn group_before(&self, doc: &Doc<'_>, at: usize) -> Option<std::rc::Rc<Mention>> {
        if doc.sentences.is_empty() || at >= doc.len() {
            return None;
        }
        let here = doc.sentence_of(at);
        let floor = doc.sentences[here.saturating_sub(1)].first;
        let inside = |k: usize| {
            self.content.is_some_and(|c| {
                let b = doc.tokens[k].span.start;
                c.start <= b && b < c.end
            })
        };
        let head = (floor..at).rev().find(|&k| {
            doc.has(k, super::vocab::ANONYMOUS_HEAD)
                && !doc.quoted(k)
                && !inside(k)
                && is_plural(&doc.lower(k))
                && !doc.is_possessive(k)
                && !doc.is_punct(k + 1, "'")
        })?;
        // The words before the head that surely belong to its phrase: determiners and
        // capitalised words ("many", "Democratic").
        let mut start = head;
        while start > floor
            && head - start < 3
            && doc.is_word(start - 1)
            && (doc.is_determiner(start - 1) || doc.is_cap(start - 1))
            && !doc.is_pronoun(start - 1)
            && !doc.is_clause_word(start - 1)
            && !doc.is_in(start - 1, &PREPOSITIONS)
        {
            start -= 1;
        }
        super::mentions::analyze(doc, start, head + 1).filter(|g| g.kind == MentionKind::Anonymous)
    }

    /// The person the article is about: the named person whose surname occurs most often
    /// (at least three times) among those quoted, titled or known politicians.
    fn most_mentioned(&self, doc: &Doc<'_>) -> Option<usize> {
        let politicians = &crate::lexicon::get().public_officials;
        let skip = self.list.len().saturating_sub(WINDOW);
        self.list
            .iter()
            .enumerate()
            .skip(skip)
            .filter(|(_, e)| {
                e.kind == MentionKind::Named
                    && e.name.contains(' ')
                    && (e.was_source
                        || e.title.is_some()
                        || politicians.contains_key(surname(&e.name).to_lowercase().as_str()))
            })
            .map(|(i, e)| {
                let sur = surname(&e.name);
                (i, doc.written(sur).count())
            })
            .filter(|&(_, count)| count >= 3)
            .max_by_key(|&(_, count)| count)
            .map(|(i, _)| i)
    }

    /// Gives surname-only speakers the full name the article uses elsewhere ("Burman" when
    /// "Leonard Burman" appears later), when exactly one full name has that surname and that
    /// person is not quoted separately (then the two are different people: "Ms. Varga" and
    /// "economist Tomas Varga, who is not related to the minister").
    ///
    /// A surname still alone then takes the fullest form of the name written anywhere in
    /// `text` (headline, quotations and possessives included, see [`super::names`]), and a
    /// full name its middle initials and suffix ("Ann B. Lee Jr.").
    pub fn complete_names(&mut self, text: &str, full_names: &[String]) {
        use crate::lexicon::FastBuild;
        use std::collections::{HashMap, HashSet};
        let quoted: HashSet<&str, FastBuild> = self
            .list
            .iter()
            .filter(|e| e.was_source && e.name.contains(' '))
            .map(|e| e.name.as_str())
            .collect();
        let quoted_names: Vec<String> = quoted.iter().map(|&n| n.to_owned()).collect();
        // Surname (lowercase) → the full name, or `None` when two first names share it.
        let mut by_surname: HashMap<String, Option<String>, FastBuild> = HashMap::default();
        for n in full_names {
            if !n.contains(' ') || quoted.contains(n.as_str()) {
                continue;
            }
            by_surname
                .entry(surname(n).to_lowercase())
                .and_modify(|found| {
                    if found
                        .as_deref()
                        .is_some_and(|f| first_name(f) != first_name(n))
                    {
                        *found = None;
                    }
                })
                .or_insert_with(|| Some(n.clone()));
        }
        for e in &mut self.list {
            if e.kind != MentionKind::Named || e.name.contains(' ') {
                continue;
            }
            if let Some(Some(n)) = by_surname.get(&e.name.to_lowercase()) {
                // "Mr. Netanyahu" is not "Sara Netanyahu".
                if given_name_contradicts(n, e.named_female) {
                    continue;
                }
                e.name.clone_from(n);
            }
        }
        // Only speakers' names are read again in the text (the rest are never shown).
        for e in &mut self.list {
            if !e.was_source || e.kind != MentionKind::Named {
                continue;
            }
            if e.name.contains(' ') {
                // "Ann Lee" → "Ann B. Lee", when the article writes that.
                let (given, sur) = (first_name(&e.name).unwrap_or(""), surname(&e.name));
                if let Some(f) = super::names::forms(text, sur)
                    .into_iter()
                    .filter(|f| f.sure && first_name(&f.name) == Some(given))
                    .max_by_key(|f| f.name.split(' ').count())
                    && f.name.split(' ').count() > e.name.split(' ').count()
                {
                    e.name = f.name;
                }
                continue;
            }
            // Another speaker's full name is someone else when this one's gender is known
            // and that given name does not confirm it ("Ms. Varga" and "economist Tomas
            // Varga"); a headline's "Varga" is the article's "Tomas Varga".
            let others: Vec<&str> = quoted_names
                .iter()
                .map(String::as_str)
                .filter(|n| {
                    e.named_female.is_some()
                        && first_name(n).is_none_or(|f| {
                            crate::lexicon::get()
                                .first_names
                                .get(crate::lexicon::lower_key(f).as_ref())
                                .is_none_or(|g| (g == "f") != e.named_female.unwrap_or(false))
                        })
                })
                .collect();
            if let Some(n) = super::names::fullest(text, &e.name, &others) {
                if given_name_contradicts(&n, e.named_female) {
                    continue;
                }
                e.name = n;
            }
        }
    }

    fn described(&self, m: &Mention) -> Option<usize> {
        self.latest(|e| {
            e.kind == m.kind
                && e.head == m.head
                && m.modifiers
                    .iter()
                    .all(|w| e.modifiers.contains(w) || e.name.to_lowercase().contains(w.as_str()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::mentions::analyze;

    /// Resolves each phrase of `text` (separated by " | ") in turn and returns the speaker
    /// names.
    #[track_caller]
    fn case(phrases: &[&str], expected: &[&str]) {
        let text = phrases.join(" ; ");
        let doc = Doc::new(&text, 0);
        let mut entities = Entities::default();
        let mut got = Vec::new();
        let mut start = 0;
        for k in 0..=doc.len() {
            if k == doc.len() || doc.is_punct(k, ";") {
                let m = analyze(&doc, start, k).expect("phrase");
                let e = entities.resolve(&doc, &m);
                got.push(entities.list[e].name.clone());
                start = k + 1;
            }
        }
        assert_eq!(got, expected, "{phrases:?}");
    }

    #[test]
    fn coreference() {
        case(
            &["Finance Minister Lena Berg", "Berg", "she"],
            &["Lena Berg", "Lena Berg", "Lena Berg"],
        );
        case(
            &[
                "a police source",
                "an aide close to Mayor Tom Reed",
                "That source",
                "the police source",
            ],
            &[
                "police source",
                "aide close to Tom Reed",
                "police source",
                "police source",
            ],
        );
        case(
            &["John Adams", "Samuel Adams"],
            &["John Adams", "Samuel Adams"],
        );
        case(&["a source", "a source"], &["source", "source"]);
        case(
            &["Okafor", "Mr. Okafor", "Ruth Okafor"],
            &["Okafor", "Okafor", "Ruth Okafor"],
        );
        case(
            &["Governor Ann Lee", "the governor"],
            &["Ann Lee", "Ann Lee"],
        );
    }

    #[test]
    fn later_references_find_the_right_speaker() {
        // Pronouns agree in gender with their antecedent.
        case(
            &["Senator Maria Lopez", "Governor John Smith", "she", "he"],
            &["Maria Lopez", "John Smith", "Maria Lopez", "John Smith"],
        );
        case(
            &["Mrs. Okafor", "Mr. Diallo", "she"],
            &["Okafor", "Diallo", "Okafor"],
        );
        // A pronoun learns the gender of its antecedent.
        case(
            &["Dr. Diallo", "Dr. Okafor", "she", "he"],
            &["Diallo", "Okafor", "Okafor", "Diallo"],
        );
        // "she" is a person, not a thing described without a name.
        case(
            &["Senator Maria Lopez", "social media", "she"],
            &["Maria Lopez", "social media", "Maria Lopez"],
        );
        case(
            &["Senator Maria Lopez", "an Iowa voter", "she"],
            &["Maria Lopez", "Iowa voter", "Iowa voter"],
        );
        // "who" is the nearest person or group.
        case(
            &["Senator Maria Lopez", "three aides", "who"],
            &["Maria Lopez", "aides", "aides"],
        );
        // Abbreviated titles match the full word; the lesser title does not.
        case(&["Sen. Ann Lee", "the senator"], &["Ann Lee", "Ann Lee"]);
        case(
            &["Vice President Tom Hale", "the president"],
            &["Tom Hale", "president"],
        );
        // A qualified title must fit.
        case(
            &["Sen. Ann Lee", "the Florida senator"],
            &["Ann Lee", "Florida senator"],
        );
        // The article's own outlet before a general expansion of a short name.
        case(
            &["The New York Post", "The Post"],
            &["New York Post", "New York Post"],
        );
        case(&["The Post"], &["Washington Post"]);
        case(
            &["The Lakeside Sentinel", "the newspaper"],
            &["Lakeside Sentinel", "Lakeside Sentinel"],
        );
        case(
            &["the State Department", "the department"],
            &["State Department", "State Department"],
        );
        // "the senator" is the prominent person called so next to the name.
        case(
            &[
                "Ted Vance",
                "Vance, a Texas senator",
                "Vance",
                "the senator",
            ],
            &["Ted Vance", "Ted Vance", "Ted Vance", "Ted Vance"],
        );
        case(
            &[
                "Vice President Ted Vance",
                "Vance",
                "Vance",
                "the president",
            ],
            &["Ted Vance", "Ted Vance", "Ted Vance", "president"],
        );
        // A campaign is named after its candidate.
        case(
            &["Sen. Ann Lee", "Lee", "Lee", "the campaign"],
            &["Ann Lee", "Ann Lee", "Ann Lee", "Lee campaign"],
        );
        case(
            &["Sen. Ann Lee", "the Vance campaign", "the campaign"],
            &["Ann Lee", "Vance campaign", "Vance campaign"],
        );
        case(
            &["Sen. Ann Lee", "her campaign"],
            &["Ann Lee", "Lee campaign"],
        );
        // A surname that is also a place or a common word is the person named before.
        case(
            &["Rep. Steve Israel", "Israel"],
            &["Steve Israel", "Steve Israel"],
        );
        case(&["Texas"], &["Texas"]);
        // A definite description finds the latest source with the same head.
        case(
            &["another source", "the source"],
            &["another source", "another source"],
        );
    }

    #[test]
    fn role_descriptions_find_the_prominent_person() {
        // The most-mentioned known politician, or a person written with the role word.
        case(
            &["Joe Biden", "Biden", "Biden", "Biden", "the candidate"],
            &[
                "Joe Biden",
                "Joe Biden",
                "Joe Biden",
                "Joe Biden",
                "Joe Biden",
            ],
        );
        case(
            &["Ann Vance", "Vance", "Vance", "Vance", "the candidate"],
            &[
                "Ann Vance",
                "Ann Vance",
                "Ann Vance",
                "Ann Vance",
                "candidate",
            ],
        );
        case(
            &[
                "businessman Tom Reed",
                "Reed",
                "Reed",
                "the New York businessman",
            ],
            &["Tom Reed", "Tom Reed", "Tom Reed", "Tom Reed"],
        );
        case(
            &[
                "Ann Vance",
                "Vance",
                "Vance",
                "Vance",
                "candidate Tom Reed",
                "Reed",
                "Reed",
                "the candidate",
            ],
            &[
                "Ann Vance",
                "Ann Vance",
                "Ann Vance",
                "Ann Vance",
                "Tom Reed",
                "Tom Reed",
                "Tom Reed",
                "Tom Reed",
            ],
        );
        // A known politician is the story's businessman or neurosurgeon too, but only a
        // man is "the billionaire".
        case(
            &["Joe Biden", "Biden", "Biden", "the billionaire"],
            &["Joe Biden", "Joe Biden", "Joe Biden", "Joe Biden"],
        );
        case(
            &["Elizabeth Warren", "Warren", "Warren", "the billionaire"],
            &[
                "Elizabeth Warren",
                "Elizabeth Warren",
                "Elizabeth Warren",
                "billionaire",
            ],
        );
        case(
            &["John Kasich", "Kasich", "Kasich", "the retired surgeon"],
            &["John Kasich", "John Kasich", "John Kasich", "John Kasich"],
        );
        // "the Democrat": the prominent person written with that party.
        case(
            &["Democrat Tom Reed", "Reed", "Reed", "the Democrat"],
            &["Tom Reed", "Tom Reed", "Tom Reed", "Tom Reed"],
        );
        // Gender and party must agree.
        case(
            &[
                "Mrs. Ann Vance",
                "Vance",
                "Vance",
                "mogul Tom Reed",
                "Reed",
                "Reed",
                "the businessman",
            ],
            &[
                "Ann Vance",
                "Ann Vance",
                "Ann Vance",
                "Tom Reed",
                "Tom Reed",
                "Tom Reed",
                "Tom Reed",
            ],
        );
        case(
            &["Joe Biden", "Biden", "Biden", "the Republican nominee"],
            &["Joe Biden", "Joe Biden", "Joe Biden", "Republican nominee"],
        );
        case(
            &[
                "Republican candidate Ann Vance",
                "Vance",
                "Vance",
                "Tom Reed",
                "Reed",
                "Reed",
                "Reed",
                "the Republican nominee",
            ],
            &[
                "Ann Vance",
                "Ann Vance",
                "Ann Vance",
                "Tom Reed",
                "Tom Reed",
                "Tom Reed",
                "Tom Reed",
                "Ann Vance",
            ],
        );
        // A person named in passing, a place, or a role word that needs a title stays a
        // description.
        case(
            &["Ann Vance", "Vance", "the candidate"],
            &["Ann Vance", "Ann Vance", "candidate"],
        );
        case(
            &["San Jose", "Jose", "Jose", "the candidate"],
            &["San Jose", "San Jose", "San Jose", "candidate"],
        );
        case(
            &["Joe Biden", "Biden", "Biden", "the former president"],
            &["Joe Biden", "Joe Biden", "Joe Biden", "former president"],
        );
        // An indefinite description is somebody new.
        case(
            &["Joe Biden", "Biden", "Biden", "a candidate"],
            &["Joe Biden", "Joe Biden", "Joe Biden", "candidate"],
        );
        // A man's honorific does not take a woman's full name.
        case(&["Laura Holm", "Mr. Holm"], &["Laura Holm", "Holm"]);
        // A woman's honorific finds the woman before someone of unknown gender.
        case(
            &["Ms. Ann Khan", "Omar Khan", "Ms. Khan"],
            &["Ann Khan", "Omar Khan", "Ann Khan"],
        );
        // A gender learned from a pronoun does not keep the honorific away.
        case(
            &["Prime Minister Xu Wen", "she", "Mr. Wen"],
            &["Xu Wen", "Xu Wen", "Xu Wen"],
        );
    }

    #[test]
    fn surnames_take_the_full_name_used_elsewhere() {
        let text = "Holm";
        let doc = Doc::new(text, 0);
        let mut entities = Entities::default();
        let m = analyze(&doc, 0, doc.len()).unwrap();
        let e = entities.resolve(&doc, &m);
        entities.complete_names("", &[String::from("Ed Holm"), String::from("Ann Vance")]);
        assert_eq!(entities.list[e].name, "Ed Holm");
        entities.list[e].name = String::from("Holm");
        entities.complete_names("", &[String::from("Ed Holm"), String::from("Ruth Holm")]);
        assert_eq!(
            entities.list[e].name, "Holm",
            "two people share the surname"
        );
        // A full name quoted on its own is somebody else.
        let doc = Doc::new("Ed Holm", 0);
        let m = analyze(&doc, 0, doc.len()).unwrap();
        let other = entities.resolve(&doc, &m);
        entities.list[other].was_source = true;
        entities.complete_names("", &[String::from("Ed Holm")]);
        assert_eq!(entities.list[e].name, "Holm");
        // A man's honorific does not take a woman's full name.
        let doc = Doc::new("Mr. Vance", 0);
        let m = analyze(&doc, 0, doc.len()).unwrap();
        let mut entities = Entities::default();
        let e = entities.resolve(&doc, &m);
        entities.complete_names("", &[String::from("Ann Vance")]);
        assert_eq!(entities.list[e].name, "Vance");
        entities.complete_names("", &[String::from("Tom Vance")]);
        assert_eq!(entities.list[e].name, "Tom Vance");
    }

    #[test]
    fn a_bare_surname_is_the_namesake_already_quoted() {
        let text = "Sen. Ted Vance ; Heidi Vance ; Vance";
        let doc = Doc::new(text, 0);
        let mut entities = Entities::default();
        let resolve = |entities: &mut Entities, phrase: &str| {
            let at = text.find(phrase).unwrap();
            let first = (0..doc.len())
                .find(|&k| doc.tokens[k].span.start == at)
                .unwrap();
            let end = (first..doc.len())
                .find(|&k| doc.is_punct(k, ";"))
                .unwrap_or(doc.len());
            let m = analyze(&doc, first, end).unwrap();
            entities.resolve(&doc, &m)
        };
        let ted = resolve(&mut entities, "Sen. Ted Vance");
        let heidi = resolve(&mut entities, "Heidi Vance");
        assert_eq!(
            resolve(&mut entities, "Vance"),
            heidi,
            "nobody quoted: the latest"
        );
        entities.list[ted].was_source = true;
        assert_eq!(resolve(&mut entities, "Vance"), ted);
    }
}
