//! Live updates: the board's Server-Sent Events stream patches vote counts and statuses in
//! place as others vote and moderators decide, with no reload and no re-rendered cards, and
//! counts newly listed ideas for the list to offer.
//!
//! The stream itself is read by [`crate::client::listen`].

use kindred_api::LiveEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::query::ListQuery;
use super::store::IdeaStore;
use crate::client::{listen, ApiClient};

/// The event names the board's stream sends that the widget acts on.
const KINDS: [&str; 4] = ["votes", "status", "idea", "resync"];

/// Follows the stream of `board` until the current owner is disposed, applying what it
/// hears to `store`, whichever view shows the ideas. After a `resync` (the stream may have
/// missed events), the first page of the list `view` is fetched again to bring what is
/// shown up to date.
pub fn follow(client: ApiClient, board: String, store: IdeaStore, view: Memo<ListQuery>) {
    let url = client.base().board_events(&board);
    listen(&url, &KINDS, move |event| match event {
        LiveEvent::Votes {
            idea_id,
            vote_count,
        } => store.heard_count(&idea_id, vote_count),
        LiveEvent::Status {
            idea_id, status, ..
        } => store.heard_status(&idea_id, status),
        LiveEvent::Idea { .. } => store.heard_new_idea(),
        LiveEvent::Resync => {
            let (client, board) = (client.clone(), board.clone());
            let view = view.get_untracked();
            spawn_local(async move {
                if let Ok(page) = client.list_ideas(&board, &view, None).await {
                    page.items.iter().for_each(|idea| store.refresh(idea));
                }
            });
        }
        _ => {}
    });
}
