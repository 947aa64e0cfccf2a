//! Feed management: create, read, update and delete feeds with their settings; bad fields,
//! taken slugs and unknown feeds are refused; a changed setting applies to the next post.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use super::{feeds_app, ids};
use crate::common::{on_both_backends, visitor, Backend};
use crate::multipart::{form, png, post_parts, OPEN_FEED, REVIEWED_FEED};

async fn feeds_are_created_listed_changed_and_deleted(backend: Backend) {
    let app = feeds_app(backend).await;
    let response = app
        .admin(
            Method::POST,
            "/v1/moderation/sites/acme/feeds",
            Some(
                json!({ "slug": "trail", "name": " Trail photos ", "description": "Out there",
                         "consent": " I took it and Acme may show it. " }),
            ),
        )
        .await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    assert_eq!(
        response.header("location"),
        Some("/v1/moderation/feeds/trail")
    );
    assert_eq!(
        response.json(),
        json!({
            "slug": "trail", "site": "acme", "name": "Trail photos", "description": "Out there",
            "premoderation": false, "report_threshold": 3, "allow_anonymous_posts": true,
            "consent": "I took it and Acme may show it.", "position": 3
        })
    );

    let list = app
        .admin_ok(
            Method::GET,
            "/v1/moderation/sites/acme/feeds",
            None,
            StatusCode::OK,
        )
        .await;
    let slugs: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|feed| feed["slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, [OPEN_FEED, "members-photos", REVIEWED_FEED, "trail"]);
    assert_eq!(list["next_cursor"], Value::Null);

    let changed = app
        .admin_ok(
            Method::PUT,
            "/v1/moderation/feeds/trail",
            Some(json!({ "slug": "trails", "report_threshold": 5, "position": 0 })),
            StatusCode::OK,
        )
        .await;
    assert_eq!(changed["slug"], "trails");
    assert_eq!(changed["report_threshold"], 5);
    assert_eq!(changed["name"], "Trail photos");
    assert_eq!(changed["consent"], "I took it and Acme may show it.");
    let site = app.get("/v1/sites/acme", None).await.json();
    let to_visitors = &site["feeds"].as_array().unwrap()[1];
    assert_eq!(to_visitors["slug"], "trails");
    assert_eq!(to_visitors["consent"], "I took it and Acme may show it.");
    let shown = app
        .admin_ok(
            Method::GET,
            "/v1/moderation/feeds/trails",
            None,
            StatusCode::OK,
        )
        .await;
    assert_eq!(shown, changed);
    let cleared = app
        .admin_ok(
            Method::PUT,
            "/v1/moderation/feeds/trails",
            Some(json!({ "consent": "" })),
            StatusCode::OK,
        )
        .await;
    assert_eq!(cleared["consent"], "");
    app.admin(Method::GET, "/v1/moderation/feeds/trail", None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");

    // Deleting a feed takes its posts with it.
    app.create_post("trails", &visitor(1), "", "").await;
    app.admin_ok(
        Method::DELETE,
        "/v1/moderation/feeds/trails",
        None,
        StatusCode::NO_CONTENT,
    )
    .await;
    app.get("/v1/feeds/trails/posts", None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM posts").await, 0);
    app.admin(Method::DELETE, "/v1/moderation/feeds/trails", None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
}

async fn bad_feed_settings_are_refused(backend: Backend) {
    let app = feeds_app(backend).await;
    let create = "/v1/moderation/sites/acme/feeds";
    let response = app
        .admin(
            Method::POST,
            create,
            Some(json!({ "slug": "Bad Slug", "name": "", "report_threshold": 0 })),
        )
        .await;
    let error = response.assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        error["error"]["fields"],
        json!({ "slug": ["invalid"], "name": ["required"], "report_threshold": ["invalid"] })
    );
    app.admin(
        Method::POST,
        create,
        Some(json!({ "slug": OPEN_FEED, "name": "Again" })),
    )
    .await
    .assert_error(StatusCode::CONFLICT, "conflict");
    app.admin(
        Method::POST,
        "/v1/moderation/sites/nowhere/feeds",
        Some(json!({ "slug": "x", "name": "X" })),
    )
    .await
    .assert_error(StatusCode::NOT_FOUND, "not_found");
    app.admin(Method::GET, "/v1/moderation/sites/nowhere/feeds", None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");

    let update = format!("/v1/moderation/feeds/{OPEN_FEED}");
    app.admin(Method::PUT, &update, Some(json!({ "slug": REVIEWED_FEED })))
        .await
        .assert_error(StatusCode::CONFLICT, "conflict");
    let response = app
        .admin(
            Method::PUT,
            &update,
            Some(json!({ "description": "x".repeat(1001), "consent": "c".repeat(501) })),
        )
        .await;
    let error = response.assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(error["error"]["fields"]["description"], json!(["too_long"]));
    assert_eq!(error["error"]["fields"]["consent"], json!(["too_long"]));
    app.admin(Method::PUT, &update, Some(json!({ "colour": "red" })))
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    app.admin(Method::PUT, "/v1/moderation/feeds/nowhere", Some(json!({})))
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    app.admin_with_key(Method::GET, &update, None, None)
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthorized");
}

async fn changed_settings_apply_to_the_next_post(backend: Backend) {
    let app = feeds_app(backend).await;
    let update = format!("/v1/moderation/feeds/{OPEN_FEED}");
    app.admin_ok(
        Method::PUT,
        &update,
        Some(json!({ "premoderation": true })),
        StatusCode::OK,
    )
    .await;
    let post = app.create_post(OPEN_FEED, &visitor(1), "", "").await;
    let queue = app
        .admin_ok(
            Method::GET,
            "/v1/moderation/queue?kind=posts",
            None,
            StatusCode::OK,
        )
        .await;
    assert_eq!(ids(&queue), [post]);

    app.admin_ok(
        Method::PUT,
        &update,
        Some(json!({ "allow_anonymous_posts": false })),
        StatusCode::OK,
    )
    .await;
    let body = form(&post_parts(png(40, 30), "", ""));
    app.upload(OPEN_FEED, Some(&visitor(2)), body)
        .await
        .assert_error(StatusCode::FORBIDDEN, "forbidden");
}

on_both_backends!(
    feeds_are_created_listed_changed_and_deleted,
    bad_feed_settings_are_refused,
    changed_settings_apply_to_the_next_post,
);
