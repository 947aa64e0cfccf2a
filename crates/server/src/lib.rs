//! Kindred's reference REST server: the contract of `kindred-api` over axum, with SQLite or
//! PostgreSQL behind it.
//!
//! [`app`] builds the whole HTTP service from an [`AppState`], so tests drive it in process
//! (`tower::ServiceExt::oneshot`) or over a socket ([`serve`]), and the `kindred-server`
//! binary is only configuration, start-up and shutdown around it.
//!
//! Layout: [`routes`] holds the HTTP handlers, one module per resource; [`store`] holds every
//! SQL statement, for both databases; [`error`], [`extract`] and [`identity`] make every
//! request and failure speak the contract; [`media`] checks and re-encodes uploaded photos;
//! [`rate_limit`] and [`security_headers`] protect it; [`idempotency`] makes retried POSTs
//! safe; [`complete`] lets no departed client cut a request short; [`form_targets`] routes
//! form submissions and [`csv`] exports them; [`announce`],
//! [`live`] and [`webhooks`] tell the world about changes; [`cors`] and [`config`] set the
//! service up; [`seed`] writes the demo community.

use std::future::Future;
use std::net::SocketAddr;

use axum::extract::DefaultBodyLimit;
use axum::Router;
use tokio::net::TcpListener;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;

pub mod admin;
pub mod announce;
pub mod complete;
pub mod config;
pub mod cors;
pub mod csv;
pub mod error;
pub mod extract;
pub mod form_images;
pub mod form_schema;
pub mod form_targets;
pub mod honeypot;
pub mod idempotency;
pub mod identity;
pub mod live;
pub mod media;
pub mod rate_limit;
pub mod routes;
pub mod security_headers;
pub mod seed;
pub mod sso;
pub mod state;
pub mod store;
pub mod upload;
pub mod webhooks;

pub use config::Config;
pub use error::{Error, Result};
pub use state::AppState;
pub use store::Store;

/// Largest request body accepted on JSON endpoints: ideas and comments are small text.
///
/// Applied to every route as axum's `DefaultBodyLimit`; the upload route overrides it with
/// `--upload-body-limit` (see [`routes::router`]).
pub const JSON_BODY_LIMIT: usize = 64 * 1024;

/// The complete HTTP service: API routes, widget assets (when configured), contract-shaped
/// 404/405 answers, `Idempotency-Key` replays, body limit, write limits, CORS, security
/// headers, requests that run to completion ([`complete`]) and request logs.
pub fn app(state: AppState) -> Router {
    let mut router = axum::Router::from(routes::router(state.config.upload_body_limit));
    if let Some(dir) = state.config.assets_dir() {
        router = router.merge(routes::assets::router(dir));
    }
    router
        .fallback(routes::not_found)
        // Applies to the routes added above, so it comes after all of them.
        .method_not_allowed_fallback(routes::method_not_allowed)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            idempotency::guard,
        ))
        .layer(DefaultBodyLimit::max(JSON_BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            rate_limit::limit_ip,
        ))
        .layer(cors::layer(state.origins.clone()))
        .layer(axum::middleware::map_response(cors::strip_unless_allowed))
        .layer(axum::middleware::from_fn(security_headers::add))
        .layer(axum::middleware::from_fn(complete::run_to_completion))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .with_state(state)
}

/// Serves [`app`] on `listener` until `shutdown` completes, then finishes in-flight requests.
///
/// Each request carries its peer address (`ConnectInfo<SocketAddr>`), which the write
/// limits per client IP count by.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let live = state.live.clone();
    let service = app(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, service)
        .with_graceful_shutdown(async move {
            shutdown.await;
            // Event streams never finish by themselves; end them so shutdown is not held up.
            live.close();
        })
        .await
}
