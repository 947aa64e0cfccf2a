//! A feed's rules: its name and description, whether photos wait for review, how many
//! reports hide a photo until a moderator looks, whether anonymous visitors may post, and the
//! consent a poster gives.

use kindred_api::moderation::{FeedSettings, UpdateFeed};
use kindred_api::FieldErrors;
use leptos::prelude::*;

use super::fields::{count, CheckField, TextField};
use super::saving::{SaveButton, Saving};
use crate::text;

/// The settings form of `feed`.
#[component]
pub fn FeedForm(
    /// The feed as the server keeps it.
    feed: FeedSettings,
) -> impl IntoView {
    let slug = StoredValue::new(feed.slug.clone());
    let id = move |field: &str| format!("feed-{}-{field}", slug.get_value());
    let name = RwSignal::new(feed.name);
    let description = RwSignal::new(feed.description);
    let premoderation = RwSignal::new(feed.premoderation);
    let threshold = RwSignal::new(feed.report_threshold.to_string());
    let anonymous_posts = RwSignal::new(feed.allow_anonymous_posts);
    let consent = RwSignal::new(feed.consent);
    let saving = Saving::new();
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Ok(Some(report_threshold)) = count(&threshold.get_untracked()) else {
            let errors =
                FieldErrors::from([("report_threshold".to_owned(), vec!["invalid".to_owned()])]);
            return saving.refuse(errors);
        };
        let body = UpdateFeed {
            name: Some(name.get_untracked()),
            description: Some(description.get_untracked()),
            premoderation: Some(premoderation.get_untracked()),
            report_threshold: Some(report_threshold),
            allow_anonymous_posts: Some(anonymous_posts.get_untracked()),
            consent: Some(consent.get_untracked()),
            ..UpdateFeed::default()
        };
        let path = format!("/v1/moderation/feeds/{}", slug.get_value());
        saving.send(false, path, body, |_: FeedSettings| {});
    };
    let errors = saving.errors;
    view! {
        <form class="settings__form" on:submit=save data-testid="feed-form">
            <TextField id=id("name") label=text::NAME key="name" value=name errors/>
            <TextField id=id("description") label=text::DESCRIPTION key="description"
                value=description errors multiline=true/>
            <CheckField label=text::PREMODERATE_PHOTOS value=premoderation/>
            <TextField id=id("reports") label=text::REPORT_THRESHOLD key="report_threshold"
                value=threshold errors hint=text::REPORT_THRESHOLD_HINT/>
            <CheckField label=text::ANONYMOUS_PHOTOS value=anonymous_posts/>
            <TextField id=id("consent") label=text::CONSENT key="consent" value=consent errors
                hint=text::CONSENT_HINT multiline=true/>
            <SaveButton saving label=text::SAVE_FEED testid="save-feed"/>
        </form>
    }
}
