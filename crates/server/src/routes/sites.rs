//! Site configuration, the first thing a widget asks for.
//!
//! - `GET /v1/sites/{site}` → [`SiteConfig`]: name, locale, boards, forms, theme, features, and
//!   feeds with their upload rules (the largest photo from `--upload-body-limit`, the accepted
//!   types from [`crate::media::probe`]); 404 for an unknown site.

use axum::extract::State;
use axum::Json;
use kindred_api::{ErrorBody, SiteConfig};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{Error, Result};
use crate::extract::ApiPath;
use crate::state::AppState;

/// The site routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(sites_show))
}

/// A site's start-up configuration for the widget.
#[utoipa::path(
    get,
    path = "/v1/sites/{site}",
    tag = "sites",
    params(("site" = String, Path, description = "The site's slug, as in `data-site`")),
    responses(
        (status = OK, description = "The site's configuration", body = SiteConfig),
        (status = NOT_FOUND, description = "No site with this slug", body = ErrorBody),
    ),
)]
async fn sites_show(
    State(state): State<AppState>,
    ApiPath(site): ApiPath<String>,
) -> Result<Json<SiteConfig>> {
    state
        .store
        .site_config(&site, state.config.max_image_bytes())
        .await?
        .map(Json)
        .ok_or_else(|| Error::not_found("no site with this slug"))
}
