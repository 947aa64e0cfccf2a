//! The console of Kindred's reference server, where a brand's community team works: signed
//! in with the server's admin key, it reviews what waits in the moderation queue.
//!
//! A Leptos client-side app served by the server at `/console`, speaking the same REST API
//! as everyone else (`/v1/moderation/…`) with the types of `kindred-api`.

pub mod api;
pub mod counts;
pub mod disclosure;
pub mod download;
pub mod failure;
pub mod forms;
pub mod ideas;
pub mod insights;
pub mod places;
pub mod queue;
pub mod section;
pub mod session;
pub mod settings;
pub mod shell;
pub mod signin;
pub mod sites;
pub mod text;
pub mod webhooks;

use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;

use session::Session;
use shell::Shell;
use signin::SignIn;

/// Starts the console in the page's body.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// The console: the sign-in form until the moderator has given a key the server accepts,
/// then the console itself.
#[component]
pub fn App() -> impl IntoView {
    let session = Session::restore();
    provide_context(session);
    view! {
        {move || match session.api() {
            Some(_) => view! { <Shell/> }.into_any(),
            None => view! { <SignIn/> }.into_any(),
        }}
    }
}
