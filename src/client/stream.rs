//! Live updates as the API streams them: Server-Sent Events read with the browser's
//! `EventSource`, each decoded into a [`LiveEvent`].
//!
//! A backend without a stream (or a browser without `EventSource`) simply means no live
//! updates: the widget never polls and never shows an error for it. A stream that drops is
//! retried by the browser itself.

use kindred_api::LiveEvent;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{EventSource, MessageEvent};

/// Follows the stream at `url` until the current owner is disposed, handing each event named
/// in `kinds` to `on_event`.
pub fn listen(url: &str, kinds: &[&str], mut on_event: impl FnMut(LiveEvent) + 'static) {
    let Ok(source) = EventSource::new(url) else {
        return;
    };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let decoded = event
            .data()
            .as_string()
            .and_then(|data| serde_json::from_str::<LiveEvent>(&data).ok());
        if let Some(decoded) = decoded {
            on_event(decoded);
        }
    });
    for kind in kinds {
        _ = source.add_event_listener_with_callback(kind, on_message.as_ref().unchecked_ref());
    }
    // A stream the backend does not offer fails for good; nothing to show either way.
    let on_error = Closure::<dyn FnMut()>::new(|| {});
    source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let held = SendWrapper::new((source, on_message, on_error));
    on_cleanup(move || held.0.close());
}
