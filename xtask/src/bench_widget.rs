//! `cargo xtask bench widget`: what a visitor downloads and how soon they see the widget.
//!
//! Builds `dist/`, measures the loader's and the widget's files (raw, gzip, brotli), then
//! serves the demo page from the release server on a fresh seeded database and loads it in
//! Chromium a number of times, each a first visit with nothing cached, timing the loader's
//! skeleton, the widget's code loaded and the first idea card rendered
//! (`tests/e2e/first-render.mjs`). Results are printed and written into docs/benchmarks.md
//! between its widget markers.

use std::path::Path;
use std::process::Command;

use crate::bench::{machine, record};
use crate::server::{Build, Server};
use crate::sizes::{self, Sizes};
use crate::{cmd, dist, tools, Result};

const DEFAULT_RUNS: usize = 20;
const START: &str = "<!-- bench:widget:start -->";
const END: &str = "<!-- bench:widget:end -->";

/// Runs `cargo xtask bench widget [--runs N]`.
pub fn run(args: &[String]) -> Result {
    let runs = parse(args)?;
    tools::ensure_build_tools()?;
    tools::ensure_test_tools()?;
    let dist = dist::build()?;
    let files = files(&dist.dir)?;
    cmd::run(cmd::cargo().args(["build", "--release", "--package", "kindred-server"]))?;

    let data = std::env::temp_dir().join(format!("kindred-bench-widget-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    let log = crate::root().join("target/bench-widget-server.log");
    let server = Server::demo(Build::Release, &data, &dist.dir, &log, None)?;
    let output = Command::new("node")
        .arg("first-render.mjs")
        .current_dir(crate::root().join("tests/e2e"))
        .env("KINDRED_E2E_URL", format!("http://{}/", server.addr))
        .env("RUNS", runs.to_string())
        .output()
        .map_err(|e| format!("cannot run node: {e}"))?;
    drop(server);
    let _ = std::fs::remove_dir_all(&data);
    if !output.status.success() {
        return Err(format!(
            "first-render.mjs failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let moments = moments(&String::from_utf8_lossy(&output.stdout))?;
    let table = table(&files, &moments, runs);
    println!("\n{table}");
    record(START, END, &table)
}

fn parse(args: &[String]) -> Result<usize> {
    match args {
        [] => Ok(DEFAULT_RUNS),
        [flag, n] if flag == "--runs" => n
            .parse()
            .ok()
            .filter(|n| *n >= 1)
            .ok_or_else(|| "--runs needs a number of at least 1".into()),
        _ => Err("usage: cargo xtask bench widget [--runs N]".into()),
    }
}

/// The sizes of the loader and of the widget's glue, wasm and stylesheet in `dir`.
fn files(dir: &Path) -> Result<Vec<(String, Sizes)>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name == "embed.js" || name.starts_with("kindred-"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| Ok((name.clone(), sizes::measure_file(&dir.join(&name))?)))
        .collect()
}

/// One timed moment: its name, median and 90th percentile in milliseconds.
#[derive(Debug, PartialEq)]
struct Moment {
    name: String,
    median: f64,
    p90: f64,
}

/// The prefix of the lines about the board of a thousand ideas.
const ARCHIVE: &str = "archive:";

/// Reads first-render.mjs's lines `<moment> <median> <p90>`.
fn moments(output: &str) -> Result<Vec<Moment>> {
    output
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let mut words = line.split_whitespace();
            let (Some(name), Some(median), Some(p90), None) =
                (words.next(), words.next(), words.next(), words.next())
            else {
                return Err(format!("unexpected line from first-render.mjs: {line}"));
            };
            let number = |text: &str| {
                text.parse()
                    .map_err(|_| format!("not a number in first-render.mjs's output: {line}"))
            };
            Ok(Moment {
                name: name.replace('_', " "),
                median: number(median)?,
                p90: number(p90)?,
            })
        })
        .collect()
}

fn table(files: &[(String, Sizes)], moments: &[Moment], runs: usize) -> String {
    let mut text = String::from("| file | raw | gzip | brotli |\n| --- | ---: | ---: | ---: |\n");
    let mut widget = Sizes::default();
    for (name, size) in files {
        text.push_str(&format!(
            "| {name} | {} | {} | {} |\n",
            sizes::kb(size.raw),
            sizes::kb(size.gzip),
            sizes::kb(size.brotli)
        ));
        if name != "embed.js" {
            widget = widget + *size;
        }
    }
    text.push_str(&format!(
        "| widget total (glue + wasm + css) | {} | {} | {} |\n",
        sizes::kb(widget.raw),
        sizes::kb(widget.gzip),
        sizes::kb(widget.brotli)
    ));
    text.push_str(&format!(
        "\nFirst visit to the demo page over loopback, {runs} page loads, milliseconds after \
         navigation start:\n\n| moment | median | p90 |\n| --- | ---: | ---: |\n"
    ));
    let (archive, demo): (Vec<_>, Vec<_>) = moments
        .iter()
        .partition(|moment| moment.name.starts_with(ARCHIVE));
    let rows = |moments: &[&Moment]| {
        moments
            .iter()
            .map(|moment| {
                let name = moment.name.trim_start_matches(ARCHIVE);
                format!("| {name} | {:.0} | {:.0} |\n", moment.median, moment.p90)
            })
            .collect::<String>()
    };
    text.push_str(&rows(&demo));
    text.push_str(&format!(
        "\nThe demo's board of 1,000 ideas (`community-archive`), {runs} first visits, \
         milliseconds: the first page of 20 cards in the DOM after its response fully \
         arrived, and after the widget's code read its body; Load more from the click reaching \
         the page to 20 more cards (request included; no card already shown is re-rendered); \
         and the first page again when the same visitor reloads the page, the widget's files \
         and compiled code cached:\n\n| moment | median | p90 |\n| --- | ---: | ---: |\n"
    ));
    text.push_str(&rows(&archive));
    text.push_str(&format!("\nMachine: {}.\n", machine()));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_default_and_must_be_positive() {
        assert_eq!(parse(&[]), Ok(DEFAULT_RUNS));
        assert_eq!(parse(&["--runs".into(), "5".into()]), Ok(5));
        assert!(parse(&["--runs".into(), "0".into()]).is_err());
        assert!(parse(&["--requests".into(), "5".into()]).is_err());
    }

    #[test]
    fn moments_are_read_from_the_script_s_lines() {
        let read = moments("skeleton 12.5 20.0\nfirst_card 240.1 260.9\n").unwrap();
        assert_eq!(read[1].name, "first card");
        assert_eq!((read[1].median, read[1].p90), (240.1, 260.9));
        assert!(moments("skeleton twelve 20").is_err());
        assert!(moments("skeleton 1 2 3").is_err());
    }

    #[test]
    fn the_archive_s_moments_get_their_own_table() {
        let read = moments("first_card 240 260\narchive:load_more 80 95\n").unwrap();
        let text = table(&[], &read, 5);
        let (demo, archive) = text.split_once("1,000 ideas").unwrap();
        assert!(demo.contains("| first card | 240 | 260 |"), "{demo}");
        assert!(archive.contains("| load more | 80 | 95 |"), "{archive}");
        assert!(!demo.contains("load more"));
    }
}
