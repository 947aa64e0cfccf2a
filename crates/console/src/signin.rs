//! The sign-in form: the admin key is checked against the server before it is kept.

use kindred_api::moderation::QueueItem;
use kindred_api::Page;
use leptos::prelude::*;

use crate::api::{Api, ApiError};
use crate::session::use_session;
use crate::text;

/// The form a moderator signs in with.
#[component]
pub fn SignIn() -> impl IntoView {
    let session = use_session();
    let key = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let check = Action::new_local(move |key: &String| {
        let key = key.clone();
        async move {
            let api = Api::new(key.clone());
            let answer = api
                .get::<Page<QueueItem>>("/v1/moderation/queue?limit=1")
                .await;
            (key, answer)
        }
    });
    Effect::new(move || {
        if let Some((key, answer)) = check.value().get() {
            match answer {
                Ok(_) => session.sign_in(key),
                Err(ApiError::Refused { status: 403, .. }) => {
                    error.set(Some(text::NO_ADMIN_KEY.to_owned()));
                }
                Err(refused) => error.set(Some(refused.message())),
            }
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = key.get_untracked().trim().to_owned();
        if typed.is_empty() {
            error.set(Some(text::KEY_MISSING.to_owned()));
        } else {
            error.set(None);
            check.dispatch(typed);
        }
    };
    let pending = check.pending();
    view! {
        <main class="signin">
            <h1 class="signin__title">{text::CONSOLE}</h1>
            <form class="panel signin__form" on:submit=submit novalidate>
                <h2>{text::SIGN_IN_HEADING}</h2>
                <p class="hint" id="signin-hint">{text::SIGN_IN_HINT}</p>
                <label for="admin-key">{text::ADMIN_KEY}</label>
                <input
                    id="admin-key"
                    type="password"
                    autocomplete="off"
                    aria-describedby="signin-hint signin-error"
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    prop:value=key
                    on:input=move |event| key.set(event_target_value(&event))
                />
                <p id="signin-error" class="error" role="alert" data-testid="signin-error">
                    {move || error.get()}
                </p>
                <button type="submit" class="button button--primary" disabled=pending>
                    {move || if pending.get() { text::SIGNING_IN } else { text::SIGN_IN }}
                </button>
            </form>
        </main>
    }
}
