//! Keeps docs/theming.md true: it must list every `--kindred-*` property the stylesheet reads
//! and every `part` the widget and the loader put on their elements.

use std::collections::BTreeSet;
use std::path::Path;

fn read(path: &str) -> String {
    std::fs::read_to_string(crate::root().join(path)).unwrap()
}

/// Every `--kindred-…` name in `text`.
fn properties(text: &str) -> BTreeSet<String> {
    text.match_indices("--kindred-")
        .map(|(at, _)| {
            let name: String = text[at..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            name
        })
        .filter(|name| !name.ends_with('-'))
        .collect()
}

/// Every `part="…"` value in `text`, and the loader's `setAttribute("part", "…")` ones.
fn parts(text: &str) -> BTreeSet<String> {
    ["part=\"", "\"part\", \""]
        .iter()
        .flat_map(|prefix| {
            text.match_indices(prefix)
                .map(move |(at, _)| at + prefix.len())
        })
        .map(|start| text[start..].chars().take_while(|c| *c != '"').collect())
        .collect()
}

/// The source files of the widget.
fn widget_sources(dir: &Path, out: &mut String) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            widget_sources(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
}

#[test]
fn every_property_the_stylesheet_reads_is_documented() {
    let docs = properties(&read("docs/theming.md"));
    let css = properties(&read("style/kindred.css"));
    assert!(css.len() >= 20, "{css:?}");
    let missing: Vec<_> = css.difference(&docs).collect();
    assert!(missing.is_empty(), "docs/theming.md lacks {missing:?}");
    let stale: Vec<_> = docs.difference(&css).collect();
    assert!(stale.is_empty(), "docs/theming.md lists unknown {stale:?}");
}

#[test]
fn every_part_is_documented() {
    let docs = read("docs/theming.md");
    let mut sources = read("loader/embed.js");
    widget_sources(&crate::root().join("src"), &mut sources);
    let parts = parts(&sources);
    assert!(
        parts.contains("vote-button") && parts.contains("skeleton"),
        "{parts:?}"
    );
    for part in parts {
        assert!(
            docs.contains(&format!("| `{part}` |")),
            "docs/theming.md lacks part {part}"
        );
    }
}
