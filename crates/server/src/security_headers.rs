//! Security headers on every response, so browsers treat the API's answers as data and never
//! as pages, while brand pages on other origins can still use them.
//!
//! - Everything: `X-Content-Type-Options: nosniff` and
//!   `Referrer-Policy: strict-origin-when-cross-origin`.
//! - `/v1/…` and the widget's files under `/kindred/`: `Cross-Origin-Resource-Policy:
//!   cross-origin`, because brand pages on other origins load them; anything else
//!   `same-origin`.
//! - Everything except the demo page `/` and the widget's files: `Content-Security-Policy:
//!   default-src 'none'; frame-ancestors 'none'`. The demo page brings its own policy in a
//!   `<meta>` tag, and a header policy would be enforced on top of it and break it.
//!
//! A header a handler already set is left as it is.

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

use crate::routes::assets;

/// The policy of API answers: they load nothing and may not be framed.
pub const API_CSP: &str = "default-src 'none'; frame-ancestors 'none'";
/// The policy of the console's pages: scripts, styles and API calls from its own origin, the
/// wasm compiled from there, photos from anywhere secure, nothing framing it.
pub const CONSOLE_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data: https:; connect-src 'self'; object-src 'none'; \
     base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The `Referrer-Policy` of every answer.
pub const REFERRER_POLICY: &str = "strict-origin-when-cross-origin";

/// What a path serves, as far as its headers go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// The public API, called from brand pages on other origins.
    Api,
    /// The demo page and the widget's files, which keep their own policies.
    Assets,
    /// The console's pages and files.
    Console,
    /// Everything else: health checks, unknown paths.
    Other,
}

fn kind(path: &str) -> Kind {
    let under = |prefix: &str| {
        path.strip_prefix(prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    };
    if under("/v1") {
        Kind::Api
    } else if path == "/" || under(assets::PREFIX) {
        Kind::Assets
    } else if under(assets::CONSOLE) {
        Kind::Console
    } else {
        Kind::Other
    }
}

/// Middleware adding the headers above to every response.
pub async fn add(request: Request, next: Next) -> Response {
    let kind = kind(request.uri().path());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let mut set = |name, value: &'static str| {
        headers
            .entry(name)
            .or_insert(HeaderValue::from_static(value));
    };
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::REFERRER_POLICY, REFERRER_POLICY);
    let resource_policy = match kind {
        Kind::Api | Kind::Assets => "cross-origin",
        Kind::Console | Kind::Other => "same-origin",
    };
    set(
        header::HeaderName::from_static("cross-origin-resource-policy"),
        resource_policy,
    );
    match kind {
        Kind::Assets => {}
        Kind::Console => set(header::CONTENT_SECURITY_POLICY, CONSOLE_CSP),
        Kind::Api | Kind::Other => set(header::CONTENT_SECURITY_POLICY, API_CSP),
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_classified_by_prefix() {
        assert_eq!(kind("/v1/ideas/1"), Kind::Api);
        assert_eq!(kind("/v1"), Kind::Api);
        assert_eq!(kind("/v10/x"), Kind::Other);
        assert_eq!(kind("/"), Kind::Assets);
        assert_eq!(kind("/kindred/embed.js"), Kind::Assets);
        assert_eq!(kind("/kindredx"), Kind::Other);
        assert_eq!(kind("/healthz"), Kind::Other);
        assert_eq!(kind("/console"), Kind::Console);
        assert_eq!(kind("/console/boot.js"), Kind::Console);
        assert_eq!(kind("/consoles"), Kind::Other);
    }
}
