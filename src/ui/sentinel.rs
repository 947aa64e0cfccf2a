//! Infinite scrolling: an element that asks for more when it comes near the viewport, so a
//! list grows as the visitor scrolls without them reaching for a button.

use leptos::html::Div;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// How far ahead of the viewport the element counts as seen: half a screen.
const AHEAD: &str = "0px 0px 50% 0px";

/// Calls `on_near` each time the element behind `node` comes within half a viewport of
/// being seen, and each time `recheck` (tracked) changes while it is still that near, until
/// the current owner is disposed. Browsers without `IntersectionObserver` get no calls (the
/// list's button still works).
pub fn when_near(node: NodeRef<Div>, recheck: impl Fn() + 'static, on_near: impl Fn() + 'static) {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let near = entries.iter().any(|entry| {
            entry
                .dyn_into::<IntersectionObserverEntry>()
                .is_ok_and(|entry| entry.is_intersecting())
        });
        if near {
            on_near();
        }
    });
    let init = IntersectionObserverInit::new();
    init.set_root_margin(AHEAD);
    let Ok(observer) =
        IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init)
    else {
        return;
    };
    let watched = SendWrapper::new(observer.clone());
    // Observing anew reports where the element is now, crossing or not.
    Effect::new(move || {
        recheck();
        if let Some(element) = node.get() {
            watched.disconnect();
            watched.observe(&element);
        }
    });
    let held = SendWrapper::new((observer, callback));
    on_cleanup(move || held.0.disconnect());
}
