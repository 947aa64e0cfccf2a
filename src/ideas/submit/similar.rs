//! Ideas already on the board that look like the title being typed, each with its vote
//! button, so a visitor can back an existing idea instead of posting a duplicate. Looked up
//! once typing pauses, and announced politely.

use std::time::Duration;

use kindred_api::SimilarIdea;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::draft::worth_searching;
use crate::client::ApiClient;
use crate::i18n::use_catalog;
use crate::ideas::board::use_board;
use crate::ideas::follow::IdeaLink;
use crate::ideas::store::use_store;
use crate::ideas::tally::Tally;
use crate::ideas::vote::VoteButton;
use crate::ui::{unique_id, Pause};

/// How long typing must pause before the title is looked up.
const PAUSE: Duration = Duration::from_millis(300);

/// The ideas like `title`, under a heading, once there are any.
#[component]
pub fn SimilarIdeas(
    /// The title being typed.
    title: Signal<String>,
) -> impl IntoView {
    let t = use_catalog();
    let client = expect_context::<ApiClient>();
    let board = use_board().slug;
    let found = RwSignal::new(Vec::<SimilarIdea>::new());
    let pause = Pause::new();
    Effect::new(move || {
        let text = title.get().trim().to_owned();
        pause.cancel();
        if !worth_searching(&text) {
            found.set(Vec::new());
            return;
        }
        let (client, board) = (client.clone(), board.clone());
        let search = move || {
            spawn_local(async move {
                // A failed lookup only means no suggestions: the form works without them.
                let Ok(page) = client.similar_ideas(&board, &text).await else {
                    return;
                };
                // An answer for a title since changed is dropped.
                if title.try_get_untracked().as_deref().map(str::trim) == Some(text.as_str()) {
                    found.try_set(page.items);
                }
            });
        };
        pause.restart(PAUSE, search);
    });
    let heading = unique_id("similar");
    let labelled_by = heading.clone();
    let count = move || found.with(Vec::len);
    view! {
        <p class="sr-only" role="status" data-testid="similar-status">
            {move || (count() > 0).then(|| t.similar_found(count() as u32))}
        </p>
        <Show when=move || { count() > 0 }>
            <section class="similar" part="similar" aria-labelledby=labelled_by.clone()>
                <h4 class="similar__heading" id=heading.clone()>{t.similar_while_typing()}</h4>
                <ul class="similar__list" role="list">
                    <For
                        each=move || found.get()
                        key=|idea| idea.id.clone()
                        children=|idea| view! { <Suggestion idea/> }
                    />
                </ul>
            </section>
        </Show>
    }
}

/// One similar idea: its title, linking to it, and its vote button.
#[component]
fn Suggestion(idea: SimilarIdea) -> impl IntoView {
    let t = use_catalog();
    // A suggestion does not say whether this visitor backs it: the board's own state says so
    // for an idea it has shown; otherwise a vote is idempotent, and the server's answer shows
    // the truth.
    let initial = use_store().shown_tally(&idea.id).unwrap_or(Tally {
        count: idea.vote_count,
        voted: false,
    });
    let SimilarIdea {
        id, title, status, ..
    } = idea;
    let text = title.clone();
    view! {
        <li class="similar__item" data-testid="similar-idea">
            <div class="similar__text">
                <span class=format!("badge badge--{}", status.as_str())>{t.status(status)}</span>
                <IdeaLink id=id.clone() class="similar__link">{text}</IdeaLink>
            </div>
            <VoteButton id title initial/>
        </li>
    }
}
