//! Full-text search on idea lists: words in titles and bodies, the last one a prefix, combined
//! with every filter, order and cursor, and never an error for any text.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use crate::common::{on_both_backends, visitor, Backend, TestApp, OPEN_BOARD};

/// The titles of a list page at `query`, and its cursor.
async fn titles(app: &TestApp, query: &str) -> (Vec<String>, Value) {
    let response = app
        .get(&format!("/v1/boards/{OPEN_BOARD}/ideas?{query}"), None)
        .await;
    assert_eq!(
        response.status,
        StatusCode::OK,
        "{query}: {}",
        response.text()
    );
    let page = response.json();
    let titles = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|idea| idea["title"].as_str().unwrap().to_owned())
        .collect();
    (titles, page["next_cursor"].clone())
}

async fn fixture(backend: Backend) -> TestApp {
    let app = TestApp::with_boards(backend).await;
    for (title, body, tags) in [
        ("Reflective laces", "For dawn runs", json!(["safety"])),
        ("Laces that glow", "Glow in the dark", json!(["safety"])),
        ("Brighter colours", "With reflective strips", json!([])),
        ("Wider toe box", "More room for toes", json!(["fit"])),
    ] {
        let response = app
            .send_json(
                Method::POST,
                &format!("/v1/boards/{OPEN_BOARD}/ideas"),
                Some(&visitor(1)),
                &json!({ "title": title, "body": body, "tags": tags }),
            )
            .await;
        assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    }
    app
}

async fn search_matches_titles_and_bodies_by_word(backend: Backend) {
    let app = fixture(backend).await;
    // Newest first, so the expected orders read bottom-up from the fixture.
    let (found, _) = titles(&app, "sort=new&q=reflective").await;
    assert_eq!(found, ["Brighter colours", "Reflective laces"]);
    // The last word is a prefix, as it may still be being typed; case does not matter.
    let (found, _) = titles(&app, "sort=new&q=LAC").await;
    assert_eq!(found, ["Laces that glow", "Reflective laces"]);
    // Every word must occur.
    let (found, _) = titles(&app, "sort=new&q=glow%20laces").await;
    assert_eq!(found, ["Laces that glow"]);
    let (found, _) = titles(&app, "q=zebra").await;
    assert!(found.is_empty());
    // No words at all is no search.
    let (found, _) = titles(&app, "q=%20%2D%2A").await;
    assert_eq!(found.len(), 4);
}

async fn search_combines_with_filters_orders_and_cursors(backend: Backend) {
    let app = fixture(backend).await;
    let (found, _) = titles(&app, "sort=new&q=la&tag=safety").await;
    assert_eq!(found, ["Laces that glow", "Reflective laces"]);
    let (found, _) = titles(&app, "q=la&tag=fit").await;
    assert!(found.is_empty());

    // One page at a time, in the chosen order, the cursor carrying on within the results.
    let (first, cursor) = titles(&app, "sort=new&q=laces&limit=1").await;
    assert_eq!(first, ["Laces that glow"]);
    let cursor = cursor.as_str().unwrap().to_owned();
    let (second, end) = titles(&app, &format!("sort=new&q=laces&limit=1&cursor={cursor}")).await;
    assert_eq!(second, ["Reflective laces"]);
    assert_eq!(end, Value::Null);

    // Votes reorder `top` results as they do any list.
    let brighter = app
        .scalar("SELECT id FROM ideas WHERE title = 'Brighter colours'")
        .await;
    app.vote(&brighter.to_string(), Some(&visitor(2)), true)
        .await;
    let (found, _) = titles(&app, "sort=top&q=reflective").await;
    assert_eq!(found, ["Brighter colours", "Reflective laces"]);
}

async fn search_text_is_never_query_syntax(backend: Backend) {
    let app = fixture(backend).await;
    for hostile in [
        "%22",
        "%22laces",
        "laces%22%20OR%20%22",
        "AND",
        "NOT%20laces",
        "(laces",
        "laces)",
        "*",
        "la*",
        "NEAR(laces%20glow)",
        "title%3Alaces",
        "laces%20%26%20%7C%21",
        "%27",
        "%5E",
        "a%3A*",
        "%E2%80%94",
        "%F0%9F%91%9F",
    ] {
        let (found, _) = titles(&app, &format!("q={hostile}")).await;
        assert!(found.len() <= 4, "{hostile}");
    }
    // Syntax around words is only a separator.
    let (found, _) = titles(&app, "sort=new&q=%22reflective%22%20(laces*").await;
    assert_eq!(found, ["Reflective laces"]);
}

on_both_backends!(
    search_matches_titles_and_bodies_by_word,
    search_combines_with_filters_orders_and_cursors,
    search_text_is_never_query_syntax,
);
