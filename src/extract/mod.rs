//! Extraction: article text in, claims out. Pure: no I/O, no database, safe to run on many
//! articles at once.
//!
//! The stages, one file each: [`tokens`] and [`sentences`] cut the text, [`quotes`] pairs
//! quotation marks, [`cues`] finds attribution cues, [`attribution`] decides which cue owns
//! which content and source phrase, [`mentions`] reads source phrases, [`coref`] resolves
//! them to the article's speakers, [`classify`] gives each speaker a source type and
//! [`dates`] turns "on Tuesday" into a date; [`names`] finds the fullest written form of a
//! surname, [`roles`] the person a description such as "the Idaho governor" stands for, and
//! [`offices`] a speaker's office stated anywhere in the article; [`gaps`] leaves an
//! attribution that interrupts a claim out of its content.

pub mod attribution;
pub mod classify;
pub mod coref;
pub mod cues;
pub mod dates;
pub mod doc;
pub mod gaps;
pub mod mentions;
pub mod names;
pub mod offices;
pub mod quotes;
pub mod roles;
pub mod sentences;
pub mod tokens;
pub mod vocab;

use crate::model::{Article, Claim, Extraction, Reliability, Speaker};
use attribution::Found;
use coref::Entities;
use doc::Doc;

/// Bumped whenever extraction output can change; stored per article so `reextract`
/// knows which articles are stale.
pub const EXTRACTOR_VERSION: u32 = 9;

/// Extracts every claim of `article`, with its speakers.
#[must_use]
pub fn extract(article: &Article) -> Extraction {
    let body = article.body.as_str();
    let doc = Doc::new(body, article.text_start);
    let found = attribution::attribute(&doc);
    let mut entities = Entities::default();
    // The speaker of each found claim, by index into `entities`.
    let mut speaker_of: Vec<Option<usize>> = Vec::with_capacity(found.len());
    // Titled names in the text, registered as they appear so that pronouns and surnames
    // can point back to them; each is read once.
    let observed: Vec<std::rc::Rc<mentions::Mention>> = doc
        .sentences
        .iter()
        .flat_map(|s| mentions::titled_names(&doc, s.first, s.end))
        .filter_map(|(a, b)| mentions::analyze(&doc, a, b))
        .filter(|m| m.kind == mentions::MentionKind::Named)
        .collect();
    let mut next_observed = 0;
    for f in &found {
        let at = f.source.map_or(usize::MAX, |(a, _)| a);
        while next_observed < observed.len() && observed[next_observed].first < at {
            entities.resolve(&doc, &observed[next_observed]);
            next_observed += 1;
        }
        let entity = if let Some(prev) = f.continues {
            speaker_of.get(prev).copied().flatten()
        } else {
            entities.content = Some(f.content);
            let e = f
                .referent
                .or(f.source)
                .map(|(a, b)| (mentions::document_before(&doc, a).unwrap_or(a), b))
                .and_then(|(a, b)| mentions::analyze(&doc, a, b))
                .map(|m| entities.resolve(&doc, &m));
            entities.content = None;
            e
        };
        if let Some(e) = entity {
            entities.list[e].was_source = true;
        }
        if let (Some(e), Some(channel)) = (entity, &f.channel) {
            entities.list[e]
                .channel
                .get_or_insert_with(|| channel.clone());
        }
        speaker_of.push(entity);
    }
    let full_names: Vec<String> = observed.iter().filter_map(|m| m.name.clone()).collect();
    entities.complete_names(body, &full_names);
    offices::apply(&doc, &mut entities);
    offices::namesakes(&doc, &mut entities);
    let mut used: Vec<usize> = Vec::new();
    let mut is_used = vec![false; entities.list.len()];
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| (found[i].content.start, found[i].content.end));
    let claims: Vec<Claim> = order
        .iter()
        .map(|&i| (&found[i], &speaker_of[i]))
        .map(|(f, entity)| {
            let e = entity.map(|i| &entities.list[i]);
            if let Some(i) = entity
                && !is_used[*i]
            {
                is_used[*i] = true;
                used.push(*i);
            }
            build_claim(&doc, article, f, e)
        })
        .collect();
    let claims = gaps::join_split_quotes(body, claims);
    let speakers = used
        .iter()
        .map(|&i| {
            let e = &entities.list[i];
            Speaker {
                name: if e.kind == mentions::MentionKind::Named {
                    classify::full_name(&e.name).map_or_else(|| e.name.clone(), str::to_owned)
                } else {
                    e.name.clone()
                },
                source_type: classify::source_type(e),
                title: e.title.clone(),
                affiliation: e.affiliation.clone(),
                aliases: e.aliases.clone(),
            }
        })
        .collect();
    Extraction { claims, speakers }
}

fn build_claim(doc: &Doc<'_>, article: &Article, f: &Found, e: Option<&coref::Entity>) -> Claim {
    let body = doc.text;
    let source = f.source.map(|(a, b)| doc.span(a, b));
    let mut claim = Claim {
        kind: f.kind,
        content: f.content,
        content_gap: gaps::content_gap(body, f.content, f.cue, source),
        cue: f.cue,
        source,
        speaker: e.map(|e| {
            if e.kind == mentions::MentionKind::Named {
                classify::full_name(&e.name).map_or_else(|| e.name.clone(), str::to_owned)
            } else {
                e.name.clone()
            }
        }),
        source_type: e.map_or(
            crate::model::SourceType::Unattributed,
            classify::source_type,
        ),
        title: e.and_then(|e| e.title.clone()),
        affiliation: e.and_then(|e| e.affiliation.clone()),
        channel: e
            .and_then(|e| e.channel.clone())
            .or_else(|| f.channel.clone()),
        anonymity_reason: f.reason.map(|r| r.slice(body).to_owned()),
        stated_on: f
            .when
            .and_then(|w| dates::resolve(w, article.meta.date.as_deref()?)),
        reliability: Reliability {
            score: 0.0,
            label: String::new(),
            factors: Vec::new(),
        },
        rule: f.rule,
    };
    claim.reliability = crate::reliability::assess_in(&claim, body);
    claim
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str) {
        let mut article = Article::from_text(text);
        article.meta.date = Some(String::from("2024-01-31"));
        let extraction = extract(&article);
        for c in &extraction.claims {
            for span in [Some(c.content), c.cue, c.source].into_iter().flatten() {
                assert!(
                    span.start <= span.end && span.end <= text.len(),
                    "{text:?}: {span:?}"
                );
                assert!(
                    text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                    "{text:?}: {span:?}"
                );
            }
        }
    }

    #[test]
    fn odd_text_never_panics_and_spans_stay_in_bounds() {
        case("");
        case("“");
        case("” said he.");
        case("\"\"\"\" said");
        case("said");
        case(", said ,");
        case("😀 said “😀,” 😀 told 😀 that 😀.");
        case("He said: “\n“\n“");
        case("according to");
        case("according to ,");
        case("\u{0}\u{1b}[31m said \u{7f} that \u{0}");
        case("A, B, C, D, E, F said that G.");
        case("WALLACE:");
        case("There has been speculation");
        case("“A.\n“B.\n“C");
        case("Mr. . . . said that . . .");
        case(&"x said that ".repeat(500));
    }

    /// The speaker of the claim whose source is the last `pronoun` of `text`.
    #[track_caller]
    fn pronoun_speaker(text: &str, pronoun: &str, expected: &str) {
        let extraction = extract(&Article::from_text(text));
        let at = text.rfind(pronoun).unwrap();
        let claim = extraction
            .claims
            .iter()
            .find(|c| c.source.is_some_and(|s| s.start == at))
            .unwrap_or_else(|| panic!("no claim with the source at {at}: {text}"));
        assert_eq!(claim.speaker.as_deref(), Some(expected), "{text}");
    }

    #[test]
    fn role_descriptions_find_their_person() {
        // The role written next to the name, with its state.
        pronoun_speaker(
            "Gov. Tom Vasko of Idaho met reporters on Monday. The Idaho governor said the \
             plan would work.",
            "The Idaho governor",
            "Tom Vasko",
        );
        // No name carries the state: the senator the text was about just before.
        pronoun_speaker(
            "Sen. Ada Lee spoke in Ames on Monday. The Iowa senator said the plan would work.",
            "The Iowa senator",
            "Ada Lee",
        );
        // A campaign manager is not the nominee.
        pronoun_speaker(
            "Campaign manager Ada Lee spoke on Monday. The nominee said the plan would work.",
            "The nominee",
            "nominee",
        );
    }

    #[test]
    fn pronouns_find_the_subject_before_them() {
        // The subject of the previous sentence, not the person named last.
        pronoun_speaker(
            "Sen. Ted Cruz criticized Gov. John Kasich on Monday. He said the plan would fail.",
            "He",
            "Ted Cruz",
        );
        // A sentence that opens with the same pronoun continues the same person.
        pronoun_speaker(
            "Senator Ada Lee spoke. She met Senator Kim Park last week. She said the plan \
             would work.",
            "She",
            "Ada Lee",
        );
        // "they" with no group among the speakers is the group named just before.
        pronoun_speaker(
            "The delay frustrates many analysts because they believe the plan will fail.",
            "they",
            "analysts",
        );
        // People named inside what was said are not who said it.
        pronoun_speaker(
            "\"We will win,\" Gov. Tom Vance said. Mr. Ed Holm said the base was angry. \
             Gov. Tom Vance fits that bill for many people, he added.",
            "he",
            "Ed Holm",
        );
    }

    #[track_caller]
    fn gap_case(text: &str, expected: &str) {
        let extraction = extract(&Article::from_text(text));
        let texts: Vec<String> = extraction
            .claims
            .iter()
            .map(|c| crate::model::content_text(text, c.content, c.content_gap))
            .collect();
        assert_eq!(texts, [expected], "{text}");
    }

    #[test]
    fn an_attribution_inside_the_content_is_left_out_of_it() {
        gap_case(
            "The economy, the minister said, is recovering.",
            "The economy, … is recovering",
        );
        gap_case(
            "Overall, she said, rents rose in every district.",
            "Overall, … rents rose in every district",
        );
        gap_case(
            "Crews began the new wall, which the mayor said the city would pay for.",
            "which … the city would pay for",
        );
        gap_case(
            "It was a plan which critics said was unfair.",
            "which … was unfair",
        );
        gap_case(
            "The mayor reportedly signed the order on Friday.",
            "The mayor … signed the order on Friday",
        );
    }

    #[test]
    fn the_halves_of_a_split_quote_are_one_claim() {
        gap_case(
            "“We will win,” he said, “and we will win soon.”",
            "We will win, … and we will win soon",
        );
        gap_case(
            "“We lost,” said Kim, “and we know it.”",
            "We lost, … and we know it",
        );
        // After an aside, the second half stays a claim of its own.
        let text = "“We lost,” she told the paper in May, “and we know it.”";
        let claims = extract(&Article::from_text(text)).claims;
        assert_eq!(claims.len(), 2, "{claims:?}");
        assert!(claims.iter().all(|c| c.content_gap.is_none()));
    }

    #[test]
    fn header_text_yields_no_claims() {
        let text = "Reuters said the header is not text\n\nOfficials said the body is.";
        let mut article = Article::from_text(text);
        article.text_start = text.find("\n\n").unwrap();
        let extraction = extract(&article);
        assert_eq!(extraction.claims.len(), 1);
        assert_eq!(extraction.claims[0].content.slice(text), "the body is");
    }
}
