-- Board rules beyond the supporter threshold, review before publication, comments, and the
-- history of status changes. The same rules as migrations/sqlite/0002_board_rules_and_comments.sql,
-- in PostgreSQL's terms.
--
-- A board now decides separately whether anonymous visitors may post (ideas, comments) and
-- vote, may cap how many ideas one identity supports at once, and may hold new ideas for
-- review. Comments are one level deep; `ideas.comment_count` follows their rows through
-- triggers, exactly like `vote_count` follows votes.

ALTER TABLE boards RENAME COLUMN allow_anonymous TO allow_anonymous_posts;
-- Whether anonymous visitors may vote; boards keep what they allowed before.
ALTER TABLE boards ADD COLUMN allow_anonymous_votes boolean NOT NULL DEFAULT true;
UPDATE boards SET allow_anonymous_votes = allow_anonymous_posts;
-- Most ideas on the board one identity may support at once; NULL for no limit.
ALTER TABLE boards ADD COLUMN vote_cap bigint CHECK (vote_cap IS NULL OR vote_cap > 0);
-- Whether new ideas wait for a moderator before they are listed.
ALTER TABLE boards ADD COLUMN premoderation boolean NOT NULL DEFAULT false;

-- An idea waiting for review is shown to its author only.
ALTER TABLE ideas ADD COLUMN pending_review boolean NOT NULL DEFAULT false;

-- A voter's support on one board, for the vote cap.
CREATE INDEX votes_by_voter ON votes (voter, idea_id);

CREATE TABLE comments (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    idea_id       bigint NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    -- The top-level comment this one answers; replies are never answered themselves.
    parent_id     bigint REFERENCES comments (id) ON DELETE CASCADE,
    body          text   NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    author_name   text   NOT NULL,
    author_avatar text,
    -- The identity key of the commenter (`visitor:<uuid>`), kept for moderation and limits.
    author_voter  text,
    created_at    timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
                  CHECK (created_at = date_trunc('milliseconds', created_at)),
    CHECK (parent_id IS NULL OR parent_id <> id)
);

-- Top-level comments of an idea in posting order, and the replies of each.
CREATE INDEX comments_by_idea ON comments (idea_id, parent_id, id);
CREATE INDEX comments_by_parent ON comments (parent_id, id) WHERE parent_id IS NOT NULL;

-- A reply answers a top-level comment of the same idea.
CREATE FUNCTION comments_one_level() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.parent_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM comments p
        WHERE p.id = NEW.parent_id AND p.idea_id = NEW.idea_id AND p.parent_id IS NULL
    ) THEN
        RAISE EXCEPTION 'a reply must answer a top-level comment of the same idea';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER comments_one_level
BEFORE INSERT ON comments
FOR EACH ROW EXECUTE FUNCTION comments_one_level();

-- Each comment row moves its idea's count; the UPDATE locks the idea's row until commit, so
-- concurrent comments queue there and none is lost.
CREATE FUNCTION comments_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE ideas SET comment_count = comment_count - 1 WHERE id = OLD.idea_id;
    ELSE
        UPDATE ideas SET comment_count = comment_count + 1 WHERE id = NEW.idea_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER comments_count_insert_delete
AFTER INSERT OR DELETE ON comments
FOR EACH ROW EXECUTE FUNCTION comments_count();

-- Where an idea has been: each status change, with the note the brand showed with it.
CREATE TABLE idea_status_changes (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    idea_id     bigint  NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    from_status text    NOT NULL
                CHECK (from_status IN ('open', 'under_review', 'planned', 'in_progress',
                                       'shipped', 'declined', 'duplicate')),
    to_status   text    NOT NULL
                CHECK (to_status IN ('open', 'under_review', 'planned', 'in_progress',
                                     'shipped', 'declined', 'duplicate')),
    -- Public: shown beside the change, empty when the brand wrote none.
    note        text    NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    created_at  timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
    CHECK (from_status <> to_status)
);

CREATE INDEX idea_status_changes_by_idea ON idea_status_changes (idea_id, id);

-- Full-text search over titles and bodies: a generated tsvector (title weighted above body)
-- with a GIN index. The `simple` configuration matches words as written, in any language.
ALTER TABLE ideas ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')
) STORED;
CREATE INDEX ideas_search ON ideas USING gin (search);
