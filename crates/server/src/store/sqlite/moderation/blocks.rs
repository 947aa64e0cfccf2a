//! SQLite text of the statements in [`crate::store::moderation::blocks`].

/// A row when identity `?2` is blocked now on the site of board `?1`.
pub const ON_BOARD: &str =
    "SELECT k.site_id FROM identity_blocks k JOIN boards b ON b.site_id = k.site_id
                            WHERE b.slug = ?1 AND k.identity = ?2
                              AND (k.expires_at IS NULL
                                   OR k.expires_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";

/// A row when identity `?2` is blocked now on the site of idea `?1`.
pub const ON_IDEA: &str =
    "SELECT k.site_id FROM identity_blocks k JOIN boards b ON b.site_id = k.site_id
                                                       JOIN ideas i ON i.board_id = b.id
                           WHERE i.id = ?1 AND k.identity = ?2
                             AND (k.expires_at IS NULL
                                  OR k.expires_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";

/// A row when identity `?2` is blocked now on the site of form `?1`.
pub const ON_FORM: &str =
    "SELECT k.site_id FROM identity_blocks k JOIN forms f ON f.site_id = k.site_id
                           WHERE f.slug = ?1 AND k.identity = ?2
                             AND (k.expires_at IS NULL
                                  OR k.expires_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";

/// Blocks identity `?2` on site `?1` for reason `?3` until `?4` (never when NULL), replacing
/// an earlier block, and answers the block.
pub const UPSERT: &str = "INSERT INTO identity_blocks (site_id, identity, reason, expires_at)
                          VALUES (?1, ?2, ?3, ?4)
                          ON CONFLICT (site_id, identity) DO UPDATE
                          SET reason = excluded.reason, expires_at = excluded.expires_at,
                              created_at = excluded.created_at
                          RETURNING identity, reason, created_at, expires_at";

/// Lifts the block of identity `?2` on site `?1`.
pub const DELETE: &str = "DELETE FROM identity_blocks WHERE site_id = ?1 AND identity = ?2";

/// Up to `?3` blocks of site `?1` with identities after `?2`, in identity order.
pub const LIST: &str = "SELECT identity, reason, created_at, expires_at FROM identity_blocks
                        WHERE site_id = ?1 AND identity > ?2
                        ORDER BY identity
                        LIMIT ?3";

/// A row when identity `?2` is blocked now on the site of feed `?1`.
pub const ON_FEED: &str =
    "SELECT k.site_id FROM identity_blocks k JOIN feeds f ON f.site_id = k.site_id
                           WHERE f.slug = ?1 AND k.identity = ?2
                             AND (k.expires_at IS NULL
                                  OR k.expires_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";

/// A row when identity `?2` is blocked now on the site of post `?1`.
pub const ON_POST: &str =
    "SELECT k.site_id FROM identity_blocks k JOIN feeds f ON f.site_id = k.site_id
                                                      JOIN posts p ON p.feed_id = f.id
                           WHERE p.id = ?1 AND k.identity = ?2
                             AND (k.expires_at IS NULL
                                  OR k.expires_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";
