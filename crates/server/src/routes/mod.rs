//! The HTTP surface: one module per resource, each exposing `router()`, merged here.
//!
//! Each module registers its handlers with `utoipa_axum::routes!`, so the routes and the
//! OpenAPI document ([`openapi`]) come from the same code.

use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use crate::error::Error;
use crate::state::AppState;

pub mod assets;
pub mod comments;
pub mod events;
pub mod form_admin;
pub mod forms;
pub mod health;
pub mod ideas;
pub mod moderation;
pub mod openapi;
pub mod sites;
pub mod votes;
pub mod webhooks;

/// Every API route with its OpenAPI description (assets are added separately, only when
/// configured).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .merge(health::router())
        .merge(openapi::router())
        .merge(sites::router())
        .merge(ideas::router())
        .merge(votes::router())
        .merge(comments::router())
        .merge(events::router())
        .merge(webhooks::router())
        .merge(forms::router())
        .merge(form_admin::router())
        .merge(moderation::router())
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

/// A row id as the server writes ids and comment cursors: a positive decimal, else `None`.
pub fn parse_row_id(text: &str) -> Option<i64> {
    text.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| text.parse::<i64>().ok())
        .flatten()
        .filter(|id| *id > 0)
}

/// The page size a list request asks for: `default` when absent, at most `max`; 0 is a 400.
pub fn page_limit(limit: Option<u32>, default: u32, max: u32) -> Result<u32, Error> {
    match limit {
        Some(0) => Err(Error::BadRequest("`limit` must be at least 1".into())),
        Some(limit) => Ok(limit.min(max)),
        None => Ok(default),
    }
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
