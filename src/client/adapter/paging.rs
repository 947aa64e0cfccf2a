//! How an API pages through a list, and the cursor the widget keeps between pages. The widget
//! knows only opaque cursors (Kindred's own contract); an adapter writes its API's paging
//! into one: the API's own cursor, the next page's number, the next offset, or the URL of
//! the page after (RFC 8288 `Link: <…>; rel="next"`).

use serde::Deserialize;
use serde_json::Value;

use super::template::{text_of, Vars};

/// An API's paging.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(tag = "style", rename_all = "snake_case", deny_unknown_fields)]
pub enum Paging {
    /// The answer holds the whole list.
    #[default]
    None,
    /// The answer gives the next page's cursor at the pointer `next` (none, `null` or empty
    /// text on the last page); requests fill `{cursor}` with it.
    Cursor {
        /// Where the next cursor is.
        next: String,
    },
    /// Numbered pages from `first`; requests fill `{page}`.
    Page {
        /// The first page's number.
        #[serde(default = "one")]
        first: u64,
        /// A pointer to whether more pages follow.
        #[serde(default)]
        has_more: Option<String>,
        /// A pointer to how many items the whole list holds.
        #[serde(default)]
        total: Option<String>,
    },
    /// Items counted from 0; requests fill `{offset}` (and `{limit}`, as all do).
    Offset {
        /// A pointer to whether more items follow.
        #[serde(default)]
        has_more: Option<String>,
        /// A pointer to how many items the whole list holds.
        #[serde(default)]
        total: Option<String>,
    },
    /// The `Link` header's `rel="next"` URL, on the API's own origin, is the next request.
    Link,
    /// The URL at the pointer `next` (JSON Feed's `next_url`), on the API's own origin, is
    /// the next request.
    NextUrl {
        /// Where the next page's URL is.
        next: String,
    },
}

fn one() -> u64 {
    1
}

/// What a page's answer says about the pages after it.
pub struct Answer<'a> {
    /// The answer's body.
    pub body: &'a Value,
    /// How many items it listed.
    pub items: usize,
    /// Its `Link` header, if any.
    pub link: Option<&'a str>,
    /// The URL it was asked at.
    pub url: &'a str,
}

impl Paging {
    /// The placeholders a request for the page at `cursor` (the first without one) fills:
    /// `{cursor}`, `{page}` or `{offset}`. A cursor the style cannot read starts over.
    pub fn vars(&self, cursor: Option<&str>, vars: &mut Vars) {
        match self {
            Self::None | Self::Link | Self::NextUrl { .. } => {}
            Self::Cursor { .. } => {
                vars.insert("cursor", Value::from(cursor.unwrap_or_default()));
            }
            Self::Page { first, .. } => {
                let page = cursor
                    .and_then(|cursor| cursor.parse().ok())
                    .unwrap_or(*first);
                vars.insert("page", Value::from(page));
            }
            Self::Offset { .. } => {
                let offset: u64 = cursor.and_then(|cursor| cursor.parse().ok()).unwrap_or(0);
                vars.insert("offset", Value::from(offset));
            }
        }
    }

    /// The URL to ask for the page at `cursor` instead of the operation's template: with
    /// `Link` paging, the URL the last answer linked to.
    pub fn url<'a>(&self, cursor: Option<&'a str>) -> Option<&'a str> {
        match self {
            Self::Link | Self::NextUrl { .. } => cursor,
            _ => None,
        }
    }

    /// The cursor of the page after the one `answer` gave, asked for at `cursor` with `limit`
    /// items a page; `None` when it was the last.
    pub fn next(&self, cursor: Option<&str>, limit: u64, answer: &Answer) -> Option<String> {
        match self {
            Self::None => None,
            Self::Cursor { next } => answer
                .body
                .pointer(next)
                .map(text_of)
                .filter(|next| !next.is_empty()),
            Self::Page {
                first,
                has_more,
                total,
            } => {
                let end = End { has_more, total };
                let page: u64 = cursor
                    .and_then(|cursor| cursor.parse().ok())
                    .unwrap_or(*first);
                let seen = (page - first.min(&page)) * limit + answer.items as u64;
                end.more(answer, limit, seen)
                    .then(|| (page + 1).to_string())
            }
            Self::Offset { has_more, total } => {
                let end = End { has_more, total };
                let offset: u64 = cursor.and_then(|cursor| cursor.parse().ok()).unwrap_or(0);
                let seen = offset + answer.items as u64;
                end.more(answer, limit, seen).then(|| seen.to_string())
            }
            Self::Link => answer
                .link
                .and_then(next_link)
                .and_then(|next| same_origin(answer.url, &next)),
            Self::NextUrl { next } => answer
                .body
                .pointer(next)
                .and_then(Value::as_str)
                .and_then(|next| same_origin(answer.url, next)),
        }
    }
}

/// What tells the last page, beyond an empty page or one shorter than the limit: pointers to
/// whether more follow, or to how many items the whole list holds.
struct End<'a> {
    has_more: &'a Option<String>,
    total: &'a Option<String>,
}

impl End<'_> {
    /// Whether more follow an answer of `limit` items a page, `seen` items listed so far.
    fn more(&self, answer: &Answer, limit: u64, seen: u64) -> bool {
        if answer.items == 0 {
            return false;
        }
        if let Some(flag) = self
            .has_more
            .as_deref()
            .and_then(|at| answer.body.pointer(at))
        {
            return match flag {
                Value::Bool(more) => *more,
                Value::Number(count) => count.as_f64() != Some(0.0),
                other => text_of(other) == "true",
            };
        }
        if let Some(total) = self.total.as_deref().and_then(|at| answer.body.pointer(at)) {
            let total = match total {
                Value::Number(total) => total.as_u64(),
                other => text_of(other).trim().parse().ok(),
            };
            if let Some(total) = total {
                return seen < total;
            }
        }
        answer.items as u64 >= limit
    }
}

/// The `rel="next"` target of a `Link` header (RFC 8288).
pub fn next_link(header: &str) -> Option<String> {
    let mut rest = header;
    while let Some(start) = rest.find('<') {
        let end = start + rest[start..].find('>')?;
        let target = &rest[start + 1..end];
        let params_end = rest[end..].find('<').map_or(rest.len(), |next| end + next);
        let params = &rest[end + 1..params_end];
        let is_next = params.split(';').any(|param| {
            let Some((name, value)) = param.split_once('=') else {
                return false;
            };
            name.trim().eq_ignore_ascii_case("rel")
                && value
                    .trim()
                    .trim_end_matches(',')
                    .trim_end()
                    .trim_matches('"')
                    .split_ascii_whitespace()
                    .any(|rel| rel.eq_ignore_ascii_case("next"))
        });
        if is_next {
            return Some(target.trim().to_owned());
        }
        rest = &rest[params_end..];
    }
    None
}

/// `next` resolved against `current` when it is a path, if it is on `current`'s origin: the
/// visitor's token goes with every request, so a link elsewhere is not followed.
pub fn same_origin(current: &str, next: &str) -> Option<String> {
    let here = origin(current)?;
    if next.starts_with('/') && !next.starts_with("//") {
        return Some(format!("{here}{next}"));
    }
    (origin(next)? == here).then(|| next.to_owned())
}

/// `scheme://host[:port]` of an `http(s)` URL.
fn origin(url: &str) -> Option<&str> {
    let after = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host_end = after.find(['/', '?', '#']).unwrap_or(after.len());
    (host_end > 0).then(|| &url[..url.len() - after.len() + host_end])
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn paging(spec: Value) -> Paging {
        serde_json::from_value(spec).unwrap()
    }

    fn answer<'a>(body: &'a Value, items: usize, link: Option<&'a str>) -> Answer<'a> {
        Answer {
            body,
            items,
            link,
            url: "https://api.test/v1/list?a=1",
        }
    }

    #[test]
    fn a_cursor_comes_from_the_answer() {
        let style = paging(json!({"style": "cursor", "next": "/meta/next"}));
        let mut vars = Vars::new();
        style.vars(None, &mut vars);
        assert_eq!(vars["cursor"], json!(""));
        style.vars(Some("abc"), &mut vars);
        assert_eq!(vars["cursor"], json!("abc"));
        let body = json!({"meta": {"next": "c2"}});
        assert_eq!(
            style.next(None, 20, &answer(&body, 20, None)).as_deref(),
            Some("c2")
        );
        for last in [
            json!({"meta": {"next": null}}),
            json!({"meta": {"next": ""}}),
            json!({}),
        ] {
            assert_eq!(style.next(None, 20, &answer(&last, 20, None)), None);
        }
        let body = json!({"meta": {"next": 17}});
        assert_eq!(
            style.next(None, 20, &answer(&body, 5, None)).as_deref(),
            Some("17")
        );
    }

    #[test]
    fn numbered_pages_end_by_flag_total_or_a_short_page() {
        let style = paging(json!({"style": "page"}));
        let mut vars = Vars::new();
        style.vars(None, &mut vars);
        assert_eq!(vars["page"], json!(1));
        style.vars(Some("3"), &mut vars);
        assert_eq!(vars["page"], json!(3));
        let body = json!({});
        assert_eq!(
            style.next(None, 20, &answer(&body, 20, None)).as_deref(),
            Some("2")
        );
        assert_eq!(style.next(Some("2"), 20, &answer(&body, 19, None)), None);
        assert_eq!(style.next(Some("2"), 20, &answer(&body, 0, None)), None);

        let flagged = paging(json!({"style": "page", "first": 0, "has_more": "/more"}));
        let more = json!({"more": true});
        let done = json!({"more": "false"});
        assert_eq!(
            flagged.next(None, 20, &answer(&more, 3, None)).as_deref(),
            Some("1")
        );
        assert_eq!(flagged.next(Some("4"), 20, &answer(&done, 20, None)), None);

        let counted = paging(json!({"style": "page", "total": "/count"}));
        let body = json!({"count": 45});
        assert_eq!(
            counted
                .next(Some("2"), 20, &answer(&body, 20, None))
                .as_deref(),
            Some("3")
        );
        assert_eq!(counted.next(Some("3"), 20, &answer(&body, 5, None)), None);
        let body = json!({"count": "40"});
        assert_eq!(counted.next(Some("2"), 20, &answer(&body, 20, None)), None);
    }

    #[test]
    fn offsets_move_by_the_items_listed() {
        let style = paging(json!({"style": "offset", "total": "/total"}));
        let mut vars = Vars::new();
        style.vars(Some("40"), &mut vars);
        assert_eq!(vars["offset"], json!(40));
        style.vars(Some("not a number"), &mut vars);
        assert_eq!(vars["offset"], json!(0));
        let body = json!({"total": 50});
        assert_eq!(
            style
                .next(Some("20"), 20, &answer(&body, 20, None))
                .as_deref(),
            Some("40")
        );
        assert_eq!(style.next(Some("40"), 20, &answer(&body, 10, None)), None);
        let flagged = paging(json!({"style": "offset", "has_more": "/hasMore"}));
        let body = json!({"hasMore": 1});
        assert_eq!(
            flagged.next(None, 10, &answer(&body, 4, None)).as_deref(),
            Some("4")
        );
    }

    #[test]
    fn link_headers_lead_to_the_next_page_on_the_same_origin() {
        let header = r#"<https://api.test/v1/list?max_id=9>; rel="next", <https://api.test/v1/list?min_id=20>; rel="prev""#;
        assert_eq!(
            next_link(header).as_deref(),
            Some("https://api.test/v1/list?max_id=9")
        );
        assert_eq!(
            next_link(r#"<https://a.test/p2>; rel="prev next""#).as_deref(),
            Some("https://a.test/p2")
        );
        assert_eq!(
            next_link("</p3>; title=\"x\"; REL=next").as_deref(),
            Some("/p3")
        );
        assert_eq!(next_link(r#"<https://a.test/p0>; rel="prev""#), None);
        assert_eq!(next_link("garbage"), None);

        let style = Paging::Link;
        assert_eq!(
            style.url(Some("https://api.test/x")),
            Some("https://api.test/x")
        );
        let body = json!([]);
        let linked = |link| style.next(None, 20, &answer(&body, 20, Some(link)));
        assert_eq!(
            linked(header).as_deref(),
            Some("https://api.test/v1/list?max_id=9")
        );
        assert_eq!(
            linked("</v1/list?page=2>; rel=next").as_deref(),
            Some("https://api.test/v1/list?page=2")
        );
        assert_eq!(linked("<https://elsewhere.test/v1/list>; rel=next"), None);
        assert_eq!(linked("<//elsewhere.test/v1/list>; rel=next"), None);
        assert_eq!(linked("<https://api.test.evil/v1>; rel=next"), None);
        assert_eq!(style.next(None, 20, &answer(&body, 20, None)), None);
    }

    #[test]
    fn a_next_url_in_the_answer_is_the_next_request() {
        let style = paging(json!({"style": "next_url", "next": "/next_url"}));
        assert_eq!(
            style.url(Some("https://api.test/feed-2.json")),
            Some("https://api.test/feed-2.json")
        );
        let body = json!({"next_url": "https://api.test/feed-2.json"});
        assert_eq!(
            style.next(None, 20, &answer(&body, 20, None)).as_deref(),
            Some("https://api.test/feed-2.json")
        );
        let elsewhere = json!({"next_url": "https://other.test/feed-2.json"});
        assert_eq!(style.next(None, 20, &answer(&elsewhere, 20, None)), None);
        assert_eq!(style.next(None, 20, &answer(&json!({}), 20, None)), None);
    }

    #[test]
    fn a_paging_style_says_what_it_does_not_know() {
        let error = serde_json::from_value::<Paging>(json!({"style": "pages"})).unwrap_err();
        assert!(
            error.to_string().contains("unknown variant `pages`"),
            "{error}"
        );
        let error =
            serde_json::from_value::<Paging>(json!({"style": "page", "size": 2})).unwrap_err();
        assert!(
            error.to_string().contains("unknown field `size`"),
            "{error}"
        );
        let error = serde_json::from_value::<Paging>(json!({"style": "cursor"})).unwrap_err();
        assert!(
            error.to_string().contains("missing field `next`"),
            "{error}"
        );
    }
}
