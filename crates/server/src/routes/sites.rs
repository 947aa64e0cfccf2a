//! Site configuration, the first thing a widget asks for.
//!
//! - `GET /v1/sites/{site}` → [`SiteConfig`]: name, locale and boards; 404 for an unknown site.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use kindred_api::SiteConfig;

use crate::error::{Error, Result};
use crate::extract::ApiPath;
use crate::state::AppState;

/// The site routes.
pub fn router() -> Router<AppState> {
    Router::new().route("/v1/sites/{site}", get(sites_show))
}

async fn sites_show(
    State(state): State<AppState>,
    ApiPath(site): ApiPath<String>,
) -> Result<Json<SiteConfig>> {
    state
        .store
        .site_config(&site)
        .await?
        .map(Json)
        .ok_or_else(|| Error::not_found("no site with this slug"))
}
