-- Moderators edit ideas' tags, and the moderation log records it: the log's `action` takes
-- `tags`. SQLite cannot change a CHECK in place, so the log is rebuilt with its rows and ids.
CREATE TABLE moderation_log_next (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id     INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    action      TEXT    NOT NULL
                CHECK (action IN ('approve', 'reject', 'status', 'merge', 'pin', 'unpin',
                                  'block', 'unblock', 'tags')),
    -- What the action was taken on: `ideas`, `comments` or `identities`, and its id or key.
    target_kind TEXT    NOT NULL,
    target_id   TEXT    NOT NULL,
    reason      TEXT    NOT NULL DEFAULT '' CHECK (length(reason) <= 2000),
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

INSERT INTO moderation_log_next (id, site_id, action, target_kind, target_id, reason, created_at)
SELECT id, site_id, action, target_kind, target_id, reason, created_at FROM moderation_log;

DROP TABLE moderation_log;
ALTER TABLE moderation_log_next RENAME TO moderation_log;
CREATE INDEX moderation_log_by_site ON moderation_log (site_id, id);
