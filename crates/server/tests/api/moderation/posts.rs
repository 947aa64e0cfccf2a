//! Posts and reports in the review queue: premoderated posts wait until approved, reported
//! posts wait with a summary of their reports; decisions list them or take them down, and a
//! dismissal makes only later reports count toward the threshold.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use super::{feeds_app, ids};
use crate::common::{on_both_backends, visitor, Backend, TestApp, TestResponse};
use crate::multipart::{OPEN_FEED, REVIEWED_FEED};

async fn queue(app: &TestApp, query: &str) -> Value {
    let uri = format!("/v1/moderation/queue{query}");
    app.admin_ok(Method::GET, &uri, None, StatusCode::OK).await
}

async fn decide(app: &TestApp, kind: &str, id: &str, verdict: &str, reason: &str) -> Value {
    let uri = format!("/v1/moderation/{kind}/{id}/{verdict}");
    let body = json!({ "reason": reason });
    app.admin_ok(Method::POST, &uri, Some(body), StatusCode::OK)
        .await
}

async fn report(app: &TestApp, post: &str, n: u32, reason: &str) -> TestResponse {
    let uri = format!("/v1/posts/{post}/reports");
    let body = json!({ "reason": reason });
    app.send_json(Method::POST, &uri, Some(&visitor(n)), &body)
        .await
}

/// The ids of the posts `feed` lists publicly.
async fn listed(app: &TestApp, feed: &str) -> Vec<String> {
    let response = app.get(&format!("/v1/feeds/{feed}/posts"), None).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.text());
    ids(&response.json())
}

async fn premoderated_posts_wait_with_their_photo(backend: Backend) {
    let app = feeds_app(backend).await;
    let first = app
        .create_post(REVIEWED_FEED, &visitor(1), "Dawn on the #ridge", "")
        .await;
    let second = app.create_post(REVIEWED_FEED, &visitor(2), "", "").await;
    app.create_post(OPEN_FEED, &visitor(3), "Listed at once", "")
        .await;
    let idea = app.create_idea("ideas", "Not waiting", &visitor(4)).await;
    assert!(!idea.is_empty());

    let page = queue(&app, "?kind=posts").await;
    assert_eq!(ids(&page), [first.clone(), second.clone()]);
    let item = &page["items"][0];
    assert_eq!(item["kind"], "posts");
    assert_eq!(item["site"], "acme");
    assert_eq!(item["feed"], REVIEWED_FEED);
    assert!(item.get("board").is_none(), "{item}");
    assert!(item.get("reports").is_none(), "{item}");
    assert_eq!(item["reason"], "premoderation");
    assert_eq!(item["excerpt"], "Dawn on the #ridge");
    assert_eq!(
        item["author"]["identity"],
        format!("visitor:{}", visitor(1))
    );
    let image = &item["image"];
    assert!(
        image["url"].as_str().unwrap().starts_with("/v1/media/"),
        "{image}"
    );
    assert!(image["color"].as_str().unwrap().starts_with('#'));
    assert!(!image["srcset"].as_array().unwrap().is_empty());
    // Without a caption, the excerpt is the alt text.
    assert!(!page["items"][1]["excerpt"].as_str().unwrap().is_empty());

    // Paginated one at a time.
    let one = queue(&app, "?kind=posts&limit=1").await;
    assert_eq!(ids(&one), [first]);
    let cursor = one["next_cursor"].as_str().unwrap();
    let rest = queue(&app, &format!("?kind=posts&limit=1&cursor={cursor}")).await;
    assert_eq!(ids(&rest), [second]);
    assert_eq!(rest["next_cursor"], Value::Null);

    // Without a kind, every kind is listed; a site filter applies to posts too.
    assert_eq!(ids(&queue(&app, "").await).len(), 2);
    assert!(ids(&queue(&app, "?kind=posts&site=elsewhere").await).is_empty());
    assert_eq!(ids(&queue(&app, "?kind=posts&site=acme").await).len(), 2);
    assert!(ids(&queue(&app, "?kind=reports").await).is_empty());
}

async fn approval_lists_a_post_and_rejection_takes_it_down(backend: Backend) {
    let app = feeds_app(backend).await;
    let post = app.create_post(REVIEWED_FEED, &visitor(1), "", "").await;
    assert!(listed(&app, REVIEWED_FEED).await.is_empty());

    let uri = format!("/v1/moderation/posts/{post}/approve");
    let outcome = app.admin_ok(Method::POST, &uri, None, StatusCode::OK).await;
    assert_eq!(
        outcome,
        json!({ "kind": "posts", "id": post, "decision": "approved", "changed": true })
    );
    assert_eq!(listed(&app, REVIEWED_FEED).await, [post.as_str()]);
    assert!(ids(&queue(&app, "?kind=posts").await).is_empty());
    let again = app.admin_ok(Method::POST, &uri, None, StatusCode::OK).await;
    assert_eq!(again["changed"], false);

    // Rejecting a listed post takes it down: gone from the list, the detail, likes and
    // reports, and out of the queue for good.
    let outcome = decide(&app, "posts", &post, "reject", "Not our product").await;
    assert_eq!(outcome["decision"], "rejected");
    assert_eq!(outcome["changed"], true);
    assert!(listed(&app, REVIEWED_FEED).await.is_empty());
    app.get(&format!("/v1/posts/{post}"), None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    report(&app, &post, 5, "spam")
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    assert!(ids(&queue(&app, "").await).is_empty());
    let repeat = decide(&app, "posts", &post, "reject", "Still no").await;
    assert_eq!(repeat["changed"], false);

    // Approving a rejected post reinstates it.
    let outcome = decide(&app, "posts", &post, "approve", "").await;
    assert_eq!(outcome["changed"], true);
    assert_eq!(listed(&app, REVIEWED_FEED).await, [post.as_str()]);

    let log = app
        .admin_ok(Method::GET, "/v1/moderation/log", None, StatusCode::OK)
        .await;
    let entries: Vec<(String, String, String)> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| {
            (
                entry["action"].as_str().unwrap().to_owned(),
                entry["target_kind"].as_str().unwrap().to_owned(),
                entry["reason"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let entry = |action: &str, reason: &str| (action.into(), "posts".into(), reason.into());
    assert_eq!(
        entries,
        [
            entry("approve", ""),
            entry("reject", "Not our product"),
            entry("approve", ""),
        ]
    );
}

async fn post_decisions_check_their_request(backend: Backend) {
    let app = feeds_app(backend).await;
    let post = app.create_post(REVIEWED_FEED, &visitor(1), "", "").await;

    let uri = format!("/v1/moderation/posts/{post}/reject");
    let response = app.admin(Method::POST, &uri, Some(json!({}))).await;
    let error = response.assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(error["error"]["fields"]["reason"], json!(["required"]));
    for uri in [
        "/v1/moderation/posts/999999/approve".to_owned(),
        "/v1/moderation/posts/nope/approve".to_owned(),
        "/v1/moderation/photos/1/approve".to_owned(),
        // A post never reported has no reports to decide on.
        format!("/v1/moderation/reports/{post}/approve"),
    ] {
        app.admin(Method::POST, &uri, None)
            .await
            .assert_error(StatusCode::NOT_FOUND, "not_found");
    }
    let uri = format!("/v1/moderation/posts/{post}/approve");
    app.admin_with_key(Method::POST, &uri, None, None)
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthorized");
    assert_eq!(ids(&queue(&app, "?kind=posts").await), [post]);
}

async fn reported_posts_wait_with_a_summary_of_their_reports(backend: Backend) {
    let app = feeds_app(backend).await;
    let post = app.create_post(OPEN_FEED, &visitor(1), "Summit", "").await;
    let calm = app.create_post(OPEN_FEED, &visitor(1), "Lake", "").await;
    for (n, reason) in [(2, "spam"), (3, "spam")] {
        assert_eq!(
            report(&app, &post, n, reason).await.status,
            StatusCode::CREATED
        );
    }
    assert_eq!(
        report(&app, &calm, 2, "rights").await.status,
        StatusCode::CREATED
    );

    let page = queue(&app, "?kind=reports").await;
    assert_eq!(ids(&page), [post.clone(), calm]);
    let item = &page["items"][0];
    assert_eq!(item["kind"], "reports");
    assert_eq!(item["reason"], "reports");
    assert_eq!(item["feed"], OPEN_FEED);
    assert_eq!(
        item["reports"],
        json!({ "count": 2, "spam": 2, "offensive": 0, "rights": 0, "other": 0, "hidden": false })
    );
    assert!(item["image"]["url"].is_string());

    // The third report reaches the threshold and hides the post; it still waits.
    assert_eq!(
        report(&app, &post, 4, "offensive").await.status,
        StatusCode::CREATED
    );
    let page = queue(&app, "?kind=reports&limit=1").await;
    assert_eq!(page["items"][0]["reports"]["count"], 3);
    assert_eq!(page["items"][0]["reports"]["offensive"], 1);
    assert_eq!(page["items"][0]["reports"]["hidden"], true);
    assert!(page["next_cursor"].is_string());
    assert!(!listed(&app, OPEN_FEED).await.contains(&post));
}

async fn dismissed_reports_stop_counting(backend: Backend) {
    let app = feeds_app(backend).await;
    let post = app.create_post(OPEN_FEED, &visitor(1), "", "").await;
    for n in 2..=4 {
        assert_eq!(
            report(&app, &post, n, "spam").await.status,
            StatusCode::CREATED
        );
    }
    assert!(listed(&app, OPEN_FEED).await.is_empty());

    let outcome = decide(&app, "reports", &post, "approve", "Fine photo").await;
    assert_eq!(
        outcome,
        json!({ "kind": "reports", "id": post, "decision": "approved", "changed": true })
    );
    assert_eq!(listed(&app, OPEN_FEED).await, [post.as_str()]);
    assert!(ids(&queue(&app, "").await).is_empty());
    let again = decide(&app, "reports", &post, "approve", "").await;
    assert_eq!(again["changed"], false);

    // One new report does not hide it again; it waits on its own.
    assert_eq!(
        report(&app, &post, 5, "other").await.status,
        StatusCode::CREATED
    );
    assert_eq!(listed(&app, OPEN_FEED).await, [post.as_str()]);
    let page = queue(&app, "?kind=reports").await;
    assert_eq!(page["items"][0]["reports"]["count"], 1);
    assert_eq!(page["items"][0]["reports"]["hidden"], false);
    // As many new reports as the threshold do.
    for n in 6..=7 {
        assert_eq!(
            report(&app, &post, n, "spam").await.status,
            StatusCode::CREATED
        );
    }
    assert!(listed(&app, OPEN_FEED).await.is_empty());
    assert_eq!(
        app.scalar(&format!(
            "SELECT report_count * 10 + open_report_count FROM posts WHERE id = {post}"
        ))
        .await,
        63
    );

    // Rejecting the reports takes the post down for good and empties the queue.
    let outcome = decide(&app, "reports", &post, "reject", "Spam").await;
    assert_eq!(outcome["decision"], "rejected");
    assert!(ids(&queue(&app, "").await).is_empty());
    assert!(listed(&app, OPEN_FEED).await.is_empty());
    let repeat = decide(&app, "reports", &post, "reject", "Spam").await;
    assert_eq!(repeat["changed"], false);
    // Dismissing them after all reinstates it.
    decide(&app, "reports", &post, "approve", "On second thought").await;
    assert_eq!(listed(&app, OPEN_FEED).await, [post]);
}

async fn rejecting_reports_of_a_listed_post_takes_it_down(backend: Backend) {
    let app = feeds_app(backend).await;
    let post = app.create_post(OPEN_FEED, &visitor(1), "", "").await;
    assert_eq!(
        report(&app, &post, 2, "rights").await.status,
        StatusCode::CREATED
    );
    assert_eq!(listed(&app, OPEN_FEED).await, [post.as_str()]);

    let outcome = decide(&app, "reports", &post, "reject", "Not the author's photo").await;
    assert_eq!(outcome["changed"], true);
    assert!(listed(&app, OPEN_FEED).await.is_empty());
    assert!(ids(&queue(&app, "").await).is_empty());
    let log = app
        .admin_ok(Method::GET, "/v1/moderation/log", None, StatusCode::OK)
        .await;
    assert_eq!(log["items"][0]["target_kind"], "reports");
    assert_eq!(log["items"][0]["target_id"], post);
    assert_eq!(log["items"][0]["action"], "reject");
}

async fn reopening_puts_posts_and_reports_back_as_they_were(backend: Backend) {
    let app = feeds_app(backend).await;
    // A premoderated post, approved, then reopened: unlisted and waiting again.
    let waiting = app.create_post(REVIEWED_FEED, &visitor(1), "", "").await;
    decide(&app, "posts", &waiting, "approve", "").await;
    assert_eq!(listed(&app, REVIEWED_FEED).await, [waiting.as_str()]);
    let outcome = decide(&app, "posts", &waiting, "reopen", "Approved by mistake").await;
    assert_eq!(
        outcome,
        json!({ "kind": "posts", "id": waiting, "changed": true })
    );
    assert!(listed(&app, REVIEWED_FEED).await.is_empty());
    assert_eq!(ids(&queue(&app, "?kind=posts").await), [waiting.as_str()]);
    let again = decide(&app, "posts", &waiting, "reopen", "").await;
    assert_eq!(again["changed"], false);

    // A post hidden by three reports, its reports dismissed, then the dismissal reopened: the
    // same three reports count again and hide it again.
    let post = app.create_post(OPEN_FEED, &visitor(2), "", "").await;
    for n in 3..=5 {
        report(&app, &post, n, "spam").await;
    }
    decide(&app, "reports", &post, "approve", "Fine photo").await;
    assert!(listed(&app, OPEN_FEED).await.contains(&post));
    decide(&app, "reports", &post, "reopen", "").await;
    assert!(!listed(&app, OPEN_FEED).await.contains(&post));
    let page = queue(&app, "?kind=reports").await;
    assert_eq!(ids(&page), [post.as_str()]);
    assert_eq!(page["items"][0]["reports"]["count"], 3);
    assert_eq!(page["items"][0]["reports"]["hidden"], true);

    // Rejected after one more report, then reopened: only the reports that decision reviewed
    // open again; the three it did not review stay closed by the earlier dismissal.
    decide(&app, "reports", &post, "approve", "Fine photo").await;
    report(&app, &post, 6, "other").await;
    decide(&app, "reports", &post, "reject", "Spam after all").await;
    assert!(!listed(&app, OPEN_FEED).await.contains(&post));
    decide(&app, "reports", &post, "reopen", "").await;
    assert!(
        listed(&app, OPEN_FEED).await.contains(&post),
        "one report is under the threshold"
    );
    let page = queue(&app, "?kind=reports").await;
    assert_eq!(page["items"][0]["reports"]["count"], 1);
    assert_eq!(
        app.scalar(&format!(
            "SELECT report_count * 10 + open_report_count FROM posts WHERE id = {post}"
        ))
        .await,
        41
    );
    let log = app
        .admin_ok(Method::GET, "/v1/moderation/log", None, StatusCode::OK)
        .await;
    assert_eq!(log["items"][0]["action"], "reopen");
    assert_eq!(log["items"][0]["target_kind"], "reports");
}

on_both_backends!(
    premoderated_posts_wait_with_their_photo,
    approval_lists_a_post_and_rejection_takes_it_down,
    post_decisions_check_their_request,
    reported_posts_wait_with_a_summary_of_their_reports,
    dismissed_reports_stop_counting,
    rejecting_reports_of_a_listed_post_takes_it_down,
    reopening_puts_posts_and_reports_back_as_they_were,
);
