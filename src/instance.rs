//! One widget on the page: its options read, its shadow root prepared and an independent
//! Leptos root running inside it, so instances never share reactive state.

use leptos::mount::{mount_to, UnmountHandle};
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use web_sys::{CssStyleSheet, HtmlElement, ShadowRoot};

use crate::analytics::{self, SeenWatch};
use crate::app::App;
use crate::config::WidgetConfig;
use crate::events::Events;
use crate::shadow;

/// A mounted widget: the shadow root it renders into, the Leptos root that owns its views,
/// and the watch that reports it seen.
pub struct Instance {
    shadow: ShadowRoot,
    root: UnmountHandle<AnyViewState>,
    _seen: Option<SeenWatch>,
}

impl Instance {
    /// Mounts a widget into `host`, or answers `None` (after saying why on the console) when
    /// the host cannot carry a shadow root, so a broken embedding never breaks the page.
    pub fn mount(host: &HtmlElement, options: &str, sheet: &CssStyleSheet) -> Option<Self> {
        let (shadow, container) = match shadow::prepare(host, sheet) {
            Ok(prepared) => prepared,
            Err(error) => {
                leptos::logging::error!("[kindred] cannot render into this element: {error:?}");
                return None;
            }
        };
        let languages = page_languages(host);
        let languages: Vec<&str> = languages.iter().map(String::as_str).collect();
        let config = WidgetConfig::parse(options, &languages);
        if let Err(error) = &config {
            leptos::logging::error!("[kindred] invalid widget options: {error}");
        }
        let stylesheet = config
            .as_ref()
            .ok()
            .and_then(|config| config.stylesheet.clone());
        if let Ok(config) = &config {
            // The widget's language and direction, whatever the page around it uses.
            _ = container.set_attribute("lang", config.locale.tag());
            _ = container.set_attribute("dir", if config.locale.is_rtl() { "rtl" } else { "ltr" });
        }
        let events = Events::new(host.clone());
        let seen = config.as_ref().ok().and_then(analytics::seen_event);
        let root = mount_to(container, move || view! { <App config events/> }.into_any());
        // Only once the first render is done: watching never holds it up.
        let seen = seen.and_then(|(url, event)| analytics::watch(host, url, event));
        // After mounting, which starts the task executor the fetch runs on.
        if let Some(url) = stylesheet {
            shadow::adopt_brand_sheet(shadow.clone(), url);
        }
        Some(Self {
            shadow,
            root,
            _seen: seen,
        })
    }

    /// Whether this widget renders inside `host`.
    pub fn is_in(&self, host: &HtmlElement) -> bool {
        self.shadow.host() == **host
    }

    /// Disposes of the Leptos root (its views, effects and pending writes) and empties the
    /// shadow root.
    pub fn unmount(self) {
        drop(self.root);
        shadow::clear(&self.shadow);
    }
}

/// The languages the page around `host` speaks, best first: the nearest `lang` attribute,
/// then the browser's preferences.
fn page_languages(host: &HtmlElement) -> Vec<String> {
    let page = host
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|element| element.get_attribute("lang"));
    let browser: Vec<String> = web_sys::window()
        .map(|window| window.navigator().languages())
        .map(|languages| languages.iter().filter_map(|tag| tag.as_string()).collect())
        .unwrap_or_default();
    page.into_iter().chain(browser).collect()
}
