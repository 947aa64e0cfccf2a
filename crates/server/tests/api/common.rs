//! Test fixtures: a server state on a temporary database, request helpers and data builders.

use std::path::Path;

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use kindred_api::VISITOR_HEADER;
use kindred_server::store::boards::NewBoard;
use kindred_server::store::sites::NewSite;
use kindred_server::{app, seed, store, AppState, Config};
use serde_json::Value;
use tempfile::TempDir;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tower::ServiceExt;

/// The fixture site's allowed origin.
pub const SHOP_ORIGIN: &str = "https://shop.acme.test";
/// A board anyone may use.
pub const OPEN_BOARD: &str = "ideas";
/// A board that only signed-in users may use.
pub const MEMBERS_BOARD: &str = "members";

/// A server state on its own temporary database.
pub struct TestApp {
    pub state: AppState,
    // Held so the directory (and the database in it) outlives the test.
    _dir: TempDir,
}

impl TestApp {
    /// An empty database.
    pub async fn empty() -> Self {
        Self::configured(|_| {}).await
    }

    /// An empty database, with the configuration adjusted by `adjust`.
    pub async fn configured(adjust: impl FnOnce(&mut Config)) -> Self {
        let dir = TempDir::new().unwrap();
        let mut config = Config::with_data_dir(dir.path().join("data"));
        adjust(&mut config);
        let state = AppState::open(config).await.unwrap();
        Self { state, _dir: dir }
    }

    /// Site `acme` (origin [`SHOP_ORIGIN`]) with an open board and a members-only board, no ideas.
    pub async fn with_boards() -> Self {
        let app = Self::empty().await;
        let mut conn = app.state.db.acquire().await.unwrap();
        let site_id = store::sites::create(
            &mut *conn,
            &NewSite {
                slug: "acme",
                name: "Acme Outdoor",
                locale: "en",
                anonymous_author: "Anonymous hiker",
            },
        )
        .await
        .unwrap();
        store::sites::add_origin(&mut conn, site_id, SHOP_ORIGIN)
            .await
            .unwrap();
        for (position, (slug, allow_anonymous)) in [(OPEN_BOARD, true), (MEMBERS_BOARD, false)]
            .into_iter()
            .enumerate()
        {
            store::boards::create(
                &mut *conn,
                &NewBoard {
                    site_id,
                    slug,
                    name: slug,
                    description: "",
                    supporter_threshold: None,
                    allow_anonymous,
                    position: position as i64,
                },
            )
            .await
            .unwrap();
        }
        drop(conn);
        app.state.origins.reload(&app.state.db).await.unwrap();
        app
    }

    /// The demo community.
    pub async fn seeded() -> Self {
        let app = Self::empty().await;
        seed::demo(&app.state.db, &[]).await.unwrap();
        app.state.origins.reload(&app.state.db).await.unwrap();
        app
    }

    /// The whole service, as the binary serves it.
    pub fn router(&self) -> Router {
        app(self.state.clone())
    }

    /// Sends one request through the service in process.
    pub async fn send(&self, request: Request<Body>) -> TestResponse {
        let response = self.router().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        TestResponse {
            status,
            headers,
            body,
        }
    }

    /// `GET uri`, optionally as `visitor`.
    pub async fn get(&self, uri: &str, visitor: Option<&str>) -> TestResponse {
        self.send(
            request(Method::GET, uri, visitor)
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }

    /// A request with a JSON body, as `visitor`.
    pub async fn send_json(
        &self,
        method: Method,
        uri: &str,
        visitor: Option<&str>,
        json: &Value,
    ) -> TestResponse {
        self.send(
            request(method, uri, visitor)
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(json.to_string()))
                .unwrap(),
        )
        .await
    }

    /// Proposes an idea on `board` as `visitor`, answering its id.
    pub async fn create_idea(&self, board: &str, title: &str, visitor: &str) -> String {
        let response = self
            .send_json(
                Method::POST,
                &format!("/v1/boards/{board}/ideas"),
                Some(visitor),
                &serde_json::json!({ "title": title }),
            )
            .await;
        assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
        response.json()["id"].as_str().unwrap().to_owned()
    }

    /// `PUT` (`cast`) or `DELETE` the vote of `visitor` on `idea`.
    pub async fn vote(&self, idea: &str, visitor: Option<&str>, cast: bool) -> TestResponse {
        let method = if cast { Method::PUT } else { Method::DELETE };
        let uri = format!("/v1/ideas/{idea}/vote");
        self.send(request(method, &uri, visitor).body(Body::empty()).unwrap())
            .await
    }

    /// Runs a scalar query against the test database.
    pub async fn scalar(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sql)
            .fetch_one(&self.state.db)
            .await
            .unwrap()
    }
}

/// A request builder with the visitor header set when given.
pub fn request(method: Method, uri: &str, visitor: Option<&str>) -> axum::http::request::Builder {
    let builder = Request::builder().method(method).uri(uri);
    match visitor {
        Some(visitor) => builder.header(VISITOR_HEADER, visitor),
        None => builder,
    }
}

/// A response, fully read.
pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl TestResponse {
    /// The body as JSON; panics with the text when it is not JSON.
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// A header's value as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().unwrap())
    }

    /// Asserts a contract error body with `code` and `status`, answering the body.
    #[track_caller]
    pub fn assert_error(&self, status: StatusCode, code: &str) -> Value {
        assert_eq!(self.status, status, "{}", self.text());
        assert_eq!(self.header("content-type"), Some("application/json"));
        let json = self.json();
        assert_eq!(json["error"]["code"], code, "{json}");
        assert!(json["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()));
        json
    }
}

/// A distinct, valid visitor id (UUID v4) for each `n`.
pub fn visitor(n: u32) -> String {
    format!("5eed{n:04x}-0000-4000-8000-{n:012x}")
}

/// A server on a real socket (`127.0.0.1:0`), stopped gracefully when dropped via `stop`.
pub struct RunningServer {
    pub base: String,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<std::io::Result<()>>>,
}

impl RunningServer {
    pub async fn start(state: AppState) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let (tx, rx) = oneshot::channel::<()>();
        let task = tokio::spawn(kindred_server::serve(listener, state, async {
            let _ = rx.await;
        }));
        Self {
            base,
            shutdown: Some(tx),
            task: Some(task),
        }
    }

    /// Signals shutdown and waits for in-flight requests to finish.
    pub async fn stop(mut self) {
        self.shutdown.take().unwrap().send(()).unwrap();
        self.task.take().unwrap().await.unwrap().unwrap();
    }
}

/// Writes `contents` to `dir/name`.
pub fn write_file(dir: &Path, name: &str, contents: &str) {
    std::fs::write(dir.join(name), contents).unwrap();
}
