//! Comments: one-level threads, oldest first, paginated by top-level comment; counts kept by
//! triggers; every refusal with its contract error.

use axum::http::{Method, StatusCode};
use kindred_api::{Comment, Page};
use serde_json::{json, Value};

use crate::common::{
    on_both_backends, visitor, Backend, TestApp, TestResponse, MEMBERS_BOARD, OPEN_BOARD,
};

impl TestApp {
    /// Posts `body` (a JSON object) as a comment on `idea` as `who`.
    async fn comment(&self, idea: &str, who: Option<&str>, body: Value) -> TestResponse {
        let uri = format!("/v1/ideas/{idea}/comments");
        self.send_json(Method::POST, &uri, who, &body).await
    }

    /// Posts a comment that must be accepted, answering it.
    async fn commented(&self, idea: &str, text: &str, parent: Option<&str>) -> Comment {
        let response = self
            .comment(
                idea,
                Some(&visitor(7)),
                json!({ "body": text, "parent_id": parent }),
            )
            .await;
        assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
        serde_json::from_slice(&response.body).unwrap()
    }

    /// A page of `idea`'s thread at `query`.
    async fn thread(&self, idea: &str, query: &str) -> Page<Comment> {
        let response = self
            .get(&format!("/v1/ideas/{idea}/comments{query}"), None)
            .await;
        assert_eq!(response.status, StatusCode::OK, "{}", response.text());
        serde_json::from_slice(&response.body).unwrap()
    }
}

async fn threads_nest_replies_under_their_comment(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let idea = app
        .create_idea(OPEN_BOARD, "Reflective laces", &visitor(1))
        .await;
    let first = app.commented(&idea, "  Yes please  ", None).await;
    assert_eq!(first.body, "Yes please");
    assert_eq!(first.author.name, "Anonymous hiker");
    assert_eq!(first.parent_id, None);
    let second = app.commented(&idea, "Glow in the dark too?", None).await;
    let reply = app.commented(&idea, "Agreed", Some(&first.id)).await;
    assert_eq!(reply.parent_id.as_deref(), Some(first.id.as_str()));

    let page = app.thread(&idea, "").await;
    assert_eq!(page.next_cursor, None);
    let ids: Vec<_> = page.items.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, [first.id.as_str(), second.id.as_str()]);
    assert_eq!(page.items[0].replies, [reply]);
    assert!(page.items[1].replies.is_empty());

    let shown = app.get(&format!("/v1/ideas/{idea}"), None).await.json();
    assert_eq!(shown["comment_count"], 3);
}

async fn threads_page_by_top_level_comment(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let idea = app
        .create_idea(OPEN_BOARD, "Reflective laces", &visitor(1))
        .await;
    let mut top = Vec::new();
    for n in 0..3 {
        top.push(app.commented(&idea, &format!("Comment {n}"), None).await);
    }
    // Replies arrive after later top-level comments and still land under their own.
    let late = app.commented(&idea, "Late reply", Some(&top[0].id)).await;
    let last = app.commented(&idea, "Last reply", Some(&top[2].id)).await;

    let first = app.thread(&idea, "?limit=2").await;
    assert_eq!(first.items.len(), 2);
    assert_eq!(first.items[0].replies, [late]);
    let cursor = first.next_cursor.expect("a second page");
    let second = app
        .thread(&idea, &format!("?limit=2&cursor={cursor}"))
        .await;
    assert_eq!(second.items.len(), 1);
    assert_eq!(second.items[0].id, top[2].id);
    assert_eq!(second.items[0].replies, [last]);
    assert_eq!(second.next_cursor, None);
    assert!(app.thread(&idea, "?cursor=").await.items.len() == 3);
}

async fn comment_counts_follow_the_rows(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let idea = app
        .create_idea(OPEN_BOARD, "Reflective laces", &visitor(1))
        .await;
    let first = app.commented(&idea, "First", None).await;
    app.commented(&idea, "Reply", Some(&first.id)).await;
    app.commented(&idea, "Second", None).await;
    let drift = "SELECT COUNT(*) FROM ideas i WHERE i.comment_count <>
                 (SELECT COUNT(*) FROM comments c WHERE c.idea_id = i.id)";
    assert_eq!(app.scalar(drift).await, 0);
    // Deleting a top-level comment takes its replies with it, and the count follows.
    app.execute(&format!("DELETE FROM comments WHERE id = {}", first.id))
        .await;
    assert_eq!(app.scalar(drift).await, 0);
    assert_eq!(app.scalar("SELECT comment_count FROM ideas").await, 1);
    // The schema refuses a reply to a reply even when the API is bypassed.
    let reply = app.commented(&idea, "Top", None).await;
    let nested = app.commented(&idea, "Reply", Some(&reply.id)).await;
    let insert = format!(
        "INSERT INTO comments (idea_id, parent_id, body, author_name)
         VALUES ({idea}, {}, 'Deep', 'Someone')",
        nested.id
    );
    assert!(app.try_execute(&insert).await.is_err());
}

async fn comment_refusals(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let idea = app
        .create_idea(OPEN_BOARD, "Reflective laces", &visitor(1))
        .await;
    let top = app.commented(&idea, "Top", None).await;
    let reply = app.commented(&idea, "Reply", Some(&top.id)).await;
    let me = visitor(2);
    let ok = json!({ "body": "Hello" });

    app.comment(&idea, None, ok.clone())
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthorized");
    for unknown in ["999", "abc", "0"] {
        app.comment(unknown, Some(&me), ok.clone())
            .await
            .assert_error(StatusCode::NOT_FOUND, "not_found");
        app.get(&format!("/v1/ideas/{unknown}/comments"), None)
            .await
            .assert_error(StatusCode::NOT_FOUND, "not_found");
    }

    let field = |body: Value, name: &str, code: &str| {
        let (app, idea, me) = (&app, idea.clone(), me.clone());
        let (name, code) = (name.to_owned(), code.to_owned());
        async move {
            let error = app
                .comment(&idea, Some(&me), body)
                .await
                .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
            assert_eq!(error["error"]["fields"][&name], json!([code]), "{error}");
        }
    };
    field(json!({ "body": "   " }), "body", "required").await;
    field(json!({ "body": "x".repeat(2001) }), "body", "too_long").await;
    field(
        json!({ "body": "Hi", "parent_id": reply.id }),
        "parent_id",
        "nested_reply",
    )
    .await;
    field(
        json!({ "body": "Hi", "parent_id": "424242" }),
        "parent_id",
        "invalid",
    )
    .await;
    field(
        json!({ "body": "Hi", "parent_id": "x" }),
        "parent_id",
        "invalid",
    )
    .await;
    field(
        json!({ "body": "Hi", "parent_id": " " }),
        "parent_id",
        "invalid",
    )
    .await;
    let elsewhere = app
        .create_idea(OPEN_BOARD, "Brighter colours", &visitor(1))
        .await;
    let other = app.commented(&elsewhere, "On another idea", None).await;
    field(
        json!({ "body": "Hi", "parent_id": other.id }),
        "parent_id",
        "invalid",
    )
    .await;
    app.comment(&idea, Some(&me), json!({ "body": "Hi", "html": "<b>" }))
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");

    for bad in ["?cursor=abc", "?cursor=-1", "?limit=0", "?limit=x"] {
        app.get(&format!("/v1/ideas/{idea}/comments{bad}"), None)
            .await
            .assert_error(StatusCode::BAD_REQUEST, "bad_request");
    }

    // Members-only boards take comments from signed-in users only.
    app.execute(&format!(
        "UPDATE ideas SET board_id = (SELECT id FROM boards WHERE slug = '{MEMBERS_BOARD}')"
    ))
    .await;
    app.comment(&idea, Some(&me), ok.clone())
        .await
        .assert_error(StatusCode::FORBIDDEN, "forbidden");
    // An idea waiting for review has no public thread.
    app.execute("UPDATE ideas SET pending_review = true").await;
    app.get(&format!("/v1/ideas/{idea}/comments"), None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM comments").await, 3);
}

on_both_backends!(
    threads_nest_replies_under_their_comment,
    threads_page_by_top_level_comment,
    comment_counts_follow_the_rows,
    comment_refusals,
);
