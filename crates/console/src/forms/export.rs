//! Exporting a form's submissions: the CSV the moderation API makes, fetched with the admin
//! key (a plain link could not carry it) and handed to the browser as a download.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

use crate::session::use_session;
use crate::text;

/// The button that downloads form `form`'s submissions as `<form>-submissions.csv`.
#[component]
pub fn ExportCsv(
    /// The form's slug.
    form: String,
) -> impl IntoView {
    let session = use_session();
    let form = StoredValue::new(form);
    let busy = RwSignal::new(false);
    let said = RwSignal::new(None::<String>);
    let export = move |_| {
        let Some(api) = session.api_untracked() else {
            return;
        };
        let slug = form.get_value();
        busy.set(true);
        said.set(None);
        spawn_local(async move {
            let path = format!("/v1/moderation/forms/{slug}/submissions.csv");
            let outcome = match api.get_text(&path).await {
                Ok(csv) => download(&csv, &format!("{slug}-submissions.csv"))
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
            {text::EXPORT_CSV}
        </button>
        <span class="hint" role="status" data-testid="export-status">{move || said.get()}</span>
    }
}

/// Hands `csv` to the browser as a download named `name`.
fn download(csv: &str, name: &str) -> Result<(), JsValue> {
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
