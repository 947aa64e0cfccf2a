//! `cargo xtask`: Kindred's one entry point for setting up, building, running and testing.
//!
//! Everything a fresh machine needs is installed from here, so the README's two commands
//! (`cargo xtask demo`, `cargo xtask test`) work on a clean clone with nothing done by hand.

mod bench;
mod bench_widget;
mod cmd;
mod demo;
mod dist;
mod e2e;
mod load;
mod openapi;
mod postgres;
mod server;
mod sizes;
mod suite;
#[cfg(test)]
mod theming_docs;
mod tools;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  demo [--port N]   install what is missing, build the widget, start the reference server
                    with a seeded demo database and print the demo page's URL
  dist              build the distributable widget into dist/ and print its sizes
  test              install what tests need and run every check and test, stage by stage
  openapi           rewrite docs/openapi.json from the server's routes and wire types
  bench server [--requests N]
                    the server's requests/s and p50/p99 latency over loopback, on SQLite
                    and PostgreSQL; recorded in docs/benchmarks.md
  bench widget [--runs N]
                    the loader's and widget's sizes (raw, gzip, brotli) and the demo page's
                    first-render times in Chromium; recorded in docs/benchmarks.md
";

/// A failure that ends the task, with a message for the person who ran it.
pub type Result<T = (), E = String> = std::result::Result<T, E>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.first().map(String::as_str) {
        Some("demo") => demo::run(&args[1..]),
        Some("dist") => dist::run().map(|_| ()),
        Some("bench") => bench::run(&args[1..]),
        Some("openapi") => openapi::run(),
        Some("test") => suite::run(),
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("unknown or missing command\n\n{USAGE}")),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (the widget crate's directory).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}
