//! The root of one widget instance: it provides the locale, its catalog, the API client and
//! the host's events to every component below, then renders the configured kind, or an alert
//! when the options were unusable.

use leptos::prelude::*;

use crate::client::adapter::spec::AdapterSpec;
use crate::client::adapter_source::{self, Source};
use crate::client::{Adapter, ApiClient};
use crate::config::{ConfigError, WidgetConfig, WidgetKind};
use crate::events::Events;
use crate::feed::Feed;
use crate::forms::{FormPreview, FormWidget, PageFacts};
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
    let client = ApiClient::new(config.api, visitor::current(), config.timeout_ms);
    let (kind, site, locale, timeout_ms) =
        (config.kind, config.site, config.locale, config.timeout_ms);
    let for_adapter = site.clone();
    let speak = move |client: Result<ApiClient, String>| match client {
        Ok(client) => {
            provide_context(client);
            widget(kind.clone(), site.clone())
        }
        Err(problem) => {
            leptos::logging::error!("[kindred] {problem}");
            events.invalid_options(&problem);
            setup_failed()
        }
    };
    match adapter_source::locate(config.adapter.as_ref()) {
        Ok(Source::Kindred) => speak(Ok(client)),
        Ok(Source::Text(text)) => speak(adapted(client, &text, &for_adapter, locale)),
        Ok(Source::Url(url)) => {
            let text = LocalResource::new(move || {
                let url = url.clone();
                async move { adapter_source::fetch(&url, timeout_ms).await }
            });
            let speak = StoredValue::new_local(speak);
            view! {
                {move || text.get().map(|text| {
                    let client = text
                        .and_then(|text| adapted(client.clone(), &text, &for_adapter, locale));
                    speak.with_value(|speak| speak(client))
                })}
            }
            .into_any()
        }
        Err(problem) => speak(Err(problem)),
    }
}

/// `client` speaking through the adapter written in `text`, for the widget of `site` in
/// `locale`, or what is wrong with the adapter.
fn adapted(client: ApiClient, text: &str, site: &str, locale: Locale) -> Result<ApiClient, String> {
    let spec = AdapterSpec::parse(text).map_err(|error| error.to_string())?;
    Ok(client.with_adapter(Adapter::new(spec, site, locale.tag())))
}

/// The widget `kind` names, for `site`.
fn widget(kind: WidgetKind, site: String) -> AnyView {
    match kind {
        WidgetKind::Ideas {
            board,
            view,
            paging,
        } => view! { <IdeasBoard site board view paging/> }.into_any(),
        WidgetKind::Feed {
            feed,
            layout,
            preset,
            paging,
        } => view! { <Feed site feed layout preset paging/> }.into_any(),
        WidgetKind::Form { form } => view! { <FormWidget form/> }.into_any(),
        WidgetKind::FormPreview { schema } => view! { <FormPreview schema=*schema/> }.into_any(),
    }
}

/// The alert shown in place of a widget whose options were unusable.
fn setup_failed() -> AnyView {
    let catalog = Locale::default().catalog();
    provide_context(catalog);
    view! { <ErrorPanel message=catalog.setup_failed() attr:data-testid="widget-error"/> }
        .into_any()
}
