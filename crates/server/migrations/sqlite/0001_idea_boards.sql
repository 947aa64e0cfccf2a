-- The idea-voting core: sites and their allowed origins, boards, ideas with tags, and votes.
--
-- Integrity lives here rather than only in code: one vote per (idea, voter), counts kept by
-- triggers so they cannot drift from the rows, statuses and timestamps checked by shape.
-- Every `created_at` is RFC 3339 UTC with milliseconds ('2026-01-02T03:04:05.678Z'), one fixed
-- width so that text order is time order.

CREATE TABLE sites (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    slug             TEXT    NOT NULL UNIQUE
                     CHECK (length(slug) BETWEEN 1 AND 64 AND slug NOT GLOB '*[^a-z0-9-]*'),
    name             TEXT    NOT NULL CHECK (length(name) > 0),
    locale           TEXT    NOT NULL DEFAULT 'en',
    -- The author name shown for ideas proposed by anonymous visitors ("Anonymous runner").
    anonymous_author TEXT    NOT NULL DEFAULT 'Anonymous',
    created_at       TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- Browser origins whose pages may call the API (CORS). Stored normalised: lowercase scheme and
-- host, explicit non-default port, no path or trailing slash.
CREATE TABLE site_origins (
    site_id INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    origin  TEXT    NOT NULL CHECK (origin GLOB 'http*://*' AND origin NOT GLOB '*/'),
    PRIMARY KEY (site_id, origin)
) STRICT, WITHOUT ROWID;

CREATE TABLE boards (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id             INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    -- Public paths (`/v1/boards/{board}/…`) carry no site, so a slug names one board across
    -- the whole server, which also makes it unique within its site.
    slug                TEXT    NOT NULL UNIQUE
                        CHECK (length(slug) BETWEEN 1 AND 64 AND slug NOT GLOB '*[^a-z0-9-]*'),
    name                TEXT    NOT NULL CHECK (length(name) > 0),
    description         TEXT    NOT NULL DEFAULT '',
    -- Supporters an idea needs before the brand reviews it; NULL when the board sets none.
    supporter_threshold INTEGER CHECK (supporter_threshold IS NULL OR supporter_threshold > 0),
    -- Whether anonymous visitors may propose and vote, or only signed-in users.
    allow_anonymous     INTEGER NOT NULL DEFAULT 1 CHECK (allow_anonymous IN (0, 1)),
    -- Display order within the site.
    position            INTEGER NOT NULL DEFAULT 0,
    created_at          TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (site_id, slug)
) STRICT;

CREATE INDEX boards_by_site ON boards (site_id, position, id);

CREATE TABLE ideas (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    board_id       INTEGER NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    title          TEXT    NOT NULL CHECK (length(title) > 0),
    body           TEXT    NOT NULL DEFAULT '',
    status         TEXT    NOT NULL DEFAULT 'open'
                   CHECK (status IN ('open', 'under_review', 'planned', 'in_progress',
                                     'shipped', 'declined', 'duplicate')),
    duplicate_of   INTEGER REFERENCES ideas (id) ON DELETE SET NULL,
    author_name    TEXT    NOT NULL,
    author_avatar  TEXT,
    -- The identity key of the proposer (`visitor:<uuid>`), kept for moderation and limits.
    author_voter   TEXT,
    -- Maintained by triggers on `votes` (and later `comments`); never written directly.
    vote_count     INTEGER NOT NULL DEFAULT 0 CHECK (vote_count >= 0),
    comment_count  INTEGER NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
    created_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                   CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    CHECK (duplicate_of IS NULL OR status = 'duplicate'),
    CHECK (duplicate_of IS NULL OR duplicate_of <> id)
) STRICT;

-- The orders of an idea list, each ending in `id` so cursors are unambiguous.
CREATE INDEX ideas_top       ON ideas (board_id, vote_count DESC, id DESC);
CREATE INDEX ideas_new       ON ideas (board_id, created_at DESC, id DESC);
CREATE INDEX ideas_discussed ON ideas (board_id, comment_count DESC, vote_count DESC, id DESC);

-- Counts start at zero; only the triggers below move them, so they always equal the rows.
CREATE TRIGGER ideas_counts_start_at_zero
BEFORE INSERT ON ideas
WHEN NEW.vote_count <> 0 OR NEW.comment_count <> 0
BEGIN
    SELECT RAISE(ABORT, 'vote_count and comment_count are maintained by triggers');
END;

CREATE TABLE idea_tags (
    idea_id  INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    tag      TEXT    NOT NULL CHECK (length(trim(tag)) BETWEEN 1 AND 32),
    -- The order the author gave.
    position INTEGER NOT NULL,
    PRIMARY KEY (idea_id, tag)
) STRICT, WITHOUT ROWID;

CREATE INDEX idea_tags_by_tag ON idea_tags (tag, idea_id);

CREATE TABLE votes (
    id         INTEGER PRIMARY KEY,
    idea_id    INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    -- An identity key: `visitor:<uuid>` for anonymous visitors.
    voter      TEXT    NOT NULL CHECK (length(voter) BETWEEN 1 AND 200),
    created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
               CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
    CONSTRAINT one_vote_per_voter UNIQUE (idea_id, voter)
) STRICT;

-- Recent support per idea, for the `trending` order.
CREATE INDEX votes_by_time ON votes (idea_id, created_at);

CREATE TRIGGER votes_count_insert
AFTER INSERT ON votes
BEGIN
    UPDATE ideas SET vote_count = vote_count + 1 WHERE id = NEW.idea_id;
END;

CREATE TRIGGER votes_count_delete
AFTER DELETE ON votes
BEGIN
    UPDATE ideas SET vote_count = vote_count - 1 WHERE id = OLD.idea_id;
END;

-- Moving votes between ideas (merging duplicates) moves the counts with them.
CREATE TRIGGER votes_count_move
AFTER UPDATE OF idea_id ON votes
WHEN NEW.idea_id <> OLD.idea_id
BEGIN
    UPDATE ideas SET vote_count = vote_count - 1 WHERE id = OLD.idea_id;
    UPDATE ideas SET vote_count = vote_count + 1 WHERE id = NEW.idea_id;
END;
