-- Engagement insights on PostgreSQL: the same table and indexes as
-- migrations/sqlite/0013_engagement_events.sql, in PostgreSQL's terms.
--
-- A widget reports that it was seen (at least half visible) once per page load; the server
-- keeps one row per place, visitor and UTC day, so however often the same visitor sees the
-- same board, feed or form on one day, it counts once. Nothing else is kept: no IP address,
-- no user agent, no page address, only the anonymous visitor id the widget already sends with
-- its votes.

CREATE TABLE engagement_seen (
    site_id    bigint NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    -- What was seen: a board, a feed or a form of the site, by row id.
    place_kind text   NOT NULL CHECK (place_kind IN ('board', 'feed', 'form')),
    place_id   bigint NOT NULL,
    -- The visitor's identity key, `visitor:<uuid>`.
    visitor    text   NOT NULL CHECK (length(visitor) BETWEEN 1 AND 200),
    -- The UTC day.
    day        date   NOT NULL,
    -- When the visitor first saw the place that day.
    first_seen timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
    -- Also the index of one place's days.
    PRIMARY KEY (place_kind, place_id, day, visitor)
);

-- A whole site's days.
CREATE INDEX engagement_seen_by_site ON engagement_seen (site_id, day, visitor);

-- What happened in a period, per place: the aggregates walk these instead of whole tables.
CREATE INDEX ideas_by_time ON ideas (board_id, created_at);
CREATE INDEX comments_by_time ON comments (idea_id, created_at);
CREATE INDEX post_likes_by_time ON post_likes (post_id, created_at);
CREATE INDEX form_submissions_by_time ON form_submissions (form_id, created_at);
