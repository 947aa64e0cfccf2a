//! A feed's posts: browsing and uploading.
//!
//! - `GET  /v1/feeds/{feed}/posts?tag=&product=&limit=&cursor=` → `Page<Post>`, newest first,
//!   listed posts only. `tag` keeps posts whose caption has that hashtag (with or without
//!   `#`, any case); `product` keeps posts tagged with that product slug. `limit` defaults to
//!   24 and is capped at 60; `cursor` is the previous page's `next_cursor`. `liked` reflects
//!   the caller's identity when present, and posts the caller reported are left out. Unknown
//!   feed → 404, bad parameter → 400.
//! - `POST /v1/feeds/{feed}/posts`, `multipart/form-data` (parts: see [`crate::upload`]) →
//!   201 + `Post` and `Location`. Needs an identity (401); a visitor needs a feed open to
//!   anonymous posts (403); not multipart → 415; over `--upload-body-limit` → 413; field
//!   rules → 422 `validation_failed` with `fields`; a photo that is not JPEG, PNG or WebP by
//!   its bytes → 415; one over [`crate::Config::max_image_bytes`] or the pixel caps, or
//!   unreadable → 422 on `image`. On a
//!   premoderated feed the post answers with `pending_review: true` and stays unlisted.

use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, StatusCode};
use axum::Json;
use kindred_api::{ErrorBody, Page, Post};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::announce;
use crate::error::{Error, Result};
use crate::extract::{ApiMultipart, ApiPath, ApiQuery};
use crate::honeypot;
use crate::identity::Identity;
use crate::media;
use crate::routes::{filter_param, page_cursor, page_limit};
use crate::state::AppState;
use crate::store::feeds::Feed;
use crate::store::posts::{NewPost, PostQuery, DEFAULT_LIMIT, MAX_LIMIT, ORDER};
use crate::upload::PostForm;

/// The feed routes. Their bodies may be up to `upload_body_limit` bytes, the limit of
/// uploads, instead of the JSON limit every other route keeps.
pub fn router(upload_body_limit: usize) -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(posts_index, posts_create))
        .layer(DefaultBodyLimit::max(upload_body_limit))
}

/// Query parameters of a post list, as sent.
#[derive(Debug, Deserialize)]
struct PostsParams {
    tag: Option<String>,
    product: Option<String>,
    limit: Option<u32>,
    cursor: Option<String>,
}

impl PostsParams {
    fn into_query(self) -> Result<PostQuery> {
        let tag = filter_param(self.tag)
            .map(|tag| tag.trim_start_matches('#').to_lowercase())
            .filter(|tag| !tag.is_empty());
        Ok(PostQuery {
            tag,
            product: filter_param(self.product),
            limit: page_limit(self.limit, DEFAULT_LIMIT, MAX_LIMIT)?,
            cursor: page_cursor(self.cursor.as_deref(), ORDER)?,
        })
    }
}

/// A photo post: the parts of its `multipart/form-data` body.
#[derive(utoipa::ToSchema)]
#[expect(
    dead_code,
    reason = "describes the multipart form for the document; `PostForm` reads the parts"
)]
struct PostUpload {
    /// The photo: JPEG, PNG or WebP (judged by its bytes), at most 8000 px a side and 40
    /// megapixels, and at most the feed's `max_image_bytes` (`GET /v1/sites/{site}`).
    #[schema(value_type = String, format = Binary)]
    image: Vec<u8>,
    /// Alt text, 1 to 300 characters.
    alt: String,
    /// Caption, up to 2000 characters; its `#hashtags` become the post's tags.
    caption: Option<String>,
    /// Product slugs: repeat the part, or separate them with commas; at most 10.
    product_tags: Option<Vec<String>>,
    /// `true` (or `on`): the author owns the photo and lets the brand show it. Required.
    consent: String,
    /// Honeypot: leave empty.
    website: Option<String>,
}

async fn find_feed(state: &AppState, slug: &str) -> Result<Feed> {
    state
        .store
        .feed(slug)
        .await?
        .ok_or_else(|| Error::not_found("no feed with this slug"))
}

/// A page of the feed's listed posts, newest first, without those the caller reported.
#[utoipa::path(
    get,
    path = "/v1/feeds/{feed}/posts",
    tag = "feeds",
    params(
        ("feed" = String, Path, description = "The feed's slug, as in `data-feed`"),
        ("tag" = Option<String>, Query, description = "Only posts whose caption has this hashtag"),
        ("product" = Option<String>, Query, description = "Only posts tagged with this product slug"),
        ("limit" = Option<u32>, Query, description = "Posts per page: 24 by default, at most 60"),
        ("cursor" = Option<String>, Query, description = "The previous page's `next_cursor`"),
    ),
    security((), ("visitor" = []), ("sso" = [])),
    responses(
        (status = OK, description = "A page of posts", body = Page<Post>),
        (status = BAD_REQUEST, description = "A parameter is not valid", body = ErrorBody),
        (status = UNAUTHORIZED, description = "An invalid identity was sent", body = ErrorBody),
        (status = NOT_FOUND, description = "No such feed", body = ErrorBody),
    ),
)]
async fn posts_index(
    State(state): State<AppState>,
    ApiPath(feed): ApiPath<String>,
    ApiQuery(params): ApiQuery<PostsParams>,
    identity: Option<Identity>,
) -> Result<Json<Page<Post>>> {
    let query = params.into_query()?;
    let feed = find_feed(&state, &feed).await?;
    let viewer = identity.map(|i| i.key());
    Ok(Json(
        state
            .store
            .posts(feed.id, &query, viewer.as_deref())
            .await?,
    ))
}

/// Posts a photo to the feed.
#[utoipa::path(
    post,
    path = "/v1/feeds/{feed}/posts",
    tag = "feeds",
    params(("feed" = String, Path, description = "The feed's slug, as in `data-feed`")),
    request_body(content = PostUpload, content_type = "multipart/form-data"),
    security(("visitor" = []), ("sso" = [])),
    responses(
        (status = CREATED, description = "The post; `Location` names it", body = Post),
        (status = BAD_REQUEST, description = "The multipart body is malformed", body = ErrorBody),
        (status = UNAUTHORIZED, description = "No identity, or an invalid one", body = ErrorBody),
        (status = FORBIDDEN, description = "The feed takes posts from signed-in users only", body = ErrorBody),
        (status = NOT_FOUND, description = "No such feed", body = ErrorBody),
        (status = PAYLOAD_TOO_LARGE, description = "The body is over the upload limit", body = ErrorBody),
        (status = UNSUPPORTED_MEDIA_TYPE, description = "Not `multipart/form-data`, or the photo is not JPEG, PNG or WebP", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "A field breaks the rules, or the photo is too large (bytes or pixels) or unreadable", body = ErrorBody),
        (status = TOO_MANY_REQUESTS, description = "Too many writes; see `Retry-After`", body = ErrorBody),
    ),
)]
async fn posts_create(
    State(state): State<AppState>,
    ApiPath(feed): ApiPath<String>,
    identity: Identity,
    multipart: ApiMultipart,
) -> Result<(StatusCode, [(header::HeaderName, String); 1], Json<Post>)> {
    let feed = find_feed(&state, &feed).await?;
    if identity.is_anonymous() && !feed.allow_anonymous_posts {
        return Err(Error::Forbidden(
            "this feed accepts posts from signed-in users only".into(),
        ));
    }
    let mut form = PostForm::read(multipart).await?;
    form.validate(state.config.max_image_bytes())?;
    let image = media::ingest(form.image.take().unwrap_or_default(), "image").await?;
    let input = form.fields;

    // A filled honeypot is a bot: it gets the answer a person would, and nothing is stored.
    let post = if honeypot::is_triggered(&input.website) {
        honeypot::decoy_post(&feed, &input, &image, &identity)
            .ok_or_else(|| Error::Internal("a processed photo has no renditions".into()))?
    } else {
        state.media.save(&image.renditions).await?;
        let author = identity.key();
        let id = state
            .store
            .create_post(&NewPost {
                feed_id: feed.id,
                caption: input.caption.trim(),
                alt: input.alt.trim(),
                product_tags: &input.product_tags,
                author_name: identity.author_name(&feed.anonymous_author),
                author_key: Some(&author),
                author_avatar: identity.avatar(),
                pending_review: feed.premoderation,
                renditions: &image.renditions,
                color: &image.color,
                age: std::time::Duration::ZERO,
                source: None,
            })
            .await?;
        announce::stored_post(&state, &feed, id, &author).await?
    };
    let location = format!("/v1/posts/{}", post.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(post),
    ))
}
