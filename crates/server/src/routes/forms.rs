//! Co-creation forms as visitors meet them: the schema to render, and submitting answers.
//!
//! - `GET  /v1/forms/{form}` → [`FormSchema`]; unknown form → 404, closed form → 410
//!   `form_closed`. The target stays private to moderators.
//! - `POST /v1/forms/{form}/submissions` with a [`SubmitForm`] body, or `multipart/form-data`
//!   with the answers in an `answers` part and one file part per answered image field (see
//!   [`crate::upload`]) → 201 + [`SubmissionReceipt`]. Needs an identity (401); answers are
//!   checked by the wire crate's `FormSchema::validate`, the widget's own check, with image
//!   answers described from their files as received (see [`crate::form_images`]), and refused
//!   with 422 `validation_failed` and per-field codes keyed by field name; a file that is not
//!   JPEG, PNG or WebP → 415. Bodies may be up to `--upload-body-limit` when multipart, the
//!   JSON limit otherwise (413). A filled honeypot gets a receipt and nothing is stored. An
//!   `Idempotency-Key` makes a retry answer the first result (see [`crate::idempotency`]).

use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::Json;
use kindred_api::{ErrorBody, FormSchema, SubmissionReceipt, SubmitForm};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{Error, Result};
use crate::extract::ApiPath;
use crate::form_images;
use crate::form_targets;
use crate::honeypot;
use crate::identity::Identity;
use crate::state::AppState;
use crate::store::forms::Form;
use crate::upload::SubmissionUpload;

/// What a visitor reads after submitting when the form sets no message of its own.
pub const DEFAULT_MESSAGE: &str = "Thank you! Your answers were received.";

/// The public form routes. Submissions may be up to `upload_body_limit` bytes when they
/// carry photos.
pub fn router(upload_body_limit: usize) -> OpenApiRouter<AppState> {
    let submissions = OpenApiRouter::new()
        .routes(routes!(submissions_create))
        .layer(DefaultBodyLimit::max(upload_body_limit));
    OpenApiRouter::new()
        .routes(routes!(forms_show))
        .merge(submissions)
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

/// A submission with photos: the parts of its `multipart/form-data` body.
#[derive(utoipa::ToSchema)]
#[expect(
    dead_code,
    reason = "describes the multipart form for the document; `SubmissionUpload` reads the parts"
)]
struct SubmissionParts {
    /// The answers object as JSON, as `answers` of [`SubmitForm`]. An image field's answer may
    /// describe its file (`{"media_type": "image/jpeg", "bytes": 123456}`); the server
    /// replaces that description with the file part as received.
    answers: String,
    /// One part per answered image field, named after the field (here `<field>`): a JPEG, PNG
    /// or WebP photo (judged by its bytes), within the field's `accept` and `max_bytes`, at
    /// most 8000 px a side and 40 megapixels.
    #[schema(rename = "<field>", value_type = String, format = Binary, required = false)]
    field: Option<Vec<u8>>,
    /// Honeypot: leave empty.
    website: Option<String>,
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
    request_body(content(
        (SubmitForm = "application/json"),
        (SubmissionParts = "multipart/form-data"),
    )),
    security(("visitor" = []), ("sso" = [])),
    responses(
        (status = CREATED, description = "Stored, and delivered to the form's target", body = SubmissionReceipt),
        (status = BAD_REQUEST, description = "Malformed JSON or `Idempotency-Key`", body = ErrorBody),
        (status = UNAUTHORIZED, description = "No identity, or an invalid one", body = ErrorBody),
        (status = FORBIDDEN, description = "The form proposes ideas on a board, or posts on a feed, for signed-in users only", body = ErrorBody),
        (status = NOT_FOUND, description = "No form with this slug", body = ErrorBody),
        (status = CONFLICT, description = "The same `Idempotency-Key` is still being processed, or the form's board or feed is gone", body = ErrorBody),
        (status = GONE, description = "The form is closed (`form_closed`)", body = ErrorBody),
        (status = PAYLOAD_TOO_LARGE, description = "Over the upload limit (multipart) or the JSON limit", body = ErrorBody),
        (status = UNSUPPORTED_MEDIA_TYPE, description = "Neither JSON nor `multipart/form-data`, or a file that is not JPEG, PNG or WebP by its bytes", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "`validation_failed` with per-field codes (image answers: `unsupported_type`, `too_large`, `required` for a described file not sent, `unknown_field` or `wrong_type` for a part that answers no image field, `too_large` or `invalid` for a photo over the pixel caps or unreadable), `invalid_body`, or `idempotency_key_reused`", body = ErrorBody),
        (status = TOO_MANY_REQUESTS, description = "Too many writes; see `Retry-After`", body = ErrorBody),
    ),
)]
async fn submissions_create(
    State(state): State<AppState>,
    ApiPath(form): ApiPath<String>,
    identity: Identity,
    upload: SubmissionUpload,
) -> Result<(StatusCode, Json<SubmissionReceipt>)> {
    let form = open_form(&state, &form).await?;
    let schema = &form.definition.schema;
    let SubmissionUpload { input, files } = upload;
    let (answers, photos) = form_images::check(schema, input.answers, files)?;
    // A filled honeypot is a bot: it gets the answer a person would, and nothing is stored.
    let (id, target) = if honeypot::is_triggered(&input.website) {
        (
            honeypot::decoy_id(),
            form_targets::decoy(&form.definition.target),
        )
    } else {
        form_targets::submit(&state, &form, &identity, answers, photos).await?
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
