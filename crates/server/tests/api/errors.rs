//! Every failure answers the contract's JSON error body with the right status and code.

use axum::body::{Body, Bytes};
use axum::http::{header, Method, StatusCode};
use futures_util::stream;
use kindred_server::JSON_BODY_LIMIT;
use serde_json::json;

use crate::common::{on_both_backends, request, visitor, Backend, TestApp, OPEN_BOARD};

fn ideas_uri() -> String {
    format!("/v1/boards/{OPEN_BOARD}/ideas")
}

async fn post_raw(
    app: &TestApp,
    content_type: Option<&str>,
    body: Body,
) -> crate::common::TestResponse {
    let mut builder = request(Method::POST, &ideas_uri(), Some(&visitor(1)));
    if let Some(content_type) = content_type {
        builder = builder.header(header::CONTENT_TYPE, content_type);
    }
    app.send(builder.body(body).unwrap()).await
}

async fn unknown_board_is_a_json_404(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let body = app
        .get("/v1/boards/no-such-board/ideas", None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(body["error"]["fields"], json!({}));

    app.send_json(
        Method::POST,
        "/v1/boards/no-such-board/ideas",
        Some(&visitor(1)),
        &json!({ "title": "A perfectly fine idea" }),
    )
    .await
    .assert_error(StatusCode::NOT_FOUND, "not_found");
}

async fn malformed_json_is_400(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    for broken in [
        r#"{"title": "#,
        "{title: 'x'}",
        "",
        r#"{"title":"Hello there"} trailing"#,
    ] {
        post_raw(&app, Some("application/json"), Body::from(broken))
            .await
            .assert_error(StatusCode::BAD_REQUEST, "malformed_json");
    }
}

async fn wrong_shapes_are_422_invalid_body(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    for wrong in [
        json!({ "title": 5 }),
        json!({ "body": "no title" }),
        json!({ "title": "Hello there", "tags": "not-a-list" }),
        json!({ "title": "Hello there", "votes": 9 }),
        json!("a string"),
        json!(null),
    ] {
        app.send_json(Method::POST, &ideas_uri(), Some(&visitor(1)), &wrong)
            .await
            .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    }
    assert_eq!(app.scalar("SELECT COUNT(*) FROM ideas").await, 0);
}

async fn rule_violations_are_422_with_fields(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let body = app
        .send_json(
            Method::POST,
            &ideas_uri(),
            Some(&visitor(1)),
            &json!({ "title": " ab ", "tags": ["ok", "   "] }),
        )
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(body["error"]["fields"]["title"], json!(["too_short"]));
    assert_eq!(body["error"]["fields"]["tags"], json!(["invalid"]));
    assert!(body["error"]["fields"].get("body").is_none());

    let body = app
        .send_json(
            Method::POST,
            &ideas_uri(),
            Some(&visitor(1)),
            &json!({ "title": "" }),
        )
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(body["error"]["fields"]["title"], json!(["required"]));
    assert_eq!(app.scalar("SELECT COUNT(*) FROM ideas").await, 0);
}

fn oversized_json() -> String {
    let body = "x".repeat(JSON_BODY_LIMIT + 1);
    json!({ "title": "Too much text", "body": body }).to_string()
}

async fn oversized_body_with_content_length_is_json_413(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let payload = oversized_json();
    let response = app
        .send(
            request(Method::POST, &ideas_uri(), Some(&visitor(1)))
                .header(header::CONTENT_TYPE, "application/json")
                .header(header::CONTENT_LENGTH, payload.len())
                .body(Body::from(payload))
                .unwrap(),
        )
        .await;
    response.assert_error(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
}

async fn oversized_streamed_body_without_length_is_json_413(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let chunks: Vec<Result<Bytes, std::io::Error>> = oversized_json()
        .into_bytes()
        .chunks(4096)
        .map(|chunk| Ok(Bytes::copy_from_slice(chunk)))
        .collect();
    let response = post_raw(
        &app,
        Some("application/json"),
        Body::from_stream(stream::iter(chunks)),
    )
    .await;
    response.assert_error(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM ideas").await, 0);
}

async fn a_body_just_under_the_limit_is_read(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    // Valid JSON near the limit reaches validation (the body is too long for the rules).
    let body = "y".repeat(JSON_BODY_LIMIT - 100);
    let response = app
        .send_json(
            Method::POST,
            &ideas_uri(),
            Some(&visitor(1)),
            &json!({ "title": "Long read", "body": body }),
        )
        .await;
    let json = response.assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(json["error"]["fields"]["body"], json!(["too_long"]));
}

async fn wrong_or_missing_content_type_is_415(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let body = json!({ "title": "Hello there" }).to_string();
    for content_type in [
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        None,
    ] {
        post_raw(&app, content_type, Body::from(body.clone()))
            .await
            .assert_error(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
    }
    // A JSON content type with parameters is still JSON.
    let response = post_raw(
        &app,
        Some("application/json; charset=utf-8"),
        Body::from(body),
    )
    .await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
}

async fn unknown_route_is_a_json_404(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    for uri in [
        "/",
        "/v1",
        "/v1/nothing/here",
        "/v1/boards/ideas/ideas/extra",
    ] {
        app.get(uri, None)
            .await
            .assert_error(StatusCode::NOT_FOUND, "not_found");
    }
}

async fn wrong_method_is_a_json_405_with_allow(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let response = app
        .send(
            request(Method::PATCH, "/v1/ideas/1/vote", Some(&visitor(1)))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    response.assert_error(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
    let allow = response.header("allow").unwrap();
    assert!(allow.contains("PUT") && allow.contains("DELETE"), "{allow}");

    let response = app
        .send(
            request(Method::DELETE, "/v1/sites/acme", None)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    response.assert_error(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
}

async fn bad_query_parameters_are_400(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    for query in [
        "sort=best",
        "limit=abc",
        "limit=-1",
        "limit=0",
        "status=shipping",
    ] {
        app.get(&format!("{}?{query}", ideas_uri()), None)
            .await
            .assert_error(StatusCode::BAD_REQUEST, "bad_request");
    }
}

async fn ids_that_cannot_exist_are_404(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    for id in ["abc", "0", "-1", "1.5", "99999999999999999999999", "12345"] {
        app.get(&format!("/v1/ideas/{id}"), None)
            .await
            .assert_error(StatusCode::NOT_FOUND, "not_found");
        app.vote(id, Some(&visitor(1)), true)
            .await
            .assert_error(StatusCode::NOT_FOUND, "not_found");
    }
}

async fn an_invalid_visitor_header_is_refused_even_on_reads(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    app.get(&ideas_uri(), Some("not-a-uuid"))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthorized");
}

on_both_backends!(
    unknown_board_is_a_json_404,
    malformed_json_is_400,
    wrong_shapes_are_422_invalid_body,
    rule_violations_are_422_with_fields,
    oversized_body_with_content_length_is_json_413,
    oversized_streamed_body_without_length_is_json_413,
    a_body_just_under_the_limit_is_read,
    wrong_or_missing_content_type_is_415,
    unknown_route_is_a_json_404,
    wrong_method_is_a_json_405_with_allow,
    bad_query_parameters_are_400,
    ids_that_cannot_exist_are_404,
    an_invalid_visitor_header_is_refused_even_on_reads,
);
