//! The moderation API, `/v1/moderation/*`: everything a brand's moderators do, behind the admin
//! key ([`crate::admin::Admin`], which every handler takes: 401 without or with a wrong key, 403
//! when the server has none).
//!
//! One module per concern: [`queue`] (what waits for review), [`decisions`] (approve, reject),
//! [`ideas`] (status, merge, pin), [`blocks`], [`sites`], [`products`], [`boards`], [`feeds`],
//! [`export`] (CSV), [`insights`] (engagement figures, also as CSV) and [`log`].

use axum::http::{header, StatusCode};
use axum::Json;
use kindred_api::moderation::is_slug;
use utoipa_axum::router::OpenApiRouter;

use crate::error::{Error, Result};
use crate::state::AppState;
use crate::store::boards::Board;
use crate::store::moderation::{DEFAULT_LIMIT, MAX_LIMIT};

pub mod blocks;
pub mod boards;
pub mod decisions;
pub mod export;
pub mod feeds;
pub mod ideas;
pub mod insights;
pub mod log;
pub mod products;
pub mod queue;
pub mod sites;

/// Every moderation route.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(queue::router())
        .merge(decisions::router())
        .merge(ideas::router())
        .merge(blocks::router())
        .merge(sites::router())
        .merge(products::router())
        .merge(boards::router())
        .merge(feeds::router())
        .merge(export::router())
        .merge(insights::router())
        .merge(log::router())
}

/// The answer to a create: 201, the new resource's address in `Location`, and its body.
type Created<T> = (StatusCode, [(header::HeaderName, String); 1], Json<T>);

/// A [`Created`] answer for what is now at `location`.
fn created<T>(location: String, body: T) -> Created<T> {
    (
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(body),
    )
}

/// A page size as sent: [`DEFAULT_LIMIT`] when absent, at most [`MAX_LIMIT`], zero refused.
fn page_limit(limit: Option<u32>) -> Result<u32> {
    match limit {
        Some(0) => Err(Error::BadRequest("`limit` must be at least 1".into())),
        Some(limit) => Ok(limit.min(MAX_LIMIT)),
        None => Ok(DEFAULT_LIMIT),
    }
}

/// A `?site=` filter as sent: empty means none; anything but a slug is a 400.
fn site_filter(site: Option<&str>) -> Result<Option<&str>> {
    slug_filter("site", site)
}

/// A filter by slug, `?{name}=`, as sent: empty means none; anything but a slug is a 400.
fn slug_filter<'a>(name: &str, slug: Option<&'a str>) -> Result<Option<&'a str>> {
    match slug.filter(|slug| !slug.is_empty()) {
        Some(slug) if !is_slug(slug) => {
            Err(Error::BadRequest(format!("`{name}` is not a {name} slug")))
        }
        slug => Ok(slug),
    }
}

/// A cursor as sent; an empty one is what URL templates produce for "none".
fn cursor(text: Option<&str>) -> Option<&str> {
    text.filter(|text| !text.is_empty())
}

/// `slug` when it has the form of a slug; anything else names nothing, a 404 saying `what`.
fn checked_slug<'a>(slug: &'a str, what: &str) -> Result<&'a str> {
    if is_slug(slug) {
        Ok(slug)
    } else {
        Err(Error::not_found(format!("no {what} with this slug")))
    }
}

/// The row id of the site with `slug`; none is a 404.
async fn site_id(state: &AppState, slug: &str) -> Result<i64> {
    let slug = checked_slug(slug, "site")?;
    state
        .store
        .site_id(slug)
        .await?
        .ok_or_else(|| Error::not_found("no site with this slug"))
}

/// The board with `slug`; none is a 404.
async fn board(state: &AppState, slug: &str) -> Result<Board> {
    let slug = checked_slug(slug, "board")?;
    state
        .store
        .board(slug)
        .await?
        .ok_or_else(|| Error::not_found("no board with this slug"))
}
