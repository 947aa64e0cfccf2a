//! Ideas on the same board like this one, each a link to its own view, so a visitor finds
//! the discussion that already exists. Quietly absent when there are none or they cannot be
//! loaded: they are a pointer, not the content.

use kindred_api::IdeaId;
use leptos::prelude::*;

use crate::client::ApiClient;
use crate::i18n::use_catalog;
use crate::ideas::board::use_board;
use crate::ideas::follow::IdeaLink;

/// Most similar ideas shown.
const MAX_SIMILAR: usize = 5;

/// Ideas whose titles are like `title`, other than idea `id` itself.
#[component]
pub fn SimilarIdeas(
    /// The idea being shown, left out of the list.
    id: IdeaId,
    /// Its title, which the others are matched against.
    title: String,
) -> impl IntoView {
    let t = use_catalog();
    let client = expect_context::<ApiClient>();
    let board = use_board().slug;
    let similar = LocalResource::new(move || {
        let (client, board, title) = (client.clone(), board.clone(), title.clone());
        async move { client.similar_ideas(&board, &title).await }
    });
    move || {
        let ideas: Vec<_> = similar
            .get()
            .and_then(Result::ok)
            .map(|page| page.items)
            .unwrap_or_default()
            .into_iter()
            .filter(|idea| idea.id != id)
            .take(MAX_SIMILAR)
            .collect();
        (!ideas.is_empty()).then(|| {
            let items = ideas
                .into_iter()
                .map(|idea| {
                    view! {
                        <li class="related__item">
                            <IdeaLink id=idea.id class="related__link">{idea.title}</IdeaLink>
                            <span class="related__meta">
                                {t.status(idea.status)} " · " {t.votes(idea.vote_count)}
                            </span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="detail__section" data-testid="similar-ideas">
                    <h4 class="detail__subheading">{t.similar_heading()}</h4>
                    <ul class="related" part="related">{items}</ul>
                </section>
            }
        })
    }
}
