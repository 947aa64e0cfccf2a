//! Registering a webhook: its address and events, checked by the rules the server applies,
//! then sent; the answer's signing secret is shown here, the only time it can be.

use kindred_api::{CreateWebhook, CreatedWebhook, WebhookEvent};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::events::EventChoices;
use super::refusal::Refusal;
use crate::session::use_session;
use crate::text;

/// The form that adds a webhook to `site`.
#[component]
pub fn NewWebhook(
    /// The site's slug.
    #[prop(into)]
    site: Signal<String>,
    /// Called once the server has registered a webhook.
    on_created: Callback<()>,
) -> impl IntoView {
    let session = use_session();
    let url = RwSignal::new(String::new());
    let events = RwSignal::new(Vec::<WebhookEvent>::new());
    let refusal = Refusal::new();
    let busy = RwSignal::new(false);
    let created = RwSignal::new(None::<CreatedWebhook>);
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(api) = session.api_untracked() else {
            return;
        };
        let request = CreateWebhook {
            url: url.get_untracked().trim().to_owned(),
            events: events.get_untracked(),
            secret: None,
        };
        refusal.clear();
        if let Err(fields) = request.validate() {
            return refusal.rules(fields);
        }
        let path = format!("/v1/moderation/sites/{}/webhooks", site.get_untracked());
        busy.set(true);
        spawn_local(async move {
            match api.post::<_, CreatedWebhook>(&path, &request).await {
                Ok(webhook) => {
                    url.try_set(String::new());
                    events.try_set(Vec::new());
                    created.try_set(Some(webhook));
                    on_created.run(());
                }
                Err(error) if error.is_unauthorized() => session.sign_out(),
                Err(error) => refusal.server(&error),
            }
            busy.try_set(false);
        });
    };
    let url_problem = move || refusal.on("url");
    view! {
        <section class="panel webhook-new" aria-labelledby="new-webhook-heading">
            <h2 id="new-webhook-heading" class="webhook-new__heading">{text::NEW_WEBHOOK}</h2>
            <form class="webhook-form" novalidate on:submit=add data-testid="new-webhook">
                <label class="webhook-form__field" for="new-webhook-url">{text::WEBHOOK_URL}</label>
                <input
                    id="new-webhook-url"
                    type="url"
                    inputmode="url"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="https://"
                    data-testid="webhook-url"
                    aria-describedby="new-webhook-url-problem"
                    aria-invalid=move || url_problem().map(|_| "true")
                    prop:value=url
                    on:input=move |event| {
                        url.set(event_target_value(&event));
                        refusal.clear();
                    }
                />
                <p class="error" id="new-webhook-url-problem" data-testid="url-problem">{url_problem}</p>
                <EventChoices
                    chosen=events
                    id="new-webhook".to_owned()
                    problem=Signal::derive(move || refusal.on("events"))
                    on_change=Callback::new(move |()| refusal.clear())
                />
                <p class="error" role="alert">{move || refusal.message()}</p>
                <div>
                    <button type="submit" class="button button--primary" disabled=busy data-testid="add-webhook">
                        {move || if busy.get() { text::SAVING } else { text::ADD_WEBHOOK }}
                    </button>
                </div>
            </form>
            <div role="status">
                {move || created.get().map(|webhook| view! {
                    <div class="webhook-secret" data-testid="webhook-secret">
                        <p>{text::SECRET_ONCE}</p>
                        <p><code data-testid="secret-value">{webhook.secret}</code></p>
                        <button type="button" class="button" on:click=move |_| created.set(None)>
                            {text::HIDE_SECRET}
                        </button>
                    </div>
                })}
            </div>
        </section>
    }
}
