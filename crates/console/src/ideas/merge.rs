//! Merging a duplicate into another idea: the moderator names the idea that absorbs it, sees
//! what the merge will do to its votes (supporters of both counted once) before confirming,
//! and may leave a public note.

use kindred_api::moderation::{MergeOutcome, MergePreview, MergeRequest, NOTE_MAX};
use kindred_api::{IdeaId, IdeaStatus};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::session::use_session;
use crate::text;

/// The merge form of idea `id`; `on_merged` hears of the merge done.
#[component]
pub fn MergeForm(
    /// The duplicate.
    id: IdeaId,
    /// Called with the duplicate's new status once merged.
    on_merged: impl Fn(IdeaStatus) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let session = use_session();
    let id = StoredValue::new(id);
    let into = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let preview = RwSignal::new(None::<MergePreview>);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let field_id = move |part: &str| format!("merge-{part}-{}", id.get_value());
    let ask_preview = move |_| {
        let Some(api) = session.api_untracked() else {
            return;
        };
        let target = into.get_untracked().trim().to_owned();
        let path = format!(
            "/v1/moderation/ideas/{}/merge?into={}",
            id.get_value(),
            js_sys::encode_uri_component(&target)
        );
        busy.set(true);
        error.set(None);
        preview.set(None);
        spawn_local(async move {
            match api.get::<MergePreview>(&path).await {
                Ok(answer) => {
                    preview.try_set(Some(answer));
                }
                Err(refused) if refused.is_unauthorized() => session.sign_out(),
                Err(refused) => {
                    error.try_set(Some(refused.message()));
                }
            }
            busy.try_set(false);
        });
    };
    let merge = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (Some(api), Some(shown)) = (session.api_untracked(), preview.get_untracked()) else {
            return;
        };
        let request = MergeRequest {
            into: shown.into,
            note: note.get_untracked().trim().to_owned(),
        };
        let path = format!("/v1/moderation/ideas/{}/merge", id.get_value());
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match api.post::<_, MergeOutcome>(&path, &request).await {
                Ok(_) => on_merged(IdeaStatus::Duplicate),
                Err(refused) if refused.is_unauthorized() => session.sign_out(),
                Err(refused) => {
                    error.try_set(Some(refused.message()));
                    busy.try_set(false);
                }
            }
        });
    };
    view! {
        <form class="entry__reject" on:submit=merge data-testid="merge-form">
            <label class="field field--inline" for=field_id("into")>{text::MERGE_INTO}</label>
            <input
                id=field_id("into")
                data-testid="merge-into"
                prop:value=into
                on:input=move |event| {
                    into.set(event_target_value(&event));
                    preview.set(None);
                }
            />
            <button type="button" class="button" disabled=busy on:click=ask_preview
                data-testid="merge-preview">
                {text::PREVIEW_MERGE}
            </button>
            <p class="entry__preview" role="status" data-testid="merge-outcome">
                {move || preview.get().map(|preview| text::merge_preview(&preview))}
            </p>
            <label class="entry__reason" for=field_id("note")>{text::PUBLIC_NOTE}</label>
            <textarea id=field_id("note") rows="2" maxlength=NOTE_MAX.to_string()
                prop:value=note
                on:input=move |event| note.set(event_target_value(&event))></textarea>
            <button type="submit" class="button button--danger"
                disabled=move || busy.get() || preview.with(Option::is_none)
                data-testid="confirm-merge">
                {text::CONFIRM_MERGE}
            </button>
            <p class="error" role="alert">{move || error.get()}</p>
        </form>
    }
}
