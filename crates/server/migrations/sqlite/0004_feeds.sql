-- UGC feeds: photo posts with captions and product tags, their image renditions, likes and
-- reports.
--
-- As with votes, integrity lives here: one like and one report per (post, identity), and
-- `posts.like_count` / `posts.report_count` kept by triggers so they always equal the rows.
-- The report trigger also hides a listed post, pending review, once its distinct reports
-- reach the feed's threshold, so no race between reporters can miss the moment.

CREATE TABLE feeds (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id               INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    -- Public paths (`/v1/feeds/{feed}/…`) carry no site, so a slug names one feed across the
    -- whole server, which also makes it unique within its site.
    slug                  TEXT    NOT NULL UNIQUE
                          CHECK (length(slug) BETWEEN 1 AND 64 AND slug NOT GLOB '*[^a-z0-9-]*'),
    name                  TEXT    NOT NULL CHECK (length(name) > 0),
    description           TEXT    NOT NULL DEFAULT '',
    -- Whether new posts wait for a moderator before they are listed.
    premoderation         INTEGER NOT NULL DEFAULT 0 CHECK (premoderation IN (0, 1)),
    -- Distinct reports that hide a post until a moderator reviews it.
    report_threshold      INTEGER NOT NULL DEFAULT 3 CHECK (report_threshold > 0),
    -- Whether anonymous visitors may post, or only signed-in users.
    allow_anonymous_posts INTEGER NOT NULL DEFAULT 1 CHECK (allow_anonymous_posts IN (0, 1)),
    -- Display order within the site.
    position              INTEGER NOT NULL DEFAULT 0,
    created_at            TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (site_id, slug)
) STRICT;

CREATE INDEX feeds_by_site ON feeds (site_id, position, id);

CREATE TABLE posts (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    feed_id       INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    caption       TEXT    NOT NULL DEFAULT '' CHECK (length(caption) <= 2000),
    alt           TEXT    NOT NULL CHECK (length(alt) BETWEEN 1 AND 300),
    -- `listed`, waiting for a moderator before it is (`pending_review`), or taken down after
    -- reports until a moderator decides (`hidden`).
    state         TEXT    NOT NULL DEFAULT 'listed'
                  CHECK (state IN ('listed', 'pending_review', 'hidden')),
    author_name   TEXT    NOT NULL,
    author_avatar TEXT,
    -- The identity key of the author (`visitor:<uuid>`), kept for moderation and limits.
    author_key    TEXT,
    -- The photo's dominant colour, a placeholder while it loads.
    color         TEXT    NOT NULL CHECK (color GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    -- Maintained by triggers on `post_likes` and `post_reports`; never written directly.
    like_count    INTEGER NOT NULL DEFAULT 0 CHECK (like_count >= 0),
    report_count  INTEGER NOT NULL DEFAULT 0 CHECK (report_count >= 0),
    created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                  CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z')
) STRICT;

-- A feed's listed posts, newest first; the order ends in `id` so cursors are unambiguous.
CREATE INDEX posts_new ON posts (feed_id, state, created_at DESC, id DESC);

CREATE TRIGGER posts_counts_start_at_zero
BEFORE INSERT ON posts
WHEN NEW.like_count <> 0 OR NEW.report_count <> 0
BEGIN
    SELECT RAISE(ABORT, 'like_count and report_count are maintained by triggers');
END;

-- A post's product tags (`product`) and caption hashtags (`hashtag`), in the author's order.
CREATE TABLE post_tags (
    post_id  INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    kind     TEXT    NOT NULL CHECK (kind IN ('product', 'hashtag')),
    tag      TEXT    NOT NULL CHECK (length(tag) BETWEEN 1 AND 64),
    position INTEGER NOT NULL,
    PRIMARY KEY (post_id, kind, tag)
) STRICT, WITHOUT ROWID;

CREATE INDEX post_tags_by_tag ON post_tags (kind, tag, post_id);

-- The widths a post's photo is served at: content-hashed JPEG files in the media directory.
CREATE TABLE post_images (
    post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    width   INTEGER NOT NULL CHECK (width > 0),
    height  INTEGER NOT NULL CHECK (height > 0),
    file    TEXT    NOT NULL CHECK (length(file) = 36 AND substr(file, 33) = '.jpg'
                                    AND substr(file, 1, 32) NOT GLOB '*[^0-9a-f]*'),
    PRIMARY KEY (post_id, width)
) STRICT, WITHOUT ROWID;

CREATE TABLE post_likes (
    id         INTEGER PRIMARY KEY,
    post_id    INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    -- An identity key: `visitor:<uuid>` or `user:<sub>`.
    liker      TEXT    NOT NULL CHECK (length(liker) BETWEEN 1 AND 200),
    created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT one_like_per_liker UNIQUE (post_id, liker)
) STRICT;

CREATE TRIGGER post_likes_count_insert
AFTER INSERT ON post_likes
BEGIN
    UPDATE posts SET like_count = like_count + 1 WHERE id = NEW.post_id;
END;

CREATE TRIGGER post_likes_count_delete
AFTER DELETE ON post_likes
BEGIN
    UPDATE posts SET like_count = like_count - 1 WHERE id = OLD.post_id;
END;

CREATE TABLE post_reports (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    post_id    INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    reporter   TEXT    NOT NULL CHECK (length(reporter) BETWEEN 1 AND 200),
    reason     TEXT    NOT NULL CHECK (reason IN ('spam', 'offensive', 'rights', 'other')),
    -- For the moderators only.
    note       TEXT    NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT one_report_per_reporter UNIQUE (post_id, reporter)
) STRICT;

-- Each report counts once; the one that reaches the feed's threshold hides a listed post.
CREATE TRIGGER post_reports_count_insert
AFTER INSERT ON post_reports
BEGIN
    UPDATE posts
    SET report_count = report_count + 1,
        state = CASE
                    WHEN state = 'listed'
                     AND report_count + 1 >= (SELECT f.report_threshold FROM feeds f
                                              WHERE f.id = posts.feed_id)
                    THEN 'hidden'
                    ELSE state
                END
    WHERE id = NEW.post_id;
END;

CREATE TRIGGER post_reports_count_delete
AFTER DELETE ON post_reports
BEGIN
    UPDATE posts SET report_count = report_count - 1 WHERE id = OLD.post_id;
END;
