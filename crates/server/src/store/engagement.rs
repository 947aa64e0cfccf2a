//! What widgets report about being seen: one row per place, visitor and UTC day.
//!
//! A batch is written in one transaction; each event inserts its row unless the visitor was
//! already seen on the place that day, so repeats and retries change nothing. An event naming
//! a place the site does not have inserts nothing: a page may outlive a board it embeds.
//! [`Store::place_id`] also serves the insights, which narrow to one such place.

use kindred_api::insights::PlaceKind;

use crate::error::Result;
use crate::store::conn::{sql, Conn};
use crate::store::Store;

/// A site as the engagement route needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EngagementSite {
    /// The site's row id.
    pub id: i64,
    /// Whether the origin asked about is one of the site's allowed origins.
    pub origin_allowed: bool,
}

impl Store {
    /// The site with `slug`, and whether `origin` (normalised, see
    /// [`crate::cors::normalize_origin`]) may embed it; `None` when there is no such site.
    pub async fn engagement_site(
        &self,
        slug: &str,
        origin: Option<&str>,
    ) -> Result<Option<EngagementSite>> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let row: Option<(i64, i64)> = conn
            .fetch_optional(sql!(conn, engagement::SITE), &[slug.into(), origin.into()])
            .await?;
        Ok(row.map(|(id, allowed)| EngagementSite {
            id,
            origin_allowed: allowed > 0,
        }))
    }

    /// The row id of site `site_id`'s board, feed or form (`kind`) with `slug`, if it has one.
    pub async fn place_id(&self, site_id: i64, kind: PlaceKind, slug: &str) -> Result<Option<i64>> {
        place_id(&mut self.acquire().await?.conn(), site_id, kind, slug).await
    }

    /// Records that `visitor` (an identity key) saw each of `places` of site `site_id` today
    /// (UTC), once per place and day, skipping places the site does not have; answers how many
    /// rows were new.
    pub async fn record_seen(
        &self,
        site_id: i64,
        visitor: &str,
        places: &[(PlaceKind, &str)],
    ) -> Result<u64> {
        let mut tx = self.begin_write().await?;
        let mut conn = tx.conn();
        let mut added = 0;
        for &(kind, slug) in places {
            let Some(place_id) = place_id(&mut conn, site_id, kind, slug).await? else {
                continue;
            };
            let args = [
                site_id.into(),
                kind.as_str().into(),
                place_id.into(),
                visitor.into(),
            ];
            added += conn
                .execute(sql!(conn, engagement::INSERT_SEEN), &args)
                .await?;
        }
        tx.commit().await?;
        Ok(added)
    }
}

async fn place_id(
    conn: &mut Conn<'_>,
    site_id: i64,
    kind: PlaceKind,
    slug: &str,
) -> Result<Option<i64>> {
    let args = [site_id.into(), kind.as_str().into(), slug.into()];
    let row: Option<(i64,)> = conn
        .fetch_optional(sql!(conn, engagement::PLACE), &args)
        .await?;
    Ok(row.map(|(id,)| id))
}
