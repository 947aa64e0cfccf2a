//! Browser tests of the widget as the loader uses it: mounting into shadow roots, the shared
//! stylesheet, failure states, optimistic voting and unmounting. Run in headless Chromium
//! with `cargo test --target wasm32-unknown-unknown --test web`.

#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use kindred::client::{ApiBase, ApiClient};
use kindred::events::Events;
use kindred::i18n::Locale;
use kindred::ideas::route::{Route, Router};
use kindred::ideas::store::IdeaStore;
use kindred::ideas::IdeaCard;
use kindred_api::{Author, Idea, IdeaId, IdeaStatus, VisitorId};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{CssStyleSheet, Element, HtmlElement, ShadowRoot, ShadowRootMode};

mod roadmap;
mod submit;
mod vote;

wasm_bindgen_test_configure!(run_in_browser);

mod detail;
mod feed;
mod form;
mod form_pages;
mod form_table;
mod form_widget;
mod markdown;

thread_local! {
    static SHEET: CssStyleSheet = {
        let sheet = CssStyleSheet::new().unwrap();
        sheet.replace_sync(".kindred { color: rgb(1, 2, 3); }").unwrap();
        sheet
    };
}

/// The widget's stylesheet as the page builds it, one for every test as for every widget.
fn sheet() -> CssStyleSheet {
    SHEET.with(Clone::clone)
}
/// Nothing listens there, so every request fails without an HTTP answer.
const UNREACHABLE_API: &str = "http://127.0.0.1:9";

fn ideas_options() -> String {
    format!(r#"{{"kind":"ideas","api":"{UNREACHABLE_API}","site":"test","board":"trail-shoes"}}"#)
}

fn new_host() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host.unchecked_into()
}

fn shadow_of(host: &HtmlElement) -> ShadowRoot {
    host.shadow_root().expect("an open shadow root")
}

fn find(shadow: &ShadowRoot, selector: &str) -> Option<Element> {
    shadow.query_selector(selector).unwrap()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Waits (at most five seconds) until `ready` holds.
async fn eventually(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..100 {
        leptos::task::tick().await;
        if ready() {
            return;
        }
        sleep(50).await;
    }
    panic!("timed out waiting for {what}");
}

fn adopted_sheets(shadow: &ShadowRoot) -> Vec<CssStyleSheet> {
    shadow
        .adopted_style_sheets()
        .iter()
        .map(|sheet| sheet.unchecked_into())
        .collect()
}

#[wasm_bindgen_test]
async fn mounting_adopts_the_pages_stylesheet_into_an_open_shadow_root() {
    let (first, second) = (new_host(), new_host());
    let first_handle = kindred::mount(first.clone(), &ideas_options(), &sheet());
    let second_handle = kindred::mount(second.clone(), &ideas_options(), &sheet());

    let shadow = shadow_of(&first);
    assert_eq!(shadow.mode(), ShadowRootMode::Open);
    let sheets = adopted_sheets(&shadow);
    assert_eq!(sheets.len(), 1);
    let rules = sheets[0].css_rules().unwrap();
    let texts: Vec<String> = (0..rules.length())
        .filter_map(|i| rules.item(i))
        .map(|rule| rule.css_text())
        .collect();
    assert!(
        texts.iter().any(|text| text.contains("rgb(1, 2, 3)")),
        "{texts:?}"
    );

    let other = adopted_sheets(&shadow_of(&second));
    assert_eq!(other.len(), 1);
    assert_eq!(
        JsValue::from(&other[0]),
        JsValue::from(&sheet()),
        "every shadow root adopts the page's CSSStyleSheet object itself"
    );
    assert_eq!(JsValue::from(&sheets[0]), JsValue::from(&other[0]));

    first_handle.unmount();
    second_handle.unmount();
}

#[wasm_bindgen_test]
async fn bad_options_render_an_alert_instead_of_throwing() {
    for options in [
        "{not json",
        r#"{"kind":"ideas","site":"test","board":"b"}"#,
        r#"{"kind":"carousel","api":"/api","site":"test"}"#,
    ] {
        let host = new_host();
        let handle = kindred::mount(host.clone(), options, &sheet());
        let shadow = shadow_of(&host);
        let alert = find(&shadow, r#"[role="alert"]"#).expect("an alert");
        assert!(!alert.text_content().unwrap_or_default().trim().is_empty());
        assert!(find(&shadow, r#"[data-testid="widget-error"]"#).is_some());
        assert!(find(&shadow, r#"[data-testid="retry"]"#).is_none());
        handle.unmount();
    }
}

#[wasm_bindgen_test]
fn a_stylesheet_that_is_not_one_is_refused_quietly() {
    let host = new_host();
    let text = JsValue::from_str(".kindred { color: red; }");
    kindred::mount(host.clone(), &ideas_options(), text.unchecked_ref()).unmount();
    assert!(host.shadow_root().is_none(), "nothing was rendered");
}

#[wasm_bindgen_test]
fn a_host_that_cannot_carry_a_shadow_root_is_refused_quietly() {
    for host in [JsValue::NULL, JsValue::from_str("#widget")] {
        kindred::mount(host.unchecked_into(), &ideas_options(), &sheet()).unmount();
    }
}

#[wasm_bindgen_test]
async fn an_unreachable_api_shows_an_error_with_a_working_retry() {
    let host = new_host();
    let handle = kindred::mount(host.clone(), &ideas_options(), &sheet());
    let shadow = shadow_of(&host);
    let busy = |shadow: &ShadowRoot| find(shadow, r#"[aria-busy="true"] .skeleton"#).is_some();
    assert!(busy(&shadow), "skeletons while loading");

    let error = r#"[data-testid="ideas-error"][role="alert"]"#;
    eventually("the error state", || find(&shadow, error).is_some()).await;
    assert!(!busy(&shadow));
    let retry: HtmlElement = find(&shadow, r#"[data-testid="retry"]"#)
        .expect("a retry button")
        .unchecked_into();
    assert_eq!(retry.tag_name(), "BUTTON");

    retry.click();
    leptos::task::tick().await;
    assert!(
        find(&shadow, error).is_none(),
        "the error is cleared for the retry"
    );
    eventually("the error state after retrying", || {
        find(&shadow, error).is_some()
    })
    .await;
    handle.unmount();
}

#[wasm_bindgen_test]
async fn unmount_empties_the_shadow_root_and_the_host_can_be_mounted_again() {
    let host = new_host();
    kindred::mount(host.clone(), &ideas_options(), &sheet()).unmount();
    let shadow = shadow_of(&host);
    assert_eq!(shadow.child_nodes().length(), 0);
    assert_eq!(shadow.adopted_style_sheets().length(), 0);

    let handle = kindred::mount(host.clone(), &ideas_options(), &sheet());
    assert!(find(&shadow_of(&host), ".board").is_some());
    assert_eq!(shadow_of(&host).adopted_style_sheets().length(), 1);
    handle.unmount();
    assert_eq!(shadow.child_nodes().length(), 0);
}

#[wasm_bindgen_test]
async fn a_dropped_handle_leaves_the_widget_mounted_and_remounting_replaces_it() {
    let host = new_host();
    // Dropped at once, as when JavaScript garbage-collects a handle it did not keep.
    let _ = kindred::mount(host.clone(), &ideas_options(), &sheet());
    let shadow = shadow_of(&host);
    assert!(find(&shadow, ".board").is_some(), "still mounted");

    let handle = kindred::mount(host.clone(), &ideas_options(), &sheet());
    assert_eq!(shadow.child_nodes().length(), 1, "one widget per host");
    assert_eq!(shadow.query_selector_all(".board").unwrap().length(), 1);
    handle.unmount();
    assert_eq!(shadow.child_nodes().length(), 0);
}

fn idea() -> Idea {
    Idea {
        id: IdeaId::from(7),
        title: "<b>Wider</b> toe box".into(),
        body: "Room for toes on long descents.".into(),
        status: IdeaStatus::Planned,
        tags: vec!["fit".into()],
        vote_count: 41,
        comment_count: 1,
        voted: false,
        author: Author {
            name: "Ana".into(),
            avatar: None,
        },
        created_at: "2026-01-02T03:04:05Z".into(),
        threshold: None,
        duplicate_of: None,
        pending_review: false,
        pinned: false,
    }
}

#[wasm_bindgen_test]
async fn a_refused_vote_is_shown_at_once_then_rolled_back_with_a_message() {
    let container = new_host();
    let client = ApiClient::new(
        ApiBase::parse(UNREACHABLE_API).unwrap(),
        VisitorId::parse("0f8fad5b-d9cb-469f-a165-70867728950e").unwrap(),
        10_000,
    );
    let events = Events::new(container.clone());
    let heard = Rc::new(RefCell::new(Vec::new()));
    let listener = {
        let heard = Rc::clone(&heard);
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |event: web_sys::CustomEvent| {
            let detail = js_sys::JSON::stringify(&event.detail()).unwrap();
            heard.borrow_mut().push(String::from(detail));
        })
    };
    container
        .add_event_listener_with_callback("kindred:error", listener.as_ref().unchecked_ref())
        .unwrap();
    let card_store = Rc::new(std::cell::Cell::new(None));
    let mounted_store = Rc::clone(&card_store);
    let _root = leptos::mount::mount_to(container.clone(), move || {
        provide_context(Locale::En.catalog());
        let store = IdeaStore::new(client.clone(), events.clone());
        mounted_store.set(Some(store));
        provide_context(store);
        provide_context(client);
        provide_context(events);
        provide_context(Router::starting_at(Route::default()));
        view! { <IdeaCard idea=idea()/> }
    });
    let query = |selector: &str| container.query_selector(selector).unwrap().unwrap();

    let card = query(r#"article[data-testid="idea-card"]"#);
    assert_eq!(card.get_attribute("data-idea-id").as_deref(), Some("7"));
    let title = query(".card__title a");
    assert_eq!(
        title.get_attribute("href").as_deref(),
        Some("#kindred/idea/7")
    );
    assert_eq!(title.text_content().unwrap(), "<b>Wider</b> toe box");
    assert_eq!(
        title.child_element_count(),
        0,
        "titles are text, never markup"
    );
    assert!(query(".badge").class_list().contains("badge--planned"));
    let meta = query(".card__meta").text_content().unwrap();
    assert!(
        meta.starts_with("by Ana") && meta.ends_with("1 comment"),
        "{meta}"
    );
    let time = query(".card__meta time");
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some(idea().created_at.as_str())
    );
    let ago = time.text_content().unwrap();
    assert!(ago.ends_with(" ago"), "{ago}");

    // A status change heard live moves the badge without re-rendering the card.
    let store = card_store.get().unwrap();
    store.heard_status(&IdeaId::from(7), IdeaStatus::Shipped);
    leptos::task::tick().await;
    let badge = query(".badge");
    assert!(badge.class_list().contains("badge--shipped"));
    assert_eq!(badge.text_content().unwrap(), "Shipped");
    store.heard_status(&IdeaId::from(7), IdeaStatus::Planned);
    leptos::task::tick().await;

    let button: HtmlElement = query(r#"[data-testid="vote-button"]"#).unchecked_into();
    let count = query(r#"[data-testid="vote-count"]"#);
    let notice = query(r#"[role="status"]"#);
    assert_eq!(button.get_attribute("type").as_deref(), Some("button"));
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(
        button.get_attribute("aria-label").as_deref(),
        Some("Vote for “<b>Wider</b> toe box”, 41 votes")
    );

    button.click();
    button.click(); // ignored: the first vote is still in flight
    leptos::task::tick().await;
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(count.text_content().unwrap(), "42");

    eventually("the rollback", || {
        button.get_attribute("aria-pressed").as_deref() == Some("false")
    })
    .await;
    assert_eq!(count.text_content().unwrap(), "41");
    let message = notice.text_content().unwrap();
    assert!(message.contains("wasn’t saved"), "{message}");
    // The host page heard of it, once, as a failed vote that got no answer.
    let heard = heard.borrow();
    assert_eq!(heard.len(), 1, "{heard:?}");
    assert!(
        heard[0].starts_with(r#"{"action":"vote","code":"network","status":null,"#),
        "{}",
        heard[0]
    );
}
