//! The built widget, served by the same process for demos and small deployments.
//!
//! - `GET /` → `<assets>/index.html` (the demo page).
//! - `GET /kindred/{file}` → `<assets>/{file}` (`embed.js`, the wasm glue, the wasm, CSS).
//! - `GET /console` and `/console/` → `<assets>/console/index.html` (the moderators'
//!   console); `GET /console/{file}` → `<assets>/console/{file}`.
//!
//! Files whose names carry a content hash never change, so browsers may keep them for a year;
//! everything else (`embed.js`, `index.html`) must be revalidated on each load, because brands
//! link to those stable names and expect updates to reach visitors promptly.

use std::path::Path;

use axum::extract::Request;
use axum::handler::HandlerWithoutStateExt;
use axum::http::{header, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::get_service;
use axum::Router;
use tower_http::services::{ServeDir, ServeFile};

use crate::routes::{method_not_allowed, not_found};
use crate::state::AppState;

/// Where the widget's files are served.
pub const PREFIX: &str = "/kindred";

/// Where the console is served.
pub const CONSOLE: &str = "/console";

/// `Cache-Control` for content-hashed files.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// `Cache-Control` for files with stable names: cache, but ask the server every time.
pub const REVALIDATE: &str = "no-cache";

/// Routes serving the assets directory `dir`.
pub fn router(dir: &Path) -> Router<AppState> {
    let files = ServeDir::new(dir)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false)
        .fallback(not_found.into_service());
    let index = ServeFile::new(dir.join("index.html"));
    let console_dir = dir.join("console");
    let console = ServeDir::new(&console_dir)
        .append_index_html_on_directories(true)
        .fallback(not_found.into_service());
    Router::new()
        .route("/", get_service(index))
        .nest_service(PREFIX, get_service(files).fallback(method_not_allowed))
        .nest_service(CONSOLE, get_service(console).fallback(method_not_allowed))
        .layer(middleware::from_fn(cache_control))
}

async fn cache_control(request: Request, next: Next) -> Response {
    let policy = if is_content_hashed(request.uri().path()) {
        IMMUTABLE
    } else {
        REVALIDATE
    };
    let mut response = next.run(request).await;
    if response.status().is_success() || response.status().is_redirection() {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    }
    response
}

/// Whether a path's file name carries a content hash, as bundlers write them:
/// `kindred-3f9a0c1d2b4e5f60_bg.wasm`, `app.1a2b3c4d.css`. A hash is a run of at least
/// eight hexadecimal characters, including a digit, between `-`, `.` or `_` separators.
pub fn is_content_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let Some((stem, _extension)) = name.rsplit_once('.') else {
        return false;
    };
    stem.split(['-', '.', '_']).skip(1).any(|part| {
        part.len() >= 8
            && part.bytes().all(|b| b.is_ascii_hexdigit())
            && part.bytes().any(|b| b.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_hashed_names() {
        assert!(is_content_hashed(
            "/kindred/kindred-3f9a0c1d2b4e5f60_bg.wasm"
        ));
        assert!(is_content_hashed("/kindred/kindred-3f9a0c1d2b4e5f60.js"));
        assert!(is_content_hashed("/kindred/style.1a2b3c4d.css"));
        assert!(!is_content_hashed("/kindred/embed.js"));
        assert!(!is_content_hashed("/"));
        assert!(!is_content_hashed("/kindred/index.html"));
        assert!(!is_content_hashed("/kindred/deadbeefcafe.js"));
        assert!(!is_content_hashed("/kindred/kindred-facade.js"));
    }
}
