//! The form to propose an idea: labelled fields checked with the same rules as the server's
//! before anything is sent, the server's own field errors shown in the same places, a hidden
//! honeypot, and a send button that is disabled only while the idea is on its way. What the
//! visitor typed stays when sending fails.

use kindred_api::{CreateIdea, ErrorCode, FieldErrors, IdeaId};
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::draft::{Draft, Field};
use super::field::TextField;
use super::similar::SimilarIdeas;
use crate::client::{ApiClient, ClientError};
use crate::events::use_events;
use crate::i18n::use_catalog;
use crate::ideas::board::use_board;
use crate::ideas::route::use_router;
use crate::ideas::rules::use_rules;
use crate::ui::{focus_first_invalid, unique_id, Honeypot, SendFailure};

/// What the visitor has typed, kept by the view around the form so it survives the form
/// being replaced for a while (by a sign-in prompt).
#[derive(Clone, Copy, Default)]
pub struct DraftFields {
    title: RwSignal<String>,
    body: RwSignal<String>,
    tags: RwSignal<String>,
    website: RwSignal<String>,
}

impl DraftFields {
    fn draft(self) -> Draft {
        Draft {
            title: self.title.get_untracked(),
            body: self.body.get_untracked(),
            tags: self.tags.get_untracked(),
            website: self.website.get_untracked(),
        }
    }
}

/// How sending an idea ended, for the view around the form.
#[derive(Clone, Debug)]
pub enum Sent {
    /// The server took the idea; it may wait for review before it is listed.
    Accepted {
        /// The new idea.
        id: IdeaId,
        /// Whether it waits for a moderator.
        pending_review: bool,
    },
    /// The server refused an anonymous visitor: only members may post here.
    MembersOnly,
}

/// The idea form, reporting how sending ended to `on_sent`.
#[component]
pub fn IdeaForm(
    /// What the visitor typed.
    fields: DraftFields,
    /// Called when the server took the idea or refused the anonymous visitor.
    on_sent: Callback<Sent>,
) -> impl IntoView {
    let t = use_catalog();
    let client = expect_context::<ApiClient>();
    let events = use_events();
    let board = use_board().slug;
    let rules = use_rules();
    let premoderated = move || rules.is_some_and(|rules| rules.premoderated());
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<ClientError>);
    let sending = RwSignal::new(false);
    let form = NodeRef::<html::Form>::new();
    let id = unique_id("idea");
    let heading = format!("{id}-heading");
    let labelled_by = heading.clone();

    let send = move |idea: CreateIdea| {
        sending.set(true);
        failure.set(None);
        let (client, events, board) = (client.clone(), events.clone(), board.clone());
        spawn_local(async move {
            match client.create_idea(&board, &idea).await {
                Ok(created) => {
                    events.submit(&board, &created.id, created.pending_review);
                    // The visitor may have left the form meanwhile: then nothing more to show.
                    if sending.try_set(false).is_none() {
                        on_sent.run(Sent::Accepted {
                            id: created.id,
                            pending_review: created.pending_review,
                        });
                    }
                    return;
                }
                Err(error) => {
                    events.error("submit", &error);
                    if refuses_anonymous(&error) && sending.try_get_untracked().is_some() {
                        on_sent.run(Sent::MembersOnly);
                    }
                    if let ClientError::Api { fields, .. } = &error {
                        errors.try_set(fields.clone());
                    }
                    failure.try_set(Some(error));
                }
            }
            sending.try_set(false);
        });
    };
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let idea = fields.draft().to_idea();
        match idea.validate() {
            Ok(()) => {
                errors.set(FieldErrors::new());
                send(idea);
            }
            Err(found) => {
                errors.set(found);
                focus_first_invalid(form);
            }
        }
    };
    let field_id = |field: Field| format!("{id}-{}", field.name());
    view! {
        <form
            class="submit"
            part="submit-form"
            data-testid="idea-form"
            novalidate
            aria-labelledby=labelled_by
            node_ref=form
            on:submit=submit
        >
            <h3 class="submit__heading" id=heading>{t.propose_idea()}</h3>
            {move || premoderated().then(|| view! {
                <p class="submit__note" data-testid="reviewed-first">{t.reviewed_first()}</p>
            })}
            <TextField
                field=Field::Title
                id=field_id(Field::Title)
                label=t.title_label()
                required=true
                value=fields.title
                errors
            />
            <SimilarIdeas title=fields.title.into()/>
            <TextField
                field=Field::Body
                id=field_id(Field::Body)
                label=t.body_label()
                multiline=true
                value=fields.body
                errors
            />
            <TextField
                field=Field::Tags
                id=field_id(Field::Tags)
                label=t.tags_label()
                hint=t.tags_hint()
                value=fields.tags
                errors
            />
            <Honeypot id=format!("{id}-website") value=fields.website/>
            <SendFailure title=t.submit_failed() failure testid="submit-error"/>
            <div class="submit__actions">
                <button
                    type="submit"
                    class="button"
                    part="submit-button"
                    data-testid="submit-idea"
                    disabled=move || sending.get()
                >
                    {move || if sending.get() { t.posting() } else { t.post_idea() }}
                </button>
                <ListButton label=t.cancel() testid="cancel"/>
            </div>
        </form>
    }
}

/// A button back to the list: "Cancel" under a form, "Back to ideas" after it.
#[component]
pub fn ListButton(
    /// What it says.
    label: &'static str,
    /// Its `data-testid`.
    testid: &'static str,
) -> impl IntoView {
    let router = use_router();
    view! {
        <button
            type="button"
            class="submit__cancel"
            part="cancel-button"
            data-testid=testid
            on:click=move |_| router.back_to_list()
        >
            {label}
        </button>
    }
}

/// Whether `error` is the server refusing an anonymous visitor what the board keeps for
/// signed-in members.
pub fn refuses_anonymous(error: &ClientError) -> bool {
    matches!(
        error,
        ClientError::Api {
            code: ErrorCode::Forbidden | ErrorCode::Unauthorized,
            ..
        }
    ) && crate::identity::current().is_none()
}
