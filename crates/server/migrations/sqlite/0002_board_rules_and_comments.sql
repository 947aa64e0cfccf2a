-- Board rules beyond the supporter threshold, review before publication, comments, and the
-- history of status changes.
--
-- A board now decides separately whether anonymous visitors may post (ideas, comments) and
-- vote, may cap how many ideas one identity supports at once, and may hold new ideas for
-- review. Comments are one level deep; `ideas.comment_count` follows their rows through
-- triggers, exactly like `vote_count` follows votes.

ALTER TABLE boards RENAME COLUMN allow_anonymous TO allow_anonymous_posts;
-- Whether anonymous visitors may vote; boards keep what they allowed before.
ALTER TABLE boards ADD COLUMN allow_anonymous_votes INTEGER NOT NULL DEFAULT 1
    CHECK (allow_anonymous_votes IN (0, 1));
UPDATE boards SET allow_anonymous_votes = allow_anonymous_posts;
-- Most ideas on the board one identity may support at once; NULL for no limit.
ALTER TABLE boards ADD COLUMN vote_cap INTEGER CHECK (vote_cap IS NULL OR vote_cap > 0);
-- Whether new ideas wait for a moderator before they are listed.
ALTER TABLE boards ADD COLUMN premoderation INTEGER NOT NULL DEFAULT 0
    CHECK (premoderation IN (0, 1));

-- An idea waiting for review is shown to its author only.
ALTER TABLE ideas ADD COLUMN pending_review INTEGER NOT NULL DEFAULT 0
    CHECK (pending_review IN (0, 1));

-- A voter's support on one board, for the vote cap.
CREATE INDEX votes_by_voter ON votes (voter, idea_id);

CREATE TABLE comments (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    idea_id      INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    -- The top-level comment this one answers; replies are never answered themselves.
    parent_id    INTEGER REFERENCES comments (id) ON DELETE CASCADE,
    body         TEXT    NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    author_name  TEXT    NOT NULL,
    author_avatar TEXT,
    -- The identity key of the commenter (`visitor:<uuid>`), kept for moderation and limits.
    author_voter TEXT,
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                 CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;

-- Top-level comments of an idea in posting order, and the replies of each.
CREATE INDEX comments_by_idea ON comments (idea_id, parent_id, id);
CREATE INDEX comments_by_parent ON comments (parent_id, id) WHERE parent_id IS NOT NULL;

-- A reply answers a top-level comment of the same idea.
CREATE TRIGGER comments_one_level
BEFORE INSERT ON comments
WHEN NEW.parent_id IS NOT NULL
 AND NOT EXISTS (SELECT 1 FROM comments p
                 WHERE p.id = NEW.parent_id AND p.idea_id = NEW.idea_id AND p.parent_id IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'a reply must answer a top-level comment of the same idea');
END;

CREATE TRIGGER comments_count_insert
AFTER INSERT ON comments
BEGIN
    UPDATE ideas SET comment_count = comment_count + 1 WHERE id = NEW.idea_id;
END;

CREATE TRIGGER comments_count_delete
AFTER DELETE ON comments
BEGIN
    UPDATE ideas SET comment_count = comment_count - 1 WHERE id = OLD.idea_id;
END;

-- Where an idea has been: each status change, with the note the brand showed with it.
CREATE TABLE idea_status_changes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    idea_id     INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    from_status TEXT    NOT NULL
                CHECK (from_status IN ('open', 'under_review', 'planned', 'in_progress',
                                       'shipped', 'declined', 'duplicate')),
    to_status   TEXT    NOT NULL
                CHECK (to_status IN ('open', 'under_review', 'planned', 'in_progress',
                                     'shipped', 'declined', 'duplicate')),
    -- Public: shown beside the change, empty when the brand wrote none.
    note        TEXT    NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK (from_status <> to_status)
) STRICT;

CREATE INDEX idea_status_changes_by_idea ON idea_status_changes (idea_id, id);

-- Full-text search over titles and bodies: an external-content FTS5 index of `ideas`, kept
-- in step by triggers, so the text is stored once.
CREATE VIRTUAL TABLE ideas_fts USING fts5 (
    title, body, content = 'ideas', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO ideas_fts (rowid, title, body) SELECT id, title, body FROM ideas;

CREATE TRIGGER ideas_fts_insert AFTER INSERT ON ideas BEGIN
    INSERT INTO ideas_fts (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
END;

CREATE TRIGGER ideas_fts_delete AFTER DELETE ON ideas BEGIN
    INSERT INTO ideas_fts (ideas_fts, rowid, title, body)
    VALUES ('delete', OLD.id, OLD.title, OLD.body);
END;

CREATE TRIGGER ideas_fts_update AFTER UPDATE OF title, body ON ideas BEGIN
    INSERT INTO ideas_fts (ideas_fts, rowid, title, body)
    VALUES ('delete', OLD.id, OLD.title, OLD.body);
    INSERT INTO ideas_fts (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
END;
