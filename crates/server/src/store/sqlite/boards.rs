//! SQLite text of the statements in [`crate::store::boards`].

/// Creates a board, answering its id.
pub const INSERT: &str = "INSERT INTO boards
                              (site_id, slug, name, description, supporter_threshold,
                               allow_anonymous_posts, allow_anonymous_votes, vote_cap,
                               premoderation, position)
                          VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                          RETURNING id";

/// A board and its site's settings, by slug.
pub const FIND: &str = "SELECT b.id, b.site_id, b.slug, b.name, b.description,
                               b.supporter_threshold, b.allow_anonymous_posts,
                               b.allow_anonymous_votes, b.vote_cap, b.premoderation,
                               s.anonymous_author
                        FROM boards b JOIN sites s ON s.id = b.site_id
                        WHERE b.slug = ?1";

/// A site's boards in display order, with the rules a widget shows its visitors.
pub const SUMMARIES: &str = "SELECT slug, name, description, supporter_threshold,
                                    allow_anonymous_votes, allow_anonymous_posts, premoderation
                             FROM boards
                             WHERE site_id = ?1 ORDER BY position, id";
