//! Sending a moderator's decision on a queue item: approve or reject it with a reason, and
//! block its author from writing on the site where asked. One item at a time or several.
//! And taking a decision back: the items wait again, their authors' blocks lifted.

use kindred_api::moderation::{
    Block, BlockRequest, DecisionOutcome, DecisionRequest, QueueItem, ReopenOutcome,
};

use super::Key;
use crate::api::{Api, ApiError};

/// A decision the server took on one or several items: what the queue takes out, says, and
/// may take back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decided {
    /// The items decided on.
    pub keys: Vec<Key>,
    /// What to announce.
    pub message: String,
    /// Whether their authors were blocked with it.
    pub blocked: bool,
}

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

/// Takes the decision on `item` back: it waits for review again, and when `blocked`, its
/// author's block is lifted (already lifted is fine).
pub async fn undo(api: &Api, item: &QueueItem, blocked: bool) -> Result<(), ApiError> {
    let path = format!("/v1/moderation/{}/{}/reopen", item.kind, item.id);
    api.post::<_, ReopenOutcome>(&path, &DecisionRequest::default())
        .await?;
    if let (true, Some(identity)) = (blocked, &item.author.identity) {
        let identity = js_sys::encode_uri_component(identity);
        let path = format!("/v1/moderation/sites/{}/blocks/{identity}", item.site);
        match api.delete_empty(&path).await {
            Err(ApiError::Refused { status: 404, .. }) | Ok(()) => {}
            Err(error) => return Err(error),
        }
    }
    Ok(())
}
