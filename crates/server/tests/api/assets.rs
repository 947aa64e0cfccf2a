//! `--assets`: the demo page at `/`, the widget's files under `/kindred/`, the console under
//! `/console`, sensible caching.

use axum::body::Body;
use axum::http::{Method, StatusCode};
use tempfile::TempDir;

use crate::common::{on_both_backends, request, write_file, Backend, TestApp};

const HASHED: &str = "kindred-0123456789abcdef_bg.wasm";

async fn with_assets(backend: Backend) -> (TestApp, TempDir) {
    let assets = TempDir::new().unwrap();
    write_file(
        assets.path(),
        "index.html",
        "<!doctype html><title>Ridgeline</title>",
    );
    write_file(assets.path(), "embed.js", "/* Kindred loader */");
    write_file(assets.path(), HASHED, "\0asm");
    write_file(
        assets.path(),
        "console/index.html",
        "<!doctype html><title>Kindred console</title>",
    );
    write_file(assets.path(), "console/boot.js", "/* console */");
    let dir = assets.path().to_owned();
    let app = TestApp::configured(backend, move |config| config.assets = Some(dir)).await;
    (app, assets)
}

async fn the_demo_page_is_served_at_the_root(backend: Backend) {
    let (app, _assets) = with_assets(backend).await;
    let response = app.get("/", None).await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(response.text(), "<!doctype html><title>Ridgeline</title>");
    assert!(response
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    assert_eq!(response.header("cache-control"), Some("no-cache"));
}

async fn widget_files_are_served_under_kindred(backend: Backend) {
    let (app, _assets) = with_assets(backend).await;
    let loader = app.get("/kindred/embed.js", None).await;
    assert_eq!(loader.status, StatusCode::OK);
    assert_eq!(loader.text(), "/* Kindred loader */");
    assert!(loader
        .header("content-type")
        .unwrap()
        .contains("javascript"));
    assert_eq!(loader.header("cache-control"), Some("no-cache"));

    let wasm = app.get(&format!("/kindred/{HASHED}"), None).await;
    assert_eq!(wasm.status, StatusCode::OK);
    assert_eq!(wasm.header("content-type"), Some("application/wasm"));
    assert_eq!(
        wasm.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
}

async fn the_console_is_served_under_console_with_its_own_policy(backend: Backend) {
    let (app, _assets) = with_assets(backend).await;
    for path in ["/console", "/console/"] {
        let page = app.get(path, None).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert_eq!(page.text(), "<!doctype html><title>Kindred console</title>");
        assert_eq!(page.header("cache-control"), Some("no-cache"));
        let policy = page.header("content-security-policy").unwrap();
        assert!(
            policy.contains("script-src 'self' 'wasm-unsafe-eval'"),
            "{policy}"
        );
        assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
        assert!(!policy.contains("unsafe-inline"), "{policy}");
    }
    let boot = app.get("/console/boot.js", None).await;
    assert_eq!(boot.status, StatusCode::OK);
    assert_eq!(boot.text(), "/* console */");
    app.get("/console/nope.js", None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    let post = app
        .send(
            request(Method::POST, "/console", None)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    post.assert_error(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
}

async fn missing_files_and_wrong_methods_answer_json(backend: Backend) {
    let (app, _assets) = with_assets(backend).await;
    let missing = app.get("/kindred/nope.js", None).await;
    missing.assert_error(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(missing.header("cache-control"), None);
    app.get("/kindred/../Cargo.toml", None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    let post = app
        .send(
            request(Method::POST, "/kindred/embed.js", None)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    post.assert_error(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
    // The API is still there beside the assets.
    assert_eq!(app.get("/healthz", None).await.status, StatusCode::OK);
}

async fn without_assets_the_root_is_a_404(backend: Backend) {
    let app = TestApp::empty(backend).await;
    app.get("/", None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    app.get("/kindred/embed.js", None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
}

on_both_backends!(
    the_demo_page_is_served_at_the_root,
    widget_files_are_served_under_kindred,
    the_console_is_served_under_console_with_its_own_policy,
    missing_files_and_wrong_methods_answer_json,
    without_assets_the_root_is_a_404,
);
