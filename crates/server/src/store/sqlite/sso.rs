//! SQLite text of the statements in [`crate::store::sso`].

/// The slug, SSO secret and SSO public key of a board's site, by board slug.
pub const SITE_OF_BOARD: &str =
    "SELECT s.slug, s.sso_secret AS secret, s.sso_public_key AS public_key
                                 FROM boards b JOIN sites s ON s.id = b.site_id
                                 WHERE b.slug = ?1";

/// The slug, SSO secret and SSO public key of an idea's site, by idea id.
pub const SITE_OF_IDEA: &str =
    "SELECT s.slug, s.sso_secret AS secret, s.sso_public_key AS public_key
                                FROM ideas i
                                JOIN boards b ON b.id = i.board_id
                                JOIN sites s ON s.id = b.site_id
                                WHERE i.id = ?1";

/// The slug, SSO secret and SSO public key of a form's site, by form slug.
pub const SITE_OF_FORM: &str =
    "SELECT s.slug, s.sso_secret AS secret, s.sso_public_key AS public_key
                                FROM forms f JOIN sites s ON s.id = f.site_id
                                WHERE f.slug = ?1";

/// The slug, SSO secret and SSO public key of a feed's site, by feed slug.
pub const SITE_OF_FEED: &str =
    "SELECT s.slug, s.sso_secret AS secret, s.sso_public_key AS public_key
                                FROM feeds f JOIN sites s ON s.id = f.site_id
                                WHERE f.slug = ?1";

/// The slug, SSO secret and SSO public key of a post's site, by post id.
pub const SITE_OF_POST: &str =
    "SELECT s.slug, s.sso_secret AS secret, s.sso_public_key AS public_key
                                FROM posts p
                                JOIN feeds f ON f.id = p.feed_id
                                JOIN sites s ON s.id = f.site_id
                                WHERE p.id = ?1";

/// Sets a site's SSO secret.
pub const SET_SECRET: &str = "UPDATE sites SET sso_secret = ?2 WHERE id = ?1";

/// Sets a site's SSO public key.
pub const SET_PUBLIC_KEY: &str = "UPDATE sites SET sso_public_key = ?2 WHERE id = ?1";
