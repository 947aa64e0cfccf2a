//! The widget's isolation boundary: an open shadow root on each host, styled by one
//! constructable stylesheet shared by every instance on the page.
//!
//! Adopting a constructable sheet is what works under a strict Content Security Policy
//! (`style-src 'self'`, no `unsafe-inline`), and sharing one sheet means the browser parses
//! the widget's CSS once however many placeholders the page has.

use std::cell::RefCell;

use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

thread_local! {
    static SHARED_SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// Gives `host` an open shadow root (reusing the one it already has, as after an unmount),
/// adopts the shared stylesheet into it and answers the root with a fresh, empty container
/// element to mount views into.
pub fn prepare(host: &HtmlElement, css: &str) -> Result<(ShadowRoot, HtmlElement), JsValue> {
    // JavaScript callers can pass anything; refuse what cannot carry a shadow root before
    // calling methods that would throw through the wasm boundary.
    if !Reflect::has(host, &JsValue::from_str("attachShadow")).unwrap_or(false) {
        return Err(JsValue::from_str("the host is not an element"));
    }
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    let sheet = shared_sheet(css)?;
    shadow.set_adopted_style_sheets(&Array::of1(&sheet));
    let container = host.owner_document().map_or_else(
        || Err(JsValue::from_str("the host is not in a document")),
        |document| document.create_element("div"),
    )?;
    container.set_class_name("kindred");
    shadow.replace_children_with_node_1(&container);
    Ok((shadow, container.unchecked_into()))
}

/// Empties `shadow`: no children and no adopted stylesheets.
pub fn clear(shadow: &ShadowRoot) {
    shadow.replace_children_with_node_0();
    shadow.set_adopted_style_sheets(&Array::new());
}

/// The page's one widget stylesheet, built from `css` on first use; later calls share it.
fn shared_sheet(css: &str) -> Result<CssStyleSheet, JsValue> {
    SHARED_SHEET.with(|cell| {
        if let Some(sheet) = cell.borrow().as_ref() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(css)?;
        *cell.borrow_mut() = Some(sheet.clone());
        Ok(sheet)
    })
}
