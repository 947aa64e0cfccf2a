//! The queue's keyboard shortcuts, for speed through a long queue: `j` and `k` move to the
//! next and previous item, `a` approves the item in focus, `r` opens its rejection, `u` takes
//! the last decision back. Keys typed into a field, or with a modifier, are left alone.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent, ScrollIntoViewOptions, ScrollLogicalPosition};

/// What marks an item of the queue in the page.
const ITEM: &str = "[data-testid=\"queue-item\"]";

/// Acts on `event` when it is one of the shortcuts.
pub fn handle(event: &KeyboardEvent) {
    if event.ctrl_key() || event.meta_key() || event.alt_key() || typing(event) {
        return;
    }
    let done = match event.key().as_str() {
        "j" => step(1),
        "k" => step(-1),
        "a" => press("[data-testid=\"approve\"]"),
        "r" => press("[data-testid=\"reject\"]"),
        "u" => click(
            document().and_then(|d| d.query_selector("[data-testid=\"undo\"]").ok().flatten()),
        ),
        _ => false,
    };
    if done {
        event.prevent_default();
    }
}

/// After the item at `index` left the list, focuses the item now in its place (or the last)
/// when the focus went with it.
pub fn refocus(index: usize) {
    let focus_lost = document()
        .and_then(|document| document.active_element())
        .is_none_or(|active| active.closest(ITEM).ok().flatten().is_none());
    let items = items();
    if focus_lost && !items.is_empty() {
        focus(&items[index.min(items.len() - 1)]);
    }
}

/// Focuses the item at `index` (or the last).
pub fn focus_at(index: usize) {
    let items = items();
    if let Some(item) = items.get(index).or(items.last()) {
        focus(item);
    }
}

/// The position of the item that holds the focus, if one does.
fn focused_index() -> Option<usize> {
    let current = current()?;
    items().iter().position(|item| *item == current)
}

fn typing(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
        .is_some_and(|element| {
            matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || element
                    .closest("[contenteditable]")
                    .ok()
                    .flatten()
                    .is_some()
        })
}

fn step(by: isize) -> bool {
    let items = items();
    if items.is_empty() {
        return false;
    }
    let next = match focused_index() {
        Some(index) => index.saturating_add_signed(by).min(items.len() - 1),
        None => 0,
    };
    focus(&items[next]);
    true
}

/// Clicks `button` of the item in focus, if it has one.
fn press(button: &str) -> bool {
    click(current().and_then(|item| item.query_selector(button).ok().flatten()))
}

/// Clicks `target` when it is an element that can be clicked.
fn click(target: Option<Element>) -> bool {
    match target.and_then(|button| button.dyn_into::<HtmlElement>().ok()) {
        Some(button) => {
            button.click();
            true
        }
        None => false,
    }
}

fn focus(item: &Element) {
    if let Some(item) = item.dyn_ref::<HtmlElement>() {
        _ = item.focus();
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Nearest);
        item.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

fn current() -> Option<Element> {
    document()?.active_element()?.closest(ITEM).ok().flatten()
}

fn items() -> Vec<Element> {
    let Some(list) = document().and_then(|document| document.query_selector_all(ITEM).ok()) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|index| list.item(index)?.dyn_into::<Element>().ok())
        .collect()
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}
