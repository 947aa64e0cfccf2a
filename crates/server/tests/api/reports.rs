//! Reports: identity required, one per reporter, and a post hidden pending review once its
//! distinct reports reach the feed's threshold.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use crate::common::{on_both_backends, visitor, Backend, TestApp, TestResponse};
use crate::multipart::OPEN_FEED;

async fn report(app: &TestApp, post: &str, who: Option<&str>, body: &Value) -> TestResponse {
    app.send_json(
        Method::POST,
        &format!("/v1/posts/{post}/reports"),
        who,
        body,
    )
    .await
}

async fn reports_hide_a_post_at_the_threshold(backend: Backend) {
    let app = TestApp::with_feeds(backend).await;
    let author = visitor(1);
    let post = app.create_post(OPEN_FEED, &author, "", "").await;
    let other = app.create_post(OPEN_FEED, &author, "", "").await;
    let list = format!("/v1/feeds/{OPEN_FEED}/posts");
    let listed = |response: TestResponse| {
        response.json()["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };

    let first = report(&app, &post, Some(&visitor(2)), &json!({"reason": "spam"})).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text());
    assert_eq!(first.json(), json!({"post_id": post, "reason": "spam"}));
    // A repeat, even with another reason, counts once and answers the first report.
    let repeat = report(&app, &post, Some(&visitor(2)), &json!({"reason": "other"})).await;
    assert_eq!(repeat.status, StatusCode::OK);
    assert_eq!(repeat.json()["reason"], "spam");
    let second = report(
        &app,
        &post,
        Some(&visitor(3)),
        &json!({"reason": "rights", "note": "This is my photo, posted without asking."}),
    )
    .await;
    assert_eq!(second.status, StatusCode::CREATED);
    assert_eq!(listed(app.get(&list, None).await).len(), 2);

    let third = report(
        &app,
        &post,
        Some(&visitor(4)),
        &json!({"reason": "offensive"}),
    )
    .await;
    assert_eq!(third.status, StatusCode::CREATED);
    assert_eq!(listed(app.get(&list, None).await), [other]);
    let uri = format!("/v1/posts/{post}");
    app.get(&uri, Some(&visitor(2)))
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    // Its author still sees it, marked as waiting for review.
    assert_eq!(
        app.get(&uri, Some(&author)).await.json()["pending_review"],
        true
    );
    report(&app, &post, Some(&visitor(5)), &json!({"reason": "spam"}))
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(
        report(&app, &post, Some(&visitor(2)), &json!({"reason": "spam"}))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        app.scalar(&format!("SELECT report_count FROM posts WHERE id = {post}"))
            .await,
        3
    );
    assert_eq!(app.scalar("SELECT COUNT(*) FROM post_reports").await, 3);
}

async fn reports_are_checked(backend: Backend) {
    let app = TestApp::with_feeds(backend).await;
    let post = app.create_post(OPEN_FEED, &visitor(1), "", "").await;
    report(&app, &post, None, &json!({"reason": "spam"}))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthorized");
    report(&app, &post, Some(&visitor(2)), &json!({"reason": "boring"}))
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    let body = report(
        &app,
        &post,
        Some(&visitor(2)),
        &json!({"reason": "other", "note": "n".repeat(501)}),
    )
    .await
    .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(body["error"]["fields"]["note"], json!(["too_long"]));
    report(
        &app,
        "424242",
        Some(&visitor(2)),
        &json!({"reason": "spam"}),
    )
    .await
    .assert_error(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM post_reports").await, 0);
}

on_both_backends!(reports_hide_a_post_at_the_threshold, reports_are_checked);
