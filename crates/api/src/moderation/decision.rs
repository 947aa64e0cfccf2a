//! Decisions on queue items: approve or reject, with a reason for the log, and reopening an
//! item, which takes its decision back and returns it to the queue.

use serde::{Deserialize, Serialize};

use crate::moderation::QueueKind;
use crate::validate::{self, FieldErrors};

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

/// The answer to `POST /v1/moderation/{kind}/{id}/reopen`: the item waits for review again.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReopenOutcome {
    /// What the item is.
    pub kind: QueueKind,
    /// Its id.
    pub id: String,
    /// Whether this request changed anything; an item already waiting is left as it is.
    pub changed: bool,
}
