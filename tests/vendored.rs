//! Each vendored crate (`vendor/<name>`, see its `PATCHED.md`: the QR
//! reader quircs, Leptos's reactive graph) is the version `Cargo.lock`
//! resolves, and apart from our marked patches it is the published crate
//! byte for byte: an upgrade that forgets a patch, or an edit made by
//! accident, fails here loudly.
//!
//! The comparisons need the published copy, which cargo keeps under
//! `$CARGO_HOME/registry/src/*/<name>-<version>/` once it has downloaded
//! it; on a machine without it they print a note and pass.

use std::fs;
use std::path::{Path, PathBuf};

/// The vendored crates, each with the files of its copy that differ from
/// the published crate on purpose.
const VENDORED: &[(&str, &[&str])] = &[
    ("quircs", &["src/identify.rs"]),
    ("reactive_graph", &["src/graph/sets.rs"]),
];

/// The comment that opens each changed block of a patched file.
const MARK: &str = "// ctit patch:";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn vendored(name: &str) -> PathBuf {
    root().join("vendor").join(name)
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The `version = "…"` of the `[package]` in the copy's `Cargo.toml`.
fn vendored_version(name: &str) -> String {
    let manifest = read(&vendored(name).join("Cargo.toml"));
    let package = manifest.split("\n[").find(|t| t.starts_with("package]"));
    quoted(package.expect("a [package] table"), "version").expect("a version")
}

/// The value of `key = "value"` among the lines of `table`.
fn quoted(table: &str, key: &str) -> Option<String> {
    table.lines().find_map(|line| {
        let rest = line.strip_prefix(key)?.trim_start().strip_prefix('=')?;
        Some(rest.trim().trim_matches('"').to_string())
    })
}

/// Every file under `dir`, as paths relative to it, sorted.
fn files(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(at) = pending.pop() {
        for entry in fs::read_dir(&at).expect("a readable folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path.strip_prefix(dir).expect("inside");
                found.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found.sort();
    found
}

/// Each vendored crate (its name and patched files) with the published
/// crate of its version, for those cargo has here.
fn published_copies() -> impl Iterator<Item = (&'static str, &'static [&'static str], PathBuf)> {
    VENDORED
        .iter()
        .filter_map(|&(name, patched)| Some((name, patched, registry_copy(name)?)))
}

/// The published crate of the copy's version, if cargo has it here.
fn registry_copy(crate_name: &str) -> Option<PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))?;
    let name = format!("{crate_name}-{}", vendored_version(crate_name));
    let found = fs::read_dir(home.join("registry/src"))
        .ok()?
        .filter_map(|index| Some(index.ok()?.path().join(&name)))
        .find(|copy| copy.join("Cargo.toml").is_file());
    if found.is_none() {
        eprintln!(
            "note: {name} is not in {}/registry/src: the comparison with the published crate is skipped",
            home.display()
        );
    }
    found
}

/// The blocks where `ours` differs from `theirs`, line by line (a longest
/// common subsequence): each as the lines `ours` has there, possibly none.
fn changed_blocks(theirs: &str, ours: &str) -> Vec<Vec<String>> {
    let (a, b): (Vec<&str>, Vec<&str>) = (theirs.lines().collect(), ours.lines().collect());
    // common[i][j]: the longest common subsequence of a[i..] and b[j..].
    let mut common = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            common[i][j] = if a[i] == b[j] {
                common[i + 1][j + 1] + 1
            } else {
                common[i + 1][j].max(common[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut blocks = Vec::new();
    let mut block: Option<Vec<String>> = None;
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            blocks.extend(block.take());
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || common[i][j + 1] >= common[i + 1][j]) {
            block.get_or_insert_with(Vec::new).push(b[j].to_string());
            j += 1;
        } else {
            block.get_or_insert_with(Vec::new);
            i += 1;
        }
    }
    blocks.extend(block);
    blocks
}

#[test]
fn each_vendored_crate_is_the_version_cargo_lock_resolves_from_its_folder() {
    let lock = read(&root().join("Cargo.lock"));
    for (name, _) in VENDORED {
        let entries: Vec<&str> = lock
            .split("[[package]]")
            .filter(|p| quoted(p, "name").as_deref() == Some(name))
            .collect();
        assert_eq!(entries.len(), 1, "one {name} in Cargo.lock");
        assert_eq!(
            quoted(entries[0], "version"),
            Some(vendored_version(name)),
            "Cargo.lock resolves another version than vendor/{name}: is the [patch] still used?"
        );
        assert_eq!(
            quoted(entries[0], "source"),
            None,
            "Cargo.lock takes {name} from a registry, not from vendor/{name}"
        );
    }
}

#[test]
fn every_vendored_file_but_the_patched_ones_is_the_published_crate_byte_for_byte() {
    for (name, patched, published) in published_copies() {
        let ours = files(&vendored(name));
        for file in &ours {
            if file == "PATCHED.md" || patched.contains(&file.as_str()) {
                continue;
            }
            let theirs = fs::read(published.join(file))
                .unwrap_or_else(|_| panic!("vendor/{name}/{file} is not in the published crate"));
            assert!(
                fs::read(vendored(name).join(file)).expect("ours") == theirs,
                "vendor/{name}/{file} differs from {}",
                published.join(file).display()
            );
        }
        for file in files(&published) {
            let needed =
                file.starts_with("src/") || ["Cargo.toml", "LICENSE"].contains(&file.as_str());
            assert!(
                !needed || ours.contains(&file),
                "vendor/{name} lacks {file} of the published crate"
            );
        }
    }
}

#[test]
fn the_patched_files_differ_from_the_published_ones_only_in_blocks_marked_ctit_patch() {
    for (name, patched, published) in published_copies() {
        for file in patched {
            let theirs = read(&published.join(file));
            let ours = read(&vendored(name).join(file));
            let blocks = changed_blocks(&theirs, &ours);
            assert!(
                !blocks.is_empty(),
                "vendor/{name}/{file}: the patch is gone"
            );
            for block in blocks {
                assert!(
                    block
                        .first()
                        .is_some_and(|line| line.trim_start().starts_with(MARK)),
                    "vendor/{name}/{file}: a change not opened by `{MARK}`:\n{}",
                    block.join("\n")
                );
            }
        }
    }
}

#[test]
fn a_block_is_found_where_lines_are_changed_added_or_removed() {
    let theirs = "a\nb\nc\nd\ne\n";
    assert!(changed_blocks(theirs, theirs).is_empty());
    assert_eq!(
        changed_blocks(theirs, "a\n// x\nB\nc\nd\n"),
        [vec!["// x".to_string(), "B".to_string()], vec![]]
    );
    assert_eq!(
        changed_blocks(theirs, "z\na\nb\nc\nd\ne\n"),
        [vec!["z".to_string()]]
    );
}
