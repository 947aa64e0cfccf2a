//! A reference server started by a task (end-to-end tests, benchmarks): on a free loopback
//! port, waited for until healthy, and stopped when dropped.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::Result;

/// A running `kindred-server`; killed on drop.
pub struct Server {
    child: Child,
    /// Where it listens.
    pub addr: SocketAddr,
}

/// Which build of the server to run.
#[derive(Clone, Copy)]
pub enum Build {
    /// `target/debug`, as the tests build it.
    Debug,
    /// `target/release`.
    Release,
}

impl Server {
    /// Starts `build` of the server with `args` (besides `--bind`), logging to `log`, and
    /// waits until `/healthz` answers.
    pub fn start(build: Build, args: &[&std::ffi::OsStr], log: &Path) -> Result<Self> {
        let addr = free_port()?;
        let log_file = std::fs::File::create(log)
            .map_err(|e| format!("cannot create {}: {e}", log.display()))?;
        let child = Command::new(binary(build))
            .arg("--bind")
            .arg(addr.to_string())
            .args(args)
            .env(
                "RUST_LOG",
                std::env::var("RUST_LOG").unwrap_or_else(|_| "warn".into()),
            )
            .stdout(Stdio::null())
            .stderr(log_file)
            .spawn()
            .map_err(|e| format!("cannot start the server: {e}"))?;
        let server = Server { child, addr };
        wait_healthy(addr).map_err(|e| format!("{e}; see {}", log.display()))?;
        Ok(server)
    }

    /// Starts `build` of the server serving the demo page and the widget from `assets`, on a
    /// database in `data` seeded with the demo brand, logging to `log`. With `admin_key`, the
    /// moderation API answers to it.
    pub fn demo(
        build: Build,
        data: &Path,
        assets: &Path,
        log: &Path,
        admin_key: Option<&str>,
    ) -> Result<Self> {
        let mut args = vec![
            "--data-dir".as_ref(),
            data.as_os_str(),
            "--assets".as_ref(),
            assets.as_os_str(),
            "--seed-demo".as_ref(),
        ];
        if let Some(key) = admin_key {
            args.extend([
                std::ffi::OsStr::new("--admin-key"),
                std::ffi::OsStr::new(key),
            ]);
        }
        Self::start(build, &args, log)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn binary(build: Build) -> PathBuf {
    let profile = match build {
        Build::Debug => "debug",
        Build::Release => "release",
    };
    crate::root()
        .join("target")
        .join(profile)
        .join("kindred-server")
}

/// A loopback address with a port that was free a moment ago.
pub fn free_port() -> Result<SocketAddr> {
    let listener =
        TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free local port: {e}"))?;
    listener
        .local_addr()
        .map_err(|e| format!("no free local port: {e}"))
}

/// Polls `/healthz` until it answers 200, for at most two minutes: a first start seeds the
/// demo's large boards and feed, which takes a debug build a while on a busy machine.
fn wait_healthy(addr: SocketAddr) -> Result {
    let deadline = Instant::now() + Duration::from_secs(120);
    while Instant::now() < deadline {
        if health(addr).unwrap_or(false) {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!("the server on {addr} did not become healthy"))
}

fn health(addr: SocketAddr) -> std::io::Result<bool> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(1))?;
    stream.set_read_timeout(Some(Duration::from_secs(2)))?;
    stream.write_all(b"GET /healthz HTTP/1.0\r\nHost: localhost\r\n\r\n")?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    Ok(response.starts_with("HTTP/1.0 200") || response.starts_with("HTTP/1.1 200"))
}
