//! The vote button's states (idle, sending, voted, failed and rolled back, queued offline)
//! and the supporter threshold bar, rendered in Chromium. `fetch` is replaced by a stub the
//! test answers by hand, so each state can be looked at while it lasts; the button is what is
//! tested, not the network.

use std::cell::Cell;
use std::rc::Rc;

use kindred::client::{ApiBase, ApiClient};
use kindred::events::Events;
use kindred::i18n::Locale;
use kindred::ideas::store::IdeaStore;
use kindred::ideas::threshold::SupportMeter;
use kindred::ideas::vote::VoteButton;
use kindred::ideas::VoteTally;
use kindred_api::{IdeaId, VisitorId};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

use crate::{eventually, new_host};

/// Replaces `fetch` for the `*.example.test` APIs of these tests with a stub that records each
/// request and leaves it waiting until the test answers it (other tests' requests, running
/// alongside, go through); [`restore_fetch`] puts the real one back.
fn stub_fetch() {
    run_js(
        "localStorage.clear();
         window.realFetch ??= window.fetch;
         window.pending = [];
         window.fetch = (request, init) => !String(request.url).includes('.example.test/')
           ? window.realFetch(request, init)
           : new Promise((resolve) => window.pending.push({
           method: request.method,
           url: request.url,
           answer: (status, body) => resolve(new Response(body, {
             status, headers: { 'content-type': 'application/json' } })),
         }));",
    );
}

fn restore_fetch() {
    run_js("window.fetch = window.realFetch;");
}

/// How many requests wait for an answer.
fn waiting() -> u32 {
    js_sys::eval("window.pending.length")
        .unwrap()
        .as_f64()
        .unwrap() as u32
}

/// The method and URL of the oldest waiting request.
fn oldest() -> String {
    js_sys::eval("`${window.pending[0].method} ${window.pending[0].url}`")
        .unwrap()
        .as_string()
        .unwrap()
}

/// Answers the oldest waiting request with `status` and `body`.
fn answer(status: u16, body: &str) {
    let call = format!(
        "window.pending.shift().answer({status}, {})",
        serde_json::to_string(body).unwrap()
    );
    run_js(&call);
}

/// Makes the browser say it is offline (`true`) or online again, firing `online`.
fn set_offline(offline: bool) {
    if offline {
        run_js(
            "Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });",
        );
    } else {
        run_js("delete navigator.onLine; window.dispatchEvent(new Event('online'));");
    }
}

fn run_js(code: &str) {
    js_sys::eval(code).expect("the test's script runs");
}

/// Mounts a vote button for idea 7 (12 votes, not voted) speaking to a stubbed API; answers
/// the container and the button.
fn mount_button(api: &str) -> (HtmlElement, HtmlElement, impl Sized) {
    let container = new_host();
    let client = ApiClient::new(
        ApiBase::parse(api).unwrap(),
        VisitorId::parse("0f8fad5b-d9cb-469f-a165-70867728950e").unwrap(),
        10_000,
    );
    let events = Events::new(container.clone());
    let root = leptos::mount::mount_to(container.clone(), move || {
        provide_context(Locale::En.catalog());
        provide_context(IdeaStore::new(client, events));
        let initial = VoteTally {
            count: 12,
            voted: false,
        };
        view! { <VoteButton id=IdeaId::from(7) title="Laces".to_owned() initial/> }
    });
    let button = container
        .query_selector(r#"[data-testid="vote-button"]"#)
        .unwrap()
        .unwrap()
        .unchecked_into();
    (container, button, root)
}

fn state(button: &HtmlElement) -> (String, String, String) {
    (
        button.get_attribute("data-state").unwrap(),
        button.get_attribute("aria-pressed").unwrap(),
        button.text_content().unwrap().trim().to_owned(),
    )
}

fn notice(container: &HtmlElement) -> String {
    container
        .query_selector(r#"[data-testid="vote-notice"]"#)
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
}

fn triple(state: &str, pressed: &str, count: &str) -> (String, String, String) {
    (state.into(), pressed.into(), count.into())
}

/// The button's states in one test: they share the page's `fetch` and `navigator.onLine`,
/// which tests running side by side must not.
#[wasm_bindgen_test]
async fn the_vote_button_s_states() {
    stub_fetch();
    a_vote_goes_from_idle_to_sending_to_voted().await;
    a_refused_vote_is_rolled_back_with_the_reason().await;
    an_offline_vote_is_queued_and_sent_when_back_online().await;
    restore_fetch();
}

async fn a_vote_goes_from_idle_to_sending_to_voted() {
    let (container, button, _root) = mount_button("https://api.example.test");
    assert_eq!(state(&button), triple("idle", "false", "12"));

    button.click();
    button.click(); // ignored while the first request is on its way
    leptos::task::tick().await;
    assert_eq!(state(&button), triple("sending", "true", "13"));
    assert_eq!(waiting(), 1, "one request for a double click");
    assert_eq!(oldest(), "PUT https://api.example.test/v1/ideas/7/vote");

    // Others voted meanwhile: the server's count wins.
    answer(200, r#"{"idea_id":"7","vote_count":15,"voted":true}"#);
    eventually("the confirmed vote", || state(&button).0 == "idle").await;
    assert_eq!(state(&button), triple("idle", "true", "15"));
    assert_eq!(notice(&container), "Vote added, 15 votes");

    button.click();
    leptos::task::tick().await;
    assert_eq!(oldest(), "DELETE https://api.example.test/v1/ideas/7/vote");
    answer(200, r#"{"idea_id":"7","vote_count":14,"voted":false}"#);
    eventually("the withdrawn vote", || state(&button).0 == "idle").await;
    assert_eq!(state(&button), triple("idle", "false", "14"));
}

async fn a_refused_vote_is_rolled_back_with_the_reason() {
    let (container, button, _root) = mount_button("https://refusing.example.test");
    button.click();
    leptos::task::tick().await;
    assert_eq!(state(&button), triple("sending", "true", "13"));
    answer(
        409,
        r#"{"error":{"code":"conflict","message":"vote cap reached","fields":{}}}"#,
    );
    eventually("the rollback", || state(&button).0 == "failed").await;
    assert_eq!(state(&button), triple("failed", "false", "12"));
    let message = notice(&container);
    assert!(message.contains("Laces"), "{message}");
}

async fn an_offline_vote_is_queued_and_sent_when_back_online() {
    let (container, button, _root) = mount_button("https://offline.example.test");
    set_offline(true);
    button.click();
    leptos::task::tick().await;
    assert_eq!(state(&button), triple("queued", "true", "13"));
    assert_eq!(waiting(), 0, "nothing sent while offline");
    assert!(notice(&container).contains("offline"));
    let stored = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("kindred:outbox:https://offline.example.test")
        .unwrap();
    assert_eq!(stored.as_deref(), Some(r#"[{"idea":"7","vote":true}]"#));

    set_offline(false);
    eventually("the queued vote sent", || waiting() == 1).await;
    assert_eq!(oldest(), "PUT https://offline.example.test/v1/ideas/7/vote");
    answer(200, r#"{"idea_id":"7","vote_count":13,"voted":true}"#);
    eventually("the queued vote confirmed", || state(&button).0 == "idle").await;
    assert_eq!(state(&button), triple("idle", "true", "13"));
}

#[wasm_bindgen_test]
async fn the_threshold_bar_counts_down_and_celebrates() {
    let container = new_host();
    let client = ApiClient::new(
        ApiBase::parse("https://api.example.test").unwrap(),
        VisitorId::parse("0f8fad5b-d9cb-469f-a165-70867728950e").unwrap(),
        10_000,
    );
    let events = Events::new(container.clone());
    let id = IdeaId::from(3);
    let mounted = Rc::new(Cell::new(None));
    let _root = leptos::mount::mount_to(container.clone(), {
        let (id, mounted) = (id.clone(), Rc::clone(&mounted));
        move || {
            provide_context(Locale::En.catalog());
            let store = IdeaStore::new(client, events);
            mounted.set(Some(store));
            let control = store.vote(
                &id,
                VoteTally {
                    count: 38,
                    voted: false,
                },
            );
            view! { <SupportMeter control threshold=50/> }
        }
    });
    let store = mounted.get().expect("the store of the mounted meter");
    let meter = container
        .query_selector(r#"[data-testid="threshold"]"#)
        .unwrap()
        .unwrap();
    let bar: web_sys::HtmlProgressElement = container
        .query_selector("progress")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(
        meter.get_attribute("data-reached").as_deref(),
        Some("false")
    );
    assert_eq!((bar.value(), bar.max()), (38.0, 50.0));
    assert_eq!(
        bar.get_attribute("aria-label").as_deref(),
        Some("38 of 50 supporters")
    );
    assert_eq!(meter.text_content().unwrap(), "12 more supporters needed");

    store.heard_count(&id, 49);
    leptos::task::tick().await;
    assert_eq!(meter.text_content().unwrap(), "1 more supporter needed");

    store.heard_count(&id, 64);
    leptos::task::tick().await;
    assert_eq!(meter.get_attribute("data-reached").as_deref(), Some("true"));
    assert_eq!(bar.value(), 50.0, "a full bar, never more");
    assert!(meter.query_selector("svg").unwrap().is_some(), "a tick");
    assert_eq!(
        meter.text_content().unwrap(),
        "Goal reached: the team will review this idea"
    );
}
