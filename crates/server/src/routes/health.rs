//! Liveness for load balancers and the demo runner.
//!
//! - `GET /healthz` → `{"status":"ok"}` once the database answers a query.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::error::Result;
use crate::state::AppState;

/// The health route.
pub fn router() -> Router<AppState> {
    Router::new().route("/healthz", get(health_show))
}

async fn health_show(State(state): State<AppState>) -> Result<Json<Value>> {
    state.store.ping().await?;
    Ok(Json(json!({ "status": "ok" })))
}
