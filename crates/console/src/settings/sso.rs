//! Rotating a site's single sign-on secret: a new random secret made in the browser, sent to
//! the server and shown once, to be copied into the brand's sign-in service; or no secret,
//! so the site stops accepting signed-in visitors' tokens.

use kindred_api::moderation::{SiteSettings, UpdateSite};
use leptos::prelude::*;

use super::saving::Saving;
use crate::text;

/// Bytes of randomness in a new secret (shown as twice as many hex digits).
const SECRET_BYTES: usize = 32;

/// The sign-on panel of `site`; `on_saved` hears of the settings the server kept.
#[component]
pub fn SsoPanel(
    /// The site as the server keeps it.
    site: SiteSettings,
    /// Called with the settings saved.
    on_saved: Callback<SiteSettings>,
) -> impl IntoView {
    let path = StoredValue::new(format!("/v1/moderation/sites/{}", site.slug));
    let set = RwSignal::new(site.sso_secret_set);
    let confirming = RwSignal::new(false);
    // The new secret, shown until the moderator leaves the page.
    let shown = RwSignal::new(None::<String>);
    let saving = Saving::new();
    let send = move |secret: Option<String>| {
        let body = UpdateSite {
            sso_secret: Some(secret.clone()),
            ..UpdateSite::default()
        };
        saving.send(false, path.get_value(), body, move |saved: SiteSettings| {
            set.set(saved.sso_secret_set);
            shown.set(secret.clone());
            confirming.set(false);
            on_saved.run(saved);
        });
    };
    let rotate = move |_| match new_secret() {
        Some(secret) => send(Some(secret)),
        None => saving.said.set(Some(text::NO_RANDOMNESS.to_owned())),
    };
    view! {
        <section class="panel settings__form" aria-labelledby="sso-heading" data-testid="sso">
            <h2 class="form-editor__heading" id="sso-heading">{text::SSO}</h2>
            <p data-testid="sso-state">{move || if set.get() { text::SSO_ON } else { text::SSO_OFF }}</p>
            <p class="hint">{text::SSO_HINT}</p>
            {move || shown.get().map(|secret| view! {
                <div class="setting">
                    <label for="sso-secret">{text::NEW_SECRET}</label>
                    <input id="sso-secret" readonly prop:value=secret data-testid="sso-secret"
                        aria-describedby="sso-secret-hint"/>
                    <p class="hint" id="sso-secret-hint">{text::NEW_SECRET_HINT}</p>
                </div>
            })}
            <div class="form-editor__actions">
                <Show
                    when=move || confirming.get()
                    fallback=move || view! {
                        <button type="button" class="button" data-testid="rotate-sso"
                            on:click=move |_| confirming.set(true)>
                            {text::ROTATE_SSO}
                        </button>
                        <Show when=move || set.get()>
                            <button type="button" class="button button--danger" data-testid="stop-sso"
                                disabled=saving.busy on:click=move |_| send(None)>
                                {text::STOP_SSO}
                            </button>
                        </Show>
                    }
                >
                    <p>{text::ROTATE_WARNING}</p>
                    <button type="button" class="button button--primary" data-testid="confirm-rotate"
                        disabled=saving.busy on:click=rotate>
                        {text::ROTATE_NOW}
                    </button>
                    <button type="button" class="button" on:click=move |_| confirming.set(false)>
                        {text::CANCEL}
                    </button>
                </Show>
                <p class="hint" role="status">{move || saving.said.get()}</p>
            </div>
        </section>
    }
}

/// A new secret: random bytes from the browser's cryptographic source, in hex.
fn new_secret() -> Option<String> {
    let mut bytes = [0u8; SECRET_BYTES];
    let crypto = web_sys::window()?.crypto().ok()?;
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes.iter().map(|byte| format!("{byte:02x}")).collect())
}
