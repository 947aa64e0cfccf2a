//! SQLite text of the statements in [`crate::store::idempotency`].

/// Forgets every key older than ?1 seconds.
pub const SWEEP: &str = "DELETE FROM idempotency_keys
                         WHERE created_at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || ?1 || ' seconds')";

/// Forgets a claim still without an answer after ?4 seconds.
pub const DROP_ABANDONED: &str = "DELETE FROM idempotency_keys
                                  WHERE identity = ?1 AND route = ?2 AND key = ?3 AND status IS NULL
                                    AND created_at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || ?4 || ' seconds')";

/// Claims a key unless it is already taken.
pub const CLAIM: &str = "INSERT INTO idempotency_keys (identity, route, key, fingerprint)
                         VALUES (?1, ?2, ?3, ?4)
                         ON CONFLICT DO NOTHING";

/// A key's request fingerprint and recorded answer.
pub const FIND: &str = "SELECT fingerprint, status, content_type, location, body
                        FROM idempotency_keys WHERE identity = ?1 AND route = ?2 AND key = ?3";

/// Records the answer of a claimed key.
pub const RECORD: &str = "UPDATE idempotency_keys
                          SET status = ?4, content_type = ?5, location = ?6, body = ?7
                          WHERE identity = ?1 AND route = ?2 AND key = ?3";

/// Lets go of a claim that has no answer.
pub const RELEASE: &str = "DELETE FROM idempotency_keys
                           WHERE identity = ?1 AND route = ?2 AND key = ?3 AND status IS NULL";
