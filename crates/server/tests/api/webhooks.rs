//! Webhooks: registration through the moderation API, signed deliveries to a real receiver
//! over HTTP, retries with backoff, giving up, and the delivery log.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::routing::post;
use axum::Router;
use hmac::{Hmac, Mac};
use kindred_server::config::AdminKey;
use serde_json::{json, Value};
use sha2::Sha256;
use tokio::net::TcpListener;

use crate::common::{
    on_both_backends, request, visitor, Backend, TestApp, TestResponse, OPEN_BOARD,
};
use crate::form_images::{share_answers, share_form, submit_photos};
use crate::forms::add_forms;
use crate::multipart::{form, png, post_parts, OPEN_FEED};

const ADMIN_KEY: &str = "webhook-test-admin-key";
const SECRET: &str = "whsec-test-0123456789";

/// How long a test waits for deliveries before failing.
const PATIENCE: Duration = Duration::from_secs(15);

/// A receiver on a real socket that records what it is sent and answers each request with the
/// next status of its script (200 once the script runs out).
#[derive(Clone)]
struct Receiver {
    url: String,
    received: Arc<Mutex<Vec<(HeaderMap, Bytes)>>>,
}

impl Receiver {
    async fn start(script: Vec<u16>) -> Self {
        let received = Arc::new(Mutex::new(Vec::new()));
        let script = Arc::new(Mutex::new(script.into_iter()));
        let log = received.clone();
        let app = Router::new().route(
            "/hook",
            post(move |headers: HeaderMap, body: Bytes| {
                let (log, script) = (log.clone(), script.clone());
                async move {
                    log.lock().unwrap().push((headers, body));
                    let status = script.lock().unwrap().next().unwrap_or(200);
                    StatusCode::from_u16(status).unwrap()
                }
            }),
        );
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        Self { url, received }
    }

    fn count(&self) -> usize {
        self.received.lock().unwrap().len()
    }

    fn request(&self, index: usize) -> (HeaderMap, Bytes) {
        self.received.lock().unwrap()[index].clone()
    }
}

async fn app_with_admin(backend: Backend, retry_ms: u64) -> TestApp {
    TestApp::with_boards_configured(backend, |config| {
        config.admin_key = Some(AdminKey::new(ADMIN_KEY));
        config.webhook_retry_ms = retry_ms;
    })
    .await
}

async fn admin(app: &TestApp, method: Method, uri: &str, body: Option<Value>) -> TestResponse {
    app.send_bearer(method, uri, Some(ADMIN_KEY), None, body.as_ref())
        .await
}

async fn register(app: &TestApp, url: &str, events: &[&str]) -> String {
    let created = admin(
        app,
        Method::POST,
        "/v1/moderation/sites/acme/webhooks",
        Some(json!({ "url": url, "events": events, "secret": SECRET })),
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text());
    let body = created.json();
    assert_eq!(body["secret"], SECRET);
    body["id"].as_str().unwrap().to_owned()
}

/// The delivery log of webhook `id`, once `done` holds for it.
async fn log_when(app: &TestApp, id: &str, done: impl Fn(&Value) -> bool) -> Value {
    let uri = format!("/v1/moderation/webhooks/{id}/deliveries");
    tokio::time::timeout(PATIENCE, async {
        loop {
            let log = admin(app, Method::GET, &uri, None).await;
            assert_eq!(log.status, StatusCode::OK, "{}", log.text());
            let log = log.json();
            if done(&log) {
                return log;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    })
    .await
    .expect("the delivery log never got there")
}

fn state_of(log: &Value) -> &str {
    log["items"][0]["state"].as_str().unwrap_or("none")
}

/// Checks `X-Kindred-Signature` the way docs/api.md tells receivers to.
fn assert_signed(headers: &HeaderMap, body: &[u8]) {
    let signature = headers["x-kindred-signature"].to_str().unwrap();
    let (t, v1) = signature
        .strip_prefix("t=")
        .and_then(|rest| rest.split_once(",v1="))
        .expect("t=…,v1=…");
    let mut mac = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(format!("{t}.").as_bytes());
    mac.update(body);
    mac.verify_slice(&hex::decode(v1).unwrap())
        .expect("signature matches");
}

async fn new_ideas_are_delivered_signed(backend: Backend) {
    let app = app_with_admin(backend, 10_000).await;
    let receiver = Receiver::start(vec![]).await;
    let id = register(&app, &receiver.url, &["idea.created"]).await;
    let idea = app
        .create_idea(OPEN_BOARD, "Wider toe box", &visitor(1))
        .await;

    let log = log_when(&app, &id, |log| state_of(log) == "delivered").await;
    assert_eq!(receiver.count(), 1);
    let (headers, body) = receiver.request(0);
    assert_eq!(headers["x-kindred-event"], "idea.created");
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(
        headers["x-kindred-delivery"],
        log["items"][0]["id"].as_str().unwrap()
    );
    assert_signed(&headers, &body);
    let payload: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(payload["type"], "idea.created");
    assert_eq!(payload["site"], "acme");
    assert!(payload["id"].as_str().unwrap().starts_with("evt_"));
    assert_eq!(payload["data"]["board"], OPEN_BOARD);
    assert_eq!(payload["data"]["idea"]["id"], idea);
    assert_eq!(payload["data"]["idea"]["title"], "Wider toe box");
    let delivery = &log["items"][0];
    assert_eq!(delivery["event"], "idea.created");
    assert_eq!(delivery["payload"], std::str::from_utf8(&body).unwrap());
    assert_eq!(delivery["attempts"].as_array().unwrap().len(), 1);
    assert_eq!(delivery["attempts"][0]["status"], 200);
}

async fn failures_are_retried_with_backoff(backend: Backend) {
    let app = app_with_admin(backend, 30).await;
    let receiver = Receiver::start(vec![500, 503]).await;
    let id = register(&app, &receiver.url, &["idea.created"]).await;
    app.create_idea(OPEN_BOARD, "Wider toe box", &visitor(1))
        .await;

    let log = log_when(&app, &id, |log| state_of(log) == "delivered").await;
    let attempts = log["items"][0]["attempts"].as_array().unwrap();
    let statuses: Vec<_> = attempts.iter().map(|a| a["status"].clone()).collect();
    assert_eq!(statuses, [json!(500), json!(503), json!(200)]);
    assert_eq!(
        attempts[0]["error"],
        "the receiver answered 500 Internal Server Error"
    );
    // Every attempt sends the same bytes.
    assert_eq!(receiver.count(), 3);
    assert_eq!(receiver.request(0).1, receiver.request(2).1);
}

async fn deliveries_give_up_after_eight_attempts(backend: Backend) {
    let app = app_with_admin(backend, 1).await;
    // Nothing listens here: every attempt fails without an answer.
    let closed = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", closed.local_addr().unwrap());
    drop(closed);
    let id = register(&app, &url, &["idea.created"]).await;
    app.create_idea(OPEN_BOARD, "Wider toe box", &visitor(1))
        .await;

    let log = log_when(&app, &id, |log| state_of(log) == "failed").await;
    let attempts = log["items"][0]["attempts"].as_array().unwrap();
    assert_eq!(attempts.len(), 8);
    assert!(attempts.iter().all(|a| a.get("status").is_none()));
    assert!(attempts.iter().all(|a| a["error"].is_string()));
    assert!(log["items"][0].get("next_attempt_at").is_none());
}

async fn thresholds_are_announced_once(backend: Backend) {
    let app = app_with_admin(backend, 10_000).await;
    app.execute("UPDATE boards SET supporter_threshold = 2 WHERE slug = 'ideas'")
        .await;
    let receiver = Receiver::start(vec![]).await;
    let id = register(&app, &receiver.url, &["idea.threshold_reached"]).await;
    let idea = app
        .create_idea(OPEN_BOARD, "Wider toe box", &visitor(1))
        .await;
    for n in [2, 3] {
        assert_eq!(
            app.vote(&idea, Some(&visitor(n)), true).await.status,
            StatusCode::OK
        );
    }
    // Dropping below the threshold and coming back is not news.
    app.vote(&idea, Some(&visitor(3)), false).await;
    app.vote(&idea, Some(&visitor(3)), true).await;
    app.vote(&idea, Some(&visitor(4)), true).await;

    let log = log_when(&app, &id, |log| state_of(log) == "delivered").await;
    assert_eq!(log["items"].as_array().unwrap().len(), 1);
    let (_, body) = receiver.request(0);
    let payload: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(payload["type"], "idea.threshold_reached");
    assert_eq!(payload["data"]["threshold"], 2);
    assert_eq!(payload["data"]["idea"]["id"], idea);
    assert_eq!(payload["data"]["idea"]["vote_count"], 2);
}

async fn status_changes_are_announced(backend: Backend) {
    let app = app_with_admin(backend, 10_000).await;
    let receiver = Receiver::start(vec![]).await;
    let id = register(&app, &receiver.url, &["idea.status_changed"]).await;
    let idea = app
        .create_idea(OPEN_BOARD, "Wider toe box", &visitor(1))
        .await;
    let uri = format!("/v1/moderation/ideas/{idea}/status");
    let body = json!({ "status": "planned", "note": "Coming in spring" });
    let moved = admin(&app, Method::PUT, &uri, Some(body.clone())).await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.text());
    // The same status again moves nothing, and is not news.
    admin(&app, Method::PUT, &uri, Some(body)).await;

    let log = log_when(&app, &id, |log| state_of(log) == "delivered").await;
    assert_eq!(log["items"].as_array().unwrap().len(), 1);
    let payload: Value = serde_json::from_slice(&receiver.request(0).1).unwrap();
    assert_eq!(payload["type"], "idea.status_changed");
    assert_eq!(payload["data"]["from"], "open");
    assert_eq!(payload["data"]["to"], "planned");
    assert_eq!(payload["data"]["note"], "Coming in spring");
    assert_eq!(payload["data"]["idea"]["id"], idea);
}

async fn new_posts_are_announced(backend: Backend) {
    let app = TestApp::with_feeds_configured(backend, |config| {
        config.admin_key = Some(AdminKey::new(ADMIN_KEY));
    })
    .await;
    let receiver = Receiver::start(vec![]).await;
    let id = register(&app, &receiver.url, &["post.created"]).await;
    let parts = post_parts(png(640, 480), "Fog on the #ridge", "summit-3");
    let created = app.upload(OPEN_FEED, Some(&visitor(1)), form(&parts)).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text());

    log_when(&app, &id, |log| state_of(log) == "delivered").await;
    let payload: Value = serde_json::from_slice(&receiver.request(0).1).unwrap();
    assert_eq!(payload["type"], "post.created");
    assert_eq!(payload["data"]["feed"], OPEN_FEED);
    assert_eq!(payload["data"]["post"]["id"], created.json()["id"]);
    assert_eq!(payload["data"]["post"]["caption"], "Fog on the #ridge");

    // A post made by a form's post target is announced the same way.
    add_forms(&app, [share_form("share", OPEN_FEED)]).await;
    let photo = [("photo", png(40, 30))];
    let submitted =
        submit_photos(&app, "share", Some(&visitor(2)), share_answers(""), &photo).await;
    assert_eq!(
        submitted.status,
        StatusCode::CREATED,
        "{}",
        submitted.text()
    );
    let delivered = |log: &Value| {
        let items = log["items"].as_array().unwrap();
        items.len() == 2 && items.iter().all(|item| item["state"] == "delivered")
    };
    log_when(&app, &id, delivered).await;
    let payload: Value = serde_json::from_slice(&receiver.request(1).1).unwrap();
    assert_eq!(payload["type"], "post.created");
    assert_eq!(
        payload["data"]["post"]["id"],
        submitted.json()["target"]["post_id"]
    );
    assert_eq!(payload["data"]["post"]["alt"], "Muddy shoes on a log");
}

async fn webhooks_only_hear_the_events_they_chose(backend: Backend) {
    let app = app_with_admin(backend, 10_000).await;
    let receiver = Receiver::start(vec![]).await;
    let posts_only = register(&app, &receiver.url, &["post.created"]).await;
    let paused = register(&app, &receiver.url, &["idea.created"]).await;
    let paused_uri = format!("/v1/moderation/webhooks/{paused}");
    let updated = admin(
        &app,
        Method::PUT,
        &paused_uri,
        Some(json!({ "active": false })),
    )
    .await;
    assert_eq!(updated.status, StatusCode::OK, "{}", updated.text());
    assert_eq!(updated.json()["active"], false);
    assert_eq!(updated.json()["events"], json!(["idea.created"]));
    app.create_idea(OPEN_BOARD, "Wider toe box", &visitor(1))
        .await;
    for id in [posts_only, paused] {
        let log = log_when(&app, &id, |_| true).await;
        assert_eq!(log["items"], json!([]), "webhook {id}");
    }
    assert_eq!(receiver.count(), 0);
}

async fn webhooks_are_managed_by_moderators_only(backend: Backend) {
    let app = app_with_admin(backend, 10_000).await;
    let anonymous = app
        .send(
            request(Method::GET, "/v1/moderation/sites/acme/webhooks", None)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    anonymous.assert_error(StatusCode::UNAUTHORIZED, "unauthorized");

    let id = register(&app, "https://hooks.acme.test/kindred", &["idea.created"]).await;
    let list = admin(
        &app,
        Method::GET,
        "/v1/moderation/sites/acme/webhooks",
        None,
    )
    .await;
    assert_eq!(list.status, StatusCode::OK);
    let items = list.json()["items"].clone();
    assert_eq!(items.as_array().unwrap().len(), 1);
    assert_eq!(items[0]["url"], "https://hooks.acme.test/kindred");
    assert!(items[0].get("secret").is_none(), "secrets are shown once");

    let bad = admin(
        &app,
        Method::POST,
        "/v1/moderation/sites/acme/webhooks",
        Some(json!({ "url": "ftp://x", "events": [], "secret": "short" })),
    )
    .await;
    let body = bad.assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(body["error"]["fields"]["url"], json!(["invalid"]));
    assert_eq!(body["error"]["fields"]["events"], json!(["required"]));
    assert_eq!(body["error"]["fields"]["secret"], json!(["too_short"]));
    let unknown_event = admin(
        &app,
        Method::POST,
        "/v1/moderation/sites/acme/webhooks",
        Some(json!({ "url": "https://x.test", "events": ["idea.deleted"] })),
    )
    .await;
    unknown_event.assert_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    let generated = admin(
        &app,
        Method::POST,
        "/v1/moderation/sites/acme/webhooks",
        Some(json!({ "url": "https://x.test", "events": ["post.created"] })),
    )
    .await;
    assert_eq!(generated.status, StatusCode::CREATED);
    assert!(generated.json()["secret"].as_str().unwrap().len() >= 32);

    admin(
        &app,
        Method::GET,
        "/v1/moderation/sites/nobody/webhooks",
        None,
    )
    .await
    .assert_error(StatusCode::NOT_FOUND, "not_found");
    let uri = format!("/v1/moderation/webhooks/{id}");
    assert_eq!(
        admin(&app, Method::DELETE, &uri, None).await.status,
        StatusCode::NO_CONTENT
    );
    admin(&app, Method::GET, &uri, None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    admin(&app, Method::DELETE, &uri, None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    admin(
        &app,
        Method::GET,
        "/v1/moderation/webhooks/abc/deliveries",
        None,
    )
    .await
    .assert_error(StatusCode::NOT_FOUND, "not_found");
}

async fn test_events_are_sent_at_once_signed_and_logged(backend: Backend) {
    let app = app_with_admin(backend, 10_000).await;
    let receiver = Receiver::start(vec![200, 500]).await;
    // A test is sent whatever events the webhook chose.
    let id = register(&app, &receiver.url, &["post.created"]).await;
    let uri = format!("/v1/moderation/webhooks/{id}/test");

    let sent = admin(&app, Method::POST, &uri, None).await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.text());
    let delivery = sent.json();
    assert_eq!(delivery["event"], "webhook.test");
    assert_eq!(delivery["state"], "delivered");
    assert_eq!(delivery["attempts"].as_array().unwrap().len(), 1);
    assert_eq!(delivery["attempts"][0]["status"], 200);
    assert!(delivery["delivered_at"].is_string());
    assert_eq!(receiver.count(), 1);
    let (headers, body) = receiver.request(0);
    assert_eq!(headers["x-kindred-event"], "webhook.test");
    assert_eq!(
        headers["x-kindred-delivery"],
        delivery["id"].as_str().unwrap()
    );
    assert_signed(&headers, &body);
    let payload: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(payload["type"], "webhook.test");
    assert_eq!(payload["site"], "acme");
    assert!(payload["created_at"].is_string());
    assert_eq!(payload["data"]["webhook"], id.as_str());
    let log = log_when(&app, &id, |_| true).await;
    assert_eq!(log["items"], json!([delivery]));

    // A paused webhook can be tested too; a receiver's 500 fails the test, never retried.
    let paused = admin(
        &app,
        Method::PUT,
        &format!("/v1/moderation/webhooks/{id}"),
        Some(json!({ "active": false })),
    )
    .await;
    assert_eq!(paused.status, StatusCode::OK, "{}", paused.text());
    let failed = admin(&app, Method::POST, &uri, None).await;
    assert_eq!(failed.status, StatusCode::OK, "{}", failed.text());
    let failed = failed.json();
    assert_eq!(failed["state"], "failed");
    assert!(failed.get("next_attempt_at").is_none());
    assert_eq!(failed["attempts"][0]["status"], 500);
    assert_eq!(
        failed["attempts"][0]["error"],
        "the receiver answered 500 Internal Server Error"
    );
    let log = log_when(&app, &id, |_| true).await;
    assert_eq!(log["items"].as_array().unwrap().len(), 2);
    assert_eq!(log["items"][0], failed);
    assert_eq!(receiver.count(), 2);
}

async fn test_events_need_a_webhook_and_the_admin_key(backend: Backend) {
    let app = app_with_admin(backend, 10_000).await;
    let id = register(&app, "https://hooks.acme.test/kindred", &["idea.created"]).await;
    let anonymous = app
        .send(
            request(
                Method::POST,
                &format!("/v1/moderation/webhooks/{id}/test"),
                None,
            )
            .body(Body::empty())
            .unwrap(),
        )
        .await;
    anonymous.assert_error(StatusCode::UNAUTHORIZED, "unauthorized");
    for unknown in ["999999", "abc"] {
        let uri = format!("/v1/moderation/webhooks/{unknown}/test");
        admin(&app, Method::POST, &uri, None)
            .await
            .assert_error(StatusCode::NOT_FOUND, "not_found");
    }
    let chosen = admin(
        &app,
        Method::POST,
        "/v1/moderation/sites/acme/webhooks",
        Some(json!({ "url": "https://x.test", "events": ["webhook.test"] })),
    )
    .await;
    let body = chosen.assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(body["error"]["fields"]["events"], json!(["invalid"]));
}

async fn the_moderation_api_is_closed_without_an_admin_key(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    admin(
        &app,
        Method::GET,
        "/v1/moderation/sites/acme/webhooks",
        None,
    )
    .await
    .assert_error(StatusCode::FORBIDDEN, "forbidden");
}

on_both_backends!(
    new_ideas_are_delivered_signed,
    failures_are_retried_with_backoff,
    deliveries_give_up_after_eight_attempts,
    thresholds_are_announced_once,
    status_changes_are_announced,
    new_posts_are_announced,
    webhooks_only_hear_the_events_they_chose,
    webhooks_are_managed_by_moderators_only,
    test_events_are_sent_at_once_signed_and_logged,
    test_events_need_a_webhook_and_the_admin_key,
    the_moderation_api_is_closed_without_an_admin_key,
);
