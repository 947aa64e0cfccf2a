//! The carousel's controls: buttons that scroll the row of posts one post back or on, and the
//! arrow keys doing the same while the row has focus. Swiping is the browser's own scrolling;
//! scroll snapping (in the stylesheet) stops each move on a post.

use leptos::html::Ul;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent, ScrollToOptions};

use crate::i18n::{use_catalog, use_locale};

/// Which way to scroll, in reading order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Back,
    On,
}

/// Scrolls `row` by one post in `step`'s direction (mirrored for right-to-left locales).
fn scroll(row: &HtmlElement, step: Step, rtl: bool) {
    let Some(first) = row.first_element_child() else {
        return;
    };
    // Scroll snapping settles the move on the next post, whatever the gap.
    let width = first.get_bounding_client_rect().width();
    let forward = (step == Step::On) != rtl;
    let options = ScrollToOptions::new();
    options.set_left(if forward { width } else { -width });
    // Smoothly or not, as the stylesheet's `scroll-behavior` says (not for reduced motion).
    row.scroll_by_with_scroll_to_options(&options);
}

/// Handles the arrow keys on the carousel's row.
pub fn on_arrow_key(row: NodeRef<Ul>) -> impl Fn(KeyboardEvent) + Copy + 'static {
    let rtl = use_locale().is_rtl();
    move |event: KeyboardEvent| {
        let step = match event.key().as_str() {
            "ArrowLeft" => Step::Back,
            "ArrowRight" => Step::On,
            _ => return,
        };
        // Arrow keys follow the screen, not the reading order.
        let step = if rtl { flip(step) } else { step };
        if let Some(row) = row.get_untracked() {
            event.prevent_default();
            scroll(row.unchecked_ref(), step, rtl);
        }
    }
}

fn flip(step: Step) -> Step {
    match step {
        Step::Back => Step::On,
        Step::On => Step::Back,
    }
}

/// The buttons that move the carousel `row` one post back or on.
#[component]
pub fn CarouselButtons(
    /// The row of posts.
    row: NodeRef<Ul>,
) -> impl IntoView {
    let t = use_catalog();
    let rtl = use_locale().is_rtl();
    let go = move |step| {
        move |_| {
            if let Some(row) = row.get_untracked() {
                scroll(row.unchecked_ref(), step, rtl);
            }
        }
    };
    view! {
        <div class="carousel__buttons">
            <button type="button" class="round-button" part="carousel-button" data-testid="carousel-previous" aria-label=t.previous_posts() on:click=go(Step::Back)>
                <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M10 3 5 8l5 5"></path></svg>
            </button>
            <button type="button" class="round-button" part="carousel-button" data-testid="carousel-next" aria-label=t.next_posts() on:click=go(Step::On)>
                <svg viewBox="0 0 16 16" aria-hidden="true"><path d="m6 3 5 5-5 5"></path></svg>
            </button>
        </div>
    }
}
