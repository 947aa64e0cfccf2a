//! Liveness for load balancers and the demo runner.
//!
//! - `GET /healthz` → `{"status":"ok"}` once the database answers a query.

use axum::extract::State;
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::Result;
use crate::state::AppState;

/// The health route.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(health_show))
}

/// The answer of a healthy server.
#[derive(Debug, Serialize, ToSchema)]
struct Health {
    /// Always `ok`.
    status: &'static str,
}

/// Whether the server and its database answer.
#[utoipa::path(
    get,
    path = "/healthz",
    tag = "meta",
    responses(
        (status = OK, description = "The database answers", body = Health),
        (status = INTERNAL_SERVER_ERROR, description = "The database does not answer", body = kindred_api::ErrorBody),
    ),
)]
async fn health_show(State(state): State<AppState>) -> Result<Json<Health>> {
    state.store.ping().await?;
    Ok(Json(Health { status: "ok" }))
}
