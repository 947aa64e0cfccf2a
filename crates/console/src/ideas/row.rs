//! One idea as a moderator curates it: its status, votes, tags and pin, with the forms that
//! change its status (saying why in a public note visitors read on the idea), edit its tags
//! or merge it into another idea.

use kindred_api::moderation::{StatusRequest, NOTE_MAX};
use kindred_api::{Idea, IdeaDetail, IdeaId, IdeaStatus};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::merge::MergeForm;
use super::tags::TagsForm;
use crate::disclosure::Disclosure;
use crate::session::use_session;
use crate::text;

/// An idea with its curation controls.
#[component]
pub fn IdeaRow(
    /// The idea.
    idea: Idea,
) -> impl IntoView {
    let session = use_session();
    let id = idea.id.clone();
    let status = RwSignal::new(idea.status);
    let pinned = RwSignal::new(idea.pinned);
    let editing = RwSignal::new(false);
    let merging = RwSignal::new(false);
    let tagging = RwSignal::new(false);
    let tags = RwSignal::new(idea.tags.clone());
    let chosen = RwSignal::new(idea.status);
    let note = RwSignal::new(String::new());
    let duplicate_of = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(String::new());
    let stored_id = StoredValue::new(id.clone());
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(api) = session.api_untracked() else {
            return;
        };
        let duplicate = duplicate_of.get_untracked().trim().to_owned();
        let request = StatusRequest {
            status: chosen.get_untracked(),
            note: note.get_untracked().trim().to_owned(),
            duplicate_of: (!duplicate.is_empty()).then_some(IdeaId(duplicate)),
        };
        let path = format!("/v1/moderation/ideas/{}/status", stored_id.get_value());
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match api.put::<_, IdeaDetail>(&path, &request).await {
                Ok(detail) => {
                    status.try_set(detail.idea.status);
                    editing.try_set(false);
                    note.try_set(String::new());
                    done.try_set(text::status_changed(detail.idea.status));
                }
                Err(refused) if refused.is_unauthorized() => session.sign_out(),
                Err(refused) => {
                    error.try_set(Some(refused.message()));
                }
            }
            busy.try_set(false);
        });
    };
    let toggle_pin = move |_| {
        let Some(api) = session.api_untracked() else {
            return;
        };
        let path = format!("/v1/moderation/ideas/{}/pin", stored_id.get_value());
        let pin = !pinned.get_untracked();
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let answer = if pin {
                api.put::<_, Idea>(&path, &()).await
            } else {
                api.delete::<Idea>(&path).await
            };
            match answer {
                Ok(idea) => {
                    pinned.try_set(idea.pinned);
                    done.try_set(text::pin_changed(idea.pinned).to_owned());
                }
                Err(refused) if refused.is_unauthorized() => session.sign_out(),
                Err(refused) => {
                    error.try_set(Some(refused.message()));
                }
            }
            busy.try_set(false);
        });
    };
    let heading = format!("idea-{id}");
    let labelled_by = heading.clone();
    // The ids of the status form's parts, unique to the idea.
    let part_id = move |part: &str| format!("{part}-{}", stored_id.get_value());
    view! {
        <article class="entry" data-testid="idea-row" data-id=id.to_string()
            aria-labelledby=labelled_by>
            <p class="entry__meta">
                <span class="badge" data-testid="idea-status">{move || text::status(status.get())}</span>
                <span>{text::votes(idea.vote_count)}</span>
                {move || pinned.get().then(|| view! { <span data-testid="pinned">{text::PINNED}</span> })}
                <span data-testid="idea-tags">{move || tags.with(|tags| text::tags(tags))}</span>
            </p>
            <h2 class="entry__text" id=heading>{idea.title}</h2>
            <div class="entry__actions">
                <Disclosure open=editing disabled=busy label=text::CHANGE_STATUS
                    testid="change-status"/>
                <Disclosure open=merging disabled=busy label=text::MERGE testid="merge"/>
                <Disclosure open=tagging disabled=busy label=text::EDIT_TAGS testid="edit-tags"/>
                <button type="button" class="button" disabled=busy
                    aria-pressed=move || pinned.get().to_string()
                    on:click=toggle_pin data-testid="pin">
                    {text::PIN}
                </button>
            </div>
            <Show when=move || editing.get()>
                <form class="entry__reject" on:submit=save>
                    <label class="field field--inline">
                        <span>{text::STATUS}</span>
                        <select
                            data-testid="status-choice"
                            on:change=move |event| {
                                if let Ok(picked) = event_target_value(&event).parse() {
                                    chosen.set(picked);
                                }
                            }
                        >
                            {IdeaStatus::ALL.into_iter().map(|option| view! {
                                <option value=option.as_str() selected=move || chosen.get() == option>
                                    {text::status(option)}
                                </option>
                            }).collect_view()}
                        </select>
                    </label>
                    <Show when=move || chosen.get() == IdeaStatus::Duplicate>
                        <label class="field field--inline" for=part_id("duplicate")>
                            {text::DUPLICATE_OF}
                        </label>
                        <input id=part_id("duplicate") data-testid="duplicate-of"
                            prop:value=duplicate_of
                            on:input=move |event| duplicate_of.set(event_target_value(&event))/>
                    </Show>
                    <label class="entry__reason" for=part_id("note")>{text::PUBLIC_NOTE}</label>
                    <textarea id=part_id("note") rows="2" maxlength=NOTE_MAX.to_string() data-testid="status-note"
                        prop:value=note
                        on:input=move |event| note.set(event_target_value(&event))></textarea>
                    <button type="submit" class="button button--primary" disabled=busy
                        data-testid="save-status">
                        {text::SAVE_STATUS}
                    </button>
                </form>
            </Show>
            <Show when=move || tagging.get()>
                <TagsForm
                    id=stored_id.get_value()
                    tags=tags.get_untracked()
                    on_saved=move |saved| {
                        tags.set(saved);
                        tagging.set(false);
                        done.set(text::TAGS_SAVED.to_owned());
                    }
                />
            </Show>
            <Show when=move || merging.get()>
                <MergeForm
                    id=stored_id.get_value()
                    on_merged=move |merged| {
                        status.set(merged);
                        merging.set(false);
                        done.set(text::status_changed(merged));
                    }
                />
            </Show>
            <p class="sr-only" role="status">{move || done.get()}</p>
            <p class="error" role="alert">{move || error.get()}</p>
        </article>
    }
}
