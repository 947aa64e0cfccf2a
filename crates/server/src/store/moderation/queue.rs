//! The review queue: ideas, comments and posts waiting for a moderator and reported posts,
//! oldest or newest first, how many of each wait, and the decisions that take them out of it.
//!
//! Each kind contributes one statement of the same columns ([`piece`]); the queue is their
//! `UNION ALL`, so a new kind is one [`QueueKind`] variant, its statement and its two review
//! statements ([`review_sql`]). Items are ordered by creation time, then kind, then id; the
//! cursor carries those three keys of the last item.
//!
//! A post's premoderation and its reports are two items of one post: deciding on `posts`
//! lists it or takes it down; deciding on `reports` does the same and also marks its reports
//! reviewed, so that only later reports count toward its feed's threshold. Reopening an item
//! takes its decision back: it waits again, and a post's reports that the decision reviewed
//! count again.

use kindred_api::moderation::{
    Decision, DecisionOutcome, LogAction, QueueAuthor, QueueCounts, QueueItem, QueueKind,
    QueueOrder, QueueReason, ReopenOutcome, ReportSummary,
};
use kindred_api::{IdeaId, Page};

use crate::error::{Error, Result};
use crate::media::storage;
use crate::store::conn::{sql, Conn};
use crate::store::cursor::{is_timestamp, row_id};
use crate::store::moderation::log::{self, Target};
use crate::store::moderation::{fetch_limit, from_json, split_page};
use crate::store::{count, Store};

/// Most characters of an item's text shown in the queue.
pub const EXCERPT_CHARS: usize = 200;

/// What a queue request asks for, already validated.
#[derive(Clone, Debug, Default)]
pub struct QueueQuery {
    /// Only items of this kind.
    pub kind: Option<QueueKind>,
    /// Only items of the site with this slug.
    pub site: Option<String>,
    /// Only items of the board with this slug (ideas and comments).
    pub board: Option<String>,
    /// Only items of the feed with this slug (posts and reports).
    pub feed: Option<String>,
    /// Oldest or newest first.
    pub order: QueueOrder,
    /// Where to continue, from the previous page.
    pub cursor: Option<QueueCursor>,
    /// Page size.
    pub limit: u32,
}

/// Where the next page of the queue starts: the keys of the last item of the previous one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueueCursor {
    /// Its creation time, as stored.
    pub created_at: String,
    /// Its kind.
    pub kind: QueueKind,
    /// Its id.
    pub id: i64,
}

impl QueueCursor {
    /// Parses a cursor a client sent back, `<created_at>~<kind>~<id>` as the queue wrote it;
    /// anything malformed is a [`Error::BadRequest`].
    pub fn decode(text: &str) -> Result<Self> {
        let mut parts = text.split('~');
        let cursor = match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some(at), Some(kind), Some(id), None) if is_timestamp(at) => {
                let kind = kind.parse().ok();
                let id = row_id(id);
                kind.zip(id).map(|(kind, id)| Self {
                    created_at: at.to_owned(),
                    kind,
                    id,
                })
            }
            _ => None,
        };
        cursor.ok_or_else(|| Error::BadRequest("the cursor is not valid".into()))
    }
}

/// The statement listing the waiting items of `kind`, in the queue's columns.
fn piece(conn: &Conn<'_>, kind: QueueKind) -> &'static str {
    match kind {
        QueueKind::Ideas => sql!(conn, moderation::queue::IDEAS),
        QueueKind::Comments => sql!(conn, moderation::queue::COMMENTS),
        QueueKind::Posts => sql!(conn, moderation::queue::POSTS),
        QueueKind::Reports => sql!(conn, moderation::queue::REPORTS),
    }
}

/// The statements reading (and locking) and setting the review state of an item of `kind`.
/// A report's decision is its post's, so both kinds set the post's state the same way.
fn review_sql(conn: &Conn<'_>, kind: QueueKind) -> (&'static str, &'static str) {
    match kind {
        QueueKind::Ideas => (
            sql!(conn, moderation::queue::IDEA_REVIEW),
            sql!(conn, moderation::queue::SET_IDEA_REVIEW),
        ),
        QueueKind::Comments => (
            sql!(conn, moderation::queue::COMMENT_REVIEW),
            sql!(conn, moderation::queue::SET_COMMENT_REVIEW),
        ),
        QueueKind::Posts => (
            sql!(conn, moderation::queue::POST_REVIEW),
            sql!(conn, moderation::queue::SET_POST_REVIEW),
        ),
        QueueKind::Reports => (
            sql!(conn, moderation::queue::REPORT_REVIEW),
            sql!(conn, moderation::queue::SET_POST_REVIEW),
        ),
    }
}

/// The kinds a query asks for: its one kind, or every kind.
fn kinds(kind: Option<QueueKind>) -> Vec<QueueKind> {
    kind.map_or_else(|| QueueKind::ALL.to_vec(), |kind| vec![kind])
}

/// The queue over the pieces of `kinds` in `order`. Parameters: 1 site slug or NULL, 2 to 4
/// the cursor (time, kind, id) or NULLs, 5 most rows, 6 board slug or NULL, 7 feed slug or
/// NULL.
fn queue_sql(conn: &Conn<'_>, kinds: &[QueueKind], order: QueueOrder) -> String {
    let p = sql!(conn, moderation::PARAM);
    let pieces: Vec<&str> = kinds.iter().map(|kind| piece(conn, *kind)).collect();
    let (after, direction) = match order {
        QueueOrder::Oldest => (">", "ASC"),
        QueueOrder::Newest => ("<", "DESC"),
    };
    format!(
        "SELECT * FROM ({}) AS queued
         WHERE ({p}1 IS NULL OR site = {p}1)
           AND ({p}6 IS NULL OR board = {p}6)
           AND ({p}7 IS NULL OR feed = {p}7)
           AND ({p}2 IS NULL OR (created_at, kind, id) {after} ({p}2, {p}3, {p}4))
         ORDER BY created_at {direction}, kind {direction}, id {direction}
         LIMIT {p}5",
        pieces.join(" UNION ALL ")
    )
}

/// How many items of each kind wait. Parameter: 1 site slug or NULL.
fn counts_sql(conn: &Conn<'_>) -> String {
    let p = sql!(conn, moderation::PARAM);
    let pieces: Vec<&str> = QueueKind::ALL
        .iter()
        .map(|kind| piece(conn, *kind))
        .collect();
    format!(
        "SELECT kind, COUNT(*) AS waiting FROM ({}) AS queued
         WHERE ({p}1 IS NULL OR site = {p}1)
         GROUP BY kind",
        pieces.join(" UNION ALL ")
    )
}

/// How many items of one kind wait.
#[derive(sqlx::FromRow)]
struct CountRow {
    kind: String,
    waiting: i64,
}

/// A queue item as every kind's statement selects it.
#[derive(sqlx::FromRow)]
struct QueueRow {
    kind: String,
    id: i64,
    site: String,
    board: Option<String>,
    feed: Option<String>,
    idea_id: Option<i64>,
    text: String,
    author_name: String,
    author_voter: Option<String>,
    created_at: String,
    /// A post's renditions, a JSON array of `[width, height, file]`, narrowest first.
    image: Option<String>,
    /// A post's dominant colour.
    color: Option<String>,
    /// For reports: how many are not reviewed, how many of those give each reason, and
    /// whether they hid the post.
    report_count: Option<i64>,
    spam: Option<i64>,
    offensive: Option<i64>,
    rights: Option<i64>,
    other: Option<i64>,
    hidden: Option<bool>,
}

impl QueueRow {
    fn into_item(self) -> Result<QueueItem> {
        let kind: QueueKind = self
            .kind
            .parse()
            .map_err(|_| Error::Internal(format!("queue row of kind {:?}", self.kind)))?;
        let image = match (self.image, self.color) {
            (Some(renditions), Some(color)) => {
                let renditions: Vec<(u32, u32, String)> = from_json(&renditions, "renditions")?;
                let image = storage::post_image(&renditions, color)
                    .ok_or_else(|| Error::Internal(format!("post {} has no image", self.id)))?;
                Some(image)
            }
            _ => None,
        };
        let reports = self.report_count.map(|reports| ReportSummary {
            count: count(reports),
            spam: count(self.spam.unwrap_or_default()),
            offensive: count(self.offensive.unwrap_or_default()),
            rights: count(self.rights.unwrap_or_default()),
            other: count(self.other.unwrap_or_default()),
            hidden: self.hidden.unwrap_or_default(),
        });
        Ok(QueueItem {
            kind,
            id: self.id.to_string(),
            site: self.site,
            board: self.board,
            feed: self.feed,
            idea_id: self.idea_id.map(IdeaId::from),
            excerpt: self.text.chars().take(EXCERPT_CHARS).collect(),
            image,
            reports,
            author: QueueAuthor {
                name: self.author_name,
                identity: self.author_voter,
            },
            created_at: self.created_at,
            reason: match kind {
                QueueKind::Reports => QueueReason::Reports,
                _ => QueueReason::Premoderation,
            },
        })
    }
}

/// Whether an item is waiting, and if not, what was decided.
#[derive(sqlx::FromRow)]
struct ReviewRow {
    site_id: i64,
    pending_review: bool,
    rejected: bool,
    /// Whether the public sees the item (a post: whether it is listed).
    shown: bool,
}

impl ReviewRow {
    /// The decision in force; `None` while the item waits.
    fn decision(&self) -> Option<Decision> {
        match (self.pending_review, self.rejected) {
            (false, _) => Some(Decision::Approved),
            (true, true) => Some(Decision::Rejected),
            (true, false) => None,
        }
    }
}

/// What a decision did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decided {
    /// Where the item stands now, as the API answers it.
    pub outcome: DecisionOutcome,
    /// Whether the public saw the item before: with the decision, this tells whether it
    /// appeared (approved, not shown before) or was taken down (rejected, shown before).
    pub was_shown: bool,
}

impl Decided {
    /// Whether the decision made the item newly visible to the public.
    pub fn appeared(&self) -> bool {
        self.outcome.changed && self.outcome.decision == Decision::Approved && !self.was_shown
    }

    /// Whether the decision took down an item the public saw.
    pub fn taken_down(&self) -> bool {
        self.outcome.changed && self.outcome.decision == Decision::Rejected && self.was_shown
    }
}

impl Store {
    /// One page of what waits for review, in the query's order.
    pub async fn queue(&self, query: &QueueQuery) -> Result<Page<QueueItem>> {
        let kinds = kinds(query.kind);
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let cursor = query.cursor.as_ref();
        let args = [
            query.site.as_deref().into(),
            cursor.map(|c| c.created_at.as_str()).into(),
            cursor.map(|c| c.kind.as_str()).into(),
            cursor.map(|c| c.id).into(),
            fetch_limit(query.limit).into(),
            query.board.as_deref().into(),
            query.feed.as_deref().into(),
        ];
        let sql = queue_sql(&conn, &kinds, query.order);
        let rows: Vec<QueueRow> = conn.fetch_all(&sql, &args).await?;
        let (rows, next_cursor) = split_page(rows, query.limit, |row| {
            format!("{}~{}~{}", row.created_at, row.kind, row.id)
        });
        let items = rows
            .into_iter()
            .map(QueueRow::into_item)
            .collect::<Result<_>>()?;
        Ok(Page { items, next_cursor })
    }

    /// How many items wait for review, of the site with slug `site` or of every site.
    pub async fn queue_counts(&self, site: Option<&str>) -> Result<QueueCounts> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let rows: Vec<CountRow> = conn.fetch_all(&counts_sql(&conn), &[site.into()]).await?;
        let mut counts = QueueCounts::default();
        for row in rows {
            let waiting = count(row.waiting);
            match row.kind.parse() {
                Ok(QueueKind::Ideas) => counts.ideas = waiting,
                Ok(QueueKind::Comments) => counts.comments = waiting,
                Ok(QueueKind::Posts) => counts.posts = waiting,
                Ok(QueueKind::Reports) => counts.reports = waiting,
                Err(_) => return Err(Error::Internal(format!("queue count of {:?}", row.kind))),
            }
            counts.total += waiting;
        }
        Ok(counts)
    }

    /// Records `decision` on item `id` of `kind` with the moderator's `reason`. A repeat of
    /// the decision in force changes nothing and is not logged again; a different one
    /// overrides it (an approved item can be taken down, a rejected one reinstated). An
    /// unknown item is [`Error::NotFound`], as is a `reports` item of a post never reported.
    pub async fn decide(
        &self,
        kind: QueueKind,
        id: i64,
        decision: Decision,
        reason: &str,
    ) -> Result<Decided> {
        let mut tx = self.begin_write().await?;
        let mut conn = tx.conn();
        let (read, write) = review_sql(&conn, kind);
        let row: ReviewRow = conn
            .fetch_optional(read, &[id.into()])
            .await?
            .ok_or_else(|| Error::not_found(format!("no {} with this id", kind_noun(kind))))?;
        let changed = row.decision() != Some(decision);
        if changed {
            let rejected = decision == Decision::Rejected;
            let action = match decision {
                Decision::Approved => LogAction::Approve,
                Decision::Rejected => LogAction::Reject,
            };
            let id_text = id.to_string();
            let target = Target {
                site_id: row.site_id,
                kind: kind.as_str(),
                id: &id_text,
            };
            let entry = log::record(&mut conn, action, target, reason).await?;
            if kind == QueueKind::Reports {
                let args = [id.into(), entry.into()];
                conn.execute(sql!(conn, moderation::queue::REVIEW_REPORTS), &args)
                    .await?;
            }
            conn.execute(write, &[id.into(), rejected.into(), rejected.into()])
                .await?;
        }
        tx.commit().await?;
        Ok(Decided {
            outcome: DecisionOutcome {
                kind,
                id: id.to_string(),
                decision,
                changed,
            },
            was_shown: row.shown,
        })
    }
}

impl Store {
    /// Takes back the decision on item `id` of `kind`: it waits for review again, hidden from
    /// the public, and the moderation log records `reopen` with the moderator's `reason`. For
    /// `reports`, the reports the last decision reviewed count again, and the post is listed
    /// unless they reach its feed's threshold. An item already waiting is left as it is
    /// (`changed: false`, not logged); an unknown item is [`Error::NotFound`].
    pub async fn reopen(&self, kind: QueueKind, id: i64, reason: &str) -> Result<Reopened> {
        let mut tx = self.begin_write().await?;
        let mut conn = tx.conn();
        let (read, write) = review_sql(&conn, kind);
        let not_found = || Error::not_found(format!("no {} with this id", kind_noun(kind)));
        let before: ReviewRow = conn
            .fetch_optional(read, &[id.into()])
            .await?
            .ok_or_else(not_found)?;
        let changed = before.decision().is_some();
        if changed {
            let id_text = id.to_string();
            match kind {
                QueueKind::Ideas | QueueKind::Comments => {
                    conn.execute(write, &[id.into(), true.into(), false.into()])
                        .await?;
                }
                QueueKind::Posts => {
                    conn.execute(sql!(conn, moderation::queue::REOPEN_POST), &[id.into()])
                        .await?;
                }
                QueueKind::Reports => {
                    let (decision,): (Option<i64>,) = conn
                        .fetch_one(
                            sql!(conn, moderation::queue::LAST_REPORTS_DECISION),
                            &[id_text.as_str().into()],
                        )
                        .await?;
                    let args = [id.into(), decision.into()];
                    conn.execute(sql!(conn, moderation::queue::REOPEN_REPORTS), &args)
                        .await?;
                    conn.execute(
                        sql!(conn, moderation::queue::RESTORE_REPORTED_POST),
                        &[id.into()],
                    )
                    .await?;
                }
            }
            let target = Target {
                site_id: before.site_id,
                kind: kind.as_str(),
                id: &id_text,
            };
            log::record(&mut conn, LogAction::Reopen, target, reason).await?;
        }
        let after: ReviewRow = conn
            .fetch_optional(read, &[id.into()])
            .await?
            .ok_or_else(not_found)?;
        tx.commit().await?;
        Ok(Reopened {
            outcome: ReopenOutcome {
                kind,
                id: id.to_string(),
                changed,
            },
            was_shown: before.shown,
            shown: after.shown,
        })
    }
}

/// What reopening an item did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reopened {
    /// The API's answer.
    pub outcome: ReopenOutcome,
    /// Whether the public saw the item before.
    pub was_shown: bool,
    /// Whether the public sees it now (a reported post whose reports stay under its feed's
    /// threshold is listed while it waits).
    pub shown: bool,
}

/// The singular noun of a kind, for messages.
pub(crate) fn kind_noun(kind: QueueKind) -> &'static str {
    match kind {
        QueueKind::Ideas => "idea",
        QueueKind::Comments => "comment",
        QueueKind::Posts => "post",
        QueueKind::Reports => "reported post",
    }
}
