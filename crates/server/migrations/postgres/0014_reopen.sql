-- Moderators take a decision back: the item waits for review again, and the moderation log's
-- `action` takes `reopen`.
ALTER TABLE moderation_log DROP CONSTRAINT moderation_log_action_check;
ALTER TABLE moderation_log ADD CONSTRAINT moderation_log_action_check
    CHECK (action IN ('approve', 'reject', 'status', 'merge', 'pin', 'unpin',
                      'block', 'unblock', 'tags', 'reopen'));

-- The log entry of the decision that reviewed a report, so that reopening the decision opens
-- exactly the reports it closed. NULL while the report is open, and for reports reviewed
-- before this column.
ALTER TABLE post_reports ADD COLUMN reviewed_in BIGINT;
