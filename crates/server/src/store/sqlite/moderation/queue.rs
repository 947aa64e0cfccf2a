//! SQLite text of the statements in [`crate::store::moderation::queue`].

/// The queue's columns that only posts fill, empty for ideas and comments.
macro_rules! no_post_columns {
    () => {
        "NULL AS image, NULL AS color, NULL AS report_count, NULL AS spam, NULL AS offensive,
         NULL AS rights, NULL AS other, NULL AS hidden"
    };
}

/// A post's feed, its site and its photo (renditions as a JSON array of `[width, height,
/// file]`, narrowest first), in the queue's columns, over `posts p`.
macro_rules! post_columns {
    () => {
        "p.id, s.slug AS site, NULL AS board, f.slug AS feed, NULL AS idea_id,
         CASE WHEN p.caption = '' THEN p.alt ELSE p.caption END AS text, p.author_name,
         p.author_key AS author_voter"
    };
}

/// The photo columns of a post, after [`post_columns`] and the time.
macro_rules! post_image {
    () => {
        "(SELECT json_group_array(json_array(m.width, m.height, m.file) ORDER BY m.width)
            FROM post_images m WHERE m.post_id = p.id) AS image, p.color"
    };
}

/// Ideas waiting for review, in the queue's columns.
pub const IDEAS: &str = concat!(
    "SELECT 'ideas' AS kind, i.id, s.slug AS site, b.slug AS board, NULL AS feed,
            NULL AS idea_id, i.title AS text, i.author_name, i.author_voter, i.created_at, ",
    no_post_columns!(),
    " FROM ideas i JOIN boards b ON b.id = i.board_id
                   JOIN sites s ON s.id = b.site_id
      WHERE i.pending_review AND NOT i.rejected"
);

/// Comments waiting for review, in the queue's columns.
pub const COMMENTS: &str = concat!(
    "SELECT 'comments' AS kind, c.id, s.slug AS site, b.slug AS board, NULL AS feed,
            c.idea_id, c.body AS text, c.author_name, c.author_voter, c.created_at, ",
    no_post_columns!(),
    " FROM comments c JOIN ideas i ON i.id = c.idea_id
                      JOIN boards b ON b.id = i.board_id
                      JOIN sites s ON s.id = b.site_id
      WHERE c.pending_review AND NOT c.rejected"
);

/// Posts waiting for review, in the queue's columns.
pub const POSTS: &str = concat!(
    "SELECT 'posts' AS kind, ",
    post_columns!(),
    ", p.created_at, ",
    post_image!(),
    ", NULL AS report_count, NULL AS spam, NULL AS offensive, NULL AS rights, NULL AS other,
       NULL AS hidden
     FROM posts p JOIN feeds f ON f.id = p.feed_id
                  JOIN sites s ON s.id = f.site_id
     WHERE p.state = 'pending_review' AND NOT p.rejected"
);

/// Posts with reports not yet reviewed, in the queue's columns, with what those reports say;
/// the time is the first such report's.
pub const REPORTS: &str = concat!(
    "SELECT 'reports' AS kind, ",
    post_columns!(),
    ", r.first_at AS created_at, ",
    post_image!(),
    ", r.report_count, r.spam, r.offensive, r.rights, r.other, p.state = 'hidden' AS hidden
     FROM posts p JOIN feeds f ON f.id = p.feed_id
                  JOIN sites s ON s.id = f.site_id
                  JOIN (SELECT post_id, MIN(created_at) AS first_at, COUNT(*) AS report_count,
                               SUM(reason = 'spam') AS spam,
                               SUM(reason = 'offensive') AS offensive,
                               SUM(reason = 'rights') AS rights, SUM(reason = 'other') AS other
                        FROM post_reports
                        WHERE NOT reviewed
                          AND post_id IN (SELECT id FROM posts WHERE open_report_count > 0)
                        GROUP BY post_id) r ON r.post_id = p.id
     WHERE NOT p.rejected"
);

/// An idea's site and review state.
pub const IDEA_REVIEW: &str = "SELECT b.site_id, i.pending_review, i.rejected,
                                      NOT i.pending_review AS shown
                               FROM ideas i JOIN boards b ON b.id = i.board_id
                               WHERE i.id = ?1";

/// Sets an idea's review state: hidden when `?2`, rejected when `?3`.
pub const SET_IDEA_REVIEW: &str =
    "UPDATE ideas SET pending_review = ?2, rejected = ?3 WHERE id = ?1";

/// A comment's site and review state.
pub const COMMENT_REVIEW: &str = "SELECT b.site_id, c.pending_review, c.rejected,
                                         NOT c.pending_review AS shown
                                  FROM comments c JOIN ideas i ON i.id = c.idea_id
                                                  JOIN boards b ON b.id = i.board_id
                                  WHERE c.id = ?1";

/// Sets a comment's review state: hidden when `?2`, rejected when `?3`.
pub const SET_COMMENT_REVIEW: &str =
    "UPDATE comments SET pending_review = ?2, rejected = ?3 WHERE id = ?1";

/// A post's site and review state: waiting unless listed.
pub const POST_REVIEW: &str = "SELECT f.site_id, p.state <> 'listed' AS pending_review,
                                      p.rejected, p.state = 'listed' AS shown
                               FROM posts p JOIN feeds f ON f.id = p.feed_id
                               WHERE p.id = ?1";

/// Sets a post's review state: listed unless `?2`, then hidden if it was listed, rejected
/// when `?3`.
pub const SET_POST_REVIEW: &str = "UPDATE posts
                                   SET state = CASE WHEN NOT ?2 THEN 'listed'
                                                    WHEN state = 'listed' THEN 'hidden'
                                                    ELSE state END,
                                       rejected = ?3
                                   WHERE id = ?1";

/// The review state of a reported post's reports: waiting while some are not reviewed, else
/// the post's own decision. Only a post ever reported has any.
pub const REPORT_REVIEW: &str = "SELECT f.site_id,
                                        p.open_report_count > 0 OR p.rejected AS pending_review,
                                        p.rejected AND p.open_report_count = 0 AS rejected,
                                        p.state = 'listed' AS shown
                                 FROM posts p JOIN feeds f ON f.id = p.feed_id
                                 WHERE p.id = ?1 AND p.report_count > 0";

/// Marks a post's open reports reviewed by the decision logged as entry `?2`, so they no
/// longer count toward the threshold and reopening that decision opens them again.
pub const REVIEW_REPORTS: &str = "UPDATE post_reports SET reviewed = 1, reviewed_in = ?2
                                  WHERE post_id = ?1 AND NOT reviewed";

/// Puts a post back among those waiting for review, whatever was decided.
pub const REOPEN_POST: &str =
    "UPDATE posts SET state = 'pending_review', rejected = 0 WHERE id = ?1";

/// The log entry of the last decision on post `?1`'s reports (`?1` as text), if any.
pub const LAST_REPORTS_DECISION: &str = "SELECT MAX(id) FROM moderation_log
                                         WHERE target_kind = 'reports' AND target_id = ?1
                                           AND action IN ('approve', 'reject')";

/// Opens again post `?1`'s reports that decision `?2` reviewed, and those reviewed before
/// decisions were recorded on reports.
pub const REOPEN_REPORTS: &str = "UPDATE post_reports SET reviewed = 0, reviewed_in = NULL
                                  WHERE post_id = ?1 AND reviewed
                                    AND (reviewed_in = ?2 OR reviewed_in IS NULL)";

/// Takes back the decision on a reported post: not rejected, and listed unless its open
/// reports reach its feed's threshold, as they would have hidden it.
pub const RESTORE_REPORTED_POST: &str = "UPDATE posts
    SET rejected = 0,
        state = CASE WHEN open_report_count >= (SELECT f.report_threshold FROM feeds f
                                                WHERE f.id = posts.feed_id)
                     THEN 'hidden' ELSE 'listed' END
    WHERE id = ?1 AND state <> 'pending_review'";
