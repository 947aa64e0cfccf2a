//! `cargo xtask dist`: the distributable widget in `dist/`, with its sizes.
//!
//! trunk builds the wasm and its glue from index.html (release, offline, wasm-opt). This task
//! then assembles what a brand deploys: `embed.js`, the only file with a stable name, pointing
//! at the content-hashed glue and stylesheet beside it. The demo brand page and its own assets
//! are copied alongside so the reference server can serve the whole demo from one directory,
//! and the console, built by trunk from `crates/console`, goes to `dist/console/`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::sizes::{self, Sizes};
use crate::{cmd, tools, Result};

/// The loader's line naming the widget's files, rewritten with the hashed names.
const FILES_LINE: &str =
    r#"var FILES = { "glue": "kindred.js", "wasm": "kindred_bg.wasm", "css": "kindred.css" };"#;

/// Loader budget in brotli bytes, and the whole widget's (glue + wasm + CSS).
const LOADER_BUDGET: usize = 2_000;
const WIDGET_BUDGET: usize = 100_000;

/// The files of a finished build.
pub struct Dist {
    /// The directory holding everything.
    pub dir: PathBuf,
}

/// Builds `dist/` and prints its sizes.
pub fn run() -> Result<Dist> {
    tools::ensure_build_tools()?;
    build()
}

/// Everything the distributable is built from; a change to any of it means a new build.
const INPUTS: &[&str] = &[
    ".cargo/config.toml",
    "Cargo.toml",
    "Cargo.lock",
    "Trunk.toml",
    "index.html",
    "src",
    "style",
    "loader",
    "demo",
    "crates/api",
    "crates/console",
    "tools/package-lock.json",
];

/// Where the fingerprint of the inputs of the last build is kept.
const STAMP: &str = ".inputs";

/// Builds `dist/` with the tools already in place, and prints its sizes. When nothing it is
/// built from has changed since the last build, the existing files are kept.
pub fn build() -> Result<Dist> {
    let root = crate::root();
    let dir = root.join("dist");
    let fingerprint = fingerprint(&root)?;
    if fs::read_to_string(dir.join(STAMP)).is_ok_and(|stamp| stamp == fingerprint) {
        println!("dist/ is up to date with its sources");
        report_dir(&dir)?;
        return Ok(Dist { dir });
    }
    let staged = root.join("target/trunk");
    trunk(&root)?;
    trunk(&root.join("crates/console"))?;

    if dir.exists() {
        fs::remove_dir_all(&dir).map_err(|e| format!("cannot clear {}: {e}", dir.display()))?;
    }
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;

    let glue = find(&staged, Kind::Glue)?;
    let wasm = find(&staged, Kind::Wasm)?;
    let css_source = read(&root.join("style/kindred.css"))?;
    let css = format!("kindred-{}.css", hash(css_source.as_bytes()));
    write(&dir.join(&css), css_source.as_bytes())?;

    let loader = read(&root.join("loader/embed.js"))?;
    if !loader.contains(FILES_LINE) {
        return Err(format!(
            "loader/embed.js must contain the line `{FILES_LINE}`"
        ));
    }
    let files = format!(r#"var FILES = {{ "glue": "{glue}", "wasm": "{wasm}", "css": "{css}" }};"#);
    write(
        &dir.join("embed.js"),
        minify_js(&loader.replace(FILES_LINE, &files))?.as_bytes(),
    )?;

    // Everything else trunk produced (glue, wasm, the demo page and its assets) as it is.
    for entry in entries(&staged)? {
        if let (Some(name), true) = (entry.file_name(), entry.is_file()) {
            fs::copy(&entry, dir.join(name))
                .map_err(|e| format!("cannot copy {}: {e}", entry.display()))?;
        }
    }

    let console = dir.join("console");
    fs::create_dir_all(&console)
        .map_err(|e| format!("cannot create {}: {e}", console.display()))?;
    for entry in entries(&root.join("target/trunk-console"))? {
        if let (Some(name), true) = (entry.file_name(), entry.is_file()) {
            fs::copy(&entry, console.join(name))
                .map_err(|e| format!("cannot copy {}: {e}", entry.display()))?;
        }
    }

    write(&dir.join(STAMP), fingerprint.as_bytes())?;
    report_dir(&dir)?;
    Ok(Dist { dir })
}

/// Runs `trunk build` in `dir`, which holds a `Trunk.toml` and the page it builds.
fn trunk(dir: &Path) -> Result {
    cmd::run(
        Command::new("trunk")
            .args(["build", "--release", "--offline"])
            .current_dir(dir)
            .env("PATH", tools::path_with_build_tools())
            // trunk starts its own cargo; variables cargo set for this task must not leak into it.
            .env_remove("CARGO_TARGET_DIR")
            .env_remove("CARGO_MANIFEST_DIR")
            .env_remove("CARGO_PKG_NAME"),
    )
}

/// The widget's content-hashed files, told apart by name.
#[derive(Clone, Copy)]
enum Kind {
    Glue,
    Wasm,
    Css,
}

impl Kind {
    fn matches(self, name: &str) -> bool {
        let suffix = match self {
            Kind::Glue => ".js",
            Kind::Wasm => "_bg.wasm",
            Kind::Css => ".css",
        };
        name.starts_with("kindred-") && name.ends_with(suffix)
    }
}

/// Prints the sizes of the loader and the widget's files in `dir`.
fn report_dir(dir: &Path) -> Result {
    let glue = find(dir, Kind::Glue)?;
    let wasm = find(dir, Kind::Wasm)?;
    let css = find(dir, Kind::Css)?;
    report(dir, &glue, &wasm, &css)
}

/// A hash of the names and contents of every input file, in a stable order.
fn fingerprint(root: &Path) -> Result<String> {
    let mut files = Vec::new();
    for input in INPUTS {
        collect_files(&root.join(input), &mut files)?;
    }
    files.sort();
    let mut all = Vec::new();
    for file in files {
        all.extend_from_slice(
            file.strip_prefix(root)
                .unwrap_or(&file)
                .as_os_str()
                .as_encoded_bytes(),
        );
        all.push(0);
        all.extend_from_slice(
            &fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?,
        );
        all.push(0);
    }
    Ok(hash(&all))
}

fn collect_files(path: &Path, files: &mut Vec<PathBuf>) -> Result {
    if path.is_dir() {
        for entry in entries(path)? {
            collect_files(&entry, files)?;
        }
    } else if path.is_file() {
        files.push(path.to_path_buf());
    }
    Ok(())
}

fn report(dir: &Path, glue: &str, wasm: &str, css: &str) -> Result {
    println!("\n{}", sizes::header());
    let loader = sizes::measure_file(&dir.join("embed.js"))?;
    println!("{}", sizes::row("embed.js", loader));
    let mut widget = Sizes::default();
    for name in [glue, wasm, css] {
        let file = sizes::measure_file(&dir.join(name))?;
        println!("{}", sizes::row(name, file));
        widget = widget + file;
    }
    println!("{}", sizes::row("widget total (glue + wasm + css)", widget));
    let mut console = Sizes::default();
    for entry in entries(&dir.join("console"))? {
        console = console + sizes::measure_file(&entry)?;
    }
    println!("{}", sizes::row("console (every file)", console));
    println!(
        "\nbudgets (brotli): loader {} of {} {}, widget {} of {} {}",
        sizes::kb(loader.brotli),
        sizes::kb(LOADER_BUDGET),
        verdict(loader.brotli <= LOADER_BUDGET),
        sizes::kb(widget.brotli),
        sizes::kb(WIDGET_BUDGET),
        verdict(widget.brotli <= WIDGET_BUDGET),
    );
    Ok(())
}

fn verdict(within: bool) -> &'static str {
    if within {
        "(within)"
    } else {
        "(OVER)"
    }
}

/// Minifies the loader with oxc (comments and spaces dropped, local names shortened), so it
/// stays readable in the repository and small on the wire. The `/*!` banner on its first
/// line is kept.
fn minify_js(source: &str) -> Result<String> {
    use oxc::allocator::Allocator;
    use oxc::codegen::{Codegen, CodegenOptions};
    use oxc::minifier::{Minifier, MinifierOptions};
    use oxc::parser::Parser;
    use oxc::span::SourceType;

    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, source, SourceType::script()).parse();
    if let Some(error) = parsed.errors.first() {
        return Err(format!("cannot minify the loader: {error}"));
    }
    let mut program = parsed.program;
    let minified = Minifier::new(MinifierOptions::default()).minify(&allocator, &mut program);
    let code = Codegen::new()
        .with_options(CodegenOptions::minify())
        .with_scoping(minified.scoping)
        .build(&program)
        .code;
    let banner = source.lines().next().filter(|line| line.starts_with("/*!"));
    Ok(banner.map_or(String::new(), |banner| format!("{banner}\n")) + &code + "\n")
}

/// A short, stable content hash (FNV-1a, 64 bits) for cache-busting file names.
fn hash(bytes: &[u8]) -> String {
    let digest = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{digest:016x}")
}

fn find(dir: &Path, kind: Kind) -> Result<String> {
    let found: Vec<String> = entries(dir)?
        .iter()
        .filter_map(|path| path.file_name()?.to_str().map(str::to_owned))
        .filter(|name| kind.matches(name))
        .collect();
    match found.as_slice() {
        [one] => Ok(one.clone()),
        _ => Err(format!(
            "expected exactly one matching file in {}, found {found:?}",
            dir.display()
        )),
    }
}

fn entries(dir: &Path) -> Result<Vec<PathBuf>> {
    let read = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    Ok(read.filter_map(|entry| Some(entry.ok()?.path())).collect())
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result {
    fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minify_keeps_the_banner_and_what_the_code_does() {
        let source = "/*! banner */\n(function () {\n  // note\n  var longName = \"https://x\"; // why\n  f(longName);\n})();\n";
        let out = minify_js(source).unwrap();
        assert!(out.starts_with("/*! banner */\n"), "{out}");
        assert!(out.contains("https://x") && out.contains("f("), "{out}");
        assert!(!out.contains("longName") && !out.contains("note"), "{out}");
        assert!(minify_js("var = ;").is_err());
    }

    #[test]
    fn hash_is_stable_and_content_sensitive() {
        assert_eq!(hash(b""), "cbf29ce484222325");
        assert_ne!(hash(b"a{}"), hash(b"b{}"));
        assert_eq!(hash(b"same").len(), 16);
    }

    #[test]
    fn the_loader_source_names_its_files_on_the_expected_line() {
        let loader = std::fs::read_to_string(crate::root().join("loader/embed.js")).unwrap();
        assert!(loader.contains(FILES_LINE));
    }
}
