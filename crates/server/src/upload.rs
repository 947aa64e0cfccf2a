//! The `multipart/form-data` body of a new post, read into its fields and its photo.
//!
//! Parts: `image` (the file; its file name and declared type are ignored, the bytes decide),
//! `caption`, `alt`, `product_tags` (repeatable, and each may hold several comma-separated
//! slugs), `consent` (`true` or `on`, what a checkbox sends) and the honeypot `website`. Any
//! other part, or a second `image`, is refused. Every failure of the body maps to the
//! contract: not multipart → 415, over the upload limit → 413, malformed → 400.

use axum::extract::multipart::{Field, MultipartError};
use axum::http::StatusCode;
use kindred_api::validate;
use kindred_api::CreatePost;

use crate::error::{Error, Result};
use crate::extract::ApiMultipart;

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
                    form.fields.product_tags.extend(
                        value
                            .split(',')
                            .map(str::trim)
                            .filter(|tag| !tag.is_empty())
                            .map(str::to_owned),
                    );
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

    /// Checks the text fields and that a photo was sent, answering every field's codes at
    /// once. The photo's content is checked when it is processed.
    pub fn validate(&self) -> Result<()> {
        let mut errors = self.fields.validate().err().unwrap_or_default();
        if self.image.as_ref().is_none_or(Vec::is_empty) {
            validate::push(&mut errors, "image", validate::REQUIRED);
        }
        validate::finish(errors).map_err(Error::Validation)
    }
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
