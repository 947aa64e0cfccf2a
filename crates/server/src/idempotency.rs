//! `Idempotency-Key`: a POST retried after a lost answer returns the first result instead of
//! acting twice.
//!
//! [`guard`] wraps every route. It acts on a `POST` with a JSON body that carries
//! `Idempotency-Key: <1 to 255 visible ASCII characters>` and a credential (a visitor id or a
//! bearer token); everything else passes straight through. The key is recorded per caller,
//! route and key (see [`crate::store::idempotency`]):
//!
//! - a new key runs the request; a success (2xx) is recorded, anything else lets the key go
//!   so a corrected request may use it again;
//! - the same key with the same body answers the recorded status, body, `Content-Type` and
//!   `Location`, plus `Idempotency-Replayed: true`, and runs nothing;
//! - the same key with a different body → 422 `idempotency_key_reused`;
//! - the same key while the first request still runs → 409 `conflict`.
//!
//! Keys expire after 24 hours. The caller is the visitor id, or a digest of the bearer token,
//! as sent: a key is bound to the credential that made it, without the guard having to verify
//! it (the handler still does, and a refused request records nothing). The request runs to the
//! end on its own task, so a client that goes away mid-request still finds its result when it
//! retries.

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use kindred_api::{VisitorId, VISITOR_HEADER};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::identity::voter_key;
use crate::state::AppState;
use crate::store::idempotency::{Claim, KeyScope, RecordedResponse};
use crate::JSON_BODY_LIMIT;

/// The request header carrying the key.
pub const KEY_HEADER: &str = "idempotency-key";

/// The response header marking a replayed answer.
pub const REPLAYED_HEADER: &str = "idempotency-replayed";

/// Longest key accepted.
pub const KEY_MAX: usize = 255;

/// The middleware: see the module documentation.
pub async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    match idempotent(state, request, next).await {
        Ok(response) => response,
        Err(error) => error.into_response(),
    }
}

async fn idempotent(state: AppState, request: Request, next: Next) -> Result<Response> {
    let applies = request.method() == Method::POST && is_json(request.headers());
    let key = if applies {
        read_key(request.headers())?
    } else {
        None
    };
    let caller = caller(request.headers());
    let (Some(key), Some(caller)) = (key, caller) else {
        return Ok(next.run(request).await);
    };
    let (parts, body) = request.into_parts();
    let body = to_bytes(body, JSON_BODY_LIMIT)
        .await
        .map_err(|_| Error::PayloadTooLarge)?;
    let scope = KeyScope {
        caller,
        route: format!("{} {}", parts.method, parts.uri.path()),
        key,
    };
    match state
        .store
        .claim_idempotency_key(&scope, &fingerprint(&body))
        .await?
    {
        Claim::Replay(recorded) => Ok(replay(recorded)),
        Claim::InProgress => Err(Error::Conflict(
            "a request with this Idempotency-Key is still being processed; retry shortly".into(),
        )),
        Claim::Reused => Err(Error::IdempotencyKeyReused),
        Claim::Claimed => {
            let request = Request::from_parts(parts, Body::from(body));
            let run = tokio::spawn(async move {
                let response = next.run(request).await;
                settle(&state, &scope, response).await
            });
            run.await
                .map_err(|error| Error::Internal(format!("idempotent request failed: {error}")))
        }
    }
}

/// Whether the request says its body is JSON.
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.trim_start().starts_with("application/json"))
}

/// The key sent, if any; a malformed one is a `bad_request`.
fn read_key(headers: &HeaderMap) -> Result<Option<String>> {
    let Some(value) = headers.get(KEY_HEADER) else {
        return Ok(None);
    };
    let bytes = value.as_bytes();
    if (1..=KEY_MAX).contains(&bytes.len()) && bytes.iter().all(|b| b.is_ascii_graphic()) {
        Ok(Some(String::from_utf8_lossy(bytes).into_owned()))
    } else {
        Err(Error::BadRequest(format!(
            "`Idempotency-Key` must be 1 to {KEY_MAX} visible ASCII characters"
        )))
    }
}

/// Who the key belongs to: the visitor id, else a digest of the bearer credential.
fn caller(headers: &HeaderMap) -> Option<String> {
    if let Some(authorization) = headers.get(header::AUTHORIZATION) {
        return Some(format!("bearer:{}", hex_sha256(authorization.as_bytes())));
    }
    let visitor = headers.get(VISITOR_HEADER)?.to_str().ok()?;
    VisitorId::parse(visitor.trim())
        .ok()
        .map(|id| voter_key(&id))
}

/// What identifies a request's content: the SHA-256 of its body, read as JSON and written back
/// compactly with sorted keys when it parses, so spacing and key order do not matter.
fn fingerprint(body: &Bytes) -> String {
    match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(json) => hex_sha256(json.to_string().as_bytes()),
        Err(_) => hex_sha256(body),
    }
}

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Records a success under the key, or lets the key go, and answers the response.
async fn settle(state: &AppState, scope: &KeyScope, response: Response) -> Response {
    let (parts, body) = response.into_parts();
    if !parts.status.is_success() {
        log_failure(state.store.release_idempotency_key(scope).await);
        return Response::from_parts(parts, body);
    }
    let bytes = match to_bytes(body, usize::MAX).await {
        Ok(bytes) => bytes,
        Err(error) => {
            log_failure(state.store.release_idempotency_key(scope).await);
            return Error::Internal(format!("cannot read a response body: {error}"))
                .into_response();
        }
    };
    let outcome = match recording(&parts, &bytes) {
        Some(recorded) => {
            state
                .store
                .record_idempotent_response(scope, &recorded)
                .await
        }
        None => state.store.release_idempotency_key(scope).await,
    };
    log_failure(outcome);
    Response::from_parts(parts, Body::from(bytes))
}

/// A response as recorded for replay; `None` for a body that is not text.
fn recording(parts: &axum::http::response::Parts, body: &Bytes) -> Option<RecordedResponse> {
    let header_text = |name| {
        parts
            .headers
            .get(name)
            .and_then(|value: &HeaderValue| value.to_str().ok())
            .map(str::to_owned)
    };
    Some(RecordedResponse {
        status: i64::from(parts.status.as_u16()),
        content_type: header_text(header::CONTENT_TYPE),
        location: header_text(header::LOCATION),
        body: String::from_utf8(body.to_vec()).ok()?,
    })
}

fn log_failure(outcome: Result<()>) {
    if let Err(error) = outcome {
        tracing::error!(%error, "cannot update an idempotency key");
    }
}

/// The recorded answer, marked as a replay.
fn replay(recorded: RecordedResponse) -> Response {
    let status = u16::try_from(recorded.status)
        .ok()
        .and_then(|status| StatusCode::from_u16(status).ok())
        .unwrap_or(StatusCode::OK);
    let mut response = (status, recorded.body).into_response();
    let headers = response.headers_mut();
    headers.remove(header::CONTENT_TYPE);
    let stored = [
        (header::CONTENT_TYPE, recorded.content_type),
        (header::LOCATION, recorded.location),
    ];
    for (name, value) in stored {
        if let Some(value) = value.and_then(|v| HeaderValue::from_str(&v).ok()) {
            headers.insert(name, value);
        }
    }
    headers.insert(REPLAYED_HEADER, HeaderValue::from_static("true"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(name, value)| {
                (
                    header::HeaderName::from_bytes(name.as_bytes()).unwrap(),
                    HeaderValue::from_str(value).unwrap(),
                )
            })
            .collect()
    }

    #[test]
    fn keys_are_visible_ascii_up_to_255() {
        assert_eq!(
            read_key(&headers(&[(KEY_HEADER, "a-1_B~")])).unwrap(),
            Some("a-1_B~".into())
        );
        assert_eq!(read_key(&headers(&[])).unwrap(), None);
        for bad in ["", "has space", &"k".repeat(256)] {
            assert!(read_key(&headers(&[(KEY_HEADER, bad)])).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_same_json_has_the_same_fingerprint() {
        let a = fingerprint(&Bytes::from_static(br#"{"a": 1, "b": [true]}"#));
        let b = fingerprint(&Bytes::from_static(br#"{"b":[true],"a":1}"#));
        assert_eq!(a, b);
        assert_ne!(
            a,
            fingerprint(&Bytes::from_static(br#"{"a":2,"b":[true]}"#))
        );
    }

    #[test]
    fn callers_are_the_visitor_or_a_digest_of_the_token() {
        let visitor = "0F8FAD5B-D9CB-469F-A165-70867728950E";
        assert_eq!(
            caller(&headers(&[(VISITOR_HEADER, visitor)])).unwrap(),
            "visitor:0f8fad5b-d9cb-469f-a165-70867728950e"
        );
        let token = caller(&headers(&[("authorization", "Bearer abc")])).unwrap();
        assert!(token.starts_with("bearer:") && !token.contains("abc"));
        assert_eq!(caller(&headers(&[(VISITOR_HEADER, "nope")])), None);
    }
}
