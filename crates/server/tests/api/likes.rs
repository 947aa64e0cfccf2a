//! Likes: identity required, idempotent in both directions, counts equal to the rows even
//! when many arrive at once.

use axum::body::Body;
use axum::http::{Method, StatusCode};
use kindred_api::{LikeState, PostId};

use crate::common::{on_both_backends, request, visitor, Backend, TestApp, TestResponse};
use crate::multipart::OPEN_FEED;

/// Counts the posts whose `like_count` differs from their like rows; the schema keeps it 0.
const DRIFT: &str = "SELECT COUNT(*) FROM posts p
                     WHERE p.like_count <> (SELECT COUNT(*) FROM post_likes l WHERE l.post_id = p.id)";

async fn like(app: &TestApp, post: &str, visitor: Option<&str>, liked: bool) -> TestResponse {
    let method = if liked { Method::PUT } else { Method::DELETE };
    let uri = format!("/v1/posts/{post}/like");
    app.send(request(method, &uri, visitor).body(Body::empty()).unwrap())
        .await
}

fn state(response: &TestResponse) -> LikeState {
    assert_eq!(response.status, StatusCode::OK, "{}", response.text());
    serde_json::from_slice(&response.body).unwrap()
}

async fn likes_are_idempotent_both_ways(backend: Backend) {
    let app = TestApp::with_feeds(backend).await;
    let post = app.create_post(OPEN_FEED, &visitor(1), "", "").await;
    let me = visitor(2);
    let liked = LikeState {
        post_id: PostId(post.clone()),
        like_count: 1,
        liked: true,
    };
    assert_eq!(state(&like(&app, &post, Some(&me), true).await), liked);
    assert_eq!(state(&like(&app, &post, Some(&me), true).await), liked);
    let shown = app
        .get(&format!("/v1/posts/{post}"), Some(&me))
        .await
        .json();
    assert_eq!(
        (shown["like_count"].as_u64(), shown["liked"].as_bool()),
        (Some(1), Some(true))
    );
    let anonymous = app.get(&format!("/v1/posts/{post}"), None).await.json();
    assert_eq!(anonymous["liked"], false);
    let unliked = LikeState {
        like_count: 0,
        liked: false,
        ..liked
    };
    assert_eq!(state(&like(&app, &post, Some(&me), false).await), unliked);
    assert_eq!(state(&like(&app, &post, Some(&me), false).await), unliked);
    assert_eq!(app.scalar(DRIFT).await, 0);
}

async fn likes_need_an_identity_and_a_listed_post(backend: Backend) {
    let app = TestApp::with_feeds(backend).await;
    let post = app.create_post(OPEN_FEED, &visitor(1), "", "").await;
    for liked in [true, false] {
        like(&app, &post, None, liked)
            .await
            .assert_error(StatusCode::UNAUTHORIZED, "unauthorized");
        for missing in ["999999", "0", "x"] {
            like(&app, missing, Some(&visitor(2)), liked)
                .await
                .assert_error(StatusCode::NOT_FOUND, "not_found");
        }
    }
    app.execute("UPDATE posts SET state = 'pending_review'")
        .await;
    like(&app, &post, Some(&visitor(2)), true)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM post_likes").await, 0);
}

async fn likes_arriving_together_are_all_counted(backend: Backend) {
    let app = TestApp::with_feeds(backend).await;
    let post = app.create_post(OPEN_FEED, &visitor(1), "", "").await;
    let likers: Vec<String> = (10..30).map(visitor).collect();
    let answers = futures_util::future::join_all(
        likers
            .iter()
            .chain(likers.iter().take(5))
            .map(|who| like(&app, &post, Some(who), true)),
    )
    .await;
    for answer in &answers {
        assert!(state(answer).liked);
    }
    let final_count = app
        .scalar(&format!("SELECT like_count FROM posts WHERE id = {post}"))
        .await;
    assert_eq!(final_count, 20);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM post_likes").await, 20);
    assert_eq!(app.scalar(DRIFT).await, 0);
}

on_both_backends!(
    likes_are_idempotent_both_ways,
    likes_need_an_identity_and_a_listed_post,
    likes_arriving_together_are_all_counted,
);
