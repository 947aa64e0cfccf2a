//! `Idempotency-Key`: a POST retried after a lost answer returns the first result instead of
//! acting twice.
//!
//! [`guard`] wraps every route. It acts on a `POST` with a JSON or `multipart/form-data` body
//! (a photo upload, a form submission with images) that carries
//! `Idempotency-Key: <1 to 255 visible ASCII characters>` and a credential (a visitor id or a
//! bearer token); everything else passes straight through. A JSON body is read up to the JSON
//! limit, a multipart one up to the upload limit. The key is recorded per caller,
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
use crate::upload;
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
    let kind = body_kind(request.headers()).filter(|_| request.method() == Method::POST);
    let key = match kind {
        Some(_) => read_key(request.headers())?,
        None => None,
    };
    let caller = caller(request.headers());
    let (Some(kind), Some(key), Some(caller)) = (kind, key, caller) else {
        return Ok(next.run(request).await);
    };
    let limit = match kind {
        BodyKind::Json => JSON_BODY_LIMIT,
        BodyKind::Multipart(_) => state.config.upload_body_limit,
    };
    let (parts, body) = request.into_parts();
    let body = to_bytes(body, limit)
        .await
        .map_err(|_| Error::PayloadTooLarge)?;
    let scope = KeyScope {
        caller,
        route: format!("{} {}", parts.method, parts.uri.path()),
        key,
    };
    match state
        .store
        .claim_idempotency_key(&scope, &fingerprint(&body, &kind))
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

/// The kinds of body the guard acts on.
#[derive(Clone, Debug, PartialEq, Eq)]
enum BodyKind {
    /// `application/json`.
    Json,
    /// `multipart/form-data`, with its boundary.
    Multipart(String),
}

/// The kind of body the request says it has, if the guard acts on it.
fn body_kind(headers: &HeaderMap) -> Option<BodyKind> {
    let content_type = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    if content_type.trim_start().starts_with("application/json") {
        return Some(BodyKind::Json);
    }
    if !upload::is_multipart(headers) {
        return None;
    }
    let boundary = content_type.split(';').find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| value.trim().trim_matches('"').to_owned())
    })?;
    (!boundary.is_empty()).then_some(BodyKind::Multipart(boundary))
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

/// What identifies a request's content: the SHA-256 of its body. JSON is read and written
/// back compactly with sorted keys when it parses, so spacing and key order do not matter; a
/// multipart body is hashed without its boundary, which a client picks anew for each attempt.
fn fingerprint(body: &Bytes, kind: &BodyKind) -> String {
    match kind {
        BodyKind::Json => match serde_json::from_slice::<serde_json::Value>(body) {
            Ok(json) => hex_sha256(json.to_string().as_bytes()),
            Err(_) => hex_sha256(body),
        },
        BodyKind::Multipart(boundary) => {
            let boundary = boundary.as_bytes();
            let mut digest = Sha256::new();
            let mut rest = &body[..];
            while let Some(at) = rest
                .windows(boundary.len())
                .position(|window| window == boundary)
            {
                digest.update(&rest[..at]);
                digest.update(b"\0boundary\0");
                rest = &rest[at + boundary.len()..];
            }
            digest.update(rest);
            hex(&digest.finalize())
        }
    }
}

fn hex_sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
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
        let json = |body: &'static [u8]| fingerprint(&Bytes::from_static(body), &BodyKind::Json);
        let a = json(br#"{"a": 1, "b": [true]}"#);
        assert_eq!(a, json(br#"{"b":[true],"a":1}"#));
        assert_ne!(a, json(br#"{"a":2,"b":[true]}"#));
    }

    #[test]
    fn the_same_parts_have_the_same_fingerprint_whatever_the_boundary() {
        let multipart = |boundary: &str, value: &str| {
            let body = format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n{value}\r\n\
                 --{boundary}--\r\n"
            );
            fingerprint(&Bytes::from(body), &BodyKind::Multipart(boundary.into()))
        };
        assert_eq!(multipart("xyz123", "1"), multipart("other-boundary", "1"));
        assert_ne!(multipart("xyz123", "1"), multipart("xyz123", "2"));
    }

    #[test]
    fn json_and_multipart_bodies_are_recognised() {
        let kind = |value: &str| body_kind(&headers(&[("content-type", value)]));
        assert_eq!(kind("application/json"), Some(BodyKind::Json));
        assert_eq!(
            kind("multipart/form-data; boundary=\"a b\""),
            Some(BodyKind::Multipart("a b".into()))
        );
        assert_eq!(kind("multipart/form-data"), None);
        assert_eq!(kind("text/plain"), None);
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
