//! Editing an idea's tags: one field, the tags separated by commas, replaced whole.

use kindred_api::moderation::TagsRequest;
use kindred_api::{Idea, IdeaId};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::session::use_session;
use crate::text;

/// The tags form of idea `id`, starting from `tags`; `on_saved` hears of the tags saved.
#[component]
pub fn TagsForm(
    /// The idea.
    id: IdeaId,
    /// Its tags now.
    tags: Vec<String>,
    /// Called with the tags the server kept.
    on_saved: impl Fn(Vec<String>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let session = use_session();
    let id = StoredValue::new(id);
    let typed = RwSignal::new(tags.join(", "));
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let field_id = move || format!("tags-{}", id.get_value());
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(api) = session.api_untracked() else {
            return;
        };
        let request = TagsRequest {
            tags: split(&typed.get_untracked()),
        };
        let path = format!("/v1/moderation/ideas/{}/tags", id.get_value());
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match api.put::<_, Idea>(&path, &request).await {
                Ok(idea) => on_saved(idea.tags),
                Err(refused) if refused.is_unauthorized() => session.sign_out(),
                Err(refused) => {
                    error.try_set(Some(refused.message()));
                    busy.try_set(false);
                }
            }
        });
    };
    view! {
        <form class="entry__reject" on:submit=save data-testid="tags-form">
            <label class="entry__reason" for=field_id>{text::TAGS_FIELD}</label>
            <input id=field_id data-testid="tags-input" prop:value=typed
                on:input=move |event| typed.set(event_target_value(&event))/>
            <button type="submit" class="button button--primary" disabled=busy
                data-testid="save-tags">
                {text::SAVE_TAGS}
            </button>
            <p class="error" role="alert">{move || error.get()}</p>
        </form>
    }
}

/// The tags typed in the field: split at commas, trimmed, empty ones left out.
fn split(typed: &str) -> Vec<String> {
    typed
        .split(',')
        .map(str::trim)
        .filter(|tag| !tag.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn tags_are_split_at_commas_and_trimmed() {
        assert_eq!(split(" repair, boots ,, "), ["repair", "boots"]);
        assert!(split("").is_empty());
    }
}
