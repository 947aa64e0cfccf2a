//! Server configuration: command-line flags, each with an environment variable of the same meaning.

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use clap::Parser;

/// Where the server listens unless told otherwise.
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";
/// Where the server keeps its data unless told otherwise.
pub const DEFAULT_DATA_DIR: &str = ".kindred/data";
/// The SQLite database's file name inside the data directory.
pub const DATABASE_FILE: &str = "kindred.sqlite3";

/// How the server is started.
#[derive(Clone, Debug, Parser)]
#[command(
    name = "kindred-server",
    version,
    about = "Kindred's reference REST server."
)]
pub struct Config {
    /// Address and port to listen on.
    #[arg(long, env = "KINDRED_BIND", default_value = DEFAULT_BIND)]
    pub bind: SocketAddr,

    /// Directory holding the SQLite database (created if missing).
    #[arg(long, env = "KINDRED_DATA_DIR", default_value = DEFAULT_DATA_DIR)]
    pub data_dir: PathBuf,

    /// Key that moderators present on the moderation API.
    #[arg(long, env = "KINDRED_ADMIN_KEY", hide_env_values = true)]
    pub admin_key: Option<AdminKey>,

    /// Directory of built widget assets: its index.html is served at `/`, its files under `/kindred/`.
    #[arg(long, env = "KINDRED_ASSETS")]
    pub assets: Option<PathBuf>,

    /// Seed the demo community (site `ridgeline`) when the database has no sites yet.
    #[arg(long, env = "KINDRED_SEED_DEMO")]
    pub seed_demo: bool,
}

impl Config {
    /// A configuration with every default except the data directory, for embedding and tests.
    ///
    /// Unlike [`Config::parse`] it reads no environment variables.
    pub fn with_data_dir(data_dir: impl Into<PathBuf>) -> Self {
        Self {
            bind: DEFAULT_BIND
                .parse()
                .expect("the default bind address is valid"),
            data_dir: data_dir.into(),
            admin_key: None,
            assets: None,
            seed_demo: false,
        }
    }

    /// The SQLite database file.
    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join(DATABASE_FILE)
    }

    /// The assets directory, if assets are served.
    pub fn assets_dir(&self) -> Option<&Path> {
        self.assets.as_deref()
    }
}

/// The moderators' key. Its `Debug` output is redacted so it never reaches the logs.
#[derive(Clone, PartialEq, Eq)]
pub struct AdminKey(String);

impl AdminKey {
    /// Wraps a key.
    pub fn new(key: impl Into<String>) -> Self {
        Self(key.into())
    }

    /// The key itself, for comparing with what a request presents.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for AdminKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AdminKey(<redacted>)")
    }
}

impl std::str::FromStr for AdminKey {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.trim().is_empty() {
            Err("the admin key must not be blank".into())
        } else {
            Ok(Self(s.to_owned()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_parse_and_defaults_apply() {
        let config = Config::try_parse_from([
            "kindred-server",
            "--bind",
            "0.0.0.0:9000",
            "--admin-key",
            "s3cret",
            "--seed-demo",
        ])
        .unwrap();
        assert_eq!(config.bind.port(), 9000);
        assert!(config.seed_demo);
        assert_eq!(config.admin_key.unwrap().expose(), "s3cret");
    }

    #[test]
    fn admin_key_is_redacted_in_debug_output() {
        let key = AdminKey::new("s3cret");
        assert!(!format!("{key:?}").contains("s3cret"));
    }

    #[test]
    fn database_lives_in_the_data_dir() {
        let config = Config::with_data_dir("/tmp/k");
        assert_eq!(config.database_path(), Path::new("/tmp/k/kindred.sqlite3"));
        assert_eq!(config.bind.to_string(), DEFAULT_BIND);
    }
}
