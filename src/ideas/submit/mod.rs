//! Proposing an idea: the board's button that opens the form, and the view at `#kindred/new`,
//! which shows the form, a sign-in prompt where the board keeps posting for members, or the
//! thanks of a premoderated board once the idea is sent.

mod board_form;
mod draft;
mod field;
mod form;
mod similar;

pub use draft::FieldIssue;

use leptos::html;
use leptos::prelude::*;

use self::board_form::BoardFormView;
use self::form::{DraftFields, IdeaForm, ListButton, Sent};
use super::route::{use_router, Entry, Route};
use super::rules::{use_rules, Action};
use super::signin::SignInPrompt;
use crate::client::adapter::spec::OperationName;
use crate::client::ApiClient;
use crate::forms::FormAnswers;
use crate::i18n::use_catalog;
use crate::identity;

/// The board's "Propose an idea" button, shown while the site takes ideas and the form is not
/// already open.
#[component]
pub fn ProposeButton() -> impl IntoView {
    let t = use_catalog();
    let router = use_router();
    let rules = use_rules();
    let offered = expect_context::<ApiClient>().offers(OperationName::CreateIdea);
    let open = move || offered && rules.is_none_or(|rules| rules.submissions_open());
    move || {
        (open() && router.route() != Route::Submit).then(|| {
            view! {
                <button
                    type="button"
                    class="button board__propose"
                    part="propose-button"
                    data-testid="propose"
                    on:click=move |_| router.go(Route::Submit, Entry::Push)
                >
                    {t.propose_idea()}
                </button>
            }
        })
    }
}

/// What the submission view shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    /// The form.
    Writing,
    /// A prompt to sign in first.
    SigningIn,
    /// The thanks for an idea that waits for review.
    Reviewing,
}

/// The view at `#kindred/new`.
#[component]
pub fn SubmitView() -> impl IntoView {
    let t = use_catalog();
    let router = use_router();
    let rules = use_rules();
    let fields = DraftFields::default();
    let answers = FormAnswers::default();
    let reviewing = RwSignal::new(false);
    let refused = RwSignal::new(false);
    let stage = Memo::new(move |_| {
        let members_only =
            refused.get() || rules.is_some_and(|rules| rules.needs_signin(Action::Submit));
        if reviewing.get() {
            Stage::Reviewing
        } else if members_only && identity::tracked().is_none() {
            Stage::SigningIn
        } else {
            Stage::Writing
        }
    });
    let on_sent = Callback::new(move |sent: Sent| match sent {
        Sent::Accepted {
            pending_review: true,
            ..
        } => reviewing.set(true),
        Sent::Accepted { id, .. } => router.go(Route::Idea(id), Entry::Push),
        Sent::MembersOnly => refused.set(true),
    });
    move || match stage.get() {
        Stage::Writing => match rules.map(|rules| (rules.settled(), rules.proposal_form())) {
            // Which form to show is not known yet.
            Some((false, _)) => view! { <SubmitLoading/> }.into_any(),
            Some((true, Some(form))) => view! { <BoardFormView form answers on_sent/> }.into_any(),
            _ => view! { <IdeaForm fields on_sent/> }.into_any(),
        },
        Stage::SigningIn => view! {
            <SignInPrompt action=Action::Submit/>
            <ListButton label=t.back_to_ideas() testid="back-to-ideas"/>
        }
        .into_any(),
        Stage::Reviewing => view! { <Thanks/> }.into_any(),
    }
}

/// Said while the board's rules, and so its form, are on their way.
#[component]
fn SubmitLoading() -> impl IntoView {
    let t = use_catalog();
    view! { <p class="submit__loading" role="status">{t.form_loading()}</p> }
}

/// The thanks for an idea that waits for review; focused when shown, so it is read out.
#[component]
fn Thanks() -> impl IntoView {
    let t = use_catalog();
    let message = NodeRef::<html::P>::new();
    Effect::new(move || {
        if let Some(message) = message.get() {
            _ = message.focus();
        }
    });
    view! {
        <div class="submit__thanks" part="submit-thanks" data-testid="submit-pending">
            <p class="submit__thanks-text" tabindex="-1" node_ref=message>
                {t.pending_review()}
            </p>
            <ListButton label=t.back_to_ideas() testid="back-to-ideas"/>
        </div>
    }
}
