//! UGC feeds as moderators manage them: settings, and what a create or an update carries.

use serde::{Deserialize, Serialize};

use crate::moderation::{check_board_or_feed, yes};
use crate::validate::{self, FieldErrors};

/// Distinct reports that hide a post when a new feed does not say.
pub const DEFAULT_REPORT_THRESHOLD: u32 = 3;
/// Most characters in a feed's consent statement.
pub const CONSENT_MAX: usize = 500;

/// A feed as moderators manage it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedSettings {
    /// The feed's slug, as in `data-feed`; unique across the server.
    pub slug: String,
    /// The slug of its site.
    pub site: String,
    /// Display name.
    pub name: String,
    /// Short description shown above the feed.
    pub description: String,
    /// Whether new posts wait for a moderator before they are listed.
    pub premoderation: bool,
    /// Distinct reports, not yet reviewed, that hide a post until a moderator decides.
    pub report_threshold: u32,
    /// Whether anonymous visitors may post, or only signed-in users.
    pub allow_anonymous_posts: bool,
    /// The rights statement a poster accepts; empty: the widget's own default.
    pub consent: String,
    /// Display order within the site, lowest first.
    pub position: u32,
}

/// The body of `POST /v1/moderation/sites/{site}/feeds`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateFeed {
    /// The feed's slug: 1 to 64 lowercase letters, digits and hyphens, unique on the server.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// Short description.
    #[serde(default)]
    pub description: String,
    /// Whether new posts wait for review; off when absent.
    #[serde(default)]
    pub premoderation: bool,
    /// Distinct reports that hide a post, at least 1; [`DEFAULT_REPORT_THRESHOLD`] when
    /// absent.
    #[serde(default = "default_report_threshold")]
    pub report_threshold: u32,
    /// Whether anonymous visitors may post; on when absent.
    #[serde(default = "yes")]
    pub allow_anonymous_posts: bool,
    /// The rights statement a poster accepts, up to [`CONSENT_MAX`] characters; the widget's
    /// own default when absent or empty.
    #[serde(default)]
    pub consent: String,
    /// Display order within the site; after the site's other feeds when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<u32>,
}

fn default_report_threshold() -> u32 {
    DEFAULT_REPORT_THRESHOLD
}

impl CreateFeed {
    /// Checks the slug, the texts and that the threshold is positive.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        check_board_or_feed(
            &mut errors,
            Some(&self.slug),
            Some(&self.name),
            Some(&self.description),
            &[("report_threshold", Some(self.report_threshold))],
        );
        check_consent(&mut errors, &self.consent);
        validate::finish(errors)
    }
}

/// Checks a consent statement's length.
fn check_consent(errors: &mut FieldErrors, consent: &str) {
    validate::text(errors, "consent", consent, 0, CONSENT_MAX);
}

/// The body of `PUT /v1/moderation/feeds/{feed}`: only the fields present change.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateFeed {
    /// A new slug (the old one stops working, `data-feed` included).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// New display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether new posts wait for review; posts already made keep their state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub premoderation: Option<bool>,
    /// New report threshold, at least 1; it applies to the next report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_threshold: Option<u32>,
    /// Whether anonymous visitors may post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_anonymous_posts: Option<bool>,
    /// A new consent statement; empty goes back to the widget's own default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<String>,
    /// New display order within the site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<u32>,
}

impl UpdateFeed {
    /// Checks the fields present.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        check_board_or_feed(
            &mut errors,
            self.slug.as_deref(),
            self.name.as_deref(),
            self.description.as_deref(),
            &[("report_threshold", self.report_threshold)],
        );
        if let Some(consent) = &self.consent {
            check_consent(&mut errors, consent);
        }
        validate::finish(errors)
    }
}
