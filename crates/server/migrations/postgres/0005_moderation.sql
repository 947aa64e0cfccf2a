-- Moderation: decisions on what waits for review, pinned ideas, blocked identities, the
-- moderation log, comment premoderation, and the site settings the widget starts with.
--
-- An idea or a comment is hidden while `pending_review`; a moderator's rejection keeps it
-- hidden and sets `rejected`, which takes it out of the queue. Approval clears both. A
-- comment counts in `ideas.comment_count` only while it is visible, so the count trigger of
-- 0002 is replaced by one that follows `pending_review` and moves between ideas (merges).

-- Sites: theme defaults (`--kindred-*` custom property → value) and feature flags, both JSON
-- objects the server validates before it stores them.
ALTER TABLE sites ADD COLUMN theme    text NOT NULL DEFAULT '{}' CHECK (theme::jsonb IS NOT NULL);
ALTER TABLE sites ADD COLUMN features text NOT NULL DEFAULT '{}' CHECK (features::jsonb IS NOT NULL);

-- Whether new comments on the board's ideas wait for a moderator before they are shown.
ALTER TABLE boards ADD COLUMN premoderate_comments boolean NOT NULL DEFAULT false;

-- Pinned ideas lead every order of their board's list.
ALTER TABLE ideas ADD COLUMN pinned boolean NOT NULL DEFAULT false;
ALTER TABLE ideas ADD COLUMN rejected boolean NOT NULL DEFAULT false;
ALTER TABLE ideas ADD CHECK (NOT rejected OR pending_review);

DROP INDEX ideas_top;
DROP INDEX ideas_new;
DROP INDEX ideas_discussed;
CREATE INDEX ideas_top       ON ideas (board_id, pinned DESC, vote_count DESC, id DESC);
CREATE INDEX ideas_new       ON ideas (board_id, pinned DESC, created_at DESC, id DESC);
CREATE INDEX ideas_discussed ON ideas (board_id, pinned DESC, comment_count DESC,
                                       vote_count DESC, id DESC);
-- The queue: what waits for review, oldest first.
CREATE INDEX ideas_queue ON ideas (created_at, id) WHERE pending_review AND NOT rejected;

ALTER TABLE comments ADD COLUMN pending_review boolean NOT NULL DEFAULT false;
ALTER TABLE comments ADD COLUMN rejected boolean NOT NULL DEFAULT false;
ALTER TABLE comments ADD CHECK (NOT rejected OR pending_review);
CREATE INDEX comments_queue ON comments (created_at, id) WHERE pending_review AND NOT rejected;

-- A comment counts on the idea it is visible on: inserts and deletes of visible comments,
-- review decisions and merges all move the count.
CREATE OR REPLACE FUNCTION comments_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') AND NOT OLD.pending_review THEN
        UPDATE ideas SET comment_count = comment_count - 1 WHERE id = OLD.idea_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NOT NEW.pending_review THEN
        UPDATE ideas SET comment_count = comment_count + 1 WHERE id = NEW.idea_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER comments_count_update
AFTER UPDATE OF pending_review, idea_id ON comments
FOR EACH ROW
WHEN (OLD.pending_review <> NEW.pending_review OR OLD.idea_id <> NEW.idea_id)
EXECUTE FUNCTION comments_count();

-- Identities a site's moderators have barred from writing (proposing, voting, commenting).
CREATE TABLE identity_blocks (
    site_id    bigint NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    -- An identity key: `visitor:<uuid>` or `user:<sub>`.
    identity   text   NOT NULL CHECK (length(identity) BETWEEN 1 AND 200),
    -- Why, for moderators only; never shown to the blocked identity.
    reason     text   NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
    -- When the block lapses; NULL for never.
    expires_at timestamptz,
    PRIMARY KEY (site_id, identity)
);

-- What moderators decided, newest last: who was affected, what happened and why.
CREATE TABLE moderation_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id     bigint NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    action      text   NOT NULL
                CHECK (action IN ('approve', 'reject', 'status', 'merge', 'pin', 'unpin',
                                  'block', 'unblock')),
    -- What the action was taken on: `ideas`, `comments` or `identities`, and its id or key.
    target_kind text   NOT NULL,
    target_id   text   NOT NULL,
    reason      text   NOT NULL DEFAULT '' CHECK (length(reason) <= 2000),
    created_at  timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
);

CREATE INDEX moderation_log_by_site ON moderation_log (site_id, id);
