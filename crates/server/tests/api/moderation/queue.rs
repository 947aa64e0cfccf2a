//! The review queue and decisions: premoderated ideas and comments wait, oldest first, with
//! why; approval shows them, rejection keeps them hidden; repeats change nothing; every change
//! is logged.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use super::{ids, moderated_app, REVIEWED_BOARD};
use crate::common::{on_both_backends, visitor, Backend, TestApp, OPEN_BOARD};

async fn queue(app: &TestApp, query: &str) -> Value {
    let uri = format!("/v1/moderation/queue{query}");
    app.admin_ok(Method::GET, &uri, None, StatusCode::OK).await
}

async fn decide(app: &TestApp, uri: &str, body: Option<Value>) -> Value {
    app.admin_ok(Method::POST, uri, body, StatusCode::OK).await
}

async fn premoderated_ideas_wait_oldest_first_with_why(backend: Backend) {
    let app = moderated_app(backend).await;
    let first = app
        .create_idea(REVIEWED_BOARD, "Resoleable boots", &visitor(1))
        .await;
    let second = app
        .create_idea(REVIEWED_BOARD, "Wider toe box", &visitor(2))
        .await;
    app.create_idea(OPEN_BOARD, "Listed at once", &visitor(3))
        .await;

    let page = queue(&app, "").await;
    assert_eq!(ids(&page), [first.clone(), second]);
    let item = &page["items"][0];
    assert_eq!(item["kind"], "ideas");
    assert_eq!(item["site"], "acme");
    assert_eq!(item["board"], REVIEWED_BOARD);
    assert_eq!(item["excerpt"], "Resoleable boots");
    assert_eq!(item["reason"], "premoderation");
    assert_eq!(item["author"]["name"], "Anonymous hiker");
    assert_eq!(
        item["author"]["identity"],
        format!("visitor:{}", visitor(1))
    );
    assert!(item["created_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(page["next_cursor"], Value::Null);

    // Paginated one at a time, the cursor continues after the first.
    let one = queue(&app, "?limit=1").await;
    assert_eq!(ids(&one), [first]);
    let cursor = one["next_cursor"].as_str().unwrap();
    let rest = queue(&app, &format!("?limit=1&cursor={cursor}")).await;
    assert_eq!(rest["items"][0]["excerpt"], "Wider toe box");
    assert_eq!(rest["next_cursor"], Value::Null);

    assert!(ids(&queue(&app, "?kind=comments").await).is_empty());
    assert!(ids(&queue(&app, "?site=elsewhere").await).is_empty());
    assert_eq!(ids(&queue(&app, "?kind=ideas&site=acme").await).len(), 2);
}

/// The moderated app with two ideas waiting on its premoderated board: a good one and spam.
async fn good_and_spam(backend: Backend) -> (TestApp, String, String) {
    let app = moderated_app(backend).await;
    let good = app
        .create_idea(REVIEWED_BOARD, "Resoleable boots", &visitor(1))
        .await;
    let spam = app
        .create_idea(REVIEWED_BOARD, "Cheap watches here", &visitor(2))
        .await;
    (app, good, spam)
}

async fn approval_lists_an_idea_and_rejection_keeps_it_hidden(backend: Backend) {
    let (app, good, spam) = good_and_spam(backend).await;
    assert!(ids(&app.listed(REVIEWED_BOARD, "").await).is_empty());

    // Approval needs no body.
    let outcome = decide(&app, &format!("/v1/moderation/ideas/{good}/approve"), None).await;
    assert_eq!(
        outcome,
        json!({ "kind": "ideas", "id": good, "decision": "approved", "changed": true })
    );
    let reason = json!({ "reason": "spam" });
    let outcome = decide(
        &app,
        &format!("/v1/moderation/ideas/{spam}/reject"),
        Some(reason),
    )
    .await;
    assert_eq!(outcome["decision"], "rejected");

    assert_eq!(ids(&app.listed(REVIEWED_BOARD, "").await), [good.as_str()]);
    app.get(&format!("/v1/ideas/{spam}"), None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    assert!(ids(&queue(&app, "").await).is_empty());

    // A repeat changes nothing and is not logged again.
    let again = decide(&app, &format!("/v1/moderation/ideas/{good}/approve"), None).await;
    assert_eq!(again["changed"], false);
    let log = app
        .admin_ok(Method::GET, "/v1/moderation/log", None, StatusCode::OK)
        .await;
    let actions: Vec<(&str, &str, &str)> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| {
            assert_eq!(entry["site"], "acme");
            assert_eq!(entry["target_kind"], "ideas");
            (
                entry["action"].as_str().unwrap(),
                entry["target_id"].as_str().unwrap(),
                entry["reason"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        actions,
        [
            ("reject", spam.as_str(), "spam"),
            ("approve", good.as_str(), "")
        ]
    );

    // A moderator may take a listed idea down again.
    let body = json!({ "reason": "off topic" });
    decide(
        &app,
        &format!("/v1/moderation/ideas/{good}/reject"),
        Some(body),
    )
    .await;
    assert!(ids(&app.listed(REVIEWED_BOARD, "").await).is_empty());
}

async fn reopening_takes_a_decision_back(backend: Backend) {
    let (app, good, spam) = good_and_spam(backend).await;
    decide(&app, &format!("/v1/moderation/ideas/{good}/approve"), None).await;
    let reason = json!({ "reason": "spam" });
    decide(
        &app,
        &format!("/v1/moderation/ideas/{spam}/reject"),
        Some(reason),
    )
    .await;
    assert!(ids(&queue(&app, "").await).is_empty());

    // Both wait again, neither listed; the log says so, with the reason when given.
    let outcome = decide(&app, &format!("/v1/moderation/ideas/{good}/reopen"), None).await;
    assert_eq!(
        outcome,
        json!({ "kind": "ideas", "id": good, "changed": true })
    );
    let body = json!({ "reason": "Not spam after all" });
    decide(
        &app,
        &format!("/v1/moderation/ideas/{spam}/reopen"),
        Some(body),
    )
    .await;
    assert_eq!(ids(&queue(&app, "").await), [good.clone(), spam.clone()]);
    assert!(ids(&app.listed(REVIEWED_BOARD, "").await).is_empty());
    let log = app
        .admin_ok(
            Method::GET,
            "/v1/moderation/log?limit=2",
            None,
            StatusCode::OK,
        )
        .await;
    assert_eq!(log["items"][0]["action"], "reopen");
    assert_eq!(log["items"][0]["target_id"], spam.as_str());
    assert_eq!(log["items"][0]["reason"], "Not spam after all");
    assert_eq!(log["items"][1]["target_id"], good.as_str());

    // Reopening what already waits changes nothing and is not logged.
    let again = decide(&app, &format!("/v1/moderation/ideas/{good}/reopen"), None).await;
    assert_eq!(again["changed"], false);
    let log = app
        .admin_ok(Method::GET, "/v1/moderation/log", None, StatusCode::OK)
        .await;
    assert_eq!(log["items"].as_array().unwrap().len(), 4);

    // Then decided afresh.
    decide(&app, &format!("/v1/moderation/ideas/{spam}/approve"), None).await;
    assert_eq!(ids(&app.listed(REVIEWED_BOARD, "").await), [spam.as_str()]);

    // An approved comment, reopened, is hidden and no longer counted.
    let comment = app.post_comment(&spam, 3, "Worth a look").await.json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    decide(
        &app,
        &format!("/v1/moderation/comments/{comment}/approve"),
        None,
    )
    .await;
    let idea_uri = format!("/v1/ideas/{spam}");
    assert_eq!(app.get(&idea_uri, None).await.json()["comment_count"], 1);
    decide(
        &app,
        &format!("/v1/moderation/comments/{comment}/reopen"),
        None,
    )
    .await;
    assert_eq!(app.get(&idea_uri, None).await.json()["comment_count"], 0);
    assert_eq!(ids(&queue(&app, "?kind=comments").await), [comment]);

    // Unknown items and kinds, bad reasons and a missing key are refused.
    for uri in [
        "/v1/moderation/ideas/999999/reopen",
        "/v1/moderation/polls/1/reopen",
    ] {
        app.admin(Method::POST, uri, None)
            .await
            .assert_error(StatusCode::NOT_FOUND, "not_found");
    }
    let long = json!({ "reason": "x".repeat(501) });
    let uri = format!("/v1/moderation/ideas/{good}/reopen");
    app.admin(Method::POST, &uri, Some(long))
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    app.admin_with_key(Method::POST, &uri, None, None)
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthorized");
}

async fn premoderated_comments_wait_and_count_once_approved(backend: Backend) {
    let app = moderated_app(backend).await;
    let idea = app
        .create_idea(OPEN_BOARD, "Resoleable boots", &visitor(1))
        .await;
    let update = json!({ "premoderate_comments": true });
    let uri = format!("/v1/moderation/boards/{OPEN_BOARD}");
    app.admin_ok(Method::PUT, &uri, Some(update), StatusCode::OK)
        .await;

    let response = app.post_comment(&idea, 2, "Yes, please").await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    let comment = response.json();
    assert_eq!(comment["pending_review"], true);
    let comment_id = comment["id"].as_str().unwrap().to_owned();
    let thread = app
        .get(&format!("/v1/ideas/{idea}/comments"), None)
        .await
        .json();
    assert!(ids(&thread).is_empty());
    let shown = app.get(&format!("/v1/ideas/{idea}"), None).await.json();
    assert_eq!(shown["comment_count"], 0);

    let page = queue(&app, "?kind=comments").await;
    assert_eq!(ids(&page), [comment_id.as_str()]);
    assert_eq!(page["items"][0]["idea_id"], idea);
    assert_eq!(page["items"][0]["excerpt"], "Yes, please");

    decide(
        &app,
        &format!("/v1/moderation/comments/{comment_id}/approve"),
        None,
    )
    .await;
    let thread = app
        .get(&format!("/v1/ideas/{idea}/comments"), None)
        .await
        .json();
    assert_eq!(ids(&thread), [comment_id.as_str()]);
    assert!(thread["items"][0].get("pending_review").is_none());
    let shown = app.get(&format!("/v1/ideas/{idea}"), None).await.json();
    assert_eq!(shown["comment_count"], 1);

    // Taking it down takes it out of the count again.
    let body = json!({ "reason": "rude" });
    decide(
        &app,
        &format!("/v1/moderation/comments/{comment_id}/reject"),
        Some(body),
    )
    .await;
    let shown = app.get(&format!("/v1/ideas/{idea}"), None).await.json();
    assert_eq!(shown["comment_count"], 0);
    let drift = app
        .scalar(
            "SELECT COUNT(*) FROM ideas i WHERE i.comment_count <>
               (SELECT COUNT(*) FROM comments c WHERE c.idea_id = i.id AND NOT c.pending_review)",
        )
        .await;
    assert_eq!(drift, 0);
}

async fn the_queue_orders_newest_first_filters_by_board_and_counts(backend: Backend) {
    let app = moderated_app(backend).await;
    let first = app
        .create_idea(REVIEWED_BOARD, "Resoleable boots", &visitor(1))
        .await;
    let second = app
        .create_idea(REVIEWED_BOARD, "Wider toe box", &visitor(2))
        .await;
    let idea = app.create_idea(OPEN_BOARD, "Listed", &visitor(3)).await;
    let update = json!({ "premoderate_comments": true });
    let uri = format!("/v1/moderation/boards/{OPEN_BOARD}");
    app.admin_ok(Method::PUT, &uri, Some(update), StatusCode::OK)
        .await;
    let comment = app.post_comment(&idea, 4, "Yes, please").await.json();
    let comment = comment["id"].as_str().unwrap().to_owned();

    // Newest first is exactly the reverse of oldest first, page by page.
    let oldest: Vec<String> = ids(&queue(&app, "").await);
    assert_eq!(oldest.len(), 3);
    assert!(oldest.contains(&comment));
    let mut newest = oldest.clone();
    newest.reverse();
    assert_eq!(ids(&queue(&app, "?order=newest").await), newest);
    let mut paged = Vec::new();
    let mut next = String::new();
    loop {
        let page = queue(&app, &format!("?order=newest&limit=1&cursor={next}")).await;
        paged.extend(ids(&page));
        match page["next_cursor"].as_str() {
            Some(cursor) => next = cursor.to_owned(),
            None => break,
        }
    }
    assert_eq!(paged, newest);
    assert_eq!(ids(&queue(&app, "?order=oldest").await), oldest);

    // Filters by board and feed.
    let on_board = ids(&queue(&app, &format!("?board={REVIEWED_BOARD}")).await);
    assert_eq!(on_board, [first.clone(), second]);
    assert_eq!(
        ids(&queue(&app, &format!("?board={OPEN_BOARD}")).await),
        [comment]
    );
    assert!(ids(&queue(&app, "?feed=photos").await).is_empty());

    // Counts, in all and by kind, for every site or one.
    let counts = app
        .admin_ok(
            Method::GET,
            "/v1/moderation/queue/counts",
            None,
            StatusCode::OK,
        )
        .await;
    assert_eq!(
        counts,
        json!({ "total": 3, "ideas": 2, "comments": 1, "posts": 0, "reports": 0 })
    );
    let elsewhere = "/v1/moderation/queue/counts?site=elsewhere";
    let none = app
        .admin_ok(Method::GET, elsewhere, None, StatusCode::OK)
        .await;
    assert_eq!(none["total"], 0);
    decide(&app, &format!("/v1/moderation/ideas/{first}/approve"), None).await;
    let counts = app
        .admin_ok(
            Method::GET,
            "/v1/moderation/queue/counts?site=acme",
            None,
            StatusCode::OK,
        )
        .await;
    assert_eq!(
        (counts["total"].as_u64(), counts["ideas"].as_u64()),
        (Some(2), Some(1))
    );

    // Bad filters are refused; so is a look without the key.
    for bad in ["?order=sideways", "?board=Not%20a%20slug", "?feed=%2F"] {
        let response = app
            .admin(Method::GET, &format!("/v1/moderation/queue{bad}"), None)
            .await;
        response.assert_error(StatusCode::BAD_REQUEST, "bad_request");
    }
    app.get("/v1/moderation/queue/counts", None)
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthorized");
}

async fn bad_decisions_are_refused(backend: Backend) {
    let app = moderated_app(backend).await;
    let idea = app
        .create_idea(REVIEWED_BOARD, "Resoleable boots", &visitor(1))
        .await;
    let reject = format!("/v1/moderation/ideas/{idea}/reject");
    let body = app.admin(Method::POST, &reject, None).await;
    let json = body.assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(json["error"]["fields"]["reason"][0], "required");
    app.admin(Method::POST, &reject, Some(json!({ "reason": "  " })))
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    app.admin(
        Method::POST,
        &reject,
        Some(json!({ "reason": "x".repeat(501) })),
    )
    .await
    .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    app.admin(Method::POST, &reject, Some(json!({ "why": "spam" })))
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    for uri in [
        "/v1/moderation/posters/1/approve".to_owned(),
        "/v1/moderation/ideas/999/approve".to_owned(),
        "/v1/moderation/ideas/abc/approve".to_owned(),
        "/v1/moderation/comments/999/reject".to_owned(),
    ] {
        app.admin(Method::POST, &uri, Some(json!({ "reason": "spam" })))
            .await
            .assert_error(StatusCode::NOT_FOUND, "not_found");
    }
    for query in [
        "?kind=posters",
        "?limit=0",
        "?cursor=garbage",
        "?cursor=2026-01-01T00:00:00.000Z~ideas~0",
        "?site=a%00b",
        "?site=Not%20A%20Slug",
    ] {
        app.admin(Method::GET, &format!("/v1/moderation/queue{query}"), None)
            .await
            .assert_error(StatusCode::BAD_REQUEST, "bad_request");
    }
    for query in ["?cursor=x", "?site=a%00b", "?limit=0"] {
        app.admin(Method::GET, &format!("/v1/moderation/log{query}"), None)
            .await
            .assert_error(StatusCode::BAD_REQUEST, "bad_request");
    }
    // The idea still waits.
    assert_eq!(ids(&queue(&app, "").await), [idea]);
}

async fn the_log_pages_newest_first_and_filters_by_site(backend: Backend) {
    let app = moderated_app(backend).await;
    for n in 0..3 {
        let idea = app
            .create_idea(REVIEWED_BOARD, &format!("Idea number {n}"), &visitor(n))
            .await;
        decide(&app, &format!("/v1/moderation/ideas/{idea}/approve"), None).await;
    }
    let first = app
        .admin_ok(
            Method::GET,
            "/v1/moderation/log?limit=2&site=acme",
            None,
            StatusCode::OK,
        )
        .await;
    assert_eq!(first["items"].as_array().unwrap().len(), 2);
    let cursor = first["next_cursor"].as_str().unwrap();
    let uri = format!("/v1/moderation/log?limit=2&site=acme&cursor={cursor}");
    let second = app.admin_ok(Method::GET, &uri, None, StatusCode::OK).await;
    assert_eq!(second["items"].as_array().unwrap().len(), 1);
    assert_eq!(second["next_cursor"], Value::Null);
    let numbers: Vec<i64> = ids(&first).iter().map(|id| id.parse().unwrap()).collect();
    assert!(numbers[0] > numbers[1], "newest first: {numbers:?}");
    let other = app
        .admin_ok(
            Method::GET,
            "/v1/moderation/log?site=nobody",
            None,
            StatusCode::OK,
        )
        .await;
    assert!(ids(&other).is_empty());
}

on_both_backends!(
    reopening_takes_a_decision_back,
    the_queue_orders_newest_first_filters_by_board_and_counts,
    premoderated_ideas_wait_oldest_first_with_why,
    approval_lists_an_idea_and_rejection_keeps_it_hidden,
    premoderated_comments_wait_and_count_once_approved,
    bad_decisions_are_refused,
    the_log_pages_newest_first_and_filters_by_site,
);
