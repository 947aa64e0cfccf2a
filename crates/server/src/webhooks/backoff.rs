//! When a failed delivery is tried again: after the configured base wait, then four times
//! longer each time, never more than six hours apart, for [`MAX_ATTEMPTS`] attempts in all.
//! With the default 10 s base that is 10 s, 40 s, 2 min 40 s, 10 min 40 s, 42 min 40 s,
//! 2 h 50 min and 6 h: about ten hours before a delivery is given up.

use std::time::Duration;

/// Attempts made before a delivery is marked failed.
pub const MAX_ATTEMPTS: i64 = 8;

/// The longest wait between two attempts.
pub const MAX_WAIT: Duration = Duration::from_secs(6 * 60 * 60);

/// The wait after attempt number `attempts` (1 for the first) failed, or `None` when it was
/// the last one.
pub fn after(attempts: i64, base: Duration) -> Option<Duration> {
    if attempts >= MAX_ATTEMPTS {
        return None;
    }
    let exponent = u32::try_from(attempts.max(1) - 1).unwrap_or(u32::MAX);
    let factor = 4u32.checked_pow(exponent).unwrap_or(u32::MAX);
    Some(base.saturating_mul(factor).min(MAX_WAIT))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_grow_fourfold_up_to_the_cap_then_stop() {
        let base = Duration::from_secs(10);
        let waits: Vec<_> = (1..=MAX_ATTEMPTS)
            .map(|n| after(n, base).map(|w| w.as_secs()))
            .collect();
        assert_eq!(
            waits,
            [
                Some(10),
                Some(40),
                Some(160),
                Some(640),
                Some(2560),
                Some(10240),
                Some(21600),
                None
            ]
        );
    }
}
