//! Anonymous visitor identity: a random UUID v4 the widget keeps in storage and sends as a header.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The header that carries an anonymous visitor's id.
pub const VISITOR_HEADER: &str = "x-kindred-visitor";

/// A validated anonymous visitor id: a lowercase, hyphenated UUID version 4.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct VisitorId(String);

/// Text that is not a UUID v4.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidVisitorId;

impl fmt::Display for InvalidVisitorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a visitor id must be a UUID version 4")
    }
}

impl std::error::Error for InvalidVisitorId {}

impl VisitorId {
    /// Parses a UUID v4 in its hyphenated form, accepting either letter case.
    pub fn parse(text: &str) -> Result<Self, InvalidVisitorId> {
        let bytes = text.as_bytes();
        let well_formed = bytes.len() == 36
            && bytes.iter().enumerate().all(|(i, b)| match i {
                8 | 13 | 18 | 23 => *b == b'-',
                _ => b.is_ascii_hexdigit(),
            })
            && bytes[14] == b'4'
            && matches!(bytes[19].to_ascii_lowercase(), b'8' | b'9' | b'a' | b'b');
        if well_formed {
            Ok(Self(text.to_ascii_lowercase()))
        } else {
            Err(InvalidVisitorId)
        }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for VisitorId {
    type Err = InvalidVisitorId;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for VisitorId {
    type Error = InvalidVisitorId;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<VisitorId> for String {
    fn from(id: VisitorId) -> Self {
        id.0
    }
}

impl fmt::Display for VisitorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_uuid_v4_and_normalises_case() {
        let id = VisitorId::parse("0F8FAD5B-D9CB-469F-A165-70867728950E").unwrap();
        assert_eq!(id.as_str(), "0f8fad5b-d9cb-469f-a165-70867728950e");
    }

    #[test]
    fn refuses_other_versions_and_shapes() {
        for bad in [
            "",
            "not-a-uuid",
            "0f8fad5b-d9cb-169f-a165-70867728950e", // version 1
            "0f8fad5b-d9cb-469f-c165-70867728950e", // wrong variant
            "0f8fad5bd9cb469fa16570867728950e",     // no hyphens
            "0f8fad5b-d9cb-469f-a165-70867728950e0", // too long
            "0f8fad5b-d9cb-469f-a165-70867728950g", // not hex
        ] {
            assert_eq!(VisitorId::parse(bad), Err(InvalidVisitorId), "{bad}");
        }
    }

    #[test]
    fn deserializing_validates() {
        assert!(serde_json::from_str::<VisitorId>("\"nope\"").is_err());
        let id: VisitorId =
            serde_json::from_str("\"0f8fad5b-d9cb-469f-a165-70867728950e\"").unwrap();
        assert_eq!(id.to_string(), "0f8fad5b-d9cb-469f-a165-70867728950e");
    }
}
