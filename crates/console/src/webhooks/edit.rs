//! Changing which events a webhook is sent, checked by the rules the server applies.

use kindred_api::{UpdateWebhook, Webhook, WebhookEvent};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::events::EventChoices;
use super::refusal::Refusal;
use crate::session::use_session;
use crate::text;

/// The events form of webhook `id`, starting from `events`.
#[component]
pub fn EditEvents(
    /// The webhook's id.
    id: String,
    /// The events it is sent now.
    events: Vec<WebhookEvent>,
    /// Called with the webhook as the server saved it.
    on_saved: Callback<Webhook>,
) -> impl IntoView {
    let session = use_session();
    let chosen = RwSignal::new(events);
    let refusal = Refusal::new();
    let busy = RwSignal::new(false);
    let group_id = format!("webhook-{id}");
    let path = StoredValue::new(format!("/v1/moderation/webhooks/{id}"));
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(api) = session.api_untracked() else {
            return;
        };
        let change = UpdateWebhook {
            events: Some(chosen.get_untracked()),
            ..UpdateWebhook::default()
        };
        refusal.clear();
        if let Err(fields) = change.validate() {
            return refusal.rules(fields);
        }
        busy.set(true);
        spawn_local(async move {
            match api.put::<_, Webhook>(&path.get_value(), &change).await {
                Ok(webhook) => on_saved.run(webhook),
                Err(error) if error.is_unauthorized() => session.sign_out(),
                Err(error) => refusal.server(&error),
            }
            busy.try_set(false);
        });
    };
    view! {
        <form class="webhook-form" on:submit=save data-testid="edit-events-form">
            <EventChoices
                chosen
                id=group_id
                problem=Signal::derive(move || refusal.on("events"))
                on_change=Callback::new(move |()| refusal.clear())
            />
            <p class="error" role="alert">{move || refusal.message()}</p>
            <div>
                <button type="submit" class="button button--primary" disabled=busy data-testid="save-events">
                    {text::SAVE_EVENTS}
                </button>
            </div>
        </form>
    }
}
