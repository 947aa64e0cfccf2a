//! Which site a section works on: every site the server keeps, the one picked (the first
//! until the moderator picks another), and the drop-down that picks it.

use kindred_api::moderation::SiteSettings;
use kindred_api::Page;
use leptos::prelude::*;

use crate::api::ApiError;
use crate::failure::LoadFailed;
use crate::session::use_session;
use crate::text;

/// The sites, and the slug of the one picked.
#[derive(Clone, Copy)]
pub struct SiteChoice {
    /// Every site, once loaded, or why not (`None` without a session).
    pub sites: LocalResource<Option<Result<Vec<SiteSettings>, ApiError>>>,
    /// The picked site's slug; empty until the sites are known.
    pub site: RwSignal<String>,
}

impl SiteChoice {
    /// Loads the sites and picks the first.
    pub fn load() -> Self {
        let session = use_session();
        let sites = LocalResource::new(move || async move {
            let api = session.api_untracked()?;
            let sites = api.get::<Page<SiteSettings>>("/v1/moderation/sites").await;
            Some(sites.map(|page| page.items))
        });
        let site = RwSignal::new(String::new());
        Effect::new(move || {
            let first = sites.with(|sites| match sites.as_ref().and_then(Option::as_ref) {
                Some(Ok(sites)) => sites.first().map(|first| first.slug.clone()),
                _ => None,
            });
            if let Some(first) = first.filter(|_| site.with_untracked(String::is_empty)) {
                site.set(first);
            }
        });
        Self { sites, site }
    }
}

/// The drop-down that picks `choice`'s site, or why the sites could not be had, with a
/// retry; `on_change` hears of a new pick first.
#[component]
pub fn SitePicker(
    /// The sites and the pick.
    choice: SiteChoice,
    /// Its test id.
    testid: &'static str,
    /// Called before the pick changes.
    #[prop(optional)]
    on_change: Option<Callback<()>>,
) -> impl IntoView {
    let SiteChoice { sites, site } = choice;
    let failed = move || match sites.get().flatten() {
        Some(Err(error)) => Some(error.message()),
        _ => None,
    };
    move || match failed() {
        Some(message) => view! {
            <LoadFailed message retry=Callback::new(move |()| sites.refetch())/>
        }
        .into_any(),
        None => view! {
        <label class="field field--inline">
            <span>{text::SITE}</span>
            <select
                data-testid=testid
                prop:value=site
                on:change=move |event| {
                    if let Some(on_change) = on_change {
                        on_change.run(());
                    }
                    site.set(event_target_value(&event));
                }
            >
                {move || match sites.get().flatten() {
                    Some(Ok(sites)) => sites.into_iter().map(|site| {
                        view! { <option value=site.slug>{site.name}</option> }
                    }).collect_view().into_any(),
                    _ => ().into_any(),
                }}
            </select>
        </label>
        }
        .into_any(),
    }
}
