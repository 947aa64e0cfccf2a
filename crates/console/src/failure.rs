//! What a section shows when what it loads could not be had: the reason, and a way to try
//! again.

use leptos::prelude::*;

use crate::text;

/// A failed load, said aloud, with a retry button.
#[component]
pub fn LoadFailed(
    /// Why, in the moderator's words.
    message: String,
    /// Loads again.
    retry: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="error-panel" role="alert">
            <p>{message}</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>
                {text::RETRY}
            </button>
        </div>
    }
}
