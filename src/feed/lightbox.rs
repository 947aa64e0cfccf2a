//! The lightbox: one post large, in a modal dialog. The browser's own modal `<dialog>` keeps
//! focus inside (the rest of the page is inert) and closes on Escape; focus then returns to
//! the photo that opened it. The arrow keys, the previous and next buttons and a swipe move
//! between the posts loaded. A post reported here leaves the feed once the visitor moves on
//! from it or closes the lightbox.

use kindred_api::{Post, PostId};
use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, KeyboardEvent, PointerEvent};

use super::photo::PostPhoto;
use super::report::ReportPost;
use super::shop::ShopTheLook;
use super::source::SourceLine;
use super::words::{PostWords, When};
use crate::client::adapter::spec::OperationName;
use crate::client::ApiClient;
use crate::i18n::{use_catalog, use_locale};
use crate::ui::Pages;

/// How far a pointer must travel sideways, in CSS pixels, to count as a swipe.
const SWIPE: i32 = 48;

/// The post open in the lightbox, by its place in the list of posts loaded.
#[derive(Clone, Copy)]
pub struct Opened {
    /// The index of the open post; `None` while the lightbox is closed.
    pub index: RwSignal<Option<usize>>,
}

impl Opened {
    /// Nothing open.
    pub fn new() -> Self {
        Self {
            index: RwSignal::new(None),
        }
    }
}

impl Default for Opened {
    fn default() -> Self {
        Self::new()
    }
}

/// The index `step` posts away from `index` among `len`, if there is one.
pub fn neighbour(index: usize, step: isize, len: usize) -> Option<usize> {
    index.checked_add_signed(step).filter(|&next| next < len)
}

/// Where the lightbox goes when the post at `index` has just left a list now `len` long and
/// the visitor asked for the one `step` away: the post that took its place going forward,
/// the one before it going back, staying within the list; `None` when the list is empty.
pub fn after_removal(index: usize, step: isize, len: usize) -> Option<usize> {
    let wanted = if step > 0 {
        index
    } else {
        index.saturating_sub(1)
    };
    len.checked_sub(1).map(|last| wanted.min(last))
}

/// Whether `event` happened in a form control, whose keys and pointer moves are its own.
fn in_control(event: &Event) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
        .and_then(|element| element.closest("input, textarea, select, form").ok())
        .flatten()
        .is_some()
}

/// The lightbox over the posts of `pages`, showing the one `opened` names.
#[component]
pub fn Lightbox(
    /// The posts loaded.
    pages: Pages<Post>,
    /// Which one is open.
    opened: Opened,
    /// Where focus goes back to when the lightbox closes: the opener of post `id`.
    on_closed: Callback<String>,
) -> impl IntoView {
    let t = use_catalog();
    let rtl = use_locale().is_rtl();
    let dialog = NodeRef::<Dialog>::new();
    let len = move || pages.items.with(Vec::len);
    let post = move || {
        opened
            .index
            .get()
            .and_then(|index| pages.items.with(|posts| posts.get(index).cloned()))
    };
    let last_id = StoredValue::new(String::new());
    let reported = StoredValue::new(None::<PostId>);
    // Takes the reported post out of the feed, answering whether there was one.
    let drop_reported = move || {
        let Some(id) = reported.get_value() else {
            return false;
        };
        reported.set_value(None);
        pages
            .items
            .update(|posts| posts.retain(|post| post.id != id));
        true
    };
    // Opening and closing follow `opened`; the browser's modal keeps focus inside.
    Effect::new(move || {
        let Some(element) = dialog.get() else {
            return;
        };
        match (opened.index.get().is_some(), element.open()) {
            (true, false) => _ = element.show_modal(),
            (false, true) => element.close(),
            _ => {}
        }
    });
    let go = move |step: isize| {
        let Some(current) = opened.index.get_untracked() else {
            return;
        };
        let removed = drop_reported();
        let len = pages.items.with_untracked(Vec::len);
        if removed {
            opened.index.set(after_removal(current, step, len));
        } else if let Some(next) = neighbour(current, step, len) {
            opened.index.set(Some(next));
        }
    };
    let keydown = move |event: KeyboardEvent| {
        if in_control(&event) {
            return;
        }
        let step = match event.key().as_str() {
            "ArrowLeft" => -1,
            "ArrowRight" => 1,
            _ => return,
        };
        event.prevent_default();
        go(if rtl { -step } else { step });
    };
    let swipe_from = StoredValue::new(None::<i32>);
    let pointerdown = move |event: PointerEvent| {
        let from = (!in_control(&event)).then(|| event.client_x());
        swipe_from.set_value(from);
    };
    let pointerup = move |event: PointerEvent| {
        if let Some(from) = swipe_from.get_value() {
            swipe_from.set_value(None);
            let moved = event.client_x() - from;
            if moved.abs() >= SWIPE {
                // A swipe to the left brings the next post, as pages turn.
                let step = if moved < 0 { 1 } else { -1 };
                go(if rtl { -step } else { step });
            }
        }
    };
    let close = move |_| opened.index.set(None);
    // Escape closes the dialog itself; either way, the list learns it and focus goes back,
    // to the post that took a reported one's place.
    let closed = move |_| {
        let index = opened.index.get_untracked();
        let mut focus = last_id.get_value();
        if drop_reported() {
            let len = pages.items.with_untracked(Vec::len);
            focus = index
                .and_then(|index| after_removal(index, 1, len))
                .and_then(|index| {
                    pages
                        .items
                        .with_untracked(|posts| posts.get(index).map(|post| post.id.0.clone()))
                })
                .unwrap_or_default();
        }
        opened.index.set(None);
        on_closed.run(focus);
    };
    let on_reported = Callback::new(move |id: PostId| reported.set_value(Some(id)));
    let at_start = move || opened.index.get().is_none_or(|index| index == 0);
    let at_end = move || opened.index.get().is_none_or(|index| index + 1 >= len());
    view! {
        <dialog
            class="lightbox"
            part="lightbox"
            data-testid="lightbox"
            node_ref=dialog
            aria-label=move || post().map(|post| t.photo_by(&post.author.name))
            on:keydown=keydown
            on:pointerdown=pointerdown
            on:pointerup=pointerup
            on:close=closed
        >
            <div class="lightbox__bar">
                <p class="lightbox__position" data-testid="lightbox-position">
                    {move || opened.index.get().map(|index| t.position(index + 1, len()))}
                </p>
                <button type="button" class="round-button" data-testid="lightbox-previous" aria-label=t.previous_photo() aria-disabled=move || at_start().then_some("true") on:click=move |_| go(-1)>
                    <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M10 3 5 8l5 5"></path></svg>
                </button>
                <button type="button" class="round-button" data-testid="lightbox-next" aria-label=t.next_photo() aria-disabled=move || at_end().then_some("true") on:click=move |_| go(1)>
                    <svg viewBox="0 0 16 16" aria-hidden="true"><path d="m6 3 5 5-5 5"></path></svg>
                </button>
                <button type="button" class="round-button" data-testid="lightbox-close" aria-label=t.close() on:click=close>
                    <svg viewBox="0 0 16 16" aria-hidden="true"><path d="m4 4 8 8M12 4l-8 8"></path></svg>
                </button>
            </div>
            {move || post().map(|post| {
                last_id.set_value(post.id.0.clone());
                view! { <LightboxPost post on_reported/> }
            })}
        </dialog>
    }
}

/// The open post: its photo large, the whole caption, who posted it and when, its likes,
/// where it was first published, the products it shows and, where the API takes reports, a
/// way to report it. Once reported, its photo is veiled.
#[component]
fn LightboxPost(
    post: Post,
    /// Called once the visitor reported the post.
    on_reported: Callback<PostId>,
) -> impl IntoView {
    let id = post.id.clone();
    let post_id = id.0.clone();
    let (image, alt) = (post.image.clone(), post.alt.clone());
    let tags = post.product_tags.clone();
    let source = post.source.clone();
    let veiled = RwSignal::new(false);
    let reportable = expect_context::<ApiClient>().offers(OperationName::Report);
    let on_reported = Callback::new(move |id| {
        veiled.set(true);
        on_reported.run(id);
    });
    view! {
        <figure
            class="lightbox__post"
            class:lightbox__post--reported=move || veiled.get()
            data-testid="lightbox-post"
            data-post-id=post_id
        >
            <PostPhoto image alt sizes="(min-width: 60em) 50em, 100vw"/>
            <figcaption class="lightbox__text">
                <PostWords post when=When::Date/>
                <SourceLine source/>
                <ShopTheLook tags/>
                {reportable.then(|| view! { <ReportPost id on_reported/> })}
            </figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbours_stay_within_the_posts() {
        assert_eq!(neighbour(0, 1, 3), Some(1));
        assert_eq!(neighbour(2, 1, 3), None);
        assert_eq!(neighbour(0, -1, 3), None);
        assert_eq!(neighbour(2, -1, 3), Some(1));
        assert_eq!(neighbour(0, 1, 0), None);
    }

    #[test]
    fn after_a_removal_the_lightbox_stays_within_the_posts_left() {
        // Forward: the post that moved into the removed one's place.
        assert_eq!(after_removal(1, 1, 3), Some(1));
        // Forward from the last: the new last.
        assert_eq!(after_removal(3, 1, 3), Some(2));
        // Back: the one before; from the first, the new first.
        assert_eq!(after_removal(2, -1, 3), Some(1));
        assert_eq!(after_removal(0, -1, 3), Some(0));
        assert_eq!(after_removal(0, 1, 0), None);
    }
}
