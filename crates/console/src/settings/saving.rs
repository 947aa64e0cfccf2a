//! Saving one settings form: the request on its way, what the server said of it (saved, or
//! why not), and the field errors it named, shown beside their fields.

use kindred_api::FieldErrors;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::session::use_session;
use crate::text;

/// The state of a settings form's saving.
#[derive(Clone, Copy, Debug)]
pub struct Saving {
    /// Whether a request is on its way.
    pub busy: RwSignal<bool>,
    /// What the last save came to, for the form's status line.
    pub said: RwSignal<Option<String>>,
    /// What was wrong with each field, as the browser or the server found it.
    pub errors: RwSignal<FieldErrors>,
}

impl Saving {
    /// A form not yet saved.
    pub fn new() -> Self {
        Self {
            busy: RwSignal::new(false),
            said: RwSignal::new(None),
            errors: RwSignal::new(FieldErrors::new()),
        }
    }

    /// Refuses the form with `errors` found in the browser, sending nothing.
    pub fn refuse(self, errors: FieldErrors) {
        self.errors.set(errors);
        self.said.set(Some(text::FIX_FIELDS.to_owned()));
    }

    /// Sends `body` to `path` with `PUT` (`post`: `POST`), then says how it went and hands
    /// what the server saved to `saved`.
    pub fn send<B, T>(self, post: bool, path: String, body: B, saved: impl Fn(T) + 'static)
    where
        B: Serialize + 'static,
        T: DeserializeOwned + 'static,
    {
        let session = use_session();
        let Some(api) = session.api_untracked() else {
            return;
        };
        self.busy.set(true);
        self.said.set(None);
        spawn_local(async move {
            let answer = if post {
                api.post::<B, T>(&path, &body).await
            } else {
                api.put::<B, T>(&path, &body).await
            };
            self.busy.try_set(false);
            match answer {
                Ok(value) => {
                    self.errors.try_set(FieldErrors::new());
                    self.said.try_set(Some(text::SAVED.to_owned()));
                    saved(value);
                }
                Err(error) if error.is_unauthorized() => session.sign_out(),
                Err(error) => {
                    let fields = error.fields().cloned().unwrap_or_default();
                    let message = if fields.is_empty() {
                        error.message()
                    } else {
                        text::FIX_FIELDS.to_owned()
                    };
                    self.errors.try_set(fields);
                    self.said.try_set(Some(message));
                }
            }
        });
    }
}

/// A settings form's save button with its status line.
#[component]
pub fn SaveButton(
    /// The form's saving.
    saving: Saving,
    /// What the button says.
    label: &'static str,
    /// Its test id.
    testid: &'static str,
) -> impl IntoView {
    view! {
        <div class="form-editor__actions">
            <button type="submit" class="button button--primary" disabled=saving.busy
                data-testid=testid>
                {move || if saving.busy.get() { text::SAVING } else { label }}
            </button>
            <p class="hint" role="status">{move || saving.said.get()}</p>
        </div>
    }
}
