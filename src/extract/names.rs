//! The written forms of a person's name anywhere in an article: headline, quotations and
//! possessives included ("Ann Lee's plan", "“Ann B. Lee is wrong,” he said"). A speaker
//! known only by surname ("Lee said") takes the fullest of them.

use super::vocab;

/// Lowercase particles inside a surname ("Bill de Blasio", "Ann van Dyke").
const PARTICLES: &[&str] = &["da", "de", "del", "der", "di", "van", "von"];

/// Suffixes that stay with a name ("Robert Casey Jr.").
const SUFFIXES: &[&str] = &["Jr.", "Sr.", "II", "III", "IV"];

/// One written form of a name and whether it surely is a person's: its first word is a
/// known first name, or it stands inside a sentence, where a capitalised word before a
/// surname is no sentence opener ("Still Lee …").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub name: String,
    pub sure: bool,
}

/// Whether `w` (a word as written, without spaces) can stand before a surname in a name.
fn name_word(w: &str) -> bool {
    let bare = w.strip_suffix('.').unwrap_or(w);
    let mut chars = bare.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    // A middle initial ("B.").
    if w.len() == 2 && w.ends_with('.') {
        return true;
    }
    if w.ends_with('.')
        || !bare
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
    {
        return false;
    }
    // "AP", "GOP": no names.
    if bare.chars().filter(|c| c.is_uppercase()).count() == bare.chars().count() {
        return false;
    }
    // Possessives, and descriptors such as "Ohio-born" or "Paris-based".
    if bare.ends_with("'s")
        || bare.ends_with("’s")
        || bare
            .split('-')
            .skip(1)
            .any(|part| part.chars().next().is_some_and(char::is_lowercase))
    {
        return false;
    }
    let excluded = vocab::NOT_IN_NAME | vocab::ABBREVIATION;
    let flags = vocab::flags_of(bare, &mut String::new());
    flags & excluded == 0
        || crate::lexicon::get()
            .first_names
            .contains_key(&*crate::lexicon::lower_key(bare))
}

fn is_first_name(w: &str) -> bool {
    crate::lexicon::get()
        .first_names
        .contains_key(&*crate::lexicon::lower_key(w))
}

/// Every form of a name ending in `surname` (case matters) written in `text`, with its
/// given names, middle initials and suffix ("Ann B. Lee Jr."), in text order. The surname
/// alone is not a form.
#[must_use]
pub fn forms(text: &str, surname: &str) -> Vec<Form> {
    let mut out = Vec::new();
    if surname.is_empty() {
        return out;
    }
    // "O'Neill" is also written "O’Neill".
    let other = if surname.contains('\'') {
        Some(surname.replace('\'', "’"))
    } else if surname.contains('’') {
        Some(surname.replace('’', "'"))
    } else {
        None
    };
    forms_written(text, surname, &mut out);
    if let Some(other) = other {
        forms_written(text, &other, &mut out);
    }
    out
}

fn forms_written(text: &str, surname: &str, out: &mut Vec<Form>) {
    let is_word_char = |c: char| c.is_alphanumeric() || c == '-';
    // memchr's vectorised search: this runs once per named speaker over the whole text,
    // and `str::match_indices` made it a tenth of all extraction time.
    for at in memchr::memmem::find_iter(text.as_bytes(), surname.as_bytes()) {
        let after = &text[at + surname.len()..];
        if after.chars().next().is_some_and(|c| {
            is_word_char(c) || ((c == '\'' || c == '’') && !after[c.len_utf8()..].starts_with('s'))
        }) {
            continue;
        }
        let before = &text[..at];
        if before.chars().next_back().is_some_and(|c| c != ' ') {
            continue;
        }
        // The words before the surname, nearest first.
        let mut words: Vec<&str> = Vec::new();
        let mut rest = before;
        while words.len() < 4 {
            let Some(r) = rest.strip_suffix(' ') else {
                break;
            };
            let start = r
                .char_indices()
                .rev()
                .find(|&(_, c)| c.is_whitespace())
                .map_or(0, |(i, c)| i + c.len_utf8());
            let w = &r[start..];
            if !(name_word(w) || PARTICLES.contains(&w)) {
                break;
            }
            words.push(w);
            rest = &r[..start];
        }
        // A name starts with a given name, not a particle or an initial.
        while words
            .last()
            .is_some_and(|w| PARTICLES.contains(w) || w.ends_with('.'))
        {
            words.pop();
        }
        if words.is_empty() {
            continue;
        }
        words.reverse();
        // A descriptor before a known given name is not part of the name ("Majority Whip
        // Ann Lee").
        if let Some(g) = words.iter().position(|w| is_first_name(w)) {
            words.drain(..g);
        }
        let opener = rest
            .trim_end_matches([' ', '“', '"', '‘', '\'', '(', '—'])
            .chars()
            .next_back()
            .is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n' | ':'));
        let sure = is_first_name(words[0]) || !opener;
        let mut name = words.join(" ");
        name.push(' ');
        name.push_str(surname);
        let tail = after.strip_prefix(',').unwrap_or(after);
        if let Some(s) = tail
            .strip_prefix(' ')
            .and_then(|t| SUFFIXES.iter().find(|s| t.starts_with(**s)))
            && tail[1 + s.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
        {
            name.push(' ');
            name.push_str(s);
        }
        out.push(Form { name, sure });
    }
}

/// Whether `word` is a known first name that `text` writes before a capitalised word.
fn used_as_given(text: &str, word: &str) -> bool {
    is_first_name(word)
        && memchr::memmem::find_iter(text.as_bytes(), word.as_bytes()).any(|at| {
            let after = &text[at + word.len()..];
            after.strip_prefix(' ').is_some_and(|a| {
                a.chars().next().is_some_and(char::is_uppercase)
                    && name_word(
                        a.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'))
                            .next()
                            .unwrap_or(""),
                    )
            })
        })
}

/// The given name of a form ("Ann" of "Ann B. Lee").
fn given(name: &str) -> &str {
    name.split(' ').next().unwrap_or(name)
}

/// The fullest sure form of the person written `surname` in `text`: the longest form of
/// the one given name that the sure forms carry, leaving out the people of `others` (full
/// names of other speakers: "Ms. Varga" quoted apart from "economist Tomas Varga" is not
/// him). With several given names ("Ann Lee" and "Tom Lee") there is none.
#[must_use]
pub fn fullest(text: &str, surname: &str, others: &[&str]) -> Option<String> {
    // A given name ("Hillary" of "Hillary Clinton"), an acronym or a common word is no
    // surname to complete.
    let flags = vocab::flags_of(surname, &mut String::new());
    if used_as_given(text, surname)
        || surname
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
        || flags & vocab::DATE_START != 0
    {
        return None;
    }
    let sure: Vec<Form> = forms(text, surname)
        .into_iter()
        .filter(|f| {
            f.sure
                && !others
                    .iter()
                    .any(|o| given(o) == given(&f.name) && o.ends_with(surname))
        })
        .collect();
    let mut givens: Vec<&str> = sure.iter().map(|f| given(&f.name)).collect();
    givens.sort_unstable();
    givens.dedup();
    let [chosen] = givens.as_slice() else {
        return None;
    };
    sure.iter()
        .filter(|f| given(&f.name) == *chosen)
        .max_by_key(|f| f.name.split(' ').count())
        .map(|f| f.name.clone())
}

/// Whether a capitalised word before a given name describes the person rather than being
/// another given name ("Actor", "Comedian", "Billionaire", "Senators", "Texas-born"; not
/// "Cornell" of "Cornell William Brooks"): a word of the lexicons, or one with the ending
/// of a role or a plural.
fn descriptor(w: &str) -> bool {
    let lower = w.to_lowercase();
    let flags = vocab::flags_of(w, &mut String::new());
    flags & !vocab::CAPITALISED != 0
        || w.contains('-')
        || [
            "er", "or", "ian", "aire", "man", "ist", "s", "ing", "ow", "ip", "ff", "ty",
        ]
        .iter()
        .any(|end| lower.ends_with(end))
}

/// A person's name without the words around it that a capitalised run takes along: a
/// descriptor or opening word before a known given name ("Actor Ann Lee", "Using Ann
/// Lee"), an opening verb or clause word ("Say Lee", "When Lee") and lowercase words
/// after it ("Lee said"). `None` when nothing changes.
#[must_use]
pub fn clean(name: &str) -> Option<String> {
    if !name.contains(' ') {
        return None;
    }
    let mut words: Vec<&str> = name.split(' ').collect();
    let before = words.len();
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
    {
        words.pop();
    }
    if let Some(g) = words[..words.len() - 1]
        .iter()
        .position(|w| is_first_name(w))
        .filter(|&g| g > 0 && words[..g].iter().any(|w| descriptor(w)))
    {
        words.drain(..g);
    }
    while words.len() > 1 && {
        let w = words[0];
        let flags = vocab::flags_of(w, &mut String::new());
        w.chars().next().is_some_and(char::is_lowercase)
            || flags & (vocab::CUE | vocab::CLAUSE | vocab::DETERMINER | vocab::PRONOUN) != 0
    } {
        words.remove(0);
    }
    (words.len() != before).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, surname: &str, expected: Option<&str>) {
        assert_eq!(fullest(text, surname, &[]).as_deref(), expected, "{text}");
    }

    #[test]
    fn words_around_a_name_are_no_part_of_it() {
        let clean_case = |name: &str, expected: Option<&str>| {
            assert_eq!(clean(name).as_deref(), expected, "{name}");
        };
        clean_case("Actor Ann Vance", Some("Ann Vance"));
        clean_case("Harbour Widow Ann Vance", Some("Ann Vance"));
        clean_case("Majority Whip Ann Vance", Some("Ann Vance"));
        clean_case("Using Ann Vance", Some("Ann Vance"));
        clean_case("Say Vance", Some("Vance"));
        clean_case("Vance said", Some("Vance"));
        clean_case("Vance repeatedly", Some("Vance"));
        // Names stay whole.
        clean_case("Ann Vance", None);
        clean_case("Ann Mary Vance", None);
        clean_case("J. Ann Vance", None);
        clean_case("Rafael Ann Vance", None);
        clean_case("Ilse de Brun", None);
        clean_case("Sterling Vance", None);
    }

    #[test]
    fn the_fullest_form_of_a_surname() {
        // In a headline, a quotation or a possessive.
        case("Vance Wins Again\n\nVance said he won.", "Vance", None);
        case(
            "Mary Vance Wins\n\nVance said he won.",
            "Vance",
            Some("Mary Vance"),
        );
        // A given name outside the lexicon inside a sentence.
        case(
            "We met Tomas Vance. Vance said he won.",
            "Vance",
            Some("Tomas Vance"),
        );
        case("Tomas Vance Wins\n\nVance said he won.", "Vance", None);
        case(
            "“Ask Tomas Vance,” he said. Vance agreed.",
            "Vance",
            Some("Tomas Vance"),
        );
        case(
            "It was Tomas Vance's plan. Vance agreed.",
            "Vance",
            Some("Tomas Vance"),
        );
        case(
            "It was Tomas Vance’s plan. Vance agreed.",
            "Vance",
            Some("Tomas Vance"),
        );
        // Middle initials, particles and suffixes.
        case(
            "We met Tomas Vance and later Tomas K. Vance Jr. again.",
            "Vance",
            Some("Tomas K. Vance Jr."),
        );
        case(
            "The mayor, Ilse de Brun, spoke.",
            "Brun",
            Some("Ilse de Brun"),
        );
        // Titles, places and sentence openers are no given names.
        case("Sen. Vance spoke. Senator Vance left.", "Vance", None);
        case("When Vance spoke, Ohio Vance fans cheered.", "Vance", None);
        case("Still Vance won.", "Vance", None);
        case("We met Ohio-born Vance.", "Vance", None);
        case(
            "We met Majority Whip Mary Vance.",
            "Vance",
            Some("Mary Vance"),
        );
        // Given names, acronyms and dates are not surnames.
        case("We met Ann Lee. Ann spoke.", "Ann", None);
        case("We met Rep. Ann Lee. Ann spoke.", "Ann", None);
        case("We met Tomas Ann. Ann spoke.", "Ann", Some("Tomas Ann"));
        case("We met Nova SVP.", "SVP", None);
        case("It was Super Tuesday.", "Tuesday", None);
        // A known first name at a sentence start is one.
        case("Mary Vance won.", "Vance", Some("Mary Vance"));
        // Two people of the surname: none, unless the other is another speaker.
        case("We met Tomas Vance and Mary Vance.", "Vance", None);
        assert_eq!(
            fullest(
                "We met Tomas Vance and Mary Vance.",
                "Vance",
                &["Mary Vance"]
            )
            .as_deref(),
            Some("Tomas Vance")
        );
        // Part of a longer word is no form.
        case("Tomas Vancers won.", "Vance", None);
        case(
            "We met James O’Neill. O'Neill said so.",
            "O'Neill",
            Some("James O’Neill"),
        );
    }
}
