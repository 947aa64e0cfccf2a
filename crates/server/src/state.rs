//! What every request handler shares: the store, the media directory, the CORS origin set, the
//! write limits and the configuration.

use std::sync::Arc;
use std::time::Duration;

use crate::config::Config;
use crate::cors::AllowedOrigins;
use crate::error::Result;
use crate::live::Live;
use crate::media::Storage;
use crate::rate_limit::WriteLimits;
use crate::store::Store;
use crate::webhooks::Webhooks;

/// Shared, cheaply clonable state handed to every handler.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The database, SQLite or PostgreSQL.
    pub store: Store,
    /// Origins allowed to call the API from a browser.
    pub origins: AllowedOrigins,
    /// How the server was started.
    pub config: Arc<Config>,
    /// Write limits per client IP and per identity.
    pub limits: WriteLimits,
    /// Live updates to open event streams.
    pub live: Live,
    /// Webhook deliveries for events brands subscribe to.
    pub webhooks: Webhooks,
    /// The OpenAPI document, serialised once at start-up.
    pub openapi: axum::body::Bytes,
    /// Where uploaded photos' renditions are stored.
    pub media: Storage,
}

impl AppState {
    /// Builds the state around an open store, loading the allowed origins from it.
    pub async fn new(store: Store, config: Config) -> Result<Self> {
        let origins = AllowedOrigins::load(&store).await?;
        let limits = WriteLimits::new(
            config.write_rate_per_ip,
            config.write_rate_per_identity,
            config.trust_forwarded_for,
        );
        Ok(Self {
            live: Live::start(&store),
            webhooks: Webhooks::start(&store, Duration::from_millis(config.webhook_retry_ms)),
            media: Storage::new(config.media_dir()),
            store,
            origins,
            limits,
            config: Arc::new(config),
            openapi: crate::routes::openapi::document_json().into(),
        })
    }

    /// Opens (and migrates) the database the configuration names, then builds the state.
    pub async fn open(config: Config) -> Result<Self> {
        let store = Store::open(&config).await?;
        Self::new(store, config).await
    }
}
