//! Checks for each tool the build and the tests need and installs what is missing.
//!
//! Every install uses a package registry (crates.io, Debian, npm) by name, so a fresh machine
//! with only Rust on it gets to a working build with no manual steps.

use std::process::Command;

use crate::cmd::{self, cargo};
use crate::Result;

/// The trunk release that builds with this toolchain (0.22 needs a newer rustc).
const TRUNK_VERSION: &str = "0.21.14";

/// Installs what building the widget needs: the wasm target, trunk, the wasm-bindgen CLI at the
/// locked version, and wasm-opt.
pub fn ensure_build_tools() -> Result {
    ensure_wasm_target()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()?;
    // Debian's binaryen (108) renumbers tables wrongly in modules that carry wasm-bindgen's
    // externref table, so wasm-opt comes from npm's binaryen, pinned in tools/package.json.
    ensure_debian("npm", "npm")?;
    ensure_npm_packages("tools")
}

/// `PATH` with the npm-installed build tools (wasm-opt) first, for running trunk.
pub fn path_with_build_tools() -> std::ffi::OsString {
    let bin = crate::root().join("tools/node_modules/.bin");
    let rest = std::env::var_os("PATH").unwrap_or_default();
    std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(&rest))).unwrap_or(rest)
}

/// Installs what the tests need on top of the build tools: Chromium, ChromeDriver, Node.js and
/// the end-to-end test packages.
pub fn ensure_test_tools() -> Result {
    ensure_build_tools()?;
    ensure_debian("chromium", "chromium")?;
    ensure_debian("chromedriver", "chromium-driver")?;
    ensure_npm_packages("tests/e2e")
}

fn ensure_wasm_target() -> Result {
    let installed = cmd::output(Command::new("rustup").args(["target", "list", "--installed"]));
    if installed.is_some_and(|list| list.lines().any(|t| t == "wasm32-unknown-unknown")) {
        return Ok(());
    }
    step("adding the wasm32-unknown-unknown target");
    cmd::run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn ensure_trunk() -> Result {
    let version = cmd::output(Command::new("trunk").arg("--version"));
    if version.is_some_and(|v| v.trim() == format!("trunk {TRUNK_VERSION}")) {
        return Ok(());
    }
    step(&format!(
        "installing trunk {TRUNK_VERSION} from crates.io (several minutes on a first run)"
    ));
    cmd::run(cargo().args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]))
}

fn ensure_wasm_bindgen() -> Result {
    let wanted = locked_version("wasm-bindgen")?;
    let version = cmd::output(Command::new("wasm-bindgen").arg("--version"));
    if version.is_some_and(|v| v.trim() == format!("wasm-bindgen {wanted}")) {
        return Ok(());
    }
    step(&format!(
        "installing wasm-bindgen-cli {wanted} (the version in Cargo.lock) from crates.io"
    ));
    // Without --locked: the CLI's own lock file pins a dependency that no longer resolves.
    cmd::run(cargo().args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        &format!("={wanted}"),
        "--force",
    ]))
}

/// The version of `package` recorded in Cargo.lock.
pub fn locked_version(package: &str) -> Result<String> {
    let lock = std::fs::read_to_string(crate::root().join("Cargo.lock"))
        .map_err(|error| format!("cannot read Cargo.lock: {error}"))?;
    let name_line = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == name_line {
            if let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = ")) {
                return Ok(version.trim_matches('"').to_owned());
            }
        }
    }
    Err(format!("{package} is not in Cargo.lock"))
}

/// Installs Debian's `package` when `program` is not on PATH.
fn ensure_debian(program: &str, package: &str) -> Result {
    if cmd::exists(program) {
        return Ok(());
    }
    install_debian(package, program)
}

/// Whether this process runs as root.
pub fn is_root() -> bool {
    cmd::output(Command::new("id").arg("-u")).is_some_and(|id| id.trim() == "0")
}

/// Installs Debian's `package`, which provides `what`, with apt-get (through sudo unless root).
pub fn install_debian(package: &str, what: &str) -> Result {
    step(&format!("installing Debian's {package} (for {what})"));
    let sudo = !is_root();
    if sudo && !cmd::exists("sudo") {
        return Err(format!(
            "{what} is missing; install it as root with `apt-get install {package}`"
        ));
    }
    let apt = |args: &[&str]| {
        let mut command = Command::new(if sudo { "sudo" } else { "apt-get" });
        if sudo {
            command.arg("apt-get");
        }
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        cmd::run(&mut command)
    };
    apt(&["update", "-q"])?;
    apt(&["install", "-y", "-q", package]).map_err(|error| {
        format!("{error}\n{what} is needed; install Debian's `{package}` and run again")
    })
}

/// Runs `npm ci` in `dir` (relative to the root) unless its packages match its lock file.
fn ensure_npm_packages(dir: &str) -> Result {
    let dir = crate::root().join(dir);
    let installed = dir.join("node_modules/.package-lock.json");
    let lock = dir.join("package-lock.json");
    let modified = |path: &std::path::Path| std::fs::metadata(path).and_then(|m| m.modified());
    match (modified(&installed), modified(&lock)) {
        (Ok(installed), Ok(lock)) if installed >= lock => return Ok(()),
        _ => {}
    }
    step(&format!("installing npm packages in {}", dir.display()));
    cmd::run(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(dir),
    )
}

/// Announces an installation step.
fn step(what: &str) {
    println!("\n==> {what}");
}
