//! Tokens: words, numbers, punctuation and quotation marks with their byte spans.
//!
//! Every later stage works on token indices, so the text is scanned once. A newline ends a
//! paragraph: news text puts each paragraph on its own line (or between blank lines), and
//! no sentence or quote pairing crosses one unless the quotes stage says so.

use crate::model::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters, with inner hyphens, apostrophes and abbreviation periods ("U.S", "Niger’s").
    Word,
    Number,
    Punct,
    /// An opening double quotation mark (curly, or straight after a space).
    Open,
    /// A closing double quotation mark.
    Close,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: Kind,
    /// Paragraph number: increases at every line break.
    pub para: u32,
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '‐' | '&')
}

/// The character at byte `i` and its length (ASCII fast path).
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 128 {
        return Some((b as char, 1));
    }
    text.get(i..)?.chars().next().map(|c| (c, c.len_utf8()))
}

#[inline]
fn alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Byte classes for the ASCII fast path.
const ALNUM: u8 = 1;
const SPACE: u8 = 2;
const HIGH: u8 = 4;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 128 {
            HIGH
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            // Exactly the ASCII characters `char::is_whitespace` accepts.
            SPACE
        } else {
            0
        };
        b += 1;
    }
    t
};

const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
const BYTE_HIGH: u64 = 0x8080_8080_8080_8080;
const ONES: u64 = 0x0101_0101_0101_0101;

/// The high bit of each byte of `v` (all below 128) that lies in `lo..=hi`.
#[inline]
fn in_range7(v: u64, lo: u8, hi: u8) -> u64 {
    let at_least_lo = v + ONES * u64::from(0x80 - lo);
    let above_hi = v + ONES * u64::from(0x7f - hi);
    at_least_lo & !above_hi & BYTE_HIGH
}

/// The high bit of each byte of `v` that is an ASCII letter or digit.
#[inline]
fn ascii_alnum8(v: u64) -> u64 {
    let low7 = v & LOW7;
    let letters = in_range7(low7 | (ONES * 0x20), b'a', b'z');
    let digits = in_range7(low7, b'0', b'9');
    (letters | digits) & !v
}

/// The end of the run of ASCII letters and digits starting at `j`: eight bytes at a
/// time, since most words fit in one load.
#[inline]
fn ascii_alnum_run_end(bytes: &[u8], mut j: usize) -> usize {
    while let Some(chunk) = bytes.get(j..j + 8) {
        let mut buf = [0u8; 8];
        buf.copy_from_slice(chunk);
        let other = !ascii_alnum8(u64::from_le_bytes(buf)) & BYTE_HIGH;
        if other != 0 {
            return j + (other.trailing_zeros() / 8) as usize;
        }
        j += 8;
    }
    while j < bytes.len() && CLASS[usize::from(bytes[j])] & ALNUM != 0 {
        j += 1;
    }
    j
}

/// Splits `text[from..]` into tokens; spans are offsets into `text`.
#[must_use]
pub fn tokenize(text: &str, from: usize) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize_into(text, from, |_| 0, &mut tokens, &mut Vec::new());
    tokens
}

/// [`tokenize`] into `tokens` (cleared first), with a value for each token computed in
/// the same pass into `values`: `word_value` of the text of each word, 0 for every other
/// token. Reusing the vectors saves allocating them for every article.
pub fn tokenize_into(
    text: &str,
    from: usize,
    mut word_value: impl FnMut(&str) -> u32,
    tokens: &mut Vec<Token>,
    values: &mut Vec<u32>,
) {
    let bytes = text.as_bytes();
    let from = floor_char_boundary(text, from);
    tokens.clear();
    values.clear();
    let expected = (text.len() - from) / 4 + 16;
    tokens.reserve(expected);
    values.reserve(expected);
    let mut para = 0u32;
    let mut seen_text = false;
    let mut i = from;
    while i < bytes.len() {
        let byte = bytes[i];
        let class = CLASS[usize::from(byte)];
        if class & SPACE != 0 {
            if byte == b'\n' && seen_text {
                para += 1;
                seen_text = false;
            }
            i += 1;
            continue;
        }
        let (c, clen) = if class & HIGH == 0 {
            (char::from(byte), 1)
        } else {
            match char_at(text, i) {
                Some(x) => x,
                None => break,
            }
        };
        if class & HIGH != 0 && c.is_whitespace() {
            i += clen;
            continue;
        }
        seen_text = true;
        if class & ALNUM != 0 || (class & HIGH != 0 && alnum(c)) {
            let numeric = c.is_ascii_digit();
            let mut j = i + clen;
            let mut segment = 1usize;
            let mut last = c;
            loop {
                // Runs of ASCII letters and digits, the bulk of any text, eight bytes at a time.
                let run = j;
                j = ascii_alnum_run_end(bytes, j);
                if j > run {
                    segment += j - run;
                    last = char::from(bytes[j - 1]);
                }
                let Some((d, dlen)) = char_at(text, j) else {
                    break;
                };
                if !d.is_ascii() && alnum(d) {
                    segment += 1;
                } else {
                    let joins = (is_joiner(d)
                        || (d == '.' && (segment <= 2 || numeric))
                        || (d == ',' && numeric && last.is_ascii_digit()))
                        && char_at(text, j + dlen).is_some_and(|(e, _)| alnum(e));
                    if !joins {
                        break;
                    }
                    segment = 0;
                }
                last = d;
                j += dlen;
            }
            tokens.push(Token {
                span: Span::new(i, j),
                kind: if numeric { Kind::Number } else { Kind::Word },
                para,
            });
            values.push(if numeric { 0 } else { word_value(&text[i..j]) });
            i = j;
            continue;
        }
        // Two apostrophes stand for a straight double quote in some archives ('').
        let clen = if c == '\'' && bytes.get(i + 1) == Some(&b'\'') {
            2
        } else {
            clen
        };
        let kind = match c {
            '“' | '„' | '«' => Kind::Open,
            '”' | '»' => Kind::Close,
            '"' | '\'' if c == '"' || clen == 2 => {
                // The character before the mark, if any since `from`.
                let prev_char = text[from..i].chars().next_back();
                let after_space = prev_char.is_none_or(|p| {
                    p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | ':')
                });
                if after_space { Kind::Open } else { Kind::Close }
            }
            _ => Kind::Punct,
        };
        tokens.push(Token {
            span: Span::new(i, i + clen),
            kind,
            para,
        });
        values.push(0);
        i += clen;
    }
}

/// The largest char boundary at or below `i`.
#[must_use]
pub fn floor_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(input: &str, expected: &[(&str, Kind)]) {
        let got: Vec<(&str, Kind)> = tokenize(input, 0)
            .iter()
            .map(|t| (t.span.slice(input), t.kind))
            .collect();
        assert_eq!(got, expected, "{input}");
    }

    #[test]
    fn tokens() {
        use Kind::{Close, Number, Open, Punct, Word};
        case(
            "The U.S. army’s chief-of-staff",
            &[
                ("The", Word),
                ("U.S", Word),
                (".", Punct),
                ("army’s", Word),
                ("chief-of-staff", Word),
            ],
        );
        case(
            "“Hi,” he said. \"No\"",
            &[
                ("“", Open),
                ("Hi", Word),
                (",", Punct),
                ("”", Close),
                ("he", Word),
                ("said", Word),
                (".", Punct),
                ("\"", Open),
                ("No", Word),
                ("\"", Close),
            ],
        );
        case(
            "1,500 troops, 3.5%",
            &[
                ("1,500", Number),
                ("troops", Word),
                (",", Punct),
                ("3.5", Number),
                ("%", Punct),
            ],
        );
        case("end.The", &[("end", Word), (".", Punct), ("The", Word)]);
        case(
            "''Yes,'' he said",
            &[
                ("''", Open),
                ("Yes", Word),
                (",", Punct),
                ("''", Close),
                ("he", Word),
                ("said", Word),
            ],
        );
    }

    #[test]
    fn alnum_runs_end_where_bytes_say() {
        for b in 0..=255u8 {
            for at in 0..10 {
                for fill in [b'a', b'Z', b'5'] {
                    let mut bytes = [fill; 10];
                    bytes[at] = b;
                    for from in [0, 1, 3] {
                        let expected = if b.is_ascii_alphanumeric() || at < from {
                            10
                        } else {
                            at
                        };
                        assert_eq!(ascii_alnum_run_end(&bytes, from), expected, "{bytes:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn paragraphs_count_line_breaks() {
        let toks = tokenize("a b\n\nc\nd", 0);
        let paras: Vec<u32> = toks.iter().map(|t| t.para).collect();
        assert_eq!(paras, [0, 0, 1, 2]);
    }

    #[test]
    fn odd_text_stays_on_boundaries() {
        let text = "é\u{0}😀\"\"” ’x’ --";
        for t in tokenize(text, 1) {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
    }
}
