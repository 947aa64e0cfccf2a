//! Where each operation of the contract lives, relative to the configured API base.

use kindred_api::{IdeaId, IdeaSort};

/// A validated API base: an absolute `http(s)` URL or a root-relative path, without a
/// trailing slash, query or fragment, so paths can be appended to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiBase(String);

impl ApiBase {
    /// Accepts `https://host[/path]`, `http://host[/path]` or `/path`; anything else (other
    /// schemes, relative paths, queries, fragments) is refused.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let lower = text.to_ascii_lowercase();
        let host_start = ["https://", "http://"]
            .iter()
            .find(|scheme| lower.starts_with(*scheme))
            .map(|scheme| scheme.len());
        let shaped = match host_start {
            Some(start) => text.len() > start && !text[start..].starts_with('/'),
            None => text.starts_with('/') && !text.starts_with("//"),
        };
        let plain = !text.contains(['?', '#']) && !text.contains(char::is_whitespace);
        (shaped && plain).then(|| Self(text.trim_end_matches('/').to_owned()))
    }

    /// The base as text; empty for the root path `/`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `GET /v1/boards/{board}/ideas?sort=…`
    pub fn board_ideas(&self, board: &str, sort: IdeaSort) -> String {
        format!(
            "{}/v1/boards/{}/ideas?sort={}",
            self.0,
            encode_segment(board),
            sort.as_str()
        )
    }

    /// `PUT` and `DELETE /v1/ideas/{id}/vote`
    pub fn idea_vote(&self, id: &IdeaId) -> String {
        format!("{}/v1/ideas/{}/vote", self.0, encode_segment(&id.0))
    }
}

/// Percent-encodes `segment` so it stays one path segment whatever it contains: everything
/// except RFC 3986 unreserved characters is escaped, byte by byte in UTF-8.
fn encode_segment(segment: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut encoded = String::with_capacity(segment.len());
    for byte in segment.bytes() {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn base(text: &str) -> ApiBase {
        ApiBase::parse(text).unwrap()
    }

    #[test]
    fn bases_lose_their_trailing_slashes() {
        assert_eq!(
            base("http://127.0.0.1:8080/").as_str(),
            "http://127.0.0.1:8080"
        );
        assert_eq!(
            base(" https://api.example.com/kindred// ").as_str(),
            "https://api.example.com/kindred"
        );
        assert_eq!(
            base("HTTPS://API.example.com").as_str(),
            "HTTPS://API.example.com"
        );
        assert_eq!(base("/kindred/").as_str(), "/kindred");
        assert_eq!(base("/").as_str(), "");
    }

    #[test]
    fn unusable_bases_are_refused() {
        for bad in [
            "",
            "api.example.com",
            "kindred/api",
            "//api.example.com",
            "https://",
            "https:///path",
            "ftp://example.com",
            "javascript:alert(1)",
            "https://example.com/?x=1",
            "https://example.com/#top",
            "https://exa mple.com",
        ] {
            assert_eq!(ApiBase::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn board_ideas_url_carries_the_sort() {
        assert_eq!(
            base("http://127.0.0.1:8080").board_ideas("trail-shoes", IdeaSort::Top),
            "http://127.0.0.1:8080/v1/boards/trail-shoes/ideas?sort=top"
        );
        assert_eq!(
            base("/").board_ideas("b", IdeaSort::Trending),
            "/v1/boards/b/ideas?sort=trending"
        );
    }

    #[test]
    fn vote_url_names_the_idea() {
        assert_eq!(
            base("https://api.example.com/k").idea_vote(&IdeaId::from(42)),
            "https://api.example.com/k/v1/ideas/42/vote"
        );
    }

    #[test]
    fn path_segments_are_percent_encoded() {
        assert_eq!(encode_segment("a-Z_0.9~"), "a-Z_0.9~");
        assert_eq!(encode_segment("../admin"), "..%2Fadmin");
        assert_eq!(encode_segment("a b?c#d%"), "a%20b%3Fc%23d%25");
        assert_eq!(encode_segment("chaussures-été"), "chaussures-%C3%A9t%C3%A9");
        assert_eq!(
            base("/").idea_vote(&IdeaId("x/y".into())),
            "/v1/ideas/x%2Fy/vote"
        );
    }
}
