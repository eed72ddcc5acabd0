//! Sentences: token ranges ended by `.`, `?` or `!` before a capital, a quote or a new
//! paragraph, never after an abbreviation ("Mr.", "Gen.", "Sept.") or an initial, and never
//! inside a quotation (a quoted passage of several sentences stays with its attribution).

use super::tokens::{Kind, Token};
use super::vocab;
use crate::lexicon::{self, lower_key};

/// A sentence as a half-open range of token indices, with its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub first: usize,
    pub end: usize,
    pub para: u32,
}

/// The longest sentence, in tokens, that rules see whole; longer runs are cut. Real
/// sentences stay far below it.
pub const MAX_SENTENCE_TOKENS: usize = 400;

/// Splits `tokens` into sentences. `in_quote[i]` says whether token `i` is inside a quotation.
#[must_use]
pub fn split(
    text: &str,
    tokens: &[Token],
    in_quote: &[Option<u32>],
    flags: &[u32],
) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    split_into(text, tokens, in_quote, flags, &mut sentences);
    sentences
}

/// [`split`] into `sentences`, whatever it held before.
pub fn split_into(
    text: &str,
    tokens: &[Token],
    in_quote: &[Option<u32>],
    flags: &[u32],
    sentences: &mut Vec<Sentence>,
) {
    let lex = lexicon::get();
    sentences.clear();
    sentences.reserve(tokens.len() / 16 + 1);
    let mut first = 0usize;
    let mut i = 0usize;
    while i < tokens.len() {
        let t = tokens[i];
        let mut boundary_after: Option<usize> = None;
        let next_para = tokens.get(i + 1).is_none_or(|n| n.para != t.para);
        if next_para {
            boundary_after = Some(i);
        } else if t.kind == Kind::Punct
            && matches!(t.span.slice(text), "." | "?" | "!")
            && in_quote[i].is_none()
        {
            // Closing marks and brackets stay with the sentence they close.
            let mut k = i + 1;
            while k < tokens.len()
                && tokens[k].para == t.para
                && (tokens[k].kind == Kind::Close || tokens[k].span.slice(text) == ")")
            {
                k += 1;
            }
            let ends = match tokens.get(k) {
                None => true,
                Some(n) if n.para != t.para => true,
                Some(n) => {
                    starts_sentence(text, n) && !after_abbreviation(text, tokens, flags, i, lex)
                }
            };
            if ends {
                boundary_after = Some(k - 1);
            }
        } else if t.kind == Kind::Close
            && i > 0
            && matches!(tokens[i - 1].span.slice(text), "." | "?" | "!")
            && tokens
                .get(i + 1)
                .is_some_and(|n| n.para == t.para && starts_sentence(text, n))
            && !(quote_opens_sentence(in_quote, i, first)
                && attribution_follows(text, tokens, flags, i + 1))
        {
            boundary_after = Some(i);
        }
        if boundary_after.is_none() && i + 1 - first >= MAX_SENTENCE_TOKENS {
            // A run-on "sentence" this long is a list, a table or a file without full
            // stops; rules look across a sentence, so cutting it keeps extraction linear.
            boundary_after = Some(i);
        }
        if let Some(b) = boundary_after {
            sentences.push(Sentence {
                first,
                end: b + 1,
                para: tokens[first].para,
            });
            first = b + 1;
            i = b + 1;
        } else {
            i += 1;
        }
    }
}

/// Whether the quotation closed at `close` opened the sentence that starts at `first`
/// ("“…!” Bush said."), rather than inside it ("Lee said the plan was “dead.” He left."):
/// only the first is continued by an attribution after it.
fn quote_opens_sentence(in_quote: &[Option<u32>], close: usize, first: usize) -> bool {
    let Some(q) = close.checked_sub(1).and_then(|k| in_quote[k]) else {
        return false;
    };
    let mut k = close - 1;
    while k > first && in_quote[k - 1] == Some(q) {
        k -= 1;
    }
    // `k` is the first inner token; the opening mark is just before it.
    k <= first + 1
}

/// "“…!” Bush said.": a short name and a cue verb after a closing quote continue its
/// sentence.
fn attribution_follows(text: &str, tokens: &[Token], flags: &[u32], from: usize) -> bool {
    for k in from..(from + 7).min(tokens.len()) {
        let t = tokens[k];
        if t.para != tokens[from].para {
            return false;
        }
        let w = t.span.slice(text);
        let f = flags.get(k).copied().unwrap_or(0);
        if t.kind == Kind::Word
            && f & vocab::CUE != 0
            && k > from
            && !w.starts_with(char::is_uppercase)
        {
            return true;
        }
        let name_part = t.kind == Kind::Word
            && (w.starts_with(char::is_uppercase) || f & (vocab::DETERMINER | vocab::TITLE) != 0);
        if !(name_part || w == "." || w == "-") {
            return false;
        }
    }
    false
}

fn starts_sentence(text: &str, t: &Token) -> bool {
    match t.kind {
        Kind::Open | Kind::Number => true,
        Kind::Word => t
            .span
            .slice(text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase),
        Kind::Punct => matches!(t.span.slice(text), "(" | "[" | "‘" | "'" | "—"),
        Kind::Close => false,
    }
}

fn after_abbreviation(
    text: &str,
    tokens: &[Token],
    flags: &[u32],
    dot: usize,
    lex: &lexicon::Lexicon,
) -> bool {
    if text[tokens[dot].span.start..].starts_with(['?', '!']) || dot == 0 {
        return false;
    }
    let prev = tokens[dot - 1];
    if prev.kind != Kind::Word || prev.span.end != tokens[dot].span.start {
        return false;
    }
    let word = prev.span.slice(text);
    // "No. 1" abbreviates "number"; "said no. But" ends a sentence.
    if word.eq_ignore_ascii_case("no") {
        return tokens.get(dot + 1).is_some_and(|t| t.kind == Kind::Number);
    }
    let single_capital = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single_capital
        || word.contains('.')
        || if word.is_ascii() {
            // The word table holds the abbreviations, looked up ignoring case.
            flags.get(dot - 1).copied().unwrap_or(0) & vocab::ABBREVIATION != 0
        } else {
            lex.abbreviations.contains(lower_key(word).as_ref())
        }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{quotes, tokens::tokenize};

    #[track_caller]
    fn case(input: &str, expected: &[&str]) {
        let tokens = tokenize(input, 0);
        let qs = quotes::find(&tokens);
        let in_quote = quotes::membership(&tokens, &qs);
        let mut buf = String::new();
        let flags: Vec<u32> = tokens
            .iter()
            .map(|t| vocab::flags_of(t.span.slice(input), &mut buf))
            .collect();
        let got: Vec<&str> = split(input, &tokens, &in_quote, &flags)
            .iter()
            .map(|s| &input[tokens[s.first].span.start..tokens[s.end - 1].span.end])
            .collect();
        assert_eq!(got, expected, "{input}");
    }

    #[test]
    fn run_on_text_is_cut_into_bounded_sentences() {
        // A file of clauses joined by semicolons and no full stop: one "sentence" of
        // thousands of tokens would make every rule that looks across a sentence quadratic.
        let input = "the minister said talks had begun; ".repeat(500);
        let tokens = tokenize(&input, 0);
        let qs = quotes::find(&tokens);
        let in_quote = quotes::membership(&tokens, &qs);
        let mut buf = String::new();
        let flags: Vec<u32> = tokens
            .iter()
            .map(|t| vocab::flags_of(t.span.slice(&input), &mut buf))
            .collect();
        let sentences = split(&input, &tokens, &in_quote, &flags);
        assert!(sentences.len() > 1);
        assert!(
            sentences
                .iter()
                .all(|s| s.end - s.first <= MAX_SENTENCE_TOKENS)
        );
        // Nothing is lost: the sentences cover every token in order.
        assert_eq!(sentences[0].first, 0);
        assert!(sentences.windows(2).all(|w| w[0].end == w[1].first));
        assert_eq!(sentences.last().unwrap().end, tokens.len());
    }

    #[test]
    fn no_is_an_abbreviation_only_before_a_number() {
        case(
            "He said no. But he came. It ranks No. 1 in the state.",
            &[
                "He said no.",
                "But he came.",
                "It ranks No. 1 in the state.",
            ],
        );
    }

    #[test]
    fn sentences() {
        case(
            "Mr. Smith met Gen. Jones. They left.",
            &["Mr. Smith met Gen. Jones.", "They left."],
        );
        case(
            "He lives in the U.S. now. He said so.",
            &["He lives in the U.S. now.", "He said so."],
        );
        case(
            "“We won. We always win,” she said. Then she left.",
            &["“We won. We always win,” she said.", "Then she left."],
        );
        case(
            "“Why?” he asked. “Because.” Fine",
            &["“Why?” he asked.", "“Because.”", "Fine"],
        );
        // A quotation inside a sentence ends it with its full stop, even when the next
        // sentence starts with a speaker and a verb.
        case(
            "Lee said the plan was “dead.” He added that talks would go on.",
            &[
                "Lee said the plan was “dead.”",
                "He added that talks would go on.",
            ],
        );
        case(
            "Lee said: “We won. We always win.” Smith said nothing.",
            &["Lee said: “We won. We always win.”", "Smith said nothing."],
        );
        case("“We won!” Smith said.", &["“We won!” Smith said."]);
        case(
            "J. R. Smith spoke.\nNew line",
            &["J. R. Smith spoke.", "New line"],
        );
        case(
            "Sales rose 3.5 percent. Costs fell.",
            &["Sales rose 3.5 percent.", "Costs fell."],
        );
    }
}
