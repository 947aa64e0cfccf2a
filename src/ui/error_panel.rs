//! The one way a widget says something failed: an alert with an optional retry.

use leptos::prelude::*;

use crate::i18n::use_catalog;

/// An assertive message that something failed, with a retry button when there is a way to
/// try again.
#[component]
pub fn ErrorPanel(
    /// What failed, as a short sentence.
    message: &'static str,
    /// Why, when known.
    #[prop(optional)]
    detail: Option<&'static str>,
    /// Called by the retry button; without it the panel offers none.
    #[prop(optional)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let t = use_catalog();
    view! {
        <div class="error" part="error" role="alert">
            <svg class="error__icon" viewBox="0 0 20 20" aria-hidden="true">
                <circle cx="10" cy="10" r="8.5"></circle>
                <path d="M10 5.5v5.5M10 13.5v1"></path>
            </svg>
            <div class="error__text">
                <p class="error__message">{message}</p>
                {detail.map(|detail| view! { <p class="error__detail">{detail}</p> })}
            </div>
            {on_retry.map(|retry| view! {
                <button
                    type="button"
                    class="button"
                    part="retry-button"
                    data-testid="retry"
                    on:click=move |_| retry.run(())
                >
                    {t.retry()}
                </button>
            })}
        </div>
    }
}
