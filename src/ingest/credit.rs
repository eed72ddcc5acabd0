//! Agency credits: "(with agency reports)", "(AFP)", "— Reuters", and datelines such as
//! "DALLAS (AP) —" or "NEW YORK, Nov. 19 (UPI) —" at the start of the text.
//!
//! The credit is recorded as written inside the parentheses or after the dash ("with agency
//! reports", "AFP"), so users see what the article itself said.

use std::sync::LazyLock;

use regex::Regex;

/// News agencies whose names appear in credits. Short all-capital names are matched
/// case-sensitively so that "ap" or "pa" in ordinary text never count.
const AGENCIES: &[&str] = &[
    "AAP",
    "AFP",
    "ANA",
    "ANI",
    "ANSA",
    "AP",
    "Agence France-Presse",
    "Agence France Presse",
    "Anadolu",
    "Associated Press",
    "Bloomberg",
    "CP",
    "Canadian Press",
    "DPA",
    "EFE",
    "IANS",
    "Kyodo",
    "PA",
    "PTI",
    "Press Association",
    "Reuters",
    "TASS",
    "UPI",
    "Xinhua",
    "Yonhap",
    "dpa",
];

fn agency_alternation() -> String {
    let mut names: Vec<&str> = AGENCIES.to_vec();
    // Longest first, so "Agence France-Presse" wins over a shorter prefix.
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
        .iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|")
}

/// A credit in parentheses: "(AFP)", "(with agency reports)", "(Reuters and AP)".
static PAREN: LazyLock<Regex> = LazyLock::new(|| {
    let a = agency_alternation();
    Regex::new(&format!(
        r"\(\s*((?i:(?:with|from)\s+)?(?:(?i:agency reports|agencies|wire reports|wires|news agencies)|(?:{a})(?:\s*(?:,|and|/|&)\s*(?:{a}))*(?i:\s+reports?)?))\s*\)"
    ))
    .unwrap()
});

/// A dateline opening the text: "DALLAS (AP) —", "NEW YORK, Nov. 19 (UPI) -", "(AFP) -".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let a = agency_alternation();
    Regex::new(&format!(
        r"^(?:[A-Z][A-Za-z.'’ -]{{0,40}}(?:,\s*[A-Z][A-Za-z.'’ -]{{0,30}}(?:\s\d{{1,2}})?){{0,2}}\s*)?\(((?:{a})(?:\s*(?:,|and|/|&)\s*(?:{a}))*)\)\s*[—–:-]"
    ))
    .unwrap()
});

/// Reuters closes its stories with a reporting line: "(Reporting by Valerie Volcovici;
/// Editing by Will Dunham.)".
static REUTERS_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(?\s*Reporting by [^()]{1,200};\s*(?:Additional reporting by [^()]{1,200};\s*)?(?:Writing by [^()]{1,100};\s*)?Editing by [^()]{1,200}\)?\.?\)?$").unwrap()
});

/// The credit in `text` when the whole of it is one: "(AFP)", "with agency reports",
/// "— Reuters", "AFP".
#[must_use]
pub fn whole_credit(text: &str) -> Option<String> {
    let text = text.trim();
    if let Some(c) = PAREN.captures(text) {
        if c.get(0)
            .is_some_and(|m| m.start() == 0 && m.end() == text.len())
        {
            return Some(c[1].trim().to_owned());
        }
    }
    let bare = text.trim_start_matches(['—', '–', '-', '|']).trim();
    let lower = bare.to_lowercase();
    if matches!(
        lower.as_str(),
        "with agency reports" | "with agencies" | "agency reports" | "with wire reports"
    ) {
        return Some(bare.to_owned());
    }
    AGENCIES.contains(&bare).then(|| bare.to_owned())
}

/// A parenthesised credit anywhere in a short line, with its byte range.
#[must_use]
pub fn paren_credit(line: &str) -> Option<(String, std::ops::Range<usize>)> {
    let c = PAREN.captures(line)?;
    Some((c[1].trim().to_owned(), c.get(0)?.range()))
}

/// The agency of a dateline opening `paragraph` ("DALLAS (AP) — ...").
#[must_use]
pub fn dateline_credit(paragraph: &str) -> Option<String> {
    // A dateline is short; look no further than its first line's first 120 bytes.
    let head = paragraph.trim_start();
    let mut end = head.len().min(120);
    while !head.is_char_boundary(end) {
        end -= 1;
    }
    let head = head[..end].lines().next().unwrap_or("");
    DATELINE.captures(head).map(|c| c[1].trim().to_owned())
}

/// The credit of an article from its text: a dateline on the first paragraph, or a credit
/// line closing it ("(AFP)", "— Reuters", "With agency reports").
#[must_use]
pub fn text_credit(text: &str) -> Option<String> {
    let first = text.trim_start();
    if let Some(credit) = dateline_credit(first) {
        return Some(credit);
    }
    let last = text.trim_end();
    let last_line = last.rsplit('\n').next().unwrap_or("").trim();
    if last_line.len() <= 40 {
        return whole_credit(last_line);
    }
    (last_line.len() <= 600 && REUTERS_TAG.is_match(last_line)).then(|| String::from("Reuters"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, expected: Option<&str>) {
        assert_eq!(text_credit(text).as_deref(), expected, "{text:?}");
    }

    #[test]
    fn credits_in_article_text() {
        case(
            "DALLAS (AP) — Democratic presidential candidate ...",
            Some("AP"),
        );
        case(
            "NEW YORK, Nov. 19 (UPI) — Former Secretary ...",
            Some("UPI"),
        );
        case("(AFP) - The army said ...", Some("AFP"));
        case(
            "PARIS (Reuters) - France said on Tuesday ...",
            Some("Reuters"),
        );
        case(
            "Talks began.\n\nThe source gave no details.\n\n(AFP)",
            Some("AFP"),
        );
        case("Talks began.\n\n— Reuters\n", Some("Reuters"));
        case(
            "Talks began.\n\nWith agency reports",
            Some("With agency reports"),
        );
        case("The AP reported that talks began.", None);
        case("Dallas police (who were there) said talks began.", None);
        case("Talks began.\n\nThe end.", None);
        case("", None);
    }

    #[test]
    fn credits_in_a_line() {
        assert_eq!(
            paren_credit("By Tunde Oso (with agency reports)")
                .map(|c| c.0)
                .as_deref(),
            Some("with agency reports")
        );
        assert_eq!(
            paren_credit("By A. Writer (Reuters and AP)")
                .map(|c| c.0)
                .as_deref(),
            Some("Reuters and AP")
        );
        assert_eq!(paren_credit("By A. Writer (Paris)"), None);
        assert_eq!(whole_credit("— AFP").as_deref(), Some("AFP"));
        assert_eq!(whole_credit("— Paris"), None);
        assert_eq!(whole_credit("(AFP)").as_deref(), Some("AFP"));
        assert_eq!(
            whole_credit("(with agency reports)").as_deref(),
            Some("with agency reports")
        );
        assert_eq!(whole_credit("(Paris)"), None);
    }
}
