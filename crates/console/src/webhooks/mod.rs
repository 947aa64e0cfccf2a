//! The sites' webhooks: pick a site, add a webhook (its secret shown once), change its events,
//! pause or delete it, send it a test event and read its delivery log.

mod create;
mod deliveries;
mod edit;
mod events;
mod refusal;
mod remove;
mod row;
mod test_event;

use kindred_api::{Page, Webhook};
use leptos::prelude::*;

use crate::failure::LoadFailed;
use crate::session::use_session;
use crate::sites::{SiteChoice, SitePicker};
use crate::text;
use create::NewWebhook;
use row::WebhookRow;

/// The webhooks section.
#[component]
pub fn WebhooksSection() -> impl IntoView {
    let session = use_session();
    let choice = SiteChoice::load();
    let site = choice.site;
    let webhooks = LocalResource::new(move || {
        let site = site.get();
        async move {
            let api = session.api_untracked().filter(|_| !site.is_empty())?;
            let path = format!("/v1/moderation/sites/{site}/webhooks");
            Some(api.get::<Page<Webhook>>(&path).await.map(|page| page.items))
        }
    });
    let notice = RwSignal::new(None::<&'static str>);
    let deleted = Callback::new(move |()| {
        notice.set(Some(text::WEBHOOK_DELETED));
        webhooks.refetch();
    });
    let listed = move || match webhooks.get().flatten() {
        Some(Ok(found)) => found,
        _ => Vec::new(),
    };
    view! {
        <section class="webhooks" aria-labelledby="webhooks-heading">
            <div class="queue__top">
                <h1 id="webhooks-heading">{text::WEBHOOKS}</h1>
            </div>
            <p class="hint">{text::WEBHOOKS_HINT}</p>
            <SitePicker choice testid="webhook-site"
                on_change=Callback::new(move |()| notice.set(None))/>
            <NewWebhook site=site on_created=Callback::new(move |()| {
                notice.set(None);
                webhooks.refetch();
            })/>
            <p class="sr-only" role="status" data-testid="webhooks-notice">{move || notice.get()}</p>
            {move || match webhooks.get().flatten() {
                None => view! { <p class="hint" role="status">{text::LOADING}</p> }.into_any(),
                Some(Err(error)) => view! {
                    <LoadFailed message=error.message() retry=Callback::new(move |()| webhooks.refetch())/>
                }.into_any(),
                Some(Ok(found)) if found.is_empty() => view! {
                    <p class="empty" data-testid="no-webhooks">{text::NO_WEBHOOKS}</p>
                }.into_any(),
                Some(Ok(_)) => ().into_any(),
            }}
            <ul class="queue__list" data-testid="webhooks">
                <For each=listed key=|webhook| webhook.id.clone() let:webhook>
                    <li><WebhookRow webhook on_deleted=deleted/></li>
                </For>
            </ul>
        </section>
    }
}
