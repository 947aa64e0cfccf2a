//! CORS: listed origins get the headers, everyone else gets none.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};

use crate::common::{on_both_backends, Backend, TestApp, TestResponse, OPEN_BOARD, SHOP_ORIGIN};

fn cors_headers(response: &TestResponse) -> Vec<String> {
    response
        .headers
        .keys()
        .map(|name| name.as_str().to_owned())
        .filter(|name| name.starts_with("access-control-"))
        .collect()
}

async fn get_from(app: &TestApp, origin: &str) -> TestResponse {
    app.send(
        Request::get(format!("/v1/boards/{OPEN_BOARD}/ideas"))
            .header(header::ORIGIN, origin)
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

async fn preflight_from(app: &TestApp, origin: &str) -> TestResponse {
    app.send(
        Request::builder()
            .method(Method::OPTIONS)
            .uri("/v1/ideas/1/vote")
            .header(header::ORIGIN, origin)
            .header(header::ACCESS_CONTROL_REQUEST_METHOD, "PUT")
            .header(
                header::ACCESS_CONTROL_REQUEST_HEADERS,
                "content-type,x-kindred-visitor",
            )
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

async fn a_listed_origin_may_call_the_api(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let response = get_from(&app, SHOP_ORIGIN).await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(
        response.header("access-control-allow-origin"),
        Some(SHOP_ORIGIN)
    );
    assert!(response.header("vary").unwrap().contains("origin"));

    let preflight = preflight_from(&app, SHOP_ORIGIN).await;
    assert_eq!(preflight.status, StatusCode::OK);
    assert_eq!(
        preflight.header("access-control-allow-origin"),
        Some(SHOP_ORIGIN)
    );
    let methods = preflight.header("access-control-allow-methods").unwrap();
    for method in ["GET", "POST", "PUT", "DELETE"] {
        assert!(methods.contains(method), "{methods}");
    }
    let headers = preflight.header("access-control-allow-headers").unwrap();
    for name in ["content-type", "authorization", "x-kindred-visitor"] {
        assert!(headers.contains(name), "{headers}");
    }
}

async fn errors_carry_cors_headers_too(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let response = app
        .send(
            Request::get("/v1/boards/nope/ideas")
                .header(header::ORIGIN, SHOP_ORIGIN)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    response.assert_error(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(
        response.header("access-control-allow-origin"),
        Some(SHOP_ORIGIN)
    );
}

async fn an_unlisted_origin_gets_no_cors_headers(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    for origin in [
        "https://evil.example",
        "https://shop.acme.test.evil.example",
        "null",
    ] {
        let response = get_from(&app, origin).await;
        assert_eq!(response.status, StatusCode::OK);
        assert_eq!(cors_headers(&response), Vec::<String>::new(), "{origin}");
        let preflight = preflight_from(&app, origin).await;
        assert_eq!(cors_headers(&preflight), Vec::<String>::new(), "{origin}");
    }
}

async fn new_origins_apply_after_a_reload(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let origin = "http://localhost:5173";
    assert!(cors_headers(&get_from(&app, origin).await).is_empty());

    let store = &app.state.store;
    let site = store.site_id("acme").await.unwrap().unwrap();
    assert!(store.add_origin(site, origin).await.unwrap());
    assert!(!store
        .add_origin(site, "HTTP://LOCALHOST:5173/")
        .await
        .unwrap());
    app.state.origins.reload(store).await.unwrap();

    let response = get_from(&app, origin).await;
    assert_eq!(response.header("access-control-allow-origin"), Some(origin));
}

on_both_backends!(
    a_listed_origin_may_call_the_api,
    errors_carry_cors_headers_too,
    an_unlisted_origin_gets_no_cors_headers,
    new_origins_apply_after_a_reload,
);
