//! Uploaded photos: checked by their content, never by their name or declared type, then
//! re-encoded into the renditions the feed serves.
//!
//! An upload goes [`probe`] (format from magic bytes: JPEG, PNG or WebP; anything else is
//! refused) → [`process`] (dimensions read from the header and capped before any pixel is
//! decoded, decoding under [`image::Limits`], renditions re-encoded as JPEG, which writes
//! pixels only, so EXIF, text chunks and every other piece of metadata are gone, and a
//! dominant colour) → [`storage`] (content-hashed files in `<data dir>/media/`, served at
//! `GET /v1/media/{file}`).

use crate::error::Error;
use kindred_api::validate;

pub mod probe;
pub mod process;
pub mod storage;

pub use process::{Processed, Rendition};
pub use storage::Storage;

/// Why an upload's image was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MediaError {
    /// The bytes are not a JPEG, PNG or WebP image, whatever the file claims.
    #[error("the image must be a JPEG, PNG or WebP file")]
    Unsupported,
    /// The image's pixel dimensions are over the caps of [`probe`].
    #[error("the image has more pixels than allowed")]
    TooLarge,
    /// The bytes start like a supported format but do not decode.
    #[error("the image cannot be read: {0}")]
    Invalid(String),
}

impl MediaError {
    /// The API error for an image sent in the part named `field`: an unsupported format is
    /// 415 `unsupported_media_type`, anything else 422 with a code keyed by `field`.
    pub fn for_field(self, field: &str) -> Error {
        let code = match self {
            Self::Unsupported => return Error::UnsupportedMediaType(self.to_string()),
            Self::TooLarge => validate::TOO_LARGE,
            Self::Invalid(_) => validate::INVALID,
        };
        let mut fields = validate::FieldErrors::new();
        validate::push(&mut fields, field, code);
        Error::Validation(fields)
    }
}

/// Checks and processes an image uploaded in the part named `field` off the async runtime,
/// answering its renditions (not stored yet). Errors are keyed by `field`.
pub async fn ingest(bytes: Vec<u8>, field: &str) -> Result<Processed, Error> {
    let format = probe::sniff(&bytes).ok_or_else(|| MediaError::Unsupported.for_field(field))?;
    tokio::task::spawn_blocking(move || process::process(&bytes, format))
        .await
        .map_err(|error| Error::Internal(format!("image processing stopped: {error}")))?
        .map_err(|error| error.for_field(field))
}
