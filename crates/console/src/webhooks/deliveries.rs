//! A webhook's delivery log, newest first: when each event was sent, which, how it went and in
//! how many attempts, a page at a time.

use kindred_api::{DeliveryState, Page, WebhookDelivery};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::failure::LoadFailed;
use crate::session::use_session;
use crate::text;

/// Deliveries on a page of the log.
const PAGE: u32 = 10;

/// Where the log's last request stands.
#[derive(Clone, Debug, PartialEq)]
enum Fetch {
    Busy,
    Done,
    Failed(String),
}

/// The log of webhook `webhook`, read again each time `refresh` changes.
#[component]
pub fn DeliveryLog(
    /// The webhook's id.
    webhook: String,
    /// Changed to read the log again from its newest delivery.
    #[prop(into)]
    refresh: Signal<u32>,
) -> impl IntoView {
    let session = use_session();
    let heading = format!("webhook-{webhook}-log");
    let (section_label, table_label) = (heading.clone(), heading.clone());
    let webhook = StoredValue::new(webhook);
    let shown = RwSignal::new(Vec::<WebhookDelivery>::new());
    let next = RwSignal::new(None::<String>);
    let fetch = RwSignal::new(Fetch::Busy);
    // A later read wins over an earlier one still on its way.
    let reads = StoredValue::new(0u32);
    let read = move |after: Option<String>| {
        let Some(api) = session.api_untracked() else {
            return;
        };
        let mut path = format!(
            "/v1/moderation/webhooks/{}/deliveries?limit={PAGE}",
            webhook.get_value()
        );
        if let Some(cursor) = &after {
            path.push_str(&format!("&cursor={}", js_sys::encode_uri_component(cursor)));
        }
        reads.update_value(|reads| *reads += 1);
        let this = reads.get_value();
        fetch.set(Fetch::Busy);
        spawn_local(async move {
            let answer = api.get::<Page<WebhookDelivery>>(&path).await;
            if reads.try_get_value() != Some(this) {
                return;
            }
            match answer {
                Err(error) if error.is_unauthorized() => session.sign_out(),
                Err(error) => _ = fetch.try_set(Fetch::Failed(error.message())),
                Ok(page) => {
                    let first = after.is_none();
                    shown.update(|shown| {
                        if first {
                            shown.clear();
                        }
                        shown.extend(page.items);
                    });
                    next.set(page.next_cursor);
                    fetch.set(Fetch::Done);
                }
            }
        });
    };
    Effect::new(move || {
        refresh.track();
        read(None);
    });
    let more = move |_| read(next.get_untracked());
    view! {
        <section class="webhook-log" aria-labelledby=section_label data-testid="delivery-log">
            <h3 id=heading class="webhook-log__heading">{text::DELIVERY_LOG}</h3>
            {move || match fetch.get() {
                Fetch::Failed(message) => view! {
                    <LoadFailed message retry=Callback::new(move |()| read(None))/>
                }.into_any(),
                Fetch::Busy if shown.with(Vec::is_empty) => view! {
                    <p class="hint" role="status">{text::LOADING}</p>
                }.into_any(),
                _ if shown.with(Vec::is_empty) => view! {
                    <p class="empty" data-testid="no-deliveries">{text::NO_DELIVERIES}</p>
                }.into_any(),
                _ => ().into_any(),
            }}
            <Show when=move || !shown.with(Vec::is_empty)>
                <table class="webhook-log__table" aria-labelledby=table_label.clone()>
                    <thead>
                        <tr>
                            <th scope="col">{text::DELIVERY_TIME}</th>
                            <th scope="col">{text::DELIVERY_EVENT}</th>
                            <th scope="col">{text::DELIVERY_OUTCOME}</th>
                            <th scope="col">{text::DELIVERY_ATTEMPTS}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || shown.get() key=row_key let:delivery>
                            <tr data-testid="delivery" data-state=state_name(delivery.state)>
                                <td>{text::when(&delivery.created_at)}</td>
                                <td><code>{delivery.event.as_str()}</code></td>
                                <td class=format!("webhook-log__outcome webhook-log__outcome--{}", state_name(delivery.state))>
                                    {text::outcome(&delivery)}
                                </td>
                                <td>{text::attempts(delivery.attempts.len())}</td>
                            </tr>
                        </For>
                    </tbody>
                </table>
            </Show>
            <Show when=move || next.with(Option::is_some)>
                <button type="button" class="button" on:click=more
                    disabled=move || fetch.get() == Fetch::Busy data-testid="more-deliveries">
                    {text::LOAD_MORE}
                </button>
            </Show>
        </section>
    }
}

/// What tells a row of the log from another: a delivery that moved on is drawn again.
fn row_key(delivery: &WebhookDelivery) -> String {
    let (state, attempts) = (state_name(delivery.state), delivery.attempts.len());
    format!("{}-{state}-{attempts}", delivery.id)
}

/// A delivery state's name in the page, for tests and styles; the words say it to people.
fn state_name(state: DeliveryState) -> &'static str {
    match state {
        DeliveryState::Pending => "pending",
        DeliveryState::Delivered => "delivered",
        DeliveryState::Failed => "failed",
    }
}
