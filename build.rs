//! Compiles the shipped criteria packs (`src/engine/pack/*.json`) into
//! constants, so the JSON documents are the one source of the rules and
//! their words and the app needs neither a fetch nor a parse to judge.
//!
//! For each pack it writes a module (`nct07063225_v1`) with `PACK` (the
//! [`Pack`](src/engine/pack/mod.rs) with its rules as constant data), the
//! criteria's texts and notes as functions (so only the screens that show
//! them carry them), and the document itself as `JSON` (read natively by
//! `screen`). It reads the documents with the engine's own serde shapes
//! (`doc.rs`). Fields are named by id and resolved by a `const fn`, and
//! criteria by their `CriterionId`: a field or criterion the build does not
//! know stops the build. Everything else a pack must be is checked by
//! `load.rs`, which a native test runs over every shipped pack.

#[path = "src/engine/pack/doc.rs"]
#[allow(dead_code)]
mod doc;

use doc::{CriterionDoc, KindDoc, PackDoc, RuleDoc, SpanDoc, exact_parts};
use std::fmt::Write as _;
use std::path::Path;

fn main() {
    // `CTIT_CRITERIA_V2=1` builds with the worked amendment adopted as the
    // current criteria (`cfg(criteria_v2)`, `engine::pack`): the browser
    // tests of the amendment view run against such a build. The shipped
    // app is built without it.
    println!("cargo::rustc-check-cfg=cfg(criteria_v2)");
    println!("cargo::rerun-if-env-changed=CTIT_CRITERIA_V2");
    if std::env::var("CTIT_CRITERIA_V2").is_ok_and(|v| v == "1") {
        println!("cargo::rustc-cfg=criteria_v2");
    }
    let dir = Path::new("src/engine/pack");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("src/engine/pack is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|e| e == "json")
                && !p.to_string_lossy().ends_with(".schema.json")
        })
        .collect();
    files.sort();
    let mut out = String::new();
    let mut all = Vec::new();
    for path in files {
        println!("cargo::rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("a pack is readable");
        let pack: PackDoc = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: not a criteria pack: {e}", path.display()));
        let name = format!("{}_v{}", pack.trial.to_lowercase(), pack.version);
        write_pack(&mut out, &name, &pack, &path);
        all.push((pack.version, name));
    }
    all.sort();
    let _ = writeln!(
        out,
        "/// Every pack compiled in, oldest version first.\npub const ALL: &[&Pack] = &[{}];",
        all.iter()
            .map(|(_, name)| format!("&{name}::PACK"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let target = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("packs.rs");
    std::fs::write(target, out).expect("OUT_DIR is writable");
}

fn write_pack(out: &mut String, name: &str, pack: &PackDoc, path: &Path) {
    let (y, m, d) = date_parts(&pack.date);
    let _ = writeln!(out, "/// `{}`, version {}.", pack.trial, pack.version);
    let _ = writeln!(out, "pub mod {name} {{\n    use super::*;");
    let _ = writeln!(
        out,
        "    /// The pack.\n    pub const PACK: Pack = Pack {{ trial: {:?}, version: {}, date: Date::known({y}, {m}, {d}), source: {:?}, criteria: &[",
        pack.trial, pack.version, pack.source
    );
    for c in &pack.criteria {
        write_criterion(out, c);
    }
    let _ = writeln!(out, "    ] }};");
    write_texts(out, pack, "title_en", |c| Some(&c.title.en), false);
    write_texts(out, pack, "title_zh", |c| Some(&c.title.zh), false);
    write_texts(out, pack, "text_en", |c| Some(&c.text.en), false);
    write_texts(out, pack, "text_zh", |c| Some(&c.text.zh), false);
    write_texts(
        out,
        pack,
        "note_en",
        |c| c.note.as_ref().map(|n| &n.en),
        true,
    );
    write_texts(
        out,
        pack,
        "note_zh",
        |c| c.note.as_ref().map(|n| &n.zh),
        true,
    );
    let _ = writeln!(
        out,
        "    /// The criteria's words.\n    pub const WORDS: PackWords = PackWords {{ title_en, title_zh, text_en, text_zh, note_en, note_zh }};"
    );
    // (Named from the package's folder when compiled, not written here as
    // a path of this checkout: the generated file stays the same wherever
    // the repository is, and a build directory shared by two checkouts
    // never names a file of the other.)
    let _ = writeln!(
        out,
        "    /// The pack's document as shipped.\n    #[allow(dead_code)]\n    pub const JSON: &str = include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{}\"));\n}}",
        path.display()
    );
}

fn write_criterion(out: &mut String, c: &CriterionDoc) {
    let kind = match c.kind {
        KindDoc::Inclusion => "Inclusion",
        KindDoc::Exclusion => "Exclusion",
    };
    let mut fields = Vec::new();
    collect_fields(&c.rule, &mut fields);
    let fields: Vec<String> = fields
        .iter()
        .map(|f| format!("known_field({f:?})"))
        .collect();
    let _ = writeln!(
        out,
        "        Criterion {{ id: CriterionId::{id}, code: {id:?}, kind: CriterionKind::{kind}, fields: &[{}], has_note: {}, rule: {} }},",
        fields.join(", "),
        c.note.is_some(),
        rule(&c.rule),
        id = c.id,
    );
}

/// One text per criterion as a function; an `optional` one returns
/// `None` where a criterion has none.
fn write_texts(
    out: &mut String,
    pack: &PackDoc,
    name: &str,
    text: impl Fn(&CriterionDoc) -> Option<&String>,
    optional: bool,
) {
    let all = !optional;
    let ret = if all {
        "&'static str"
    } else {
        "Option<&'static str>"
    };
    let _ = writeln!(
        out,
        "    /// Each criterion's `{name}`.\n    pub fn {name}(id: CriterionId) -> {ret} {{\n        match id {{"
    );
    for c in &pack.criteria {
        let value = match (text(c), all) {
            (Some(t), true) => format!("{t:?}"),
            (Some(t), false) => format!("Some({t:?})"),
            (None, true) => panic!("{}: criterion {} has no {name}", pack.trial, c.id),
            (None, false) => "None".to_string(),
        };
        let _ = writeln!(out, "            CriterionId::{} => {value},", c.id);
    }
    let _ = writeln!(out, "        }}\n    }}");
}

fn collect_fields(rule: &RuleDoc, out: &mut Vec<String>) {
    let mut add = |f: &str| {
        if !out.iter().any(|o| o == f) {
            out.push(f.to_string());
        }
    };
    match rule {
        RuleDoc::All(parts) | RuleDoc::Any(parts) => {
            parts.iter().for_each(|p| collect_fields(p, out));
        }
        RuleDoc::Not(part) => collect_fields(part, out),
        RuleDoc::Unless(u) => {
            add(&u.field);
            collect_fields(&u.then, out);
        }
        RuleDoc::YesNo(c) => add(&c.field),
        RuleDoc::ExcludesIfYes(c) | RuleDoc::Negative(c) | RuleDoc::ExcludesIfPositive(c) => {
            add(&c.field)
        }
        RuleDoc::AtLeast(c) | RuleDoc::AtMost(c) => add(&c.field),
        RuleDoc::PlateletsBelow(c) => add(&c.field),
        RuleDoc::BelowUlnTimes(c) => add(&c.field),
        RuleDoc::AgeAtLeast(_) => ["birth_date", "age_years"].into_iter().for_each(add),
        RuleDoc::TimeSince(c) => {
            if let Some(had) = &c.if_yes {
                add(had);
            }
            add(&c.field);
        }
        RuleDoc::PregnancyTest(_) => ["childbearing_potential", "urine_hcg"]
            .into_iter()
            .for_each(add),
        RuleDoc::QtcAtMost(_) => ["qtc_ms", "bundle_branch_block"].into_iter().for_each(add),
    }
}

fn exact(n: &serde_json::Number, scale: i32) -> String {
    let (mantissa, exp) =
        exact_parts(n).unwrap_or_else(|| panic!("{n}: not a number a pack can hold"));
    format!("Exact {{ mantissa: {mantissa}, exp: {} }}", exp + scale)
}

fn field(id: &str) -> String {
    format!("known_field({id:?})")
}

fn rule(r: &RuleDoc) -> String {
    let list = |parts: &[RuleDoc]| parts.iter().map(rule).collect::<Vec<_>>().join(", ");
    let check = |c: String| format!("Rule::Check(Check::{c})");
    match r {
        RuleDoc::All(parts) => format!("Rule::All(&[{}])", list(parts)),
        RuleDoc::Any(parts) => format!("Rule::Any(&[{}])", list(parts)),
        RuleDoc::Not(part) => format!("Rule::Not(&{})", rule(part)),
        RuleDoc::Unless(u) => {
            let is = match &u.is {
                serde_json::Value::Bool(b) => format!("Choice::Bool({b})"),
                serde_json::Value::String(s) if s == "male" => "Choice::Sex(Sex::Male)".into(),
                serde_json::Value::String(s) if s == "female" => "Choice::Sex(Sex::Female)".into(),
                serde_json::Value::String(s) if s == "positive" => {
                    "Choice::Serology(Serology::Positive)".into()
                }
                serde_json::Value::String(s) if s == "negative" => {
                    "Choice::Serology(Serology::Negative)".into()
                }
                other => panic!("unless: {other} is no field's answer"),
            };
            format!(
                "Rule::Unless {{ field: {}, is: {is}, then: &{} }}",
                field(&u.field),
                rule(&u.then)
            )
        }
        RuleDoc::YesNo(c) => check(format!(
            "YesNo {{ field: {}, wanted: {} }}",
            field(&c.field),
            c.wanted
        )),
        RuleDoc::ExcludesIfYes(c) => {
            check(format!("ExcludesIfYes {{ field: {} }}", field(&c.field)))
        }
        RuleDoc::Negative(c) => check(format!("Negative {{ field: {} }}", field(&c.field))),
        RuleDoc::ExcludesIfPositive(c) => check(format!(
            "ExcludesIfPositive {{ field: {} }}",
            field(&c.field)
        )),
        RuleDoc::AtLeast(c) => check(format!(
            "AtLeast {{ field: {}, min: {} }}",
            field(&c.field),
            exact(&c.value, 0)
        )),
        RuleDoc::AtMost(c) => check(format!(
            "AtMost {{ field: {}, max: {} }}",
            field(&c.field),
            exact(&c.value, 0)
        )),
        RuleDoc::PlateletsBelow(c) => {
            // In ×10⁹/L, as the engine compares (`/uL` is a thousandth of it).
            let scale = match c.unit.as_str() {
                "10^9/L" | "10^3/uL" => 0,
                "/uL" => -3,
                other => panic!("platelets_below: {other} is no platelet unit"),
            };
            check(format!(
                "PlateletsBelow {{ field: {}, limit: {} }}",
                field(&c.field),
                exact(&c.value, scale)
            ))
        }
        RuleDoc::BelowUlnTimes(c) => check(format!(
            "BelowUlnTimes {{ field: {}, times: {} }}",
            field(&c.field),
            exact(&c.times, 0)
        )),
        RuleDoc::AgeAtLeast(a) => check(format!("AgeAtLeast {{ years: {} }}", a.years)),
        RuleDoc::TimeSince(t) => {
            let span = match t.more_than {
                SpanDoc::Months(n) => format!("Span::Months({n})"),
                SpanDoc::Days(n) => format!("Span::Days({n})"),
            };
            let if_yes = match &t.if_yes {
                Some(f) => format!("Some({})", field(f)),
                None => "None".into(),
            };
            check(format!(
                "TimeSince {{ field: {}, more_than: {span}, if_yes: {if_yes} }}",
                field(&t.field)
            ))
        }
        RuleDoc::PregnancyTest(_) => check("PregnancyTest".into()),
        RuleDoc::QtcAtMost(q) => check(format!(
            "QtcAtMost {{ ms: {}, with_block_ms: {} }}",
            exact(&q.ms, 0),
            exact(&q.with_bundle_branch_block_ms, 0)
        )),
    }
}

fn date_parts(text: &str) -> (i32, u8, u8) {
    let parts: Vec<&str> = text.split('-').collect();
    match parts.as_slice() {
        [y, m, d] => match (y.parse(), m.parse(), d.parse()) {
            (Ok(y), Ok(m), Ok(d)) => (y, m, d),
            _ => panic!("{text}: a pack's date is YYYY-MM-DD"),
        },
        _ => panic!("{text}: a pack's date is YYYY-MM-DD"),
    }
}
