//! The root of one widget instance: it provides the locale, its catalog, the API client and
//! the host's events to every component below, then renders the configured kind, or an alert
//! when the options were unusable.

use leptos::prelude::*;

use crate::client::ApiClient;
use crate::config::{ConfigError, WidgetConfig, WidgetKind};
use crate::events::Events;
use crate::feed::Feed;
use crate::forms::{FormWidget, PageFacts};
use crate::i18n::Locale;
use crate::ideas::IdeasBoard;
use crate::ui::ErrorPanel;
use crate::visitor;

/// A widget instance.
#[component]
pub fn App(
    /// The instance's options, already read; errors were logged by the caller.
    config: Result<WidgetConfig, ConfigError>,
    /// Where the widget's DOM events go.
    events: Events,
) -> impl IntoView {
    provide_context(events.clone());
    let config = match config {
        Ok(config) => config,
        Err(error) => {
            events.invalid_options(&error.to_string());
            return setup_failed();
        }
    };
    provide_context(PageFacts::new(config.attributes));
    provide_context(config.locale);
    provide_context(config.locale.catalog());
    provide_context(ApiClient::new(
        config.api,
        visitor::current(),
        config.timeout_ms,
    ));
    match config.kind {
        WidgetKind::Ideas {
            board,
            view,
            paging,
        } => view! { <IdeasBoard site=config.site board view paging/> }.into_any(),
        WidgetKind::Feed {
            feed,
            layout,
            preset,
            paging,
        } => view! { <Feed site=config.site feed layout preset paging/> }.into_any(),
        WidgetKind::Form { form } => view! { <FormWidget form/> }.into_any(),
    }
}

/// The alert shown in place of a widget whose options were unusable.
fn setup_failed() -> AnyView {
    let catalog = Locale::default().catalog();
    provide_context(catalog);
    view! { <ErrorPanel message=catalog.setup_failed() attr:data-testid="widget-error"/> }
        .into_any()
}
