-- UGC feeds: photo posts with captions and product tags, their image renditions, likes and
-- reports. The same rules as migrations/sqlite/0004_feeds.sql, in PostgreSQL's terms.
--
-- As with votes, integrity lives here: one like and one report per (post, identity), and
-- `posts.like_count` / `posts.report_count` kept by triggers so they always equal the rows.
-- The report trigger also hides a listed post, pending review, once its distinct reports
-- reach the feed's threshold; its UPDATE locks the post's row, so concurrent reports queue
-- and none can miss the moment.

CREATE TABLE feeds (
    id                    bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id               bigint  NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    -- Public paths (`/v1/feeds/{feed}/…`) carry no site, so a slug names one feed across the
    -- whole server, which also makes it unique within its site.
    slug                  text    NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{1,64}$'),
    name                  text    NOT NULL CHECK (length(name) > 0),
    description           text    NOT NULL DEFAULT '',
    -- Whether new posts wait for a moderator before they are listed.
    premoderation         boolean NOT NULL DEFAULT false,
    -- Distinct reports that hide a post until a moderator reviews it.
    report_threshold      bigint  NOT NULL DEFAULT 3 CHECK (report_threshold > 0),
    -- Whether anonymous visitors may post, or only signed-in users.
    allow_anonymous_posts boolean NOT NULL DEFAULT true,
    -- Display order within the site.
    position              bigint  NOT NULL DEFAULT 0,
    created_at            timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
    UNIQUE (site_id, slug)
);

CREATE INDEX feeds_by_site ON feeds (site_id, position, id);

CREATE TABLE posts (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    feed_id       bigint NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    caption       text   NOT NULL DEFAULT '' CHECK (length(caption) <= 2000),
    alt           text   NOT NULL CHECK (length(alt) BETWEEN 1 AND 300),
    -- `listed`, waiting for a moderator before it is (`pending_review`), or taken down after
    -- reports until a moderator decides (`hidden`).
    state         text   NOT NULL DEFAULT 'listed'
                  CHECK (state IN ('listed', 'pending_review', 'hidden')),
    author_name   text   NOT NULL,
    author_avatar text,
    -- The identity key of the author (`visitor:<uuid>`), kept for moderation and limits.
    author_key    text,
    -- The photo's dominant colour, a placeholder while it loads.
    color         text   NOT NULL CHECK (color ~ '^#[0-9a-f]{6}$'),
    -- Maintained by triggers on `post_likes` and `post_reports`; never written directly.
    like_count    bigint NOT NULL DEFAULT 0 CHECK (like_count >= 0),
    report_count  bigint NOT NULL DEFAULT 0 CHECK (report_count >= 0),
    created_at    timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
                  CHECK (created_at = date_trunc('milliseconds', created_at))
);

-- A feed's listed posts, newest first; the order ends in `id` so cursors are unambiguous.
CREATE INDEX posts_new ON posts (feed_id, state, created_at DESC, id DESC);

CREATE FUNCTION posts_counts_start_at_zero() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.like_count <> 0 OR NEW.report_count <> 0 THEN
        RAISE EXCEPTION 'like_count and report_count are maintained by triggers';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER posts_counts_start_at_zero
BEFORE INSERT ON posts
FOR EACH ROW EXECUTE FUNCTION posts_counts_start_at_zero();

-- A post's product tags (`product`) and caption hashtags (`hashtag`), in the author's order.
CREATE TABLE post_tags (
    post_id  bigint NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    kind     text   NOT NULL CHECK (kind IN ('product', 'hashtag')),
    tag      text   NOT NULL CHECK (length(tag) BETWEEN 1 AND 64),
    position bigint NOT NULL,
    PRIMARY KEY (post_id, kind, tag)
);

CREATE INDEX post_tags_by_tag ON post_tags (kind, tag, post_id);

-- The widths a post's photo is served at: content-hashed JPEG files in the media directory.
CREATE TABLE post_images (
    post_id bigint NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    width   bigint NOT NULL CHECK (width > 0),
    height  bigint NOT NULL CHECK (height > 0),
    file    text   NOT NULL CHECK (file ~ '^[0-9a-f]{32}\.jpg$'),
    PRIMARY KEY (post_id, width)
);

CREATE TABLE post_likes (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_id    bigint NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    -- An identity key: `visitor:<uuid>` or `user:<sub>`.
    liker      text   NOT NULL CHECK (length(liker) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
    CONSTRAINT one_like_per_liker UNIQUE (post_id, liker)
);

-- Each like row moves its post's count; the UPDATE locks the post's row until commit, so
-- concurrent likes queue there and none is lost.
CREATE FUNCTION post_likes_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE posts SET like_count = like_count - 1 WHERE id = OLD.post_id;
    ELSE
        UPDATE posts SET like_count = like_count + 1 WHERE id = NEW.post_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER post_likes_count_insert_delete
AFTER INSERT OR DELETE ON post_likes
FOR EACH ROW EXECUTE FUNCTION post_likes_count();

CREATE TABLE post_reports (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_id    bigint NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    reporter   text   NOT NULL CHECK (length(reporter) BETWEEN 1 AND 200),
    reason     text   NOT NULL CHECK (reason IN ('spam', 'offensive', 'rights', 'other')),
    -- For the moderators only.
    note       text   NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
    CONSTRAINT one_report_per_reporter UNIQUE (post_id, reporter)
);

-- Each report counts once; the one that reaches the feed's threshold hides a listed post.
CREATE FUNCTION post_reports_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE posts SET report_count = report_count - 1 WHERE id = OLD.post_id;
    ELSE
        UPDATE posts p
        SET report_count = p.report_count + 1,
            state = CASE
                        WHEN p.state = 'listed' AND p.report_count + 1 >= f.report_threshold
                        THEN 'hidden'
                        ELSE p.state
                    END
        FROM feeds f
        WHERE p.id = NEW.post_id AND f.id = p.feed_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER post_reports_count_insert_delete
AFTER INSERT OR DELETE ON post_reports
FOR EACH ROW EXECUTE FUNCTION post_reports_count();
