//! Deleting a webhook, after a question that says what goes with it; the question takes the
//! focus so the keyboard answers it at once.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::session::use_session;
use crate::text;

/// The question before webhook `id` is deleted, and its answers.
#[component]
pub fn ConfirmDelete(
    /// The webhook's id.
    id: String,
    /// Called once the server has deleted it.
    on_deleted: Callback<()>,
    /// Called when the moderator keeps it.
    on_kept: Callback<()>,
) -> impl IntoView {
    let session = use_session();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let question = format!("webhook-{id}-delete");
    let labelled_by = question.clone();
    let path = StoredValue::new(format!("/v1/moderation/webhooks/{id}"));
    let keep = NodeRef::<html::Button>::new();
    Effect::new(move || {
        if let Some(button) = keep.get() {
            _ = button.focus();
        }
    });
    let delete = move |_| {
        let Some(api) = session.api_untracked() else {
            return;
        };
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match api.delete_empty(&path.get_value()).await {
                Ok(()) => on_deleted.run(()),
                Err(refused) if refused.is_unauthorized() => session.sign_out(),
                Err(refused) => {
                    error.try_set(Some(refused.message()));
                    busy.try_set(false);
                }
            }
        });
    };
    view! {
        <div class="entry__reject webhook-delete" role="group" aria-labelledby=labelled_by
            data-testid="confirm-delete">
            <p id=question class="webhook-delete__question">{text::CONFIRM_DELETE_WEBHOOK}</p>
            <button type="button" class="button button--danger" disabled=busy on:click=delete
                data-testid="delete-webhook">
                {text::DELETE_WEBHOOK}
            </button>
            <button type="button" class="button" node_ref=keep on:click=move |_| on_kept.run(())>
                {text::CANCEL}
            </button>
            <p class="error" role="alert">{move || error.get()}</p>
        </div>
    }
}
