//! The moderation API (`/v1/moderation/*`): the admin key, the review queue and decisions,
//! curation (status, merge, pin), blocks, site, board and feed settings, product catalogs,
//! posts and reports in the queue, the CSV export and the log.

mod access;
mod blocks;
mod curation;
mod export;
mod feeds;
mod posts;
mod products;
mod queue;
mod settings;

use axum::body::Body;
use axum::http::{header, Method, StatusCode};
use kindred_server::config::AdminKey;
use kindred_server::store::boards::BoardRules;
use serde_json::{json, Value};

use crate::common::{request, visitor, Backend, TestApp, TestResponse};

/// The admin key the moderation tests start the server with.
pub const ADMIN_KEY: &str = "moderators-only-key";

/// A premoderated board of site `acme`.
pub const REVIEWED_BOARD: &str = "reviewed";

/// Site `acme` with its fixture boards, a premoderated board, and the admin key configured.
pub async fn moderated_app(backend: Backend) -> TestApp {
    let app = TestApp::with_boards_configured(backend, |config| {
        config.admin_key = Some(AdminKey::new(ADMIN_KEY));
    })
    .await;
    let rules = BoardRules {
        premoderation: true,
        ..BoardRules::OPEN
    };
    app.add_board(REVIEWED_BOARD, rules).await;
    app
}

/// Site `acme` with its fixture boards and feeds, and the admin key configured.
pub async fn feeds_app(backend: Backend) -> TestApp {
    TestApp::with_feeds_configured(backend, |config| {
        config.admin_key = Some(AdminKey::new(ADMIN_KEY));
    })
    .await
}

impl TestApp {
    /// A moderation request with the admin key and, when given, a JSON body.
    pub async fn admin(&self, method: Method, uri: &str, body: Option<Value>) -> TestResponse {
        self.admin_with_key(method, uri, body, Some(ADMIN_KEY))
            .await
    }

    /// A moderation request presenting `key` (none when `None`).
    pub async fn admin_with_key(
        &self,
        method: Method,
        uri: &str,
        body: Option<Value>,
        key: Option<&str>,
    ) -> TestResponse {
        let mut builder = request(method, uri, None);
        if let Some(key) = key {
            builder = builder.header(header::AUTHORIZATION, format!("Bearer {key}"));
        }
        let request = match body {
            Some(json) => builder
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(json.to_string())),
            None => builder.body(Body::empty()),
        };
        self.send(request.unwrap()).await
    }

    /// A moderation request that must answer `status`, answering its JSON body (`null` when
    /// it has none).
    pub async fn admin_ok(
        &self,
        method: Method,
        uri: &str,
        body: Option<Value>,
        status: StatusCode,
    ) -> Value {
        let response = self.admin(method, uri, body).await;
        assert_eq!(response.status, status, "{uri}: {}", response.text());
        if response.body.is_empty() {
            Value::Null
        } else {
            response.json()
        }
    }

    /// Posts a comment on `idea` as visitor `n`, answering the response.
    pub async fn post_comment(&self, idea: &str, n: u32, body: &str) -> TestResponse {
        let uri = format!("/v1/ideas/{idea}/comments");
        self.send_json(
            Method::POST,
            &uri,
            Some(&visitor(n)),
            &json!({ "body": body }),
        )
        .await
    }

    /// The public list of `board` with `query`, as JSON.
    pub async fn listed(&self, board: &str, query: &str) -> Value {
        let response = self
            .get(&format!("/v1/boards/{board}/ideas{query}"), None)
            .await;
        assert_eq!(response.status, StatusCode::OK, "{}", response.text());
        response.json()
    }
}

/// The ids of a page's items.
pub fn ids(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_owned())
        .collect()
}
