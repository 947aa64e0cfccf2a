//! The console around its sections: its name, the sections' navigation and signing out.

use leptos::prelude::*;

use crate::counts::Pending;
use crate::forms::FormsSection;
use crate::ideas::IdeasSection;
use crate::insights::InsightsSection;
use crate::queue::Queue;
use crate::section::{self, Section};
use crate::session::use_session;
use crate::settings::SettingsSection;
use crate::text;
use crate::webhooks::WebhooksSection;

/// The signed-in console, with how many items wait always in its bar.
#[component]
pub fn Shell() -> impl IntoView {
    let session = use_session();
    let pending = Pending::keep(session);
    provide_context(pending);
    let open = section::follow();
    let current = move |section: Section| (open.get() == section).then_some("page");
    view! {
        <header class="bar">
            <p class="bar__name">{text::CONSOLE}</p>
            <nav class="bar__nav" aria-label=text::NAVIGATION>
                {Section::ALL.map(|section| view! {
                    <a href=section.hash() aria-current=move || current(section)>
                        {text::section(section)}
                        {(section == Section::Queue).then_some(move || pending.total().map(|total| view! {
                            " "
                            <span class="count" aria-hidden="true" data-testid="pending-count">{total}</span>
                            <span class="sr-only">{format!(" ({})", text::waiting(total))}</span>
                        }))}
                    </a>
                })}
            </nav>
            <button type="button" class="button" on:click=move |_| session.sign_out()>
                {text::SIGN_OUT}
            </button>
        </header>
        <main class="page">
            {move || match open.get() {
                Section::Queue => view! { <Queue/> }.into_any(),
                Section::Ideas => view! { <IdeasSection/> }.into_any(),
                Section::Forms => view! { <FormsSection/> }.into_any(),
                Section::Settings => view! { <SettingsSection/> }.into_any(),
                Section::Webhooks => view! { <WebhooksSection/> }.into_any(),
                Section::Insights => view! { <InsightsSection/> }.into_any(),
            }}
        </main>
    }
}
