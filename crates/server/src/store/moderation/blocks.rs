//! Blocked identities: per site, an identity a moderator has barred from writing (proposing,
//! voting, commenting) until the block lapses or is lifted. Reads stay open to it.
//!
//! The check runs for every write in the [`crate::identity::Identity`] extractor, against the
//! site of the resource the request acts on, so new write routes are covered without code of
//! their own.

use kindred_api::moderation::{normalize_utc, Block, BlockRequest, LogAction};
use kindred_api::Page;

use crate::error::{Error, Result};
use crate::store::conn::sql;
use crate::store::moderation::log::{self, Target};
use crate::store::moderation::{fetch_limit, split_page};
use crate::store::sso::Resource;
use crate::store::Store;

/// What the log calls an identity.
const KIND: &str = "identities";

impl Store {
    /// Whether `identity` is blocked, now, on the site of `resource`; `false` for a resource
    /// that does not exist (its route answers 404).
    pub async fn is_blocked(&self, resource: Resource<'_>, identity: &str) -> Result<bool> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let (statement, arg) = match resource {
            Resource::Board(slug) => (sql!(conn, moderation::blocks::ON_BOARD), slug.into()),
            Resource::Idea(id) => (sql!(conn, moderation::blocks::ON_IDEA), id.into()),
            Resource::Form(slug) => (sql!(conn, moderation::blocks::ON_FORM), slug.into()),
            Resource::Feed(slug) => (sql!(conn, moderation::blocks::ON_FEED), slug.into()),
            Resource::Post(id) => (sql!(conn, moderation::blocks::ON_POST), id.into()),
        };
        let row: Option<(i64,)> = conn
            .fetch_optional(statement, &[arg, identity.into()])
            .await?;
        Ok(row.is_some())
    }

    /// Blocks an identity on site `site_id` as `request` (validated) says, replacing an
    /// earlier block of it, and answers the block.
    pub async fn block(&self, site_id: i64, request: &BlockRequest) -> Result<Block> {
        let expires_at = request.expires_at.as_deref().and_then(normalize_utc);
        let mut tx = self.begin_write().await?;
        let mut conn = tx.conn();
        let reason = request.reason.trim();
        let args = [
            site_id.into(),
            request.identity.as_str().into(),
            reason.into(),
            expires_at.as_deref().into(),
        ];
        let block: Block = conn
            .fetch_one::<BlockRow>(sql!(conn, moderation::blocks::UPSERT), &args)
            .await?
            .into();
        let target = Target {
            site_id,
            kind: KIND,
            id: &request.identity,
        };
        log::record(&mut conn, LogAction::Block, target, reason).await?;
        tx.commit().await?;
        Ok(block)
    }

    /// Lifts the block of `identity` on site `site_id`; none is [`Error::NotFound`].
    pub async fn unblock(&self, site_id: i64, identity: &str) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let mut conn = tx.conn();
        let args = [site_id.into(), identity.into()];
        let removed = conn
            .execute(sql!(conn, moderation::blocks::DELETE), &args)
            .await?;
        if removed == 0 {
            return Err(Error::not_found(
                "this identity is not blocked on this site",
            ));
        }
        let target = Target {
            site_id,
            kind: KIND,
            id: identity,
        };
        log::record(&mut conn, LogAction::Unblock, target, "").await?;
        tx.commit().await
    }

    /// One page of site `site_id`'s blocks, by identity key, after `after`.
    pub async fn blocks(&self, site_id: i64, after: &str, limit: u32) -> Result<Page<Block>> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let args = [site_id.into(), after.into(), fetch_limit(limit).into()];
        let rows: Vec<BlockRow> = conn
            .fetch_all(sql!(conn, moderation::blocks::LIST), &args)
            .await?;
        let (rows, next_cursor) = split_page(rows, limit, |row| row.identity.clone());
        let items = rows.into_iter().map(Block::from).collect();
        Ok(Page { items, next_cursor })
    }
}

/// A block as both dialects' statements select it.
#[derive(sqlx::FromRow)]
struct BlockRow {
    identity: String,
    reason: String,
    created_at: String,
    expires_at: Option<String>,
}

impl From<BlockRow> for Block {
    fn from(row: BlockRow) -> Self {
        Self {
            identity: row.identity,
            reason: row.reason,
            created_at: row.created_at,
            expires_at: row.expires_at,
        }
    }
}
