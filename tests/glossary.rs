//! The glossary (`src/text/glossary.rs`) against every word table: no
//! forbidden variant of a term appears in a string a patient or a
//! coordinator can read, a bound word (密码, password, 标签) appears only
//! inside its terms, every term's Chinese is in use, and no file outside
//! the word tables holds Chinese words unchecked.
//!
//! What is read: the strings of every `src/ui/**/words.rs`, of the shared
//! answers and operations (`src/ui/common/{answers,operations}.rs`), of
//! every file of `src/text/` but the glossary itself, of `web/boot.js` and
//! `web/sw-register.js` (the words shown before or beside the app), and the
//! text of `index.html` and `web/manifest.webmanifest`. Comments are not
//! words; nor is a file's `#[cfg(test)]` module (by the code's convention
//! the last item of a file), whose strings may name a banned word to check
//! its absence.

use ctit_screening::text::glossary::{BOUND, GLOSSARY};
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A string as written in a file: where it starts and its text (escapes
/// left as written: a banned word never holds one).
struct Literal {
    line: usize,
    text: String,
}

/// Every `.rs` file under `dir`, at any depth.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).expect("a source folder is readable") {
        let path = entry.expect("a folder entry is readable").path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The strings of Rust source outside comments, up to its `#[cfg(test)]`
/// module: plain, byte and raw strings (`r#"…"#`); char literals and
/// lifetimes are stepped over so a `'"'` opens nothing.
fn rust_literals(src: &str) -> Vec<Literal> {
    let src = match src.find("\n#[cfg(test)]") {
        Some(at) => &src[..at],
        None => src,
    };
    let c: Vec<char> = src.chars().collect();
    let (mut i, mut line, mut out) = (0, 1, Vec::new());
    let ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    while i < c.len() {
        match c[i] {
            '\n' => {
                line += 1;
                i += 1;
            }
            '/' if c.get(i + 1) == Some(&'/') => {
                while i < c.len() && c[i] != '\n' {
                    i += 1;
                }
            }
            '/' if c.get(i + 1) == Some(&'*') => {
                let mut depth = 0;
                while i < c.len() {
                    if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                        depth += 1;
                        i += 2;
                    } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        line += usize::from(c[i] == '\n');
                        i += 1;
                    }
                }
            }
            '\'' => {
                if c.get(i + 1) == Some(&'\\') {
                    // An escaped char literal: '\n', '\'', '\u{..}'.
                    i += 2;
                    while i < c.len() && c[i] != '\'' {
                        i += 1;
                    }
                    i += 1;
                } else if c.get(i + 2) == Some(&'\'') {
                    i += 3;
                } else {
                    // A lifetime or a label.
                    i += 1;
                }
            }
            'r' if (i == 0
                || !ident(c[i - 1])
                || (c[i - 1] == 'b' && (i < 2 || !ident(c[i - 2]))))
                && matches!(c.get(i + 1), Some('"' | '#')) =>
            {
                let mut j = i + 1;
                let mut hashes = 0;
                while c.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if c.get(j) != Some(&'"') {
                    i += 1;
                    continue;
                }
                let (start, first) = (j + 1, line);
                let mut k = start;
                loop {
                    if k >= c.len() {
                        break;
                    }
                    if c[k] == '"' && (1..=hashes).all(|h| c.get(k + h) == Some(&'#')) {
                        break;
                    }
                    line += usize::from(c[k] == '\n');
                    k += 1;
                }
                out.push(Literal {
                    line: first,
                    text: c[start..k.min(c.len())].iter().collect(),
                });
                i = k + 1 + hashes;
            }
            '"' => {
                let (start, first) = (i + 1, line);
                let mut k = start;
                while k < c.len() && c[k] != '"' {
                    if c[k] == '\\' {
                        line += usize::from(c.get(k + 1) == Some(&'\n'));
                        k += 2;
                    } else {
                        line += usize::from(c[k] == '\n');
                        k += 1;
                    }
                }
                out.push(Literal {
                    line: first,
                    text: c[start..k.min(c.len())].iter().collect(),
                });
                i = k + 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// The strings of a script outside comments: '…', "…" and `…` (a
/// template's `${…}` is read as text; the scripts read hold no regular
/// expression with a quote).
fn js_literals(src: &str) -> Vec<Literal> {
    let c: Vec<char> = src.chars().collect();
    let (mut i, mut line, mut out) = (0, 1, Vec::new());
    while i < c.len() {
        match c[i] {
            '\n' => {
                line += 1;
                i += 1;
            }
            '/' if c.get(i + 1) == Some(&'/') => {
                while i < c.len() && c[i] != '\n' {
                    i += 1;
                }
            }
            '/' if c.get(i + 1) == Some(&'*') => {
                i += 2;
                while i < c.len() && !(c[i] == '*' && c.get(i + 1) == Some(&'/')) {
                    line += usize::from(c[i] == '\n');
                    i += 1;
                }
                i += 2;
            }
            q @ ('\'' | '"' | '`') => {
                let (start, first) = (i + 1, line);
                let mut k = start;
                while k < c.len() && c[k] != q {
                    k += if c[k] == '\\' { 2 } else { 1 };
                }
                let text: String = c[start..k.min(c.len())].iter().collect();
                line += text.matches('\n').count();
                out.push(Literal { line: first, text });
                i = k + 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// A page or manifest as text, each line one literal, without `<!-- -->`
/// comments.
fn text_lines(src: &str) -> Vec<Literal> {
    let mut out = Vec::new();
    let mut in_comment = false;
    for (n, raw) in src.lines().enumerate() {
        let mut kept = String::new();
        let mut rest = raw;
        loop {
            if in_comment {
                match rest.find("-->") {
                    Some(end) => {
                        rest = &rest[end + 3..];
                        in_comment = false;
                    }
                    None => break,
                }
            } else {
                match rest.find("<!--") {
                    Some(start) => {
                        kept.push_str(&rest[..start]);
                        rest = &rest[start + 4..];
                        in_comment = true;
                    }
                    None => {
                        kept.push_str(rest);
                        break;
                    }
                }
            }
        }
        out.push(Literal {
            line: n + 1,
            text: kept,
        });
    }
    out
}

/// Every word table, by its path from the repository's root.
fn word_tables() -> Vec<PathBuf> {
    let root = root();
    let mut tables: Vec<PathBuf> = rust_files(&root.join("src/ui"))
        .into_iter()
        .filter(|p| p.file_name().is_some_and(|n| n == "words.rs"))
        .collect();
    tables.extend(
        rust_files(&root.join("src/text"))
            .into_iter()
            .filter(|p| !p.ends_with("glossary.rs")),
    );
    for other in [
        "src/ui/common/answers.rs",
        "src/ui/common/operations.rs",
        "web/boot.js",
        "web/sw-register.js",
        "index.html",
        "web/manifest.webmanifest",
    ] {
        let path = root.join(other);
        assert!(
            path.is_file(),
            "{other} holds words the glossary checks, and is gone: say in tests/glossary.rs where its words went"
        );
        tables.push(path);
    }
    tables
}

/// A word table's strings.
fn literals(path: &Path) -> Vec<Literal> {
    let src = fs::read_to_string(path).expect("a word table is readable");
    match path.extension().and_then(|e| e.to_str()) {
        Some("rs") => rust_literals(&src),
        Some("js") => js_literals(&src),
        _ => text_lines(&src),
    }
}

fn shown(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Every occurrence of `needle` in `hay` (for English, both in lower case),
/// as its byte offset.
fn find_all(hay: &str, needle: &str) -> Vec<usize> {
    hay.match_indices(needle).map(|(at, _)| at).collect()
}

/// The line of byte offset `at` of `text` (a literal's text, or that text
/// in lower case), the literal starting on line `first`.
fn line_of(first: usize, text: &str, at: usize) -> usize {
    first
        + text
            .get(..at)
            .map_or(0, |before| before.matches('\n').count())
}

/// Whether a word is Chinese (holds a CJK ideograph).
fn is_chinese(word: &str) -> bool {
    word.chars()
        .any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch))
}

#[test]
fn no_word_table_uses_a_variant_the_glossary_forbids() {
    let mut found = Vec::new();
    for path in word_tables() {
        for lit in literals(&path) {
            let lower = lit.text.to_lowercase();
            for term in GLOSSARY {
                let banned = term
                    .not_zh
                    .iter()
                    .map(|v| (*v, lit.text.as_str(), term.zh, v.to_string()))
                    .chain(
                        term.not_en
                            .iter()
                            .map(|v| (*v, lower.as_str(), term.en, v.to_lowercase())),
                    );
                for (variant, hay, right, needle) in banned {
                    for at in find_all(hay, &needle) {
                        found.push(format!(
                            "{}:{}: “{variant}” is not the glossary's word for {}: write “{right}”",
                            shown(&path),
                            line_of(lit.line, hay, at),
                            term.concept
                        ));
                    }
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "forbidden variants (src/text/glossary.rs says why):\n{}",
        found.join("\n")
    );
}

#[test]
fn a_bound_word_appears_only_inside_its_terms() {
    let mut found = Vec::new();
    for path in word_tables() {
        for lit in literals(&path) {
            for bound in BOUND {
                let chinese = is_chinese(bound.word);
                let hay = if chinese {
                    lit.text.clone()
                } else {
                    lit.text.to_lowercase()
                };
                for at in find_all(&hay, bound.word) {
                    let inside = bound.within.iter().any(|term| {
                        find_all(term, bound.word).into_iter().any(|offset| {
                            at >= offset
                                && hay.get(at - offset..).is_some_and(|s| s.starts_with(term))
                        })
                    });
                    if !inside {
                        found.push(format!(
                            "{}:{}: “{}” alone in “{}”: write one of {:?}",
                            shown(&path),
                            line_of(lit.line, &hay, at),
                            bound.word,
                            lit.text.trim(),
                            bound.within
                        ));
                    }
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "bound words standing alone (src/text/glossary.rs says why):\n{}",
        found.join("\n")
    );
}

/// Every term's Chinese is in some word table, so the glossary stays the
/// words the app uses. (English is not checked so: a sentence may need a
/// term capitalised, plural or inflected, and the English terms are the
/// app's long-standing ones.)
#[test]
fn every_glossary_term_is_a_word_the_app_uses() {
    let all: Vec<String> = word_tables()
        .iter()
        .flat_map(|p| literals(p))
        .map(|l| l.text)
        .collect();
    let unused: Vec<String> = GLOSSARY
        .iter()
        .filter(|t| !all.iter().any(|text| text.contains(t.zh)))
        .map(|t| format!("“{}” ({}) is in no word table", t.zh, t.concept))
        .collect();
    assert!(
        unused.is_empty(),
        "glossary terms the app does not use:\n{}",
        unused.join("\n")
    );
}

#[test]
fn the_glossary_is_consistent_with_itself() {
    let mut concepts = std::collections::BTreeSet::new();
    for t in GLOSSARY {
        assert!(concepts.insert(t.concept), "{} twice", t.concept);
        assert!(is_chinese(t.zh), "{}: zh is Chinese", t.concept);
        assert!(!t.en.is_empty() && !t.why.is_empty(), "{}", t.concept);
        for v in t.not_zh {
            assert!(
                !t.zh.contains(v),
                "{}: the term holds its variant {v}",
                t.concept
            );
        }
        for v in t.not_en {
            assert!(
                !t.en.to_lowercase().contains(&v.to_lowercase()),
                "{}: the term holds its variant {v}",
                t.concept
            );
        }
        // No term is banned by another's variants.
        for other in GLOSSARY {
            for v in other.not_zh {
                assert!(
                    !t.zh.contains(v),
                    "{} is banned by {}'s {v}",
                    t.zh,
                    other.concept
                );
            }
            for v in other.not_en {
                assert!(
                    !t.en.to_lowercase().contains(&v.to_lowercase()),
                    "{} is banned by {}'s {v}",
                    t.en,
                    other.concept
                );
            }
        }
    }
    for b in BOUND {
        assert!(
            b.within.iter().all(|w| w.contains(b.word)),
            "each of {:?} holds {}",
            b.within,
            b.word
        );
        if !is_chinese(b.word) {
            assert_eq!(
                b.word,
                b.word.to_lowercase(),
                "an English bound word is in lower case"
            );
        }
    }
}

/// A file of `src/` outside the word tables whose strings (tests apart)
/// hold Chinese would escape the checks above: words belong in a word table.
#[test]
fn chinese_words_live_only_in_the_word_tables() {
    let tables = word_tables();
    let mut found = Vec::new();
    for path in rust_files(&root().join("src")) {
        let in_tests = path.file_name().is_some_and(|n| n == "tests.rs")
            || path.components().any(|c| c.as_os_str() == "tests");
        if tables.contains(&path) || in_tests || path.ends_with("src/text/glossary.rs") {
            continue;
        }
        for lit in literals(&path) {
            if is_chinese(&lit.text) {
                found.push(format!("{}:{}: {}", shown(&path), lit.line, lit.text));
            }
        }
    }
    assert!(
        found.is_empty(),
        "Chinese words outside the word tables (move them into one, or add the file to tests/glossary.rs's word_tables):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_reader_finds_strings_and_skips_comments_chars_and_tests() {
    let src = "// 筛查 in a comment\n/* 筛查 /* nested */ 筛查 */\nlet a = '\"'; let b: &'static str = \"one\";\nlet c = r#\"two \"quoted\"\"#;\nlet d = \"three\\\n 筛查\";\n#[cfg(test)]\nmod tests { \"four\" }\n";
    let found: Vec<(usize, String)> = rust_literals(src)
        .into_iter()
        .map(|l| (l.line, l.text))
        .collect();
    assert_eq!(
        found,
        vec![
            (3, "one".to_string()),
            (4, "two \"quoted\"".to_string()),
            (5, "three\\\n 筛查".to_string()),
        ]
    );
    let lit = &rust_literals(src)[2];
    assert_eq!(
        line_of(lit.line, &lit.text, lit.text.find('筛').unwrap()),
        6
    );
    let js = "// '筛查'\nconst w = ['a', \"b\", `c`]; /* 'x' */\n";
    let texts: Vec<String> = js_literals(js).into_iter().map(|l| l.text).collect();
    assert_eq!(texts, ["a", "b", "c"]);
    let html = "<p>one</p><!-- 筛查\n筛查 --><p>two</p>\n";
    let lines: Vec<String> = text_lines(html).into_iter().map(|l| l.text).collect();
    assert_eq!(lines, ["<p>one</p>", "<p>two</p>"]);
}
