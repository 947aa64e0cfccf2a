//! Managing sites.
//!
//! - `GET  /v1/moderation/sites` → `Page<SiteSettings>`: every site, by slug, on one page.
//! - `POST /v1/moderation/sites` with a `CreateSite` → 201 + `SiteSettings`; a taken slug →
//!   409.
//! - `GET  /v1/moderation/sites/{site}` → `SiteSettings`.
//! - `PUT  /v1/moderation/sites/{site}` with an `UpdateSite` → `SiteSettings`: only the fields
//!   present change; `origins` replaces the list and applies to CORS at once; `sso_secret`
//!   rotates the secret, or with `null` clears it.
//!
//! The SSO secret is write-only: answers say only whether one is set. Bad fields → 422 with a
//! code per field (name, locale as BCP 47, origins as `scheme://host[:port]`, theme names
//! `--kindred-*` with inert values, secret of 16 to 256 characters). Unknown site → 404.

use axum::extract::State;
use axum::Json;
use kindred_api::moderation::{CreateSite, SiteSettings, UpdateSite};
use kindred_api::{ErrorBody, Page};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::admin::Admin;
use crate::error::{Error, Result};
use crate::extract::{ApiJson, ApiPath};
use crate::routes::moderation::{checked_slug, created, Created};
use crate::state::AppState;

/// The site management routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(sites_index, sites_create))
        .routes(routes!(sites_show, sites_update))
}

/// Every site.
#[utoipa::path(
    get,
    path = "/v1/moderation/sites",
    tag = "moderation",
    security(("admin" = [])),
    responses(
        (status = OK, description = "Every site, by slug", body = Page<SiteSettings>),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
    ),
)]
async fn sites_index(_: Admin, State(state): State<AppState>) -> Result<Json<Page<SiteSettings>>> {
    let items = state.store.site_settings_list().await?;
    Ok(Json(Page {
        items,
        next_cursor: None,
    }))
}

/// Creates a site.
#[utoipa::path(
    post,
    path = "/v1/moderation/sites",
    tag = "moderation",
    request_body = CreateSite,
    security(("admin" = [])),
    responses(
        (status = CREATED, description = "The new site", body = SiteSettings),
        (status = BAD_REQUEST, description = "Malformed JSON", body = ErrorBody),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = CONFLICT, description = "A site with this slug exists", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "Bad settings", body = ErrorBody),
    ),
)]
async fn sites_create(
    _: Admin,
    State(state): State<AppState>,
    ApiJson(request): ApiJson<CreateSite>,
) -> Result<Created<SiteSettings>> {
    request.validate().map_err(Error::Validation)?;
    let site = state.store.create_site_with_settings(&request).await?;
    state.origins.reload(&state.store).await?;
    let location = format!("/v1/moderation/sites/{}", site.slug);
    Ok(created(location, site))
}

/// A site's settings.
#[utoipa::path(
    get,
    path = "/v1/moderation/sites/{site}",
    tag = "moderation",
    params(("site" = String, Path, description = "The site's slug")),
    security(("admin" = [])),
    responses(
        (status = OK, description = "The site's settings", body = SiteSettings),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such site", body = ErrorBody),
    ),
)]
async fn sites_show(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(site): ApiPath<String>,
) -> Result<Json<SiteSettings>> {
    state
        .store
        .site_settings(checked_slug(&site, "site")?)
        .await?
        .map(Json)
        .ok_or_else(|| Error::not_found("no site with this slug"))
}

/// Changes a site's settings; only the fields present change.
#[utoipa::path(
    put,
    path = "/v1/moderation/sites/{site}",
    tag = "moderation",
    params(("site" = String, Path, description = "The site's slug")),
    request_body = UpdateSite,
    security(("admin" = [])),
    responses(
        (status = OK, description = "The site's new settings", body = SiteSettings),
        (status = BAD_REQUEST, description = "Malformed JSON", body = ErrorBody),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such site", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "Bad settings", body = ErrorBody),
    ),
)]
async fn sites_update(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(site): ApiPath<String>,
    ApiJson(request): ApiJson<UpdateSite>,
) -> Result<Json<SiteSettings>> {
    request.validate().map_err(Error::Validation)?;
    let settings = state
        .store
        .update_site(checked_slug(&site, "site")?, &request)
        .await?
        .ok_or_else(|| Error::not_found("no site with this slug"))?;
    if request.origins.is_some() {
        state.origins.reload(&state.store).await?;
    }
    Ok(Json(settings))
}
