//! Curating ideas: setting a status with a public note, merging a duplicate into another idea,
//! and pinning. Each runs in one write transaction with its log entry.
//!
//! A merge moves the duplicate's votes and comments to the idea it duplicates. A voter who
//! supported both keeps one vote (the duplicate's is dropped before the rest move), vote caps
//! are not checked again for moved votes, and the schema's triggers move the counts with the
//! rows, so both ideas' counts equal their rows afterwards.

use std::time::Duration;

use kindred_api::moderation::{LogAction, MergeOutcome, MergePreview, QueueKind, StatusRequest};
use kindred_api::{Idea, IdeaDetail, IdeaStatus};

use crate::error::{Error, Result};
use crate::store::conn::{sql, Conn};
use crate::store::cursor::row_id;
use crate::store::ideas::{self, record_status_change};
use crate::store::moderation::log::{self, Target};
use crate::store::{count, Store};

/// What curation needs to know about an idea, read with its row locked.
#[derive(sqlx::FromRow)]
struct IdeaState {
    site_id: i64,
    status: String,
    duplicate_of: Option<i64>,
    pending_review: bool,
    pinned: bool,
}

/// The counts of a merge preview.
#[derive(sqlx::FromRow)]
struct PreviewRow {
    votes_now: i64,
    votes_moving: i64,
    shared_voters: i64,
    comments_moving: i64,
}

/// The state of idea `id`; `None` when there is no such idea.
async fn state(conn: &mut Conn<'_>, id: i64) -> Result<Option<IdeaState>> {
    conn.fetch_optional(sql!(conn, moderation::curation::STATE), &[id.into()])
        .await
}

/// The state of idea `id`, which the request path names: unknown is [`Error::NotFound`].
async fn source_state(conn: &mut Conn<'_>, id: i64) -> Result<IdeaState> {
    state(conn, id)
        .await?
        .ok_or_else(|| Error::not_found("no idea with this id"))
}

/// Checks that `target` (named by the body's `field`) can absorb idea `source`: another idea
/// of the same site (else 422), listed and not itself a duplicate (else 409, a merge into a
/// duplicate would make a chain).
async fn check_target(
    conn: &mut Conn<'_>,
    source: &IdeaState,
    (source_id, target_id): (i64, i64),
    field: &str,
) -> Result<()> {
    if source_id == target_id {
        return Err(Error::invalid_field(field, "same_idea"));
    }
    let target = state(conn, target_id)
        .await?
        .ok_or_else(|| Error::invalid_field(field, "not_found"))?;
    if target.site_id != source.site_id {
        return Err(Error::invalid_field(field, "other_site"));
    }
    if target.status == IdeaStatus::Duplicate.as_str() {
        return Err(Error::Conflict(format!(
            "idea {target_id} is itself a duplicate; merge into the idea it duplicates instead"
        )));
    }
    if target.pending_review {
        return Err(Error::Conflict(format!(
            "idea {target_id} is not listed (it waits for review or was rejected)"
        )));
    }
    Ok(())
}

/// Makes idea `id` a duplicate of `target` with a public `note`, recording the change in its
/// history when its status moves. Ideas that duplicated `id` now duplicate `target`, so no
/// chain forms.
async fn mark_duplicate(conn: &mut Conn<'_>, id: i64, target: i64, note: &str) -> Result<()> {
    let from = ideas::status(conn, id).await?;
    let args = [id.into(), target.into()];
    conn.execute(sql!(conn, moderation::curation::MARK_DUPLICATE), &args)
        .await?;
    conn.execute(sql!(conn, moderation::curation::REPOINT_DUPLICATES), &args)
        .await?;
    if from != IdeaStatus::Duplicate {
        let change = (from, IdeaStatus::Duplicate);
        record_status_change(conn, id, change, note, Duration::ZERO).await?;
    }
    Ok(())
}

/// Logs `action` on idea `id` of the site `site_id`.
async fn log_idea(
    conn: &mut Conn<'_>,
    action: LogAction,
    (site_id, id): (i64, i64),
    reason: &str,
) -> Result<()> {
    let id = id.to_string();
    let target = Target {
        site_id,
        kind: QueueKind::Ideas.as_str(),
        id: &id,
    };
    log::record(conn, action, target, reason).await?;
    Ok(())
}

impl Store {
    /// Sets idea `id`'s status as `request` asks (validated), recording a history entry with
    /// its public note and, when anything changed, a log entry; `duplicate` also links the idea
    /// it duplicates (see [`check_target`]).
    /// Answers the idea as moderators see it. Unknown idea → [`Error::NotFound`].
    pub async fn set_idea_status(&self, id: i64, request: &StatusRequest) -> Result<IdeaDetail> {
        let mut tx = self.begin_write().await?;
        let mut conn = tx.conn();
        let source = source_state(&mut conn, id).await?;
        let note = request.note.trim();
        let changed = match request
            .duplicate_of
            .as_ref()
            .map(|target| target_id(&target.0, "duplicate_of"))
        {
            Some(target) => {
                let target = target?;
                check_target(&mut conn, &source, (id, target), "duplicate_of").await?;
                mark_duplicate(&mut conn, id, target, note).await?;
                source.duplicate_of != Some(target)
            }
            None => ideas::change_status(&mut conn, id, request.status, note)
                .await?
                .is_some(),
        };
        if changed {
            log_idea(&mut conn, LogAction::Status, (source.site_id, id), note).await?;
        }
        tx.commit().await?;
        self.moderated_idea_detail(id)
            .await?
            .ok_or_else(|| Error::not_found("no idea with this id"))
    }

    /// Merges idea `id` into idea `into` (see the module documentation) and marks it a
    /// duplicate with the public `note`. Unknown `id` → [`Error::NotFound`]; a target that
    /// cannot absorb it → 422 or 409 (see [`check_target`]).
    pub async fn merge_idea(&self, id: i64, into: &str, note: &str) -> Result<MergeOutcome> {
        let target = target_id(into, "into")?;
        let mut tx = self.begin_write().await?;
        let mut conn = tx.conn();
        let source = source_state(&mut conn, id).await?;
        check_target(&mut conn, &source, (id, target), "into").await?;
        let args = [id.into(), target.into()];
        conn.execute(sql!(conn, moderation::curation::DROP_SHARED_VOTES), &args)
            .await?;
        let votes = conn
            .execute(sql!(conn, moderation::curation::MOVE_VOTES), &args)
            .await?;
        let comments = conn
            .execute(sql!(conn, moderation::curation::MOVE_COMMENTS), &args)
            .await?;
        mark_duplicate(&mut conn, id, target, note.trim()).await?;
        let reason = format!("into idea {target}");
        log_idea(&mut conn, LogAction::Merge, (source.site_id, id), &reason).await?;
        tx.commit().await?;
        let into = self
            .moderated_idea(target)
            .await?
            .ok_or_else(|| Error::Internal(format!("idea {target} vanished during a merge")))?;
        Ok(MergeOutcome {
            source: id.into(),
            into,
            votes_moved: count(i64::try_from(votes).unwrap_or(i64::MAX)),
            comments_moved: count(i64::try_from(comments).unwrap_or(i64::MAX)),
        })
    }

    /// Replaces the tags of idea `id` with `tags` (already checked and normalised), logging
    /// the change when there is one, and answers the idea as moderators see it. Unknown idea
    /// → [`Error::NotFound`].
    pub async fn set_idea_tags(&self, id: i64, tags: &[String]) -> Result<Idea> {
        let before = self
            .moderated_idea(id)
            .await?
            .ok_or_else(|| Error::not_found("no idea with this id"))?;
        if before.tags != tags {
            let mut tx = self.begin_write().await?;
            let mut conn = tx.conn();
            let state = source_state(&mut conn, id).await?;
            conn.execute(sql!(conn, moderation::curation::DELETE_TAGS), &[id.into()])
                .await?;
            for (position, tag) in (0_i64..).zip(tags) {
                let args = [id.into(), tag.as_str().into(), position.into()];
                conn.execute(sql!(conn, ideas::INSERT_TAG), &args).await?;
            }
            log_idea(
                &mut conn,
                LogAction::Tags,
                (state.site_id, id),
                &tags.join(", "),
            )
            .await?;
            tx.commit().await?;
        }
        self.moderated_idea(id)
            .await?
            .ok_or_else(|| Error::not_found("no idea with this id"))
    }

    /// What merging idea `id` into the idea `into` names would do, checked as
    /// [`Store::merge_idea`] checks it, without doing it.
    pub async fn merge_preview(&self, id: i64, into: &str) -> Result<MergePreview> {
        let target = target_id(into, "into")?;
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let source = source_state(&mut conn, id).await?;
        check_target(&mut conn, &source, (id, target), "into").await?;
        let args = [id.into(), target.into()];
        let row: PreviewRow = conn
            .fetch_one(sql!(conn, moderation::curation::MERGE_PREVIEW), &args)
            .await?;
        let votes_now = count(row.votes_now);
        let votes_moving = count(row.votes_moving);
        Ok(MergePreview {
            into: target.into(),
            votes_now,
            votes_moving,
            shared_voters: count(row.shared_voters),
            votes_after: votes_now + votes_moving,
            comments_moving: count(row.comments_moving),
        })
    }

    /// Pins (or unpins) idea `id`, logging it when that changes anything, and answers the idea
    /// as moderators see it. Unknown idea → [`Error::NotFound`].
    pub async fn pin_idea(&self, id: i64, pinned: bool) -> Result<Idea> {
        let mut tx = self.begin_write().await?;
        let mut conn = tx.conn();
        let state = source_state(&mut conn, id).await?;
        if state.pinned != pinned {
            let args = [id.into(), pinned.into()];
            conn.execute(sql!(conn, moderation::curation::SET_PINNED), &args)
                .await?;
            let action = if pinned {
                LogAction::Pin
            } else {
                LogAction::Unpin
            };
            log_idea(&mut conn, action, (state.site_id, id), "").await?;
        }
        tx.commit().await?;
        self.moderated_idea(id)
            .await?
            .ok_or_else(|| Error::not_found("no idea with this id"))
    }
}

/// The row id in a body's idea reference `text`; anything else names no idea, a 422 on `field`.
fn target_id(text: &str, field: &str) -> Result<i64> {
    row_id(text.trim()).ok_or_else(|| Error::invalid_field(field, "not_found"))
}
