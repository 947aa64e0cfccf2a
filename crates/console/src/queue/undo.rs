//! Taking the last decision back ("Undo", or `u`): its items wait for review again and return
//! to the list where they stood, and their authors' blocks are lifted if the decision made
//! them.

use kindred_api::moderation::QueueItem;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::decision;
use crate::session::use_session;
use crate::text;

/// The last decision, as the queue can take it back.
#[derive(Clone, Debug, PartialEq)]
pub struct LastDecision {
    /// The items decided on, each with its place in the list then, in list order.
    pub items: Vec<(usize, QueueItem)>,
    /// Whether their authors were blocked with it.
    pub blocked: bool,
    /// What was said of it.
    pub message: String,
}

/// What the last decision did, with the button that takes it back. `on_undone` hears of the
/// items back in the queue, with their places.
#[component]
pub fn UndoBar(
    /// The last decision, if it may still be taken back.
    last: RwSignal<Option<LastDecision>>,
    /// Called with the items that wait again.
    on_undone: Callback<Vec<(usize, QueueItem)>>,
) -> impl IntoView {
    let session = use_session();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let undo = move |_| {
        let (Some(api), Some(decided)) = (session.api_untracked(), last.get_untracked()) else {
            return;
        };
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let mut back = Vec::new();
            let mut left = Vec::new();
            let mut failed = None;
            for (index, item) in decided.items {
                match decision::undo(&api, &item, decided.blocked).await {
                    Ok(()) => back.push((index, item)),
                    Err(refused) if refused.is_unauthorized() => return session.sign_out(),
                    Err(refused) => {
                        failed = Some(refused.message());
                        left.push((index, item));
                    }
                }
            }
            // What could not be taken back may be tried again.
            let still = !left.is_empty();
            last.try_set(still.then_some(LastDecision {
                items: left,
                ..decided
            }));
            error.try_set(failed.map(|message| text::some_failed(&message)));
            busy.try_set(false);
            on_undone.run(back);
        });
    };
    move || {
        last.get().map(|decided| {
            view! {
                <div class="undo" data-testid="last-decision">
                    <p class="undo__what">{decided.message}</p>
                    <button
                        type="button"
                        class="button"
                        data-testid="undo"
                        aria-keyshortcuts="u"
                        on:click=undo
                        disabled=busy
                    >
                        {text::UNDO}
                    </button>
                    <p class="error" role="alert">{move || error.get()}</p>
                </div>
            }
        })
    }
}
