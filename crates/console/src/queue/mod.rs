//! The moderation queue: everything that waits for a decision, newest first, page by page,
//! filtered by kind and by board or feed, and worked through by keyboard as well as by mouse.

mod bulk;
mod decision;
mod entry;
mod keys;
mod reject;
mod selection;
mod undo;

use kindred_api::moderation::{QueueItem, QueueKind};
use kindred_api::Page;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::counts::use_pending;
use crate::failure::LoadFailed;
use crate::places;
use crate::session::use_session;
use crate::text;
use bulk::BulkBar;
use decision::Decided;
use entry::QueueEntry;
pub use selection::{Key, Selection};
use undo::{LastDecision, UndoBar};

/// How many items a page of the queue holds.
const PAGE: u32 = 50;

/// Where loading the queue stands.
#[derive(Clone, Debug, PartialEq)]
enum Load {
    /// A page is on its way.
    Loading,
    /// The last page asked for is shown.
    Ready,
    /// The last page asked for could not be had, for this reason.
    Failed(String),
}

/// The queue's list, with its filter and paging.
#[component]
pub fn Queue() -> impl IntoView {
    let session = use_session();
    let pending = use_pending();
    let kind = RwSignal::new(None::<QueueKind>);
    // `board=<slug>` or `feed=<slug>`, or nothing for everywhere.
    let place = RwSignal::new(None::<String>);
    let known_places = LocalResource::new(move || async move {
        match session.api_untracked() {
            Some(api) => places::load(&api).await.unwrap_or_default(),
            None => Vec::new(),
        }
    });
    let items = RwSignal::new(Vec::<QueueItem>::new());
    let cursor = RwSignal::new(None::<String>);
    let load = RwSignal::new(Load::Loading);
    let announce = RwSignal::new(String::new());
    let selection = Selection::new();
    let last = RwSignal::new(None::<LastDecision>);
    // Answers to an earlier filter are dropped when they arrive late.
    let generation = StoredValue::new(0u32);
    let fetch = move |more: bool| {
        let Some(api) = session.api_untracked() else {
            return;
        };
        let mut path = format!("/v1/moderation/queue?order=newest&limit={PAGE}");
        if let Some(kind) = kind.get_untracked() {
            path.push_str(&format!("&kind={kind}"));
        }
        if let Some(place) = place.get_untracked() {
            path.push('&');
            path.push_str(&place);
        }
        if more {
            match cursor.get_untracked() {
                Some(next) => {
                    let next = js_sys::encode_uri_component(&next);
                    path.push_str(&format!("&cursor={next}"));
                }
                None => return,
            }
        } else {
            generation.update_value(|generation| *generation += 1);
            selection.clear();
            // Its items' places were in the list being replaced.
            last.set(None);
        }
        let asked = generation.get_value();
        load.set(Load::Loading);
        spawn_local(async move {
            let answer = api.get::<Page<QueueItem>>(&path).await;
            if generation.try_get_value() != Some(asked) {
                return;
            }
            match answer {
                Ok(page) => {
                    if more {
                        items.update(|items| items.extend(page.items));
                    } else {
                        items.set(page.items);
                    }
                    cursor.set(page.next_cursor);
                    load.set(Load::Ready);
                }
                Err(error) if error.is_unauthorized() => session.sign_out(),
                Err(error) => load.set(Load::Failed(error.message())),
            }
        });
    };
    Effect::new(move || {
        kind.track();
        place.track();
        fetch(false);
    });
    let shortcuts = window_event_listener(leptos::ev::keydown, |event| keys::handle(&event));
    on_cleanup(move || shortcuts.remove());
    // Takes decided items out of the list and the selection, says so, keeps the focus in the
    // list, and keeps the decision so that it can be taken back.
    let remove = move |decided: Decided| {
        let removed: Vec<(usize, QueueItem)> = items.with_untracked(|items| {
            items
                .iter()
                .enumerate()
                .filter(|(_, item)| decided.keys.contains(&Key::of(item)))
                .map(|(index, item)| (index, item.clone()))
                .collect()
        });
        items.update(|items| items.retain(|item| !decided.keys.contains(&Key::of(item))));
        for key in &decided.keys {
            selection.forget(key);
        }
        announce.set(decided.message.clone());
        pending.refresh();
        if let Some(&(index, _)) = removed.first() {
            request_animation_frame(move || keys::refocus(index));
        }
        last.set(Some(LastDecision {
            items: removed,
            blocked: decided.blocked,
            message: decided.message,
        }));
    };
    let bulk_done = Callback::new(remove);
    // Puts items back where they stood, says so, and focuses the first.
    let undone = Callback::new(move |back: Vec<(usize, QueueItem)>| {
        let Some(&(first, _)) = back.first() else {
            return;
        };
        announce.set(text::undone(back.len()));
        items.update(|items| {
            for (index, item) in back {
                let at = index.min(items.len());
                items.insert(at, item);
            }
        });
        pending.refresh();
        request_animation_frame(move || keys::focus_at(first));
    });
    let all_selected = move || {
        let shown = items.with(Vec::len);
        shown > 0 && selection.len() == shown
    };
    let select_all = move |_| {
        selection.toggle_all(items.with_untracked(|items| items.iter().map(Key::of).collect()));
    };
    let change_kind = move |event| {
        let value = event_target_value(&event);
        kind.set(value.parse().ok());
    };
    let change_place = move |event| {
        let value = event_target_value(&event);
        place.set((!value.is_empty()).then_some(value));
    };
    view! {
        <section class="queue" aria-labelledby="queue-heading">
            <div class="queue__top">
                <h1 id="queue-heading">{text::QUEUE}</h1>
                <label class="field field--inline">
                    <span>{text::KIND_FILTER}</span>
                    <select on:change=change_kind data-testid="kind-filter">
                        <option value="">{text::EVERY_KIND}</option>
                        {QueueKind::ALL
                            .into_iter()
                            .map(|kind| view! { <option value=kind.as_str()>{text::kinds(kind)}</option> })
                            .collect_view()}
                    </select>
                </label>
                <label class="field field--inline">
                    <span>{text::PLACE_FILTER}</span>
                    <select on:change=change_place data-testid="place-filter">
                        <option value="">{text::EVERYWHERE}</option>
                        {move || known_places.get().unwrap_or_default().into_iter().map(|place| {
                            let label = format!("{} · {}", place.site, text::place(place.board, &place.name));
                            view! { <option value=place.filter()>{label}</option> }
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <p class="hint">{text::SHORTCUTS}</p>
            <div class="queue__select">
                <label>
                    <input type="checkbox" prop:checked=all_selected on:change=select_all
                        data-testid="select-all"/>
                    {text::SELECT_ALL}
                </label>
            </div>
            <BulkBar items selection on_done=bulk_done/>
            <UndoBar last on_undone=undone/>
            <p class="sr-only" role="status">{move || announce.get()}</p>
            <ul class="queue__list" data-testid="queue">
                <For
                    each=move || items.get()
                    key=Key::of
                    children=move |item| {
                        view! { <li><QueueEntry item selection on_decided=remove/></li> }
                    }
                />
            </ul>
            {move || match load.get() {
                Load::Loading => view! { <p class="hint" role="status">{text::LOADING}</p> }.into_any(),
                Load::Failed(message) => view! {
                    <LoadFailed message retry=Callback::new(move |()| fetch(false))/>
                }.into_any(),
                Load::Ready if items.with(Vec::is_empty) => view! {
                    <p class="empty" data-testid="queue-empty">{text::QUEUE_EMPTY}</p>
                }.into_any(),
                Load::Ready => cursor.with(Option::is_some).then(|| view! {
                    <button type="button" class="button" on:click=move |_| fetch(true)>
                        {text::LOAD_MORE}
                    </button>
                }).into_any(),
            }}
        </section>
    }
}
