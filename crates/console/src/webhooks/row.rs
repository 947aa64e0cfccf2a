//! One webhook as a moderator manages it: where it sends, which events, whether it is paused,
//! with its test button, its forms and its delivery log.

use kindred_api::{UpdateWebhook, Webhook};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::deliveries::DeliveryLog;
use super::edit::EditEvents;
use super::remove::ConfirmDelete;
use super::test_event::SendTest;
use crate::disclosure::Disclosure;
use crate::session::use_session;
use crate::text;

/// A webhook with its controls.
#[component]
pub fn WebhookRow(
    /// The webhook.
    webhook: Webhook,
    /// Called once the webhook is deleted.
    on_deleted: Callback<()>,
) -> impl IntoView {
    let session = use_session();
    let id = StoredValue::new(webhook.id.clone());
    let active = RwSignal::new(webhook.active);
    let events = RwSignal::new(webhook.events.clone());
    let editing = RwSignal::new(false);
    let deleting = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let done = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    // Bumped to read the delivery log again.
    let refresh = RwSignal::new(0u32);
    let toggle_active = move |_| {
        let Some(api) = session.api_untracked() else {
            return;
        };
        let change = UpdateWebhook {
            active: Some(!active.get_untracked()),
            ..UpdateWebhook::default()
        };
        let path = format!("/v1/moderation/webhooks/{}", id.get_value());
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match api.put::<_, Webhook>(&path, &change).await {
                Ok(saved) => {
                    active.try_set(saved.active);
                    done.try_set(text::active_changed(saved.active).to_owned());
                }
                Err(refused) if refused.is_unauthorized() => session.sign_out(),
                Err(refused) => _ = error.try_set(Some(refused.message())),
            }
            busy.try_set(false);
        });
    };
    let saved_events = Callback::new(move |saved: Webhook| {
        events.set(saved.events);
        editing.set(false);
        done.set(text::EVENTS_SAVED.to_owned());
    });
    let heading = format!("webhook-{}", webhook.id);
    let labelled_by = heading.clone();
    view! {
        <article class="entry" data-testid="webhook" data-id=webhook.id.clone() aria-labelledby=labelled_by>
            <p class="entry__meta">
                <span class="badge" data-testid="webhook-state">
                    {move || if active.get() { text::WEBHOOK_ACTIVE } else { text::WEBHOOK_PAUSED }}
                </span>
                <span>{text::when(&webhook.created_at)}</span>
            </p>
            <h2 class="entry__text webhook__url" id=heading>{webhook.url}</h2>
            <p class="entry__byline" data-testid="webhook-events-list">
                {move || events.with(|events| text::events(events))}
            </p>
            <SendTest webhook=id.get_value() on_sent=Callback::new(move |()| refresh.update(|n| *n += 1))/>
            <div class="entry__actions">
                <button type="button" class="button" disabled=busy on:click=toggle_active data-testid="toggle-active">
                    {move || if active.get() { text::PAUSE } else { text::RESUME }}
                </button>
                <Disclosure open=editing disabled=busy label=text::EDIT_EVENTS testid="edit-events"/>
                <Disclosure open=deleting disabled=busy label=text::DELETE testid="delete"/>
            </div>
            <Show when=move || editing.get()>
                <EditEvents id=id.get_value() events=events.get_untracked() on_saved=saved_events/>
            </Show>
            <Show when=move || deleting.get()>
                <ConfirmDelete
                    id=id.get_value()
                    on_deleted=on_deleted
                    on_kept=Callback::new(move |()| deleting.set(false))
                />
            </Show>
            <p class="sr-only" role="status">{move || done.get()}</p>
            <p class="error" role="alert">{move || error.get()}</p>
            <DeliveryLog webhook=id.get_value() refresh=refresh/>
        </article>
    }
}
