//! Curating a board's ideas: find them by board and words, then change their status with a
//! public note, edit their tags, merge a duplicate into another idea, or pin one to the top
//! of its board.

mod merge;
mod row;
mod tags;

use kindred_api::{Idea, Page};
use leptos::prelude::*;

use crate::failure::LoadFailed;
use crate::places;
use crate::session::use_session;
use crate::text;
use row::IdeaRow;

/// How many ideas a search shows.
const SHOWN: u32 = 50;

/// The ideas section.
#[component]
pub fn IdeasSection() -> impl IntoView {
    let session = use_session();
    let boards = LocalResource::new(move || async move {
        let Some(api) = session.api_untracked() else {
            return Vec::new();
        };
        let places = places::load(&api).await.unwrap_or_default();
        places.into_iter().filter(|place| place.board).collect()
    });
    let board = RwSignal::new(String::new());
    let words = RwSignal::new(String::new());
    // The first board, once known, until the moderator picks another.
    Effect::new(move || {
        if let Some(first) = boards.with(|boards| boards.as_ref().and_then(|b| b.first().cloned()))
        {
            if board.with_untracked(String::is_empty) {
                board.set(first.slug);
            }
        }
    });
    let ideas = LocalResource::new(move || {
        let (board, words) = (board.get(), words.get());
        async move {
            let api = session.api_untracked()?;
            if board.is_empty() {
                return None;
            }
            let query = js_sys::encode_uri_component(words.trim());
            let path = format!("/v1/boards/{board}/ideas?sort=new&limit={SHOWN}&q={query}");
            Some(
                api.get_public::<Page<Idea>>(&path)
                    .await
                    .map(|page| page.items),
            )
        }
    });
    let search = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
    };
    view! {
        <section class="ideas" aria-labelledby="ideas-heading">
            <div class="queue__top">
                <h1 id="ideas-heading">{text::IDEAS}</h1>
            </div>
            <form class="ideas__find" role="search" on:submit=search>
                <label class="field field--inline">
                    <span>{text::BOARD}</span>
                    <select
                        data-testid="board-picker"
                        prop:value=board
                        on:change=move |event| board.set(event_target_value(&event))
                    >
                        {move || boards.get().unwrap_or_default().into_iter().map(|place| {
                            let label = format!("{} · {}", place.site, place.name);
                            view! { <option value=place.slug>{label}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label class="field field--inline">
                    <span>{text::SEARCH}</span>
                    <input
                        type="search"
                        data-testid="idea-search"
                        prop:value=words
                        on:change=move |event| words.set(event_target_value(&event))
                    />
                </label>
            </form>
            {move || match ideas.get().flatten() {
                None => view! { <p class="hint" role="status">{text::LOADING}</p> }.into_any(),
                Some(Err(error)) => view! {
                    <LoadFailed message=error.message() retry=Callback::new(move |()| ideas.refetch())/>
                }.into_any(),
                Some(Ok(found)) if found.is_empty() => view! {
                    <p class="empty" data-testid="no-ideas">{text::NO_IDEAS}</p>
                }.into_any(),
                Some(Ok(found)) => view! {
                    <ul class="queue__list" data-testid="ideas">
                        {found.into_iter().map(|idea| view! { <li><IdeaRow idea/></li> }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}
