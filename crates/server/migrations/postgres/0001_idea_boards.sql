-- The idea-voting core on PostgreSQL: sites and their allowed origins, boards, ideas with tags,
-- and votes. The same rules as migrations/sqlite/0001_idea_boards.sql, in PostgreSQL's terms.
--
-- Integrity lives here rather than only in code: one vote per (idea, voter), counts kept by
-- triggers so they cannot drift from the rows, statuses and slugs checked by shape.
-- Every `created_at` is a timestamptz truncated to milliseconds: the precision the API shows
-- and list cursors carry, so a cursor names a row's time exactly.

CREATE TABLE sites (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug             text   NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{1,64}$'),
    name             text   NOT NULL CHECK (length(name) > 0),
    locale           text   NOT NULL DEFAULT 'en',
    -- The author name shown for ideas proposed by anonymous visitors ("Anonymous runner").
    anonymous_author text   NOT NULL DEFAULT 'Anonymous',
    created_at       timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
                     CHECK (created_at = date_trunc('milliseconds', created_at))
);

-- Browser origins whose pages may call the API (CORS). Stored normalised: lowercase scheme and
-- host, explicit non-default port, no path or trailing slash.
CREATE TABLE site_origins (
    site_id bigint NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    origin  text   NOT NULL CHECK (origin LIKE 'http%://%' AND origin NOT LIKE '%/'),
    PRIMARY KEY (site_id, origin)
);

CREATE TABLE boards (
    id                  bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id             bigint  NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    -- Public paths (`/v1/boards/{board}/…`) carry no site, so a slug names one board across
    -- the whole server, which also makes it unique within its site.
    slug                text    NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{1,64}$'),
    name                text    NOT NULL CHECK (length(name) > 0),
    description         text    NOT NULL DEFAULT '',
    -- Supporters an idea needs before the brand reviews it; NULL when the board sets none.
    supporter_threshold bigint  CHECK (supporter_threshold IS NULL OR supporter_threshold > 0),
    -- Whether anonymous visitors may propose and vote, or only signed-in users.
    allow_anonymous     boolean NOT NULL DEFAULT true,
    -- Display order within the site.
    position            bigint  NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
                        CHECK (created_at = date_trunc('milliseconds', created_at)),
    UNIQUE (site_id, slug)
);

CREATE INDEX boards_by_site ON boards (site_id, position, id);

CREATE TABLE ideas (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    board_id       bigint NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    title          text   NOT NULL CHECK (length(title) > 0),
    body           text   NOT NULL DEFAULT '',
    status         text   NOT NULL DEFAULT 'open'
                   CHECK (status IN ('open', 'under_review', 'planned', 'in_progress',
                                     'shipped', 'declined', 'duplicate')),
    duplicate_of   bigint REFERENCES ideas (id) ON DELETE SET NULL,
    author_name    text   NOT NULL,
    author_avatar  text,
    -- The identity key of the proposer (`visitor:<uuid>`), kept for moderation and limits.
    author_voter   text,
    -- Maintained by triggers on `votes` (and later `comments`); never written directly.
    vote_count     bigint NOT NULL DEFAULT 0 CHECK (vote_count >= 0),
    comment_count  bigint NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
    created_at     timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
                   CHECK (created_at = date_trunc('milliseconds', created_at)),
    CHECK (duplicate_of IS NULL OR status = 'duplicate'),
    CHECK (duplicate_of IS NULL OR duplicate_of <> id)
);

-- The orders of an idea list, each ending in `id` so cursors are unambiguous.
CREATE INDEX ideas_top       ON ideas (board_id, vote_count DESC, id DESC);
CREATE INDEX ideas_new       ON ideas (board_id, created_at DESC, id DESC);
CREATE INDEX ideas_discussed ON ideas (board_id, comment_count DESC, vote_count DESC, id DESC);
-- Deleting an idea clears `duplicate_of` where it is named; this keeps that from scanning.
CREATE INDEX ideas_duplicates ON ideas (duplicate_of) WHERE duplicate_of IS NOT NULL;

-- Counts start at zero; only the triggers below move them, so they always equal the rows.
CREATE FUNCTION ideas_counts_start_at_zero() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.vote_count <> 0 OR NEW.comment_count <> 0 THEN
        RAISE EXCEPTION 'vote_count and comment_count are maintained by triggers';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER ideas_counts_start_at_zero
BEFORE INSERT ON ideas
FOR EACH ROW EXECUTE FUNCTION ideas_counts_start_at_zero();

CREATE TABLE idea_tags (
    idea_id  bigint NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    tag      text   NOT NULL CHECK (length(trim(tag)) BETWEEN 1 AND 32),
    -- The order the author gave.
    position bigint NOT NULL,
    PRIMARY KEY (idea_id, tag)
);

CREATE INDEX idea_tags_by_tag ON idea_tags (tag, idea_id);

CREATE TABLE votes (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    idea_id    bigint NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    -- An identity key: `visitor:<uuid>` for anonymous visitors.
    voter      text   NOT NULL CHECK (length(voter) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
               CHECK (created_at = date_trunc('milliseconds', created_at)),
    CONSTRAINT one_vote_per_voter UNIQUE (idea_id, voter)
);

-- Recent support per idea, for the `trending` order.
CREATE INDEX votes_by_time ON votes (idea_id, created_at);

-- Each vote row moves its idea's count: +1 when added, -1 when removed, both when it moves
-- between ideas (merging duplicates). The UPDATE locks the idea's row until the transaction
-- ends, so concurrent votes on one idea queue there and none is lost.
CREATE FUNCTION votes_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE ideas SET vote_count = vote_count - 1 WHERE id = OLD.idea_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE ideas SET vote_count = vote_count + 1 WHERE id = NEW.idea_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER votes_count_insert_delete
AFTER INSERT OR DELETE ON votes
FOR EACH ROW EXECUTE FUNCTION votes_count();

CREATE TRIGGER votes_count_move
AFTER UPDATE OF idea_id ON votes
FOR EACH ROW WHEN (NEW.idea_id <> OLD.idea_id) EXECUTE FUNCTION votes_count();
