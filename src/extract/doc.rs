//! The analysed article every rule reads: tokens, quotations and sentences, with small
//! word tests shared by the stages.

use super::mentions::Mention;
use super::quotes::{self, Quote};
use super::sentences::{self, Sentence};
use super::tokens::{self, Kind, Token};
use crate::lexicon::{self, FastBuild, Lexicon};
use crate::model::Span;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::OnceLock;

use super::vocab;

/// A fixed word list of a rule (ASCII words), matched ignoring case like [`Doc::is_any`] but in one
/// table lookup: for the long lists the rules test on many tokens.
#[derive(Debug)]
pub struct WordList {
    words: &'static [&'static str],
    table: OnceLock<lexicon::WordTable>,
}

impl WordList {
    #[must_use]
    pub const fn new(words: &'static [&'static str]) -> Self {
        Self {
            words,
            table: OnceLock::new(),
        }
    }

    /// The words as listed.
    #[must_use]
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }

    fn table(&self) -> &lexicon::WordTable {
        self.table.get_or_init(|| {
            lexicon::WordTable::new(
                self.words
                    .iter()
                    .map(|w| (w.to_ascii_lowercase(), 1))
                    .collect(),
            )
        })
    }
}

/// Source phrase readings by token range; `None` when the range is no source phrase.
pub(super) type MentionMemo = HashMap<(usize, usize), Option<Rc<Mention>>, FastBuild>;

pub struct Doc<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub quotes: Vec<Quote>,
    pub in_quote: Vec<Option<u32>>,
    pub sentences: Vec<Sentence>,
    /// Word-class flags of each token ([`vocab`]).
    pub flags: Vec<u32>,
    pub lex: &'static Lexicon,
    /// Source phrases already read, by token range ([`super::mentions::analyze`]): the
    /// rules and coreference read the same phrases again.
    pub(super) mentions: RefCell<MentionMemo>,
}

thread_local! {
    /// The per-token vectors of the last document dropped on this thread, for the next
    /// one: allocating them afresh for every article was a visible share of extraction
    /// time.
    static SPARE: Cell<Option<Spare>> = const { Cell::new(None) };
}

/// Vectors longer than this many tokens are freed rather than kept for the next document.
const SPARE_MAX: usize = 1 << 16;

/// The vectors a document lends to the next: tokens, flags, quotation membership and
/// sentences.
#[derive(Default)]
struct Spare(Vec<Token>, Vec<u32>, Vec<Option<u32>>, Vec<Sentence>);

impl Drop for Doc<'_> {
    fn drop(&mut self) {
        if self
            .tokens
            .capacity()
            .max(self.flags.capacity())
            .max(self.in_quote.capacity())
            <= SPARE_MAX
        {
            SPARE.set(Some(Spare(
                std::mem::take(&mut self.tokens),
                std::mem::take(&mut self.flags),
                std::mem::take(&mut self.in_quote),
                std::mem::take(&mut self.sentences),
            )));
        }
    }
}

impl<'a> Doc<'a> {
    #[must_use]
    pub fn new(text: &'a str, from: usize) -> Self {
        let mut buf = String::new();
        let table = vocab::get();
        let Spare(mut tokens, mut flags, mut in_quote, mut sentences) =
            SPARE.take().unwrap_or_default();
        tokens::tokenize_into(
            text,
            from,
            |word| {
                let cap = match word.as_bytes()[0] {
                    b if b.is_ascii_uppercase() => vocab::CAPITALISED,
                    b if b < 128 => 0,
                    _ => {
                        if word.chars().next().is_some_and(char::is_uppercase) {
                            vocab::CAPITALISED
                        } else {
                            0
                        }
                    }
                };
                table.flags(word, &mut buf) | cap
            },
            &mut tokens,
            &mut flags,
        );
        let quotes = quotes::find_in(text, &tokens);
        quotes::mark_closers(&mut tokens, &quotes);
        quotes::membership_into(&tokens, &quotes, &mut in_quote);
        sentences::split_into(text, &tokens, &in_quote, &flags, &mut sentences);
        Self {
            text,
            tokens,
            quotes,
            in_quote,
            sentences,
            flags,
            lex: lexicon::get(),
            mentions: RefCell::default(),
        }
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    #[must_use]
    pub fn s(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.span.slice(self.text))
    }

    /// The tokens written exactly `word` (case matters), in text order: token lengths
    /// reject almost every token without comparing text.
    pub fn written<'w>(&self, word: &'w str) -> impl Iterator<Item = usize> + use<'_, 'w> {
        let text = self.text.as_bytes();
        self.tokens.iter().enumerate().filter_map(move |(k, t)| {
            (t.span.end - t.span.start == word.len()
                && &text[t.span.start..t.span.end] == word.as_bytes())
            .then_some(k)
        })
    }

    #[must_use]
    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    #[must_use]
    pub fn is(&self, i: usize, word: &str) -> bool {
        self.bytes(i).eq_ignore_ascii_case(word.as_bytes())
    }

    /// Whether token `i` is in `list`: [`Doc::is_any`] for long lists, one table lookup
    /// however many words the list has.
    #[must_use]
    pub fn is_in(&self, i: usize, list: &WordList) -> bool {
        let mut buf = String::new();
        i < self.tokens.len() && list.table().get(self.s(i), &mut buf) != 0
    }

    /// The bytes of token `i` (empty past the end): [`Doc::s`] without the char boundary
    /// checks of slicing a `str`, for byte comparisons.
    fn bytes(&self, i: usize) -> &'a [u8] {
        self.tokens
            .get(i)
            .map_or(&[], |t| &self.text.as_bytes()[t.span.start..t.span.end])
    }

    #[must_use]
    pub fn is_any(&self, i: usize, words: &[&str]) -> bool {
        let w = self.bytes(i);
        let Some(first) = w.first().map(u8::to_ascii_lowercase) else {
            return words.iter().any(|x| x.is_empty());
        };
        // Length and first letter reject almost every candidate without a loop.
        words.iter().any(|x| {
            let x = x.as_bytes();
            x.len() == w.len() && x[0].to_ascii_lowercase() == first && x.eq_ignore_ascii_case(w)
        })
    }

    #[must_use]
    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    #[must_use]
    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.kind(i) == Some(Kind::Punct) && self.bytes(i) == p.as_bytes()
    }

    /// A word starting with a capital letter.
    #[must_use]
    pub fn is_cap(&self, i: usize) -> bool {
        self.has(i, vocab::CAPITALISED)
    }

    /// A word written in capitals only ("WALLACE").
    #[must_use]
    pub fn is_upper(&self, i: usize) -> bool {
        let w = self.s(i);
        self.is_word(i) && w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
    }

    #[must_use]
    pub fn lower(&self, i: usize) -> std::borrow::Cow<'a, str> {
        lexicon::lower_key(self.s(i))
    }

    #[must_use]
    pub fn span(&self, first: usize, end: usize) -> Span {
        if first >= end || end > self.tokens.len() {
            let at = self.tokens.get(first).map_or(0, |t| t.span.start);
            return Span::new(at, at);
        }
        Span::new(self.tokens[first].span.start, self.tokens[end - 1].span.end)
    }

    #[must_use]
    pub fn text_of(&self, first: usize, end: usize) -> &'a str {
        self.span(first, end).slice(self.text)
    }

    #[must_use]
    pub fn quoted(&self, i: usize) -> bool {
        self.in_quote.get(i).is_some_and(Option::is_some)
    }

    /// The word-class flags of token `i` (0 past the end).
    #[must_use]
    pub fn fl(&self, i: usize) -> u32 {
        self.flags.get(i).copied().unwrap_or(0)
    }

    #[must_use]
    pub fn has(&self, i: usize, flag: u32) -> bool {
        self.fl(i) & flag != 0
    }

    #[must_use]
    pub fn is_clause_word(&self, i: usize) -> bool {
        self.has(i, vocab::CLAUSE)
    }

    #[must_use]
    pub fn is_determiner(&self, i: usize) -> bool {
        self.has(i, vocab::DETERMINER)
    }

    #[must_use]
    pub fn is_pronoun(&self, i: usize) -> bool {
        self.has(i, vocab::PRONOUN)
    }

    /// A word in the cue-verb lexicon, written in lowercase (a capitalised "Says" starts
    /// a headline or a sentence and is accepted there).
    #[must_use]
    pub fn cue_class(&self, i: usize) -> Option<crate::lexicon::CueClass> {
        use crate::lexicon::CueClass;
        let f = self.fl(i);
        if f & vocab::CUE == 0 || self.quoted(i) {
            return None;
        }
        Some(if f & vocab::CUE_TELL != 0 {
            CueClass::Tell
        } else if f & vocab::CUE_SPEECH != 0 {
            CueClass::Speech
        } else if f & vocab::CUE_REPORT != 0 {
            CueClass::Report
        } else {
            CueClass::Belief
        })
    }

    /// The possessive form "Niger’s" / "Trump's" / "Paris’".
    #[must_use]
    pub fn is_possessive(&self, i: usize) -> bool {
        let w = self.s(i);
        self.is_word(i)
            && (w.ends_with("’s") || w.ends_with("'s") || w.ends_with("s’") || w.ends_with("s'"))
    }

    /// Skips adverbs and auxiliaries backwards from `i` (inclusive), returning the first
    /// index that is not one, or `None` when the sentence start is passed.
    #[must_use]
    pub fn skip_adverbs_back(&self, mut i: usize, floor: usize) -> Option<usize> {
        loop {
            if i < floor {
                return None;
            }
            let w = self.s(i);
            let adverb = self.is_word(i)
                && (self.has(i, vocab::BETWEEN)
                    || (w.len() > 4 && w.ends_with("ly") && !self.is_cap(i))
                    || w.ends_with("n't")
                    || w.ends_with("n’t"));
            if !adverb {
                return Some(i);
            }
            if i == 0 {
                return None;
            }
            i -= 1;
        }
    }

    /// The quotation opened by the mark at token `i`.
    #[must_use]
    pub fn quote_at_open(&self, i: usize) -> Option<&Quote> {
        let k = self.quotes.partition_point(|q| q.open < i);
        self.quotes.get(k).filter(|q| q.open == i)
    }

    /// Skips adverbs forwards from `i`, returning the first token that is not one (before
    /// `end`).
    #[must_use]
    pub fn skip_adverbs_back_forward(&self, i: usize, end: usize) -> Option<usize> {
        (i..end).find(|&k| {
            let w = self.s(k);
            !(self.is_word(k)
                && (self.has(k, vocab::BETWEEN)
                    || (w.len() > 4 && w.ends_with("ly") && !self.is_cap(k))))
        })
    }

    /// The index of the sentence holding token `i`.
    #[must_use]
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences
            .partition_point(|s| s.end <= i)
            .min(self.sentences.len().saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, i: usize, words: &[&str], expected: bool) {
        let doc = Doc::new(text, 0);
        assert_eq!(
            doc.is_any(i, words),
            expected,
            "{text:?} token {i} in {words:?}"
        );
    }

    #[test]
    fn word_lists_agree_with_is_any() {
        static LIST: WordList = WordList::new(&["a", "the", "says", "said", ","]);
        let text = "The minister, THE said A says; Élysée them th said.";
        let doc = Doc::new(text, 0);
        for i in 0..doc.len() + 2 {
            assert_eq!(
                doc.is_in(i, &LIST),
                i < doc.len() && doc.is_any(i, LIST.words()),
                "token {i}"
            );
        }
    }

    #[test]
    fn a_document_reuses_the_vectors_of_the_last_one_cleared() {
        let long = "Officials said the talks would resume on Monday. ".repeat(20);
        let fresh = Doc::new("He said “no.”", 0);
        let (tokens, flags) = (fresh.tokens.clone(), fresh.flags.clone());
        let in_quote = fresh.in_quote.clone();
        let sentences = fresh.sentences.clone();
        drop(fresh);
        drop(Doc::new(&long, 0));
        let reused = Doc::new("He said “no.”", 0);
        assert!(reused.tokens.capacity() >= long.len() / 4);
        assert_eq!(reused.tokens, tokens);
        assert_eq!(reused.flags, flags);
        assert_eq!(reused.in_quote, in_quote);
        assert_eq!(reused.sentences, sentences);
    }

    #[test]
    fn written_finds_exact_tokens_only() {
        let doc = Doc::new("Lee said Lee’s aide, LEE and Lee met. Leeds", 0);
        let found: Vec<usize> = doc.written("Lee").collect();
        let expected: Vec<usize> = (0..doc.len()).filter(|&k| doc.s(k) == "Lee").collect();
        assert_eq!(found, expected);
        assert_eq!(found, [0, 7]);
        assert_eq!(doc.written("").count(), 0);
        assert_eq!(doc.written("absent").count(), 0);
    }

    #[test]
    fn is_any_ignores_ascii_case_only() {
        case("The minister said", 0, &["a", "the"], true);
        case("The minister said", 0, &["tha", "th", "them"], false);
        case("THE minister said", 0, &["the"], true);
        case("The minister said", 1, &[], false);
        case("The minister said", 2, &["says", "said"], true);
        case("Élysée said", 0, &["élysée"], false);
        case("Élysée said", 0, &["Élysée"], true);
        case("a , b", 1, &[";", ","], true);
        case("a", 5, &["a"], false);
        case("a", 5, &["", "b"], true);
    }
}
