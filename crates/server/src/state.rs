//! What every request handler shares: the database, the CORS origin set and the configuration.

use std::sync::Arc;

use crate::config::Config;
use crate::cors::AllowedOrigins;
use crate::db::{self, Db};
use crate::error::Result;

/// Shared, cheaply clonable state handed to every handler.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The connection pool.
    pub db: Db,
    /// Origins allowed to call the API from a browser.
    pub origins: AllowedOrigins,
    /// How the server was started.
    pub config: Arc<Config>,
}

impl AppState {
    /// Builds the state around an open database, loading the allowed origins from it.
    pub async fn new(db: Db, config: Config) -> Result<Self> {
        let origins = AllowedOrigins::load(&db).await?;
        Ok(Self {
            db,
            origins,
            config: Arc::new(config),
        })
    }

    /// Opens (and migrates) the database the configuration names, then builds the state.
    pub async fn open(config: Config) -> Result<Self> {
        let db = db::open(&config.database_path()).await?;
        Self::new(db, config).await
    }
}
