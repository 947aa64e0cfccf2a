-- Moderators take a decision back: the item waits for review again, and the moderation log's
-- `action` takes `reopen`. SQLite cannot change a CHECK in place, so the log is rebuilt with
-- its rows and ids.
CREATE TABLE moderation_log_next (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id     INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    action      TEXT    NOT NULL
                CHECK (action IN ('approve', 'reject', 'status', 'merge', 'pin', 'unpin',
                                  'block', 'unblock', 'tags', 'reopen')),
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

-- The log entry of the decision that reviewed a report, so that reopening the decision opens
-- exactly the reports it closed. NULL while the report is open, and for reports reviewed
-- before this column.
ALTER TABLE post_reports ADD COLUMN reviewed_in INTEGER;
