//! Lexicons: cue verbs, titles, honorifics, anonymous heads, organisations, places,
//! agencies, documents, anonymity reasons, hedges and abbreviations.
//!
//! Each lexicon is a sorted text file in `lexicons/` with a header comment saying what it
//! holds and where its entries come from. The files are embedded at build time and parsed
//! once into [`Lexicon`]; a test keeps every file sorted and free of duplicates.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// A small, fast hasher for short words (SipHash dominated extraction profiles).
#[derive(Default)]
pub struct WordHasher(u64);

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut buf = [0u8; 8];
            buf.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(K);
    }
}

pub type FastBuild = BuildHasherDefault<WordHasher>;
pub type WordMap<V> = HashMap<String, V, FastBuild>;
pub type WordSet = HashSet<String, FastBuild>;

/// The raw lexicon files, by name, in the order they are checked.
pub const FILES: &[(&str, &str)] = &[
    (
        "abbreviations",
        include_str!("../lexicons/abbreviations.txt"),
    ),
    ("agencies", include_str!("../lexicons/agencies.txt")),
    ("anonymity", include_str!("../lexicons/anonymity.txt")),
    (
        "anonymous_heads",
        include_str!("../lexicons/anonymous_heads.txt"),
    ),
    ("cue_verbs", include_str!("../lexicons/cue_verbs.txt")),
    ("documents", include_str!("../lexicons/documents.txt")),
    ("first_names", include_str!("../lexicons/first_names.txt")),
    ("hedges", include_str!("../lexicons/hedges.txt")),
    ("not_names", include_str!("../lexicons/not_names.txt")),
    ("honorifics", include_str!("../lexicons/honorifics.txt")),
    (
        "organizations",
        include_str!("../lexicons/organizations.txt"),
    ),
    ("places", include_str!("../lexicons/places.txt")),
    (
        "public_officials",
        include_str!("../lexicons/public_officials.txt"),
    ),
    ("titles", include_str!("../lexicons/titles.txt")),
];

/// What kind of cue a verb form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// A verb of saying ("said", "warned").
    Speech,
    /// A verb of saying that may take a listener before the content ("told AFP that").
    Tell,
    /// A verb of thinking or wanting ("believes").
    Belief,
    /// A verb whose subject is usually a text or finding ("shows").
    Report,
}

/// Whether a title makes its holder an official or a private person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleClass {
    Official,
    Person,
}

/// Where a hedge's content lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HedgeAttach {
    /// After the phrase: "There has been speculation that …".
    After,
    /// Around the phrase: "he reportedly met …".
    Subject,
}

/// A multi-word entry, lowercase words, with its value.
#[derive(Debug, Clone)]
pub struct Phrase<T> {
    pub words: Vec<String>,
    pub value: T,
}

/// Multi-word entries indexed by their first word, longest first.
#[derive(Debug, Clone)]
pub struct PhraseTable<T> {
    by_first: WordMap<Vec<Phrase<T>>>,
    /// The longest first word, in bytes.
    max_first: usize,
    /// Whether every first word is ASCII: then a word with other characters cannot match
    /// (words are compared ignoring ASCII case only) and is rejected without lowercasing.
    ascii_firsts: bool,
    /// The first words' [`length_letters_bit`]s: most words are rejected without hashing.
    prefilter: Box<[u64; 1024]>,
}

/// One of 65,536 bits for a word of ASCII letters: its length and the low five bits of
/// its first and last bytes (so the same for both cases of a letter). Words with different
/// bits differ ignoring ASCII case; a set of bits is a quick reject before a hash lookup.
#[inline]
#[must_use]
pub fn length_letters_bit(word: &[u8]) -> usize {
    let first = usize::from(word.first().copied().unwrap_or(0)) & 31;
    let last = usize::from(word.last().copied().unwrap_or(0)) & 31;
    ((word.len() & 63) << 10) | (first << 5) | last
}

/// Sets the bit of `word` in `bits`.
pub fn set_length_letters_bit(bits: &mut [u64; 1024], word: &[u8]) {
    let b = length_letters_bit(word);
    bits[b / 64] |= 1 << (b % 64);
}

/// Whether the bit of `word` is set in `bits`.
#[inline]
#[must_use]
pub fn has_length_letters_bit(bits: &[u64; 1024], word: &[u8]) -> bool {
    let b = length_letters_bit(word);
    bits[b / 64] & (1 << (b % 64)) != 0
}

impl<T> PhraseTable<T> {
    fn new(entries: impl IntoIterator<Item = (String, T)>) -> Self {
        let mut by_first: WordMap<Vec<Phrase<T>>> = WordMap::default();
        for (phrase, value) in entries {
            let words: Vec<String> = phrase.split_whitespace().map(str::to_owned).collect();
            if let Some(first) = words.first() {
                by_first
                    .entry(first.clone())
                    .or_default()
                    .push(Phrase { words, value });
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
        let max_first = by_first.keys().map(String::len).max().unwrap_or(0);
        let ascii_firsts = by_first.keys().all(|k| k.is_ascii());
        let mut prefilter = Box::new([0u64; 1024]);
        for k in by_first.keys() {
            set_length_letters_bit(&mut prefilter, k.as_bytes());
        }
        Self {
            by_first,
            max_first,
            ascii_firsts,
            prefilter,
        }
    }

    /// The first words of all entries.
    pub fn first_words(&self) -> impl Iterator<Item = &str> {
        self.by_first.keys().map(String::as_str)
    }

    /// The longest entry whose words equal (case-insensitively) the words given by `word(i)`
    /// for `i` in `0..available`.
    pub fn longest<'w>(
        &self,
        available: usize,
        word: impl Fn(usize) -> Option<&'w str>,
    ) -> Option<&Phrase<T>> {
        let first = word(0)?;
        let list = if first.is_ascii() {
            // ASCII lowercasing keeps the length: a longer word is no entry.
            if first.len() > self.max_first
                || !has_length_letters_bit(&self.prefilter, first.as_bytes())
            {
                return None;
            }
            if first.bytes().any(|b| b.is_ascii_uppercase()) && first.len() <= 32 {
                let mut buf = [0u8; 32];
                buf[..first.len()].copy_from_slice(first.as_bytes());
                buf[..first.len()].make_ascii_lowercase();
                let lowered = std::str::from_utf8(&buf[..first.len()]).ok()?;
                self.by_first.get(lowered)?
            } else {
                self.by_first.get(lower_key(first).as_ref())?
            }
        } else if self.ascii_firsts {
            return None;
        } else {
            self.by_first.get(lower_key(first).as_ref())?
        };
        list.iter().find(|p| {
            p.words.len() <= available
                && p.words
                    .iter()
                    .enumerate()
                    .all(|(i, w)| word(i).is_some_and(|t| t.eq_ignore_ascii_case(w)))
        })
    }
}

/// Lowercases only when needed.
#[must_use]
pub fn lower_key(word: &str) -> std::borrow::Cow<'_, str> {
    if word.bytes().any(|b| b.is_ascii_uppercase()) || !word.is_ascii() {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// Every lexicon, parsed.
#[derive(Debug)]
pub struct Lexicon {
    pub cue_verbs: WordMap<CueClass>,
    pub titles: WordMap<TitleClass>,
    pub honorifics: WordSet,
    pub anonymous_heads: WordSet,
    pub documents: WordSet,
    pub abbreviations: WordSet,
    pub not_names: WordSet,
    pub public_officials: WordMap<String>,
    /// Common first names with "f" or "m", to match "she" and "he" to people.
    pub first_names: WordMap<String>,
    /// Organisations: canonical name (empty: as written).
    pub organizations: PhraseTable<String>,
    /// Capitals standing for their country.
    pub places: PhraseTable<String>,
    /// Agencies and outlets: canonical name.
    pub agencies: PhraseTable<String>,
    pub hedges: PhraseTable<HedgeAttach>,
    pub anonymity: PhraseTable<()>,
}

/// The entries of a lexicon file: non-empty lines that are not comments.
pub fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn pairs(text: &str) -> impl Iterator<Item = (&str, &str)> {
    entries(text).map(|l| l.split_once('\t').unwrap_or((l, "")))
}

fn file(name: &str) -> &'static str {
    FILES
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, text)| text)
}

fn set(name: &str) -> WordSet {
    entries(file(name)).map(str::to_owned).collect()
}

fn strings(name: &str) -> PhraseTable<String> {
    PhraseTable::new(pairs(file(name)).map(|(k, v)| (k.to_owned(), v.to_owned())))
}

impl Lexicon {
    fn load() -> Self {
        let cue_verbs = pairs(file("cue_verbs"))
            .map(|(w, class)| {
                let class = match class {
                    "tell" => CueClass::Tell,
                    "belief" => CueClass::Belief,
                    "report" => CueClass::Report,
                    _ => CueClass::Speech,
                };
                (w.to_owned(), class)
            })
            .collect();
        let titles = pairs(file("titles"))
            .map(|(w, class)| {
                let class = if class == "person" {
                    TitleClass::Person
                } else {
                    TitleClass::Official
                };
                (w.to_owned(), class)
            })
            .collect();
        let hedges = PhraseTable::new(pairs(file("hedges")).map(|(k, v)| {
            let attach = if v == "subject" {
                HedgeAttach::Subject
            } else {
                HedgeAttach::After
            };
            (k.to_owned(), attach)
        }));
        Self {
            cue_verbs,
            titles,
            honorifics: set("honorifics"),
            anonymous_heads: set("anonymous_heads"),
            documents: set("documents"),
            abbreviations: set("abbreviations"),
            not_names: set("not_names"),
            public_officials: pairs(file("public_officials"))
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect(),
            first_names: pairs(file("first_names"))
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect(),
            organizations: strings("organizations"),
            places: strings("places"),
            agencies: strings("agencies"),
            hedges,
            anonymity: PhraseTable::new(entries(file("anonymity")).map(|k| (k.to_owned(), ()))),
        }
    }
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

/// The lexicons, parsed on first use.
#[must_use]
pub fn get() -> &'static Lexicon {
    &LEXICON
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_is_sorted_without_duplicates_and_has_a_header() {
        for (name, text) in FILES {
            assert!(
                text.starts_with("# "),
                "lexicons/{name}.txt must start with a header comment"
            );
            let lines: Vec<&str> = entries(text).collect();
            assert!(!lines.is_empty(), "lexicons/{name}.txt is empty");
            for pair in lines.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "lexicons/{name}.txt: '{}' must come before '{}' and appear once",
                    pair[1],
                    pair[0]
                );
            }
            for line in &lines {
                let key = line.split('\t').next().unwrap_or("");
                assert_eq!(
                    key,
                    key.to_lowercase(),
                    "lexicons/{name}.txt: keys are lowercase"
                );
            }
        }
    }

    #[track_caller]
    fn case(words: &[&str], expected: Option<&str>) {
        let lex = get();
        let found = lex
            .agencies
            .longest(words.len(), |i| words.get(i).copied())
            .map(|p| p.value.as_str());
        assert_eq!(found, expected, "{words:?}");
    }

    #[test]
    fn phrase_tables_take_the_longest_match_ignoring_case() {
        case(&["Associated", "Press", "said"], Some("AP"));
        case(&["AFP"], Some("AFP"));
        case(&["The", "Washington", "Post"], Some("Washington Post"));
        case(&["ASSOCIATED", "PRESS"], Some("AP"));
        case(&["Associated"], None);
        case(&["Associated", "Pressure"], None);
        case(&["“", "Associated", "Press"], None);
        case(&["Åssociated", "Press"], None);
        case(&["nobody"], None);
    }

    #[test]
    fn classes_are_read() {
        let lex = get();
        assert_eq!(lex.cue_verbs.get("told"), Some(&CueClass::Tell));
        assert_eq!(lex.cue_verbs.get("said"), Some(&CueClass::Speech));
        assert_eq!(lex.titles.get("minister"), Some(&TitleClass::Official));
        assert_eq!(lex.titles.get("analyst"), Some(&TitleClass::Person));
        assert!(lex.honorifics.contains("mr"));
    }
}
