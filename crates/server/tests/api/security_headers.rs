//! Security headers: every answer has them; the API's strict policy stays off the demo page
//! and the widget's files.

use tempfile::TempDir;

use crate::common::{on_both_backends, write_file, Backend, TestApp, TestResponse, OPEN_BOARD};

const API_CSP: &str = "default-src 'none'; frame-ancestors 'none'";

#[track_caller]
fn assert_common(response: &TestResponse, resource_policy: &str) {
    assert_eq!(response.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(
        response.header("referrer-policy"),
        Some("strict-origin-when-cross-origin")
    );
    assert_eq!(
        response.header("cross-origin-resource-policy"),
        Some(resource_policy)
    );
}

async fn api_answers_and_errors_carry_the_api_policy(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    for uri in [
        format!("/v1/boards/{OPEN_BOARD}/ideas"),
        "/v1/boards/nope/ideas".to_owned(),
    ] {
        let response = app.get(&uri, None).await;
        assert_common(&response, "cross-origin");
        assert_eq!(response.header("content-security-policy"), Some(API_CSP));
    }
    let health = app.get("/healthz", None).await;
    assert_common(&health, "same-origin");
    assert_eq!(health.header("content-security-policy"), Some(API_CSP));
}

async fn the_demo_page_and_widget_files_keep_their_own_policy(backend: Backend) {
    let assets = TempDir::new().unwrap();
    write_file(
        assets.path(),
        "index.html",
        "<!doctype html><title>demo</title>",
    );
    write_file(assets.path(), "embed.js", "/* loader */");
    let dir = assets.path().to_owned();
    let app = TestApp::configured(backend, move |config| config.assets = Some(dir)).await;
    for uri in ["/", "/kindred/embed.js"] {
        let response = app.get(uri, None).await;
        assert_eq!(response.status, 200, "{uri}");
        assert_common(&response, "cross-origin");
        assert_eq!(response.header("content-security-policy"), None, "{uri}");
    }
}

on_both_backends!(
    api_answers_and_errors_carry_the_api_policy,
    the_demo_page_and_widget_files_keep_their_own_policy,
);
