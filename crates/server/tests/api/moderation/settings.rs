//! Sites and boards through the moderation API: every setting, validated; CORS follows origin
//! changes at once; the SSO secret is write-only, the SSO public key readable; the widget's start-up configuration carries
//! the theme and feature flags.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use serde_json::{json, Value};

use super::moderated_app;
use crate::common::{
    on_both_backends, public_key_pem, visitor, Backend, TestApp, OPEN_BOARD, SHOP_ORIGIN,
};

async fn allowed_origin(app: &TestApp, origin: &str) -> Option<String> {
    let response = app
        .send(
            Request::get("/v1/sites/acme")
                .header(header::ORIGIN, origin)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    response
        .header("access-control-allow-origin")
        .map(str::to_owned)
}

async fn site_settings_round_trip_and_cors_follows_at_once(backend: Backend) {
    let app = moderated_app(backend).await;
    let uri = "/v1/moderation/sites/acme";
    let site = app.admin_ok(Method::GET, uri, None, StatusCode::OK).await;
    assert_eq!(site["slug"], "acme");
    assert_eq!(site["origins"], json!([SHOP_ORIGIN]));
    assert_eq!(site["sso_secret_set"], false);
    assert_eq!(site["sso_public_key"], Value::Null);
    assert_eq!(
        site["features"],
        json!({ "comments": true, "idea_submissions": true })
    );

    let new_origin = "https://new.acme.test:8443";
    let key = ed25519_dalek::SigningKey::from_bytes(&[7; 32]).verifying_key();
    let update = json!({
        "name": "Acme Outdoor EU",
        "locale": "de-CH",
        "origins": ["HTTPS://New.Acme.test:8443/"],
        "sso_secret": "a-brand-new-secret-123",
        "sso_public_key": public_key_pem(&key),
        "theme": { "--kindred-accent": "#0a7", "--kindred-radius": "8px" },
        "features": { "comments": false, "idea_submissions": true },
    });
    let site = app
        .admin_ok(Method::PUT, uri, Some(update), StatusCode::OK)
        .await;
    assert_eq!(site["name"], "Acme Outdoor EU");
    assert_eq!(site["locale"], "de-CH");
    assert_eq!(site["origins"], json!([new_origin]));
    assert_eq!(site["sso_secret_set"], true);
    assert!(!site.to_string().contains("a-brand-new-secret-123"));
    // The public key is not secret: answered as the base64 of its 32 bytes.
    assert_eq!(site["sso_public_key"], STANDARD.encode(key.as_bytes()));
    assert_eq!(site["theme"]["--kindred-accent"], "#0a7");

    // CORS changed without a restart.
    assert_eq!(
        allowed_origin(&app, new_origin).await.as_deref(),
        Some(new_origin)
    );
    assert_eq!(allowed_origin(&app, SHOP_ORIGIN).await, None);

    // The widget's configuration carries theme and features.
    let config = app.get("/v1/sites/acme", None).await.json();
    assert_eq!(config["name"], "Acme Outdoor EU");
    assert_eq!(
        config["theme"],
        json!({ "--kindred-accent": "#0a7", "--kindred-radius": "8px" })
    );
    assert_eq!(config["features"]["comments"], false);

    // Absent fields stay; `null` clears the secret.
    let site = app
        .admin_ok(
            Method::PUT,
            uri,
            Some(json!({ "sso_secret": null, "sso_public_key": null })),
            StatusCode::OK,
        )
        .await;
    assert_eq!(site["sso_secret_set"], false);
    assert_eq!(site["sso_public_key"], Value::Null);
    assert_eq!(site["name"], "Acme Outdoor EU");
    assert_eq!(site["origins"], json!([new_origin]));
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM sites WHERE sso_secret IS NOT NULL OR sso_public_key IS NOT NULL"
        )
        .await,
        0
    );
}

async fn sites_are_created_and_listed(backend: Backend) {
    let app = moderated_app(backend).await;
    let key = ed25519_dalek::SigningKey::from_bytes(&[9; 32]).verifying_key();
    let body = json!({
        "slug": "trail",
        "name": "Trail Co",
        "origins": ["https://trail.test"],
        "sso_secret": "trail-secret-0123456789",
        "sso_public_key": URL_SAFE_NO_PAD.encode(key.as_bytes()),
        "theme": { "--kindred-accent": "rebeccapurple" },
    });
    let response = app
        .admin(Method::POST, "/v1/moderation/sites", Some(body.clone()))
        .await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    assert_eq!(
        response.header("location"),
        Some("/v1/moderation/sites/trail")
    );
    let site = response.json();
    assert_eq!(site["locale"], "en");
    assert_eq!(site["anonymous_author"], "Anonymous");
    assert_eq!(site["sso_secret_set"], true);
    assert_eq!(site["sso_public_key"], STANDARD.encode(key.as_bytes()));
    assert_eq!(
        allowed_origin(&app, "https://trail.test").await.as_deref(),
        Some("https://trail.test")
    );
    app.admin(Method::POST, "/v1/moderation/sites", Some(body))
        .await
        .assert_error(StatusCode::CONFLICT, "conflict");

    let list = app
        .admin_ok(Method::GET, "/v1/moderation/sites", None, StatusCode::OK)
        .await;
    let slugs: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|site| site["slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, ["acme", "trail"]);
    assert_eq!(list["next_cursor"], Value::Null);
    for slug in ["nobody", "Not%20A%20Slug", "a%00b"] {
        app.admin(Method::GET, &format!("/v1/moderation/sites/{slug}"), None)
            .await
            .assert_error(StatusCode::NOT_FOUND, "not_found");
        app.admin(Method::GET, &format!("/v1/moderation/boards/{slug}"), None)
            .await
            .assert_error(StatusCode::NOT_FOUND, "not_found");
    }
    app.admin(
        Method::PUT,
        "/v1/moderation/sites/nobody",
        Some(json!({ "name": "X" })),
    )
    .await
    .assert_error(StatusCode::NOT_FOUND, "not_found");
}

async fn bad_site_settings_are_refused(backend: Backend) {
    let app = moderated_app(backend).await;
    let uri = "/v1/moderation/sites/acme";
    let cases = [
        (json!({ "name": "" }), "name"),
        (json!({ "name": "Acme\u{0}" }), "name"),
        (json!({ "locale": "en_US" }), "locale"),
        (json!({ "origins": ["https://shop.test/path"] }), "origins"),
        (json!({ "origins": ["javascript:alert(1)"] }), "origins"),
        (json!({ "sso_secret": "short" }), "sso_secret"),
        (json!({ "sso_public_key": "" }), "sso_public_key"),
        (json!({ "sso_public_key": "not a key" }), "sso_public_key"),
        // 31 bytes, then an RSA key's PEM header around an Ed25519 body.
        (
            json!({ "sso_public_key": STANDARD.encode([1; 31]) }),
            "sso_public_key",
        ),
        (
            json!({ "sso_public_key": "-----BEGIN RSA PUBLIC KEY-----\nAAAA\n-----END RSA PUBLIC KEY-----" }),
            "sso_public_key",
        ),
        (
            json!({ "sso_public_key": "A".repeat(2000) }),
            "sso_public_key",
        ),
        (json!({ "theme": { "color": "red" } }), "theme"),
        (
            json!({ "theme": { "--kindred-bg": "url(https://evil.test/x)" } }),
            "theme",
        ),
        (
            json!({ "theme": { "--kindred-bg": "red; position: fixed" } }),
            "theme",
        ),
        (
            json!({ "theme": { "--kindred-bg": "red}</style><script>" } }),
            "theme",
        ),
    ];
    for (body, field) in cases {
        let response = app.admin(Method::PUT, uri, Some(body.clone())).await;
        let json = response.assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert!(json["error"]["fields"][field].is_array(), "{body}: {json}");
    }
    app.admin(Method::PUT, uri, Some(json!({ "slug": "renamed" })))
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    app.admin(Method::PUT, uri, Some(json!({ "theme": "dark" })))
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    let bad_slug = json!({ "slug": "Not A Slug", "name": "X" });
    app.admin(Method::POST, "/v1/moderation/sites", Some(bad_slug))
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    // Nothing changed.
    let site = app.admin_ok(Method::GET, uri, None, StatusCode::OK).await;
    assert_eq!(site["origins"], json!([SHOP_ORIGIN]));
    assert_eq!(site["theme"], json!({}));
    assert_eq!(site["sso_public_key"], Value::Null);
}

async fn boards_are_managed_with_every_setting(backend: Backend) {
    let app = moderated_app(backend).await;
    let create = json!({
        "slug": "gear",
        "name": "Gear ideas",
        "description": "What should we make next?",
        "supporter_threshold": 50,
        "vote_cap": 3,
        "premoderation": true,
        "allow_anonymous_votes": false,
    });
    let response = app
        .admin(
            Method::POST,
            "/v1/moderation/sites/acme/boards",
            Some(create.clone()),
        )
        .await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    assert_eq!(
        response.header("location"),
        Some("/v1/moderation/boards/gear")
    );
    let board = response.json();
    assert_eq!(
        board,
        json!({
            "slug": "gear", "site": "acme", "name": "Gear ideas",
            "description": "What should we make next?", "supporter_threshold": 50,
            "vote_cap": 3, "premoderation": true, "premoderate_comments": false,
            "allow_anonymous_posts": true, "allow_anonymous_votes": false,
        })
    );
    app.admin(
        Method::POST,
        "/v1/moderation/sites/acme/boards",
        Some(create),
    )
    .await
    .assert_error(StatusCode::CONFLICT, "conflict");
    let list = app
        .admin_ok(
            Method::GET,
            "/v1/moderation/sites/acme/boards",
            None,
            StatusCode::OK,
        )
        .await;
    let slugs: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|board| board["slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, [OPEN_BOARD, "members", "reviewed", "gear"]);

    // The new board works on the public API with its rules.
    let idea = app
        .create_idea("gear", "Lighter tent poles", &visitor(1))
        .await;
    let shown = app
        .get(&format!("/v1/ideas/{idea}"), Some(&visitor(1)))
        .await
        .json();
    assert_eq!(shown["pending_review"], true);
    assert_eq!(shown["threshold"], 50);

    let update = json!({ "name": "Gear", "vote_cap": null, "premoderation": false, "slug": "kit" });
    let board = app
        .admin_ok(
            Method::PUT,
            "/v1/moderation/boards/gear",
            Some(update),
            StatusCode::OK,
        )
        .await;
    assert_eq!(board["slug"], "kit");
    assert_eq!(board["name"], "Gear");
    assert!(board.get("vote_cap").is_none());
    assert_eq!(board["supporter_threshold"], 50);
    assert_eq!(board["premoderation"], false);
    app.admin(Method::GET, "/v1/moderation/boards/gear", None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    app.admin(
        Method::PUT,
        "/v1/moderation/boards/kit",
        Some(json!({ "slug": OPEN_BOARD })),
    )
    .await
    .assert_error(StatusCode::CONFLICT, "conflict");
    for bad in [
        json!({ "vote_cap": 0 }),
        json!({ "slug": "A B" }),
        json!({ "name": "" }),
    ] {
        app.admin(Method::PUT, "/v1/moderation/boards/kit", Some(bad))
            .await
            .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    }

    app.admin_ok(
        Method::DELETE,
        "/v1/moderation/boards/kit",
        None,
        StatusCode::NO_CONTENT,
    )
    .await;
    app.get(&format!("/v1/ideas/{idea}"), None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    app.admin(Method::DELETE, "/v1/moderation/boards/kit", None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    app.admin(Method::GET, "/v1/moderation/sites/nobody/boards", None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
}

async fn switched_off_features_refuse_their_writes(backend: Backend) {
    let app = moderated_app(backend).await;
    let idea = app
        .create_idea(OPEN_BOARD, "Resoleable boots", &visitor(1))
        .await;
    let off = json!({ "features": { "comments": false, "idea_submissions": false } });
    app.admin_ok(
        Method::PUT,
        "/v1/moderation/sites/acme",
        Some(off),
        StatusCode::OK,
    )
    .await;
    app.post_comment(&idea, 2, "Yes please")
        .await
        .assert_error(StatusCode::FORBIDDEN, "forbidden");
    let uri = format!("/v1/boards/{OPEN_BOARD}/ideas");
    app.send_json(
        Method::POST,
        &uri,
        Some(&visitor(2)),
        &json!({ "title": "Wider toe box" }),
    )
    .await
    .assert_error(StatusCode::FORBIDDEN, "forbidden");
    // Reading and voting go on.
    assert_eq!(
        app.vote(&idea, Some(&visitor(2)), true).await.status,
        StatusCode::OK
    );
    let thread = app.get(&format!("/v1/ideas/{idea}/comments"), None).await;
    assert_eq!(thread.status, StatusCode::OK);

    let on = json!({ "features": { "comments": true } });
    app.admin_ok(
        Method::PUT,
        "/v1/moderation/sites/acme",
        Some(on),
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        app.post_comment(&idea, 2, "Yes please").await.status,
        StatusCode::CREATED
    );
}

on_both_backends!(
    switched_off_features_refuse_their_writes,
    site_settings_round_trip_and_cors_follows_at_once,
    sites_are_created_and_listed,
    bad_site_settings_are_refused,
    boards_are_managed_with_every_setting,
);
