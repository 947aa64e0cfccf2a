//! The share form: the feed's questions (see [`super::schema`]) in a co-creation form that
//! delivers its answers as a photo upload, showing how far the upload has got and letting the
//! visitor cancel it. What the visitor chose and typed stays when the upload fails.

use kindred_api::{validate, ErrorCode, FieldErrors, Post};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::schema::{create_post, share_schema, UploadRules};
use crate::client::{ApiClient, Cancel, ClientError, Progress};
use crate::events::use_events;
use crate::forms::{Delivery, FormAnswers, FormDraft, SchemaForm};
use crate::i18n::use_catalog;
use crate::ui::unique_id;

/// A refused upload, with a photo the server judged too large or of the wrong type told as
/// an error on the photo question, where the visitor fixes it.
fn on_photo(mut error: ClientError) -> ClientError {
    if let ClientError::Api { code, fields, .. } = &mut error {
        let issue = match code {
            ErrorCode::PayloadTooLarge => validate::TOO_LARGE,
            ErrorCode::UnsupportedMediaType => validate::UNSUPPORTED_TYPE,
            _ => return error,
        };
        *fields = FieldErrors::from([("image".to_owned(), vec![issue.to_owned()])]);
    }
    error
}

/// The form that shares a photo to `feed`, calling `on_shared` with the post once the server
/// took it.
#[component]
pub fn ShareForm(
    /// The feed's slug.
    feed: String,
    /// What the feed accepts.
    rules: UploadRules,
    /// Called with the new post.
    on_shared: Callback<Post>,
    /// Called when the visitor leaves the form without sharing.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let t = use_catalog();
    let client = expect_context::<ApiClient>();
    // Kept aside: the events' host element cannot travel with the delivery callback.
    let events = StoredValue::new_local(use_events());
    let answers = FormAnswers::default();
    // What the visitor wrote stays, should they leave and come back; the photo is chosen again.
    let draft = FormDraft::new(client.base(), &format!("share-photo:{feed}"));
    let progress = RwSignal::new(None::<Progress>);
    let cancel = StoredValue::new_local(Cancel::new());
    let cancelled = StoredValue::new(false);
    let deliver = Callback::new(move |delivery: Delivery| {
        let Delivery {
            answers: checked,
            key,
            done,
        } = delivery;
        let post = create_post(&checked, answers.website.get_untracked());
        if let Err(fields) = post.validate() {
            done.run(Err(ClientError::Api {
                status: 422,
                code: ErrorCode::ValidationFailed,
                message: String::new(),
                fields,
            }));
            return;
        }
        let Some(photo) = answers.photo("image") else {
            done.run(Err(ClientError::Network));
            return;
        };
        let (client, feed) = (client.clone(), feed.clone());
        cancelled.set_value(false);
        progress.set(Some(Progress::default()));
        spawn_local(async move {
            let on_progress = move |sent| _ = progress.try_set(Some(sent));
            let handle = cancel.try_get_value().unwrap_or_default();
            let result = client
                .create_post(&feed, &post, &photo, &key, on_progress, &handle)
                .await;
            progress.try_set(None);
            match result {
                Ok(post) => {
                    done.run(Ok(()));
                    events
                        .with_value(|events| events.share(&feed, &post.id.0, post.pending_review));
                    on_shared.run(post);
                }
                // Stopped by the visitor: back to the form as it was, with nothing to report.
                Err(_) if cancelled.try_get_value() == Some(true) => done.run(Ok(())),
                Err(error) => {
                    events.with_value(|events| events.error("share", &error));
                    done.run(Err(on_photo(error)));
                }
            }
        });
    });
    let progress_id = unique_id("upload");
    let status = move || {
        let progress_id = progress_id.clone();
        progress.get().map(|sent| {
            let percent = sent.percent();
            view! {
                <div class="upload" data-testid="upload-progress">
                    <p class="upload__text" id=progress_id.clone()>{t.uploading(percent)}</p>
                    <progress class="upload__bar" part="progress" max="100" value=percent aria-labelledby=progress_id></progress>
                </div>
            }
        })
    };
    let secondary = move || {
        if progress.with(Option::is_some) {
            let stop = move |_| {
                cancelled.set_value(true);
                cancel.with_value(Cancel::cancel);
            };
            view! {
                <button type="button" class="button button--quiet" data-testid="cancel-upload" on:click=stop>
                    {t.cancel_upload()}
                </button>
            }
            .into_any()
        } else {
            view! {
                <button type="button" class="button button--quiet" data-testid="cancel-share" on:click=move |_| on_cancel.run(())>
                    {t.cancel()}
                </button>
            }
            .into_any()
        }
    };
    view! {
        <SchemaForm
            schema=share_schema(&rules, t)
            answers
            deliver
            draft
            status=ViewFn::from(move || status.clone())
            secondary=ViewFn::from(move || secondary)
        />
    }
}
