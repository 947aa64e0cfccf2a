//! Sending a moderator's decision on a queue item: approve or reject it with a reason, and
//! block its author from writing on the site where asked. One item at a time or several.

use kindred_api::moderation::{Block, BlockRequest, DecisionOutcome, DecisionRequest, QueueItem};

use crate::api::{Api, ApiError};

/// What a moderator decided on an item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// Whether the item is shown (else kept hidden).
    pub approve: bool,
    /// Why, for the moderation log; required to reject.
    pub reason: String,
    /// Whether the item's author is also blocked from writing on its site.
    pub block: bool,
}

impl Verdict {
    /// Approval, without a reason or a block.
    pub fn approve() -> Self {
        Self {
            approve: true,
            reason: String::new(),
            block: false,
        }
    }

    /// Rejection for `reason`, blocking the author when `block`.
    pub fn reject(reason: String, block: bool) -> Self {
        Self {
            approve: false,
            reason,
            block,
        }
    }
}

/// Sends `verdict` on `item`: the decision, then the author's block where asked and the
/// author is known.
pub async fn send(api: &Api, item: &QueueItem, verdict: &Verdict) -> Result<(), ApiError> {
    let verb = if verdict.approve { "approve" } else { "reject" };
    let path = format!("/v1/moderation/{}/{}/{verb}", item.kind, item.id);
    let body = DecisionRequest {
        reason: verdict.reason.clone(),
    };
    api.post::<_, DecisionOutcome>(&path, &body).await?;
    if let (true, Some(identity)) = (verdict.block, &item.author.identity) {
        let block = BlockRequest {
            identity: identity.clone(),
            reason: verdict.reason.clone(),
            expires_at: None,
        };
        let path = format!("/v1/moderation/sites/{}/blocks", item.site);
        api.post::<_, Block>(&path, &block).await?;
    }
    Ok(())
}
