//! `kindred-server`: reads the configuration, opens the database, optionally seeds the demo,
//! and serves until Ctrl-C or SIGTERM.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use kindred_server::media::Storage;
use kindred_server::{seed, AppState, Config, Store};
use tokio::net::TcpListener;
use tracing_subscriber::EnvFilter;

/// The allocator. Every request allocates and frees on many threads at once (the runtime's
/// workers and each SQLite connection's thread); mimalloc's per-thread heaps keep that from
/// contending on the C library's arena locks.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Log filter when `RUST_LOG` is unset: the server and its request logs, warnings from the rest.
const DEFAULT_LOG_FILTER: &str = "kindred_server=info,tower_http=info,warn";

#[tokio::main]
async fn main() -> ExitCode {
    // Logs go to stderr, coloured only for a terminal, so redirected logs stay plain text.
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| DEFAULT_LOG_FILTER.into()),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    match run(Config::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!("{error}");
            eprintln!("kindred-server: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    if let Some(dir) = config.assets_dir() {
        if !dir.is_dir() {
            return Err(format!("assets directory {} does not exist", dir.display()).into());
        }
    }
    let listener = TcpListener::bind(config.bind)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.bind))?;
    let addr = listener.local_addr()?;

    let store = Store::open(&config).await?;
    if config.seed_demo {
        let media = Storage::new(config.media_dir());
        let report = seed::demo(&store, &media, &seed::local_origins(addr.port())).await?;
        if report.seeded {
            tracing::info!(
                ideas = report.ideas,
                votes = report.votes,
                comments = report.comments,
                posts = report.posts,
                likes = report.likes,
                products = report.products,
                "seeded the demo community"
            );
        } else {
            tracing::info!("the database already has sites; kept its data");
        }
        let (ideas, votes) = seed::archive::seed(&store).await?;
        if ideas > 0 {
            tracing::info!(ideas, votes, "seeded the demo's community archive");
        }
        let (posts, likes) = seed::trail_archive::seed(&store).await?;
        if posts > 0 {
            tracing::info!(posts, likes, "seeded the demo's trail archive");
        }
        let waiting = seed::backlog::seed(&store).await?;
        if waiting > 0 {
            tracing::info!(ideas = waiting, "seeded the demo's review backlog");
        }
    }
    let state = AppState::new(store.clone(), config).await?;
    tracing::info!(
        origins = state.origins.len(),
        database = %state.config.database_label(),
        "ready"
    );

    println!("Kindred server listening on http://{addr}");
    kindred_server::serve(listener, state, shutdown_signal()).await?;
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Completes on Ctrl-C or, on Unix, SIGTERM (what container runtimes send).
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::warn!("cannot listen for Ctrl-C: {error}");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::warn!("cannot listen for SIGTERM: {error}");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
