//! Blocks: a blocked identity's writes on its site answer 403 until the block lapses or is
//! lifted; its reads, and its writes on other sites, go on.

use axum::http::{header, Method, StatusCode};
use kindred_server::sso::sign;
use serde_json::{json, Value};

use super::moderated_app;
use crate::common::{on_both_backends, request, visitor, Backend, TestApp, OPEN_BOARD};

fn visitor_key(n: u32) -> String {
    format!("visitor:{}", visitor(n))
}

async fn block(app: &TestApp, body: Value) -> Value {
    app.admin_ok(
        Method::POST,
        "/v1/moderation/sites/acme/blocks",
        Some(body),
        StatusCode::CREATED,
    )
    .await
}

async fn a_blocked_identity_cannot_write_but_can_read(backend: Backend) {
    let app = moderated_app(backend).await;
    let idea = app
        .create_idea(OPEN_BOARD, "Resoleable boots", &visitor(2))
        .await;
    let blocked = block(
        &app,
        json!({ "identity": visitor_key(1), "reason": "spam links" }),
    )
    .await;
    assert_eq!(blocked["identity"], visitor_key(1));
    assert_eq!(blocked["reason"], "spam links");
    assert!(blocked.get("expires_at").is_none());

    let who = Some(visitor(1));
    let refusals = [
        app.vote(&idea, who.as_deref(), true).await,
        app.vote(&idea, who.as_deref(), false).await,
        app.post_comment(&idea, 1, "Buy now").await,
        app.send_json(
            Method::POST,
            &format!("/v1/boards/{OPEN_BOARD}/ideas"),
            who.as_deref(),
            &json!({ "title": "Cheap watches" }),
        )
        .await,
    ];
    for response in refusals {
        let json = response.assert_error(StatusCode::FORBIDDEN, "forbidden");
        assert!(json["error"]["message"]
            .as_str()
            .unwrap()
            .contains("blocked"));
        assert!(!json["error"]["message"]
            .as_str()
            .unwrap()
            .contains("spam links"));
    }
    // Reads go on, and others still write.
    let listed = app
        .get(&format!("/v1/boards/{OPEN_BOARD}/ideas"), who.as_deref())
        .await;
    assert_eq!(listed.status, StatusCode::OK);
    assert_eq!(
        app.get(&format!("/v1/ideas/{idea}"), who.as_deref())
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        app.vote(&idea, Some(&visitor(3)), true).await.status,
        StatusCode::OK
    );

    let list = app
        .admin_ok(
            Method::GET,
            "/v1/moderation/sites/acme/blocks",
            None,
            StatusCode::OK,
        )
        .await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert_eq!(list["items"][0]["identity"], visitor_key(1));

    let uri = format!("/v1/moderation/sites/acme/blocks/{}", visitor_key(1));
    app.admin_ok(Method::DELETE, &uri, None, StatusCode::NO_CONTENT)
        .await;
    assert_eq!(
        app.vote(&idea, who.as_deref(), true).await.status,
        StatusCode::OK
    );
    app.admin(Method::DELETE, &uri, None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");

    let log = app
        .admin_ok(Method::GET, "/v1/moderation/log", None, StatusCode::OK)
        .await;
    assert_eq!(log["items"][0]["action"], "unblock");
    assert_eq!(log["items"][1]["action"], "block");
    assert_eq!(log["items"][1]["target_kind"], "identities");
}

async fn blocks_hold_for_signed_in_users_and_lapse(backend: Backend) {
    let app = moderated_app(backend).await;
    let idea = app
        .create_idea(OPEN_BOARD, "Resoleable boots", &visitor(2))
        .await;
    // A lapsed block blocks nothing; one that lapses later does.
    block(
        &app,
        json!({ "identity": visitor_key(1), "reason": "cool off", "expires_at": "2001-01-01T00:00:00Z" }),
    )
    .await;
    assert_eq!(
        app.vote(&idea, Some(&visitor(1)), true).await.status,
        StatusCode::OK
    );
    let later = block(
        &app,
        json!({ "identity": visitor_key(1), "reason": "cool off", "expires_at": "2999-01-01T00:00:00Z" }),
    )
    .await;
    assert_eq!(later["expires_at"], "2999-01-01T00:00:00.000Z");
    app.vote(&idea, Some(&visitor(1)), false)
        .await
        .assert_error(StatusCode::FORBIDDEN, "forbidden");

    // A user is blocked by their SSO subject.
    let secret = "an-sso-secret-of-some-length";
    let uri = "/v1/moderation/sites/acme";
    app.admin_ok(
        Method::PUT,
        uri,
        Some(json!({ "sso_secret": secret })),
        StatusCode::OK,
    )
    .await;
    block(&app, json!({ "identity": "user:u-9", "reason": "abuse" })).await;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let claims = json!({ "sub": "u-9", "aud": "acme", "exp": now + 600, "iat": now });
    let token = sign(&claims, secret.as_bytes());
    let response = app
        .send(
            request(Method::PUT, &format!("/v1/ideas/{idea}/vote"), None)
                .header(header::AUTHORIZATION, format!("Bearer {token}"))
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    response.assert_error(StatusCode::FORBIDDEN, "forbidden");
}

async fn bad_blocks_are_refused(backend: Backend) {
    let app = moderated_app(backend).await;
    let uri = "/v1/moderation/sites/acme/blocks";
    let cases = [
        (
            json!({ "identity": "visitor:nope", "reason": "x" }),
            "identity",
        ),
        (json!({ "identity": "someone", "reason": "x" }), "identity"),
        (
            json!({ "identity": visitor_key(1), "reason": " " }),
            "reason",
        ),
        (
            json!({ "identity": visitor_key(1), "reason": "x", "expires_at": "tomorrow" }),
            "expires_at",
        ),
        (
            json!({ "identity": visitor_key(1), "reason": "x", "expires_at": "2026-02-30T00:00:00Z" }),
            "expires_at",
        ),
        (
            json!({ "identity": visitor_key(1), "reason": "a\u{0}b" }),
            "reason",
        ),
    ];
    for (body, field) in cases {
        let response = app.admin(Method::POST, uri, Some(body)).await;
        let json = response.assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert!(json["error"]["fields"][field].is_array(), "{json}");
    }
    let body = json!({ "identity": visitor_key(1), "reason": "x" });
    app.admin(
        Method::POST,
        "/v1/moderation/sites/nobody/blocks",
        Some(body),
    )
    .await
    .assert_error(StatusCode::NOT_FOUND, "not_found");
    app.admin(Method::GET, "/v1/moderation/sites/nobody/blocks", None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    for uri in [
        "/v1/moderation/sites/acme/blocks/a%00b",
        "/v1/moderation/sites/acme/blocks/user:nobody",
    ] {
        app.admin(Method::DELETE, uri, None)
            .await
            .assert_error(StatusCode::NOT_FOUND, "not_found");
    }

    // Pages continue by identity.
    for n in 1..=3 {
        block(&app, json!({ "identity": visitor_key(n), "reason": "x" })).await;
    }
    let first = app
        .admin_ok(Method::GET, &format!("{uri}?limit=2"), None, StatusCode::OK)
        .await;
    let cursor = first["next_cursor"].as_str().unwrap();
    let second = app
        .admin_ok(
            Method::GET,
            &format!("{uri}?limit=2&cursor={cursor}"),
            None,
            StatusCode::OK,
        )
        .await;
    let mut all: Vec<Value> = first["items"].as_array().unwrap().clone();
    all.extend(second["items"].as_array().unwrap().clone());
    assert_eq!(all.len(), 3);
    assert_eq!(second["next_cursor"], Value::Null);
    app.admin(Method::GET, &format!("{uri}?cursor=a%00b"), None)
        .await
        .assert_error(StatusCode::BAD_REQUEST, "bad_request");
}

on_both_backends!(
    a_blocked_identity_cannot_write_but_can_read,
    blocks_hold_for_signed_in_users_and_lapse,
    bad_blocks_are_refused,
);
