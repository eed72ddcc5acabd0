//! Statement dates: "on Tuesday", "Monday", "yesterday", "on August 3" near a cue, resolved
//! against the article's publication date.
//!
//! A weekday means the latest such day on or before publication ("said on Tuesday" in a
//! Tuesday article is that day); "last Tuesday" is strictly before.

use super::doc::Doc;

/// A date expression as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// 0 = Monday … 6 = Sunday; `strict` for "last Monday".
    Weekday {
        day: u8,
        strict: bool,
    },
    Today,
    Yesterday,
    /// Month 1–12, day 1–31.
    MonthDay {
        month: u8,
        day: u8,
    },
}

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const MONTHS: &[(&str, u8)] = &[
    ("jan", 1),
    ("january", 1),
    ("feb", 2),
    ("february", 2),
    ("mar", 3),
    ("march", 3),
    ("apr", 4),
    ("april", 4),
    ("may", 5),
    ("jun", 6),
    ("june", 6),
    ("jul", 7),
    ("july", 7),
    ("aug", 8),
    ("august", 8),
    ("sep", 9),
    ("sept", 9),
    ("september", 9),
    ("oct", 10),
    ("october", 10),
    ("nov", 11),
    ("november", 11),
    ("dec", 12),
    ("december", 12),
];

/// A date expression starting at token `i` (with an optional "on" or "last"), and the
/// exclusive index after it.
#[must_use]
pub fn parse_at(doc: &Doc<'_>, i: usize) -> Option<(usize, When)> {
    if !doc.has(i, super::vocab::DATE_START) {
        return None;
    }
    let mut j = i;
    let mut strict = false;
    if doc.is(j, "on") {
        j += 1;
    } else if doc.is(j, "last") {
        strict = true;
        j += 1;
    }
    let word = doc.lower(j);
    if let Some(day) = WEEKDAYS.iter().position(|d| *d == word) {
        if !doc.is_cap(j) {
            return None;
        }
        return Some((
            j + 1,
            When::Weekday {
                day: day as u8,
                strict,
            },
        ));
    }
    if !strict && j == i {
        match word.as_ref() {
            "today" => return Some((j + 1, When::Today)),
            "yesterday" => return Some((j + 1, When::Yesterday)),
            _ => {}
        }
    }
    if strict {
        return None;
    }
    let month = MONTHS.iter().find(|(m, _)| *m == word)?.1;
    if !doc.is_cap(j) {
        return None;
    }
    let mut k = j + 1;
    if doc.is_punct(k, ".") {
        k += 1;
    }
    let day: u8 = doc.s(k).parse().ok().filter(|d| (1..=31).contains(d))?;
    Some((k + 1, When::MonthDay { month, day }))
}

/// Parses an ISO `YYYY-MM-DD` date.
#[must_use]
pub fn parse_iso(date: &str) -> Option<(i64, u32, u32)> {
    let mut parts = date.get(..10)?.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts
        .next()?
        .parse()
        .ok()
        .filter(|m| (1..=12).contains(m))?;
    let d = parts
        .next()?
        .parse()
        .ok()
        .filter(|d| (1..=31).contains(d))?;
    Some((y, m, d))
}

/// Days since 1970-01-01 (proleptic Gregorian).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn iso(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The ISO date `when` names, seen from the publication date `base` (ISO).
#[must_use]
pub fn resolve(when: When, base: &str) -> Option<String> {
    let (y, m, d) = parse_iso(base)?;
    let today = days_from_civil(y, m, d);
    let days = match when {
        When::Today => today,
        When::Yesterday => today - 1,
        When::Weekday { day, strict } => {
            // 1970-01-01 was a Thursday (Monday = 0 → Thursday = 3).
            let base_day = (today + 3).rem_euclid(7);
            let mut back = (base_day - i64::from(day)).rem_euclid(7);
            if strict && back == 0 {
                back = 7;
            }
            today - back
        }
        When::MonthDay { month, day } => {
            let this_year = days_from_civil(y, u32::from(month), u32::from(day));
            if this_year > today {
                days_from_civil(y - 1, u32::from(month), u32::from(day))
            } else {
                this_year
            }
        }
    };
    Some(iso(days))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, base: &str, expected: Option<&str>) {
        let doc = Doc::new(text, 0);
        let got = parse_at(&doc, 0).and_then(|(_, w)| resolve(w, base));
        assert_eq!(got.as_deref(), expected, "{text}");
    }

    #[test]
    fn dates() {
        // 2024-03-13 is a Wednesday.
        case("on Wednesday", "2024-03-13", Some("2024-03-13"));
        case("Monday", "2024-03-13", Some("2024-03-11"));
        case("on Thursday", "2024-03-13", Some("2024-03-07"));
        case("last Wednesday", "2024-03-13", Some("2024-03-06"));
        case("yesterday", "2024-03-01", Some("2024-02-29"));
        case("on Aug. 3", "2024-03-13", Some("2023-08-03"));
        case("March 2", "2024-03-13", Some("2024-03-02"));
        case("on Tuesday", "not a date", None);
        case("monday", "2024-03-13", None);
        case("on the way", "2024-03-13", None);
    }
}
