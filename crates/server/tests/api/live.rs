//! `GET /v1/boards/{board}/events`: live updates over real HTTP, on one server and, on
//! PostgreSQL, across two servers sharing the database.

use std::time::Duration;

use axum::http::{Method, StatusCode};
use kindred_server::config::AdminKey;
use kindred_server::store::boards::BoardRules;
use kindred_server::AppState;
use serde_json::{json, Value};

use crate::common::{on_both_backends, visitor, Backend, RunningServer, TestApp, OPEN_BOARD};
use crate::multipart::{form, png, post_parts, OPEN_FEED, REVIEWED_FEED};

/// How long a test waits for an event before failing.
const PATIENCE: Duration = Duration::from_secs(10);

/// An open event stream, read event by event.
struct EventStream {
    response: reqwest::Response,
    buffer: String,
}

impl EventStream {
    async fn open(base: &str, board: &str) -> Self {
        Self::open_path(base, &format!("/v1/boards/{board}/events")).await
    }

    async fn open_path(base: &str, path: &str) -> Self {
        let response = reqwest::get(format!("{base}{path}")).await.unwrap();
        assert_eq!(response.status(), reqwest::StatusCode::OK);
        assert_eq!(
            response.headers()["content-type"].to_str().unwrap(),
            "text/event-stream"
        );
        Self {
            response,
            buffer: String::new(),
        }
    }

    /// The next event's name and JSON data, skipping comments and `retry` hints.
    async fn next(&mut self) -> (String, Value) {
        tokio::time::timeout(PATIENCE, async {
            loop {
                if let Some(end) = self.buffer.find("\n\n") {
                    let block: String = self.buffer.drain(..end + 2).collect();
                    let field = |name: &str| {
                        block
                            .lines()
                            .find_map(|line| line.strip_prefix(name))
                            .map(str::to_owned)
                    };
                    if let (Some(name), Some(data)) = (field("event: "), field("data: ")) {
                        return (name, serde_json::from_str(&data).unwrap());
                    }
                    continue;
                }
                let chunk = self.response.chunk().await.unwrap().expect("stream ended");
                self.buffer.push_str(std::str::from_utf8(&chunk).unwrap());
            }
        })
        .await
        .expect("no event in time")
    }
}

async fn vote_over_http(base: &str, idea: &str, voter: &str) {
    let response = reqwest::Client::new()
        .put(format!("{base}/v1/ideas/{idea}/vote"))
        .header(kindred_api::VISITOR_HEADER, voter)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::OK);
}

async fn votes_and_new_ideas_reach_the_boards_stream(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    app.add_board("other", BoardRules::OPEN).await;
    let idea = app
        .create_idea(OPEN_BOARD, "Wider toe box", &visitor(1))
        .await;
    let elsewhere = app.create_idea("other", "Gaiter hooks", &visitor(1)).await;
    let server = RunningServer::start(app.state.clone()).await;
    let mut stream = EventStream::open(&server.base, OPEN_BOARD).await;

    // A vote on another board is not this stream's business.
    vote_over_http(&server.base, &elsewhere, &visitor(2)).await;
    vote_over_http(&server.base, &idea, &visitor(2)).await;
    let (name, data) = stream.next().await;
    assert_eq!(name, "votes");
    assert_eq!(
        data,
        json!({ "type": "votes", "idea_id": idea, "vote_count": 1 })
    );

    let created = app
        .create_idea(OPEN_BOARD, "Reflective laces", &visitor(3))
        .await;
    let (name, data) = stream.next().await;
    assert_eq!(name, "idea");
    assert_eq!(data, json!({ "type": "idea", "idea_id": created }));
    server.stop().await;
}

async fn ideas_waiting_for_review_stay_off_the_stream(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let reviewed = BoardRules {
        premoderation: true,
        ..BoardRules::OPEN
    };
    app.add_board("reviewed", reviewed).await;
    let server = RunningServer::start(app.state.clone()).await;
    let mut stream = EventStream::open(&server.base, "reviewed").await;
    let pending = app
        .create_idea("reviewed", "Secret prototype", &visitor(1))
        .await;
    // Let a moderator's approval through by hand, then vote: the vote must be the first event.
    app.execute(&format!(
        "UPDATE ideas SET pending_review = FALSE WHERE id = {pending}"
    ))
    .await;
    vote_over_http(&server.base, &pending, &visitor(2)).await;
    let (name, data) = stream.next().await;
    assert_eq!(name, "votes", "{data}");
    server.stop().await;
}

async fn moderators_decisions_reach_the_stream(backend: Backend) {
    const KEY: &str = "live-test-admin-key";
    let app = TestApp::with_boards_configured(backend, |config| {
        config.admin_key = Some(AdminKey::new(KEY));
    })
    .await;
    let idea = app
        .create_idea(OPEN_BOARD, "Wider toe box", &visitor(1))
        .await;
    let server = RunningServer::start(app.state.clone()).await;
    let mut stream = EventStream::open(&server.base, OPEN_BOARD).await;
    let body = json!({ "status": "planned", "note": "Coming in spring" });
    let uri = format!("/v1/moderation/ideas/{idea}/status");
    let moved = app
        .send_bearer(Method::PUT, &uri, Some(KEY), None, Some(&body))
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.text());
    let (name, data) = stream.next().await;
    assert_eq!(name, "status");
    assert_eq!(
        data,
        json!({ "type": "status", "idea_id": idea, "status": "planned", "note": "Coming in spring" })
    );
    server.stop().await;
}

async fn likes_and_new_posts_reach_the_feeds_stream(backend: Backend) {
    let app = TestApp::with_feeds(backend).await;
    let server = RunningServer::start(app.state.clone()).await;
    let mut stream =
        EventStream::open_path(&server.base, &format!("/v1/feeds/{OPEN_FEED}/events")).await;
    let parts = post_parts(png(640, 480), "Fog on the #ridge", "summit-3");
    let created = app.upload(OPEN_FEED, Some(&visitor(1)), form(&parts)).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text());
    let post = created.json()["id"].as_str().unwrap().to_owned();
    let (name, data) = stream.next().await;
    assert_eq!(
        (name.as_str(), &data),
        ("post", &json!({ "type": "post", "post_id": post }))
    );

    let response = reqwest::Client::new()
        .put(format!("{}/v1/posts/{post}/like", server.base))
        .header(kindred_api::VISITOR_HEADER, visitor(2))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::OK);
    let (name, data) = stream.next().await;
    assert_eq!(name, "likes");
    assert_eq!(
        data,
        json!({ "type": "likes", "post_id": post, "like_count": 1 })
    );
    server.stop().await;
}

async fn approved_and_taken_down_posts_reach_the_feeds_stream(backend: Backend) {
    const KEY: &str = "live-test-admin-key";
    let app = TestApp::with_feeds_configured(backend, |config| {
        config.admin_key = Some(AdminKey::new(KEY));
    })
    .await;
    let post = app.create_post(REVIEWED_FEED, &visitor(1), "", "").await;
    let server = RunningServer::start(app.state.clone()).await;
    let mut stream =
        EventStream::open_path(&server.base, &format!("/v1/feeds/{REVIEWED_FEED}/events")).await;
    for (verdict, body) in [
        ("approve", None),
        ("reject", Some(json!({ "reason": "spam" }))),
    ] {
        let uri = format!("/v1/moderation/posts/{post}/{verdict}");
        let decided = app
            .send_bearer(Method::POST, &uri, Some(KEY), None, body.as_ref())
            .await;
        assert_eq!(decided.status, StatusCode::OK, "{}", decided.text());
    }
    let (name, data) = stream.next().await;
    assert_eq!(
        (name.as_str(), &data),
        ("post", &json!({ "type": "post", "post_id": post }))
    );
    let (name, _) = stream.next().await;
    assert_eq!(name, "resync");
    server.stop().await;
}

async fn unknown_board_has_no_stream(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    app.get("/v1/boards/nowhere/events", None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
}

async fn shutdown_ends_open_streams(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let server = RunningServer::start(app.state.clone()).await;
    let mut stream = EventStream::open(&server.base, OPEN_BOARD).await;
    tokio::time::timeout(PATIENCE, server.stop())
        .await
        .expect("graceful shutdown waited on an open event stream");
    // What was sent before shutdown may still be read; then the stream ends.
    let ended = tokio::time::timeout(PATIENCE, async {
        while let Ok(Some(_)) = stream.response.chunk().await {}
    })
    .await;
    assert!(ended.is_ok(), "the stream stayed open after shutdown");
}

on_both_backends!(
    votes_and_new_ideas_reach_the_boards_stream,
    ideas_waiting_for_review_stay_off_the_stream,
    moderators_decisions_reach_the_stream,
    likes_and_new_posts_reach_the_feeds_stream,
    approved_and_taken_down_posts_reach_the_feeds_stream,
    unknown_board_has_no_stream,
    shutdown_ends_open_streams,
);

/// Two servers on one PostgreSQL database: a vote taken by one reaches a stream on the other.
#[tokio::test]
async fn postgres_replicas_share_live_updates() {
    let Some(backend) = Backend::postgres(module_path!()) else {
        return;
    };
    let app = TestApp::with_boards(backend).await;
    let idea = app
        .create_idea(OPEN_BOARD, "Wider toe box", &visitor(1))
        .await;
    let replica = AppState::open(app.state.config.as_ref().clone())
        .await
        .unwrap();
    let (first, second) = (
        RunningServer::start(app.state.clone()).await,
        RunningServer::start(replica).await,
    );
    let mut stream = EventStream::open(&second.base, OPEN_BOARD).await;
    // The replica's LISTEN connection may still be starting; vote until an event arrives.
    let mut voter = 2;
    let (name, data) = loop {
        vote_over_http(&first.base, &idea, &visitor(voter)).await;
        voter += 1;
        let waited = tokio::time::timeout(Duration::from_millis(500), stream.next()).await;
        if let Ok(event) = waited {
            break event;
        }
        assert!(voter < 20, "no event crossed replicas");
    };
    assert_eq!(name, "votes");
    assert_eq!(data["idea_id"], idea);
    assert!(data["vote_count"].as_u64().unwrap() >= 1);
    first.stop().await;
    second.stop().await;
}
