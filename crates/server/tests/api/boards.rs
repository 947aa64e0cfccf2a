//! Board rules: anonymous posts and votes allowed separately, vote caps, premoderation.

use axum::http::{Method, StatusCode};
use kindred_server::store::boards::BoardRules;
use serde_json::json;

use crate::common::{on_both_backends, visitor, Backend, TestApp};

async fn posting_and_voting_are_allowed_separately(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let posts_only = BoardRules {
        allow_anonymous_votes: false,
        ..BoardRules::OPEN
    };
    let votes_only = BoardRules {
        allow_anonymous_posts: false,
        ..BoardRules::OPEN
    };
    app.add_board("posts-only", posts_only).await;
    app.add_board("votes-only", votes_only).await;

    let idea = app
        .create_idea("posts-only", "Reflective laces", &visitor(1))
        .await;
    let refused = app.vote(&idea, Some(&visitor(2)), true).await;
    let body = refused.assert_error(StatusCode::FORBIDDEN, "forbidden");
    assert!(body["error"]["message"].as_str().unwrap().contains("votes"));

    let refused = app
        .send_json(
            Method::POST,
            "/v1/boards/votes-only/ideas",
            Some(&visitor(1)),
            &json!({ "title": "Brighter colours" }),
        )
        .await;
    refused.assert_error(StatusCode::FORBIDDEN, "forbidden");
    // An idea that got there while posting was open takes anonymous votes all the same.
    let open_posts = "UPDATE boards SET allow_anonymous_posts = true WHERE slug = 'votes-only'";
    app.execute(open_posts).await;
    let idea = app
        .create_idea("votes-only", "Brighter colours", &visitor(1))
        .await;
    app.execute(&open_posts.replace("true", "false")).await;
    let voted = app.vote(&idea, Some(&visitor(2)), true).await;
    assert_eq!(voted.status, StatusCode::OK, "{}", voted.text());
}

async fn the_vote_cap_counts_ideas_on_the_board(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let capped = BoardRules {
        vote_cap: Some(2),
        ..BoardRules::OPEN
    };
    app.add_board("capped", capped).await;
    let author = visitor(1);
    let mut ideas = Vec::new();
    for title in ["Reflective laces", "Brighter colours", "Wider toe box"] {
        ideas.push(app.create_idea("capped", title, &author).await);
    }
    let elsewhere = app.create_idea("ideas", "Softer collar", &author).await;
    let me = visitor(2);
    for idea in [&ideas[0], &ideas[1], &elsewhere] {
        assert_eq!(app.vote(idea, Some(&me), true).await.status, StatusCode::OK);
    }

    let refused = app.vote(&ideas[2], Some(&me), true).await;
    let body = refused.assert_error(StatusCode::CONFLICT, "conflict");
    assert!(body["error"]["message"].as_str().unwrap().contains('2'));
    // A repeat of a vote already counted is still idempotent, and others have their own cap.
    assert_eq!(
        app.vote(&ideas[1], Some(&me), true).await.status,
        StatusCode::OK
    );
    let other = app.vote(&ideas[2], Some(&visitor(3)), true).await;
    assert_eq!(other.status, StatusCode::OK);
    // Withdrawing one vote frees a place.
    assert_eq!(
        app.vote(&ideas[0], Some(&me), false).await.status,
        StatusCode::OK
    );
    assert_eq!(
        app.vote(&ideas[2], Some(&me), true).await.status,
        StatusCode::OK
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM votes WHERE voter LIKE 'visitor:5eed0002%'")
            .await,
        3
    );
}

async fn premoderated_ideas_wait_unlisted(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let reviewed = BoardRules {
        premoderation: true,
        ..BoardRules::OPEN
    };
    app.add_board("reviewed", reviewed).await;
    let author = visitor(1);
    let created = app
        .send_json(
            Method::POST,
            "/v1/boards/reviewed/ideas",
            Some(&author),
            &json!({ "title": "Reflective laces" }),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text());
    let idea = created.json();
    assert_eq!(idea["pending_review"], true);
    let id = idea["id"].as_str().unwrap();

    let listed = app.get("/v1/boards/reviewed/ideas", Some(&author)).await;
    assert_eq!(listed.json()["items"], json!([]));
    let own = app.get(&format!("/v1/ideas/{id}"), Some(&author)).await;
    assert_eq!(own.status, StatusCode::OK);
    assert_eq!(own.json()["pending_review"], true);
    for stranger in [None, Some(visitor(2))] {
        app.get(&format!("/v1/ideas/{id}"), stranger.as_deref())
            .await
            .assert_error(StatusCode::NOT_FOUND, "not_found");
    }
    app.vote(id, Some(&visitor(2)), true)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");

    // Once approved it is an ordinary idea, and the flag is no longer sent.
    app.execute("UPDATE ideas SET pending_review = false").await;
    let listed = app.get("/v1/boards/reviewed/ideas", None).await.json();
    assert_eq!(listed["items"][0]["id"], id);
    assert!(listed["items"][0].get("pending_review").is_none());
}

on_both_backends!(
    posting_and_voting_are_allowed_separately,
    the_vote_cap_counts_ideas_on_the_board,
    premoderated_ideas_wait_unlisted,
);
