//! `cargo xtask test`: every check and test, stage by stage, with timings.
//!
//! Stages run in order of cost and all of them run even after a failure, so one run shows
//! everything that is wrong; the task fails if any stage did.

use std::time::{Duration, Instant};

use crate::cmd::{self, cargo};
use crate::postgres::Postgres;
use crate::{dist, e2e, tools, Result};

const WASM: &str = "wasm32-unknown-unknown";

/// Installs what is missing and runs every stage.
pub fn run() -> Result {
    tools::ensure_test_tools()?;
    let mut report = Report::default();

    report.stage("format", || {
        cmd::run(cargo().args(["fmt", "--all", "--", "--check"]))
    });
    report.stage("clippy (native)", || {
        cmd::run(cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    });
    report.stage("clippy (wasm32)", || {
        cmd::run(cargo().args([
            "clippy",
            "--package",
            "kindred",
            "--package",
            "kindred-api",
            "--package",
            "kindred-console",
            "--target",
            WASM,
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    });
    report.stage("native tests (SQLite and PostgreSQL)", || {
        let postgres = Postgres::start(false)?;
        cmd::run(
            cargo()
                .args(["test", "--workspace"])
                .env("KINDRED_TEST_DATABASE_URL", postgres.url())
                .env("KINDRED_TEST_REQUIRE_POSTGRES", "1"),
        )
    });
    report.stage("wasm tests (headless Chromium)", || {
        cmd::run(
            cargo()
                .args([
                    "test",
                    "--package",
                    "kindred",
                    "--target",
                    WASM,
                    "--test",
                    "web",
                ])
                .env("CHROMEDRIVER", "/usr/bin/chromedriver"),
        )
    });
    let built = report.stage("release build (dist)", || dist::build().map(|_| ()));
    if built {
        report.stage("end-to-end (Playwright, Chromium)", || {
            e2e::run(&crate::root().join("dist"))
        });
    } else {
        report.skip("end-to-end (Playwright, Chromium)");
    }
    report.finish()
}

/// The outcome of each stage, printed as a summary at the end.
#[derive(Default)]
struct Report {
    rows: Vec<(&'static str, Outcome, Duration)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Passed,
    Failed,
    Skipped,
}

impl Report {
    /// Runs one stage, records its outcome and time, and says whether it passed.
    fn stage(&mut self, name: &'static str, run: impl FnOnce() -> Result) -> bool {
        println!("\n━━ {name}");
        let started = Instant::now();
        let outcome = match run() {
            Ok(()) => Outcome::Passed,
            Err(message) => {
                eprintln!("xtask: {name}: {message}");
                Outcome::Failed
            }
        };
        self.rows.push((name, outcome, started.elapsed()));
        outcome == Outcome::Passed
    }

    fn skip(&mut self, name: &'static str) {
        self.rows.push((name, Outcome::Skipped, Duration::ZERO));
    }

    fn finish(self) -> Result {
        println!("\n━━ summary");
        for (name, outcome, time) in &self.rows {
            let word = match outcome {
                Outcome::Passed => "passed",
                Outcome::Failed => "FAILED",
                Outcome::Skipped => "skipped",
            };
            println!("{word:<8} {:>7.1}s  {name}", time.as_secs_f64());
        }
        let count = |o: Outcome| self.rows.iter().filter(|(_, x, _)| *x == o).count();
        let (passed, failed, skipped) = (
            count(Outcome::Passed),
            count(Outcome::Failed),
            count(Outcome::Skipped),
        );
        println!("stages: {passed} passed, {failed} failed, {skipped} skipped");
        if failed + skipped == 0 {
            Ok(())
        } else {
            Err(format!("{failed} stage(s) failed"))
        }
    }
}
