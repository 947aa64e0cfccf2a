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
pub mod health;
pub mod ideas;
pub mod moderation;
pub mod openapi;
pub mod sites;
pub mod votes;

/// Every API route with its OpenAPI description (assets are added separately, only when
/// configured).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .merge(health::router())
        .merge(openapi::router())
        .merge(sites::router())
        .merge(ideas::router().into())
        .merge(votes::router())
        .merge(comments::router().into())
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
