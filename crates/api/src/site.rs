//! A site's start-up configuration, answered by `GET /v1/sites/{site}`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::feed::FeedSummary;
use crate::form::FormSummary;
use crate::product::Product;

/// A site's theme defaults: `--kindred-*` custom property name → CSS value.
pub type Theme = BTreeMap<String, String>;

/// The prefix every theme property name carries.
pub const THEME_PREFIX: &str = "--kindred-";
/// Most characters in a theme property name.
pub const THEME_NAME_MAX: usize = 64;
/// Most characters in a theme value.
pub const THEME_VALUE_MAX: usize = 200;
/// Most properties in a theme.
pub const THEME_MAX: usize = 100;

/// What a widget needs to know about its site before it renders.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteConfig {
    /// The site's slug, as used in `data-site`.
    pub id: String,
    /// Display name of the brand.
    pub name: String,
    /// Default locale (BCP 47), used when the page does not choose one.
    pub locale: String,
    /// The site's idea boards.
    pub boards: Vec<BoardSummary>,
    /// The site's open co-creation forms; empty from servers that have none.
    #[serde(default)]
    pub forms: Vec<FormSummary>,
    /// Theme defaults the widget sets on its root before the page's own overrides.
    #[serde(default)]
    pub theme: Theme,
    /// What the site has switched on.
    #[serde(default)]
    pub features: SiteFeatures,
    /// The site's UGC feeds.
    #[serde(default)]
    pub feeds: Vec<FeedSummary>,
    /// The brand's product catalog, in the order the brand saved it: what posts' product tags
    /// name, for "shop this look" links. Empty from servers that have none.
    #[serde(default)]
    pub products: Vec<Product>,
}

impl SiteConfig {
    /// A site whose API says nothing of it (a brand's own API, through an adapter): named by
    /// its slug, in English, without boards, forms, feeds or products, with the contract's
    /// default theme and features.
    pub fn unconfigured(site: &str) -> Self {
        Self {
            id: site.to_owned(),
            name: site.to_owned(),
            locale: "en".to_owned(),
            boards: Vec::new(),
            forms: Vec::new(),
            theme: Theme::new(),
            features: SiteFeatures::default(),
            feeds: Vec::new(),
            products: Vec::new(),
        }
    }
}

/// The parts of the widget a site has switched on or off. The server enforces them too: a
/// switched-off write answers 403.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SiteFeatures {
    /// Whether visitors may read and write comments on ideas.
    pub comments: bool,
    /// Whether visitors may propose ideas (voting stays open either way).
    pub idea_submissions: bool,
}

impl Default for SiteFeatures {
    fn default() -> Self {
        Self {
            comments: true,
            idea_submissions: true,
        }
    }
}

/// Whether `name: value` may be a theme default: the name is `--kindred-` and lowercase
/// letters, digits and hyphens; the value is short, single-line and cannot end the declaration,
/// open a block or markup, or load anything (`;`, `{`, `}`, `<`, `>`, `\`, `url(`).
pub fn is_safe_theme_entry(name: &str, value: &str) -> bool {
    let name_ok = name.len() <= THEME_NAME_MAX
        && name.strip_prefix(THEME_PREFIX).is_some_and(|rest| {
            !rest.is_empty()
                && rest
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        });
    let value_ok = !value.trim().is_empty()
        && value.chars().count() <= THEME_VALUE_MAX
        && !value
            .chars()
            .any(|c| matches!(c, ';' | '{' | '}' | '<' | '>' | '\\') || c.is_control())
        && !value.to_ascii_lowercase().contains("url(");
    name_ok && value_ok
}

/// An idea board as listed in a [`SiteConfig`].
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardSummary {
    /// The board's slug, as used in `data-board`.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// Short description shown above the board.
    pub description: String,
    /// Supporters an idea needs before the brand reviews it, where the board sets a threshold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<u32>,
    /// Whether visitors who are not signed in may vote; on when absent.
    #[serde(default = "crate::moderation::yes")]
    pub allow_anonymous_votes: bool,
    /// Whether visitors who are not signed in may propose ideas and comment; on when absent.
    #[serde(default = "crate::moderation::yes")]
    pub allow_anonymous_posts: bool,
    /// Whether new ideas wait for a moderator before they are listed; off when absent.
    #[serde(default)]
    pub premoderation: bool,
    /// The co-creation form visitors propose ideas with, where the site has an open form
    /// whose submissions become ideas on this board (the newest, when several do). The
    /// widget shows it instead of its own title and description fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<BoardForm>,
}

/// The form that proposes ideas on a board.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardForm {
    /// The form's slug, for `GET /v1/forms/{form}`.
    pub slug: String,
    /// The field whose answer becomes the idea's title, so the widget can suggest similar
    /// ideas while the visitor types it.
    pub title_field: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_entries_are_kindred_properties_with_inert_values() {
        assert!(is_safe_theme_entry("--kindred-accent", "#0a7"));
        assert!(is_safe_theme_entry(
            "--kindred-font",
            "\"Inter\", sans-serif"
        ));
        for (name, value) in [
            ("--accent", "#0a7"),
            ("--kindred-", "#0a7"),
            ("--kindred-Accent", "#0a7"),
            ("--kindred-accent", ""),
            ("--kindred-accent", "red; background: red"),
            ("--kindred-accent", "red}body{color:red"),
            ("--kindred-bg", "URL(https://evil.test/x.png)"),
            ("--kindred-bg", "</style>"),
            ("--kindred-bg", "red\nblue"),
        ] {
            assert!(!is_safe_theme_entry(name, value), "{name}: {value}");
        }
    }

    #[test]
    fn features_default_to_on_and_old_configs_still_parse() {
        let config: SiteConfig =
            serde_json::from_str(r#"{"id":"a","name":"A","locale":"en","boards":[]}"#).unwrap();
        assert!(config.theme.is_empty());
        assert_eq!(config.features, SiteFeatures::default());
        assert!(config.features.comments && config.features.idea_submissions);
        assert!(config.products.is_empty());
    }

    #[test]
    fn boards_from_older_servers_are_open_to_everyone() {
        let board: BoardSummary =
            serde_json::from_str(r#"{"slug":"a","name":"A","description":""}"#).unwrap();
        assert_eq!(board.threshold, None);
        assert!(board.allow_anonymous_votes && board.allow_anonymous_posts);
        assert!(!board.premoderation);
        let json = serde_json::to_value(&board).unwrap();
        assert!(json.get("threshold").is_none());
        assert_eq!(json["allow_anonymous_posts"], true);
    }
}
