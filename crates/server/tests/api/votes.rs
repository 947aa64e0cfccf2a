//! Voting: identity required, idempotent in both directions, counts equal to the rows.

use axum::http::StatusCode;
use kindred_api::{Idea, Page, VoteState};
use kindred_server::error::ResultExt;
use kindred_server::Error;
use serde_json::json;

use crate::common::{
    on_both_backends, visitor, Backend, TestApp, DRIFT, MEMBERS_BOARD, OPEN_BOARD,
};

fn state(response: &crate::common::TestResponse) -> VoteState {
    assert_eq!(response.status, StatusCode::OK, "{}", response.text());
    serde_json::from_slice(&response.body).unwrap()
}

async fn voting_needs_a_valid_visitor_header(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let idea = app
        .create_idea(OPEN_BOARD, "Reflective laces", &visitor(1))
        .await;
    for cast in [true, false] {
        app.vote(&idea, None, cast)
            .await
            .assert_error(StatusCode::UNAUTHORIZED, "unauthorized");
        app.vote(&idea, Some("0f8fad5b-d9cb-169f-a165-70867728950e"), cast)
            .await
            .assert_error(StatusCode::UNAUTHORIZED, "unauthorized");
    }
    assert_eq!(app.scalar("SELECT COUNT(*) FROM votes").await, 0);
}

async fn votes_are_idempotent_both_ways(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let idea = app
        .create_idea(OPEN_BOARD, "Reflective laces", &visitor(1))
        .await;
    let me = visitor(2);
    let voted = VoteState {
        idea_id: kindred_api::IdeaId(idea.clone()),
        vote_count: 1,
        voted: true,
    };
    let unvoted = VoteState {
        vote_count: 0,
        voted: false,
        ..voted.clone()
    };

    assert_eq!(state(&app.vote(&idea, Some(&me), true).await), voted);
    assert_eq!(state(&app.vote(&idea, Some(&me), true).await), voted);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM votes").await, 1);

    assert_eq!(state(&app.vote(&idea, Some(&me), false).await), unvoted);
    assert_eq!(state(&app.vote(&idea, Some(&me), false).await), unvoted);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM votes").await, 0);

    // Someone else's vote is untouched by mine.
    app.vote(&idea, Some(&visitor(3)), true).await;
    let after = state(&app.vote(&idea, Some(&me), false).await);
    assert_eq!((after.vote_count, after.voted), (1, false));
    let after = state(&app.vote(&idea, Some(&me), true).await);
    assert_eq!((after.vote_count, after.voted), (2, true));
}

async fn voted_reflects_the_caller(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let liked = app
        .create_idea(OPEN_BOARD, "Reflective laces", &visitor(1))
        .await;
    let other = app
        .create_idea(OPEN_BOARD, "Brighter colours", &visitor(1))
        .await;
    let (me, you) = (visitor(10), visitor(11));
    app.vote(&liked, Some(&me), true).await;

    let detail = |who: Option<String>| {
        let app = &app;
        let liked = liked.clone();
        async move {
            let response = app.get(&format!("/v1/ideas/{liked}"), who.as_deref()).await;
            serde_json::from_slice::<Idea>(&response.body).unwrap()
        }
    };
    let mine = detail(Some(me.clone())).await;
    assert!(mine.voted);
    assert_eq!(mine.vote_count, 1);
    assert!(!detail(Some(you.clone())).await.voted);
    assert!(!detail(None).await.voted);

    let list = |who: Option<String>| {
        let app = &app;
        async move {
            let response = app
                .get(&format!("/v1/boards/{OPEN_BOARD}/ideas"), who.as_deref())
                .await;
            let page: Page<Idea> = serde_json::from_slice(&response.body).unwrap();
            page.items
                .into_iter()
                .map(|i| (i.id.0, i.voted))
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        list(Some(me.clone())).await,
        [(liked.clone(), true), (other.clone(), false)]
    );
    assert_eq!(
        list(Some(you)).await,
        [(liked.clone(), false), (other.clone(), false)]
    );
    assert_eq!(list(None).await, [(liked, false), (other, false)]);
}

async fn members_only_boards_refuse_anonymous_votes(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    app.execute(&format!(
        "INSERT INTO ideas (board_id, title, author_name)
         SELECT id, 'Staff idea', 'Staff' FROM boards WHERE slug = '{MEMBERS_BOARD}'"
    ))
    .await;
    let id = app.scalar("SELECT MAX(id) FROM ideas").await.to_string();
    app.vote(&id, Some(&visitor(1)), true)
        .await
        .assert_error(StatusCode::FORBIDDEN, "forbidden");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM votes").await, 0);
}

async fn the_database_keeps_counts_equal_to_rows(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let a = app
        .create_idea(OPEN_BOARD, "Idea with votes", &visitor(1))
        .await;
    let b = app
        .create_idea(OPEN_BOARD, "Another idea", &visitor(1))
        .await;
    for n in 0..5 {
        app.vote(&a, Some(&visitor(n)), true).await;
    }
    app.vote(&b, Some(&visitor(1)), true).await;
    app.vote(&a, Some(&visitor(3)), false).await;

    assert_eq!(app.scalar(DRIFT).await, 0);
    assert_eq!(
        app.scalar(&format!("SELECT vote_count FROM ideas WHERE id = {a}"))
            .await,
        4
    );

    // Moving votes (as a merge of duplicates would) moves the counts.
    let moved = app
        .execute(&format!(
            "UPDATE votes SET idea_id = {b}
             WHERE idea_id = {a} AND voter NOT IN (SELECT voter FROM votes WHERE idea_id = {b})"
        ))
        .await;
    assert_eq!(moved, 3);
    assert_eq!(app.scalar(DRIFT).await, 0);
    let count_of = |id: &str| format!("SELECT vote_count FROM ideas WHERE id = {id}");
    assert_eq!(app.scalar(&count_of(&a)).await, 1);
    assert_eq!(app.scalar(&count_of(&b)).await, 4);

    // Counts cannot be smuggled in, and a second vote row cannot exist.
    let smuggled = app
        .try_execute(
            "INSERT INTO ideas (board_id, title, author_name, vote_count)
             VALUES (1, 'Cheat', 'x', 99)",
        )
        .await;
    assert!(smuggled.is_err());
    let duplicate = app
        .try_execute(&format!(
            "INSERT INTO votes (idea_id, voter) VALUES ({b}, 'visitor:{}')",
            visitor(1)
        ))
        .await
        .conflict_on_unique("already voted");
    assert!(
        matches!(duplicate, Err(Error::Conflict(_))),
        "{duplicate:?}"
    );

    // Deleting an idea takes its votes with it.
    app.execute(&format!("DELETE FROM ideas WHERE id = {b}"))
        .await;
    assert_eq!(app.scalar("SELECT COUNT(*) FROM votes").await, 1);
    assert_eq!(app.scalar(DRIFT).await, 0);
    let json = app.get(&format!("/v1/ideas/{b}"), None).await.json();
    assert_eq!(json["error"]["code"], json!("not_found"));
}

on_both_backends!(
    voting_needs_a_valid_visitor_header,
    votes_are_idempotent_both_ways,
    voted_reflects_the_caller,
    members_only_boards_refuse_anonymous_votes,
    the_database_keeps_counts_equal_to_rows,
);
