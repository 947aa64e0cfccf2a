-- Moderation: decisions on what waits for review, pinned ideas, blocked identities, the
-- moderation log, comment premoderation, and the site settings the widget starts with.
--
-- An idea or a comment is hidden while `pending_review`; a moderator's rejection keeps it
-- hidden and sets `rejected`, which takes it out of the queue. Approval clears both. A
-- comment counts in `ideas.comment_count` only while it is visible, so the count triggers of
-- 0002 are replaced by ones that follow `pending_review` and moves between ideas (merges).

-- Sites: theme defaults (`--kindred-*` custom property → value) and feature flags, both JSON
-- objects the server validates before it stores them.
ALTER TABLE sites ADD COLUMN theme    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(theme));
ALTER TABLE sites ADD COLUMN features TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(features));

-- Whether new comments on the board's ideas wait for a moderator before they are shown.
ALTER TABLE boards ADD COLUMN premoderate_comments INTEGER NOT NULL DEFAULT 0
    CHECK (premoderate_comments IN (0, 1));

-- Pinned ideas lead every order of their board's list.
ALTER TABLE ideas ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1));
ALTER TABLE ideas ADD COLUMN rejected INTEGER NOT NULL DEFAULT 0
    CHECK (rejected IN (0, 1) AND (rejected = 0 OR pending_review = 1));

DROP INDEX ideas_top;
DROP INDEX ideas_new;
DROP INDEX ideas_discussed;
CREATE INDEX ideas_top       ON ideas (board_id, pinned DESC, vote_count DESC, id DESC);
CREATE INDEX ideas_new       ON ideas (board_id, pinned DESC, created_at DESC, id DESC);
CREATE INDEX ideas_discussed ON ideas (board_id, pinned DESC, comment_count DESC,
                                       vote_count DESC, id DESC);
-- The queue: what waits for review, oldest first.
CREATE INDEX ideas_queue ON ideas (created_at, id) WHERE pending_review = 1 AND rejected = 0;

ALTER TABLE comments ADD COLUMN pending_review INTEGER NOT NULL DEFAULT 0
    CHECK (pending_review IN (0, 1));
ALTER TABLE comments ADD COLUMN rejected INTEGER NOT NULL DEFAULT 0
    CHECK (rejected IN (0, 1) AND (rejected = 0 OR pending_review = 1));
CREATE INDEX comments_queue ON comments (created_at, id) WHERE pending_review = 1 AND rejected = 0;

DROP TRIGGER comments_count_insert;
DROP TRIGGER comments_count_delete;

CREATE TRIGGER comments_count_insert
AFTER INSERT ON comments
WHEN NEW.pending_review = 0
BEGIN
    UPDATE ideas SET comment_count = comment_count + 1 WHERE id = NEW.idea_id;
END;

CREATE TRIGGER comments_count_delete
AFTER DELETE ON comments
WHEN OLD.pending_review = 0
BEGIN
    UPDATE ideas SET comment_count = comment_count - 1 WHERE id = OLD.idea_id;
END;

-- Review decisions and merges: a comment leaves the count of the idea it was visible on and
-- joins the count of the idea it is visible on now.
CREATE TRIGGER comments_count_update
AFTER UPDATE OF pending_review, idea_id ON comments
WHEN OLD.pending_review <> NEW.pending_review OR OLD.idea_id <> NEW.idea_id
BEGIN
    UPDATE ideas SET comment_count = comment_count - 1
    WHERE id = OLD.idea_id AND OLD.pending_review = 0;
    UPDATE ideas SET comment_count = comment_count + 1
    WHERE id = NEW.idea_id AND NEW.pending_review = 0;
END;

-- Identities a site's moderators have barred from writing (proposing, voting, commenting).
CREATE TABLE identity_blocks (
    site_id    INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    -- An identity key: `visitor:<uuid>` or `user:<sub>`.
    identity   TEXT    NOT NULL CHECK (length(identity) BETWEEN 1 AND 200),
    -- Why, for moderators only; never shown to the blocked identity.
    reason     TEXT    NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    -- When the block lapses; NULL for never.
    expires_at TEXT    CHECK (expires_at IS NULL OR expires_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    PRIMARY KEY (site_id, identity)
) STRICT, WITHOUT ROWID;

-- What moderators decided, newest last: who was affected, what happened and why.
CREATE TABLE moderation_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id     INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    action      TEXT    NOT NULL
                CHECK (action IN ('approve', 'reject', 'status', 'merge', 'pin', 'unpin',
                                  'block', 'unblock')),
    -- What the action was taken on: `ideas`, `comments` or `identities`, and its id or key.
    target_kind TEXT    NOT NULL,
    target_id   TEXT    NOT NULL,
    reason      TEXT    NOT NULL DEFAULT '' CHECK (length(reason) <= 2000),
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE INDEX moderation_log_by_site ON moderation_log (site_id, id);
