//! `Idempotency-Key`: a retried POST answers its first result and creates nothing again, on
//! form submissions and idea proposals, even when the retries race each other.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Method, StatusCode};
use kindred_api::VISITOR_HEADER;
use serde_json::{json, Value};
use tokio::task::JoinSet;

use crate::common::{
    on_both_backends, request, visitor, Backend, RunningServer, TestApp, TestResponse, OPEN_BOARD,
};
use crate::forms::{good_answers, with_forms};

/// POSTs `body` to `uri` as `who` with `Idempotency-Key: key`.
async fn post_with_key(
    app: &TestApp,
    uri: &str,
    who: &str,
    key: &str,
    body: &Value,
) -> TestResponse {
    app.send(
        request(Method::POST, uri, Some(who))
            .header("idempotency-key", key)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap(),
    )
    .await
}

const SUBMIT: &str = "/v1/forms/feedback/submissions";

fn submission() -> Value {
    json!({ "answers": good_answers() })
}

async fn a_retry_replays_the_first_answer(backend: Backend) {
    let app = with_forms(backend).await;
    let first = post_with_key(&app, SUBMIT, &visitor(1), "key-1", &submission()).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text());
    assert_eq!(first.header("idempotency-replayed"), None);
    // The same JSON, spelled differently, is the same request.
    let respelled =
        r#"{ "answers": { "terrain": ["mud"], "consent": true, "story": "  Grippier lugs  " } }"#;
    let retry = app
        .send(
            request(Method::POST, SUBMIT, Some(&visitor(1)))
                .header("idempotency-key", "key-1")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(respelled))
                .unwrap(),
        )
        .await;
    assert_eq!(retry.status, StatusCode::CREATED);
    assert_eq!(retry.body, first.body);
    assert_eq!(retry.header("content-type"), Some("application/json"));
    assert_eq!(retry.header("idempotency-replayed"), Some("true"));
    assert_eq!(app.scalar("SELECT COUNT(*) FROM form_submissions").await, 1);

    // Another key, or another caller with the same key, is another submission.
    let other_key = post_with_key(&app, SUBMIT, &visitor(1), "key-2", &submission()).await;
    let other_caller = post_with_key(&app, SUBMIT, &visitor(2), "key-1", &submission()).await;
    assert_ne!(other_key.body, first.body);
    assert_ne!(other_caller.body, first.body);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM form_submissions").await, 3);
}

async fn a_key_reused_with_another_body_is_refused(backend: Backend) {
    let app = with_forms(backend).await;
    post_with_key(&app, SUBMIT, &visitor(1), "key-1", &submission()).await;
    let mut changed = submission();
    changed["answers"]["story"] = json!("Something else");
    post_with_key(&app, SUBMIT, &visitor(1), "key-1", &changed)
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "idempotency_key_reused");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM form_submissions").await, 1);
}

async fn a_refused_request_lets_its_key_go(backend: Backend) {
    let app = with_forms(backend).await;
    let invalid = json!({ "answers": { "story": "x" } });
    post_with_key(&app, SUBMIT, &visitor(1), "key-1", &invalid)
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let fixed = post_with_key(&app, SUBMIT, &visitor(1), "key-1", &submission()).await;
    assert_eq!(fixed.status, StatusCode::CREATED, "{}", fixed.text());
    assert_eq!(fixed.header("idempotency-replayed"), None);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM idempotency_keys").await, 1);
}

async fn keys_expire_after_a_day(backend: Backend) {
    let app = with_forms(backend).await;
    post_with_key(&app, SUBMIT, &visitor(1), "key-1", &submission()).await;
    app.execute("UPDATE idempotency_keys SET created_at = '2000-01-01T00:00:00.000Z'")
        .await;
    let again = post_with_key(&app, SUBMIT, &visitor(1), "key-1", &submission()).await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.header("idempotency-replayed"), None);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM form_submissions").await, 2);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM idempotency_keys").await, 1);
}

async fn a_malformed_key_is_a_bad_request(backend: Backend) {
    let app = with_forms(backend).await;
    for key in ["", "with space", &"k".repeat(256)] {
        post_with_key(&app, SUBMIT, &visitor(1), key, &submission())
            .await
            .assert_error(StatusCode::BAD_REQUEST, "bad_request");
    }
    assert_eq!(app.scalar("SELECT COUNT(*) FROM form_submissions").await, 0);
}

async fn idea_proposals_are_idempotent_too(backend: Backend) {
    let app = with_forms(backend).await;
    let uri = format!("/v1/boards/{OPEN_BOARD}/ideas");
    let body = json!({ "title": "Reflective laces" });
    let first = post_with_key(&app, &uri, &visitor(1), "idea-1", &body).await;
    let retry = post_with_key(&app, &uri, &visitor(1), "idea-1", &body).await;
    assert_eq!(first.status, StatusCode::CREATED);
    assert_eq!(retry.status, StatusCode::CREATED);
    assert_eq!(retry.body, first.body);
    assert_eq!(retry.header("location"), first.header("location"));
    assert_eq!(retry.header("idempotency-replayed"), Some("true"));
    assert_eq!(app.scalar("SELECT COUNT(*) FROM ideas").await, 1);
}

async fn racing_retries_create_exactly_one_submission(backend: Backend) {
    let app = with_forms(backend).await;
    let server = RunningServer::start(app.state.clone()).await;
    let client = Arc::new(reqwest::Client::new());
    let url = format!("{}{SUBMIT}", server.base);
    let mut tasks = JoinSet::new();
    for _ in 0..16 {
        let (client, url) = (client.clone(), url.clone());
        tasks.spawn(async move {
            let response = client
                .post(url)
                .header(VISITOR_HEADER, visitor(1))
                .header("idempotency-key", "race")
                .json(&submission())
                .send()
                .await
                .unwrap();
            (response.status().as_u16(), response.text().await.unwrap())
        });
    }
    let answers = tasks.join_all().await;
    let created: Vec<&String> = answers
        .iter()
        .filter(|(s, _)| *s == 201)
        .map(|(_, b)| b)
        .collect();
    assert!(!created.is_empty(), "{answers:?}");
    assert!(
        created.iter().all(|body| *body == created[0]),
        "{answers:?}"
    );
    assert!(
        answers
            .iter()
            .all(|(status, _)| [201, 409].contains(status)),
        "{answers:?}"
    );
    assert_eq!(app.scalar("SELECT COUNT(*) FROM form_submissions").await, 1);
    server.stop().await;
}

on_both_backends!(
    a_retry_replays_the_first_answer,
    a_key_reused_with_another_body_is_refused,
    a_refused_request_lets_its_key_go,
    keys_expire_after_a_day,
    a_malformed_key_is_a_bad_request,
    idea_proposals_are_idempotent_too,
);
on_both_backends!(
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    racing_retries_create_exactly_one_submission
);
