//! Bytes to text: binary detection, byte-order marks, UTF-16 and lossy UTF-8.
//!
//! Text files keep every byte they can: valid UTF-8 is used as is (a UTF-8 byte-order mark
//! included, so offsets stay byte offsets into the file); invalid sequences become U+FFFD
//! with a warning that says where the first one was.

use super::ErrorKind;

/// How many leading bytes are sampled for control characters.
const SAMPLE: usize = 8192;

/// Text decoded from a file, with a warning when it was not clean UTF-8.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// Decodes `bytes`, or says why they are not text. Valid UTF-8 becomes the string without
/// a copy.
pub(crate) fn decode(bytes: Vec<u8>) -> Result<Decoded, (ErrorKind, String)> {
    if let Some(text) = utf16(&bytes) {
        // The decoded text must pass the same checks as any other text.
        let inner = decode(text.into_bytes())?;
        return Ok(Decoded {
            text: inner.text,
            warning: Some(String::from(
                "decoded from UTF-16; offsets refer to the decoded text, not the file",
            )),
        });
    }
    if bytes.contains(&0) {
        return Err((
            ErrorKind::Binary,
            String::from("not an article: binary data (NUL bytes)"),
        ));
    }
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    let controls = sample
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)) || b == 0x7f)
        .count();
    if sample.len() >= 16 && controls * 10 > sample.len() {
        return Err((
            ErrorKind::Binary,
            String::from("not an article: binary data (control bytes)"),
        ));
    }
    match std::str::from_utf8(&bytes) {
        Ok(_) => Ok(Decoded {
            text: String::from_utf8(bytes).expect("checked just above"),
            warning: None,
        }),
        Err(first) => {
            let mut invalid = 0usize;
            let mut invalid_bytes = 0usize;
            for chunk in bytes.utf8_chunks() {
                if !chunk.invalid().is_empty() {
                    invalid += 1;
                    invalid_bytes += chunk.invalid().len();
                }
            }
            if bytes.len() >= 16 && invalid_bytes * 4 > bytes.len() {
                return Err((
                    ErrorKind::Binary,
                    String::from("not an article: binary data (mostly invalid UTF-8)"),
                ));
            }
            let plural = if invalid == 1 { "" } else { "s" };
            Ok(Decoded {
                text: String::from_utf8_lossy(&bytes).into_owned(),
                warning: Some(format!(
                    "invalid UTF-8 at byte {} ({invalid} invalid sequence{plural} replaced by U+FFFD); \
                     offsets after it refer to the decoded text",
                    first.valid_up_to()
                )),
            })
        }
    }
}

/// Decodes UTF-16 text that starts with a byte-order mark.
fn utf16(bytes: &[u8]) -> Option<String> {
    let little = match bytes {
        [0xff, 0xfe, ..] => true,
        [0xfe, 0xff, ..] => false,
        _ => return None,
    };
    let units: Vec<u16> = bytes[2..]
        .chunks(2)
        .map(|pair| {
            let pair = [pair[0], pair.get(1).copied().unwrap_or(0)];
            if little {
                u16::from_le_bytes(pair)
            } else {
                u16::from_be_bytes(pair)
            }
        })
        .collect();
    Some(String::from_utf16_lossy(&units))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(bytes: &[u8], expected: Result<(&str, bool), ErrorKind>) {
        let got = decode(bytes.to_vec());
        match (got, expected) {
            (Ok(d), Ok((text, warned))) => {
                assert_eq!(d.text, text);
                assert_eq!(d.warning.is_some(), warned, "warning: {:?}", d.warning);
            }
            (Err((kind, _)), Err(expected)) => assert_eq!(kind, expected),
            (got, expected) => panic!("got {got:?}, expected {expected:?}"),
        }
    }

    #[test]
    fn decodes_or_refuses() {
        case(b"plain text", Ok(("plain text", false)));
        case(
            "curly \u{201c}quotes\u{201d}".as_bytes(),
            Ok(("curly \u{201c}quotes\u{201d}", false)),
        );
        case(b"\xef\xbb\xbfbom kept", Ok(("\u{feff}bom kept", false)));
        case(b"caf\xe9 au lait", Ok(("caf\u{fffd} au lait", true)));
        case(b"\xff\xfeh\0i\0", Ok(("hi", true)));
        case(b"\xfe\xff\0h\0i", Ok(("hi", true)));
        case(b"PK\x03\x04\0\0\x08\0", Err(ErrorKind::Binary));
        case(
            b"a few \x01\x02\x03\x04\x05\x06 bytes",
            Err(ErrorKind::Binary),
        );
        case(
            b"one stray \x07 bell in a longer line of ordinary text",
            Ok((
                "one stray \x07 bell in a longer line of ordinary text",
                false,
            )),
        );
        case(
            b"\xff\xd8\xff\xe0\x10JFIF\x80\x81\x82\x83\x84\x85\x86\x87",
            Err(ErrorKind::Binary),
        );
    }

    #[test]
    fn warning_names_the_first_bad_byte() {
        let d = decode(b"abc\xffdef\xfe".to_vec()).unwrap();
        let w = d.warning.unwrap();
        assert!(w.contains("at byte 3"), "{w}");
        assert!(w.contains("2 invalid sequences"), "{w}");
    }
}
