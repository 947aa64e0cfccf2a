//! The honeypot field: a submission that fills it looks accepted but is never stored.

use axum::http::{Method, StatusCode};
use serde_json::json;

use crate::common::{on_both_backends, visitor, Backend, TestApp, OPEN_BOARD};

async fn a_filled_honeypot_looks_like_success_but_stores_nothing(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let uri = format!("/v1/boards/{OPEN_BOARD}/ideas");
    let response = app
        .send_json(
            Method::POST,
            &uri,
            Some(&visitor(1)),
            &json!({"title": "Cheap watches here", "body": "Click!", "tags": ["deal", "deal"],
                    "website": "https://spam.example"}),
        )
        .await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    let idea = response.json();
    assert_eq!(idea["title"], "Cheap watches here");
    assert_eq!(idea["status"], "open");
    assert_eq!(idea["tags"], json!(["deal"]));
    assert_eq!(idea["author"]["name"], "Anonymous hiker");
    assert!(idea["created_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(
        response.header("location"),
        Some(format!("/v1/ideas/{}", idea["id"].as_str().unwrap()).as_str())
    );
    assert_eq!(app.scalar("SELECT COUNT(*) FROM ideas").await, 0);

    // An empty honeypot is what people send, and their ideas are stored.
    let person = app
        .send_json(
            Method::POST,
            &uri,
            Some(&visitor(2)),
            &json!({"title": "Real idea from a person", "website": ""}),
        )
        .await;
    assert_eq!(person.status, StatusCode::CREATED);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM ideas").await, 1);
}

on_both_backends!(a_filled_honeypot_looks_like_success_but_stores_nothing);
