//! The console around its sections: its name, the sections' navigation and signing out.

use leptos::prelude::*;

use crate::counts::Pending;
use crate::queue::Queue;
use crate::session::use_session;
use crate::text;

/// The signed-in console, with how many items wait always in its bar.
#[component]
pub fn Shell() -> impl IntoView {
    let session = use_session();
    let pending = Pending::keep(session);
    provide_context(pending);
    view! {
        <header class="bar">
            <p class="bar__name">{text::CONSOLE}</p>
            <nav class="bar__nav" aria-label=text::NAVIGATION>
                <a href="#queue" aria-current="page">
                    {text::QUEUE}
                    {move || pending.total().map(|total| view! {
                        " "
                        <span class="count" aria-hidden="true" data-testid="pending-count">{total}</span>
                        <span class="sr-only">{format!(" ({})", text::waiting(total))}</span>
                    })}
                </a>
            </nav>
            <button type="button" class="button" on:click=move |_| session.sign_out()>
                {text::SIGN_OUT}
            </button>
        </header>
        <main class="page" id="queue">
            <Queue/>
        </main>
    }
}
