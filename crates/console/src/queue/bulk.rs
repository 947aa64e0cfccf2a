//! Deciding on several items at once: the selected items are approved, or rejected with one
//! reason (their authors blocked too, if asked), one request after another.

use kindred_api::moderation::QueueItem;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::decision::{self, Verdict};
use super::{Key, Selection};
use crate::session::use_session;
use crate::text;

/// The bar of actions on the selected items, shown while some are selected. `on_done` hears
/// of the items the server decided on, with what to announce.
#[component]
pub fn BulkBar(
    /// The items shown.
    items: RwSignal<Vec<QueueItem>>,
    /// The selected ones.
    selection: Selection,
    /// Called with the keys of the items decided on and what to announce.
    on_done: Callback<(Vec<Key>, String)>,
) -> impl IntoView {
    let session = use_session();
    let busy = RwSignal::new(false);
    let rejecting = RwSignal::new(false);
    let why = RwSignal::new(String::new());
    let block = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let run = move |verdict: Verdict| {
        let Some(api) = session.api_untracked() else {
            return;
        };
        let keys = selection.keys();
        let chosen: Vec<QueueItem> = items.with_untracked(|items| {
            items
                .iter()
                .filter(|item| keys.contains(&Key::of(item)))
                .cloned()
                .collect()
        });
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let mut decided = Vec::new();
            let mut failed = None;
            for item in &chosen {
                match decision::send(&api, item, &verdict).await {
                    Ok(()) => decided.push(Key::of(item)),
                    Err(refused) if refused.is_unauthorized() => return session.sign_out(),
                    Err(refused) => failed = Some(refused.message()),
                }
            }
            let message = text::decided_many(verdict.approve, decided.len());
            on_done.run((decided, message));
            busy.try_set(false);
            if failed.is_none() {
                rejecting.try_set(false);
                why.try_set(String::new());
            }
            error.try_set(failed.map(|message| text::some_failed(&message)));
        });
    };
    let reject = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let reason = why.get_untracked().trim().to_owned();
        if reason.is_empty() {
            error.set(Some(text::REASON_MISSING.to_owned()));
        } else {
            run(Verdict::reject(reason, block.get_untracked()));
        }
    };
    view! {
        <Show when=move || !selection.is_empty()>
            <div class="bulk" role="region" aria-label=text::BULK data-testid="bulk">
                <p class="bulk__count">{move || text::selected(selection.len())}</p>
                <button type="button" class="button button--primary" disabled=busy
                    on:click=move |_| run(Verdict::approve()) data-testid="approve-selected">
                    {text::APPROVE_SELECTED}
                </button>
                <button type="button" class="button" disabled=busy
                    aria-expanded=move || rejecting.get().to_string()
                    on:click=move |_| rejecting.set(true) data-testid="reject-selected">
                    {text::REJECT_SELECTED}
                </button>
                <button type="button" class="button" on:click=move |_| selection.clear()>
                    {text::CLEAR_SELECTION}
                </button>
                <Show when=move || rejecting.get()>
                    <form class="entry__reject" on:submit=reject>
                        <label class="entry__reason">
                            <span>{text::REASON}</span>
                            <textarea
                                rows="2"
                                maxlength="500"
                                data-testid="bulk-reason"
                                prop:value=why
                                on:input=move |event| why.set(event_target_value(&event))
                            ></textarea>
                        </label>
                        <label class="entry__block">
                            <input
                                type="checkbox"
                                prop:checked=block
                                on:change=move |event| block.set(event_target_checked(&event))
                            />
                            {text::BLOCK_AUTHORS}
                        </label>
                        <button type="submit" class="button button--danger" disabled=busy
                            data-testid="confirm-bulk-reject">
                            {text::CONFIRM_REJECT}
                        </button>
                    </form>
                </Show>
                <p class="error" role="alert">{move || error.get()}</p>
            </div>
        </Show>
    }
}
