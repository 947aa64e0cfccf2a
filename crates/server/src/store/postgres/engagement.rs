//! PostgreSQL text of the statements in [`crate::store::engagement`].

/// Site `$1` by slug: its id, and how many of its allowed origins equal `$2` (0 or 1).
pub const SITE: &str = "SELECT s.id, (SELECT COUNT(*) FROM site_origins o
                                      WHERE o.site_id = s.id AND o.origin = $2)
                        FROM sites s WHERE s.slug = $1";

/// The id of site `$1`'s place of kind `$2` (`board`, `feed` or `form`) with slug `$3`.
pub const PLACE: &str = "SELECT id FROM boards WHERE $2 = 'board' AND site_id = $1 AND slug = $3
                         UNION ALL
                         SELECT id FROM feeds WHERE $2 = 'feed' AND site_id = $1 AND slug = $3
                         UNION ALL
                         SELECT id FROM forms WHERE $2 = 'form' AND site_id = $1 AND slug = $3";

/// Visitor `$4` saw place `$3` of kind `$2` on site `$1` today (UTC), unless
/// already recorded.
pub const INSERT_SEEN: &str =
    "INSERT INTO engagement_seen (site_id, place_kind, place_id, visitor, day)
     VALUES ($1, $2, $3, $4, (now() AT TIME ZONE 'UTC')::date)
     ON CONFLICT DO NOTHING";
