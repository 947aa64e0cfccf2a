//! A board's rules: its name and description, the supporters an idea needs to cross its
//! threshold, how many ideas one visitor may support, whether ideas and comments wait for
//! review, and what anonymous visitors may do.

use kindred_api::moderation::{BoardSettings, UpdateBoard};
use kindred_api::FieldErrors;
use leptos::prelude::*;

use super::fields::{count, shown, CheckField, TextField};
use super::saving::{SaveButton, Saving};
use crate::text;

/// The settings form of `board`.
#[component]
pub fn BoardForm(
    /// The board as the server keeps it.
    board: BoardSettings,
) -> impl IntoView {
    let slug = StoredValue::new(board.slug.clone());
    let id = move |field: &str| format!("board-{}-{field}", slug.get_value());
    let name = RwSignal::new(board.name);
    let description = RwSignal::new(board.description);
    let threshold = RwSignal::new(shown(board.supporter_threshold));
    let cap = RwSignal::new(shown(board.vote_cap));
    let premoderation = RwSignal::new(board.premoderation);
    let premoderate_comments = RwSignal::new(board.premoderate_comments);
    let anonymous_posts = RwSignal::new(board.allow_anonymous_posts);
    let anonymous_votes = RwSignal::new(board.allow_anonymous_votes);
    let saving = Saving::new();
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (Ok(supporter_threshold), Ok(vote_cap)) = (
            count(&threshold.get_untracked()),
            count(&cap.get_untracked()),
        ) else {
            let mut errors = FieldErrors::new();
            for (key, typed) in [("supporter_threshold", threshold), ("vote_cap", cap)] {
                if count(&typed.get_untracked()).is_err() {
                    errors.insert(key.to_owned(), vec!["invalid".to_owned()]);
                }
            }
            return saving.refuse(errors);
        };
        let body = UpdateBoard {
            name: Some(name.get_untracked()),
            description: Some(description.get_untracked()),
            supporter_threshold: Some(supporter_threshold),
            vote_cap: Some(vote_cap),
            premoderation: Some(premoderation.get_untracked()),
            premoderate_comments: Some(premoderate_comments.get_untracked()),
            allow_anonymous_posts: Some(anonymous_posts.get_untracked()),
            allow_anonymous_votes: Some(anonymous_votes.get_untracked()),
            ..UpdateBoard::default()
        };
        let path = format!("/v1/moderation/boards/{}", slug.get_value());
        saving.send(false, path, body, |_: BoardSettings| {});
    };
    let errors = saving.errors;
    view! {
        <form class="settings__form" on:submit=save data-testid="board-form">
            <TextField id=id("name") label=text::NAME key="name" value=name errors/>
            <TextField id=id("description") label=text::DESCRIPTION key="description"
                value=description errors multiline=true/>
            <TextField id=id("threshold") label=text::THRESHOLD key="supporter_threshold"
                value=threshold errors hint=text::THRESHOLD_HINT/>
            <TextField id=id("cap") label=text::VOTE_CAP key="vote_cap" value=cap errors
                hint=text::VOTE_CAP_HINT/>
            <CheckField label=text::PREMODERATE_IDEAS value=premoderation/>
            <CheckField label=text::PREMODERATE_COMMENTS value=premoderate_comments/>
            <CheckField label=text::ANONYMOUS_POSTS value=anonymous_posts/>
            <CheckField label=text::ANONYMOUS_VOTES value=anonymous_votes/>
            <SaveButton saving label=text::SAVE_BOARD testid="save-board"/>
        </form>
    }
}
