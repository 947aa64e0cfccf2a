//! Downloading a CSV file the moderation API makes: fetched with the admin key (a plain
//! link could not carry it) and handed to the browser as a download, with a button that does
//! it and says how it went.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

use crate::session::use_session;
use crate::text;

/// The button that downloads the CSV at `path` (from `/v1/`) as the file `name`.
#[component]
pub fn CsvButton(
    /// Where the API makes the file.
    #[prop(into)]
    path: Signal<String>,
    /// The downloaded file's name.
    #[prop(into)]
    name: Signal<String>,
    /// What the button says.
    label: &'static str,
) -> impl IntoView {
    let session = use_session();
    let busy = RwSignal::new(false);
    let said = RwSignal::new(None::<String>);
    let export = move |_| {
        let Some(api) = session.api_untracked() else {
            return;
        };
        let (path, name) = (path.get_untracked(), name.get_untracked());
        busy.set(true);
        said.set(None);
        spawn_local(async move {
            let outcome = match api.get_text(&path).await {
                Ok(file) => csv(&file, &name)
                    .map(|()| text::EXPORTED.to_owned())
                    .map_err(|_| text::BAD_RESPONSE.to_owned()),
                Err(error) if error.is_unauthorized() => return session.sign_out(),
                Err(error) => Err(error.message()),
            };
            said.try_set(Some(outcome.unwrap_or_else(|message| message)));
            busy.try_set(false);
        });
    };
    view! {
        <button type="button" class="button" on:click=export disabled=busy data-testid="export-csv">
            {label}
        </button>
        <span class="hint" role="status" data-testid="export-status">{move || said.get()}</span>
    }
}

/// Hands `csv` to the browser as a download named `name`.
pub fn csv(csv: &str, name: &str) -> Result<(), JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let parts = js_sys::Array::of1(&JsValue::from_str(csv));
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let link: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The browser reads the file after this task; let it go once it surely has.
    set_timeout(
        move || _ = Url::revoke_object_url(&url),
        Duration::from_secs(60),
    );
    Ok(())
}
