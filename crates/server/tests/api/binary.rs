//! The `kindred-server` binary: flags, the listening line, demo seeding, graceful shutdown.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use kindred_api::{Idea, Page};

use crate::common::{on_both_backends, Backend, TestDatabase};

/// The binary with no `KINDRED_*` setting of the caller's environment, so only the flags
/// given here apply.
fn server() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kindred-server"));
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("KINDRED_") {
            command.env_remove(name);
        }
    }
    command.env("RUST_LOG", "warn");
    command
}

/// Starts the binary with the demo seed on a free port, on `database` (or SQLite in
/// `data_dir`), with `extra` flags, and answers it with its base URL once it listens.
pub fn start(data_dir: &Path, database: Option<&str>, extra: &[&str]) -> (Child, String) {
    let mut command = server();
    command
        .args(["--bind", "127.0.0.1:0", "--seed-demo", "--data-dir"])
        .arg(data_dir)
        .args(extra);
    if let Some(url) = database {
        command.args(["--database-url", url]);
    }
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base = line
        .trim()
        .strip_prefix("Kindred server listening on ")
        .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
        .to_owned();
    (child, base)
}

/// Sends SIGTERM and expects a clean exit.
fn terminate(mut child: Child) {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    assert!(child.wait().unwrap().success());
}

async fn idea_count(base: &str) -> usize {
    let mut total = 0;
    for board in ["trail-shoes", "gear-and-apparel"] {
        let page: Page<Idea> = reqwest::get(format!("{base}/v1/boards/{board}/ideas?limit=100"))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        total += page.items.len();
    }
    total
}

#[cfg(unix)]
async fn the_binary_seeds_serves_and_stops_on_sigterm(backend: Backend) {
    let database = TestDatabase::create(backend).await;
    let data_dir = database.dir.path().join("nested/data");
    let url = database.postgres_url();

    let (child, base) = start(&data_dir, url, &[]);
    assert!(base.starts_with("http://127.0.0.1:"), "{base}");
    let health = reqwest::get(format!("{base}/healthz")).await.unwrap();
    assert_eq!(health.text().await.unwrap(), r#"{"status":"ok"}"#);
    assert_eq!(idea_count(&base).await, 30);

    // The demo allows its own origin, whatever port it got.
    let port = base.rsplit(':').next().unwrap();
    let origin = format!("http://localhost:{port}");
    let response = reqwest::Client::new()
        .get(format!("{base}/v1/sites/ridgeline"))
        .header("origin", &origin)
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.headers()["access-control-allow-origin"]
            .to_str()
            .unwrap(),
        origin
    );
    terminate(child);
    // The SQLite file appears only when no PostgreSQL database is named.
    assert_eq!(data_dir.join("kindred.sqlite3").is_file(), url.is_none());

    // A second start reuses the data instead of seeding again.
    let (child, base) = start(&data_dir, url, &[]);
    assert_eq!(idea_count(&base).await, 30);
    terminate(child);
}

#[cfg(unix)]
on_both_backends!(the_binary_seeds_serves_and_stops_on_sigterm);

#[test]
fn a_database_url_that_is_not_postgres_stops_the_start() {
    let output = server()
        .args([
            "--bind",
            "127.0.0.1:0",
            "--database-url",
            "mysql://db/kindred",
        ])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--database-url"), "{stderr}");
    assert!(stderr.contains("postgres://"), "{stderr}");
}
