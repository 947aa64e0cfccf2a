//! PostgreSQL text of the statements in [`crate::store::webhooks`].

/// Registers a webhook, answering its row.
pub const INSERT: &str = r#"INSERT INTO webhooks (site_id, url, secret, events)
                            VALUES ($1, $2, $3, $4)
                            RETURNING id, site_id, url, events, active,
                                      to_char(created_at AT TIME ZONE 'UTC',
                                              'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at"#;

/// A site's webhooks, oldest first.
pub const LIST: &str = r#"SELECT id, site_id, url, events, active,
                                 to_char(created_at AT TIME ZONE 'UTC',
                                         'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at
                          FROM webhooks WHERE site_id = $1 ORDER BY id"#;

/// One webhook.
pub const FIND: &str = r#"SELECT id, site_id, url, events, active,
                                 to_char(created_at AT TIME ZONE 'UTC',
                                         'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at
                          FROM webhooks WHERE id = $1"#;

/// Changes what is given (NULL keeps the value), answering the row.
pub const UPDATE: &str = r#"UPDATE webhooks
                            SET url = COALESCE($2, url), events = COALESCE($3, events),
                                active = COALESCE($4, active)
                            WHERE id = $1
                            RETURNING id, site_id, url, events, active,
                                      to_char(created_at AT TIME ZONE 'UTC',
                                              'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at"#;

/// Removes a webhook and its deliveries.
pub const DELETE: &str = "DELETE FROM webhooks WHERE id = $1";

/// The site's slug and the time now, RFC 3339, for an event's envelope — when at least one
/// active webhook of site `$1` wants event `$2`.
pub const ENVELOPE: &str = r#"SELECT s.slug,
                                     to_char(now() AT TIME ZONE 'UTC',
                                             'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                              FROM sites s
                              WHERE s.id = $1
                                AND EXISTS (SELECT 1 FROM webhooks w
                                            WHERE w.site_id = s.id AND w.active
                                              AND w.events LIKE '%,' || $2 || ',%')"#;

/// One delivery of payload `$3` for event `$2` per active webhook of site `$1` that wants it.
pub const ENQUEUE: &str = "INSERT INTO webhook_deliveries (webhook_id, event, payload)
                           SELECT id, $2, $3 FROM webhooks
                           WHERE site_id = $1 AND active AND events LIKE '%,' || $2 || ',%'";

/// Where webhook `$1` is sent, its key, its site's slug and the time now, RFC 3339, for a
/// test event; paused or not.
pub const TEST_ENVELOPE: &str = r#"SELECT w.url, w.secret, s.slug,
                                          to_char(now() AT TIME ZONE 'UTC',
                                                  'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                                   FROM webhooks w JOIN sites s ON s.id = w.site_id
                                   WHERE w.id = $1"#;

/// One delivery of payload `$3` for event `$2` to webhook `$1`, answering its id.
pub const INSERT_DELIVERY: &str = "INSERT INTO webhook_deliveries (webhook_id, event, payload)
                                   VALUES ($1, $2, $3)
                                   RETURNING id";

/// Up to `$1` deliveries due now and not held by a sender, oldest due first, with where they
/// go. Rows another replica is claiming at this moment are skipped, not waited for.
pub const DUE: &str = "SELECT d.id, w.url, w.secret, d.event, d.payload, d.attempts
                       FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
                       WHERE d.state = 'pending' AND w.active
                         AND d.next_attempt_at <= now()
                         AND (d.leased_until IS NULL OR d.leased_until < now())
                       ORDER BY d.next_attempt_at, d.id
                       LIMIT $1
                       FOR UPDATE OF d SKIP LOCKED";

/// Holds delivery `$1` for `$2` milliseconds and counts the attempt about to be made.
pub const LEASE: &str = "UPDATE webhook_deliveries
                         SET attempts = attempts + 1,
                             leased_until = now() + $2 * interval '1 millisecond'
                         WHERE id = $1";

/// Records an attempt at delivery `$1`: status `$2`, error `$3`, duration `$4` ms.
pub const INSERT_ATTEMPT: &str = "INSERT INTO webhook_attempts
                                      (delivery_id, status, error, duration_ms)
                                  VALUES ($1, $2, $3, $4)";

/// Marks delivery `$1` delivered.
pub const DELIVERED: &str = "UPDATE webhook_deliveries
                             SET state = 'delivered', leased_until = NULL,
                                 delivered_at = date_trunc('milliseconds', now())
                             WHERE id = $1";

/// Schedules delivery `$1` again in `$2` milliseconds.
pub const RETRY: &str = "UPDATE webhook_deliveries
                         SET leased_until = NULL,
                             next_attempt_at = now() + $2 * interval '1 millisecond'
                         WHERE id = $1";

/// Gives delivery `$1` up.
pub const FAILED: &str = "UPDATE webhook_deliveries SET state = 'failed', leased_until = NULL
                          WHERE id = $1";

/// Up to `$3` deliveries of webhook `$1` with ids below `$2`, newest first.
pub const DELIVERIES: &str = r#"SELECT id, event, state, payload,
                                       to_char(next_attempt_at AT TIME ZONE 'UTC',
                                               'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS next_attempt_at,
                                       to_char(delivered_at AT TIME ZONE 'UTC',
                                               'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS delivered_at,
                                       to_char(created_at AT TIME ZONE 'UTC',
                                               'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at
                                FROM webhook_deliveries
                                WHERE webhook_id = $1 AND id < $2
                                ORDER BY id DESC
                                LIMIT $3"#;

/// The attempts at deliveries with ids between `$1` and `$2`, oldest first.
pub const ATTEMPTS: &str = r#"SELECT delivery_id, status, error, duration_ms,
                                     to_char(created_at AT TIME ZONE 'UTC',
                                             'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at
                              FROM webhook_attempts
                              WHERE delivery_id BETWEEN $1 AND $2
                              ORDER BY id"#;
