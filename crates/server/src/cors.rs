//! Cross-origin access: only pages on a site's listed origins may call the API from a browser.
//!
//! The set of allowed origins (across all sites) lives in memory so the CORS check costs a
//! hash lookup, not a query. It is loaded at start-up and replaced whenever a site's origins
//! change. An origin not in the set gets no CORS headers at all, so the browser blocks the
//! response. (tower-http adds some `access-control-*` headers to every answer;
//! [`strip_unless_allowed`] removes them when the origin was refused.)

use std::collections::HashSet;
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Duration;

use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::response::Response;
use kindred_api::VISITOR_HEADER;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::error::Result;
use crate::store::Store;

/// How long browsers may cache a preflight answer.
const PREFLIGHT_MAX_AGE: Duration = Duration::from_secs(600);

/// The origins allowed to call the API, shared by every request.
#[derive(Clone, Debug, Default)]
pub struct AllowedOrigins(Arc<RwLock<HashSet<String>>>);

impl AllowedOrigins {
    /// An empty set: no browser origin is allowed.
    pub fn new() -> Self {
        Self::default()
    }

    /// Loads every site's origins from the store.
    pub async fn load(store: &Store) -> Result<Self> {
        let origins = Self::new();
        origins.reload(store).await?;
        Ok(origins)
    }

    /// Replaces the set with what the store holds now.
    pub async fn reload(&self, store: &Store) -> Result<()> {
        let fresh: HashSet<String> = store.all_origins().await?.into_iter().collect();
        *self.0.write().unwrap_or_else(PoisonError::into_inner) = fresh;
        Ok(())
    }

    /// Whether `origin` (as sent in the `Origin` header) may call the API.
    pub fn contains(&self, origin: &str) -> bool {
        let Some(origin) = normalize_origin(origin) else {
            return false;
        };
        self.0
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .contains(&origin)
    }

    /// How many origins are allowed.
    pub fn len(&self) -> usize {
        self.0.read().unwrap_or_else(PoisonError::into_inner).len()
    }

    /// Whether no origin is allowed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Brings an origin into the form stored and compared: `scheme://host[:port]`, lowercase,
/// without a default port or trailing slash. Returns `None` for anything that is not an
/// http(s) origin.
pub fn normalize_origin(origin: &str) -> Option<String> {
    let origin = origin.trim().trim_end_matches('/').to_ascii_lowercase();
    let (scheme, rest) = origin.split_once("://")?;
    let default_port = match scheme {
        "http" => ":80",
        "https" => ":443",
        _ => return None,
    };
    let valid_authority = !rest.is_empty()
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'));
    if !valid_authority {
        return None;
    }
    let host = rest.strip_suffix(default_port).unwrap_or(rest);
    Some(format!("{scheme}://{host}"))
}

/// The CORS layer: methods and headers the widget uses, origins from `origins`.
pub fn layer(origins: AllowedOrigins) -> CorsLayer {
    CorsLayer::new()
        .allow_origin(AllowOrigin::predicate(move |origin: &HeaderValue, _| {
            origin.to_str().is_ok_and(|origin| origins.contains(origin))
        }))
        .allow_methods([
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::DELETE,
            Method::OPTIONS,
        ])
        .allow_headers([
            header::CONTENT_TYPE,
            header::AUTHORIZATION,
            HeaderName::from_static(VISITOR_HEADER),
        ])
        .expose_headers([header::LOCATION, header::RETRY_AFTER])
        .max_age(PREFLIGHT_MAX_AGE)
}

/// Removes every `access-control-*` header from a response that does not allow its origin,
/// so a refused origin learns nothing about the API's CORS settings. Runs outside [`layer`].
pub async fn strip_unless_allowed(mut response: Response) -> Response {
    if !response
        .headers()
        .contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN)
    {
        let cors_headers: Vec<HeaderName> = response
            .headers()
            .keys()
            .filter(|name| name.as_str().starts_with("access-control-"))
            .cloned()
            .collect();
        for name in cors_headers {
            response.headers_mut().remove(name);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_normalised() {
        assert_eq!(
            normalize_origin("HTTPS://Shop.Example.com/").as_deref(),
            Some("https://shop.example.com")
        );
        assert_eq!(
            normalize_origin("http://localhost:80").as_deref(),
            Some("http://localhost")
        );
        assert_eq!(
            normalize_origin("http://127.0.0.1:8080").as_deref(),
            Some("http://127.0.0.1:8080")
        );
        assert_eq!(normalize_origin("null"), None);
        assert_eq!(normalize_origin("ftp://example.com"), None);
        assert_eq!(normalize_origin("https://example.com/path"), None);
    }

    #[test]
    fn membership_compares_normalised_forms() {
        let origins = AllowedOrigins::new();
        origins
            .0
            .write()
            .unwrap()
            .insert("https://shop.example.com".into());
        assert!(origins.contains("https://SHOP.example.com"));
        assert!(!origins.contains("https://evil.example.com"));
    }
}
