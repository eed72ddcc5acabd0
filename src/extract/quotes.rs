//! Quotations: pairs of double quotation marks within a paragraph, and quotes that run over
//! several paragraphs (the opening mark repeated at each paragraph start, no closing mark
//! until the last one).
//!
//! Marks: “…” and "…", «…», and the German „…“. A lone mark that is never closed is not a
//! quotation. Single quotation marks are left to the text: they double as apostrophes and
//! mostly mark titles or nested quotes.

use super::tokens::{Kind, Token};

/// One quotation piece, by token index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// The opening mark.
    pub open: usize,
    /// The closing mark, or `None` when the quote continues into the next paragraph (the
    /// piece then runs to the end of its paragraph, exclusive index `end`).
    pub close: Option<usize>,
    /// Exclusive end of the inner tokens.
    pub end: usize,
    /// Pieces of one multi-paragraph quotation share a group.
    pub group: usize,
}

impl Quote {
    /// First inner token.
    #[must_use]
    pub fn inner_start(&self) -> usize {
        self.open + 1
    }

    /// Exclusive end of the piece including its closing mark.
    #[must_use]
    pub fn outer_end(&self) -> usize {
        self.close.map_or(self.end, |c| c + 1)
    }
}

/// Finds the quotations among `tokens`, without looking at the marks themselves.
#[must_use]
pub fn find(tokens: &[Token]) -> Vec<Quote> {
    find_marks(None, tokens)
}

/// Finds the quotations among `tokens` of `text`. Knowing the marks pairs the German
/// „…“, whose closing mark is an English opening one.
#[must_use]
pub fn find_in(text: &str, tokens: &[Token]) -> Vec<Quote> {
    find_marks(Some(text), tokens)
}

fn is_low_opening(text: Option<&str>, t: &Token) -> bool {
    text.is_some_and(|text| t.span.slice(text) == "„")
}

fn find_marks(text: Option<&str>, tokens: &[Token]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    let mut pending: Option<usize> = None;
    let mut group = 0usize;
    let mut continuing = false;
    for (i, t) in tokens.iter().enumerate() {
        let para_end = tokens.get(i + 1).is_none_or(|n| n.para != t.para);
        // "„…“": after a low opening mark, “ closes.
        let closes = t.kind == Kind::Close
            || (t.kind == Kind::Open
                && pending.is_some_and(|p| is_low_opening(text, &tokens[p]))
                && !is_low_opening(text, t));
        match t.kind {
            Kind::Open if pending.is_none() => pending = Some(i),
            _ if closes => {
                if let Some(open) = pending.take() {
                    quotes.push(Quote {
                        open,
                        close: Some(i),
                        end: i,
                        group,
                    });
                    group += 1;
                    continuing = false;
                }
            }
            _ => {}
        }
        if para_end {
            if let Some(open) = pending.take() {
                let next_opens = tokens.get(i + 1).is_some_and(|n| n.kind == Kind::Open);
                if next_opens && open < i {
                    quotes.push(Quote {
                        open,
                        close: None,
                        end: i + 1,
                        group,
                    });
                    continuing = true;
                } else if continuing {
                    // The last paragraph of a run-on quote that never closes: keep it.
                    quotes.push(Quote {
                        open,
                        close: None,
                        end: i + 1,
                        group,
                    });
                    group += 1;
                    continuing = false;
                }
            } else if continuing && tokens.get(i + 1).is_none_or(|n| n.kind != Kind::Open) {
                group += 1;
                continuing = false;
            }
        }
    }
    quotes
}

/// Gives the closing mark of every quotation the kind `Close` (the “ that closes „…“ is
/// tokenized as an opening mark).
pub fn mark_closers(tokens: &mut [Token], quotes: &[Quote]) {
    for q in quotes {
        if let Some(c) = q.close
            && let Some(t) = tokens.get_mut(c)
        {
            t.kind = Kind::Close;
        }
    }
}

/// For every token, the index of the quote whose inner part holds it.
#[must_use]
pub fn membership(tokens: &[Token], quotes: &[Quote]) -> Vec<Option<u32>> {
    let mut of = Vec::new();
    membership_into(tokens, quotes, &mut of);
    of
}

/// [`membership`] into `of`, whatever it held before.
pub fn membership_into(tokens: &[Token], quotes: &[Quote], of: &mut Vec<Option<u32>>) {
    of.clear();
    of.resize(tokens.len(), None);
    for (q, quote) in quotes.iter().enumerate() {
        for slot in &mut of[quote.inner_start()..quote.end] {
            *slot = Some(q as u32);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    #[track_caller]
    fn case(input: &str, expected: &[(&str, bool, usize)]) {
        let tokens = tokenize(input, 0);
        let got: Vec<(&str, bool, usize)> = find_in(input, &tokens)
            .iter()
            .map(|q| {
                let start = tokens[q.inner_start()].span.start;
                let end = tokens[q.end - 1].span.end;
                (&input[start..end], q.close.is_some(), q.group)
            })
            .collect();
        assert_eq!(got, expected, "{input}");
    }

    #[test]
    fn quotes() {
        case(
            "“We go,” he said, “now.”",
            &[("We go,", true, 0), ("now.", true, 1)],
        );
        case("He said \"yes\" twice.", &[("yes", true, 0)]);
        case("A lone “mark here.\nNext line.", &[]);
        case(
            "“First part.\n“Second part.\n“Last part,” she said.",
            &[
                ("First part.", false, 0),
                ("Second part.", false, 0),
                ("Last part,", true, 0),
            ],
        );
        case("” stray close “", &[]);
        case("«Nous partons», dit-il.", &[("Nous partons", true, 0)]);
        case("Er sagte: „Wir gehen“ und ging.", &[("Wir gehen", true, 0)]);
        case(
            "„We go,“ he said, „now.“",
            &[("We go,", true, 0), ("now.", true, 1)],
        );
    }
}
