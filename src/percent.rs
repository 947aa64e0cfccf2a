//! Percent-encoding for URL path segments, query values and the page's hash, so text from
//! visitors and embeddings always stays one inert piece of a URL.

/// Percent-encodes `text` for a query value: everything except RFC 3986 unreserved
/// characters is escaped, byte by byte in UTF-8.
pub fn encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push('%');
            encoded.push(char::from(HEX[usize::from(byte >> 4)]));
            encoded.push(char::from(HEX[usize::from(byte & 0xF)]));
        }
    }
    encoded
}

/// Decodes `%XX` escapes (and `+` as a space, as forms write it); `None` when an escape is
/// broken or the bytes are not UTF-8.
pub fn decode(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.bytes();
    while let Some(byte) = rest.next() {
        match byte {
            b'%' => {
                let high = char::from(rest.next()?).to_digit(16)?;
                let low = char::from(rest.next()?).to_digit(16)?;
                bytes.push(u8::try_from(high * 16 + low).ok()?);
            }
            b'+' => bytes.push(b' '),
            other => bytes.push(other),
        }
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_unreserved_characters_stay_as_they_are() {
        assert_eq!(encode("a-Z_0.9~"), "a-Z_0.9~");
        assert_eq!(encode("../admin"), "..%2Fadmin");
        assert_eq!(encode("a b?c#d%"), "a%20b%3Fc%23d%25");
        assert_eq!(encode("chaussures-été"), "chaussures-%C3%A9t%C3%A9");
    }

    #[test]
    fn decoding_reverses_encoding() {
        for text in ["", "plain", "a b&c=d", "été 日本", "100%"] {
            assert_eq!(decode(&encode(text)).as_deref(), Some(text));
        }
        assert_eq!(decode("a+b").as_deref(), Some("a b"));
    }

    #[test]
    fn broken_escapes_are_refused() {
        for bad in ["%", "%4", "%zz", "%C3"] {
            assert_eq!(decode(bad), None, "{bad}");
        }
    }
}
