//! Server configuration: command-line flags, each with an environment variable of the same meaning.

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use clap::Parser;

use crate::rate_limit::Rate;

/// Where the server listens unless told otherwise.
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";
/// Where the server keeps its data unless told otherwise.
pub const DEFAULT_DATA_DIR: &str = ".kindred/data";
/// The SQLite database's file name inside the data directory.
pub const DATABASE_FILE: &str = "kindred.sqlite3";
/// Largest upload body (a photo and its form fields), in bytes, unless told otherwise: 10 MiB.
pub const DEFAULT_UPLOAD_BODY_LIMIT: usize = 10 * 1024 * 1024;
/// The part of an upload body kept for everything beside the photo's bytes: the other parts
/// at their longest (a caption of 2,000 characters is at most 8,000 bytes) and the multipart
/// framing, with room to spare. The largest photo accepted is the upload limit less this.
pub const UPLOAD_FIELDS_MARGIN: usize = 64 * 1024;
/// The directory of uploaded media inside the data directory.
pub const MEDIA_DIR: &str = "media";
/// Writes a minute one client IP may make unless told otherwise.
pub const DEFAULT_WRITE_RATE_PER_IP: Rate = Rate::per_minute(600);
/// Writes a minute one identity may make unless told otherwise.
pub const DEFAULT_WRITE_RATE_PER_IDENTITY: Rate = Rate::per_minute(120);

/// Default wait before the first retry of a failed webhook delivery, in milliseconds.
pub const DEFAULT_WEBHOOK_RETRY_MS: u64 = 10_000;

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

    /// Directory holding the SQLite database (created if missing), used unless
    /// `--database-url` names a PostgreSQL database.
    #[arg(long, env = "KINDRED_DATA_DIR", default_value = DEFAULT_DATA_DIR)]
    pub data_dir: PathBuf,

    /// PostgreSQL database to use instead of SQLite (`postgres://user@host:5432/kindred`);
    /// its migrations run at start-up.
    #[arg(long, env = "KINDRED_DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<DatabaseUrl>,

    /// Key that moderators present on the moderation API.
    #[arg(long, env = "KINDRED_ADMIN_KEY", hide_env_values = true)]
    pub admin_key: Option<AdminKey>,

    /// Directory of built widget assets: its index.html is served at `/`, its files under `/kindred/`.
    #[arg(long, env = "KINDRED_ASSETS")]
    pub assets: Option<PathBuf>,

    /// Seed the demo community (site `ridgeline`) when the database has no sites yet.
    #[arg(long, env = "KINDRED_SEED_DEMO")]
    pub seed_demo: bool,

    /// Writes (POST, PUT, DELETE) a minute allowed per client IP, as `N` or `N:BURST`
    /// (bursts default to N); `0` disables the limit.
    #[arg(long, env = "KINDRED_WRITE_RATE_PER_IP", default_value_t = DEFAULT_WRITE_RATE_PER_IP)]
    pub write_rate_per_ip: Rate,

    /// Writes a minute allowed per identity (visitor id or signed-in user), as `N` or
    /// `N:BURST`; `0` disables the limit.
    #[arg(
        long,
        env = "KINDRED_WRITE_RATE_PER_IDENTITY",
        default_value_t = DEFAULT_WRITE_RATE_PER_IDENTITY
    )]
    pub write_rate_per_identity: Rate,

    /// Largest upload body in bytes (a post's photo and form fields); JSON bodies keep their
    /// own, smaller limit. A post's photo may take all of it but 64 KiB, kept for the other
    /// fields. Photos are stored under `media/` in the data directory.
    #[arg(long, env = "KINDRED_UPLOAD_BODY_LIMIT", default_value_t = DEFAULT_UPLOAD_BODY_LIMIT)]
    pub upload_body_limit: usize,

    /// Take the client IP for rate limits from the last `X-Forwarded-For` address. Only
    /// behind a proxy that sets it: otherwise clients choose their own address.
    #[arg(long, env = "KINDRED_TRUST_FORWARDED_FOR")]
    pub trust_forwarded_for: bool,

    /// Milliseconds before a failed webhook delivery is retried; each further retry waits four
    /// times longer (at most 6 hours), for 8 attempts in all.
    #[arg(long, env = "KINDRED_WEBHOOK_RETRY_MS", default_value_t = DEFAULT_WEBHOOK_RETRY_MS)]
    pub webhook_retry_ms: u64,
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
            database_url: None,
            admin_key: None,
            assets: None,
            seed_demo: false,
            write_rate_per_ip: DEFAULT_WRITE_RATE_PER_IP,
            write_rate_per_identity: DEFAULT_WRITE_RATE_PER_IDENTITY,
            upload_body_limit: DEFAULT_UPLOAD_BODY_LIMIT,
            trust_forwarded_for: false,
            webhook_retry_ms: DEFAULT_WEBHOOK_RETRY_MS,
        }
    }

    /// The largest photo file a post may carry, in bytes: the upload body limit less
    /// [`UPLOAD_FIELDS_MARGIN`], so a photo of this size always fits with its text fields.
    pub fn max_image_bytes(&self) -> u64 {
        let bytes = self.upload_body_limit.saturating_sub(UPLOAD_FIELDS_MARGIN);
        u64::try_from(bytes).unwrap_or(u64::MAX)
    }

    /// The directory uploaded photos are stored in.
    pub fn media_dir(&self) -> PathBuf {
        self.data_dir.join(MEDIA_DIR)
    }

    /// The SQLite database file.
    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join(DATABASE_FILE)
    }

    /// Where the data lives, for logs: the SQLite file, or the PostgreSQL URL without its
    /// password.
    pub fn database_label(&self) -> String {
        match &self.database_url {
            Some(url) => url.to_string(),
            None => self.database_path().display().to_string(),
        }
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

/// A PostgreSQL connection URL (`postgres://` or `postgresql://`).
///
/// Any other scheme is refused when the configuration is read, so a mistyped URL stops the
/// server at start-up instead of silently falling back to SQLite. `Debug` and `Display` leave
/// out the password, so the URL can be logged.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl(String);

impl DatabaseUrl {
    /// The URL as given, password included, for connecting.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for DatabaseUrl {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let scheme = s
            .split_once("://")
            .map(|(scheme, _)| scheme.to_ascii_lowercase());
        match scheme.as_deref() {
            Some("postgres" | "postgresql") => Ok(Self(s.to_owned())),
            Some(other) => Err(format!(
                "`{other}://` is not supported: the database URL must be a PostgreSQL URL \
                 (postgres://user@host:5432/kindred); leave it unset to use SQLite in the \
                 data directory"
            )),
            None => {
                Err("the database URL must look like postgres://user@host:5432/kindred".to_owned())
            }
        }
    }
}

impl fmt::Display for DatabaseUrl {
    /// The URL with any password replaced by `***`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (scheme, rest) = self.0.split_once("://").unwrap_or(("", &self.0));
        let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, path) = rest.split_at(authority_end);
        match authority.rsplit_once('@') {
            Some((user_info, host)) => {
                let user = user_info
                    .split_once(':')
                    .map_or(user_info, |(user, _)| user);
                let hidden = if user.len() < user_info.len() {
                    ":***"
                } else {
                    ""
                };
                write!(f, "{scheme}://{user}{hidden}@{host}{path}")
            }
            None => f.write_str(&self.0),
        }
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DatabaseUrl({self})")
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
        assert_eq!(config.write_rate_per_ip, DEFAULT_WRITE_RATE_PER_IP);
        assert_eq!(
            config.write_rate_per_identity,
            DEFAULT_WRITE_RATE_PER_IDENTITY
        );
        assert!(!config.trust_forwarded_for);
        assert_eq!(config.upload_body_limit, DEFAULT_UPLOAD_BODY_LIMIT);
        assert_eq!(config.max_image_bytes(), 10 * 1024 * 1024 - 64 * 1024);
        assert_eq!(config.admin_key.unwrap().expose(), "s3cret");
        let small = Config::try_parse_from(["kindred-server", "--upload-body-limit", "2048"]);
        let small = small.unwrap();
        assert_eq!(small.upload_body_limit, 2048);
        assert_eq!(small.max_image_bytes(), 0);
    }

    #[test]
    fn write_limits_parse_from_flags() {
        let config = Config::try_parse_from([
            "kindred-server",
            "--write-rate-per-ip",
            "0",
            "--write-rate-per-identity",
            "30:5",
            "--trust-forwarded-for",
        ])
        .unwrap();
        assert_eq!(config.write_rate_per_ip, Rate::OFF);
        assert_eq!(config.write_rate_per_identity.to_string(), "30:5");
        assert!(config.trust_forwarded_for);
        let error = Config::try_parse_from(["kindred-server", "--write-rate-per-ip", "lots"])
            .unwrap_err()
            .to_string();
        assert!(error.contains("REQUESTS_PER_MINUTE"), "{error}");
    }

    #[test]
    fn admin_key_is_redacted_in_debug_output() {
        let key = AdminKey::new("s3cret");
        assert!(!format!("{key:?}").contains("s3cret"));
    }

    #[test]
    fn database_url_selects_postgres_and_refuses_other_schemes() {
        let config = Config::try_parse_from([
            "kindred-server",
            "--database-url",
            "postgres://kindred@db:5432/kindred",
        ])
        .unwrap();
        let url = config.database_url.unwrap();
        assert_eq!(url.expose(), "postgres://kindred@db:5432/kindred");

        for bad in ["mysql://db/kindred", "sqlite://kindred.db", "kindred.db"] {
            let error = Config::try_parse_from(["kindred-server", "--database-url", bad])
                .unwrap_err()
                .to_string();
            assert!(
                error.contains("postgres://user@host:5432/kindred"),
                "{error}"
            );
        }
        assert!("POSTGRESQL://db/k".parse::<DatabaseUrl>().is_ok());
    }

    #[test]
    fn database_url_passwords_stay_out_of_logs() {
        let url: DatabaseUrl = "postgres://kindred:s3cret@db:5432/kindred?sslmode=require"
            .parse()
            .unwrap();
        assert_eq!(
            url.to_string(),
            "postgres://kindred:***@db:5432/kindred?sslmode=require"
        );
        assert!(!format!("{url:?}").contains("s3cret"));
        let plain: DatabaseUrl = "postgres://kindred@db/kindred".parse().unwrap();
        assert_eq!(plain.to_string(), "postgres://kindred@db/kindred");
        let mut config = Config::with_data_dir("/tmp/k");
        assert_eq!(config.database_label(), "/tmp/k/kindred.sqlite3");
        config.database_url = Some(url);
        assert!(!config.database_label().contains("s3cret"));
    }

    #[test]
    fn database_lives_in_the_data_dir() {
        let config = Config::with_data_dir("/tmp/k");
        assert_eq!(config.database_path(), Path::new("/tmp/k/kindred.sqlite3"));
        assert_eq!(config.media_dir(), Path::new("/tmp/k/media"));
        assert_eq!(config.bind.to_string(), DEFAULT_BIND);
    }
}
