//! Managing a site's forms and reading what they received, for moderators (admin key).
//!
//! - `GET    /v1/moderation/sites/{site}/forms` → `Page<FormDetails>`, oldest first.
//! - `POST   /v1/moderation/sites/{site}/forms` with a [`FormDefinition`] → 201 +
//!   [`FormDetails`] and `Location`. A schema or target that breaks the rules → 422 with codes
//!   keyed `schema.<key>` / `target.<key>` (an idea target's board and a post target's feed
//!   must be on the site: `target.board` / `target.feed: not_found`); a taken slug → 409.
//! - `GET`, `PUT`, `DELETE /v1/moderation/forms/{form}`: one form; `PUT` replaces the
//!   definition (its slug may change) under the same rules; `DELETE` removes the form and its
//!   submissions (ideas it proposed stay) → 204.
//! - `GET    /v1/moderation/forms/{form}/submissions?cursor=` → `Page<StoredSubmission>` in
//!   arrival order, [`PAGE_SIZE`] at a time.
//! - `GET    /v1/moderation/forms/{form}/submissions.csv` → every submission as CSV (see
//!   [`crate::csv`]): `id`, `submitted_at`, `identity`, one column per field in schema order
//!   (an image answer shows the URL of its largest rendition), `target`.
//!
//! Unknown site or form → 404; no or wrong admin key → 401, none configured → 403.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::Json;
use kindred_api::validate;
use kindred_api::{
    Answer, ErrorBody, FormDefinition, FormDetails, FormTarget, Page, StoredSubmission,
    TargetOutcome,
};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::admin::{Admin, AdminKeyErrors};
use crate::csv;
use crate::error::{Error, Result};
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::routes::parse_row_id;
use crate::state::AppState;
use crate::store::forms::{Form, PAGE_SIZE};

/// The form moderation routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(site_forms_index, site_forms_create))
        .routes(routes!(form_show, form_update, form_delete))
        .routes(routes!(submissions_index))
        .routes(routes!(submissions_csv))
}

async fn find_site(state: &AppState, slug: &str) -> Result<i64> {
    state
        .store
        .site_id(slug)
        .await?
        .ok_or_else(|| Error::not_found("no site with this slug"))
}

async fn find_form(state: &AppState, slug: &str) -> Result<Form> {
    state
        .store
        .form(slug)
        .await?
        .ok_or_else(|| Error::not_found("no form with this slug"))
}

/// Checks a definition for site `site_id`: the wire crate's rules, and an idea target's board
/// or a post target's feed on the same site.
async fn check(state: &AppState, site_id: i64, definition: &FormDefinition) -> Result<()> {
    let mut errors = definition.validate().err().unwrap_or_default();
    let home = match &definition.target {
        FormTarget::Idea { board, .. } => Some((
            "target.board",
            state.store.board(board).await?.map(|board| board.site_id),
        )),
        FormTarget::Post { feed, .. } => Some((
            "target.feed",
            state.store.feed(feed).await?.map(|feed| feed.site_id),
        )),
        FormTarget::Response => None,
    };
    if let Some((key, home_site)) = home {
        if home_site != Some(site_id) && !errors.contains_key(key) {
            validate::push(&mut errors, key, validate::NOT_FOUND);
        }
    }
    validate::finish(errors).map_err(Error::Validation)
}

/// A site's forms.
#[utoipa::path(
    get,
    path = "/v1/moderation/sites/{site}/forms",
    tag = "forms",
    params(("site" = String, Path, description = "The site's slug")),
    security(("admin" = [])),
    responses(
        (status = OK, description = "The site's forms, oldest first, on one page", body = Page<FormDetails>),
        AdminKeyErrors,
        (status = NOT_FOUND, description = "No site with this slug", body = ErrorBody),
    ),
)]
async fn site_forms_index(
    _admin: Admin,
    State(state): State<AppState>,
    ApiPath(site): ApiPath<String>,
) -> Result<Json<Page<FormDetails>>> {
    let site_id = find_site(&state, &site).await?;
    let forms = state.store.site_forms(site_id).await?;
    Ok(Json(Page {
        items: forms.into_iter().map(Form::details).collect(),
        next_cursor: None,
    }))
}

/// Creates a form on a site.
#[utoipa::path(
    post,
    path = "/v1/moderation/sites/{site}/forms",
    tag = "forms",
    params(("site" = String, Path, description = "The site's slug")),
    request_body = FormDefinition,
    security(("admin" = [])),
    responses(
        (status = CREATED, description = "The new form", body = FormDetails),
        (status = BAD_REQUEST, description = "Malformed JSON", body = ErrorBody),
        AdminKeyErrors,
        (status = NOT_FOUND, description = "No site with this slug", body = ErrorBody),
        (status = CONFLICT, description = "A form with this slug exists", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "The schema or target breaks the rules; see `fields`", body = ErrorBody),
    ),
)]
async fn site_forms_create(
    _admin: Admin,
    State(state): State<AppState>,
    ApiPath(site): ApiPath<String>,
    ApiJson(definition): ApiJson<FormDefinition>,
) -> Result<(
    StatusCode,
    [(header::HeaderName, String); 1],
    Json<FormDetails>,
)> {
    let site_id = find_site(&state, &site).await?;
    check(&state, site_id, &definition).await?;
    let form = state.store.create_form(site_id, &definition).await?;
    let location = format!("/v1/moderation/forms/{}", definition.schema.slug);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(form.details()),
    ))
}

/// One form, with its target and submission count.
#[utoipa::path(
    get,
    path = "/v1/moderation/forms/{form}",
    tag = "forms",
    params(("form" = String, Path, description = "The form's slug")),
    security(("admin" = [])),
    responses(
        (status = OK, description = "The form", body = FormDetails),
        AdminKeyErrors,
        (status = NOT_FOUND, description = "No form with this slug", body = ErrorBody),
    ),
)]
async fn form_show(
    _admin: Admin,
    State(state): State<AppState>,
    ApiPath(form): ApiPath<String>,
) -> Result<Json<FormDetails>> {
    Ok(Json(find_form(&state, &form).await?.details()))
}

/// Replaces a form's definition.
#[utoipa::path(
    put,
    path = "/v1/moderation/forms/{form}",
    tag = "forms",
    params(("form" = String, Path, description = "The form's slug")),
    request_body = FormDefinition,
    security(("admin" = [])),
    responses(
        (status = OK, description = "The form as changed", body = FormDetails),
        (status = BAD_REQUEST, description = "Malformed JSON", body = ErrorBody),
        AdminKeyErrors,
        (status = NOT_FOUND, description = "No form with this slug", body = ErrorBody),
        (status = CONFLICT, description = "Another form has the new slug", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "The schema or target breaks the rules; see `fields`", body = ErrorBody),
    ),
)]
async fn form_update(
    _admin: Admin,
    State(state): State<AppState>,
    ApiPath(form): ApiPath<String>,
    ApiJson(definition): ApiJson<FormDefinition>,
) -> Result<Json<FormDetails>> {
    let form = find_form(&state, &form).await?;
    check(&state, form.site_id, &definition).await?;
    let form = state.store.update_form(form.id, &definition).await?;
    Ok(Json(form.details()))
}

/// Deletes a form and its submissions.
#[utoipa::path(
    delete,
    path = "/v1/moderation/forms/{form}",
    tag = "forms",
    params(("form" = String, Path, description = "The form's slug")),
    security(("admin" = [])),
    responses(
        (status = NO_CONTENT, description = "Deleted"),
        AdminKeyErrors,
        (status = NOT_FOUND, description = "No form with this slug", body = ErrorBody),
    ),
)]
async fn form_delete(
    _admin: Admin,
    State(state): State<AppState>,
    ApiPath(form): ApiPath<String>,
) -> Result<StatusCode> {
    let form = find_form(&state, &form).await?;
    state.store.delete_form(form.id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Query parameters of a submission list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct SubmissionsParams {
    /// The previous page's `next_cursor`.
    cursor: Option<String>,
}

/// A page of a form's submissions.
#[utoipa::path(
    get,
    path = "/v1/moderation/forms/{form}/submissions",
    tag = "forms",
    params(("form" = String, Path, description = "The form's slug"), SubmissionsParams),
    security(("admin" = [])),
    responses(
        (status = OK, description = "Submissions in arrival order", body = Page<StoredSubmission>),
        (status = BAD_REQUEST, description = "A cursor this server did not write", body = ErrorBody),
        AdminKeyErrors,
        (status = NOT_FOUND, description = "No form with this slug", body = ErrorBody),
    ),
)]
async fn submissions_index(
    _admin: Admin,
    State(state): State<AppState>,
    ApiPath(form): ApiPath<String>,
    ApiQuery(params): ApiQuery<SubmissionsParams>,
) -> Result<Json<Page<StoredSubmission>>> {
    let after = match params.cursor.as_deref().filter(|c| !c.is_empty()) {
        Some(cursor) => parse_row_id(cursor)
            .ok_or_else(|| Error::BadRequest("`cursor` is not a cursor of this list".into()))?,
        None => 0,
    };
    let form = find_form(&state, &form).await?;
    let size = i64::from(PAGE_SIZE);
    // One row more than a page tells whether another page follows.
    let mut items = state.store.submissions(form.id, after, size + 1).await?;
    let next_cursor = if items.len() > PAGE_SIZE as usize {
        items.truncate(PAGE_SIZE as usize);
        items.last().map(|last| last.id.clone())
    } else {
        None
    };
    Ok(Json(Page { items, next_cursor }))
}

/// Every submission of a form as a CSV file.
#[utoipa::path(
    get,
    path = "/v1/moderation/forms/{form}/submissions.csv",
    tag = "forms",
    params(("form" = String, Path, description = "The form's slug")),
    security(("admin" = [])),
    responses(
        (status = OK, description = "RFC 4180 CSV: `id`, `submitted_at`, `identity`, one column per field in schema order, `target`",
         content_type = "text/csv", body = String),
        AdminKeyErrors,
        (status = NOT_FOUND, description = "No form with this slug", body = ErrorBody),
    ),
)]
async fn submissions_csv(
    _admin: Admin,
    State(state): State<AppState>,
    ApiPath(form): ApiPath<String>,
) -> Result<([(header::HeaderName, String); 2], String)> {
    let form = find_form(&state, &form).await?;
    // One column per answered field: a description takes no answer.
    let fields: Vec<_> = form
        .definition
        .schema
        .fields
        .iter()
        .filter(|field| field.kind.takes_answer())
        .collect();
    let mut out = csv::Writer::new();
    let names = fields.iter().map(|field| field.name.as_str());
    out.row(
        ["id", "submitted_at", "identity"]
            .into_iter()
            .chain(names)
            .chain(["target"]),
    );
    for submission in state.store.submissions(form.id, 0, i64::MAX).await? {
        let answers = fields.iter().map(|field| {
            submission
                .answers
                .get(&field.name)
                .map(Answer::to_string)
                .unwrap_or_default()
        });
        let lead = [submission.id, submission.created_at, submission.identity];
        out.row(
            lead.into_iter()
                .chain(answers)
                .chain([outcome_label(&submission.target)]),
        );
    }
    let file_name = format!("{}-submissions.csv", form.definition.schema.slug);
    Ok(csv::download(&file_name, out.finish()))
}

/// What a submission became, in one CSV cell: `response`, or `idea:<id>`.
fn outcome_label(outcome: &TargetOutcome) -> String {
    match outcome {
        TargetOutcome::Idea { idea_id, .. } => format!("idea:{idea_id}"),
        TargetOutcome::Post { post_id, .. } => format!("post:{post_id}"),
        TargetOutcome::Response => "response".to_owned(),
    }
}
