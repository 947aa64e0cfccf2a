//! The `kindred-server` binary: flags, the listening line, demo seeding, graceful shutdown.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use kindred_api::{Idea, Page};

/// Starts the binary on a free port and answers it with its base URL.
fn start(data_dir: &Path) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kindred-server"))
        .args(["--bind", "127.0.0.1:0", "--seed-demo", "--data-dir"])
        .arg(data_dir)
        .env_remove("KINDRED_ASSETS")
        .env_remove("KINDRED_ADMIN_KEY")
        .env("RUST_LOG", "warn")
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
#[tokio::test]
async fn the_binary_seeds_serves_and_stops_on_sigterm() {
    let data = tempfile::TempDir::new().unwrap();
    let data_dir = data.path().join("nested/data");

    let (child, base) = start(&data_dir);
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
    assert!(data_dir.join("kindred.sqlite3").is_file());

    // A second start reuses the data instead of seeding again.
    let (child, base) = start(&data_dir);
    assert_eq!(idea_count(&base).await, 30);
    terminate(child);
}
