//! The root of one widget instance: it provides the catalog and the API client to every
//! component below, then renders the configured kind, or an alert when the options were
//! unusable.

use leptos::prelude::*;

use crate::client::ApiClient;
use crate::config::{ConfigError, WidgetConfig, WidgetKind};
use crate::i18n::Locale;
use crate::ideas::IdeasBoard;
use crate::ui::ErrorPanel;
use crate::visitor;

/// A widget instance.
#[component]
pub fn App(
    /// The instance's options, already read; errors were logged by the caller.
    config: Result<WidgetConfig, ConfigError>,
) -> impl IntoView {
    let Ok(config) = config else {
        let catalog = Locale::default().catalog();
        provide_context(catalog);
        return view! {
            <ErrorPanel message=catalog.setup_failed() attr:data-testid="widget-error"/>
        }
        .into_any();
    };
    provide_context(config.locale.catalog());
    provide_context(ApiClient::new(config.api, visitor::current()));
    match config.kind {
        WidgetKind::Ideas { board } => view! { <IdeasBoard board/> }.into_any(),
    }
}
