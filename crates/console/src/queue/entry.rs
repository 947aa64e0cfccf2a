//! One item of the queue as visitors would see it, with the moderator's decisions on it:
//! approve at once, or reject with a reason for the log and, if need be, block its author.

use kindred_api::moderation::QueueItem;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::decision::{self, Decided, Verdict};
use super::reject::RejectForm;
use super::{Key, Selection};
use crate::disclosure::Disclosure;
use crate::session::use_session;
use crate::text;

/// A queue item, its selection box and its decision buttons. `on_decided` hears of a
/// decision the server took on it.
#[component]
pub fn QueueEntry(
    /// The item.
    item: QueueItem,
    /// The items selected for a decision on several at once.
    selection: Selection,
    /// Called once the server has taken a decision on the item.
    on_decided: impl Fn(Decided) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let session = use_session();
    let key = Key::of(&item);
    let place = format!(
        "{} / {}",
        item.site,
        item.board
            .as_deref()
            .or(item.feed.as_deref())
            .unwrap_or_default()
    );
    let heading = format!("entry-{}-{}", item.kind, item.id);
    let labelled_by = heading.clone();
    let author = item.author.name.clone();
    let block_label = item
        .author
        .identity
        .is_some()
        .then(|| text::block(&author, &item.site));
    let stored = StoredValue::new(item.clone());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let rejecting = RwSignal::new(false);
    let decide = move |verdict: Verdict| {
        let Some(api) = session.api_untracked() else {
            return;
        };
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let item = stored.get_value();
            match decision::send(&api, &item, &verdict).await {
                Ok(()) => on_decided(Decided {
                    keys: vec![Key::of(&item)],
                    message: text::decided(verdict.approve, &item.excerpt),
                    blocked: verdict.block,
                }),
                Err(refused) if refused.is_unauthorized() => session.sign_out(),
                Err(refused) => {
                    error.try_set(Some(refused.message()));
                    busy.try_set(false);
                }
            }
        });
    };
    let approve = move |_| decide(Verdict::approve());
    let selected = {
        let key = key.clone();
        move || selection.contains(&key)
    };
    let QueueItem {
        kind,
        id,
        excerpt,
        image,
        reports,
        created_at,
        reason,
        ..
    } = item;
    let select_label = text::select(&excerpt);
    view! {
        <article class="entry" data-testid="queue-item" data-kind=kind.as_str() data-id=id
            aria-labelledby=labelled_by tabindex="-1">
            <p class="entry__meta">
                <input
                    type="checkbox"
                    class="entry__select"
                    aria-label=select_label
                    data-testid="select"
                    prop:checked=selected
                    on:change=move |_| selection.toggle(&key)
                />
                <span class="badge">{text::kind(kind)}</span>
                <span>{text::reason(reason)}</span>
                {reports.map(|reports| view! { <span>{text::reports(reports.count)}</span> })}
                <time datetime=created_at.clone()>{text::when(&created_at)}</time>
            </p>
            <h2 class="entry__text" id=heading>{excerpt}</h2>
            {image.map(|image| view! {
                <img class="entry__image" src=image.url alt="" width=image.width height=image.height loading="lazy"/>
            })}
            <p class="entry__byline">{text::byline(&author, &place)}</p>
            <div class="entry__actions">
                <button type="button" class="button button--primary" on:click=approve
                    disabled=busy aria-keyshortcuts="a" data-testid="approve">
                    {text::APPROVE}
                </button>
                <Disclosure open=rejecting disabled=busy label=text::REJECT testid="reject"
                    attr:aria-keyshortcuts="r"/>
            </div>
            <Show when=move || rejecting.get()>
                <RejectForm busy error block_label=block_label.clone() on_reject=decide/>
            </Show>
            <p class="error" role="alert">{move || error.get()}</p>
        </article>
    }
}
