//! Where a widget's adapter comes from: a preset shipped with the widget, a
//! `<script type="application/json">` in the page, or a URL. Without `data-adapter`, a page
//! that holds one `<script type="application/json" data-kindred-adapter>` has every widget
//! speak through it.

use gloo_net::http::Request;
use wasm_bindgen::JsCast;
use web_sys::HtmlScriptElement;

use super::adapter::presets;
use super::deadline::Deadline;
use crate::config::AdapterChoice;

/// An adapter's text, or where to fetch it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Kindred's own contract: no adapter.
    Kindred,
    /// An adapter's JSON.
    Text(String),
    /// The URL of an adapter's JSON.
    Url(String),
}

/// Where the adapter `choice` names is, or why it is not there.
pub fn locate(choice: Option<&AdapterChoice>) -> Result<Source, String> {
    match choice {
        None => Ok(page_adapter().map_or(Source::Kindred, Source::Text)),
        Some(AdapterChoice::Kindred) => Ok(Source::Kindred),
        Some(AdapterChoice::Preset(name)) => presets::preset(name)
            .map(|text| Source::Text(text.to_owned()))
            .ok_or_else(|| format!("no adapter preset `{name}`")),
        Some(AdapterChoice::Inline(id)) => script_text(&format!("#{}", css_id(id)))
            .map(Source::Text)
            .ok_or_else(|| {
                format!("the page has no <script type=\"application/json\" id=\"{id}\">")
            }),
        Some(AdapterChoice::Url(url)) => Ok(Source::Url(url.clone())),
    }
}

/// The adapter at `url`, as text, unless it takes longer than `timeout_ms` milliseconds.
pub async fn fetch(url: &str, timeout_ms: u32) -> Result<String, String> {
    let deadline = Deadline::start(timeout_ms);
    let failed = |why: String| {
        let why = if deadline.passed() {
            format!("no answer within {timeout_ms} ms")
        } else {
            why
        };
        format!("the adapter at {url} could not be read: {why}")
    };
    let response = Request::get(url)
        .abort_signal(deadline.signal().as_ref())
        .send()
        .await
        .map_err(|error| failed(error.to_string()))?;
    if !response.ok() {
        return Err(failed(format!("status {}", response.status())));
    }
    response
        .text()
        .await
        .map_err(|error| failed(error.to_string()))
}

/// The text of the page's `<script type="application/json" data-kindred-adapter>`, if any.
fn page_adapter() -> Option<String> {
    script_text("[data-kindred-adapter]")
}

/// The text of the JSON `<script>` that `selector` finds.
fn script_text(selector: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let selector = format!("script[type=\"application/json\"]{selector}");
    let script = document.query_selector(&selector).ok()??;
    script.dyn_into::<HtmlScriptElement>().ok()?.text().ok()
}

/// `id` escaped for a CSS `#id` selector.
fn css_id(id: &str) -> String {
    id.chars()
        .flat_map(|c| {
            let plain = c.is_ascii_alphanumeric() || c == '-' || c == '_' || !c.is_ascii();
            (!plain).then_some('\\').into_iter().chain([c])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_escaped_for_selectors() {
        assert_eq!(css_id("shop-api_2"), "shop-api_2");
        assert_eq!(css_id("a.b\"]"), "a\\.b\\\"\\]");
        assert_eq!(css_id("été"), "été");
    }
}
