//! Configuring a site: its own settings and single sign-on secret, then the rules of each of
//! its idea boards and photo feeds, each form saved on its own through the moderation API.

mod board;
mod feed;
mod fields;
mod saving;
mod site;
mod sso;

use kindred_api::moderation::{BoardSettings, FeedSettings, SiteSettings};
use kindred_api::Page;
use leptos::prelude::*;

use crate::api::{Api, ApiError};
use crate::failure::LoadFailed;
use crate::session::use_session;
use crate::text;
use board::BoardForm;
use feed::FeedForm;
use site::SiteForm;
use sso::SsoPanel;

/// A site's settings with its boards' and feeds'.
#[derive(Clone, Debug, PartialEq)]
struct Loaded {
    site: SiteSettings,
    boards: Vec<BoardSettings>,
    feeds: Vec<FeedSettings>,
}

/// The settings section.
#[component]
pub fn SettingsSection() -> impl IntoView {
    let session = use_session();
    let sites = LocalResource::new(move || async move {
        let api = session.api_untracked()?;
        let sites = api.get::<Page<SiteSettings>>("/v1/moderation/sites").await;
        Some(sites.map(|page| page.items).unwrap_or_default())
    });
    let site = RwSignal::new(String::new());
    Effect::new(move || {
        let first = sites.with(|sites| sites.as_ref().and_then(|s| s.as_ref()?.first().cloned()));
        if let Some(first) = first.filter(|_| site.with_untracked(String::is_empty)) {
            site.set(first.slug);
        }
    });
    let loaded = LocalResource::new(move || {
        let site = site.get();
        async move {
            let api = session.api_untracked()?;
            (!site.is_empty()).then_some(())?;
            Some(load(&api, &site).await)
        }
    });
    let saved_site = Callback::new(move |_: SiteSettings| sites.refetch());
    view! {
        <section class="settings" aria-labelledby="settings-heading">
            <div class="queue__top">
                <h1 id="settings-heading">{text::SETTINGS}</h1>
                <label class="field field--inline">
                    <span>{text::SITE}</span>
                    <select data-testid="settings-site" prop:value=site
                        on:change=move |event| site.set(event_target_value(&event))>
                        {move || sites.get().flatten().unwrap_or_default().into_iter().map(|site| {
                            view! { <option value=site.slug>{site.name}</option> }
                        }).collect_view()}
                    </select>
                </label>
            </div>
            {move || match loaded.get().flatten() {
                None => view! { <p class="hint" role="status">{text::LOADING}</p> }.into_any(),
                Some(Err(error)) => view! {
                    <LoadFailed message=error.message() retry=Callback::new(move |()| loaded.refetch())/>
                }.into_any(),
                Some(Ok(Loaded { site, boards, feeds })) => view! {
                    <div class="settings__grid">
                        <SiteForm site=site.clone() on_saved=saved_site/>
                        <SsoPanel site on_saved=saved_site/>
                    </div>
                    <h2 class="settings__heading">{text::BOARDS}</h2>
                    {boards.into_iter().map(|board| {
                        let title = format!("{} ({})", board.name, board.slug);
                        let slug = board.slug.clone();
                        view! {
                            <details class="panel settings__place" data-testid="board-settings"
                                data-slug=slug>
                                <summary>{title}</summary>
                                <BoardForm board/>
                            </details>
                        }
                    }).collect_view()}
                    <h2 class="settings__heading">{text::FEEDS}</h2>
                    {feeds.into_iter().map(|feed| {
                        let title = format!("{} ({})", feed.name, feed.slug);
                        let slug = feed.slug.clone();
                        view! {
                            <details class="panel settings__place" data-testid="feed-settings"
                                data-slug=slug>
                                <summary>{title}</summary>
                                <FeedForm feed/>
                            </details>
                        }
                    }).collect_view()}
                }.into_any(),
            }}
        </section>
    }
}

/// Site `slug`'s settings, boards and feeds.
async fn load(api: &Api, slug: &str) -> Result<Loaded, ApiError> {
    let site = api
        .get::<SiteSettings>(&format!("/v1/moderation/sites/{slug}"))
        .await?;
    let boards = api
        .get::<Page<BoardSettings>>(&format!("/v1/moderation/sites/{slug}/boards"))
        .await?
        .items;
    let feeds = api
        .get::<Page<FeedSettings>>(&format!("/v1/moderation/sites/{slug}/feeds"))
        .await?
        .items;
    Ok(Loaded {
        site,
        boards,
        feeds,
    })
}
