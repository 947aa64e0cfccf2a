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
use crate::sites::{SiteChoice, SitePicker};
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
    let choice = SiteChoice::load();
    let site = choice.site;
    let loaded = LocalResource::new(move || {
        let site = site.get();
        async move {
            let api = session.api_untracked()?;
            (!site.is_empty()).then_some(())?;
            Some(load(&api, &site).await)
        }
    });
    let saved_site = Callback::new(move |_: SiteSettings| choice.sites.refetch());
    view! {
        <section class="settings" aria-labelledby="settings-heading">
            <div class="queue__top">
                <h1 id="settings-heading">{text::SETTINGS}</h1>
                <SitePicker choice testid="settings-site"/>
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
                    {boards.into_iter().map(|board| view! {
                        <Folded name=board.name.clone() slug=board.slug.clone() testid="board-settings">
                            <BoardForm board/>
                        </Folded>
                    }).collect_view()}
                    <h2 class="settings__heading">{text::FEEDS}</h2>
                    {feeds.into_iter().map(|feed| view! {
                        <Folded name=feed.name.clone() slug=feed.slug.clone() testid="feed-settings">
                            <FeedForm feed/>
                        </Folded>
                    }).collect_view()}
                }.into_any(),
            }}
        </section>
    }
}

/// A board's or feed's settings, folded under its name and slug.
#[component]
fn Folded(
    /// Its name.
    name: String,
    /// Its slug.
    slug: String,
    /// Its test id.
    testid: &'static str,
    /// Its form.
    children: Children,
) -> impl IntoView {
    let title = format!("{name} ({slug})");
    view! {
        <details class="panel settings__place" data-testid=testid data-slug=slug>
            <summary>{title}</summary>
            {children()}
        </details>
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
