//! PostgreSQL text of the statements in [`crate::store::feeds`].

/// Creates a feed, answering its id.
pub const INSERT: &str = "INSERT INTO feeds
                              (site_id, slug, name, description, allow_anonymous_posts,
                               premoderation, report_threshold, position, consent)
                          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                          RETURNING id";

/// A feed and its site's settings, by slug.
pub const FIND: &str = "SELECT f.id, f.site_id, f.slug, f.allow_anonymous_posts, f.premoderation,
                               s.anonymous_author
                        FROM feeds f JOIN sites s ON s.id = f.site_id
                        WHERE f.slug = $1";

/// A site's feeds in display order, with the rules their upload forms show.
pub const SUMMARIES: &str = "SELECT slug, name, description, allow_anonymous_posts,
                                    premoderation, consent
                             FROM feeds WHERE site_id = $1 ORDER BY position, id";
