//! Deciding on several items at once: the selected items are approved, or rejected with one
//! reason (their authors blocked too, if asked), one request after another.

use kindred_api::moderation::QueueItem;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::decision::{self, Decided, Verdict};
use super::reject::RejectForm;
use super::{Key, Selection};
use crate::disclosure::Disclosure;
use crate::session::use_session;
use crate::text;

/// The bar of actions on the selected items, shown while some are selected. `on_done` hears
/// of the items the server decided on.
#[component]
pub fn BulkBar(
    /// The items shown.
    items: RwSignal<Vec<QueueItem>>,
    /// The selected ones.
    selection: Selection,
    /// Called with the decision the server took on the items it could.
    on_done: Callback<Decided>,
) -> impl IntoView {
    let session = use_session();
    let busy = RwSignal::new(false);
    let rejecting = RwSignal::new(false);
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
            on_done.run(Decided {
                message: text::decided_many(verdict.approve, decided.len()),
                keys: decided,
                blocked: verdict.block,
            });
            busy.try_set(false);
            if failed.is_none() {
                rejecting.try_set(false);
            }
            error.try_set(failed.map(|message| text::some_failed(&message)));
        });
    };
    view! {
        <Show when=move || !selection.is_empty()>
            <div class="bulk" role="region" aria-label=text::BULK data-testid="bulk">
                <p class="bulk__count">{move || text::selected(selection.len())}</p>
                <button type="button" class="button button--primary" disabled=busy
                    on:click=move |_| run(Verdict::approve()) data-testid="approve-selected">
                    {text::APPROVE_SELECTED}
                </button>
                <Disclosure open=rejecting disabled=busy label=text::REJECT_SELECTED
                    testid="reject-selected"/>
                <button type="button" class="button" on:click=move |_| selection.clear()>
                    {text::CLEAR_SELECTION}
                </button>
                <Show when=move || rejecting.get()>
                    <RejectForm busy error block_label=Some(text::BLOCK_AUTHORS.to_owned())
                        on_reject=run/>
                </Show>
                <p class="error" role="alert">{move || error.get()}</p>
            </div>
        </Show>
    }
}
