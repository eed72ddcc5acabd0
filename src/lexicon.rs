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
    ("catenatives", include_str!("../lexicons/catenatives.txt")),
    (
        "cue_particles",
        include_str!("../lexicons/cue_particles.txt"),
    ),
    ("cue_verbs", include_str!("../lexicons/cue_verbs.txt")),
    ("documents", include_str!("../lexicons/documents.txt")),
    ("first_names", include_str!("../lexicons/first_names.txt")),
    ("hedges", include_str!("../lexicons/hedges.txt")),
    (
        "media_reports",
        include_str!("../lexicons/media_reports.txt"),
    ),
    ("not_names", include_str!("../lexicons/not_names.txt")),
    ("honorifics", include_str!("../lexicons/honorifics.txt")),
    (
        "organizations",
        include_str!("../lexicons/organizations.txt"),
    ),
    ("office_verbs", include_str!("../lexicons/office_verbs.txt")),
    ("places", include_str!("../lexicons/places.txt")),
    (
        "public_officials",
        include_str!("../lexicons/public_officials.txt"),
    ),
    (
        "research_bodies",
        include_str!("../lexicons/research_bodies.txt"),
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
    /// Index into `lists` by lowercase first word.
    by_first: WordMap<usize>,
    /// The longest first word, in bytes.
    max_first: usize,
    /// Whether every first word is ASCII: then a word with other characters cannot match
    /// (words are compared ignoring ASCII case only) and is rejected without lowercasing.
    ascii_firsts: bool,
    /// The entries by first word, and the index + 1 of each first word's list: ASCII
    /// words are looked up here, without lowercasing or hashing a string.
    lists: Vec<Vec<Phrase<T>>>,
    first_index: WordTable,
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
        let mut firsts: Vec<String> = by_first.keys().cloned().collect();
        firsts.sort();
        let mut lists = Vec::with_capacity(firsts.len());
        let mut index: WordMap<usize> = WordMap::default();
        for (i, k) in firsts.iter().enumerate() {
            lists.push(by_first.remove(k).unwrap_or_default());
            index.insert(k.clone(), i);
        }
        let first_index = WordTable::new(
            firsts
                .into_iter()
                .enumerate()
                .map(|(i, k)| (k, i as u32 + 1))
                .collect(),
        );
        let by_first = index;
        Self {
            by_first,
            max_first,
            ascii_firsts,
            lists,
            first_index,
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
            if first.len() > self.max_first {
                return None;
            }
            let at = self.first_index.get(first, &mut String::new()) as usize;
            self.lists.get(at.checked_sub(1)?)?
        } else if self.ascii_firsts {
            return None;
        } else {
            &self.lists[*self.by_first.get(lower_key(first).as_ref())?]
        };
        // Entries share their first words: each word is fetched once.
        let mut seen: [Option<Option<&'w str>>; 8] = [None; 8];
        seen[0] = Some(Some(first));
        let mut get = |i: usize| match seen.get_mut(i) {
            Some(slot) => *slot.get_or_insert_with(|| word(i)),
            None => word(i),
        };
        list.iter().find(|p| {
            p.words.len() <= available
                && p.words
                    .iter()
                    .enumerate()
                    .all(|(i, w)| get(i).is_some_and(|t| t.eq_ignore_ascii_case(w)))
        })
    }
}

/// Words up to this many bytes are packed into a fixed key; longer ones (none today) go
/// to a plain map.
const KEY_BYTES: usize = 32;
const KEY_WORDS: usize = KEY_BYTES / 8;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// A word packed little-endian into zero-padded 64-bit words: equal keys are equal words,
/// compared without a call to `memcmp`.
type Key = [u64; KEY_WORDS];

/// Sets bit 5 of every ASCII capital among the eight bytes of `v` (SWAR lowercasing).
#[inline]
fn ascii_lower8(v: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low7 = v & !HIGH;
    let from_a = low7 + ONES * u64::from(0x80 - b'A');
    let past_z = low7 + ONES * u64::from(0x80 - b'Z' - 1);
    let upper = from_a & !past_z & !v & HIGH;
    v | (upper >> 2)
}

/// Up to eight bytes, little-endian, zero-padded; two overlapping loads instead of a loop.
#[inline]
fn load_le(b: &[u8]) -> u64 {
    let n = b.len();
    if n >= 4 {
        let lo = u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
        let hi = u64::from(u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]));
        lo | hi << (8 * (n - 4))
    } else if n >= 2 {
        let lo = u64::from(u16::from_le_bytes([b[0], b[1]]));
        let hi = u64::from(u16::from_le_bytes([b[n - 2], b[n - 1]]));
        lo | hi << (8 * (n - 2))
    } else {
        b.first().copied().map_or(0, u64::from)
    }
}

/// Packs `word` (at most [`KEY_BYTES`]) into a key, lowercasing ASCII capitals.
#[inline]
fn pack_ascii_lower(word: &[u8]) -> Key {
    let mut key = [0u64; KEY_WORDS];
    for (slot, chunk) in key.iter_mut().zip(word.chunks(8)) {
        *slot = ascii_lower8(load_le(chunk));
    }
    key
}

#[inline]
fn slot_hash(key0: u64, len: usize) -> u64 {
    (key0 ^ (len as u64).rotate_right(7)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// An open-addressing slot: the first eight bytes of the key inline, so that a hit on a
/// short word reads one cache line.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key0: u64,
    flags: u32,
    /// Key length in bytes; 0 is an empty slot.
    len: u8,
}

/// Lowercase words with a `u32` each, looked up in any case: an open-addressing table of
/// packed keys, built once. Much faster than a `HashMap<String, _>` for the per-token
/// lookups of extraction.
#[derive(Debug, Clone)]
pub struct WordTable {
    slots: Box<[Slot]>,
    /// The key words after the first, by slot.
    tails: Box<[[u64; KEY_WORDS - 1]]>,
    shift: u32,
    /// Entries longer than [`KEY_BYTES`].
    long: HashMap<Box<str>, u32>,
    /// The longest entry in bytes: longer words are not looked up.
    max_len: usize,
    /// A quick reject before packing: the [`length_letters_bit`] of every ASCII
    /// entry. Most words of a text fail it.
    prefilter: Box<[u64; 1024]>,
}

impl WordTable {
    /// A table of `words` (lowercase); the values of a word listed twice are OR-ed.
    #[must_use]
    pub fn new(words: Vec<(String, u32)>) -> Self {
        let mut merged: Vec<(String, u32)> = Vec::with_capacity(words.len());
        let mut index: HashMap<String, usize> = HashMap::new();
        for (w, f) in words {
            if let Some(&i) = index.get(&w) {
                merged[i].1 |= f;
            } else {
                index.insert(w.clone(), merged.len());
                merged.push((w, f));
            }
        }
        let size = (merged.len() * 2).next_power_of_two().max(64);
        let mut slots = vec![Slot::default(); size].into_boxed_slice();
        let mut tails = vec![[0u64; KEY_WORDS - 1]; size].into_boxed_slice();
        let shift = 64 - size.trailing_zeros();
        let mut long = HashMap::new();
        let mut max_len = 0;
        let mut prefilter = Box::new([0u64; 1024]);
        for (w, flags) in merged {
            max_len = max_len.max(w.len());
            if w.is_ascii() {
                set_length_letters_bit(&mut prefilter, w.as_bytes());
            }
            if w.len() > KEY_BYTES || w.is_empty() {
                long.insert(w.into_boxed_str(), flags);
                continue;
            }
            let key = pack_ascii_lower(w.as_bytes());
            let mut at = (slot_hash(key[0], w.len()) >> shift) as usize;
            while slots[at].len != 0 {
                at = (at + 1) & (size - 1);
            }
            slots[at] = Slot {
                key0: key[0],
                flags,
                len: w.len() as u8,
            };
            tails[at].copy_from_slice(&key[1..]);
        }
        Self {
            slots,
            tails,
            shift,
            long,
            max_len,
            prefilter,
        }
    }

    #[inline]
    fn lookup(&self, key: &Key, len: usize) -> u32 {
        let mask = self.slots.len() - 1;
        let mut at = (slot_hash(key[0], len) >> self.shift) as usize;
        loop {
            let slot = self.slots[at];
            if slot.len == 0 {
                return 0;
            }
            if usize::from(slot.len) == len
                && slot.key0 == key[0]
                && (len <= 8 || self.tails[at] == key[1..])
            {
                return slot.flags;
            }
            at = (at + 1) & mask;
        }
    }

    /// The value of `word` (any case; 0 when absent); `buf` is scratch space for
    /// lowercasing non-ASCII words.
    #[inline]
    #[must_use]
    pub fn get(&self, word: &str, buf: &mut String) -> u32 {
        let bytes = word.as_bytes();
        let len = bytes.len();
        if len > self.max_len || len == 0 {
            return 0;
        }
        if len <= 8 {
            let raw = load_le(bytes);
            if raw & HIGH == 0 {
                if !has_length_letters_bit(&self.prefilter, bytes) {
                    return 0;
                }
                let mut key = [0u64; KEY_WORDS];
                key[0] = ascii_lower8(raw);
                return self.lookup(&key, len);
            }
        } else if word.is_ascii() {
            if !has_length_letters_bit(&self.prefilter, bytes) {
                return 0;
            }
            if len > KEY_BYTES {
                return self.long_flags(&word.to_ascii_lowercase());
            }
            return self.lookup(&pack_ascii_lower(bytes), len);
        }
        buf.clear();
        for c in word.chars() {
            buf.extend(c.to_lowercase());
        }
        if buf.len() > KEY_BYTES {
            return self.long_flags(buf);
        }
        // Lowercase already: packing changes no byte.
        self.lookup(&pack_ascii_lower(buf.as_bytes()), buf.len())
    }

    /// The longest word in the table, in bytes.
    #[must_use]
    pub fn max_len(&self) -> usize {
        self.max_len
    }

    #[cold]
    fn long_flags(&self, lower: &str) -> u32 {
        self.long.get(lower).copied().unwrap_or(0)
    }
}

/// Lowercases only when needed.
#[must_use]
pub fn lower_key(word: &str) -> std::borrow::Cow<'_, str> {
    if !word.is_ascii() {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
        // The same as `to_lowercase` for ASCII, without the Unicode tables.
        std::borrow::Cow::Owned(word.to_ascii_lowercase())
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
    /// A cue's last word and a particle that joins the cue, as "word particle"
    /// ("referred to", "hinted at").
    pub cue_particles: WordSet,
    /// Verbs joined with "to" to a following cue verb ("went on to say").
    pub catenatives: PhraseTable<()>,
    /// Verbs of a relative clause that state an office ("who heads the agency").
    pub office_verbs: WordSet,
    /// Words naming a university or research body ("institute", "university").
    pub research_bodies: WordSet,
    /// Nouns for an outlet's own reporting ("a CNN report").
    pub media_reports: WordSet,
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
            cue_particles: pairs(file("cue_particles"))
                .map(|(w, p)| format!("{w} {p}"))
                .collect(),
            catenatives: PhraseTable::new(entries(file("catenatives")).map(|k| (k.to_owned(), ()))),
            office_verbs: set("office_verbs"),
            research_bodies: set("research_bodies"),
            media_reports: set("media_reports"),
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
    fn swar_lowercasing_matches_byte_lowercasing() {
        for b in 0..=255u8 {
            for at in 0..8 {
                for fill in [b'A', b'z', 0xC3, b'['] {
                    let mut bytes = [fill; 8];
                    bytes[at] = b;
                    let expected = u64::from_le_bytes(bytes.map(|x| x.to_ascii_lowercase()));
                    assert_eq!(
                        ascii_lower8(u64::from_le_bytes(bytes)),
                        expected,
                        "{bytes:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn loads_pack_every_length() {
        let text = b"abcdefghij";
        for n in 0..=8 {
            let mut padded = [0u8; 8];
            padded[..n].copy_from_slice(&text[..n]);
            assert_eq!(load_le(&text[..n]), u64::from_le_bytes(padded), "{n} bytes");
        }
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
