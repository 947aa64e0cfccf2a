-- Moderators' decisions on posts and on their reports.
--
-- `posts.rejected` marks a post a moderator took down for good (its state is then never
-- `listed`); a new column rather than a new state, as SQLite cannot change a CHECK in place.
-- `post_reports.reviewed` marks the reports a moderator has dealt with, and
-- `posts.open_report_count`, kept by triggers like `report_count`, counts the others: only
-- they count toward the feed's threshold, so a post whose reports were dismissed is hidden
-- again only by as many new ones.

ALTER TABLE posts ADD COLUMN rejected INTEGER NOT NULL DEFAULT 0 CHECK (rejected IN (0, 1));
ALTER TABLE posts ADD COLUMN open_report_count INTEGER NOT NULL DEFAULT 0
    CHECK (open_report_count >= 0);
ALTER TABLE post_reports ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0
    CHECK (reviewed IN (0, 1));

UPDATE posts SET open_report_count = report_count;

-- Reported posts, as the moderation queue walks them.
CREATE INDEX posts_reported ON posts (id) WHERE open_report_count > 0;

DROP TRIGGER posts_counts_start_at_zero;
CREATE TRIGGER posts_counts_start_at_zero
BEFORE INSERT ON posts
WHEN NEW.like_count <> 0 OR NEW.report_count <> 0 OR NEW.open_report_count <> 0
BEGIN
    SELECT RAISE(ABORT, 'like_count and report_count are maintained by triggers');
END;

-- Each report counts once; the open report that reaches the feed's threshold hides a listed
-- post.
DROP TRIGGER post_reports_count_insert;
CREATE TRIGGER post_reports_count_insert
AFTER INSERT ON post_reports
BEGIN
    UPDATE posts
    SET report_count = report_count + 1,
        open_report_count = open_report_count + (NOT NEW.reviewed),
        state = CASE
                    WHEN state = 'listed' AND NOT NEW.reviewed
                     AND open_report_count + 1 >= (SELECT f.report_threshold FROM feeds f
                                                   WHERE f.id = posts.feed_id)
                    THEN 'hidden'
                    ELSE state
                END
    WHERE id = NEW.post_id;
END;

DROP TRIGGER post_reports_count_delete;
CREATE TRIGGER post_reports_count_delete
AFTER DELETE ON post_reports
BEGIN
    UPDATE posts
    SET report_count = report_count - 1,
        open_report_count = open_report_count - (NOT OLD.reviewed)
    WHERE id = OLD.post_id;
END;

-- A report a moderator reviews stops counting toward the threshold.
CREATE TRIGGER post_reports_reviewed
AFTER UPDATE OF reviewed ON post_reports
WHEN NEW.reviewed <> OLD.reviewed
BEGIN
    UPDATE posts
    SET open_report_count = open_report_count + CASE WHEN NEW.reviewed THEN -1 ELSE 1 END
    WHERE id = NEW.post_id;
END;
