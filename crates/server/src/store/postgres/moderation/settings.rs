//! PostgreSQL text of the statements in [`crate::store::moderation::settings`].

/// The columns of a site's settings.
macro_rules! site_columns {
    () => {
        "SELECT id, slug, name, locale, anonymous_author,
                sso_secret IS NOT NULL AS sso_secret_set, sso_public_key, theme, features
         FROM sites"
    };
}

/// Every site's settings, by slug.
pub const SITES: &str = concat!(site_columns!(), " ORDER BY slug");

/// A site's settings, by slug.
pub const SITE: &str = concat!(site_columns!(), " WHERE slug = $1");

/// A site's allowed origins.
pub const ORIGINS: &str = "SELECT origin FROM site_origins WHERE site_id = $1 ORDER BY origin";

/// Forgets a site's allowed origins.
pub const DELETE_ORIGINS: &str = "DELETE FROM site_origins WHERE site_id = $1";

/// Writes a site's settings: name `$2`, locale `$3`, anonymous author `$4`, theme `$5` and
/// features `$6` (JSON).
pub const UPDATE_SITE: &str = "UPDATE sites
                               SET name = $2, locale = $3, anonymous_author = $4,
                                   theme = $5, features = $6
                               WHERE id = $1";

/// The columns of a board's settings.
macro_rules! board_columns {
    () => {
        "SELECT b.slug, s.slug AS site, b.name, b.description, b.supporter_threshold,
                b.vote_cap, b.premoderation, b.premoderate_comments,
                b.allow_anonymous_posts, b.allow_anonymous_votes
         FROM boards b JOIN sites s ON s.id = b.site_id"
    };
}

/// A site's boards in display order.
pub const BOARDS: &str = concat!(
    board_columns!(),
    " WHERE b.site_id = $1 ORDER BY b.position, b.id"
);

/// A board's settings, by slug.
pub const BOARD: &str = concat!(board_columns!(), " WHERE b.slug = $1");

/// The display position after a site's last board.
pub const NEXT_POSITION: &str =
    "SELECT COALESCE(MAX(position) + 1, 0) FROM boards WHERE site_id = $1";

/// Sets whether a board premoderates comments.
pub const SET_PREMODERATE_COMMENTS: &str =
    "UPDATE boards SET premoderate_comments = $2 WHERE id = $1";

/// Writes every setting of board `$1`.
pub const UPDATE_BOARD: &str = "UPDATE boards
                                SET slug = $2, name = $3, description = $4,
                                    supporter_threshold = $5, vote_cap = $6,
                                    premoderation = $7, premoderate_comments = $8,
                                    allow_anonymous_posts = $9, allow_anonymous_votes = $10
                                WHERE id = $1";

/// Deletes a board; its ideas, votes and comments go with it.
pub const DELETE_BOARD: &str = "DELETE FROM boards WHERE id = $1";
