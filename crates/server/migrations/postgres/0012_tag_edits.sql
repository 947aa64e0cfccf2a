-- Moderators edit ideas' tags, and the moderation log records it: the log's `action` takes
-- `tags`.
ALTER TABLE moderation_log DROP CONSTRAINT moderation_log_action_check;
ALTER TABLE moderation_log ADD CONSTRAINT moderation_log_action_check
    CHECK (action IN ('approve', 'reject', 'status', 'merge', 'pin', 'unpin',
                      'block', 'unblock', 'tags'));
