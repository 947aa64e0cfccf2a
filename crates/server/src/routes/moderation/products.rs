//! A site's product catalog, which posts tag by slug and the widget links to ("shop this
//! look"); the widget reads it in the site's configuration.
//!
//! - `GET /v1/moderation/sites/{site}/products` → `[Product]`, in the brand's order.
//! - `PUT /v1/moderation/sites/{site}/products` with a JSON array of `Product` → 200 + the
//!   catalog as stored: it replaces the whole catalog in one transaction, so the widget never
//!   reads half of an old and half of a new one.
//!
//! Bad products → 422 with each code keyed by the product's place (`[3].url`), a slug twice
//! → `[i].slug` `duplicate`, more than 500 → `products` `too_many`; unknown site → 404. A
//! catalog may be up to [`CATALOG_BODY_LIMIT`] bytes of JSON, more than other moderation
//! bodies, so that 500 products with long URLs fit.

use axum::extract::{DefaultBodyLimit, State};
use axum::Json;
use kindred_api::product::validate_catalog;
use kindred_api::{ErrorBody, Product};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::admin::Admin;
use crate::error::{Error, Result};
use crate::extract::{ApiJson, ApiPath};
use crate::routes::moderation::site_id;
use crate::state::AppState;

/// Largest catalog body, in bytes: 500 products at their longest (two URLs of 2,000
/// characters each) with room for JSON escapes.
pub const CATALOG_BODY_LIMIT: usize = 4 * 1024 * 1024;

/// The catalog routes, with their own body limit.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(products_index, products_replace))
        .layer(DefaultBodyLimit::max(CATALOG_BODY_LIMIT))
}

/// A site's product catalog.
#[utoipa::path(
    get,
    path = "/v1/moderation/sites/{site}/products",
    tag = "moderation",
    params(("site" = String, Path, description = "The site's slug")),
    security(("admin" = [])),
    responses(
        (status = OK, description = "The catalog, in the brand's order", body = Vec<Product>),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such site", body = ErrorBody),
    ),
)]
async fn products_index(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(site): ApiPath<String>,
) -> Result<Json<Vec<Product>>> {
    let site_id = site_id(&state, &site).await?;
    Ok(Json(state.store.products(site_id).await?))
}

/// Replaces a site's whole product catalog.
#[utoipa::path(
    put,
    path = "/v1/moderation/sites/{site}/products",
    tag = "moderation",
    params(("site" = String, Path, description = "The site's slug")),
    request_body(content = Vec<Product>, description = "The whole new catalog, in the order the widget shows it; at most 500 products"),
    security(("admin" = [])),
    responses(
        (status = OK, description = "The catalog as stored", body = Vec<Product>),
        (status = BAD_REQUEST, description = "Malformed JSON", body = ErrorBody),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such site", body = ErrorBody),
        (status = PAYLOAD_TOO_LARGE, description = "The body is over 4 MiB", body = ErrorBody),
        (status = UNSUPPORTED_MEDIA_TYPE, description = "Not `application/json`", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "Not an array of products, or bad products, keyed `[index].field`", body = ErrorBody),
    ),
)]
async fn products_replace(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(site): ApiPath<String>,
    ApiJson(products): ApiJson<Vec<Product>>,
) -> Result<Json<Vec<Product>>> {
    let site_id = site_id(&state, &site).await?;
    validate_catalog(&products).map_err(Error::Validation)?;
    Ok(Json(
        state.store.replace_products(site_id, &products).await?,
    ))
}
