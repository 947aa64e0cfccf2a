//! Reports: identity required, one per reporter, a post hidden pending review once its
//! distinct reports reach the feed's threshold, and hidden at once from its reporter's list.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use kindred_api::VisitorId;
use kindred_server::identity::voter_key;
use kindred_server::store::posts::PostQuery;

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

/// The ids of the posts a list answer holds, in order.
fn listed(response: &TestResponse) -> Vec<String> {
    assert_eq!(response.status, StatusCode::OK, "{}", response.text());
    response.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect()
}

/// A feed with two posts by `visitor(1)`, answered older first.
async fn two_posts(backend: Backend) -> (TestApp, String, String) {
    let app = TestApp::with_feeds(backend).await;
    let older = app.create_post(OPEN_FEED, &visitor(1), "", "").await;
    let newer = app.create_post(OPEN_FEED, &visitor(1), "", "").await;
    (app, older, newer)
}

async fn reports_hide_a_post_at_the_threshold(backend: Backend) {
    let (app, post, other) = two_posts(backend).await;
    let author = visitor(1);
    let list = format!("/v1/feeds/{OPEN_FEED}/posts");

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
    assert_eq!(listed(&app.get(&list, None).await).len(), 2);

    let third = report(
        &app,
        &post,
        Some(&visitor(4)),
        &json!({"reason": "offensive"}),
    )
    .await;
    assert_eq!(third.status, StatusCode::CREATED);
    assert_eq!(listed(&app.get(&list, None).await), [other]);
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

async fn reports_hide_the_post_from_its_reporter_at_once(backend: Backend) {
    let (app, kept, reported) = two_posts(backend).await;
    let author = visitor(1);
    let list = format!("/v1/feeds/{OPEN_FEED}/posts");
    let reporter = visitor(2);
    let response = report(&app, &reported, Some(&reporter), &json!({"reason": "spam"})).await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());

    // One report is below the threshold: the post stays listed for everyone else.
    let everyone = [reported, kept.clone()];
    assert_eq!(
        listed(&app.get(&list, Some(&reporter)).await),
        everyone[1..]
    );
    assert_eq!(listed(&app.get(&list, None).await), everyone);
    assert_eq!(listed(&app.get(&list, Some(&author)).await), everyone);
    assert_eq!(listed(&app.get(&list, Some(&visitor(3))).await), everyone);
    // The newest post the reporter sees is the one after it.
    let page = format!("{list}?limit=1");
    assert_eq!(listed(&app.get(&page, Some(&reporter)).await), [kept]);
}

async fn reports_leave_the_post_out_of_its_reporters_page(backend: Backend) {
    let (app, reported, kept) = two_posts(backend).await;
    let reporter = VisitorId::parse(&visitor(2)).unwrap();
    let feed_id = app
        .scalar(&format!("SELECT id FROM feeds WHERE slug = '{OPEN_FEED}'"))
        .await;
    let store = &app.state.store;
    let reported_id: i64 = reported.parse().unwrap();
    store
        .report(
            reported_id,
            &voter_key(&reporter),
            kindred_api::ReportReason::Rights,
            "",
        )
        .await
        .unwrap();
    let query = PostQuery {
        limit: 10,
        ..PostQuery::default()
    };
    let ids = |page: kindred_api::Page<kindred_api::Post>| {
        page.items.into_iter().map(|p| p.id.0).collect::<Vec<_>>()
    };
    let everyone = [kept, reported];
    let mine = store
        .posts(feed_id, &query, Some(&voter_key(&reporter)))
        .await;
    assert_eq!(ids(mine.unwrap()), everyone[..1]);
    let anyone = store.posts(feed_id, &query, None).await.unwrap();
    assert_eq!(ids(anyone), everyone);
    let others = store
        .posts(feed_id, &query, Some("user:someone-else"))
        .await;
    assert_eq!(ids(others.unwrap()), everyone);
}

on_both_backends!(
    reports_hide_a_post_at_the_threshold,
    reports_are_checked,
    reports_hide_the_post_from_its_reporter_at_once,
    reports_leave_the_post_out_of_its_reporters_page,
);
