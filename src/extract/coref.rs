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
    /// The agency the speaker talked to in this article ("told AFP").
    pub channel: Option<String>,
    pub plural: bool,
    /// Whether the entity is the source of a claim (more salient for pronouns).
    pub was_source: bool,
}

#[derive(Debug, Default)]
pub struct Entities {
    pub list: Vec<Entity>,
}

/// How many of the latest speakers a mention is compared with: enough for any article,
/// and it keeps a pathological input (one 50 MB paragraph) linear.
const WINDOW: usize = 512;

/// How many tokens of recency being a source is worth when choosing a pronoun's antecedent:
/// "he" after a paragraph that only mentions someone else in passing still means the
/// speaker.
const SOURCE_SALIENCE: usize = 60;

fn surname(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

fn first_name(name: &str) -> Option<&str> {
    let mut parts = name.split(' ');
    let first = parts.next()?;
    parts.next().map(|_| first)
}

fn is_plural(head: &str) -> bool {
    head.ends_with('s') && !head.ends_with("ss") && head != "news"
}

impl Entities {
    /// The speaker `m` refers to, creating one when it is new. `None` for a pronoun with no
    /// antecedent.
    pub fn resolve(&mut self, doc: &Doc<'_>, m: &Mention) -> usize {
        let at = m.first;
        let alias = doc.text_of(m.first, m.end.min(m.first + 12)).to_owned();
        let found = match m.kind {
            MentionKind::Pronoun => self.antecedent(&m.head, at),
            MentionKind::Named => self.named(m),
            MentionKind::TitleOnly => self.titled(m),
            MentionKind::Anonymous | MentionKind::Document => {
                if m.definite {
                    self.described(m)
                } else {
                    None
                }
            }
            MentionKind::Organization | MentionKind::Agency => {
                let name = m.name.as_deref().unwrap_or(&m.description);
                self.latest(|e| e.kind == m.kind && e.name.eq_ignore_ascii_case(name))
            }
        };
        if let Some(i) = found {
            let e = &mut self.list[i];
            e.last_seen = e.last_seen.max(at);
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
            if e.aliases.len() < 32 && !e.aliases.contains(&alias) {
                e.aliases.push(alias);
            }
            return i;
        }
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
            channel: None,
            plural: is_plural(&m.head),
            was_source: false,
        });
        self.list.len() - 1
    }

    /// The latest of the recent speakers matching `pred`.
    fn latest(&self, pred: impl Fn(&Entity) -> bool) -> Option<usize> {
        let skip = self.list.len().saturating_sub(WINDOW);
        self.list[skip..].iter().rposition(pred).map(|i| i + skip)
    }

    fn antecedent(&self, pronoun: &str, at: usize) -> Option<usize> {
        let before = |e: &&Entity| e.last_seen < at;
        let pick = |pred: &dyn Fn(&Entity) -> bool| {
            let skip = self.list.len().saturating_sub(WINDOW);
            self.list
                .iter()
                .enumerate()
                .skip(skip)
                .filter(|(_, e)| before(e) && pred(e))
                .max_by_key(|(_, e)| e.last_seen + if e.was_source { SOURCE_SALIENCE } else { 0 })
                .map(|(i, _)| i)
        };
        match pronoun {
            "he" | "she" | "who" => pick(&|e| {
                matches!(e.kind, MentionKind::Named | MentionKind::TitleOnly)
                    || (e.kind == MentionKind::Anonymous && !e.plural)
            }),
            "they" => pick(&|e| {
                e.plural || matches!(e.kind, MentionKind::Organization | MentionKind::Agency)
            }),
            "it" | "which" => pick(&|e| {
                matches!(
                    e.kind,
                    MentionKind::Organization | MentionKind::Agency | MentionKind::Document
                )
            }),
            "i" | "we" => pick(&|_| true),
            _ => None,
        }
    }

    fn named(&self, m: &Mention) -> Option<usize> {
        let name = m.name.as_deref()?;
        let sur = surname(name);
        self.latest(|e| {
            e.kind == MentionKind::Named
                && surname(&e.name).eq_ignore_ascii_case(sur)
                && match (first_name(name), first_name(&e.name)) {
                    (Some(a), Some(b)) => a == b,
                    // A full name does not take over someone known only by surname.
                    (Some(_), None) => false,
                    _ => true,
                }
        })
    }

    fn titled(&self, m: &Mention) -> Option<usize> {
        let title = m.title.as_deref()?.to_lowercase();
        let head = title.rsplit(' ').next().unwrap_or(&title).to_owned();
        self.latest(|e| {
            e.title
                .as_deref()
                .is_some_and(|t| t.to_lowercase().contains(&head))
        })
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
}
