//! `GET /v1/sites/{site}` and `GET /healthz`.

use axum::http::StatusCode;
use serde_json::json;

use crate::common::TestApp;

#[tokio::test]
async fn site_config_lists_boards_in_order() {
    let app = TestApp::with_boards().await;
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
        })
    );
}

#[tokio::test]
async fn unknown_site_is_404() {
    let app = TestApp::with_boards().await;
    app.get("/v1/sites/nobody", None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn health_answers_ok() {
    let app = TestApp::empty().await;
    let response = app.get("/healthz", None).await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(response.json(), json!({ "status": "ok" }));
}
