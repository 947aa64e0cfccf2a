//! Co-creation forms as visitors meet them: the schema to render, and submitting answers.
//!
//! - `GET  /v1/forms/{form}` → [`FormSchema`]; unknown form → 404, closed form → 410
//!   `form_closed`. The target stays private to moderators.
//! - `POST /v1/forms/{form}/submissions` with a [`SubmitForm`] body → 201 +
//!   [`SubmissionReceipt`]. Needs an identity (401); answers are checked by the wire crate's
//!   `FormSchema::validate`, the widget's own check, and refused with 422 `validation_failed`
//!   and per-field codes keyed by field name; a filled honeypot gets a receipt and nothing
//!   is stored. An `Idempotency-Key` makes a retry answer the first result (see
//!   [`crate::idempotency`]).

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use kindred_api::{ErrorBody, FormSchema, SubmissionReceipt, SubmitForm};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{Error, Result};
use crate::extract::{ApiJson, ApiPath};
use crate::form_targets;
use crate::honeypot;
use crate::identity::Identity;
use crate::state::AppState;
use crate::store::forms::Form;

/// What a visitor reads after submitting when the form sets no message of its own.
pub const DEFAULT_MESSAGE: &str = "Thank you! Your answers were received.";

/// The public form routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(forms_show))
        .routes(routes!(submissions_create))
}

/// The form with `slug`, if it exists and is open.
async fn open_form(state: &AppState, slug: &str) -> Result<Form> {
    let form = state
        .store
        .form(slug)
        .await?
        .ok_or_else(|| Error::not_found("no form with this slug"))?;
    if form.definition.open {
        Ok(form)
    } else {
        Err(Error::FormClosed(
            "this form no longer takes submissions".into(),
        ))
    }
}

/// A form's schema, for the widget to render.
#[utoipa::path(
    get,
    path = "/v1/forms/{form}",
    tag = "forms",
    params(("form" = String, Path, description = "The form's slug, as in `data-form`")),
    responses(
        (status = OK, description = "The form's schema", body = FormSchema),
        (status = NOT_FOUND, description = "No form with this slug", body = ErrorBody),
        (status = GONE, description = "The form is closed (`form_closed`)", body = ErrorBody),
    ),
)]
async fn forms_show(
    State(state): State<AppState>,
    ApiPath(form): ApiPath<String>,
) -> Result<Json<FormSchema>> {
    Ok(Json(open_form(&state, &form).await?.definition.schema))
}

/// Submits answers to a form.
#[utoipa::path(
    post,
    path = "/v1/forms/{form}/submissions",
    tag = "forms",
    params(
        ("form" = String, Path, description = "The form's slug"),
        ("Idempotency-Key" = Option<String>, Header,
         description = "1 to 255 visible ASCII characters; a retry with the same key and body \
                        answers the first result, marked `Idempotency-Replayed: true`"),
    ),
    request_body = SubmitForm,
    security(("visitor" = []), ("sso" = [])),
    responses(
        (status = CREATED, description = "Stored, and delivered to the form's target", body = SubmissionReceipt),
        (status = BAD_REQUEST, description = "Malformed JSON or `Idempotency-Key`", body = ErrorBody),
        (status = UNAUTHORIZED, description = "No identity, or an invalid one", body = ErrorBody),
        (status = FORBIDDEN, description = "The form proposes ideas on a board for signed-in users only", body = ErrorBody),
        (status = NOT_FOUND, description = "No form with this slug", body = ErrorBody),
        (status = CONFLICT, description = "The same `Idempotency-Key` is still being processed, or the form's board is gone", body = ErrorBody),
        (status = GONE, description = "The form is closed (`form_closed`)", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "`validation_failed` with per-field codes, `invalid_body`, or `idempotency_key_reused`", body = ErrorBody),
        (status = TOO_MANY_REQUESTS, description = "Too many writes; see `Retry-After`", body = ErrorBody),
    ),
)]
async fn submissions_create(
    State(state): State<AppState>,
    ApiPath(form): ApiPath<String>,
    identity: Identity,
    ApiJson(input): ApiJson<SubmitForm>,
) -> Result<(StatusCode, Json<SubmissionReceipt>)> {
    let form = open_form(&state, &form).await?;
    let schema = &form.definition.schema;
    let answers = schema.validate(&input.answers).map_err(Error::Validation)?;
    // A filled honeypot is a bot: it gets the answer a person would, and nothing is stored.
    let (id, target) = if honeypot::is_triggered(&input.website) {
        (
            honeypot::decoy_id(),
            form_targets::decoy(&form.definition.target),
        )
    } else {
        form_targets::submit(&state, &form, &identity, &answers).await?
    };
    let message = schema
        .success_message
        .clone()
        .unwrap_or_else(|| DEFAULT_MESSAGE.to_owned());
    Ok((
        StatusCode::CREATED,
        Json(SubmissionReceipt {
            id: id.to_string(),
            target,
            message,
        }),
    ))
}
