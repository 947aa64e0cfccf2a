//! Opaque list cursors: the sort keys of the last item a page returned.
//!
//! Lists use keyset pagination, so a page continues exactly after the previous one even
//! while new ideas arrive. A cursor is plain text, `<sort>~<primary>~<secondary>~<id>`, with
//! `~pinned` after it when the last item was pinned (pinned ideas lead every order), built
//! only from characters that need no escaping in a query string. Clients must treat it as
//! opaque; the server validates every part and refuses a cursor made for another sort.

use std::fmt;

use kindred_api::IdeaSort;

use crate::error::Error;

/// The first sort key: a count for most orders, the creation time for `new`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Key {
    /// A non-negative count (votes, recent votes, comments).
    Count(i64),
    /// A stored timestamp.
    Time(String),
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Count(n) => write!(f, "{n}"),
            Self::Time(t) => f.write_str(t),
        }
    }
}

/// Where the next page of an idea list starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cursor {
    /// The order the cursor was made for.
    pub sort: IdeaSort,
    /// Whether the last item was pinned: pinned ideas come before all others.
    pub pinned: bool,
    /// The primary sort key of the last item.
    pub primary: Key,
    /// The secondary sort key of the last item (zero for orders that have none).
    pub secondary: i64,
    /// The id of the last item, which breaks every tie.
    pub id: i64,
}

const SEPARATOR: char = '~';

/// The last part of the cursor of a pinned item.
const PINNED: &str = "pinned";

impl Cursor {
    /// The cursor's wire text.
    pub fn encode(&self) -> String {
        let mut text = format!(
            "{sort}{SEPARATOR}{primary}{SEPARATOR}{secondary}{SEPARATOR}{id}",
            sort = self.sort.as_str(),
            primary = self.primary,
            secondary = self.secondary,
            id = self.id,
        );
        if self.pinned {
            text.push(SEPARATOR);
            text.push_str(PINNED);
        }
        text
    }

    /// Parses a cursor a client sent back for a list ordered by `sort`.
    pub fn decode(text: &str, sort: IdeaSort) -> Result<Self, Error> {
        Self::parse(text, sort).ok_or_else(|| Error::BadRequest("the cursor is not valid".into()))
    }

    fn parse(text: &str, sort: IdeaSort) -> Option<Self> {
        let mut parts = text.split(SEPARATOR);
        let (tag, primary, secondary, id) =
            (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
        let pinned = match parts.next() {
            None => false,
            Some(PINNED) => true,
            Some(_) => return None,
        };
        if parts.next().is_some() || tag != sort.as_str() {
            return None;
        }
        let primary = match sort {
            IdeaSort::New => is_timestamp(primary).then(|| Key::Time(primary.to_owned()))?,
            _ => Key::Count(number(primary)?),
        };
        let cursor = Self {
            sort,
            pinned,
            primary,
            secondary: number(secondary)?,
            id: number(id)?,
        };
        (cursor.id > 0).then_some(cursor)
    }
}

/// A row id as the server writes ids and cursors: a positive decimal without sign or space.
pub fn row_id(text: &str) -> Option<i64> {
    number(text).filter(|id| *id > 0)
}

/// A non-negative decimal integer without sign or surrounding space.
fn number(text: &str) -> Option<i64> {
    if text.is_empty() || text.len() > 18 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Whether `text` has the exact shape of a stored timestamp, `YYYY-MM-DDTHH:MM:SS.mmmZ`.
pub fn is_timestamp(text: &str) -> bool {
    const SHAPE: &[u8] = b"dddd-dd-ddTdd:dd:dd.dddZ";
    text.len() == SHAPE.len()
        && text.bytes().zip(SHAPE).all(|(byte, &shape)| match shape {
            b'd' => byte.is_ascii_digit(),
            literal => byte == literal,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip() {
        for cursor in [
            Cursor {
                sort: IdeaSort::Top,
                pinned: false,
                primary: Key::Count(57),
                secondary: 0,
                id: 12,
            },
            Cursor {
                sort: IdeaSort::New,
                pinned: true,
                primary: Key::Time("2026-01-02T03:04:05.678Z".into()),
                secondary: 0,
                id: 3,
            },
        ] {
            let text = cursor.encode();
            assert!(text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"~-:._".contains(&b)));
            assert_eq!(Cursor::decode(&text, cursor.sort).unwrap(), cursor);
        }
    }

    #[test]
    fn bad_cursors_are_refused() {
        use IdeaSort::{New, Top};
        for (bad, sort) in [
            ("", Top),
            ("garbage", Top),
            ("top~1~0", Top),
            ("top~1~0~5~9", Top),
            ("top~1~0~5~pinned~pinned", Top),
            ("top~-1~0~5", Top),
            ("top~+1~0~5", Top),
            ("top~1~0~0", Top),
            ("top~ 1~0~5", Top),
            ("top~1~0~99999999999999999999", Top),
            ("top~1~0~5", New),
            ("new~1~0~5", New),
            ("new~2026-01-02T03:04:05Z~0~5", New),
        ] {
            assert!(Cursor::decode(bad, sort).is_err(), "{bad}");
        }
        assert!(Cursor::decode("top~1~0~5", Top).is_ok());
    }
}
