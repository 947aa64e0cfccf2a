//! The widget's isolation boundary: an open shadow root on each host, styled by one
//! constructable stylesheet shared by every instance on the page.
//!
//! Adopting a constructable sheet is what works under a strict Content Security Policy
//! (`style-src 'self'`, no `unsafe-inline`), and sharing one sheet means the browser parses
//! the widget's CSS once however many placeholders the page has. The page builds that sheet
//! (the loader does, while the widget's code downloads, and styles its skeletons with it), so
//! the browser has parsed it and put it to use before the widget's first render.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

thread_local! {
    /// Brand stylesheets by URL, each fetched and parsed once per page.
    static BRAND_SHEETS: RefCell<HashMap<String, CssStyleSheet>> = RefCell::new(HashMap::new());
}

/// Gives `host` an open shadow root (reusing the one it already has, as after an unmount),
/// adopts the widget's stylesheet `sheet` into it and answers the root with a fresh, empty
/// container element to mount views into.
pub fn prepare(
    host: &HtmlElement,
    sheet: &CssStyleSheet,
) -> Result<(ShadowRoot, HtmlElement), JsValue> {
    // JavaScript callers can pass anything; refuse what cannot carry a shadow root before
    // calling methods that would throw through the wasm boundary.
    if !Reflect::has(host, &JsValue::from_str("attachShadow")).unwrap_or(false) {
        return Err(JsValue::from_str("the host is not an element"));
    }
    if !sheet.is_instance_of::<CssStyleSheet>() {
        return Err(JsValue::from_str("the stylesheet is not a CSSStyleSheet"));
    }
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    shadow.set_adopted_style_sheets(&Array::of1(sheet));
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

/// Adopts the brand stylesheet at `url` into `shadow` after the widget's own, so the brand's
/// rules win over the widget's at equal specificity. It is fetched once per page; until it
/// arrives the widget shows in its own styles, and if it cannot be had, it stays so (the
/// console says why).
pub fn adopt_brand_sheet(shadow: ShadowRoot, url: String) {
    leptos::task::spawn_local(async move {
        let sheet = match BRAND_SHEETS.with_borrow(|sheets| sheets.get(&url).cloned()) {
            Some(sheet) => sheet,
            None => match fetch_sheet(&url).await {
                Ok(sheet) => {
                    BRAND_SHEETS.with_borrow_mut(|sheets| sheets.insert(url, sheet.clone()));
                    sheet
                }
                Err(error) => {
                    leptos::logging::warn!("[kindred] stylesheet {url} not applied: {error}");
                    return;
                }
            },
        };
        // An unmounted widget's shadow root holds no sheets; it stays empty.
        let adopted = shadow.adopted_style_sheets();
        if adopted.length() > 0 {
            adopted.push(&sheet);
            shadow.set_adopted_style_sheets(&adopted);
        }
    });
}

/// A stylesheet of one element's own, adopted after the others into the shadow root (or the
/// document) the element is in: rules computed at run time, such as sizes measured from the
/// layout, without the inline `style` attributes a strict policy refuses. Dropping it takes
/// it out again.
pub struct OwnSheet {
    sheet: CssStyleSheet,
    root: JsValue,
}

impl OwnSheet {
    /// A new, empty sheet for the root `element` is in, or `None` where the browser has no
    /// constructable stylesheets.
    pub fn adopt(element: &Element) -> Option<Self> {
        let root = JsValue::from(element.get_root_node());
        let sheet = CssStyleSheet::new().ok()?;
        let adopted = adopted_sheets(&root)?;
        adopted.push(&sheet);
        Reflect::set(&root, &ADOPTED.into(), &adopted).ok()?;
        Some(Self { sheet, root })
    }

    /// Replaces the sheet's rules with `css`.
    pub fn set(&self, css: &str) {
        _ = self.sheet.replace_sync(css);
    }
}

impl Drop for OwnSheet {
    fn drop(&mut self) {
        if let Some(adopted) = adopted_sheets(&self.root) {
            let kept: Array = adopted
                .iter()
                .filter(|sheet| *sheet != JsValue::from(&self.sheet))
                .collect();
            _ = Reflect::set(&self.root, &ADOPTED.into(), &kept);
        }
    }
}

const ADOPTED: &str = "adoptedStyleSheets";

/// The sheets adopted by `root`, a shadow root or a document.
fn adopted_sheets(root: &JsValue) -> Option<Array> {
    Reflect::get(root, &ADOPTED.into()).ok()?.dyn_into().ok()
}

/// Fetches the stylesheet at `url` and parses it into a constructable sheet.
async fn fetch_sheet(url: &str) -> Result<CssStyleSheet, String> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|error| error.to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = response.text().await.map_err(|error| error.to_string())?;
    let sheet = CssStyleSheet::new().map_err(|error| format!("{error:?}"))?;
    sheet
        .replace_sync(&text)
        .map_err(|error| format!("{error:?}"))?;
    Ok(sheet)
}
