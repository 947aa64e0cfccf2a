//! The HTTP surface: one module per resource, each exposing `router()`, merged here.
//!
//! Each module registers its handlers with `utoipa_axum::routes!`, so the routes and the
//! OpenAPI document ([`openapi`]) come from the same code.

use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use kindred_api::IdeaSort;

use crate::error::Error;
use crate::state::AppState;
use crate::store::cursor::Cursor;

pub mod assets;
pub mod comments;
pub mod engagement;
pub mod events;
pub mod feeds;
pub mod form_admin;
pub mod forms;
pub mod health;
pub mod ideas;
pub mod likes;
pub mod media;
pub mod moderation;
pub mod openapi;
pub mod posts;
pub mod reports;
pub mod sites;
pub mod votes;
pub mod webhooks;

/// Every API route with its OpenAPI description (assets are added separately, only when
/// configured). Uploads accept bodies of up to `upload_body_limit` bytes; every other route
/// keeps the JSON limit [`crate::app`] sets.
pub fn router(upload_body_limit: usize) -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .merge(health::router())
        .merge(openapi::router())
        .merge(sites::router())
        .merge(engagement::router())
        .merge(ideas::router())
        .merge(votes::router())
        .merge(comments::router())
        .merge(events::router())
        .merge(webhooks::router())
        .merge(forms::router(upload_body_limit))
        .merge(form_admin::router())
        .merge(moderation::router())
        .merge(feeds::router(upload_body_limit))
        .merge(posts::router())
        .merge(media::router())
}

/// The answer for paths no route matches: a contract 404 rather than an empty body.
pub async fn not_found() -> Error {
    Error::not_found("no such route")
}

/// The answer for a known path with a method it does not support; axum adds `Allow`.
pub async fn method_not_allowed() -> Error {
    Error::MethodNotAllowed
}

/// Parses an idea id from a path segment. Ids are decimal row ids, so anything else names
/// no idea and is a 404, like an id that does not exist.
pub fn parse_idea_id(text: &str) -> Result<i64, Error> {
    parse_row_id(text).ok_or_else(|| Error::not_found("no idea with this id"))
}

/// A list's page size from `?limit=`: `default` when absent, capped at `max`, 0 refused.
pub fn page_limit(limit: Option<u32>, default: u32, max: u32) -> Result<u32, Error> {
    match limit {
        Some(0) => Err(Error::BadRequest("`limit` must be at least 1".into())),
        Some(limit) => Ok(limit.min(max)),
        None => Ok(default),
    }
}

/// A list's cursor from `?cursor=`, made for order `sort`. Empty parameters are what URL
/// templates produce for "no value", so they count as absent.
pub fn page_cursor(cursor: Option<&str>, sort: IdeaSort) -> Result<Option<Cursor>, Error> {
    cursor
        .filter(|c| !c.is_empty())
        .map(|text| Cursor::decode(text, sort))
        .transpose()
}

/// A filter parameter, trimmed; blank counts as absent.
pub fn filter_param(value: Option<String>) -> Option<String> {
    value
        .map(|value| value.trim().to_owned())
        .filter(|value| !value.is_empty())
}

/// Parses a post id from a path segment; anything but a positive decimal is a 404.
pub fn parse_post_id(text: &str) -> Result<i64, Error> {
    parse_row_id(text).ok_or_else(|| Error::not_found("no post with this id"))
}

/// A row id as the server writes ids and comment cursors: a positive decimal, else `None`.
pub fn parse_row_id(text: &str) -> Option<i64> {
    text.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| text.parse::<i64>().ok())
        .flatten()
        .filter(|id| *id > 0)
}

/// A cursor that is a row id (the last id of the previous page); empty means none, anything
/// else that is not a row id is a 400.
pub fn row_cursor(cursor: Option<&str>) -> Result<Option<i64>, Error> {
    match cursor.filter(|c| !c.is_empty()) {
        Some(text) => parse_row_id(text)
            .map(Some)
            .ok_or_else(|| Error::BadRequest("invalid `cursor`".into())),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idea_ids_are_positive_decimals() {
        assert_eq!(parse_idea_id("42").unwrap(), 42);
        for bad in ["", "0", "-3", "+3", "4a", "abc", "99999999999999999999"] {
            assert!(
                matches!(parse_idea_id(bad), Err(Error::NotFound(_))),
                "{bad}"
            );
        }
    }
}
