//! Image answers of form submissions: from the file parts a visitor sends to the photos a
//! submission stores.
//!
//! A client describes each image answer ([`ImageAnswer`]: media type and size) so that the wire
//! crate's one validator checks it, in the widget and here, without the bytes. The server
//! never trusts that description: [`check`] replaces it with the file part as received (the
//! type sniffed from its magic bytes, its real size) before validating, and
//! [`Photos::store`] runs each file through the media pipeline of feed uploads (dimension
//! caps, re-encoding without metadata, renditions, dominant colour) and puts the stored photo
//! into its answer, which then links to renditions served at `GET /v1/media/{file}`.
//!
//! Refusals: a part naming no field → 422 `unknown_field`, a part for a field that is not an
//! image field → 422 `wrong_type`, an image answer without its part → 422 `required`, all on
//! that field; a file that is not JPEG, PNG or WebP by its bytes → 415, as for feed uploads.

use std::collections::BTreeMap;

use kindred_api::validate::{self, FieldErrors};
use kindred_api::{Answer, FieldKind, FormSchema, ImageAnswer, Submission};

use crate::error::{Error, Result};
use crate::media::{self, probe, MediaError, Processed};
use crate::state::AppState;

/// The files of a checked submission, by the image field they answer; not processed yet.
#[derive(Clone, Debug, Default)]
pub struct Photos(Vec<(String, Vec<u8>)>);

/// Checks `answers` and the file parts `files` (as `(part name, bytes)`) against `schema`,
/// answering the cleaned answers, each image answer describing its file as received, and the
/// files to store. Part errors and the validator's codes are answered together.
pub fn check(
    schema: &FormSchema,
    mut answers: Submission,
    files: Vec<(String, Vec<u8>)>,
) -> Result<(Submission, Photos)> {
    let mut errors = FieldErrors::new();
    let mut photos = Vec::new();
    for (name, bytes) in files {
        match schema.field(&name).map(|field| &field.kind) {
            None => validate::push(&mut errors, &name, validate::UNKNOWN_FIELD),
            Some(FieldKind::Image { .. }) => {
                let format =
                    probe::sniff(&bytes).ok_or_else(|| MediaError::Unsupported.for_field(&name))?;
                let received = ImageAnswer {
                    media_type: format.media_type().to_owned(),
                    bytes: bytes.len() as u64,
                    image: None,
                };
                answers.insert(name.clone(), Answer::Image(received));
                photos.push((name, bytes));
            }
            Some(_) => validate::push(&mut errors, &name, validate::WRONG_TYPE),
        }
    }
    // A description with no file behind it is an answer the server never received.
    answers.retain(|name, answer| {
        let is_image_field = schema
            .field(name)
            .is_some_and(|field| matches!(field.kind, FieldKind::Image { .. }));
        let unsent = is_image_field
            && matches!(answer, Answer::Image(_))
            && !photos.iter().any(|(field, _)| field == name);
        if unsent {
            validate::push(&mut errors, name, validate::REQUIRED);
        }
        !unsent
    });
    match schema.validate(&answers) {
        Ok(clean) if errors.is_empty() => Ok((clean, Photos(photos))),
        Ok(_) => Err(Error::Validation(errors)),
        Err(more) => {
            for (field, codes) in more {
                for code in codes {
                    validate::push(&mut errors, &field, &code);
                }
            }
            Err(Error::Validation(errors))
        }
    }
}

impl Photos {
    /// Processes and stores every photo, putting each stored photo into its answer in
    /// `answers`; answers the processed photos by field name. A photo over the pixel caps or
    /// unreadable is a 422 on its field.
    pub async fn store(
        self,
        state: &AppState,
        answers: &mut Submission,
    ) -> Result<BTreeMap<String, Processed>> {
        let mut stored = BTreeMap::new();
        for (field, bytes) in self.0 {
            let processed = media::ingest(bytes, &field).await?;
            state.media.save(&processed.renditions).await?;
            if let Some(Answer::Image(answer)) = answers.get_mut(&field) {
                answer.image = processed.image();
            }
            stored.insert(field, processed);
        }
        Ok(stored)
    }
}
