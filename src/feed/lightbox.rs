//! The lightbox: one post large, in a modal dialog. The browser's own modal `<dialog>` keeps
//! focus inside (the rest of the page is inert) and closes on Escape; focus then returns to
//! the photo that opened it. The arrow keys, the previous and next buttons and a swipe move
//! between the posts loaded.

use kindred_api::Post;
use leptos::html::Dialog;
use leptos::prelude::*;
use web_sys::{KeyboardEvent, PointerEvent};

use super::photo::PostPhoto;
use super::words::{PostWords, When};
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
        opened.index.update(|index| {
            if let Some(current) = *index {
                if let Some(next) = neighbour(current, step, len()) {
                    *index = Some(next);
                }
            }
        });
    };
    let keydown = move |event: KeyboardEvent| {
        let step = match event.key().as_str() {
            "ArrowLeft" => -1,
            "ArrowRight" => 1,
            _ => return,
        };
        event.prevent_default();
        go(if rtl { -step } else { step });
    };
    let swipe_from = StoredValue::new(None::<i32>);
    let pointerdown = move |event: PointerEvent| swipe_from.set_value(Some(event.client_x()));
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
    // Escape closes the dialog itself; either way, the list learns it and focus goes back.
    let closed = move |_| {
        opened.index.set(None);
        on_closed.run(last_id.get_value());
    };
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
                view! { <LightboxPost post/> }
            })}
        </dialog>
    }
}

/// The open post: its photo large, the whole caption, who posted it and when, and its likes.
#[component]
fn LightboxPost(post: Post) -> impl IntoView {
    let post_id = post.id.0.clone();
    let (image, alt) = (post.image.clone(), post.alt.clone());
    view! {
        <figure class="lightbox__post" data-testid="lightbox-post" data-post-id=post_id>
            <PostPhoto image alt sizes="(min-width: 60em) 50em, 100vw"/>
            <figcaption class="lightbox__text">
                <PostWords post when=When::Date/>
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
}
