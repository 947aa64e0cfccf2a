//! A throwaway PostgreSQL server for one test run.
//!
//! The server's store tests run against PostgreSQL as well as SQLite. This starts a private
//! cluster from Debian's `postgresql` binaries on a free loopback port (trust authentication,
//! no fsync: it holds only test data), hands its URL to the tests, and removes it afterwards.
//! Each test creates its own database in it.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{cmd, tools, Result};

/// A running test cluster; stopped and deleted on drop.
pub struct Postgres {
    bin: PathBuf,
    dir: PathBuf,
    port: u16,
    as_postgres: bool,
}

impl Postgres {
    /// Installs PostgreSQL if missing and starts a fresh cluster. A `durable` cluster keeps
    /// PostgreSQL's default flushing, for fair benchmarks; otherwise it skips fsync, which
    /// is safe for test data and much faster.
    pub fn start(durable: bool) -> Result<Self> {
        let bin = match server_bin() {
            Some(bin) => bin,
            None => {
                tools::install_debian("postgresql", "PostgreSQL")?;
                server_bin().ok_or("PostgreSQL is installed but its binaries were not found")?
            }
        };
        // initdb and postgres refuse to run as root; Debian's package adds a `postgres` user.
        let as_postgres = tools::is_root();
        let dir = std::env::temp_dir().join(format!("kindred-pg-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        if as_postgres {
            cmd::run(Command::new("chown").arg("postgres:postgres").arg(&dir))?;
        }
        let port = crate::server::free_port()?.port();
        let cluster = Postgres {
            bin,
            dir,
            port,
            as_postgres,
        };
        let data = cluster.dir.join("data");
        cluster.run(
            "initdb",
            &[
                "--pgdata".as_ref(),
                data.as_os_str(),
                "--username=postgres".as_ref(),
                "--auth=trust".as_ref(),
                "--encoding=UTF8".as_ref(),
                "--no-sync".as_ref(),
                "--no-instructions".as_ref(),
            ],
        )?;
        let mut options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=300",
            cluster.dir.display()
        );
        if !durable {
            options.push_str(" -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        }
        let log = cluster.dir.join("server.log");
        cluster.run(
            "pg_ctl",
            &[
                "--pgdata".as_ref(),
                data.as_os_str(),
                "--options".as_ref(),
                options.as_ref(),
                "--log".as_ref(),
                log.as_os_str(),
                "--wait".as_ref(),
                "start".as_ref(),
            ],
        )?;
        Ok(cluster)
    }

    /// The URL of the cluster's maintenance database, where tests create their own databases.
    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// Creates database `name` and returns its URL.
    pub fn create_database(&self, name: &str) -> Result<String> {
        let sql = format!("CREATE DATABASE {name}");
        cmd::run(Command::new(self.bin.join("psql")).arg(self.url()).args([
            "--quiet",
            "--command",
            &sql,
        ]))?;
        Ok(format!(
            "postgres://postgres@127.0.0.1:{}/{name}",
            self.port
        ))
    }

    fn run(&self, program: &str, args: &[&std::ffi::OsStr]) -> Result {
        let program = self.bin.join(program);
        let mut command = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&program);
            c
        } else {
            Command::new(&program)
        };
        cmd::run(command.args(args).current_dir(&self.dir))
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let data = self.dir.join("data");
        let _ = self.run(
            "pg_ctl",
            &[
                "--pgdata".as_ref(),
                data.as_os_str(),
                "--mode=immediate".as_ref(),
                "stop".as_ref(),
            ],
        );
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The newest installed PostgreSQL server's `bin` directory (Debian keeps them off `PATH`).
fn server_bin() -> Option<PathBuf> {
    let root = Path::new("/usr/lib/postgresql");
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir(root)
        .ok()?
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let version = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}
