//! Parts every form of the widget shares: the honeypot only bots fill in, the alert that says
//! why sending failed, and moving focus to the first field that needs fixing.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::client::ClientError;
use crate::i18n::use_catalog;

/// A field people never see, nor does assistive technology; bots fill it in, and the server
/// quietly drops what they send.
#[component]
pub fn Honeypot(
    /// The field's id.
    id: String,
    /// What was typed into it.
    value: RwSignal<String>,
) -> impl IntoView {
    let t = use_catalog();
    view! {
        <div class="submit__trap" aria-hidden="true">
            <label for=id.clone()>{t.honeypot_label()}</label>
            <input id=id name="website" type="text" tabindex="-1" autocomplete="off" bind:value=value/>
        </div>
    }
}

/// An alert saying that sending failed, and why, while `failure` holds an error.
#[component]
pub fn SendFailure(
    /// What failed: "Your idea could not be posted."
    title: &'static str,
    /// The last attempt's error, if it failed.
    failure: RwSignal<Option<ClientError>>,
    /// The alert's `data-testid`.
    testid: &'static str,
) -> impl IntoView {
    let t = use_catalog();
    move || {
        failure.get().map(|error| {
            view! {
                <div class="submit__failure" role="alert" data-testid=testid>
                    <p class="submit__failure-title">{title}</p>
                    <p>{t.problem(&error)}</p>
                </div>
            }
        })
    }
}

/// Moves focus to the first field of `form` marked invalid, once the marks are rendered.
pub fn focus_first_invalid(form: NodeRef<html::Form>) {
    request_animation_frame(move || {
        // The form may be gone by then.
        let field = form
            .try_get_untracked()
            .flatten()
            .and_then(|form| form.query_selector(r#"[aria-invalid="true"]"#).ok())
            .flatten()
            .and_then(|field| field.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(field) = field {
            _ = field.focus();
        }
    });
}
