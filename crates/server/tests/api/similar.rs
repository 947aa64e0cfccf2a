//! Similar ideas for duplicate detection: up to five listed ideas sharing words with a title
//! being typed, most relevant first, and never an error for any text.

use axum::http::{Method, StatusCode};
use kindred_api::{Page, SimilarIdea};
use serde_json::json;

use crate::common::{on_both_backends, visitor, Backend, TestApp, OPEN_BOARD};

async fn similar(app: &TestApp, q: &str) -> Vec<String> {
    let uri = format!("/v1/boards/{OPEN_BOARD}/ideas/similar?q={q}");
    let response = app.get(&uri, None).await;
    assert_eq!(response.status, StatusCode::OK, "{q}: {}", response.text());
    let page: Page<SimilarIdea> = serde_json::from_slice(&response.body).unwrap();
    assert_eq!(page.next_cursor, None);
    page.items.into_iter().map(|idea| idea.title).collect()
}

async fn similar_ideas_rank_by_relevance(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    for (title, body) in [
        ("Reflective laces", "Laces that shine in headlights"),
        ("Laces that glow in the dark", ""),
        ("Brighter colours", "Maybe reflective laces too"),
        ("Wider toe box", ""),
    ] {
        let created = app
            .send_json(
                Method::POST,
                &format!("/v1/boards/{OPEN_BOARD}/ideas"),
                Some(&visitor(1)),
                &json!({ "title": title, "body": body }),
            )
            .await;
        assert_eq!(created.status, StatusCode::CREATED);
    }
    let found = similar(&app, "reflective%20lac").await;
    assert_eq!(found[0], "Reflective laces");
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(!found.contains(&"Wider toe box".to_owned()));
    assert_eq!(similar(&app, "toe").await, ["Wider toe box"]);

    // Too short to mean anything, or no words at all: nothing, never an error.
    for q in ["", "la", "%20%20", "%22*(", "NEAR(", "%27%3A*", "a%20b"] {
        assert!(similar(&app, q).await.is_empty(), "{q}");
    }
    assert!(similar(&app, "zebra%20stripes").await.is_empty());

    // At most five, and ideas waiting for review are not offered.
    for n in 0..6 {
        app.create_idea(OPEN_BOARD, &format!("Trail lace number {n}"), &visitor(1))
            .await;
    }
    assert_eq!(similar(&app, "trail%20lace").await.len(), 5);
    app.execute("UPDATE ideas SET pending_review = true").await;
    assert!(similar(&app, "trail%20lace").await.is_empty());

    app.get("/v1/boards/nope/ideas/similar?q=laces", None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
}

on_both_backends!(similar_ideas_rank_by_relevance);
