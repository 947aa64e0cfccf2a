//! One item of the queue as visitors would see it, with the moderator's decisions on it:
//! approve at once, or reject with a reason for the log.

use kindred_api::moderation::{DecisionOutcome, DecisionRequest, QueueItem, QueueKind};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::session::use_session;
use crate::text;

/// A queue item and its decision buttons. `on_decided` hears of a decision the server took,
/// with the item's kind and id and what to announce.
#[component]
pub fn QueueEntry(
    /// The item.
    item: QueueItem,
    /// Called once the server has taken a decision on the item.
    on_decided: impl Fn((QueueKind, String), String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let session = use_session();
    let QueueItem {
        kind,
        id,
        site,
        board,
        feed,
        excerpt,
        image,
        reports,
        author,
        created_at,
        reason,
        ..
    } = item;
    let place = format!("{site} / {}", board.or(feed).unwrap_or_default());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let rejecting = RwSignal::new(false);
    let why = RwSignal::new(String::new());
    // Opening the rejection puts the focus in its reason.
    let reason_field = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move || {
        if let Some(field) = reason_field.get() {
            _ = field.focus();
        }
    });
    let named = StoredValue::new((id.clone(), excerpt.clone()));
    let decide = move |approve: bool, reason: String| {
        let Some(api) = session.api_untracked() else {
            return;
        };
        let verb = if approve { "approve" } else { "reject" };
        let (id, excerpt) = named.get_value();
        let path = format!("/v1/moderation/{kind}/{id}/{verb}");
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let answer = api
                .post::<_, DecisionOutcome>(&path, &DecisionRequest { reason })
                .await;
            match answer {
                Ok(_) => on_decided((kind, id), text::decided(approve, &excerpt)),
                Err(refused) if refused.is_unauthorized() => session.sign_out(),
                Err(refused) => {
                    error.try_set(Some(refused.message()));
                    busy.try_set(false);
                }
            }
        });
    };
    let approve = move |_| decide(true, String::new());
    let reject = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let reason = why.get_untracked().trim().to_owned();
        if reason.is_empty() {
            error.set(Some(text::REASON_MISSING.to_owned()));
        } else {
            decide(false, reason);
        }
    };
    let heading = format!("entry-{kind}-{id}");
    let labelled_by = heading.clone();
    view! {
        <article class="entry" data-testid="queue-item" data-kind=kind.as_str() data-id=id.clone()
            aria-labelledby=labelled_by tabindex="-1">
            <p class="entry__meta">
                <span class="badge">{text::kind(kind)}</span>
                <span>{text::reason(reason)}</span>
                {reports.map(|reports| view! { <span>{text::reports(reports.count)}</span> })}
                <time datetime=created_at.clone()>{created_at.replace('T', " ").chars().take(16).collect::<String>()}</time>
            </p>
            <h2 class="entry__text" id=heading>{excerpt}</h2>
            {image.map(|image| view! {
                <img class="entry__image" src=image.url alt="" width=image.width height=image.height loading="lazy"/>
            })}
            <p class="entry__byline">{text::byline(&author.name, &place)}</p>
            <div class="entry__actions">
                <button type="button" class="button button--primary" on:click=approve
                    disabled=busy aria-keyshortcuts="a" data-testid="approve">
                    {text::APPROVE}
                </button>
                <button type="button" class="button" on:click=move |_| rejecting.set(true)
                    disabled=busy aria-keyshortcuts="r" aria-expanded=move || rejecting.get().to_string()
                    data-testid="reject">
                    {text::REJECT}
                </button>
            </div>
            <Show when=move || rejecting.get()>
                <form class="entry__reject" on:submit=reject>
                    <label>
                        <span>{text::REASON}</span>
                        <textarea
                            node_ref=reason_field
                            rows="2"
                            maxlength="500"
                            data-testid="reject-reason"
                            prop:value=why
                            on:input=move |event| why.set(event_target_value(&event))
                        ></textarea>
                    </label>
                    <button type="submit" class="button button--danger" disabled=busy
                        data-testid="confirm-reject">
                        {text::CONFIRM_REJECT}
                    </button>
                    <button type="button" class="button" on:click=move |_| rejecting.set(false)>
                        {text::CANCEL}
                    </button>
                </form>
            </Show>
            <p class="error" role="alert">{move || error.get()}</p>
        </article>
    }
}
