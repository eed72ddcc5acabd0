//! The reliability model: one place for the factors and weights behind every score.
//!
//! Reliability is an ordering people can read and argue with, not a verdict. A claim's
//! score starts from its source type and is moved up or down by what the article says
//! about the source, then clamped to `[0, 1]`:
//!
//! | factor | weight |
//! |---|---|
//! | source type: named official / named person / document / organisation / agency / anonymous / unattributed | base 0.80 / 0.75 / 0.72 / 0.70 / 0.60 / 0.35 / 0.15 |
//! | anonymous source with a stated affiliation ("a defence ministry source") | +0.10 |
//! | anonymous source without any affiliation ("a source") | −0.05 |
//! | anonymous source with a stated reason for anonymity ("asking not to be named") | +0.05 |
//! | direct quote / partial quote / paraphrase | +0.05 / +0.02 / −0.03 |
//! | hedged cue ("claimed", "alleged", "reportedly", "speculation") | −0.10 |
//! | reached the article through a news agency ("told AFP") | −0.03 |
//! | corroboration: each other independent source with the same statement | +0.06 |
//! | corroboration: each other outlet carrying the same statement | +0.03 |
//! | corroboration total at most | +0.15 |
//!
//! Labels: high ≥ 0.70, medium ≥ 0.45, low ≥ 0.25, very low below.
//!
//! Corroboration is not a property of one claim: it is computed at query time across the
//! store. Two claims carry "the same statement" when their content words (lowercase words
//! of three letters or more, stop words removed, a plural "s" dropped) overlap by at
//! least [`SIMILARITY`] of the smaller set, with at least [`MIN_SHARED_WORDS`] in common.
//! Candidates are found with the full-text index: claims in other articles containing
//! two of the claim's four longest words (see `store::queries::corroboration_candidates`);
//! each is then checked with [`similar`]. A match from another article counts as an independent source when
//! its speaker differs, and as another outlet when its outlet differs.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::model::{Claim, ClaimKind, Reliability, SourceType};

/// Base score by source type: on-the-record named sources above organisations above
/// agency reports above anonymous sources above unattributed assertion.
#[must_use]
pub fn base(source_type: SourceType) -> f64 {
    match source_type {
        SourceType::NamedOfficial => 0.80,
        SourceType::NamedPerson => 0.75,
        SourceType::Document => 0.72,
        SourceType::Organization => 0.70,
        SourceType::Agency => 0.60,
        SourceType::Anonymous => 0.35,
        SourceType::Unattributed => 0.15,
    }
}

const AFFILIATION_STATED: f64 = 0.10;
const NO_AFFILIATION: f64 = -0.05;
const REASON_GIVEN: f64 = 0.05;
const DIRECT: f64 = 0.05;
const PARTIAL_QUOTE: f64 = 0.02;
const PARAPHRASE: f64 = -0.03;
const HEDGED: f64 = -0.10;
const VIA_AGENCY: f64 = -0.03;
const PER_SOURCE: f64 = 0.06;
const PER_OUTLET: f64 = 0.03;
const CORROBORATION_CAP: f64 = 0.15;

/// Share of the smaller word set two claims must have in common to be the same statement.
pub const SIMILARITY: f64 = 0.6;
/// Content words two claims must share at least to be the same statement.
pub const MIN_SHARED_WORDS: usize = 3;

/// Words in a cue that hedge the claim.
const HEDGES: &[&str] = &[
    "alleged",
    "allegedly",
    "claimed",
    "claims",
    "purported",
    "purportedly",
    "reportedly",
    "rumored",
    "rumoured",
    "rumours",
    "speculated",
    "speculation",
    "supposedly",
];

/// Words too common to say anything about whether two claims are the same statement.
const STOP_WORDS: &[&str] = &[
    "about", "after", "all", "also", "and", "any", "are", "been", "before", "but", "can", "could",
    "did", "does", "for", "from", "had", "has", "have", "her", "his", "its", "into", "may",
    "might", "more", "not", "now", "our", "out", "said", "says", "she", "should", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "was", "were",
    "what", "when", "which", "who", "will", "with", "would", "you", "your",
];

/// How many independent sources and outlets carry the same statement elsewhere.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Corroboration {
    /// Other speakers, in other articles, with the same statement.
    pub sources: usize,
    /// Other outlets carrying the same statement.
    pub outlets: usize,
}

/// Everything the model looks at for one claim.
#[derive(Debug, Clone, Copy)]
pub struct Evidence<'a> {
    pub kind: ClaimKind,
    pub source_type: SourceType,
    pub affiliation: Option<&'a str>,
    pub anonymity_reason: Option<&'a str>,
    pub channel: Option<&'a str>,
    /// The cue text ("said", "claimed"), when known.
    pub cue: Option<&'a str>,
    /// The extraction rule id; rules for hedges count as hedged cues.
    pub rule: &'a str,
    pub corroboration: Corroboration,
}

fn present(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}

fn is_hedged(cue: Option<&str>, rule: &str) -> bool {
    rule.contains("hedge")
        || cue.is_some_and(|cue| {
            cue.split(|c: char| !c.is_alphanumeric()).any(|w| {
                if w.is_ascii() {
                    HEDGES.iter().any(|h| h.eq_ignore_ascii_case(w))
                } else {
                    HEDGES.contains(&w.to_lowercase().as_str())
                }
            })
        })
}

/// The label for a score.
#[must_use]
pub fn label(score: f64) -> &'static str {
    if score >= 0.70 {
        "high"
    } else if score >= 0.45 {
        "medium"
    } else if score >= 0.25 {
        "low"
    } else {
        "very low"
    }
}

/// Scores the evidence; the factors say what moved the score and by how much.
#[must_use]
pub fn score(e: &Evidence<'_>) -> Reliability {
    let mut score = base(e.source_type);
    let mut first = String::with_capacity(24);
    first.extend(
        e.source_type
            .as_str()
            .chars()
            .map(|c| if c == '_' { ' ' } else { c }),
    );
    first.push(' ');
    push_fixed2(&mut first, score, false);
    let mut factors = Vec::with_capacity(4);
    factors.push(first);
    // A factor is its description, written from parts, and its signed weight.
    let mut add = |weight: f64, what: &[&str]| {
        score += weight;
        let mut factor = String::with_capacity(what.iter().map(|w| w.len()).sum::<usize>() + 6);
        for part in what {
            factor.push_str(part);
        }
        factor.push(' ');
        push_fixed2(&mut factor, weight, true);
        factors.push(factor);
    };
    if e.source_type == SourceType::Anonymous {
        if let Some(affiliation) = present(e.affiliation) {
            add(
                AFFILIATION_STATED,
                &["affiliation stated (", affiliation, ")"],
            );
        } else {
            add(NO_AFFILIATION, &["no affiliation"]);
        }
        if let Some(reason) = present(e.anonymity_reason) {
            add(REASON_GIVEN, &["reason for anonymity (", reason, ")"]);
        }
    }
    match e.kind {
        ClaimKind::Direct => add(DIRECT, &["direct quote"]),
        ClaimKind::Mixed => add(PARTIAL_QUOTE, &["partial quote"]),
        ClaimKind::Indirect => add(PARAPHRASE, &["paraphrase"]),
        ClaimKind::Unattributed => {}
    }
    if is_hedged(e.cue, e.rule) {
        match present(e.cue) {
            Some(cue) => add(HEDGED, &["hedged (\"", cue, "\")"]),
            None => add(HEDGED, &["hedged"]),
        }
    }
    if let Some(channel) = present(e.channel) {
        add(VIA_AGENCY, &["via ", channel]);
    }
    let c = e.corroboration;
    if c.sources + c.outlets > 0 {
        let weight =
            (c.sources as f64 * PER_SOURCE + c.outlets as f64 * PER_OUTLET).min(CORROBORATION_CAP);
        add(
            weight,
            &[&format!(
                "corroborated by {} other source{} in {} other outlet{}",
                c.sources,
                if c.sources == 1 { "" } else { "s" },
                c.outlets,
                if c.outlets == 1 { "" } else { "s" }
            )],
        );
    }
    let score = (score.clamp(0.0, 1.0) * 100.0).round() / 100.0;
    Reliability {
        score,
        label: label(score).to_owned(),
        factors,
    }
}

/// Appends `v` with two decimals, as `format!("{v:.2}")` (or `{v:+.2}` with `plus`)
/// writes it. Scores and weights are whole hundredths, written without the general float
/// formatter; any other value takes it.
fn push_fixed2(out: &mut String, v: f64, plus: bool) {
    let scaled = v * 100.0;
    let hundredths = scaled.round();
    // Within a millionth of a hundredth, the value is far from a rounding tie, so the
    // exact decimal rounding gives the same digits.
    if v.is_finite() && hundredths.abs() < 1e12 && (scaled - hundredths).abs() < 1e-6 {
        if v.is_sign_negative() {
            out.push('-');
        } else if plus {
            out.push('+');
        }
        // Digits from the right: two decimals, the point, then the whole part.
        let mut n = hundredths.abs() as u64;
        let mut buf = [0u8; 24];
        let mut at = buf.len();
        for k in 0.. {
            if k == 2 {
                at -= 1;
                buf[at] = b'.';
            }
            at -= 1;
            buf[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if k >= 2 && n == 0 {
                break;
            }
        }
        out.extend(buf[at..].iter().map(|&b| char::from(b)));
    } else if plus {
        let _ = write!(out, "{v:+.2}");
    } else {
        let _ = write!(out, "{v:.2}");
    }
}

fn evidence<'a>(claim: &'a Claim, cue: Option<&'a str>) -> Evidence<'a> {
    Evidence {
        kind: claim.kind,
        source_type: claim.source_type,
        affiliation: claim.affiliation.as_deref(),
        anonymity_reason: claim.anonymity_reason.as_deref(),
        channel: claim.channel.as_deref(),
        cue,
        rule: claim.rule,
        corroboration: Corroboration::default(),
    }
}

/// Scores one claim from what the article says about its source, without the cue's
/// words (a hedge is then seen only through the rule id) and without corroboration.
#[must_use]
pub fn assess(claim: &Claim) -> Reliability {
    score(&evidence(claim, None))
}

/// Scores one claim found in `body`, reading its cue words for hedges.
#[must_use]
pub fn assess_in(claim: &Claim, body: &str) -> Reliability {
    let cue = claim.cue.and_then(|span| body.get(span.start..span.end));
    score(&evidence(claim, cue))
}

/// The content words of a claim, for comparing statements.
#[must_use]
pub fn content_words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .map(|w| {
            if w.len() > 4 && w.ends_with('s') && !w.ends_with("ss") {
                w[..w.len() - 1].to_owned()
            } else {
                w
            }
        })
        .collect()
}

/// The content words of a claim as the full-text index holds them (lowercase, not
/// stemmed), for looking up claims that may say the same thing.
#[must_use]
pub fn index_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .collect();
    words.sort();
    words.dedup();
    words
}

/// Whether two claims' content words say the same thing (see the module notes).
#[must_use]
pub fn similar(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    let shared = a.intersection(b).count();
    let smaller = a.len().min(b.len());
    shared >= MIN_SHARED_WORDS && shared as f64 >= SIMILARITY * smaller as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn fixed(v: f64) {
        let mut plain = String::new();
        push_fixed2(&mut plain, v, false);
        assert_eq!(plain, format!("{v:.2}"), "{v:e}");
        let mut signed = String::new();
        push_fixed2(&mut signed, v, true);
        assert_eq!(signed, format!("{v:+.2}"), "{v:e}");
    }

    #[test]
    fn two_decimals_are_written_as_the_formatter_writes_them() {
        for v in [
            0.0,
            -0.0,
            0.8,
            0.75,
            0.72,
            0.15,
            -0.03,
            0.1,
            -0.1,
            0.05,
            0.125,
            0.375,
            1.005,
            0.005,
            -0.005,
            0.015,
            2.675,
            99.995,
            1e15,
            -1e15,
            1e300,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            1e-9,
            -1e-9,
        ] {
            fixed(v);
        }
        // Every sum of weights the model can reach, and whole hundredths in general.
        for i in -20_000..20_000 {
            fixed(f64::from(i) / 100.0);
            fixed(f64::from(i) * 0.01);
            fixed(0.35 + f64::from(i) * 0.01);
        }
    }

    fn ev(kind: ClaimKind, source_type: SourceType) -> Evidence<'static> {
        Evidence {
            kind,
            source_type,
            affiliation: None,
            anonymity_reason: None,
            channel: None,
            cue: Some("said"),
            rule: "test",
            corroboration: Corroboration::default(),
        }
    }

    #[track_caller]
    fn case(e: Evidence<'_>, score_expected: f64, label_expected: &str, factor: &str) {
        let r = score(&e);
        assert!(
            (r.score - score_expected).abs() < 1e-9,
            "score {} != {score_expected} ({:?})",
            r.score,
            r.factors
        );
        assert_eq!(r.label, label_expected, "{:?}", r.factors);
        assert!(
            r.factors.iter().any(|f| f.contains(factor)),
            "no factor {factor:?} in {:?}",
            r.factors
        );
    }

    #[test]
    fn factors_move_the_score() {
        use ClaimKind::{Direct, Indirect, Mixed, Unattributed};
        use SourceType::{Agency, Anonymous, NamedOfficial, NamedPerson, Organization};
        case(
            ev(Direct, NamedOfficial),
            0.85,
            "high",
            "direct quote +0.05",
        );
        case(
            ev(Mixed, NamedOfficial),
            0.82,
            "high",
            "partial quote +0.02",
        );
        case(ev(Indirect, NamedPerson), 0.72, "high", "paraphrase -0.03");
        case(
            ev(Indirect, Organization),
            0.67,
            "medium",
            "organization 0.70",
        );
        case(ev(Indirect, Agency), 0.57, "medium", "agency 0.60");
        case(ev(Indirect, Anonymous), 0.27, "low", "no affiliation -0.05");
        let affiliated = Evidence {
            affiliation: Some("defence ministry"),
            channel: Some("AFP"),
            ..ev(Mixed, Anonymous)
        };
        case(affiliated, 0.44, "low", "via AFP -0.03");
        case(
            affiliated,
            0.44,
            "low",
            "affiliation stated (defence ministry) +0.10",
        );
        let with_reason = Evidence {
            anonymity_reason: Some("asking not to be named"),
            ..affiliated
        };
        case(with_reason, 0.49, "medium", "reason for anonymity");
        let hedged = Evidence {
            cue: Some("claimed"),
            ..ev(Indirect, NamedPerson)
        };
        case(hedged, 0.62, "medium", "hedged (\"claimed\") -0.10");
        let speculation = Evidence {
            cue: Some("There has been speculation"),
            ..ev(Unattributed, SourceType::Unattributed)
        };
        case(speculation, 0.05, "very low", "hedged");
        let by_rule = Evidence {
            cue: None,
            rule: "hedge/seen-as",
            ..ev(Unattributed, SourceType::Unattributed)
        };
        case(by_rule, 0.05, "very low", "hedged -0.10");
        let corroborated = Evidence {
            corroboration: Corroboration {
                sources: 1,
                outlets: 1,
            },
            ..ev(Indirect, Anonymous)
        };
        case(
            corroborated,
            0.36,
            "low",
            "corroborated by 1 other source in 1 other outlet +0.09",
        );
        let capped = Evidence {
            corroboration: Corroboration {
                sources: 5,
                outlets: 5,
            },
            ..ev(Indirect, Anonymous)
        };
        case(capped, 0.42, "low", "+0.15");
    }

    #[test]
    fn scores_stay_in_range_and_order_source_types() {
        for &t in SourceType::ALL {
            for &k in ClaimKind::ALL {
                let s = score(&ev(k, t)).score;
                assert!((0.0..=1.0).contains(&s), "{t} {k}: {s}");
            }
        }
        let order = [
            SourceType::NamedOfficial,
            SourceType::Organization,
            SourceType::Agency,
            SourceType::Anonymous,
            SourceType::Unattributed,
        ];
        for pair in order.windows(2) {
            assert!(base(pair[0]) > base(pair[1]), "{} vs {}", pair[0], pair[1]);
        }
    }

    #[track_caller]
    fn similar_case(a: &str, b: &str, expected: bool) {
        assert_eq!(
            similar(&content_words(a), &content_words(b)),
            expected,
            "{a:?} vs {b:?}"
        );
    }

    #[test]
    fn same_statements_are_recognised() {
        similar_case(
            "Discussions on the withdrawal of certain military elements have begun",
            "discussions on withdrawing some military elements had begun",
            true,
        );
        similar_case(
            "talks on the withdrawal of French troops have begun",
            "French troops will stay in Niger for now",
            false,
        );
        similar_case("troops left", "troops left", false);
        similar_case(
            "the army will hold talks with the junta about bases and airfields",
            "the army will hold talks with teachers about pay and pensions",
            false,
        );
        similar_case(
            "The army will hold talks with the junta on Monday",
            "the army will hold talks",
            true,
        );
    }

    #[test]
    fn assess_in_reads_the_cue_from_the_body() {
        let body = "He claimed the vote was rigged.";
        let claim = Claim {
            kind: ClaimKind::Indirect,
            content: crate::model::Span::new(11, 30),
            content_gap: None,
            cue: Some(crate::model::Span::new(3, 10)),
            source: Some(crate::model::Span::new(0, 2)),
            speaker: Some(String::from("X")),
            source_type: SourceType::NamedPerson,
            title: None,
            affiliation: None,
            channel: None,
            anonymity_reason: None,
            stated_on: None,
            reliability: Reliability {
                score: 0.0,
                label: String::new(),
                factors: Vec::new(),
            },
            rule: "reported-speech",
        };
        assert!((assess(&claim).score - 0.72).abs() < 1e-9);
        assert!((assess_in(&claim, body).score - 0.62).abs() < 1e-9);
    }
}
