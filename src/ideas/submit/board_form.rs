//! Proposing an idea with the board's own co-creation form, where the site has one: the
//! brand's questions instead of title and description, with similar ideas suggested under the
//! question whose answer becomes the title, and the draft kept in the browser until it is
//! sent. The server turns the answers into the idea.

use kindred_api::{BoardForm, SubmissionReceipt, TargetOutcome};
use leptos::prelude::*;

use super::form::{refuses_anonymous, ListButton, Sent};
use super::similar::SimilarIdeas;
use crate::client::{ApiClient, ClientError};
use crate::events::use_events;
use crate::forms::{loaded_form, FormAnswers, FormDraft, FormSlot, SchemaForm};
use crate::i18n::use_catalog;
use crate::ideas::board::use_board;
use crate::ideas::route::use_router;
use crate::ideas::rules::use_rules;

/// The board's form, loaded by its slug, reporting how sending ended to `on_sent`.
#[component]
pub fn BoardFormView(
    /// The form.
    form: BoardForm,
    /// The answers, kept by the view around the form.
    answers: FormAnswers,
    /// Called when the server took the idea or refused the anonymous visitor.
    on_sent: Callback<Sent>,
) -> impl IntoView {
    let t = use_catalog();
    let client = expect_context::<ApiClient>();
    let events = use_events();
    let board = use_board().slug;
    let router = use_router();
    let rules = use_rules();
    let BoardForm { slug, title_field } = form;
    // What the visitor answered stays, should they leave and come back.
    let draft = FormDraft::new(client.base(), &slug);
    let schema = LocalResource::new(move || {
        let (client, slug) = (client.clone(), slug.clone());
        async move { client.form(&slug).await }
    });
    let received = {
        let (events, board) = (events.clone(), board.clone());
        Callback::new(move |receipt: SubmissionReceipt| match receipt.target {
            TargetOutcome::Idea {
                idea_id,
                pending_review,
            } => {
                events.submit(&board, &idea_id, pending_review);
                on_sent.run(Sent::Accepted {
                    id: idea_id,
                    pending_review,
                });
            }
            // The form no longer proposes ideas here: its answers were taken all the same.
            TargetOutcome::Post { .. } | TargetOutcome::Response => router.back_to_list(),
        })
    };
    let failed = Callback::new(move |error: ClientError| {
        events.error("submit", &error);
        if refuses_anonymous(&error) {
            on_sent.run(Sent::MembersOnly);
        }
    });
    let insert_after = title_field.clone();
    let title = Signal::derive(move || answers.text(&title_field));
    let insert = FormSlot {
        after: insert_after,
        view: ViewFn::from(move || view! { <SimilarIdeas title/> }),
    };
    let note = ViewFn::from(move || {
        rules.is_some_and(|rules| rules.premoderated()).then(|| {
            view! { <p class="submit__note" data-testid="reviewed-first">{t.reviewed_first()}</p> }
        })
    });
    let cancel = ViewFn::from(move || view! { <ListButton label=t.cancel() testid="cancel"/> });
    move || {
        let retry = Callback::new(move |()| schema.refetch());
        match loaded_form(schema.get(), retry) {
            Err(placeholder) => placeholder,
            Ok(schema) => view! {
                <SchemaForm
                    schema
                    answers
                    draft=draft.clone()
                    on_sent=received
                    on_failed=failed
                    insert=insert.clone()
                    note=note.clone()
                    secondary=cancel.clone()
                />
            }
            .into_any(),
        }
    }
}
