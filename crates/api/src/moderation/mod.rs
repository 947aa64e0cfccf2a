//! The moderation API's wire types (`/v1/moderation/*`, admin key only): the review queue,
//! decisions, status changes and merges, blocks, the moderation log, and site, board and feed
//! settings.
//!
//! The widget never calls these; they live in the contract crate so moderation tools written in
//! Rust share the server's definitions and validation rules. One concept a module; everything
//! is re-exported here, so paths stay `kindred_api::moderation::X`.

mod blocks;
mod board;
mod curation;
mod decision;
mod feed;
mod log;
mod queue;
mod site;

use serde::{Deserialize, Deserializer};

use crate::validate::{self, FieldErrors};

pub use crate::validate::is_slug;
pub use blocks::{is_identity_key, normalize_utc, Block, BlockRequest};
pub use board::{BoardSettings, CreateBoard, UpdateBoard};
pub use curation::{
    MergeOutcome, MergePreview, MergeRequest, StatusRequest, TagsRequest, NOTE_MAX,
};
pub use decision::{Decision, DecisionOutcome, DecisionRequest, ReopenOutcome, REASON_MAX};
pub use feed::{CreateFeed, FeedSettings, UpdateFeed, CONSENT_MAX, DEFAULT_REPORT_THRESHOLD};
pub use log::{LogAction, LogEntry};
pub use queue::{
    QueueAuthor, QueueCounts, QueueItem, QueueKind, QueueOrder, QueueReason, ReportSummary,
};
pub use site::{
    is_locale, CreateSite, SiteSettings, UpdateSite, ORIGINS_MAX, SECRET_MAX, SECRET_MIN,
};

/// Most characters in a site, board or feed name.
pub const NAME_MAX: usize = 100;
/// Most characters in a board or feed description.
pub const DESCRIPTION_MAX: usize = 1_000;

/// Checks what a board or feed create or update carries in common, each field when present:
/// the slug's form, a display name of 1 to [`NAME_MAX`] characters, a description of at most
/// [`DESCRIPTION_MAX`], and `limits` (field, value) that must be positive.
fn check_board_or_feed(
    errors: &mut FieldErrors,
    slug: Option<&str>,
    name: Option<&str>,
    description: Option<&str>,
    limits: &[(&str, Option<u32>)],
) {
    if slug.is_some_and(|slug| !is_slug(slug)) {
        validate::push(errors, "slug", validate::INVALID);
    }
    if let Some(name) = name {
        validate::text(errors, "name", name, 1, NAME_MAX);
    }
    if let Some(description) = description {
        validate::text(errors, "description", description, 0, DESCRIPTION_MAX);
    }
    for &(field, value) in limits {
        if value == Some(0) {
            validate::push(errors, field, validate::INVALID);
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

/// `true`: the default of switches that are on when a request leaves them out.
pub(crate) fn yes() -> bool {
    true
}

#[cfg(test)]
mod tests;
