//! Publication dates in the forms newsrooms write them, normalised to ISO `YYYY-MM-DD`.
//!
//! Accepted: "2023-09-05" (also with a time, as in "2023-09-05T10:00:00Z"), "2023/09/05",
//! "September 5, 2023", "Sept. 5, 2023", "Sep 5 2023", "5 Sept 2023", "5th September, 2023",
//! each optionally after a weekday ("Tuesday, September 5, 2023"). Purely numeric day/month
//! forms such as "05/09/2023" are ambiguous and left alone.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

const MONTH: &str = r"(?i:(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?))\.?";

/// The order of the captured year, month and day in each date pattern.
#[derive(Clone, Copy)]
enum Order {
    Ymd,
    Mdy,
    Dmy,
}

/// The date patterns, each with its capture order. Word boundaries are ASCII (`(?-u:\b)`)
/// so that the regex engine's fast DFA handles them on any text.
fn patterns() -> [(String, Order); 3] {
    [
        (
            String::from(
                r"([0-9]{4})[-/]([0-9]{1,2})[-/]([0-9]{1,2})(?:[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?(?-u:\b)",
            ),
            Order::Ymd,
        ),
        (
            format!(r"{MONTH}\s+([0-9]{{1,2}})(?i:st|nd|rd|th)?,?\s+([0-9]{{4}})(?-u:\b)"),
            Order::Mdy,
        ),
        (
            format!(
                r"([0-9]{{1,2}})(?i:st|nd|rd|th)?\s+(?i:of\s+)?{MONTH},?\s+([0-9]{{4}})(?-u:\b)"
            ),
            Order::Dmy,
        ),
    ]
}

/// The patterns anchored at the start of the text.
static AT_START: LazyLock<Vec<(Regex, Order)>> = LazyLock::new(|| {
    patterns()
        .into_iter()
        .map(|(p, o)| (Regex::new(&format!("^(?:{p})")).unwrap(), o))
        .collect()
});

/// The patterns anywhere, after a word boundary.
static ANYWHERE: LazyLock<Vec<(Regex, Order)>> = LazyLock::new(|| {
    patterns()
        .into_iter()
        .map(|(p, o)| (Regex::new(&format!(r"(?-u:\b)(?:{p})")).unwrap(), o))
        .collect()
});

static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?i:day|sday|nesday|rsday|urday)?\.?,?\s+").unwrap()
});

/// The ISO form of `text` when the whole of it (after trimming and an optional weekday) is
/// a date, or starts with an ISO timestamp.
#[must_use]
pub fn parse_date(text: &str) -> Option<String> {
    let text = text.trim();
    let (iso, end) = date_at_start(text)?;
    let rest = text[end..].trim();
    (rest.is_empty() || rest.starts_with(['T', ' ', '('])).then_some(iso)
}

/// The date `text` starts with (after an optional weekday), in ISO form, and the byte
/// offset where it ends.
#[must_use]
pub fn date_at_start(text: &str) -> Option<(String, usize)> {
    let skip = WEEKDAY.find(text).map_or(0, |m| m.end());
    let rest = &text[skip..];
    AT_START.iter().find_map(|(re, order)| {
        let c = re.captures(rest)?;
        Some((to_iso(&c, *order)?, skip + c.get(0)?.end()))
    })
}

/// The first date in `text`, in ISO form, with the byte range it was written in.
#[must_use]
pub fn find_date(text: &str) -> Option<(String, Range<usize>)> {
    ANYWHERE
        .iter()
        .filter_map(|(re, order)| {
            re.captures_iter(text)
                .find_map(|c| Some((to_iso(&c, *order)?, c.get(0)?.range())))
        })
        .min_by_key(|(_, range)| range.start)
}

fn to_iso(c: &regex::Captures<'_>, order: Order) -> Option<String> {
    match order {
        Order::Ymd => iso(&c[1], month_number_digits(&c[2]), &c[3]),
        Order::Mdy => iso(&c[3], month_number(&c[1]), &c[2]),
        Order::Dmy => iso(&c[3], month_number(&c[2]), &c[1]),
    }
}

fn month_number_digits(text: &str) -> Option<u32> {
    text.parse().ok()
}

fn month_number(name: &str) -> Option<u32> {
    let name = name.to_ascii_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months
        .iter()
        .position(|m| name.starts_with(m))
        .map(|i| i as u32 + 1)
}

fn iso(year: &str, month: Option<u32>, day: &str) -> Option<String> {
    let year: u32 = year.parse().ok()?;
    let month = month?;
    let day: u32 = day.parse().ok()?;
    if !(1800..=2200).contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1..=days)
        .contains(&day)
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, expected: Option<&str>) {
        assert_eq!(parse_date(text).as_deref(), expected, "{text:?}");
    }

    #[test]
    fn date_forms() {
        case("2023-09-05", Some("2023-09-05"));
        case(" 2023-9-5 ", Some("2023-09-05"));
        case("2023/09/05", Some("2023-09-05"));
        case("2016-11-08T14:03:00Z", Some("2016-11-08"));
        case("2016-11-08T14:03:00.123+02:00", Some("2016-11-08"));
        case("September 5, 2023", Some("2023-09-05"));
        case("Sept. 5, 2023", Some("2023-09-05"));
        case("Sep 5 2023", Some("2023-09-05"));
        case("sept 5th, 2023", Some("2023-09-05"));
        case("5 Sept 2023", Some("2023-09-05"));
        case("5 September, 2023", Some("2023-09-05"));
        case("5th of September 2023", Some("2023-09-05"));
        case("Tuesday, September 5, 2023", Some("2023-09-05"));
        case("Tue 5 Sep 2023", Some("2023-09-05"));
        case("Feb. 29, 2024", Some("2024-02-29"));
    }

    #[test]
    fn not_dates() {
        case("", None);
        case("05/09/2023", None);
        case("Feb. 29, 2023", None);
        case("2023-13-01", None);
        case("September 31, 2023", None);
        case("Mayor 5, 2023", None);
        case("yesterday", None);
        case("September 5", None);
        case("1,500 troops on September 5, 2023", None);
    }

    #[test]
    fn finds_the_first_date_in_a_line() {
        let (iso, range) = find_date("Posted Sept. 5, 2023 and updated 2023-09-06").unwrap();
        assert_eq!(iso, "2023-09-05");
        assert_eq!(range, 7..20);
        let (iso, _) = find_date("updated 2023-09-06, first posted 5 Sep 2023").unwrap();
        assert_eq!(iso, "2023-09-06");
        assert!(find_date("no date here").is_none());
    }
}
