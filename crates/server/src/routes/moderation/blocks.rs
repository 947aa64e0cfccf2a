//! Blocking identities on a site.
//!
//! - `GET    /v1/moderation/sites/{site}/blocks?cursor=&limit=` → `Page<Block>`, by identity.
//! - `POST   /v1/moderation/sites/{site}/blocks` with a `BlockRequest` → 201 + `Block`;
//!   blocking a blocked identity again replaces its reason and expiry. Bad identity, blank
//!   reason or malformed `expires_at` → 422.
//! - `DELETE /v1/moderation/sites/{site}/blocks/{identity}` → 204; not blocked → 404.
//!
//! A blocked identity's writes on the site (ideas, votes, comments) answer 403 `forbidden`
//! until the block lapses; its reads still work. Unknown site → 404.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use kindred_api::moderation::{is_identity_key, Block, BlockRequest};
use kindred_api::{ErrorBody, Page};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::admin::Admin;
use crate::error::{Error, Result};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::routes::moderation::{cursor, page_limit, site_id};
use crate::state::AppState;

/// The block routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(blocks_index, blocks_create))
        .routes(routes!(blocks_delete))
}

/// Query parameters of a block list, as sent.
#[derive(Debug, Deserialize)]
struct BlocksParams {
    cursor: Option<String>,
    limit: Option<u32>,
}

/// The identities blocked on a site.
#[utoipa::path(
    get,
    path = "/v1/moderation/sites/{site}/blocks",
    tag = "moderation",
    params(
        ("site" = String, Path, description = "The site's slug"),
        ("cursor" = Option<String>, Query, description = "The previous page's `next_cursor`"),
        ("limit" = Option<u32>, Query, description = "Blocks per page, 1 to 100 (default 50)"),
    ),
    security(("admin" = [])),
    responses(
        (status = OK, description = "One page of blocks", body = Page<Block>),
        (status = BAD_REQUEST, description = "A bad parameter", body = ErrorBody),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such site", body = ErrorBody),
    ),
)]
async fn blocks_index(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(site): ApiPath<String>,
    ApiQuery(params): ApiQuery<BlocksParams>,
) -> Result<Json<Page<Block>>> {
    let limit = page_limit(params.limit)?;
    let site_id = site_id(&state, &site).await?;
    // The cursor is the last identity key of the previous page.
    let after = match cursor(params.cursor.as_deref()) {
        Some(key) if !is_identity_key(key) => {
            return Err(Error::BadRequest("the cursor is not valid".into()))
        }
        after => after.unwrap_or_default(),
    };
    Ok(Json(state.store.blocks(site_id, after, limit).await?))
}

/// Blocks an identity from writing on a site.
#[utoipa::path(
    post,
    path = "/v1/moderation/sites/{site}/blocks",
    tag = "moderation",
    params(("site" = String, Path, description = "The site's slug")),
    request_body = BlockRequest,
    security(("admin" = [])),
    responses(
        (status = CREATED, description = "The block", body = Block),
        (status = BAD_REQUEST, description = "Malformed JSON", body = ErrorBody),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such site", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "A bad identity, reason or expiry", body = ErrorBody),
    ),
)]
async fn blocks_create(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(site): ApiPath<String>,
    ApiJson(request): ApiJson<BlockRequest>,
) -> Result<(StatusCode, Json<Block>)> {
    let site_id = site_id(&state, &site).await?;
    request.validate().map_err(Error::Validation)?;
    let block = state.store.block(site_id, &request).await?;
    Ok((StatusCode::CREATED, Json(block)))
}

/// Lifts a block.
#[utoipa::path(
    delete,
    path = "/v1/moderation/sites/{site}/blocks/{identity}",
    tag = "moderation",
    params(
        ("site" = String, Path, description = "The site's slug"),
        ("identity" = String, Path, description = "The blocked identity key"),
    ),
    security(("admin" = [])),
    responses(
        (status = NO_CONTENT, description = "The identity may write again"),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such site, or the identity is not blocked", body = ErrorBody),
    ),
)]
async fn blocks_delete(
    _: Admin,
    State(state): State<AppState>,
    ApiPath((site, identity)): ApiPath<(String, String)>,
) -> Result<StatusCode> {
    let site_id = site_id(&state, &site).await?;
    if !is_identity_key(&identity) {
        return Err(Error::not_found(
            "this identity is not blocked on this site",
        ));
    }
    state.store.unblock(site_id, &identity).await?;
    Ok(StatusCode::NO_CONTENT)
}
