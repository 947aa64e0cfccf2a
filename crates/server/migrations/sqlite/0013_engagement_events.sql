-- Engagement insights: which widgets visitors saw, and indexes for the aggregates over what
-- they did there.
--
-- A widget reports that it was seen (at least half visible) once per page load; the server
-- keeps one row per place, visitor and UTC day, so however often the same visitor sees the
-- same board, feed or form on one day, it counts once. Nothing else is kept: no IP address,
-- no user agent, no page address, only the anonymous visitor id the widget already sends with
-- its votes.

CREATE TABLE engagement_seen (
    site_id    INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    -- What was seen: a board, a feed or a form of the site, by row id.
    place_kind TEXT    NOT NULL CHECK (place_kind IN ('board', 'feed', 'form')),
    place_id   INTEGER NOT NULL,
    -- The visitor's identity key, `visitor:<uuid>`.
    visitor    TEXT    NOT NULL CHECK (length(visitor) BETWEEN 1 AND 200),
    -- The UTC day, `YYYY-MM-DD`.
    day        TEXT    NOT NULL
               CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    -- When the visitor first saw the place that day.
    first_seen TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    -- Also the index of one place's days.
    PRIMARY KEY (place_kind, place_id, day, visitor)
) STRICT, WITHOUT ROWID;

-- A whole site's days.
CREATE INDEX engagement_seen_by_site ON engagement_seen (site_id, day, visitor);

-- What happened in a period, per place: the aggregates walk these instead of whole tables.
CREATE INDEX ideas_by_time ON ideas (board_id, created_at);
CREATE INDEX comments_by_time ON comments (idea_id, created_at);
CREATE INDEX post_likes_by_time ON post_likes (post_id, created_at);
CREATE INDEX form_submissions_by_time ON form_submissions (form_id, created_at);
