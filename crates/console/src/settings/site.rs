//! A site's own settings: its name, language, the name anonymous authors go by, the origins
//! allowed to embed its widgets, what visitors may do, and its theme defaults.

use kindred_api::moderation::{SiteSettings, UpdateSite};
use kindred_api::{FieldErrors, SiteFeatures, Theme};
use leptos::prelude::*;

use super::fields::{CheckField, TextField};
use super::saving::{SaveButton, Saving};
use crate::text;

/// The settings form of `site`; `on_saved` hears of the settings the server kept.
#[component]
pub fn SiteForm(
    /// The site as the server keeps it.
    site: SiteSettings,
    /// Called with the settings saved.
    on_saved: Callback<SiteSettings>,
) -> impl IntoView {
    let slug = site.slug.clone();
    let name = RwSignal::new(site.name);
    let locale = RwSignal::new(site.locale);
    let author = RwSignal::new(site.anonymous_author);
    let origins = RwSignal::new(site.origins.join("\n"));
    let theme = RwSignal::new(theme_lines(&site.theme));
    let comments = RwSignal::new(site.features.comments);
    let proposals = RwSignal::new(site.features.idea_submissions);
    let saving = Saving::new();
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let theme = match parse_theme(&theme.get_untracked()) {
            Ok(theme) => theme,
            Err(()) => {
                let errors = FieldErrors::from([("theme".to_owned(), vec!["invalid".to_owned()])]);
                return saving.refuse(errors);
            }
        };
        let body = UpdateSite {
            name: Some(name.get_untracked()),
            locale: Some(locale.get_untracked().trim().to_owned()),
            anonymous_author: Some(author.get_untracked()),
            origins: Some(lines(&origins.get_untracked())),
            theme: Some(theme),
            features: Some(SiteFeatures {
                comments: comments.get_untracked(),
                idea_submissions: proposals.get_untracked(),
            }),
            ..UpdateSite::default()
        };
        let path = format!("/v1/moderation/sites/{slug}");
        saving.send(false, path, body, move |saved| on_saved.run(saved));
    };
    let errors = saving.errors;
    view! {
        <form class="panel settings__form" on:submit=save data-testid="site-form">
            <h2 class="form-editor__heading">{text::SITE_SETTINGS}</h2>
            <TextField id="site-name".into() label=text::NAME key="name" value=name errors/>
            <TextField id="site-locale".into() label=text::LOCALE key="locale" value=locale errors
                hint=text::LOCALE_HINT/>
            <TextField id="site-author".into() label=text::ANONYMOUS_AUTHOR key="anonymous_author"
                value=author errors/>
            <TextField id="site-origins".into() label=text::ORIGINS key="origins" value=origins
                errors hint=text::ORIGINS_HINT multiline=true/>
            <CheckField label=text::ALLOW_COMMENTS value=comments/>
            <CheckField label=text::ALLOW_PROPOSALS value=proposals/>
            <TextField id="site-theme".into() label=text::THEME key="theme" value=theme errors
                hint=text::THEME_HINT multiline=true/>
            <SaveButton saving label=text::SAVE_SITE testid="save-site"/>
        </form>
    }
}

/// The non-blank lines of `text`, trimmed.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A theme as the field shows it: `--kindred-name: value`, one a line.
fn theme_lines(theme: &Theme) -> String {
    theme
        .iter()
        .map(|(name, value)| format!("{name}: {value}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The theme typed in the field; a line without a colon is a mistake. The server checks the
/// names and values.
fn parse_theme(typed: &str) -> Result<Theme, ()> {
    lines(typed)
        .iter()
        .map(|line| {
            let (name, value) = line.split_once(':').ok_or(())?;
            Ok((name.trim().to_owned(), value.trim().to_owned()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn themes_are_read_and_shown_a_property_a_line() {
        let theme =
            parse_theme(" --kindred-color-accent: #2f6f4e \n\n--kindred-radius:4px").unwrap();
        assert_eq!(theme["--kindred-color-accent"], "#2f6f4e");
        assert_eq!(theme["--kindred-radius"], "4px");
        assert_eq!(
            theme_lines(&theme),
            "--kindred-color-accent: #2f6f4e\n--kindred-radius: 4px"
        );
        assert_eq!(parse_theme("--kindred-radius 4px"), Err(()));
        assert_eq!(
            lines(" https://a.example \n\n https://b.example"),
            ["https://a.example", "https://b.example"]
        );
    }
}
