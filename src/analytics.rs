//! Privacy-friendly reach figures: each mounted widget reports, once per page load, that a
//! visitor saw it, so the brand can set votes and submissions against how many people the
//! widgets reached.
//!
//! A widget counts as seen once at least half of it is visible, or, for one taller than the
//! screen, once it fills at least half the screen. Events from every widget on the page wait
//! [`FLUSH_DELAY`] for each other, or until the page is hidden or left, and then go out
//! together with `navigator.sendBeacon` as `text/plain` JSON (no preflight, and the browser
//! delivers it even as the page unloads). A browser without `sendBeacon`, or one that refuses
//! a beacon, simply sends nothing: the figures are not worth an error or a retry.
//!
//! Nothing here runs before the widget is mounted or holds up its rendering: watching starts
//! after the first render and reacts to the browser's callbacks only. Only the anonymous
//! visitor id and the place's slug are sent. `data-analytics="off"` turns it off, and widgets
//! that talk to another backend through an adapter never report, since only Kindred's own
//! server has the endpoint.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use kindred_api::insights::{EngagementBatch, EngagementEvent, PlaceKind, EVENTS_MAX};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    HtmlElement, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit,
};

use crate::config::{AdapterChoice, WidgetConfig, WidgetKind};

/// How long events wait for others before they are sent together.
pub const FLUSH_DELAY: Duration = Duration::from_secs(2);

/// The share of a widget, or of the screen, that must be in view for it to count as seen.
const SEEN_SHARE: f64 = 0.5;

/// The visible shares at which the browser checks again: fine steps low down, so that a
/// widget many screens tall is noticed as it scrolls in.
const THRESHOLDS: [f64; 6] = [0.0, 0.05, 0.1, 0.25, 0.5, 1.0];

/// Where a widget with `config` reports to and what it reports; `None` when it reports
/// nothing (`data-analytics="off"`, an adapter for another backend, or an author's preview of
/// a form, which no visitor sees).
pub fn seen_event(config: &WidgetConfig) -> Option<(String, EngagementEvent)> {
    let own_server = matches!(config.adapter, None | Some(AdapterChoice::Kindred));
    if !config.analytics || !own_server {
        return None;
    }
    let (kind, slug) = match &config.kind {
        WidgetKind::Ideas { board, .. } => (PlaceKind::Board, board),
        WidgetKind::Feed { feed, .. } => (PlaceKind::Feed, feed),
        WidgetKind::Form { form } => (PlaceKind::Form, form),
        WidgetKind::FormPreview { .. } => return None,
    };
    let url = config.api.site_engagement(&config.site);
    Some((url, EngagementEvent::seen(kind, slug)))
}

/// Whether a widget counts as seen: `ratio` of it visible, `visible` pixels of it tall in a
/// viewport `viewport` pixels tall.
pub fn is_seen(ratio: f64, visible: f64, viewport: f64) -> bool {
    ratio >= SEEN_SHARE || (viewport > 0.0 && visible >= viewport * SEEN_SHARE)
}

/// Events waiting to be sent, grouped by the address they go to, in the order they came.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outbox(Vec<(String, Vec<EngagementEvent>)>);

impl Outbox {
    /// Adds `event` for `url`.
    pub fn push(&mut self, url: &str, event: EngagementEvent) {
        match self.0.iter_mut().find(|(to, _)| to == url) {
            Some((_, events)) => events.push(event),
            None => self.0.push((url.to_owned(), vec![event])),
        }
    }

    /// Empties the outbox into request bodies for `visitor`: one per address and up to
    /// [`EVENTS_MAX`] events, with the address each goes to.
    pub fn drain(&mut self, visitor: &str) -> Vec<(String, String)> {
        let mut bodies = Vec::new();
        for (url, events) in std::mem::take(&mut self.0) {
            for chunk in events.chunks(EVENTS_MAX) {
                let batch = EngagementBatch {
                    visitor: visitor.to_owned(),
                    events: chunk.to_vec(),
                };
                if let Ok(body) = serde_json::to_string(&batch) {
                    bodies.push((url.clone(), body));
                }
            }
        }
        bodies
    }
}

thread_local! {
    static OUTBOX: RefCell<Outbox> = RefCell::default();
    static FLUSH_PENDING: Cell<bool> = const { Cell::new(false) };
    static LISTENING: Cell<bool> = const { Cell::new(false) };
}

/// Watches a mounted widget until it is seen; dropping it stops watching.
pub struct SeenWatch {
    observer: IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array, IntersectionObserver)>,
}

impl Drop for SeenWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Starts watching `host` and queues `event` for `url` (see [`seen_event`]) the first time
/// its widget is seen; `None` when the browser cannot watch.
pub fn watch(host: &HtmlElement, url: String, event: EngagementEvent) -> Option<SeenWatch> {
    let mut pending = Some((url, event));
    let callback = Closure::<dyn FnMut(js_sys::Array, IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: IntersectionObserver| {
            let viewport = web_sys::window()
                .and_then(|window| window.inner_height().ok())
                .and_then(|height| height.as_f64())
                .unwrap_or(0.0);
            let seen = entries.iter().any(|entry| {
                entry
                    .dyn_into::<IntersectionObserverEntry>()
                    .is_ok_and(|entry| {
                        let visible = entry.intersection_rect().height();
                        entry.is_intersecting()
                            && is_seen(entry.intersection_ratio(), visible, viewport)
                    })
            });
            if let Some((url, event)) = pending.take_if(|_| seen) {
                observer.disconnect();
                queue(&url, event);
            }
        },
    );
    let init = IntersectionObserverInit::new();
    let thresholds: js_sys::Array = THRESHOLDS.into_iter().map(JsValue::from_f64).collect();
    init.set_threshold(&thresholds);
    let observer =
        IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init).ok()?;
    observer.observe(host);
    Some(SeenWatch {
        observer,
        _callback: callback,
    })
}

/// Queues `event` for `url` and makes sure it is sent soon.
fn queue(url: &str, event: EngagementEvent) {
    OUTBOX.with_borrow_mut(|outbox| outbox.push(url, event));
    send_when_leaving();
    if !FLUSH_PENDING.replace(true) {
        leptos::leptos_dom::helpers::set_timeout(flush, FLUSH_DELAY);
    }
}

/// Sends everything queued, as beacons.
fn flush() {
    FLUSH_PENDING.set(false);
    let bodies = OUTBOX.with_borrow_mut(|outbox| outbox.drain(crate::visitor::current().as_str()));
    let Some(navigator) = web_sys::window().map(|window| window.navigator()) else {
        return;
    };
    if bodies.is_empty() || !js_sys::Reflect::has(&navigator, &"sendBeacon".into()).unwrap_or(false)
    {
        return;
    }
    for (url, body) in bodies {
        // A string goes out as `text/plain;charset=UTF-8`. A refused beacon is dropped.
        _ = navigator.send_beacon_with_opt_str(&url, Some(&body));
    }
}

/// Once per page: sends what is queued when the page is hidden or left, since a timer may
/// never fire then.
fn send_when_leaving() {
    if LISTENING.replace(true) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_leave = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
        let hidden = web_sys::window()
            .and_then(|window| window.document())
            .is_some_and(|document| document.hidden());
        if hidden || event.type_() == "pagehide" {
            flush();
        }
    });
    let listener = on_leave.as_ref().unchecked_ref();
    _ = window.add_event_listener_with_callback("pagehide", listener);
    if let Some(document) = window.document() {
        _ = document.add_event_listener_with_callback("visibilitychange", listener);
    }
    // The listeners last as long as the page.
    on_leave.forget();
}

#[cfg(test)]
mod tests {
    use super::*;

    const VISITOR: &str = "0f8fad5b-d9cb-469f-a165-70867728950e";

    fn config(options: &str) -> WidgetConfig {
        let json = format!(r#"{{"api":"https://api.example.com/","site":"acme",{options}}}"#);
        WidgetConfig::parse(&json, &[]).unwrap()
    }

    #[test]
    fn each_kind_reports_its_place_to_its_site() {
        let url = "https://api.example.com/v1/sites/acme/engagement";
        for (options, event) in [
            (
                r#""kind":"ideas","board":"shoes""#,
                r#"{"type":"seen","board":"shoes"}"#,
            ),
            (
                r#""kind":"feed","feed":"trail""#,
                r#"{"type":"seen","feed":"trail"}"#,
            ),
            (
                r#""kind":"form","form":"wish""#,
                r#"{"type":"seen","form":"wish"}"#,
            ),
            (
                r#""kind":"form","form":"wish","adapter":"kindred""#,
                r#"{"type":"seen","form":"wish"}"#,
            ),
        ] {
            let (to, seen) = seen_event(&config(options)).unwrap();
            assert_eq!(to, url);
            assert_eq!(serde_json::to_string(&seen).unwrap(), event);
        }
    }

    #[test]
    fn analytics_off_other_backends_and_previews_report_nothing() {
        let preview = r#"{\"slug\":\"lab\",\"title\":\"Lab\",\"fields\":[{\"name\":\"why\",\"label\":\"Why?\",\"kind\":{\"type\":\"short_text\",\"max_len\":80}}]}"#;
        let preview = format!(r#""kind":"form","preview":"{preview}""#);
        for options in [
            preview.as_str(),
            r#""kind":"ideas","board":"shoes","analytics":"off""#,
            r#""kind":"ideas","board":"shoes","analytics":"false""#,
            r#""kind":"feed","feed":"trail","adapter":"jsonfeed""#,
            r##""kind":"ideas","board":"shoes","adapter":"#shop-api""##,
        ] {
            assert_eq!(seen_event(&config(options)), None, "{options}");
        }
    }

    #[test]
    fn half_the_widget_or_half_the_screen_counts() {
        assert!(is_seen(0.5, 200.0, 800.0));
        assert!(!is_seen(0.49, 196.0, 800.0));
        // A widget three screens tall, filling half the screen.
        assert!(is_seen(0.17, 400.0, 800.0));
        assert!(!is_seen(0.1, 240.0, 800.0));
        assert!(!is_seen(0.0, 0.0, 0.0));
    }

    #[test]
    fn the_outbox_sends_one_body_per_address_in_batches() {
        let mut outbox = Outbox::default();
        outbox.push("/a", EngagementEvent::seen(PlaceKind::Board, "one"));
        outbox.push("/b", EngagementEvent::seen(PlaceKind::Feed, "two"));
        outbox.push("/a", EngagementEvent::seen(PlaceKind::Form, "three"));
        let bodies = outbox.drain(VISITOR);
        assert_eq!(
            bodies,
            [
                (
                    "/a".to_owned(),
                    format!(
                        r#"{{"visitor":"{VISITOR}","events":[{{"type":"seen","board":"one"}},{{"type":"seen","form":"three"}}]}}"#
                    )
                ),
                (
                    "/b".to_owned(),
                    format!(
                        r#"{{"visitor":"{VISITOR}","events":[{{"type":"seen","feed":"two"}}]}}"#
                    )
                ),
            ]
        );
        assert!(outbox.drain(VISITOR).is_empty());
        for n in 0..=EVENTS_MAX {
            outbox.push(
                "/a",
                EngagementEvent::seen(PlaceKind::Board, &format!("b{n}")),
            );
        }
        let sizes: Vec<usize> = outbox
            .drain(VISITOR)
            .iter()
            .map(|(_, body)| body.matches("\"seen\"").count())
            .collect();
        assert_eq!(sizes, [EVENTS_MAX, 1]);
    }
}
