//! An idea's own view as a deep link opens it: the page's hash names the idea, the view
//! offers a way back, and a failed load says so with a retry.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

use super::{eventually, find, ideas_options, new_host, shadow_of, sheet};

/// Sets the page's hash for the length of a test, and clears it afterwards so the other
/// tests start on the list.
struct Hash;

impl Hash {
    fn set(hash: &str) -> Self {
        web_sys::window()
            .unwrap()
            .location()
            .set_hash(hash)
            .unwrap();
        Self
    }
}

impl Drop for Hash {
    fn drop(&mut self) {
        _ = web_sys::window().unwrap().location().set_hash("");
    }
}

#[wasm_bindgen_test]
async fn a_deep_link_opens_the_idea_and_back_returns_to_the_list() {
    let _hash = Hash::set("kindred/idea/7");
    let host = new_host();
    let handle = kindred::mount(host.clone(), &ideas_options(), &sheet());
    let shadow = shadow_of(&host);
    assert!(find(&shadow, r#"[data-testid="idea-detail"]"#).is_some());
    assert!(find(&shadow, "[data-testid=idea-card]").is_none());

    let error = r#"[data-testid="idea-error"][role="alert"]"#;
    eventually("the error state", || find(&shadow, error).is_some()).await;
    assert!(find(&shadow, r#"[data-testid="retry"]"#).is_some());

    let back: HtmlElement = find(&shadow, r#"[data-testid="back-to-ideas"]"#)
        .expect("a way back")
        .unchecked_into();
    assert_eq!(
        back.get_attribute("href").as_deref(),
        Some("#kindred/ideas")
    );
    back.click();
    leptos::task::tick().await;
    assert!(find(&shadow, r#"[data-testid="idea-detail"]"#).is_none());
    assert!(find(&shadow, ".board__results").is_some());
    assert_eq!(
        web_sys::window().unwrap().location().hash().unwrap(),
        "#kindred/ideas"
    );
    handle.unmount();
}
