//! SQLite text of the statements in [`crate::store::moderation::log`].

/// Records a decision: site `?1`, action `?2`, target kind `?3` and id `?4`, reason `?5`.
pub const INSERT: &str =
    "INSERT INTO moderation_log (site_id, action, target_kind, target_id, reason)
                          VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id";

/// Up to `?3` entries, newest first, of the site with slug `?1` (any when NULL), older than
/// entry `?2` (any when NULL).
pub const LIST: &str = "SELECT l.id, s.slug AS site, l.action, l.target_kind, l.target_id,
                               l.reason, l.created_at AS at
                        FROM moderation_log l JOIN sites s ON s.id = l.site_id
                        WHERE (?1 IS NULL OR s.slug = ?1) AND (?2 IS NULL OR l.id < ?2)
                        ORDER BY l.id DESC
                        LIMIT ?3";
