//! Managing a site's webhooks and reading their delivery log; moderation API, admin key only.
//!
//! - `GET    /v1/moderation/sites/{site}/webhooks` → `Page<Webhook>`, oldest first, one page.
//! - `POST   /v1/moderation/sites/{site}/webhooks` with `CreateWebhook` → 201 +
//!   `CreatedWebhook`, the only answer that shows the signing secret.
//! - `GET`/`PUT`/`DELETE /v1/moderation/webhooks/{id}` → `Webhook` / `Webhook` / 204.
//! - `GET    /v1/moderation/webhooks/{id}/deliveries?limit=&cursor=` → `Page<WebhookDelivery>`,
//!   newest first, each with its attempts.
//! - `POST   /v1/moderation/webhooks/{id}/test` → `WebhookDelivery`: a `webhook.test` event
//!   sent now, once, answered when the receiver has (or the attempt failed).
//!
//! Unknown site or webhook → 404; invalid registration → 422 with `fields`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use kindred_api::{
    CreateWebhook, CreatedWebhook, ErrorBody, Page, UpdateWebhook, Webhook, WebhookDelivery,
};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::admin::Admin;
use crate::error::{Error, Result};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::routes::{page_limit, parse_row_id, row_cursor};
use crate::state::AppState;
use crate::store::webhooks::{DEFAULT_LIMIT, MAX_LIMIT};
use crate::webhooks::new_secret;

/// The webhook routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(webhooks_index, webhooks_create))
        .routes(routes!(webhooks_show, webhooks_update, webhooks_delete))
        .routes(routes!(deliveries_index))
        .routes(routes!(webhooks_test))
}

async fn site_id(state: &AppState, slug: &str) -> Result<i64> {
    state
        .store
        .site_id(slug)
        .await?
        .ok_or_else(|| Error::not_found("no site with this slug"))
}

fn webhook_id(text: &str) -> Result<i64> {
    parse_row_id(text).ok_or_else(|| Error::not_found("no webhook with this id"))
}

/// A site's webhooks.
#[utoipa::path(
    get,
    path = "/v1/moderation/sites/{site}/webhooks",
    tag = "moderation",
    params(("site" = String, Path, description = "The site's slug")),
    security(("admin" = [])),
    responses(
        (status = OK, description = "Every webhook of the site, oldest first", body = Page<Webhook>),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No site with this slug", body = ErrorBody),
    ),
)]
async fn webhooks_index(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(site): ApiPath<String>,
) -> Result<Json<Page<Webhook>>> {
    let site_id = site_id(&state, &site).await?;
    Ok(Json(Page {
        items: state.store.webhooks(site_id).await?,
        next_cursor: None,
    }))
}

/// Registers a webhook; the answer shows its signing secret, this once.
#[utoipa::path(
    post,
    path = "/v1/moderation/sites/{site}/webhooks",
    tag = "moderation",
    params(("site" = String, Path, description = "The site's slug")),
    request_body = CreateWebhook,
    security(("admin" = [])),
    responses(
        (status = CREATED, description = "The webhook and its secret", body = CreatedWebhook),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ErrorBody),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No site with this slug", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "A bad URL, no events, a short secret, or an unknown event", body = ErrorBody),
    ),
)]
async fn webhooks_create(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(site): ApiPath<String>,
    ApiJson(input): ApiJson<CreateWebhook>,
) -> Result<(StatusCode, Json<CreatedWebhook>)> {
    let site_id = site_id(&state, &site).await?;
    input.validate().map_err(Error::Validation)?;
    let secret = input.secret.clone().unwrap_or_else(new_secret);
    let webhook = state
        .store
        .create_webhook(site_id, input.url.trim(), &secret, &input.events)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedWebhook { webhook, secret }),
    ))
}

/// One webhook.
#[utoipa::path(
    get,
    path = "/v1/moderation/webhooks/{id}",
    tag = "moderation",
    params(("id" = String, Path, description = "The webhook's id")),
    security(("admin" = [])),
    responses(
        (status = OK, description = "The webhook", body = Webhook),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such webhook", body = ErrorBody),
    ),
)]
async fn webhooks_show(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<Webhook>> {
    let id = webhook_id(&id)?;
    let found = state.store.webhook(id).await?;
    found
        .map(|(_, webhook)| Json(webhook))
        .ok_or_else(|| Error::not_found("no webhook with this id"))
}

/// Changes a webhook's URL or events, or pauses and resumes it.
#[utoipa::path(
    put,
    path = "/v1/moderation/webhooks/{id}",
    tag = "moderation",
    params(("id" = String, Path, description = "The webhook's id")),
    request_body = UpdateWebhook,
    security(("admin" = [])),
    responses(
        (status = OK, description = "The webhook as it now is", body = Webhook),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ErrorBody),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such webhook", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "A bad URL, or no events", body = ErrorBody),
    ),
)]
async fn webhooks_update(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    ApiJson(input): ApiJson<UpdateWebhook>,
) -> Result<Json<Webhook>> {
    let id = webhook_id(&id)?;
    input.validate().map_err(Error::Validation)?;
    let input = UpdateWebhook {
        url: input.url.map(|url| url.trim().to_owned()),
        ..input
    };
    state
        .store
        .update_webhook(id, &input)
        .await?
        .map(Json)
        .ok_or_else(|| Error::not_found("no webhook with this id"))
}

/// Removes a webhook and its delivery log.
#[utoipa::path(
    delete,
    path = "/v1/moderation/webhooks/{id}",
    tag = "moderation",
    params(("id" = String, Path, description = "The webhook's id")),
    security(("admin" = [])),
    responses(
        (status = NO_CONTENT, description = "Removed"),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such webhook", body = ErrorBody),
    ),
)]
async fn webhooks_delete(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> Result<StatusCode> {
    if state.store.delete_webhook(webhook_id(&id)?).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(Error::not_found("no webhook with this id"))
    }
}

/// Query parameters of the delivery log, as sent.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct DeliveriesParams {
    /// Deliveries per page: 20 unless given, at most 100.
    #[param(minimum = 1)]
    limit: Option<u32>,
    /// The previous page's `next_cursor`.
    cursor: Option<String>,
}

/// A webhook's deliveries, newest first, each with every attempt and the receiver's answer.
#[utoipa::path(
    get,
    path = "/v1/moderation/webhooks/{id}/deliveries",
    tag = "moderation",
    params(("id" = String, Path, description = "The webhook's id"), DeliveriesParams),
    security(("admin" = [])),
    responses(
        (status = OK, description = "A page of deliveries", body = Page<WebhookDelivery>),
        (status = BAD_REQUEST, description = "A parameter or the cursor is not valid", body = ErrorBody),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such webhook", body = ErrorBody),
    ),
)]
async fn deliveries_index(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
    ApiQuery(params): ApiQuery<DeliveriesParams>,
) -> Result<Json<Page<WebhookDelivery>>> {
    let id = webhook_id(&id)?;
    let limit = page_limit(params.limit, DEFAULT_LIMIT, MAX_LIMIT)?;
    let before = row_cursor(params.cursor.as_deref())?;
    if state.store.webhook(id).await?.is_none() {
        return Err(Error::not_found("no webhook with this id"));
    }
    Ok(Json(state.store.deliveries(id, before, limit).await?))
}

/// Sends a signed `webhook.test` event to the webhook now, whatever events it chose and paused
/// or not, and answers the delivery as logged: `delivered`, or `failed` with the receiver's
/// status or the error. A test is tried once, never again.
#[utoipa::path(
    post,
    path = "/v1/moderation/webhooks/{id}/test",
    tag = "moderation",
    params(("id" = String, Path, description = "The webhook's id")),
    security(("admin" = [])),
    responses(
        (status = OK, description = "The test delivery and its one attempt", body = WebhookDelivery),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such webhook", body = ErrorBody),
    ),
)]
async fn webhooks_test(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<WebhookDelivery>> {
    state
        .webhooks
        .test(webhook_id(&id)?)
        .await?
        .map(Json)
        .ok_or_else(|| Error::not_found("no webhook with this id"))
}
