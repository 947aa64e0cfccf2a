//! SQLite text of the statements in [`crate::store::webhooks`].

/// Registers a webhook, answering its row.
pub const INSERT: &str = "INSERT INTO webhooks (site_id, url, secret, events)
                          VALUES (?1, ?2, ?3, ?4)
                          RETURNING id, site_id, url, events, active, created_at";

/// A site's webhooks, oldest first.
pub const LIST: &str = "SELECT id, site_id, url, events, active, created_at
                        FROM webhooks WHERE site_id = ?1 ORDER BY id";

/// One webhook.
pub const FIND: &str = "SELECT id, site_id, url, events, active, created_at
                        FROM webhooks WHERE id = ?1";

/// Changes what is given (NULL keeps the value), answering the row.
pub const UPDATE: &str = "UPDATE webhooks
                          SET url = COALESCE(?2, url), events = COALESCE(?3, events),
                              active = COALESCE(?4, active)
                          WHERE id = ?1
                          RETURNING id, site_id, url, events, active, created_at";

/// Removes a webhook and its deliveries.
pub const DELETE: &str = "DELETE FROM webhooks WHERE id = ?1";

/// The site's slug and the time now, RFC 3339, for an event's envelope — when at least one
/// active webhook of site `?1` wants event `?2`.
pub const ENVELOPE: &str = "SELECT s.slug, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
                            FROM sites s
                            WHERE s.id = ?1
                              AND EXISTS (SELECT 1 FROM webhooks w
                                          WHERE w.site_id = s.id AND w.active
                                            AND w.events LIKE '%,' || ?2 || ',%')";

/// One delivery of payload `?3` for event `?2` per active webhook of site `?1` that wants it.
pub const ENQUEUE: &str = "INSERT INTO webhook_deliveries (webhook_id, event, payload)
                           SELECT id, ?2, ?3 FROM webhooks
                           WHERE site_id = ?1 AND active AND events LIKE '%,' || ?2 || ',%'";

/// Where webhook `?1` is sent, its key, its site's slug and the time now, RFC 3339, for a
/// test event; paused or not.
pub const TEST_ENVELOPE: &str = "SELECT w.url, w.secret, s.slug,
                                        strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
                                 FROM webhooks w JOIN sites s ON s.id = w.site_id
                                 WHERE w.id = ?1";

/// One delivery of payload `?3` for event `?2` to webhook `?1`, answering its id.
pub const INSERT_DELIVERY: &str = "INSERT INTO webhook_deliveries (webhook_id, event, payload)
                                   VALUES (?1, ?2, ?3)
                                   RETURNING id";

/// Up to `?1` deliveries due now and not held by a sender, oldest due first, with where they go.
pub const DUE: &str = "SELECT d.id, w.url, w.secret, d.event, d.payload, d.attempts
                       FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
                       WHERE d.state = 'pending' AND w.active
                         AND d.next_attempt_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
                         AND (d.leased_until IS NULL
                              OR d.leased_until < strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                       ORDER BY d.next_attempt_at, d.id
                       LIMIT ?1";

/// Holds delivery `?1` for `?2` milliseconds and counts the attempt about to be made.
pub const LEASE: &str = "UPDATE webhook_deliveries
                         SET attempts = attempts + 1,
                             leased_until = strftime('%Y-%m-%dT%H:%M:%fZ', 'now',
                                                     '+' || (?2 / 1000.0) || ' seconds')
                         WHERE id = ?1";

/// Records an attempt at delivery `?1`: status `?2`, error `?3`, duration `?4` ms.
pub const INSERT_ATTEMPT: &str = "INSERT INTO webhook_attempts
                                      (delivery_id, status, error, duration_ms)
                                  VALUES (?1, ?2, ?3, ?4)";

/// Marks delivery `?1` delivered.
pub const DELIVERED: &str = "UPDATE webhook_deliveries
                             SET state = 'delivered', leased_until = NULL,
                                 delivered_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
                             WHERE id = ?1";

/// Schedules delivery `?1` again in `?2` milliseconds.
pub const RETRY: &str = "UPDATE webhook_deliveries
                         SET leased_until = NULL,
                             next_attempt_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now',
                                                        '+' || (?2 / 1000.0) || ' seconds')
                         WHERE id = ?1";

/// Gives delivery `?1` up.
pub const FAILED: &str = "UPDATE webhook_deliveries SET state = 'failed', leased_until = NULL
                          WHERE id = ?1";

/// Up to `?3` deliveries of webhook `?1` with ids below `?2`, newest first.
pub const DELIVERIES: &str = "SELECT id, event, state, payload, next_attempt_at, delivered_at,
                                     created_at
                              FROM webhook_deliveries
                              WHERE webhook_id = ?1 AND id < ?2
                              ORDER BY id DESC
                              LIMIT ?3";

/// The attempts at deliveries with ids between `?1` and `?2`, oldest first.
pub const ATTEMPTS: &str = "SELECT delivery_id, status, error, duration_ms, created_at
                            FROM webhook_attempts
                            WHERE delivery_id BETWEEN ?1 AND ?2
                            ORDER BY id";
