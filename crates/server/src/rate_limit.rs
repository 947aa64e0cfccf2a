//! Write limits per client IP and per identity, so one script cannot flood a board.
//!
//! Each key (an IP address, an identity key) has a token bucket in memory: it holds up to
//! `burst` tokens, refills at `per_minute` tokens a minute, and every write takes one. An
//! empty bucket answers 429 `rate_limited` with `Retry-After`. Reads are never limited.
//!
//! Memory stays bounded by the number of clients active within the last refill period: at
//! most once per [`PRUNE_INTERVAL`], buckets that have refilled completely (and so behave
//! exactly like a fresh one) are dropped. Limits are per server process; replicas behind a
//! load balancer each count on their own.

use std::collections::HashMap;
use std::fmt;
use std::hash::Hash;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, Method};
use axum::middleware::Next;
use axum::response::Response;

use crate::error::Error;
use crate::state::AppState;

/// How often stale buckets are swept out.
pub const PRUNE_INTERVAL: Duration = Duration::from_secs(60);

/// The header a proxy appends the client's address to, read with `--trust-forwarded-for`.
pub const FORWARDED_FOR: &str = "x-forwarded-for";

/// A limit as configured: `per_minute` writes a minute with bursts of up to `burst`.
///
/// Written `N` (a minute's allowance may come at once) or `N:BURST`; `0` turns the limit off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rate {
    /// Sustained writes a minute; 0 disables the limit.
    pub per_minute: u32,
    /// Writes allowed back to back after a quiet spell.
    pub burst: u32,
}

impl Rate {
    /// No limit.
    pub const OFF: Self = Self {
        per_minute: 0,
        burst: 0,
    };

    /// `per_minute` writes a minute, all of which may come at once.
    pub const fn per_minute(per_minute: u32) -> Self {
        Self {
            per_minute,
            burst: per_minute,
        }
    }

    /// Whether the limit is on.
    pub fn is_enabled(self) -> bool {
        self.per_minute > 0
    }

    /// Time for one token to come back.
    fn token_period(self) -> Duration {
        Duration::from_secs(60) / self.per_minute
    }
}

impl std::str::FromStr for Rate {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let number = |text: &str| {
            text.trim()
                .parse::<u32>()
                .map_err(|_| format!("`{s}` is not a rate: write REQUESTS_PER_MINUTE[:BURST]"))
        };
        let rate = match s.split_once(':') {
            Some((per_minute, burst)) => Self {
                per_minute: number(per_minute)?,
                burst: number(burst)?,
            },
            None => Self::per_minute(number(s)?),
        };
        if rate.is_enabled() && rate.burst == 0 {
            return Err("the burst of an enabled rate must be at least 1".into());
        }
        Ok(rate)
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.burst == self.per_minute {
            write!(f, "{}", self.per_minute)
        } else {
            write!(f, "{}:{}", self.per_minute, self.burst)
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

#[derive(Debug)]
struct Buckets<K> {
    map: HashMap<K, Bucket>,
    pruned: Instant,
}

/// Token buckets under one [`Rate`], one per key. Cheap to clone; clones share the buckets.
#[derive(Clone, Debug)]
pub struct Limiter<K> {
    rate: Rate,
    buckets: Arc<Mutex<Buckets<K>>>,
}

impl<K: Eq + Hash + Clone> Limiter<K> {
    /// A limiter enforcing `rate` (or nothing, when it is off).
    pub fn new(rate: Rate) -> Self {
        Self {
            rate,
            buckets: Arc::new(Mutex::new(Buckets {
                map: HashMap::new(),
                pruned: Instant::now(),
            })),
        }
    }

    /// Takes a token for `key` at `now`. `Err` carries how long until one is available.
    pub fn check_at(&self, key: &K, now: Instant) -> Result<(), Duration> {
        if !self.rate.is_enabled() {
            return Ok(());
        }
        let period = self.rate.token_period().as_secs_f64();
        let burst = f64::from(self.rate.burst);
        let mut buckets = self.buckets.lock().unwrap_or_else(PoisonError::into_inner);
        if now.saturating_duration_since(buckets.pruned) >= PRUNE_INTERVAL {
            buckets.pruned = now;
            buckets.map.retain(|_, bucket| {
                let elapsed = now.saturating_duration_since(bucket.updated).as_secs_f64();
                bucket.tokens + elapsed / period < burst
            });
        }
        let bucket = buckets.map.entry(key.clone()).or_insert(Bucket {
            tokens: burst,
            updated: now,
        });
        let elapsed = now.saturating_duration_since(bucket.updated).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed / period).min(burst);
        bucket.updated = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - bucket.tokens) * period))
        }
    }

    /// How many keys have a bucket now.
    pub fn len(&self) -> usize {
        self.buckets
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .map
            .len()
    }

    /// Whether no key has a bucket.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The server's write limits: one limiter per client IP, one per identity.
#[derive(Clone, Debug)]
pub struct WriteLimits {
    /// Writes per client IP address.
    pub per_ip: Limiter<IpAddr>,
    /// Writes per identity key (`visitor:…`, `user:…`).
    pub per_identity: Limiter<String>,
    /// Whether the client IP comes from `X-Forwarded-For` rather than the socket.
    pub trust_forwarded_for: bool,
}

impl WriteLimits {
    /// Limits with the given rates.
    pub fn new(per_ip: Rate, per_identity: Rate, trust_forwarded_for: bool) -> Self {
        Self {
            per_ip: Limiter::new(per_ip),
            per_identity: Limiter::new(per_identity),
            trust_forwarded_for,
        }
    }

    /// Counts a write by identity `key`; over the limit is [`Error::RateLimited`].
    pub fn check_identity(&self, key: &str) -> Result<(), Error> {
        self.per_identity
            .check_at(&key.to_owned(), Instant::now())
            .map_err(Error::rate_limited)
    }

    /// The client's address: the socket peer, or with `trust_forwarded_for` the last address
    /// in `X-Forwarded-For` (the one the trusted proxy appended), when there is one.
    pub fn client_ip(&self, headers: &HeaderMap, peer: Option<SocketAddr>) -> Option<IpAddr> {
        let forwarded = self
            .trust_forwarded_for
            .then(|| headers.get_all(FORWARDED_FOR).iter().next_back())
            .flatten()
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.rsplit(',').next())
            .and_then(|last| last.trim().parse::<IpAddr>().ok());
        forwarded.or(peer.map(|peer| peer.ip()))
    }
}

/// Whether a request writes: anything but `GET`, `HEAD` and `OPTIONS` (CORS preflights).
pub fn is_write(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Middleware counting every write against its client IP. A request without a known peer
/// (the service called in process without `ConnectInfo`) is not counted.
pub async fn limit_ip(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if is_write(request.method()) {
        let peer = request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|info| info.0);
        if let Some(ip) = state.limits.client_ip(request.headers(), peer) {
            if let Err(wait) = state.limits.per_ip.check_at(&ip, Instant::now()) {
                return axum::response::IntoResponse::into_response(Error::rate_limited(wait));
            }
        }
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_parse_with_an_optional_burst() {
        assert_eq!("120".parse::<Rate>().unwrap(), Rate::per_minute(120));
        assert_eq!(
            "60:5".parse::<Rate>().unwrap(),
            Rate {
                per_minute: 60,
                burst: 5
            }
        );
        assert_eq!("0".parse::<Rate>().unwrap(), Rate::OFF);
        assert!("60:0".parse::<Rate>().is_err());
        assert!("fast".parse::<Rate>().is_err());
        assert_eq!(Rate::per_minute(600).to_string(), "600");
        assert_eq!("60:5".parse::<Rate>().unwrap().to_string(), "60:5");
    }

    #[test]
    fn a_bucket_allows_its_burst_then_refills() {
        let limiter = Limiter::new("60:2".parse().unwrap());
        let start = Instant::now();
        assert!(limiter.check_at(&1, start).is_ok());
        assert!(limiter.check_at(&1, start).is_ok());
        let wait = limiter.check_at(&1, start).unwrap_err();
        assert!(wait > Duration::from_millis(900) && wait <= Duration::from_secs(1));
        // Other keys have buckets of their own.
        assert!(limiter.check_at(&2, start).is_ok());
        assert!(limiter.check_at(&1, start + Duration::from_secs(1)).is_ok());
    }

    #[test]
    fn an_off_limit_allows_everything_and_keeps_nothing() {
        let limiter = Limiter::new(Rate::OFF);
        let now = Instant::now();
        assert!((0..10_000).all(|_| limiter.check_at(&1, now).is_ok()));
        assert!(limiter.is_empty());
    }

    #[test]
    fn refilled_buckets_are_pruned() {
        let limiter = Limiter::new("60:2".parse().unwrap());
        let start = Instant::now();
        for key in 0..100 {
            limiter.check_at(&key, start).unwrap();
        }
        assert_eq!(limiter.len(), 100);
        limiter.check_at(&0, start + PRUNE_INTERVAL).unwrap();
        assert_eq!(limiter.len(), 1);
    }

    #[test]
    fn forwarded_addresses_count_only_when_trusted() {
        let mut headers = HeaderMap::new();
        headers.insert(FORWARDED_FOR, "203.0.113.9, 198.51.100.7".parse().unwrap());
        let peer: SocketAddr = "10.0.0.2:4000".parse().unwrap();
        let direct = WriteLimits::new(Rate::OFF, Rate::OFF, false);
        assert_eq!(direct.client_ip(&headers, Some(peer)), Some(peer.ip()));
        let proxied = WriteLimits::new(Rate::OFF, Rate::OFF, true);
        assert_eq!(
            proxied.client_ip(&headers, Some(peer)),
            Some("198.51.100.7".parse().unwrap())
        );
        assert_eq!(
            proxied.client_ip(&HeaderMap::new(), Some(peer)),
            Some(peer.ip())
        );
    }
}
