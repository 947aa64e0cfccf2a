//! A button that opens and closes a part of the page below it (a form, most often), saying
//! to assistive technology whether that part is open.

use leptos::prelude::*;

/// The button; pressing it opens `open`'s part, or closes it.
#[component]
pub fn Disclosure(
    /// Whether the part is open.
    open: RwSignal<bool>,
    /// Whether the button is unavailable (a request on its way).
    #[prop(into)]
    disabled: Signal<bool>,
    /// What the button says.
    label: &'static str,
    /// Its test id.
    testid: &'static str,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="button"
            disabled=disabled
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|open| *open = !*open)
            data-testid=testid
        >
            {label}
        </button>
    }
}
