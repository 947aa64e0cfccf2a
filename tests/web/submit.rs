//! The idea form as the widget renders it at `#kindred/new`: checks before sending, errors
//! tied to their fields, a hidden honeypot, and typed text kept when sending fails. The API
//! is unreachable: once the site's configuration has failed to load, the board's rules and
//! form are unknown, and the widget's own form shows, open to everyone.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, HtmlButtonElement, HtmlElement, HtmlInputElement, ShadowRoot};

use super::{eventually, find, ideas_options, new_host, shadow_of, sheet};

/// Mounts a board showing the form, as a link to `#kindred/new` would, and waits for the form
/// (shown once the site's configuration has failed to load); answers the host and the details
/// of the `kindred:error` events it dispatched.
async fn mount_form() -> (HtmlElement, kindred::MountHandle, Rc<RefCell<Vec<String>>>) {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("kindred/new")
        .unwrap();
    let host = new_host();
    let heard = Rc::new(RefCell::new(Vec::new()));
    let listener = {
        let heard = Rc::clone(&heard);
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |event: web_sys::CustomEvent| {
            let detail = js_sys::JSON::stringify(&event.detail()).unwrap();
            heard.borrow_mut().push(String::from(detail));
        })
    };
    host.add_event_listener_with_callback("kindred:error", listener.as_ref().unchecked_ref())
        .unwrap();
    listener.forget();
    let handle = kindred::mount(host.clone(), &ideas_options(), &sheet());
    let shadow = shadow_of(&host);
    eventually("the form", || {
        find(&shadow, r#"[data-testid="idea-form"]"#).is_some()
    })
    .await;
    (host, handle, heard)
}

/// Leaves the page's hash as the other tests expect it.
fn forget_hash() {
    web_sys::window().unwrap().location().set_hash("").unwrap();
}

fn title_field(shadow: &ShadowRoot) -> HtmlInputElement {
    find(shadow, r#"input[name="title"]"#)
        .expect("a title field")
        .unchecked_into()
}

fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    input.dispatch_event(&Event::new("input").unwrap()).unwrap();
}

fn send_button(shadow: &ShadowRoot) -> HtmlButtonElement {
    find(shadow, r#"[data-testid="submit-idea"]"#)
        .expect("a send button")
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn a_short_title_is_refused_before_sending_with_an_error_tied_to_its_field() {
    let (host, handle, heard) = mount_form().await;
    let shadow = shadow_of(&host);
    let title = title_field(&shadow);
    let label = find(&shadow, &format!(r#"label[for="{}"]"#, title.id()));
    assert!(label.is_some(), "the title has a label");
    assert_eq!(title.max_length(), 120);

    type_into(&title, "abc");
    send_button(&shadow).click();
    leptos::task::tick().await;
    assert_eq!(title.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = title.get_attribute("aria-describedby").unwrap_or_default();
    let error_id = described
        .split(' ')
        .find(|id| id.ends_with("-error"))
        .expect("the error describes the field");
    let error = shadow
        .get_element_by_id(error_id)
        .expect("the error element");
    assert_eq!(
        error.text_content().unwrap_or_default(),
        "Use at least 5 characters."
    );
    assert_eq!(title.value(), "abc", "what was typed stays");
    assert!(!send_button(&shadow).disabled());

    // Fixing the title clears its error on the next attempt, which is sent.
    type_into(&title, "Reflective laces");
    send_button(&shadow).click();
    leptos::task::tick().await;
    assert_eq!(title.get_attribute("aria-invalid"), None);
    assert!(heard.borrow().is_empty(), "{:?}", heard.borrow());
    handle.unmount();
    forget_hash();
}

#[wasm_bindgen_test]
async fn the_honeypot_is_hidden_from_people_and_assistive_technology() {
    let (host, handle, _) = mount_form().await;
    let shadow = shadow_of(&host);
    let trap: HtmlInputElement = find(&shadow, r#"input[name="website"]"#)
        .expect("a honeypot")
        .unchecked_into();
    assert_eq!(trap.tab_index(), -1);
    let wrapper = trap
        .closest("[aria-hidden]")
        .unwrap()
        .expect("a hidden wrapper");
    assert_eq!(
        wrapper.get_attribute("aria-hidden").as_deref(),
        Some("true")
    );
    handle.unmount();
    forget_hash();
}

#[wasm_bindgen_test]
async fn a_failed_send_keeps_the_text_and_says_why() {
    let (host, handle, heard) = mount_form().await;
    let shadow = shadow_of(&host);
    let title = title_field(&shadow);
    type_into(&title, "Reflective laces");
    send_button(&shadow).click();
    leptos::task::tick().await;
    assert!(send_button(&shadow).disabled(), "disabled while sending");

    let alert = r#"[data-testid="submit-error"][role="alert"]"#;
    eventually("the failure", || find(&shadow, alert).is_some()).await;
    let message = find(&shadow, alert).unwrap().text_content().unwrap();
    assert!(message.starts_with("Your idea wasn’t posted."), "{message}");
    assert!(!send_button(&shadow).disabled());
    assert_eq!(title.value(), "Reflective laces");
    let heard = heard.borrow();
    assert!(
        heard
            .iter()
            .any(|detail| detail.starts_with(r#"{"action":"submit","code":"network""#)),
        "{heard:?}"
    );
    handle.unmount();
    forget_hash();
}

#[wasm_bindgen_test]
async fn cancel_returns_to_the_list() {
    let (host, handle, _) = mount_form().await;
    let shadow = shadow_of(&host);
    assert!(find(&shadow, r#"[data-testid="propose"]"#).is_none());
    let cancel: HtmlElement = find(&shadow, r#"[data-testid="cancel"]"#)
        .expect("a cancel button")
        .unchecked_into();
    cancel.click();
    leptos::task::tick().await;
    assert!(find(&shadow, r#"[data-testid="idea-form"]"#).is_none());
    let hash = web_sys::window().unwrap().location().hash().unwrap();
    assert_eq!(hash, "#kindred/ideas");
    handle.unmount();
    forget_hash();
}
