//! The prompt shown where a board (or a feed) keeps an action for signed-in members and the
//! visitor is anonymous. Its button asks the host page to sign the visitor in (`kindred:signin`); the
//! page answers with `Kindred.identify(token)` and the widget re-renders as that member.

use leptos::prelude::*;

use super::board::use_board;
use super::rules::Action;
use crate::events::{use_events, Source};
use crate::i18n::use_catalog;

/// Why the visitor must sign in first, with a button that asks the page to sign them in.
#[component]
pub fn SignInPrompt(
    /// What the visitor wanted to do.
    action: Action,
    /// The feed asking, where it is not the board in context.
    #[prop(optional, into)]
    feed: Option<String>,
) -> impl IntoView {
    let t = use_catalog();
    let events = use_events();
    let board = feed.is_none().then(|| use_board().slug);
    let signin = move |_| match (&feed, &board) {
        (Some(feed), _) => events.signin(Source::Feed(feed), action.as_str()),
        (None, Some(board)) => events.signin(Source::Board(board), action.as_str()),
        (None, None) => {}
    };
    view! {
        <div class="signin" part="signin" data-testid="signin-prompt" data-action=action.as_str()>
            <p class="signin__text">{t.signin_needed(action)}</p>
            <button
                type="button"
                class="button"
                part="signin-button"
                data-testid="signin"
                on:click=signin
            >
                {t.signin()}
            </button>
        </div>
    }
}
