//! Sending a webhook a test event from the console: the server sends it at once, signed like
//! any delivery, and answers how it went, which is said here straight away.

use kindred_api::{DeliveryState, WebhookDelivery};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::session::use_session;
use crate::text;

/// The "Send test event" button of webhook `webhook`, with what the last test gave.
#[component]
pub fn SendTest(
    /// The webhook's id.
    webhook: String,
    /// Called once a test was sent and logged, however it went.
    on_sent: Callback<()>,
) -> impl IntoView {
    let session = use_session();
    let webhook = StoredValue::new(webhook);
    let busy = RwSignal::new(false);
    let outcome = RwSignal::new(None::<WebhookDelivery>);
    let error = RwSignal::new(None::<String>);
    let send = move |_| {
        let Some(api) = session.api_untracked() else {
            return;
        };
        let path = format!("/v1/moderation/webhooks/{}/test", webhook.get_value());
        busy.set(true);
        outcome.set(None);
        error.set(None);
        spawn_local(async move {
            match api.post::<_, WebhookDelivery>(&path, &()).await {
                Ok(delivery) => {
                    outcome.try_set(Some(delivery));
                    on_sent.run(());
                }
                Err(refused) if refused.is_unauthorized() => session.sign_out(),
                Err(refused) => _ = error.try_set(Some(refused.message())),
            }
            busy.try_set(false);
        });
    };
    let failed = move || {
        outcome.with(|outcome| {
            outcome
                .as_ref()
                .is_some_and(|delivery| delivery.state == DeliveryState::Failed)
        })
    };
    view! {
        <div class="webhook-test">
            <button type="button" class="button" disabled=busy on:click=send data-testid="send-test">
                {move || if busy.get() { text::SENDING } else { text::SEND_TEST }}
            </button>
            <p
                class="webhook-test__outcome"
                class:webhook-test__outcome--failed=failed
                role="status"
                data-testid="test-outcome"
            >
                {move || outcome.with(|outcome| outcome.as_ref().map(text::tested))}
            </p>
            <p class="error" role="alert">{move || error.get()}</p>
        </div>
    }
}
