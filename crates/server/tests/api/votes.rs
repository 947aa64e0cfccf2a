//! Voting: identity required, idempotent in both directions, counts equal to the rows.

use axum::http::StatusCode;
use kindred_api::{Idea, Page, VoteState};
use kindred_server::error::ResultExt;
use kindred_server::Error;
use serde_json::json;

use crate::common::{visitor, TestApp, MEMBERS_BOARD, OPEN_BOARD};

fn state(response: &crate::common::TestResponse) -> VoteState {
    assert_eq!(response.status, StatusCode::OK, "{}", response.text());
    serde_json::from_slice(&response.body).unwrap()
}

#[tokio::test]
async fn voting_needs_a_valid_visitor_header() {
    let app = TestApp::with_boards().await;
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

#[tokio::test]
async fn votes_are_idempotent_both_ways() {
    let app = TestApp::with_boards().await;
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

#[tokio::test]
async fn voted_reflects_the_caller() {
    let app = TestApp::with_boards().await;
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

#[tokio::test]
async fn members_only_boards_refuse_anonymous_votes() {
    let app = TestApp::with_boards().await;
    sqlx::query(
        "INSERT INTO ideas (board_id, title, author_name)
         SELECT id, 'Staff idea', 'Staff' FROM boards WHERE slug = ?1",
    )
    .bind(MEMBERS_BOARD)
    .execute(&app.state.db)
    .await
    .unwrap();
    let id = app.scalar("SELECT MAX(id) FROM ideas").await.to_string();
    app.vote(&id, Some(&visitor(1)), true)
        .await
        .assert_error(StatusCode::FORBIDDEN, "forbidden");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM votes").await, 0);
}

#[tokio::test]
async fn the_database_keeps_counts_equal_to_rows() {
    let app = TestApp::with_boards().await;
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

    let drift = "SELECT COUNT(*) FROM ideas i
                 WHERE i.vote_count <> (SELECT COUNT(*) FROM votes v WHERE v.idea_id = i.id)";
    assert_eq!(app.scalar(drift).await, 0);
    assert_eq!(
        app.scalar(&format!("SELECT vote_count FROM ideas WHERE id = {a}"))
            .await,
        4
    );

    // Moving votes (as a merge of duplicates would) moves the counts.
    let (a_id, b_id): (i64, i64) = (a.parse().unwrap(), b.parse().unwrap());
    sqlx::query(
        "UPDATE votes SET idea_id = ?1
         WHERE idea_id = ?2 AND voter NOT IN (SELECT voter FROM votes WHERE idea_id = ?1)",
    )
    .bind(b_id)
    .bind(a_id)
    .execute(&app.state.db)
    .await
    .unwrap();
    assert_eq!(app.scalar(drift).await, 0);
    let counts: String = sqlx::query_scalar(
        "SELECT group_concat(vote_count) FROM (SELECT vote_count FROM ideas ORDER BY id)",
    )
    .fetch_one(&app.state.db)
    .await
    .unwrap();
    assert_eq!(counts, "1,4");

    // Counts cannot be smuggled in, and a second vote row cannot exist.
    let smuggled = sqlx::query(
        "INSERT INTO ideas (board_id, title, author_name, vote_count) VALUES (1, 'Cheat', 'x', 99)",
    )
    .execute(&app.state.db)
    .await;
    assert!(smuggled.is_err());
    let duplicate = sqlx::query("INSERT INTO votes (idea_id, voter) VALUES (?1, ?2)")
        .bind(b_id)
        .bind(format!("visitor:{}", visitor(1)))
        .execute(&app.state.db)
        .await
        .conflict_on_unique("already voted");
    assert!(
        matches!(duplicate, Err(Error::Conflict(_))),
        "{duplicate:?}"
    );

    // Deleting an idea takes its votes with it.
    sqlx::query("DELETE FROM ideas WHERE id = ?1")
        .bind(b_id)
        .execute(&app.state.db)
        .await
        .unwrap();
    assert_eq!(app.scalar("SELECT COUNT(*) FROM votes").await, 1);
    assert_eq!(app.scalar(drift).await, 0);
    let json = app.get(&format!("/v1/ideas/{b}"), None).await.json();
    assert_eq!(json["error"]["code"], json!("not_found"));
}
