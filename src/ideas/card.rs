//! One idea on a board: status, title, excerpt, tags, byline, age and its vote button.

use kindred_api::Idea;
use leptos::prelude::*;

use super::excerpt::excerpt;
use super::follow::IdeaLink;
use super::store::use_store;
use super::tally::Tally;
use super::threshold::SupportMeter;
use super::vote::VoteButton;
use crate::i18n::{ago, use_catalog, use_locale};

/// Most characters of an idea's body shown on its card.
const EXCERPT_CHARS: usize = 180;

/// An idea as a card. User content is rendered as text only, never as markup.
#[component]
pub fn IdeaCard(
    /// The idea to show.
    idea: Idea,
) -> impl IntoView {
    let t = use_catalog();
    let initial = Tally::of(&idea);
    let idea_id = idea.id.to_string();
    let link_text = idea.title.clone();
    let Idea {
        id,
        title,
        body,
        status,
        tags,
        comment_count,
        author,
        created_at,
        threshold,
        ..
    } = idea;
    let store = use_store();
    let status = store.status(&id, status);
    let meter = threshold.map(|threshold| {
        let control = store.vote(&id, initial);
        view! { <SupportMeter control threshold/> }
    });
    let when = ago(use_locale(), &created_at).map(|text| {
        view! { <time class="card__fact" datetime=created_at>{text}</time> }
    });
    let body = (!body.trim().is_empty()).then(|| {
        view! { <p class="card__excerpt">{excerpt(&body, EXCERPT_CHARS).into_owned()}</p> }
    });
    let tags = (!tags.is_empty()).then(|| {
        view! {
            <ul class="tags" aria-label=t.tags()>
                {tags.into_iter().map(|tag| view! { <li class="tag">{tag}</li> }).collect_view()}
            </ul>
        }
    });
    view! {
        <article class="card" part="card" data-testid="idea-card" data-idea-id=idea_id>
            <div class="card__body">
                <span class=move || format!("badge badge--{}", status.get().as_str()) part="status">
                    {move || t.status(status.get())}
                </span>
                <h3 class="card__title" part="title">
                    <IdeaLink id=id.clone() class="card__link" testid="idea-link">{link_text}</IdeaLink>
                </h3>
                {body}
                {tags}
                {meter}
                <p class="card__meta">
                    <span class="card__fact">{t.author(&author.name)}</span>
                    {when}
                    <span class="card__fact">{t.comments(comment_count)}</span>
                </p>
            </div>
            <VoteButton id title initial/>
        </article>
    }
}
