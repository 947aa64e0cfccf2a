//! SQLite text of the statements in [`crate::store::sites`].

/// Creates a site, answering its id.
pub const INSERT: &str = "INSERT INTO sites (slug, name, locale, anonymous_author)
                          VALUES (?1, ?2, ?3, ?4)
                          RETURNING id";

/// The id of the site with a slug.
pub const ID_BY_SLUG: &str = "SELECT id FROM sites WHERE slug = ?1";

/// How many sites exist.
pub const COUNT: &str = "SELECT COUNT(*) FROM sites";

/// Allows an origin, unless it already is.
pub const ADD_ORIGIN: &str = "INSERT INTO site_origins (site_id, origin) VALUES (?1, ?2)
                              ON CONFLICT (site_id, origin) DO NOTHING";

/// Every allowed origin of every site.
pub const ALL_ORIGINS: &str = "SELECT DISTINCT origin FROM site_origins ORDER BY origin";

/// A site's own settings, by slug.
pub const CONFIG: &str =
    "SELECT id, slug, name, locale, theme, features FROM sites WHERE slug = ?1";

/// The feature flags (JSON) of a board's site, by board id.
pub const FEATURES_OF_BOARD: &str =
    "SELECT s.features FROM boards b JOIN sites s ON s.id = b.site_id
                                     WHERE b.id = ?1";

/// The feature flags (JSON) of an idea's site, by idea id.
pub const FEATURES_OF_IDEA: &str = "SELECT s.features
                                    FROM ideas i JOIN boards b ON b.id = i.board_id
                                                 JOIN sites s ON s.id = b.site_id
                                    WHERE i.id = ?1";
