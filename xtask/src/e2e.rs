//! The end-to-end stage: the release widget and a real server on a fresh SQLite database,
//! driven by Playwright in Debian's Chromium.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::{cmd, Result};

/// A reference server running for the length of the stage; stopped on drop.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs the Playwright specs in tests/e2e against `assets` served by a fresh server.
pub fn run(assets: &Path) -> Result {
    cmd::run(cmd::cargo().args(["build", "--package", "kindred-server"]))?;
    let data = std::env::temp_dir().join(format!("kindred-e2e-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    let server = start(assets, &data)?;
    let url = format!("http://{}/", server.addr);
    let outcome = cmd::run(
        Command::new("node")
            .args(["--test", "--test-concurrency=1"])
            .current_dir(crate::root().join("tests/e2e"))
            .env("KINDRED_E2E_URL", &url),
    );
    drop(server);
    let _ = std::fs::remove_dir_all(&data);
    outcome
}

fn start(assets: &Path, data: &Path) -> Result<Server> {
    let addr = free_port()?;
    let log = std::fs::File::create(crate::root().join("target/e2e-server.log"))
        .map_err(|e| format!("cannot create the server log: {e}"))?;
    let child = Command::new(crate::root().join("target/debug/kindred-server"))
        .arg("--bind")
        .arg(addr.to_string())
        .arg("--data-dir")
        .arg(data)
        .arg("--assets")
        .arg(assets)
        .arg("--seed-demo")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .map_err(|e| format!("cannot start the server: {e}"))?;
    let server = Server { child, addr };
    wait_healthy(addr)?;
    Ok(server)
}

/// A loopback address with a port that was free a moment ago.
pub fn free_port() -> Result<SocketAddr> {
    let listener =
        TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free local port: {e}"))?;
    listener
        .local_addr()
        .map_err(|e| format!("no free local port: {e}"))
}

/// Polls `/healthz` until it answers 200, for at most 30 seconds.
fn wait_healthy(addr: SocketAddr) -> Result {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if health(addr).unwrap_or(false) {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!(
        "the server on {addr} did not become healthy; see target/e2e-server.log"
    ))
}

fn health(addr: SocketAddr) -> std::io::Result<bool> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(1))?;
    stream.set_read_timeout(Some(Duration::from_secs(2)))?;
    stream.write_all(b"GET /healthz HTTP/1.0\r\nHost: localhost\r\n\r\n")?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    Ok(response.starts_with("HTTP/1.0 200") || response.starts_with("HTTP/1.1 200"))
}
