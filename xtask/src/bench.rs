//! `cargo xtask bench server`: the reference server's throughput and latency over loopback.
//! (`cargo xtask bench widget` lives in [`crate::bench_widget`].)
//!
//! The release server runs on a fresh seeded SQLite database, then on a fresh PostgreSQL
//! database, and the load generator in [`crate::load`] sends a fixed number of requests over
//! 64 keep-alive connections: votes alone, then 90% list reads mixed with 10% votes. Results
//! are printed and written into docs/benchmarks.md between its generated-section markers.

use std::ffi::OsStr;
use std::net::SocketAddr;
use std::path::Path;

use crate::load::{self, Outcome, Request};
use crate::postgres::Postgres;
use crate::server::{Build, Server};
use crate::{cmd, Result};

const CONNECTIONS: usize = 64;
const DEFAULT_REQUESTS: usize = 20_000;
const BOARD: &str = "trail-shoes";
const START: &str = "<!-- bench:server:start -->";
const END: &str = "<!-- bench:server:end -->";
/// All load comes from one address and a few visitors' worth of ids: the write limits that
/// protect a public server would measure themselves, not the server, so they are off.
const UNLIMITED: [&str; 4] = ["--write-rate-per-ip", "0", "--write-rate-per-identity", "0"];

/// One measured scenario on one backend.
struct Row {
    backend: &'static str,
    scenario: &'static str,
    outcome: Outcome,
}

/// Runs `cargo xtask bench server [--requests N]` or `cargo xtask bench widget [--runs N]`.
pub fn run(args: &[String]) -> Result {
    if args.first().is_some_and(|what| what == "widget") {
        return crate::bench_widget::run(&args[1..]);
    }
    let (what, requests) = parse(args)?;
    if what != "server" {
        return Err(format!(
            "unknown benchmark `{what}`; available: server, widget"
        ));
    }
    cmd::run(cmd::cargo().args(["build", "--release", "--package", "kindred-server"]))?;
    let scratch = std::env::temp_dir().join(format!("kindred-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);

    let mut rows = Vec::new();
    let sqlite = Server::start(
        Build::Release,
        &server_args(&scratch, None),
        &crate::root().join("target/bench-sqlite.log"),
    )?;
    measure("SQLite", sqlite.addr, requests, &mut rows)?;
    drop(sqlite);

    let postgres = Postgres::start(true)?;
    let url = postgres.create_database("kindred_bench")?;
    let pg = Server::start(
        Build::Release,
        &server_args(&scratch, Some(&url)),
        &crate::root().join("target/bench-postgres.log"),
    )?;
    measure("PostgreSQL", pg.addr, requests, &mut rows)?;
    drop(pg);
    drop(postgres);
    let _ = std::fs::remove_dir_all(&scratch);

    let table = table(&rows, requests);
    println!("\n{table}");
    record(START, END, &table)
}

/// The server's arguments: a seeded database in `scratch` (or at `database_url`), no limits.
fn server_args<'a>(scratch: &'a Path, database_url: Option<&'a str>) -> Vec<&'a OsStr> {
    let mut args: Vec<&OsStr> = vec![
        "--data-dir".as_ref(),
        scratch.as_os_str(),
        "--seed-demo".as_ref(),
    ];
    args.extend(UNLIMITED.iter().map(OsStr::new));
    if let Some(url) = database_url {
        args.extend([OsStr::new("--database-url"), OsStr::new(url)]);
    }
    args
}

fn parse(args: &[String]) -> Result<(String, usize)> {
    match args {
        [what] => Ok((what.clone(), DEFAULT_REQUESTS)),
        [what, flag, n] if flag == "--requests" => n
            .parse()
            .ok()
            .filter(|n| *n >= CONNECTIONS)
            .map(|n| (what.clone(), n))
            .ok_or_else(|| format!("--requests needs a number of at least {CONNECTIONS}")),
        _ => Err("usage: cargo xtask bench server [--requests N]".into()),
    }
}

/// Runs the three scenarios against the server at `addr`.
fn measure(
    backend: &'static str,
    addr: SocketAddr,
    requests: usize,
    rows: &mut Vec<Row>,
) -> Result {
    let ideas = idea_ids(addr)?;
    let list = format!("/v1/boards/{BOARD}/ideas");
    let vote = |visitor: usize| Request {
        method: "PUT",
        path: format!("/v1/ideas/{}/vote", ideas[visitor % ideas.len()]),
        headers: vec![("x-kindred-visitor", load::visitor(visitor))],
    };
    let read = |visitor: usize| Request {
        method: "GET",
        path: list.clone(),
        headers: vec![("x-kindred-visitor", load::visitor(visitor))],
    };
    println!("\n━━ {backend}: warming up");
    load::run(addr, CONNECTIONS, 1_000, &read)?;

    println!("━━ {backend}: {requests} votes from distinct visitors");
    let outcome = load::run(addr, CONNECTIONS, requests, &|i| vote(1_000_000 + i))?;
    rows.push(Row {
        backend,
        scenario: "votes",
        outcome,
    });

    println!("━━ {backend}: {requests} list reads");
    let outcome = load::run(addr, CONNECTIONS, requests, &read)?;
    rows.push(Row {
        backend,
        scenario: "list reads",
        outcome,
    });

    println!("━━ {backend}: {requests} requests, 90% list reads and 10% votes");
    let outcome = load::run(addr, CONNECTIONS, requests, &|i| {
        if i % 10 == 0 {
            vote(100_000_000 + i)
        } else {
            read(i)
        }
    })?;
    rows.push(Row {
        backend,
        scenario: "90% reads, 10% votes",
        outcome,
    });
    Ok(())
}

/// The ids of the board's ideas, read from its first page.
fn idea_ids(addr: SocketAddr) -> Result<Vec<String>> {
    let page = load::fetch(addr, &format!("/v1/boards/{BOARD}/ideas?limit=100"))?;
    let ids: Vec<String> = page
        .split("\"id\":\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next().map(str::to_owned))
        .collect();
    if ids.is_empty() {
        return Err(format!("the board {BOARD} has no ideas to vote on"));
    }
    Ok(ids)
}

fn table(rows: &[Row], requests: usize) -> String {
    let mut text = format!(
        "{CONNECTIONS} connections, {requests} requests per scenario, load generator on the same machine.\n\n\
         | backend | scenario | requests/s | p50 | p99 | non-2xx |\n\
         | --- | --- | ---: | ---: | ---: | ---: |\n"
    );
    for row in rows {
        let o = &row.outcome;
        text.push_str(&format!(
            "| {} | {} | {:.0} | {:.2} ms | {:.2} ms | {} |\n",
            row.backend,
            row.scenario,
            o.rate(),
            o.percentile(0.5).as_secs_f64() * 1e3,
            o.percentile(0.99).as_secs_f64() * 1e3,
            o.failures(),
        ));
    }
    text.push_str(&format!("\nMachine: {}.\n", machine()));
    text
}

/// Replaces the section of docs/benchmarks.md between the markers `start` and `end` with
/// `table`.
pub fn record(start_marker: &str, end_marker: &str, table: &str) -> Result {
    let path = crate::root().join("docs/benchmarks.md");
    let doc = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let (Some(start), Some(end)) = (doc.find(start_marker), doc.find(end_marker)) else {
        return Err(format!(
            "{} lacks the markers {start_marker} and {end_marker}",
            path.display()
        ));
    };
    let updated = format!("{}{start_marker}\n{table}{}", &doc[..start], &doc[end..]);
    std::fs::write(&path, updated).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("recorded in {}", path.display());
    Ok(())
}

/// A one-line description of this machine: processor, cores, memory, kernel.
pub fn machine() -> String {
    let read = |path: &str| std::fs::read_to_string(path).unwrap_or_default();
    let cpuinfo = read("/proc/cpuinfo");
    let model = cpuinfo
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name")
                .and_then(|r| r.split(':').nth(1))
        })
        .map_or("unknown processor".into(), |m| m.trim().to_owned());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let memory_kb: u64 = read("/proc/meminfo")
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|r| r.split_whitespace().next()?.parse().ok())
        .unwrap_or(0);
    let kernel = read("/proc/sys/kernel/osrelease");
    format!(
        "{model}, {cores} cores, {:.0} GiB memory, Linux {}",
        memory_kb as f64 / 1024.0 / 1024.0,
        kernel.trim()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn arguments_name_the_benchmark_and_an_optional_count() {
        assert_eq!(
            parse(&args(&["server"])),
            Ok(("server".into(), DEFAULT_REQUESTS))
        );
        assert_eq!(
            parse(&args(&["server", "--requests", "5000"])),
            Ok(("server".into(), 5000))
        );
        assert!(parse(&args(&["server", "--requests", "3"])).is_err());
        assert!(parse(&args(&[])).is_err());
    }

    #[test]
    fn the_docs_carry_the_generated_section_markers() {
        let doc = std::fs::read_to_string(crate::root().join("docs/benchmarks.md")).unwrap();
        assert!(doc.find(START) < doc.find(END) && doc.contains(END));
    }
}
