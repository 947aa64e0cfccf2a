//! One widget on the page: its options read, its shadow root prepared and an independent
//! Leptos root running inside it, so instances never share reactive state.

use leptos::mount::{mount_to, UnmountHandle};
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use web_sys::{HtmlElement, ShadowRoot};

use crate::app::App;
use crate::config::WidgetConfig;
use crate::events::Events;
use crate::shadow;

/// A mounted widget: the shadow root it renders into and the Leptos root that owns its views.
pub struct Instance {
    shadow: ShadowRoot,
    root: UnmountHandle<AnyViewState>,
}

impl Instance {
    /// Mounts a widget into `host`, or answers `None` (after saying why on the console) when
    /// the host cannot carry a shadow root, so a broken embedding never breaks the page.
    pub fn mount(host: &HtmlElement, options: &str, css: &str) -> Option<Self> {
        let (shadow, container) = match shadow::prepare(host, css) {
            Ok(prepared) => prepared,
            Err(error) => {
                leptos::logging::error!("[kindred] cannot render into this element: {error:?}");
                return None;
            }
        };
        let config = WidgetConfig::parse(options);
        if let Err(error) = &config {
            leptos::logging::error!("[kindred] invalid widget options: {error}");
        }
        let events = Events::new(host.clone());
        let root = mount_to(container, move || view! { <App config events/> }.into_any());
        Some(Self { shadow, root })
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
