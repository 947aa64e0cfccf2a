//! The live preview: the form widget itself, mounted through the embed loader's JavaScript API
//! (`Kindred.mount`, the loader the console page includes) with the schema as its `preview`
//! option. The console draws no form of its own, so the preview is what visitors will see,
//! in the widget's own shadow root and styles, and it checks answers without sending them.

use js_sys::{Function, Object, Reflect};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

use crate::text;

/// The widget showing form `schema` (JSON) of `site`, mounted afresh whenever it changes.
#[component]
pub fn WidgetPreview(
    /// The site's slug.
    site: String,
    /// The schema to show, as JSON; `None` shows nothing.
    schema: RwSignal<Option<String>>,
) -> impl IntoView {
    let host = NodeRef::<html::Div>::new();
    let mounted = StoredValue::new_local(None::<JsValue>);
    let failed = RwSignal::new(false);
    Effect::new(move || {
        let (Some(json), Some(host)) = (schema.get(), host.get()) else {
            return;
        };
        unmount(mounted);
        match mount(&host, &site, &json) {
            Ok(handle) => mounted.set_value(Some(handle)),
            Err(_) => failed.set(true),
        }
    });
    on_cleanup(move || unmount(mounted));
    view! {
        <p class="error" role="alert">{move || failed.get().then_some(text::PREVIEW_UNAVAILABLE)}</p>
        <div class="form-editor__widget" data-testid="form-preview" node_ref=host></div>
    }
}

/// Mounts the form widget into `host` with `schema` as its preview; answers the loader's
/// handle, or why it could not (no loader on the page).
fn mount(host: &HtmlElement, site: &str, schema: &str) -> Result<JsValue, JsValue> {
    let kindred = Reflect::get(&js_sys::global(), &"Kindred".into())?;
    let mount: Function = Reflect::get(&kindred, &"mount".into())?.dyn_into()?;
    let options = Object::new();
    for (key, value) in [
        ("kind", "form"),
        ("site", site),
        ("preview", schema),
        ("eager", "true"),
    ] {
        Reflect::set(&options, &key.into(), &value.into())?;
    }
    mount.call2(&kindred, host, &options)
}

/// Unmounts the widget `mounted` holds, if any.
fn unmount(mounted: StoredValue<Option<JsValue>, LocalStorage>) {
    let Some(handle) = mounted.try_update_value(Option::take).flatten() else {
        return;
    };
    if let Ok(unmount) =
        Reflect::get(&handle, &"unmount".into()).and_then(JsCast::dyn_into::<Function>)
    {
        _ = unmount.call0(&handle);
    }
}
