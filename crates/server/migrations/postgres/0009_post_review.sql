-- Moderators' decisions on posts and on their reports. The same rules as
-- migrations/sqlite/0009_post_review.sql, in PostgreSQL's terms.
--
-- `posts.rejected` marks a post a moderator took down for good (its state is then never
-- `listed`). `post_reports.reviewed` marks the reports a moderator has dealt with, and
-- `posts.open_report_count`, kept by triggers like `report_count`, counts the others: only
-- they count toward the feed's threshold, so a post whose reports were dismissed is hidden
-- again only by as many new ones. Every trigger's UPDATE locks the post's row, so concurrent
-- reports and reviews queue there and no count is lost.

ALTER TABLE posts ADD COLUMN rejected boolean NOT NULL DEFAULT false;
ALTER TABLE posts ADD COLUMN open_report_count bigint NOT NULL DEFAULT 0
    CHECK (open_report_count >= 0);
ALTER TABLE post_reports ADD COLUMN reviewed boolean NOT NULL DEFAULT false;

UPDATE posts SET open_report_count = report_count;

-- Reported posts, as the moderation queue walks them.
CREATE INDEX posts_reported ON posts (id) WHERE open_report_count > 0;

CREATE OR REPLACE FUNCTION posts_counts_start_at_zero() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.like_count <> 0 OR NEW.report_count <> 0 OR NEW.open_report_count <> 0 THEN
        RAISE EXCEPTION 'like_count and report_count are maintained by triggers';
    END IF;
    RETURN NEW;
END
$$;

-- Each report counts once; the open report that reaches the feed's threshold hides a listed
-- post. A report a moderator reviews stops counting toward the threshold.
CREATE OR REPLACE FUNCTION post_reports_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE posts
        SET report_count = report_count - 1,
            open_report_count = open_report_count - CASE WHEN OLD.reviewed THEN 0 ELSE 1 END
        WHERE id = OLD.post_id;
    ELSIF TG_OP = 'UPDATE' THEN
        IF NEW.reviewed IS DISTINCT FROM OLD.reviewed THEN
            UPDATE posts
            SET open_report_count = open_report_count + CASE WHEN NEW.reviewed THEN -1 ELSE 1 END
            WHERE id = NEW.post_id;
        END IF;
    ELSIF NOT NEW.reviewed THEN
        UPDATE posts p
        SET report_count = p.report_count + 1,
            open_report_count = p.open_report_count + 1,
            state = CASE
                        WHEN p.state = 'listed' AND p.open_report_count + 1 >= f.report_threshold
                        THEN 'hidden'
                        ELSE p.state
                    END
        FROM feeds f
        WHERE p.id = NEW.post_id AND f.id = p.feed_id;
    ELSE
        UPDATE posts SET report_count = report_count + 1 WHERE id = NEW.post_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER post_reports_reviewed
AFTER UPDATE OF reviewed ON post_reports
FOR EACH ROW EXECUTE FUNCTION post_reports_count();
