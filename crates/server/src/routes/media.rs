//! The photos of posts.
//!
//! - `GET /v1/media/{file}` → the JPEG rendition, `Cache-Control: public, max-age=31536000,
//!   immutable` (a name is the hash of its bytes, so it never changes) and
//!   `X-Content-Type-Options: nosniff`. Any name that is not a stored rendition's, path
//!   traversal included, → 404.

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use kindred_api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{Error, Result};
use crate::extract::ApiPath;
use crate::state::AppState;

/// How long, and how, a rendition may be cached: a year, never revalidated.
pub const CACHE_CONTROL: &str = "public, max-age=31536000, immutable";

/// The media routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(media_show))
}

/// One rendition of a post's photo.
#[utoipa::path(
    get,
    path = "/v1/media/{file}",
    tag = "feeds",
    params(("file" = String, Path, description = "A rendition's file name, as in a post's `image`")),
    responses(
        (status = OK, description = "The JPEG", content_type = "image/jpeg"),
        (status = NOT_FOUND, description = "No such file", body = ErrorBody),
    ),
)]
async fn media_show(
    State(state): State<AppState>,
    ApiPath(file): ApiPath<String>,
) -> Result<impl IntoResponse> {
    let bytes = state
        .media
        .read(&file)
        .await?
        .ok_or_else(|| Error::not_found("no such media file"))?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/jpeg"),
            (header::CACHE_CONTROL, CACHE_CONTROL),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        bytes,
    ))
}
