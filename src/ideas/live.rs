//! Live updates: the board's Server-Sent Events stream patches vote counts and statuses in
//! place as others vote and moderators decide, with no reload and no re-rendered cards, and
//! counts newly listed ideas for the list to offer.
//!
//! A backend without a stream (or a browser without `EventSource`) simply means no live
//! updates: the widget never polls and never shows an error for it.

use kindred_api::LiveEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{EventSource, MessageEvent};

use super::query::ListQuery;
use super::store::IdeaStore;
use crate::client::ApiClient;

/// The event names the board's stream sends that the widget acts on.
const KINDS: [&str; 4] = ["votes", "status", "idea", "resync"];

/// Follows the stream of `board` until the current owner is disposed, applying what it
/// hears to `store`, whichever view shows the ideas. After a `resync` (the stream may have
/// missed events), the first page of the list `view` is fetched again to bring what is
/// shown up to date.
pub fn follow(client: ApiClient, board: String, store: IdeaStore, view: Memo<ListQuery>) {
    let url = client.base().board_events(&board);
    let Ok(source) = EventSource::new(&url) else {
        return;
    };
    let on_event = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(data) = event.data().as_string() else {
            return;
        };
        match serde_json::from_str::<LiveEvent>(&data) {
            Ok(LiveEvent::Votes {
                idea_id,
                vote_count,
            }) => store.heard_count(&idea_id, vote_count),
            Ok(LiveEvent::Status {
                idea_id, status, ..
            }) => store.heard_status(&idea_id, status),
            Ok(LiveEvent::Idea { .. }) => store.heard_new_idea(),
            Ok(LiveEvent::Resync) => {
                let (client, board) = (client.clone(), board.clone());
                let view = view.get_untracked();
                spawn_local(async move {
                    if let Ok(page) = client.list_ideas(&board, &view, None).await {
                        page.items.iter().for_each(|idea| store.refresh(idea));
                    }
                });
            }
            _ => {}
        }
    });
    for kind in KINDS {
        _ = source.add_event_listener_with_callback(kind, on_event.as_ref().unchecked_ref());
    }
    // A stream the backend does not offer fails for good (the browser stops retrying); one
    // that drops is retried by the browser itself. Either way there is nothing to show.
    let on_error = Closure::<dyn FnMut()>::new(|| {});
    source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let held = SendWrapper::new((source, on_event, on_error));
    on_cleanup(move || held.0.close());
}
