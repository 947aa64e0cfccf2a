//! `GET /v1/sites/{site}` and `GET /healthz`.

use axum::http::StatusCode;
use kindred_api::SiteConfig;
use serde_json::json;

use crate::common::{on_both_backends, Backend, TestApp};

async fn site_config_lists_boards_in_order(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let response = app.get("/v1/sites/acme", None).await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(
        response.json(),
        json!({
            "id": "acme",
            "name": "Acme Outdoor",
            "locale": "en",
            "boards": [
                {
                    "slug": "ideas",
                    "name": "ideas",
                    "description": "",
                    "allow_anonymous_votes": true,
                    "allow_anonymous_posts": true,
                    "premoderation": false,
                },
                {
                    "slug": "members",
                    "name": "members",
                    "description": "",
                    "allow_anonymous_votes": false,
                    "allow_anonymous_posts": false,
                    "premoderation": false,
                },
            ],
            "forms": [],
            "theme": {},
            "features": { "comments": true, "idea_submissions": true },
            "feeds": [],
            "products": [],
        })
    );
}

async fn boards_tell_their_threshold_and_review(backend: Backend) {
    let app = TestApp::seeded(backend).await;
    let site: SiteConfig =
        serde_json::from_slice(&app.get("/v1/sites/ridgeline", None).await.body).unwrap();
    let rules: Vec<_> = site
        .boards
        .iter()
        .map(|board| (board.slug.as_str(), board.threshold, board.premoderation))
        .collect();
    assert_eq!(
        rules,
        [
            ("trail-shoes", Some(50), false),
            ("gear-and-apparel", None, true)
        ]
    );
    assert!(site
        .boards
        .iter()
        .all(|board| board.allow_anonymous_votes && board.allow_anonymous_posts));
}

async fn unknown_site_is_404(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    app.get("/v1/sites/nobody", None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
}

async fn health_answers_ok(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let response = app.get("/healthz", None).await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(response.json(), json!({ "status": "ok" }));
}

on_both_backends!(
    site_config_lists_boards_in_order,
    boards_tell_their_threshold_and_review,
    unknown_site_is_404,
    health_answers_ok,
);
