//! `GET /v1/sites/{site}` and `GET /healthz`.

use axum::http::StatusCode;
use serde_json::json;

use crate::common::{on_both_backends, Backend, TestApp};

async fn site_config_lists_boards_in_order(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let response = app.get("/v1/sites/acme", None).await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(
        response.json(),
        json!({
            "id": "acme",
            "name": "Acme Outdoor",
            "locale": "en",
            "boards": [
                { "slug": "ideas", "name": "ideas", "description": "" },
                { "slug": "members", "name": "members", "description": "" },
            ],
            "forms": [],
            "theme": {},
            "features": { "comments": true, "idea_submissions": true },
            "feeds": [],
        })
    );
}

async fn unknown_site_is_404(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    app.get("/v1/sites/nobody", None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
}

async fn health_answers_ok(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let response = app.get("/healthz", None).await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(response.json(), json!({ "status": "ok" }));
}

on_both_backends!(
    site_config_lists_boards_in_order,
    unknown_site_is_404,
    health_answers_ok,
);
