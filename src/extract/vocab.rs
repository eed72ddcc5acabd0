//! Word classes: every lexicon entry and every grammar word the rules test, folded into one
//! table of bit flags so that each token is looked up once, when the article is read.
//!
//! Rules then test bits instead of hashing strings; multi-word lexicon entries flag their
//! first word, so a phrase table is only consulted where a phrase can start.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::lexicon::{self, CueClass, TitleClass};

pub const CUE_SPEECH: u32 = 1;
pub const CUE_TELL: u32 = 1 << 1;
pub const CUE_BELIEF: u32 = 1 << 2;
pub const CUE_REPORT: u32 = 1 << 3;
pub const CUE: u32 = CUE_SPEECH | CUE_TELL | CUE_BELIEF | CUE_REPORT;
pub const TITLE_OFFICIAL: u32 = 1 << 4;
pub const TITLE_PERSON: u32 = 1 << 5;
pub const TITLE: u32 = TITLE_OFFICIAL | TITLE_PERSON;
pub const HONORIFIC: u32 = 1 << 6;
pub const ANONYMOUS_HEAD: u32 = 1 << 7;
pub const DOCUMENT: u32 = 1 << 8;
pub const ABBREVIATION: u32 = 1 << 9;
pub const ORG_START: u32 = 1 << 10;
pub const PLACE_START: u32 = 1 << 11;
pub const AGENCY_START: u32 = 1 << 12;
pub const HEDGE_START: u32 = 1 << 13;
pub const ANONYMITY_START: u32 = 1 << 14;
pub const CLAUSE: u32 = 1 << 15;
pub const DETERMINER: u32 = 1 << 16;
pub const PRONOUN: u32 = 1 << 17;
pub const BETWEEN: u32 = 1 << 18;
pub const DATE_START: u32 = 1 << 19;
pub const ACCORDING: u32 = 1 << 20;
pub const NOT_NAME: u32 = 1 << 21;
/// Set by [`super::doc::Doc`] on words starting with a capital letter.
pub const CAPITALISED: u32 = 1 << 30;

/// Words that end a noun phrase when walking back from a cue: verbs, conjunctions,
/// subordinators and prepositions that do not sit inside a source description.
pub const CLAUSE_WORDS: &[&str] = &[
    "about", "after", "against", "also", "although", "am", "amid", "among", "and", "are", "as",
    "be", "because", "been", "before", "being", "between", "but", "by", "can", "could", "despite",
    "did", "do", "does", "during", "even", "had", "has", "have", "here", "how", "if", "into", "is",
    "it's", "just", "like", "may", "might", "must", "nor", "not", "once", "only", "or", "over",
    "shall", "should", "since", "so", "than", "that", "then", "there", "though", "through",
    "toward", "towards", "under", "unless", "unlike", "until", "upon", "was", "were", "what",
    "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "within",
    "without", "would", "yet",
];

pub const DETERMINERS: &[&str] = &[
    "a", "all", "an", "another", "any", "both", "each", "few", "five", "four", "many", "more",
    "most", "no", "numerous", "one", "other", "several", "some", "that", "the", "these", "this",
    "those", "three", "two", "various",
];

pub const PRONOUNS: &[&str] = &[
    "everybody",
    "everyone",
    "he",
    "i",
    "it",
    "nobody",
    "others",
    "she",
    "somebody",
    "someone",
    "they",
    "we",
    "which",
    "who",
    "you",
];

/// Adverbs and auxiliaries that may stand between a source and its verb ("Zeine
/// nevertheless said", "officials have long argued").
pub const BETWEEN_SOURCE_AND_CUE: &[&str] = &[
    "again",
    "already",
    "also",
    "are",
    "can",
    "could",
    "did",
    "do",
    "does",
    "earlier",
    "even",
    "first",
    "frequently",
    "further",
    "had",
    "has",
    "have",
    "herself",
    "himself",
    "however",
    "initially",
    "is",
    "itself",
    "just",
    "later",
    "long",
    "may",
    "might",
    "never",
    "nevertheless",
    "not",
    "now",
    "often",
    "once",
    "openly",
    "previously",
    "recently",
    "repeatedly",
    "reportedly",
    "separately",
    "should",
    "since",
    "still",
    "themselves",
    "then",
    "too",
    "ultimately",
    "was",
    "were",
    "will",
    "would",
];

const DATE_WORDS: &[&str] = &[
    "apr",
    "april",
    "aug",
    "august",
    "dec",
    "december",
    "feb",
    "february",
    "friday",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "last",
    "mar",
    "march",
    "may",
    "monday",
    "nov",
    "november",
    "oct",
    "october",
    "on",
    "saturday",
    "sep",
    "sept",
    "september",
    "sunday",
    "thursday",
    "today",
    "tuesday",
    "wednesday",
    "yesterday",
];

fn build() -> Vec<(String, u32)> {
    let lex = lexicon::get();
    let mut words: Vec<(String, u32)> = Vec::new();
    let mut add = |w: &str, f: u32| words.push((w.to_owned(), f));
    for (w, class) in &lex.cue_verbs {
        add(
            w,
            match class {
                CueClass::Speech => CUE_SPEECH,
                CueClass::Tell => CUE_TELL,
                CueClass::Belief => CUE_BELIEF,
                CueClass::Report => CUE_REPORT,
            },
        );
    }
    for (w, class) in &lex.titles {
        add(
            w,
            match class {
                TitleClass::Official => TITLE_OFFICIAL,
                TitleClass::Person => TITLE_PERSON,
            },
        );
    }
    for w in &lex.honorifics {
        add(w, HONORIFIC);
    }
    for w in &lex.anonymous_heads {
        add(w, ANONYMOUS_HEAD);
    }
    for w in &lex.documents {
        add(w, DOCUMENT);
    }
    for w in &lex.abbreviations {
        add(w, ABBREVIATION);
    }
    for w in &lex.not_names {
        add(w, NOT_NAME);
    }
    for w in lex.organizations.first_words() {
        add(w, ORG_START);
    }
    for w in lex.places.first_words() {
        add(w, PLACE_START);
    }
    for w in lex.agencies.first_words() {
        add(w, AGENCY_START);
    }
    for w in lex.hedges.first_words() {
        add(w, HEDGE_START);
    }
    for w in lex.anonymity.first_words() {
        add(w, ANONYMITY_START);
    }
    for (list, f) in [
        (CLAUSE_WORDS, CLAUSE),
        (DETERMINERS, DETERMINER),
        (PRONOUNS, PRONOUN),
        (BETWEEN_SOURCE_AND_CUE, BETWEEN),
        (DATE_WORDS, DATE_START),
    ] {
        for w in list {
            add(w, f);
        }
    }
    add("according", ACCORDING);
    words
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
#[derive(Clone, Copy, Default)]
struct Slot {
    key0: u64,
    flags: u32,
    /// Key length in bytes; 0 is an empty slot.
    len: u8,
}

/// Every word the rules test, with its flags.
pub struct Vocab {
    slots: Box<[Slot]>,
    /// The key words after the first, by slot.
    tails: Box<[[u64; KEY_WORDS - 1]]>,
    shift: u32,
    /// Entries longer than [`KEY_BYTES`].
    long: HashMap<Box<str>, u32>,
    /// The longest entry in bytes: longer words are not looked up.
    max_len: usize,
    /// A quick reject before packing: the [`lexicon::length_letters_bit`] of every ASCII
    /// entry. Most words of a text fail it.
    prefilter: Box<[u64; 1024]>,
}

impl Vocab {
    fn new(words: Vec<(String, u32)>) -> Self {
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
                lexicon::set_length_letters_bit(&mut prefilter, w.as_bytes());
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

    /// The flags of `word` (any case); `buf` is scratch space for lowercasing non-ASCII
    /// words.
    #[inline]
    #[must_use]
    pub fn flags(&self, word: &str, buf: &mut String) -> u32 {
        let bytes = word.as_bytes();
        let len = bytes.len();
        if len > self.max_len || len == 0 {
            return 0;
        }
        if len <= 8 {
            let raw = load_le(bytes);
            if raw & HIGH == 0 {
                if !lexicon::has_length_letters_bit(&self.prefilter, bytes) {
                    return 0;
                }
                let mut key = [0u64; KEY_WORDS];
                key[0] = ascii_lower8(raw);
                return self.lookup(&key, len);
            }
        } else if word.is_ascii() {
            if !lexicon::has_length_letters_bit(&self.prefilter, bytes) {
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

    #[cold]
    fn long_flags(&self, lower: &str) -> u32 {
        self.long.get(lower).copied().unwrap_or(0)
    }
}

static VOCAB: LazyLock<Vocab> = LazyLock::new(|| Vocab::new(build()));

/// The word table, built from the lexicons on first use.
#[must_use]
pub fn get() -> &'static Vocab {
    &VOCAB
}

/// The flags of `word` (any case).
#[must_use]
pub fn flags_of(word: &str, buf: &mut String) -> u32 {
    get().flags(word, buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(word: &str, set: u32, unset: u32) {
        let f = flags_of(word, &mut String::new());
        assert_eq!(f & set, set, "{word} should have {set:#b}");
        assert_eq!(f & unset, 0, "{word} should not have {unset:#b}");
    }

    #[test]
    fn flags() {
        case("said", CUE_SPEECH, TITLE);
        case("Told", CUE_TELL, CUE_SPEECH);
        case("Minister", TITLE_OFFICIAL, CUE);
        case("the", DETERMINER, CUE);
        case("according", ACCORDING, 0);
        case("White", ORG_START, 0);
        case("Reuters", AGENCY_START, 0);
        case("There", HEDGE_START, 0);
        case("Monday", DATE_START, 0);
        case("Zeine", 0, u32::MAX);
        case("Niger’s", 0, u32::MAX);
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
    fn table_agrees_with_a_plain_map() {
        let mut plain: HashMap<String, u32> = HashMap::new();
        for (w, f) in build() {
            *plain.entry(w).or_insert(0) |= f;
        }
        let table = get();
        let mut buf = String::new();
        for (w, &f) in &plain {
            assert_eq!(table.flags(w, &mut buf), f, "{w}");
            assert_eq!(
                table.flags(&w.to_uppercase(), &mut buf),
                f,
                "{w} in capitals"
            );
            let mut longer = w.clone();
            longer.push('x');
            let expected = plain.get(&longer).copied().unwrap_or(0);
            assert_eq!(table.flags(&longer, &mut buf), expected, "{longer}");
            assert_eq!(
                table.flags(&w[1..], &mut buf),
                plain.get(&w[1..]).copied().unwrap_or(0)
            );
        }
        // Non-ASCII capitals are lowercased before the lookup; the Kelvin sign (three
        // bytes) lowers to "k" (one), and the length limit applies to the word as written.
        assert_eq!(table.flags("SAİD", &mut buf), 0);
        let k_words: Vec<(&String, &u32)> = plain
            .iter()
            .filter(|(w, _)| w.starts_with('k') && w.len() + 2 <= table.max_len)
            .collect();
        assert!(!k_words.is_empty());
        for (w, &f) in k_words {
            assert_eq!(
                table.flags(&format!("\u{212A}{}", &w[1..]), &mut buf),
                f,
                "{w}"
            );
        }
        assert_eq!(table.flags("ÉTÉ", &mut buf), 0);
    }

    #[test]
    fn grammar_lists_are_sorted_without_duplicates() {
        for list in [
            CLAUSE_WORDS,
            DETERMINERS,
            PRONOUNS,
            BETWEEN_SOURCE_AND_CUE,
            DATE_WORDS,
        ] {
            for pair in list.windows(2) {
                assert!(pair[0] < pair[1], "{} before {}", pair[1], pair[0]);
            }
        }
    }
}
