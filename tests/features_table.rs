//! The features table (`src/ui/features.json`) against the code: the lazily
//! loaded modules it lists are exactly the `#[wasm_split(NAME, …)]` names
//! the browser app's code uses, the style sheets the code asks for are the
//! ones it lists, and a pack's link is a screen's. The build reads the
//! table to split, pack and copy (tools/post-build.mjs), so the code and
//! the table cannot drift apart unnoticed.

use ctit_screening::app::route::Screen;
use ctit_screening::app::sheet::Sheet;
use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn table() -> Value {
    let text = fs::read_to_string(root().join("src/ui/features.json"))
        .expect("src/ui/features.json is readable");
    serde_json::from_str(&text).expect("src/ui/features.json is JSON")
}

fn modules(table: &Value) -> &Vec<Value> {
    table["modules"]
        .as_array()
        .expect("the table has a list of modules")
}

/// Every `.rs` file under `dir`, at any depth (feature folders included).
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).expect("src/ui is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// Each string literal or name that follows `marker` in the browser app's
/// source, up to the first character `end` matches, with where it is.
fn after(marker: &str, end: fn(char) -> bool) -> Vec<(String, String)> {
    let ui = root().join("src/ui");
    let mut found = Vec::new();
    for file in rust_files(&ui) {
        let text = fs::read_to_string(&file).expect("source is readable");
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for (at, _) in line.match_indices(marker) {
                let rest = &line[at + marker.len()..];
                let name: String = rest.chars().take_while(|c| !end(*c)).collect();
                let place = format!(
                    "{}:{}",
                    file.strip_prefix(root()).unwrap_or(&file).display(),
                    n + 1
                );
                found.push((name.trim().to_string(), place));
            }
        }
    }
    found
}

#[test]
fn the_table_lists_exactly_the_wasm_split_names_the_code_uses() {
    let table = table();
    let listed: BTreeSet<String> = modules(&table)
        .iter()
        .map(|m| {
            m["name"]
                .as_str()
                .expect("each module has a name")
                .to_string()
        })
        .collect();
    let uses = after("#[wasm_split(", |c| c == ',' || c == ')');
    assert!(!uses.is_empty(), "the code has #[wasm_split] points");
    let used: BTreeSet<String> = uses.iter().map(|(name, _)| name.clone()).collect();
    let unlisted: Vec<_> = uses
        .iter()
        .filter(|(name, _)| !listed.contains(name))
        .map(|(name, place)| format!("{name} ({place})"))
        .collect();
    let unused: Vec<_> = listed.difference(&used).collect();
    assert!(
        unlisted.is_empty() && unused.is_empty(),
        "src/ui/features.json and the code disagree: used in the code but not listed: {unlisted:?}; \
         listed but used by no #[wasm_split]: {unused:?}"
    );
}

#[test]
fn every_style_sheet_the_code_adds_is_listed_with_a_module() {
    let table = table();
    let listed: BTreeSet<String> = modules(&table)
        .iter()
        .flat_map(|m| m["styles"].as_array().cloned().unwrap_or_default())
        .filter_map(|s| s.as_str().map(str::to_string))
        .collect();
    let missing: Vec<_> = Sheet::ALL
        .iter()
        .map(|sheet| format!("style/{}.css", sheet.name()))
        .filter(|path| !listed.contains(path))
        .collect();
    assert!(
        missing.is_empty(),
        "the code adds style sheets no module of src/ui/features.json lists (the build would not copy them): {missing:?}"
    );
    let unknown: Vec<_> = listed
        .iter()
        .filter(|path| {
            !Sheet::ALL
                .iter()
                .any(|s| **path == format!("style/{}.css", s.name()))
        })
        .collect();
    assert!(
        unknown.is_empty(),
        "src/ui/features.json lists style sheets no screen adds (src/app/sheet.rs): {unknown:?}"
    );
}

#[test]
fn a_packs_link_is_a_screens_fragment() {
    let table = table();
    for module in modules(&table) {
        if let Some(pack) = module.get("pack").and_then(Value::as_str) {
            let screen = Screen::from_hash(pack);
            assert!(
                screen != Screen::Home && screen.hash() == pack,
                "module {}: its pack's link {pack} is no screen's fragment (src/route.rs)",
                module["name"]
            );
        }
    }
}
