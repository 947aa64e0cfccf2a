//! The moderation API's wire types (`/v1/moderation/*`, admin key only): the review queue,
//! decisions, status changes and merges, blocks, the moderation log, and site and board
//! settings.
//!
//! The widget never calls these; they live in the contract crate so moderation tools written in
//! Rust share the server's definitions and validation rules.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize};

use crate::idea::{Idea, IdeaId, IdeaStatus, UnknownVariant};
use crate::site::{is_safe_theme_entry, SiteFeatures, Theme, THEME_MAX};
use crate::validate::{self, FieldErrors};

/// What a queue item is; also the `{kind}` of `/v1/moderation/{kind}/{id}/approve`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueueKind {
    /// An idea proposed on a premoderated board.
    Ideas,
    /// A comment written on a board that premoderates comments.
    Comments,
}

impl QueueKind {
    /// Every kind.
    pub const ALL: [QueueKind; 2] = [Self::Ideas, Self::Comments];

    /// The wire spelling, as in paths and `?kind=`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ideas => "ideas",
            Self::Comments => "comments",
        }
    }
}

impl fmt::Display for QueueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for QueueKind {
    type Err = UnknownVariant;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|kind| kind.as_str() == s)
            .ok_or(UnknownVariant)
    }
}

/// Why an item waits in the queue.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueueReason {
    /// Its board holds new items of its kind for review before they are shown.
    Premoderation,
}

/// Something waiting for a moderator's decision.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItem {
    /// What it is.
    pub kind: QueueKind,
    /// Its id within its kind.
    pub id: String,
    /// The slug of its site.
    pub site: String,
    /// The slug of its board.
    pub board: String,
    /// For a comment, the idea it was written on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idea_id: Option<IdeaId>,
    /// The start of its text (an idea's title, a comment's body).
    pub excerpt: String,
    /// Who wrote it.
    pub author: QueueAuthor,
    /// When it was written, RFC 3339 in UTC.
    pub created_at: String,
    /// Why it is in the queue.
    pub reason: QueueReason,
}

/// The author of a queue item, as moderators see them.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueAuthor {
    /// Display name.
    pub name: String,
    /// Identity key (`visitor:<uuid>` or `user:<sub>`), what a block names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<String>,
}

/// Most characters in a decision's reason or a block's reason.
pub const REASON_MAX: usize = 500;

/// The body of `POST /v1/moderation/{kind}/{id}/approve` (optional) and `/reject` (required).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionRequest {
    /// Why, for the moderation log; required to reject.
    #[serde(default)]
    pub reason: String,
}

impl DecisionRequest {
    /// Checks the reason: at most [`REASON_MAX`] characters, and present when `required`.
    pub fn validate(&self, required: bool) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        validate::text(
            &mut errors,
            "reason",
            &self.reason,
            usize::from(required),
            REASON_MAX,
        );
        validate::finish(errors)
    }
}

/// A moderator's decision on a queue item.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Shown to everyone.
    Approved,
    /// Kept hidden.
    Rejected,
}

/// The answer to a decision: where the item stands now.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionOutcome {
    /// What the item is.
    pub kind: QueueKind,
    /// Its id.
    pub id: String,
    /// The decision now in force.
    pub decision: Decision,
    /// Whether this request changed anything; a repeated decision changes nothing.
    pub changed: bool,
}

/// Most characters in a public status note.
pub const NOTE_MAX: usize = 2_000;

/// The body of `PUT /v1/moderation/ideas/{id}/status`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusRequest {
    /// The new status.
    pub status: IdeaStatus,
    /// What the brand says about it, shown publicly in the idea's history.
    #[serde(default)]
    pub note: String,
    /// The idea this one duplicates: required with status `duplicate`, refused otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<IdeaId>,
}

impl StatusRequest {
    /// Checks the note's length and that `duplicate_of` comes exactly with `duplicate`.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        validate::text(&mut errors, "note", &self.note, 0, NOTE_MAX);
        match (self.status, &self.duplicate_of) {
            (IdeaStatus::Duplicate, None) => {
                validate::push(&mut errors, "duplicate_of", validate::REQUIRED);
            }
            (IdeaStatus::Duplicate, Some(_)) | (_, None) => {}
            (_, Some(_)) => validate::push(&mut errors, "duplicate_of", validate::INVALID),
        }
        validate::finish(errors)
    }
}

/// The body of `POST /v1/moderation/ideas/{id}/merge`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergeRequest {
    /// The idea that absorbs this one.
    pub into: IdeaId,
    /// A public note for the merged idea's history.
    #[serde(default)]
    pub note: String,
}

impl MergeRequest {
    /// Checks the note's length; the server checks `into` against the stored ideas.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        validate::text(&mut errors, "note", &self.note, 0, NOTE_MAX);
        validate::finish(errors)
    }
}

/// The answer to a merge.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeOutcome {
    /// The merged idea, now a `duplicate` of `into`.
    pub source: IdeaId,
    /// The idea that absorbed it, with its new counts.
    pub into: Idea,
    /// Votes moved over; votes of supporters of both ideas are not counted twice.
    pub votes_moved: u32,
    /// Comments moved over.
    pub comments_moved: u32,
}

/// The body of `POST /v1/moderation/sites/{site}/blocks`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockRequest {
    /// The identity key: `visitor:<uuid>` or `user:<sub>`.
    pub identity: String,
    /// Why, for moderators only; the blocked identity never sees it.
    pub reason: String,
    /// When the block lapses, RFC 3339 in UTC (`2026-05-01T00:00:00Z`); never when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
}

impl BlockRequest {
    /// Checks the identity's shape, the reason and the expiry's shape.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        if !is_identity_key(&self.identity) {
            validate::push(&mut errors, "identity", validate::INVALID);
        }
        validate::text(&mut errors, "reason", &self.reason, 1, REASON_MAX);
        if self
            .expires_at
            .as_deref()
            .is_some_and(|at| normalize_utc(at).is_none())
        {
            validate::push(&mut errors, "expires_at", validate::INVALID);
        }
        validate::finish(errors)
    }
}

/// Whether `key` has the shape of an identity key: `visitor:<uuid>` or `user:<sub>`, at most
/// 200 characters, without whitespace or control characters.
pub fn is_identity_key(key: &str) -> bool {
    let valid_rest =
        |rest: &str| !rest.is_empty() && !rest.chars().any(|c| c.is_whitespace() || c.is_control());
    key.len() <= 200
        && match key.split_once(':') {
            Some(("visitor", id)) => crate::VisitorId::parse(id).is_ok(),
            Some(("user", sub)) => valid_rest(sub),
            _ => false,
        }
}

/// An RFC 3339 UTC time (`…Z`, with or without milliseconds) in the stored form
/// `YYYY-MM-DDTHH:MM:SS.mmmZ`; `None` for anything else.
pub fn normalize_utc(text: &str) -> Option<String> {
    const SHAPE: &[u8] = b"dddd-dd-ddTdd:dd:dd";
    let (time, fraction) = text.strip_suffix('Z')?.split_at_checked(SHAPE.len())?;
    let shaped = time.bytes().zip(SHAPE).all(|(byte, &shape)| match shape {
        b'd' => byte.is_ascii_digit(),
        literal => byte == literal,
    });
    let millis = match fraction {
        "" => "000",
        _ => fraction
            .strip_prefix('.')
            .filter(|ms| ms.len() == 3 && ms.bytes().all(|b| b.is_ascii_digit()))?,
    };
    (shaped && is_real_time(time)).then(|| format!("{time}.{millis}Z"))
}

/// Whether `YYYY-MM-DDTHH:MM:SS` (digits already checked) names a moment that exists: a
/// month of 1 to 12, a day within it (leap years counted), a time within the day.
fn is_real_time(time: &str) -> bool {
    let number = |range: std::ops::Range<usize>| time[range].parse::<u32>().unwrap_or(u32::MAX);
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let (hour, minute, second) = (number(11..13), number(14..16), number(17..19));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    year >= 1 && (1..=days).contains(&day) && hour < 24 && minute < 60 && second < 60
}

/// An identity barred from writing on a site.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// The identity key.
    pub identity: String,
    /// Why, for moderators only.
    pub reason: String,
    /// When the block was made, RFC 3339 in UTC.
    pub created_at: String,
    /// When it lapses; never when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
}

/// What a moderation log entry records.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LogAction {
    /// An item was approved.
    Approve,
    /// An item was rejected.
    Reject,
    /// An idea's status was set.
    Status,
    /// An idea was merged into another.
    Merge,
    /// An idea was pinned.
    Pin,
    /// An idea was unpinned.
    Unpin,
    /// An identity was blocked.
    Block,
    /// A block was lifted.
    Unblock,
}

impl LogAction {
    /// Every action.
    pub const ALL: [LogAction; 8] = [
        Self::Approve,
        Self::Reject,
        Self::Status,
        Self::Merge,
        Self::Pin,
        Self::Unpin,
        Self::Block,
        Self::Unblock,
    ];

    /// The wire spelling, also the stored one.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Approve => "approve",
            Self::Reject => "reject",
            Self::Status => "status",
            Self::Merge => "merge",
            Self::Pin => "pin",
            Self::Unpin => "unpin",
            Self::Block => "block",
            Self::Unblock => "unblock",
        }
    }
}

impl FromStr for LogAction {
    type Err = UnknownVariant;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|action| action.as_str() == s)
            .ok_or(UnknownVariant)
    }
}

/// One decision in the moderation log.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    /// Identifier; entries are listed newest first.
    pub id: String,
    /// The slug of the site it concerns.
    pub site: String,
    /// What was done.
    pub action: LogAction,
    /// What it was done to: `ideas`, `comments` or `identities`.
    pub target_kind: String,
    /// The id (or identity key) of what it was done to.
    pub target_id: String,
    /// Why, as the moderator wrote it; empty when they wrote nothing.
    pub reason: String,
    /// When, RFC 3339 in UTC.
    pub at: String,
}

/// A site as moderators manage it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteSettings {
    /// The site's slug, as in `data-site`; fixed once created.
    pub slug: String,
    /// Display name of the brand.
    pub name: String,
    /// Default locale (BCP 47).
    pub locale: String,
    /// The author name shown on anonymous visitors' ideas and comments.
    pub anonymous_author: String,
    /// Browser origins allowed to call the API for this site (`scheme://host[:port]`).
    pub origins: Vec<String>,
    /// Whether an SSO secret is set; the secret itself is never answered.
    pub sso_secret_set: bool,
    /// Theme defaults for the widget.
    pub theme: Theme,
    /// What the site has switched on.
    pub features: SiteFeatures,
}

/// Most characters in a site or board name.
pub const NAME_MAX: usize = 100;
/// Most characters in a board description.
pub const DESCRIPTION_MAX: usize = 1_000;
/// Most allowed origins on one site.
pub const ORIGINS_MAX: usize = 50;
/// Fewest characters in an SSO secret.
pub const SECRET_MIN: usize = 16;
/// Most characters in an SSO secret.
pub const SECRET_MAX: usize = 256;

/// The body of `POST /v1/moderation/sites`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateSite {
    /// The site's slug: 1 to 64 lowercase letters, digits and hyphens.
    pub slug: String,
    /// Display name of the brand.
    pub name: String,
    /// Default locale (BCP 47); `en` when absent.
    #[serde(default = "default_locale")]
    pub locale: String,
    /// The author name for anonymous visitors; `Anonymous` when absent.
    #[serde(default = "default_anonymous_author")]
    pub anonymous_author: String,
    /// Allowed browser origins.
    #[serde(default)]
    pub origins: Vec<String>,
    /// The SSO secret (at least 16 characters); none when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sso_secret: Option<String>,
    /// Theme defaults.
    #[serde(default)]
    pub theme: Theme,
    /// Feature flags; all on when absent.
    #[serde(default)]
    pub features: SiteFeatures,
}

fn default_locale() -> String {
    "en".to_owned()
}

fn default_anonymous_author() -> String {
    "Anonymous".to_owned()
}

impl CreateSite {
    /// Checks every field but the origins, whose form the server checks as it normalises them.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        if !is_slug(&self.slug) {
            validate::push(&mut errors, "slug", validate::INVALID);
        }
        let fields = SiteFields {
            name: Some(&self.name),
            locale: Some(&self.locale),
            anonymous_author: Some(&self.anonymous_author),
            origins: Some(&self.origins),
            sso_secret: self.sso_secret.as_deref(),
            theme: Some(&self.theme),
        };
        fields.check(&mut errors);
        validate::finish(errors)
    }
}

/// The body of `PUT /v1/moderation/sites/{site}`: only the fields present change.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateSite {
    /// New display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New default locale (BCP 47).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// New author name for anonymous visitors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anonymous_author: Option<String>,
    /// The complete new list of allowed origins; takes effect for CORS at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origins: Option<Vec<String>>,
    /// A new SSO secret (rotation), or `null` to stop accepting SSO tokens.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub sso_secret: Option<Option<String>>,
    /// The complete new theme defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<Theme>,
    /// New feature flags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub features: Option<SiteFeatures>,
}

impl UpdateSite {
    /// Checks the fields present, but the origins (see [`CreateSite::validate`]).
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        let fields = SiteFields {
            name: self.name.as_deref(),
            locale: self.locale.as_deref(),
            anonymous_author: self.anonymous_author.as_deref(),
            origins: self.origins.as_deref(),
            sso_secret: self.sso_secret.as_ref().and_then(Option::as_deref),
            theme: self.theme.as_ref(),
        };
        fields.check(&mut errors);
        validate::finish(errors)
    }
}

/// The site fields a create or an update carries, each checked when present.
struct SiteFields<'a> {
    name: Option<&'a str>,
    locale: Option<&'a str>,
    anonymous_author: Option<&'a str>,
    origins: Option<&'a [String]>,
    sso_secret: Option<&'a str>,
    theme: Option<&'a Theme>,
}

impl SiteFields<'_> {
    fn check(&self, errors: &mut FieldErrors) {
        if let Some(name) = self.name {
            validate::text(errors, "name", name, 1, NAME_MAX);
        }
        if let Some(author) = self.anonymous_author {
            validate::text(errors, "anonymous_author", author, 1, NAME_MAX);
        }
        if self.locale.is_some_and(|locale| !is_locale(locale)) {
            validate::push(errors, "locale", validate::INVALID);
        }
        if self.origins.is_some_and(|o| o.len() > ORIGINS_MAX) {
            validate::push(errors, "origins", validate::TOO_MANY);
        }
        if let Some(secret) = self.sso_secret {
            validate::text(errors, "sso_secret", secret, SECRET_MIN, SECRET_MAX);
        }
        if let Some(theme) = self.theme {
            if theme.len() > THEME_MAX {
                validate::push(errors, "theme", validate::TOO_MANY);
            }
            if !theme.iter().all(|(k, v)| is_safe_theme_entry(k, v)) {
                validate::push(errors, "theme", validate::INVALID);
            }
        }
    }
}

/// Reads a field that is present, `null` included, as `Some`: with `#[serde(default)]`, an
/// absent field stays `None`, so `Option<Option<T>>` tells "unchanged" from "cleared".
fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

pub use crate::validate::is_slug;

/// Whether `tag` is a well-formed BCP 47 language tag of the common shape: a 2–3 or 5–8
/// letter language, then subtags of 1–8 letters and digits (`en`, `de-CH`, `zh-Hant-TW`,
/// `es-419`), at most 35 characters.
pub fn is_locale(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let language = subtags.next().unwrap_or_default();
    tag.len() <= 35
        && matches!(language.len(), 2..=3 | 5..=8)
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A board as moderators manage it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardSettings {
    /// The board's slug, as in `data-board`; unique across the server.
    pub slug: String,
    /// The slug of its site.
    pub site: String,
    /// Display name.
    pub name: String,
    /// Short description shown above the board.
    pub description: String,
    /// Supporters an idea needs before the brand reviews it; none when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supporter_threshold: Option<u32>,
    /// Most ideas one identity may support at once; no limit when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote_cap: Option<u32>,
    /// Whether new ideas wait for a moderator before they are listed.
    pub premoderation: bool,
    /// Whether new comments wait for a moderator before they are shown.
    pub premoderate_comments: bool,
    /// Whether anonymous visitors may propose ideas and comment.
    pub allow_anonymous_posts: bool,
    /// Whether anonymous visitors may vote.
    pub allow_anonymous_votes: bool,
}

/// The body of `POST /v1/moderation/sites/{site}/boards`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateBoard {
    /// The board's slug: 1 to 64 lowercase letters, digits and hyphens, unique on the server.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// Short description.
    #[serde(default)]
    pub description: String,
    /// Supporters an idea needs before the brand reviews it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supporter_threshold: Option<u32>,
    /// Most ideas one identity may support at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote_cap: Option<u32>,
    /// Whether new ideas wait for review; off when absent.
    #[serde(default)]
    pub premoderation: bool,
    /// Whether new comments wait for review; off when absent.
    #[serde(default)]
    pub premoderate_comments: bool,
    /// Whether anonymous visitors may propose ideas and comment; on when absent.
    #[serde(default = "yes")]
    pub allow_anonymous_posts: bool,
    /// Whether anonymous visitors may vote; on when absent.
    #[serde(default = "yes")]
    pub allow_anonymous_votes: bool,
}

fn yes() -> bool {
    true
}

impl CreateBoard {
    /// Checks the slug, the texts and that limits are positive.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        if !is_slug(&self.slug) {
            validate::push(&mut errors, "slug", validate::INVALID);
        }
        let fields = BoardFields {
            name: Some(&self.name),
            description: Some(&self.description),
            supporter_threshold: self.supporter_threshold,
            vote_cap: self.vote_cap,
        };
        fields.check(&mut errors);
        validate::finish(errors)
    }
}

/// The body of `PUT /v1/moderation/boards/{board}`: only the fields present change; `null`
/// clears a threshold or a vote cap.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateBoard {
    /// A new slug (the old one stops working).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// New display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// New supporter threshold, or `null` for none.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<u32>))]
    pub supporter_threshold: Option<Option<u32>>,
    /// New vote cap, or `null` for no limit.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<u32>))]
    pub vote_cap: Option<Option<u32>>,
    /// Whether new ideas wait for review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub premoderation: Option<bool>,
    /// Whether new comments wait for review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub premoderate_comments: Option<bool>,
    /// Whether anonymous visitors may propose ideas and comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_anonymous_posts: Option<bool>,
    /// Whether anonymous visitors may vote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_anonymous_votes: Option<bool>,
}

impl UpdateBoard {
    /// Checks the fields present.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        if self.slug.as_deref().is_some_and(|slug| !is_slug(slug)) {
            validate::push(&mut errors, "slug", validate::INVALID);
        }
        let fields = BoardFields {
            name: self.name.as_deref(),
            description: self.description.as_deref(),
            supporter_threshold: self.supporter_threshold.flatten(),
            vote_cap: self.vote_cap.flatten(),
        };
        fields.check(&mut errors);
        validate::finish(errors)
    }
}

/// The board fields a create or an update carries, each checked when present.
struct BoardFields<'a> {
    name: Option<&'a str>,
    description: Option<&'a str>,
    supporter_threshold: Option<u32>,
    vote_cap: Option<u32>,
}

impl BoardFields<'_> {
    fn check(&self, errors: &mut FieldErrors) {
        if let Some(name) = self.name {
            validate::text(errors, "name", name, 1, NAME_MAX);
        }
        if let Some(description) = self.description {
            validate::text(errors, "description", description, 0, DESCRIPTION_MAX);
        }
        for (field, value) in [
            ("supporter_threshold", self.supporter_threshold),
            ("vote_cap", self.vote_cap),
        ] {
            if value == Some(0) {
                validate::push(errors, field, validate::INVALID);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_from_their_wire_names() {
        for kind in QueueKind::ALL {
            assert_eq!(kind.as_str().parse::<QueueKind>(), Ok(kind));
        }
        assert!("posts".parse::<QueueKind>().is_err());
        for action in LogAction::ALL {
            assert_eq!(action.as_str().parse::<LogAction>(), Ok(action));
        }
    }

    #[test]
    fn a_rejection_needs_a_reason() {
        let empty = DecisionRequest::default();
        assert!(empty.validate(false).is_ok());
        assert_eq!(empty.validate(true).unwrap_err()["reason"], ["required"]);
    }

    #[test]
    fn duplicate_of_comes_exactly_with_duplicate() {
        let request = |status, duplicate_of: Option<&str>| StatusRequest {
            status,
            note: String::new(),
            duplicate_of: duplicate_of.map(|id| IdeaId(id.into())),
        };
        assert!(request(IdeaStatus::Planned, None).validate().is_ok());
        assert!(request(IdeaStatus::Duplicate, Some("3")).validate().is_ok());
        let errors = request(IdeaStatus::Duplicate, None).validate().unwrap_err();
        assert_eq!(errors["duplicate_of"], ["required"]);
        let errors = request(IdeaStatus::Planned, Some("3"))
            .validate()
            .unwrap_err();
        assert_eq!(errors["duplicate_of"], ["invalid"]);
    }

    #[test]
    fn identity_keys_and_times_are_checked() {
        assert!(is_identity_key(
            "visitor:0f8fad5b-d9cb-469f-a165-70867728950e"
        ));
        assert!(is_identity_key("user:u-42"));
        for bad in ["visitor:nope", "user:", "user:a b", "admin:x", "u-42"] {
            assert!(!is_identity_key(bad), "{bad}");
        }
        assert_eq!(
            normalize_utc("2026-05-01T00:00:00Z").as_deref(),
            Some("2026-05-01T00:00:00.000Z")
        );
        assert_eq!(
            normalize_utc("2026-05-01T00:00:00.250Z").as_deref(),
            Some("2026-05-01T00:00:00.250Z")
        );
        for bad in [
            "2026-05-01",
            "2026-05-01T00:00:00+02:00",
            "2026-05-01T00:00:00.5Z",
        ] {
            assert_eq!(normalize_utc(bad), None, "{bad}");
        }
    }

    #[test]
    fn locales_are_bcp47_shaped() {
        for good in ["en", "de-CH", "zh-Hant-TW", "es-419", "gsw"] {
            assert!(is_locale(good), "{good}");
        }
        for bad in ["", "e", "en_US", "en-", "en-waytoolongsubtag", "12"] {
            assert!(!is_locale(bad), "{bad}");
        }
    }

    #[test]
    fn an_update_tells_absent_from_null() {
        let keep: UpdateSite = serde_json::from_str("{}").unwrap();
        assert_eq!(keep.sso_secret, None);
        let clear: UpdateSite = serde_json::from_str(r#"{"sso_secret":null}"#).unwrap();
        assert_eq!(clear.sso_secret, Some(None));
        let board: UpdateBoard = serde_json::from_str(r#"{"vote_cap":null}"#).unwrap();
        assert_eq!(board.vote_cap, Some(None));
        assert_eq!(board.supporter_threshold, None);
    }

    #[test]
    fn bad_site_settings_get_a_code_per_field() {
        let mut theme = Theme::new();
        theme.insert("--kindred-bg".into(), "url(x)".into());
        let update = UpdateSite {
            name: Some(" ".into()),
            locale: Some("en_US".into()),
            sso_secret: Some(Some("short".into())),
            theme: Some(theme),
            ..UpdateSite::default()
        };
        let errors = update.validate().unwrap_err();
        assert_eq!(errors["name"], ["required"]);
        assert_eq!(errors["locale"], ["invalid"]);
        assert_eq!(errors["sso_secret"], ["too_short"]);
        assert_eq!(errors["theme"], ["invalid"]);
    }
}
