//! Test fixtures: a server state on a fresh database of either backend, request helpers and
//! data builders.

use std::net::SocketAddr;
use std::path::Path;
use std::str::FromStr;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::body::{Body, Bytes};
use axum::extract::ConnectInfo;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use kindred_api::VISITOR_HEADER;
use kindred_server::rate_limit::Rate;
use kindred_server::store::boards::{BoardRules, NewBoard};
use kindred_server::store::sites::NewSite;
use kindred_server::{app, seed, AppState, Config, Store};
use serde_json::Value;
use sqlx::postgres::PgConnectOptions;
use sqlx::{ConnectOptions, Connection, PgConnection};
use tempfile::TempDir;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tower::ServiceExt;

/// The peer address of in-process requests that do not name one.
pub const CLIENT: SocketAddr = SocketAddr::new(
    std::net::IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 1)),
    40000,
);
/// The fixture site's allowed origin.
pub const SHOP_ORIGIN: &str = "https://shop.acme.test";
/// A board anyone may use.
pub const OPEN_BOARD: &str = "ideas";
/// A board that only signed-in users may use.
pub const MEMBERS_BOARD: &str = "members";

/// Counts the ideas whose `vote_count` differs from their vote rows; the schema keeps it 0.
pub const DRIFT: &str = "SELECT COUNT(*) FROM ideas i
                         WHERE i.vote_count <> (SELECT COUNT(*) FROM votes v WHERE v.idea_id = i.id)";

/// The PostgreSQL server that test databases are created on.
const POSTGRES_SERVER: &str = "KINDRED_TEST_DATABASE_URL";
/// Set to `1` to fail, rather than skip, PostgreSQL tests when no server is named.
const REQUIRE_POSTGRES: &str = "KINDRED_TEST_REQUIRE_POSTGRES";

/// Declares each named `async fn(Backend)` as two tests, `<name>::sqlite` and
/// `<name>::postgres`, under `#[tokio::test]` or the test attribute given first.
macro_rules! on_both_backends {
    (#[$test:meta] $($name:ident),+ $(,)?) => {
        $(
            mod $name {
                #[$test]
                async fn sqlite() {
                    super::$name($crate::common::Backend::Sqlite).await;
                }

                #[$test]
                async fn postgres() {
                    if let Some(backend) = $crate::common::Backend::postgres(module_path!()) {
                        super::$name(backend).await;
                    }
                }
            }
        )+
    };
    ($($name:ident),+ $(,)?) => {
        $crate::common::on_both_backends!(#[tokio::test] $($name),+);
    };
}
pub(crate) use on_both_backends;

/// The database a test runs on.
#[derive(Clone, Debug)]
pub enum Backend {
    /// A SQLite file in a temporary directory.
    Sqlite,
    /// A fresh database on the PostgreSQL server at this URL.
    Postgres(String),
}

impl Backend {
    /// PostgreSQL on the server named by `KINDRED_TEST_DATABASE_URL`, for `test`. Without it:
    /// `None` after a one-line notice, or a panic when `KINDRED_TEST_REQUIRE_POSTGRES=1`, so a
    /// run that must cover PostgreSQL cannot skip it silently.
    pub fn postgres(test: &str) -> Option<Self> {
        match std::env::var(POSTGRES_SERVER) {
            Ok(url) if !url.trim().is_empty() => Some(Self::Postgres(url)),
            _ if std::env::var(REQUIRE_POSTGRES).is_ok_and(|v| v == "1") => panic!(
                "{REQUIRE_POSTGRES}=1 but {POSTGRES_SERVER} is unset: \
                 point it at a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres"
            ),
            _ => {
                eprintln!(
                    "{test}: skipped on PostgreSQL; set {POSTGRES_SERVER}=postgres://… to run it"
                );
                None
            }
        }
    }
}

/// A database of a test's own, and a data directory beside it; removed when dropped.
pub struct TestDatabase {
    /// The data directory's parent (the SQLite file lives in `data/` below it).
    pub dir: TempDir,
    postgres: Option<PostgresDatabase>,
}

impl TestDatabase {
    /// A fresh, empty database (not migrated yet: the server does that when it opens it).
    pub async fn create(backend: Backend) -> Self {
        let postgres = match backend {
            Backend::Sqlite => None,
            Backend::Postgres(server) => Some(PostgresDatabase::create(server).await),
        };
        Self {
            dir: TempDir::new().unwrap(),
            postgres,
        }
    }

    /// The data directory.
    pub fn data_dir(&self) -> std::path::PathBuf {
        self.dir.path().join("data")
    }

    /// The PostgreSQL database's URL, if the test runs on PostgreSQL.
    pub fn postgres_url(&self) -> Option<&str> {
        self.postgres.as_ref().map(|db| db.url.as_str())
    }

    /// A server configuration for this database, without write limits (tests that check
    /// them set their own).
    pub fn config(&self) -> Config {
        let mut config = Config::with_data_dir(self.data_dir());
        config.database_url = self.postgres_url().map(|url| url.parse().unwrap());
        config.write_rate_per_ip = Rate::OFF;
        config.write_rate_per_identity = Rate::OFF;
        config
    }
}

/// A database created for one test on the PostgreSQL test server.
struct PostgresDatabase {
    server: String,
    name: String,
    url: String,
}

impl PostgresDatabase {
    async fn create(server: String) -> Self {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .subsec_nanos();
        let name = format!(
            "kindred_t_{}_{nanos}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let mut admin = PgConnection::connect(&server)
            .await
            .unwrap_or_else(|e| panic!("cannot connect to {POSTGRES_SERVER} ({server}): {e}"));
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut admin)
            .await
            .unwrap();
        admin.close().await.unwrap();
        let url = PgConnectOptions::from_str(&server)
            .unwrap()
            .database(&name)
            .to_url_lossy()
            .to_string();
        Self { server, name, url }
    }
}

impl Drop for PostgresDatabase {
    fn drop(&mut self) {
        let (server, name) = (self.server.clone(), self.name.clone());
        // Drop runs on the test's runtime, which cannot block on a future; a thread of its
        // own with a small runtime can. `FORCE` ends connections the test left open.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async {
                let mut admin = PgConnection::connect(&server).await?;
                sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut admin)
                    .await?;
                admin.close().await
            })
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            eprintln!("could not drop test database {}: {dropped:?}", self.name);
        }
    }
}

/// A server state on its own fresh database.
pub struct TestApp {
    pub state: AppState,
    // Declared after `state`, so the pool goes before its database does.
    _db: TestDatabase,
}

impl TestApp {
    /// An empty database.
    pub async fn empty(backend: Backend) -> Self {
        Self::configured(backend, |_| {}).await
    }

    /// An empty database, with the configuration adjusted by `adjust`.
    pub async fn configured(backend: Backend, adjust: impl FnOnce(&mut Config)) -> Self {
        let db = TestDatabase::create(backend).await;
        let mut config = db.config();
        adjust(&mut config);
        let state = AppState::open(config).await.unwrap();
        Self { state, _db: db }
    }

    /// Site `acme` (origin [`SHOP_ORIGIN`]) with an open board and a members-only board, no ideas.
    pub async fn with_boards(backend: Backend) -> Self {
        Self::with_boards_configured(backend, |_| {}).await
    }

    /// [`TestApp::with_boards`], with the configuration adjusted by `adjust`.
    pub async fn with_boards_configured(
        backend: Backend,
        adjust: impl FnOnce(&mut Config),
    ) -> Self {
        let app = Self::configured(backend, adjust).await;
        let store = &app.state.store;
        let site_id = store
            .create_site(&NewSite {
                slug: "acme",
                name: "Acme Outdoor",
                locale: "en",
                anonymous_author: "Anonymous hiker",
            })
            .await
            .unwrap();
        store.add_origin(site_id, SHOP_ORIGIN).await.unwrap();
        app.add_board(OPEN_BOARD, BoardRules::OPEN).await;
        app.add_board(MEMBERS_BOARD, BoardRules::MEMBERS).await;
        app.state.origins.reload(store).await.unwrap();
        app
    }

    /// Adds a board with `rules` to site `acme`, after its other boards.
    pub async fn add_board(&self, slug: &str, rules: BoardRules) {
        let site_id = self
            .scalar("SELECT id FROM sites WHERE slug = 'acme'")
            .await;
        let position = self.scalar("SELECT COUNT(*) FROM boards").await;
        self.state
            .store
            .create_board(&NewBoard {
                site_id,
                slug,
                name: slug,
                description: "",
                supporter_threshold: None,
                rules,
                position,
            })
            .await
            .unwrap();
    }

    /// The demo community.
    pub async fn seeded(backend: Backend) -> Self {
        let app = Self::empty(backend).await;
        seed::demo(&app.state.store, &app.state.media, &[])
            .await
            .unwrap();
        app.state.origins.reload(&app.state.store).await.unwrap();
        app
    }

    /// The whole service, as the binary serves it.
    pub fn router(&self) -> Router {
        app(self.state.clone())
    }

    /// Sends one request through the service in process, from [`CLIENT`] unless the request
    /// names its own peer (`ConnectInfo`).
    pub async fn send(&self, mut request: Request<Body>) -> TestResponse {
        if request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .is_none()
        {
            request.extensions_mut().insert(ConnectInfo(CLIENT));
        }
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

    /// A request as `visitor` with `Authorization: Bearer <token>` when `token` is given, and
    /// a JSON body when `json` is.
    pub async fn send_bearer(
        &self,
        method: Method,
        uri: &str,
        token: Option<&str>,
        visitor: Option<&str>,
        json: Option<&Value>,
    ) -> TestResponse {
        let mut builder = request(method, uri, visitor);
        if let Some(token) = token {
            builder = builder.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        let request = match json {
            Some(json) => builder
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(json.to_string())),
            None => builder.body(Body::empty()),
        };
        self.send(request.unwrap()).await
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

    /// Runs a query answering one integer against the test database.
    pub async fn scalar(&self, sql: &str) -> i64 {
        match &self.state.store {
            Store::Sqlite(db) => sqlx::query_scalar(sql).fetch_one(&db.reads).await,
            Store::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
        }
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// Runs a statement against the test database, answering how many rows it changed.
    pub async fn try_execute(&self, sql: &str) -> Result<u64, kindred_server::Error> {
        Ok(match &self.state.store {
            Store::Sqlite(db) => sqlx::query(sql).execute(&db.writes).await?.rows_affected(),
            Store::Postgres(pool) => sqlx::query(sql).execute(pool).await?.rows_affected(),
        })
    }

    /// Runs a statement that must succeed.
    pub async fn execute(&self, sql: &str) -> u64 {
        self.try_execute(sql)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
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

    /// Asserts a CSV download named `file_name`, answering its text.
    #[track_caller]
    pub fn assert_csv(&self, file_name: &str) -> String {
        assert_eq!(self.status, StatusCode::OK, "{}", self.text());
        assert_eq!(self.header("content-type"), Some("text/csv; charset=utf-8"));
        let disposition = format!("attachment; filename=\"{file_name}\"");
        assert_eq!(
            self.header("content-disposition"),
            Some(disposition.as_str())
        );
        self.text()
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

/// `key` as a PEM `PUBLIC KEY` block, as `openssl pkey -pubout` writes an Ed25519 key.
pub fn public_key_pem(key: &ed25519_dalek::VerifyingKey) -> String {
    use base64::Engine;
    const SPKI_ED25519_PREFIX: [u8; 12] = [
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
    ];
    let der = [&SPKI_ED25519_PREFIX[..], key.as_bytes()].concat();
    let body = base64::engine::general_purpose::STANDARD.encode(der);
    format!("-----BEGIN PUBLIC KEY-----\n{body}\n-----END PUBLIC KEY-----\n")
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
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
}
