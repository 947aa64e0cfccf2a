//! The end-to-end stage: the release widget and a real server on a fresh SQLite database,
//! driven by Playwright in Debian's Chromium.

use std::path::Path;
use std::process::Command;

use crate::server::{Build, Server};
use crate::{cmd, Result};

/// The moderation API's key on the end-to-end server, for specs that act as a moderator.
const ADMIN_KEY: &str = "e2e-moderator-key";

/// Runs the Playwright specs in tests/e2e against `assets` served by a fresh server.
pub fn run(assets: &Path) -> Result {
    cmd::run(cmd::cargo().args(["build", "--package", "kindred-server"]))?;
    let data = std::env::temp_dir().join(format!("kindred-e2e-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    let log = crate::root().join("target/e2e-server.log");
    let server = Server::demo(Build::Debug, &data, assets, &log, Some(ADMIN_KEY))?;
    let url = format!("http://{}/", server.addr);
    let outcome = cmd::run(
        Command::new("node")
            .args(["--test", "--test-concurrency=1"])
            .current_dir(crate::root().join("tests/e2e"))
            .env("KINDRED_E2E_URL", &url)
            .env("KINDRED_E2E_ADMIN_KEY", ADMIN_KEY),
    );
    drop(server);
    let _ = std::fs::remove_dir_all(&data);
    outcome
}
