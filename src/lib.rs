//! Kindred's browser widget: idea voting and UGC feeds (and later forms) embedded into any page.
//!
//! The loader imports this crate's wasm-bindgen glue and calls [`mount`] once per placeholder.
//! This file holds only the JavaScript entry points; everything else lives in modules named
//! for what they hold.

mod analytics;
mod app;
pub mod client;
mod config;
pub mod events;
pub mod feed;
pub mod forms;
pub mod i18n;
pub mod ideas;
mod identity;
mod instance;
pub mod markdown;
mod percent;
mod registry;
mod shadow;
mod ui;
mod visitor;

use wasm_bindgen::prelude::*;

use crate::registry::InstanceId;

/// Mounts one widget into `host`.
///
/// `options` is the placeholder's configuration as JSON (for example
/// `{"kind":"ideas","api":"https://api.example.com","site":"acme","board":"shoes"}`; unknown
/// keys are ignored) and `sheet` the widget's stylesheet, built by the page from the widget's
/// CSS file and adopted into the host's shadow root (every widget on the page shares it, as
/// do the loader's skeletons). A widget already mounted in `host` is replaced. Never throws: bad options
/// render an accessible message inside the widget and are explained on the console.
///
/// The widget stays mounted until [`MountHandle::unmount`] is called, even if the handle is
/// dropped or garbage-collected.
#[wasm_bindgen]
pub fn mount(
    host: web_sys::HtmlElement,
    options: &str,
    sheet: &web_sys::CssStyleSheet,
) -> MountHandle {
    console_error_panic_hook::set_once();
    MountHandle(registry::mount(&host, options, sheet))
}

/// Identifies the visitor to every widget on the page with the brand's SSO `token` (a JWT
/// signed for this site); widgets reload what they show as that user. A blank token signs
/// out.
#[wasm_bindgen]
pub fn identify(token: &str) {
    identity::set(Some(token.to_owned()));
}

/// Signs the visitor out on every widget: requests speak for the anonymous visitor again.
#[wasm_bindgen]
pub fn logout() {
    identity::set(None);
}

/// A mounted widget, handed to JavaScript so the page can remove it again.
#[wasm_bindgen]
pub struct MountHandle(Option<InstanceId>);

#[wasm_bindgen]
impl MountHandle {
    /// Stops the widget and empties its shadow root; the host can be mounted again later.
    pub fn unmount(self) {
        if let Some(id) = self.0 {
            registry::unmount(id);
        }
    }
}
