//! The bodies that carry photos, read into their fields and their files: a new post, and a
//! form submission with image answers.
//!
//! A post ([`PostForm`]) is `multipart/form-data` with the parts `image` (the file; its file
//! name and declared type are ignored, the bytes decide), `caption`, `alt`, `product_tags`
//! (repeatable, and each may hold several comma-separated slugs), `consent` (`true` or `on`,
//! what a checkbox sends) and the honeypot `website`. Any other part, or a second `image`, is
//! refused.
//!
//! A form submission ([`SubmissionUpload`]) is JSON ([`SubmitForm`]) or `multipart/form-data`
//! with an `answers` part (the answers object as JSON), the honeypot `website`, and one file
//! part per answered image field, named after the field; [`crate::form_images`] judges the
//! files.
//!
//! Every failure of a body maps to the contract: not multipart (or JSON, for a submission) →
//! 415, over the upload limit → 413, malformed → 400, a second part of the same name → 422
//! `invalid_body`.

use axum::body::{to_bytes, Body};
use axum::extract::multipart::{Field, MultipartError};
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderMap, StatusCode};
use kindred_api::validate;
use kindred_api::{CreatePost, Submission, SubmitForm};

use crate::error::{Error, Result};
use crate::extract::{ApiJson, ApiMultipart};
use crate::JSON_BODY_LIMIT;

/// A post upload as read: its text fields and, when sent, the photo's bytes.
#[derive(Clone, Debug, Default)]
pub struct PostForm {
    /// The text fields.
    pub fields: CreatePost,
    /// The photo, not yet checked.
    pub image: Option<Vec<u8>>,
}

impl PostForm {
    /// Reads every part of `multipart`.
    pub async fn read(ApiMultipart(mut multipart): ApiMultipart) -> Result<Self> {
        let mut form = Self::default();
        while let Some(field) = multipart.next_field().await.map_err(body_error)? {
            let name = field.name().unwrap_or_default().to_owned();
            match name.as_str() {
                "image" if form.image.is_some() => {
                    return Err(Error::InvalidBody("send one `image` part".into()));
                }
                "image" => form.image = Some(field.bytes().await.map_err(body_error)?.to_vec()),
                "caption" => form.fields.caption = text(field).await?,
                "alt" => form.fields.alt = text(field).await?,
                "website" => form.fields.website = text(field).await?,
                "consent" => {
                    let value = text(field).await?;
                    form.fields.consent = matches!(value.trim(), "true" | "on");
                }
                "product_tags" => {
                    let value = text(field).await?;
                    form.fields.product_tags.extend(product_slugs(&value));
                }
                other => {
                    return Err(Error::InvalidBody(format!(
                        "unknown form field `{other}`; expected image, caption, alt, \
                         product_tags, consent or website"
                    )));
                }
            }
        }
        Ok(form)
    }

    /// Checks the text fields and that a photo of at most `max_image_bytes` was sent,
    /// answering every field's codes at once. The photo's content is checked when it is
    /// processed.
    pub fn validate(&self, max_image_bytes: u64) -> Result<()> {
        let mut errors = self.fields.validate().err().unwrap_or_default();
        match self.image.as_deref() {
            None | Some([]) => validate::push(&mut errors, "image", validate::REQUIRED),
            Some(image) if u64::try_from(image.len()).unwrap_or(u64::MAX) > max_image_bytes => {
                validate::push(&mut errors, "image", validate::TOO_LARGE);
            }
            Some(_) => {}
        }
        validate::finish(errors).map_err(Error::Validation)
    }
}

/// The product slugs of a comma-separated list, trimmed, blanks dropped.
pub fn product_slugs(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(',')
        .map(str::trim)
        .filter(|tag| !tag.is_empty())
        .map(str::to_owned)
}

/// A form submission as sent, JSON or `multipart/form-data` (see the module documentation).
#[derive(Clone, Debug, Default)]
pub struct SubmissionUpload {
    /// The answers and the honeypot.
    pub input: SubmitForm,
    /// The file parts as `(part name, bytes)`, in the order received; not yet checked. Empty
    /// parts, what a browser sends for a file input left empty, are left out.
    pub files: Vec<(String, Vec<u8>)>,
}

impl<S: Send + Sync> FromRequest<S> for SubmissionUpload {
    type Rejection = Error;

    async fn from_request(request: Request, state: &S) -> Result<Self> {
        if !is_multipart(request.headers()) {
            // The route takes bodies up to the upload limit; JSON keeps the JSON limit.
            let (parts, body) = request.into_parts();
            let body = to_bytes(body, JSON_BODY_LIMIT)
                .await
                .map_err(|_| Error::PayloadTooLarge)?;
            let request = Request::from_parts(parts, Body::from(body));
            let ApiJson(input) = ApiJson::from_request(request, state).await?;
            return Ok(Self {
                input,
                files: Vec::new(),
            });
        }
        let ApiMultipart(mut multipart) = ApiMultipart::from_request(request, state).await?;
        let mut upload = Self::default();
        let mut answers = None;
        while let Some(field) = multipart.next_field().await.map_err(body_error)? {
            let name = field.name().unwrap_or_default().to_owned();
            let repeated = (answers.is_some() && name == "answers")
                || upload.files.iter().any(|(file, _)| *file == name);
            if repeated {
                return Err(Error::InvalidBody(format!("send one `{name}` part")));
            }
            match name.as_str() {
                "answers" => answers = Some(parse_answers(&text(field).await?)?),
                "website" => upload.input.website = text(field).await?,
                _ => {
                    let bytes = field.bytes().await.map_err(body_error)?;
                    if !bytes.is_empty() {
                        upload.files.push((name, bytes.to_vec()));
                    }
                }
            }
        }
        upload.input.answers = answers.ok_or_else(|| {
            Error::InvalidBody("send the answers as a JSON object in an `answers` part".into())
        })?;
        Ok(upload)
    }
}

/// Whether the request says its body is `multipart/form-data`.
pub fn is_multipart(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| {
            value
                .trim_start()
                .to_ascii_lowercase()
                .starts_with("multipart/form-data")
        })
}

/// The answers of an `answers` part: not JSON → `malformed_json`, not an object of answers →
/// `invalid_body`.
fn parse_answers(text: &str) -> Result<Submission> {
    serde_json::from_str(text).map_err(|error| {
        let message = format!("the `answers` part: {error}");
        if error.is_syntax() || error.is_eof() {
            Error::MalformedJson(message)
        } else {
            Error::InvalidBody(message)
        }
    })
}

async fn text(field: Field<'_>) -> Result<String> {
    field.text().await.map_err(body_error)
}

fn body_error(error: MultipartError) -> Error {
    if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
        Error::PayloadTooLarge
    } else {
        Error::BadRequest(format!("unreadable multipart body: {}", error.body_text()))
    }
}
