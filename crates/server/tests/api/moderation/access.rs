//! The admin key guards every moderation route: none or a wrong one is 401, a server started
//! without one refuses everyone with 403.

use axum::http::{Method, StatusCode};
use serde_json::json;

use super::{moderated_app, ADMIN_KEY};
use crate::common::{on_both_backends, Backend, TestApp};

/// One request per moderation route.
fn routes() -> Vec<(Method, &'static str)> {
    vec![
        (Method::GET, "/v1/moderation/queue"),
        (Method::POST, "/v1/moderation/ideas/1/approve"),
        (Method::POST, "/v1/moderation/comments/1/reject"),
        (Method::PUT, "/v1/moderation/ideas/1/status"),
        (Method::POST, "/v1/moderation/ideas/1/merge"),
        (Method::PUT, "/v1/moderation/ideas/1/pin"),
        (Method::DELETE, "/v1/moderation/ideas/1/pin"),
        (Method::GET, "/v1/moderation/sites"),
        (Method::POST, "/v1/moderation/sites"),
        (Method::GET, "/v1/moderation/sites/acme"),
        (Method::PUT, "/v1/moderation/sites/acme"),
        (Method::GET, "/v1/moderation/sites/acme/blocks"),
        (Method::POST, "/v1/moderation/sites/acme/blocks"),
        (Method::DELETE, "/v1/moderation/sites/acme/blocks/user:x"),
        (Method::GET, "/v1/moderation/sites/acme/boards"),
        (Method::POST, "/v1/moderation/sites/acme/boards"),
        (Method::GET, "/v1/moderation/boards/ideas"),
        (Method::PUT, "/v1/moderation/boards/ideas"),
        (Method::DELETE, "/v1/moderation/boards/ideas"),
        (Method::GET, "/v1/moderation/boards/ideas/ideas.csv"),
        (Method::GET, "/v1/moderation/log"),
    ]
}

async fn no_key_or_a_wrong_key_is_401(backend: Backend) {
    let app = moderated_app(backend).await;
    for (method, uri) in routes() {
        for key in [None, Some("not-the-key"), Some("")] {
            let response = app
                .admin_with_key(method.clone(), uri, Some(json!({})), key)
                .await;
            response.assert_error(StatusCode::UNAUTHORIZED, "unauthorized");
        }
    }
}

async fn a_server_without_a_key_is_closed(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    for (method, uri) in routes() {
        let response = app
            .admin_with_key(method, uri, Some(json!({})), Some(ADMIN_KEY))
            .await;
        response.assert_error(StatusCode::FORBIDDEN, "forbidden");
    }
}

async fn a_visitor_header_is_not_an_admin_key(backend: Backend) {
    let app = moderated_app(backend).await;
    app.get("/v1/moderation/queue", Some(&crate::common::visitor(1)))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthorized");
}

on_both_backends!(
    no_key_or_a_wrong_key_is_401,
    a_server_without_a_key_is_closed,
    a_visitor_header_is_not_an_admin_key,
);
