//! A criteria pack as FHIR R4, and back: a `Bundle` (type `collection`)
//! holding the trial's `ResearchStudy`, whose `enrollment` is a `Group`
//! with one characteristic per criterion, each referring to that
//! criterion's `EvidenceVariable`. An `EvidenceVariable` carries the
//! criterion's id (`name`), its short title (`title`), the pack's version
//! and date, the published
//! text (`description`, English, with its Chinese in the FHIR translation
//! extension), the reading note (`note`), and one characteristic whose
//! `exclude` says inclusion or exclusion and whose `definitionExpression`
//! is the rule.
//!
//! **The expression language** is this app's rule language, named by the
//! media type [`RULE_LANGUAGE`]: the expression is the rule as JSON, exactly
//! the `rule` of `criteria-pack.schema.json` (`src/engine/pack/`), which
//! documents each construct. Nothing else reads it yet; it travels intact.
//!
//! Reading a Bundle back ([`pack_from_bundle`]) gives the same pack
//! document, checked as any pack is (`engine::pack::load`). Nothing is
//! fetched: the URIs are identifiers.

use crate::engine::pack::doc::{CriterionDoc, KindDoc, PACK_FORMAT, PackDoc, RuleDoc, Words};
use serde_json::{Value as Json, json};

/// The media type of the rule language in `definitionExpression`.
pub const RULE_LANGUAGE: &str = "application/x-ctit-criteria-rule+json";
/// The base of the EvidenceVariables' canonical URLs (identifiers only).
const EVIDENCE_BASE: &str = "urn:ctit-screening:criteria";
/// ClinicalTrials.gov as an identifier system (FHIR `Identifier.system`:
/// an identifier, never fetched; this runs natively in `screen`, never in
/// the app).
const REGISTRY: &str = "https://clinicaltrials.gov";
/// FHIR's translation extension (identifier only).
const TRANSLATION: &str = "http://hl7.org/fhir/StructureDefinition/translation";
/// The code of a group characteristic that is an eligibility criterion.
const CODES: &str = "urn:ctit-screening:codes";

fn translated(words: &Words) -> Json {
    json!({"extension": [{
        "url": TRANSLATION,
        "extension": [
            {"url": "lang", "valueCode": "zh-CN"},
            {"url": "content", "valueString": words.zh},
        ],
    }]})
}

fn evidence_id(trial: &str, version: u32, code: &str) -> String {
    format!(
        "{}-v{version}-{}",
        trial.to_lowercase(),
        code.to_lowercase()
    )
}

/// The pack as a FHIR R4 Bundle.
pub fn bundle(doc: &PackDoc) -> Json {
    let study_id = format!("{}-v{}", doc.trial.to_lowercase(), doc.version);
    let group_id = format!("{study_id}-eligibility");
    let mut entries = vec![
        json!({"fullUrl": format!("urn:uuid:{study_id}"), "resource": {
            "resourceType": "ResearchStudy",
            "id": study_id,
            "identifier": [{"system": REGISTRY, "value": doc.trial}],
            "status": "active",
            "description": doc.summary.en,
            "_description": translated(&doc.summary),
            "relatedArtifact": [{"type": "documentation", "label": "criteria text", "display": doc.source}],
            "enrollment": [{"reference": format!("Group/{group_id}")}],
        }}),
        json!({"fullUrl": format!("urn:uuid:{group_id}"), "resource": {
            "resourceType": "Group",
            "id": group_id,
            "type": "person",
            "actual": false,
            "characteristic": doc.criteria.iter().map(|c| json!({
                "code": {"coding": [{"system": CODES, "code": "eligibility-criterion"}], "text": c.id},
                "valueReference": {"reference": format!("EvidenceVariable/{}", evidence_id(&doc.trial, doc.version, &c.id))},
                "exclude": c.kind == KindDoc::Exclusion,
            })).collect::<Vec<_>>(),
        }}),
    ];
    for c in &doc.criteria {
        let id = evidence_id(&doc.trial, doc.version, &c.id);
        let mut ev = json!({
            "resourceType": "EvidenceVariable",
            "id": id,
            "url": format!("{EVIDENCE_BASE}:{}:{}", doc.trial, c.id),
            "version": doc.version.to_string(),
            "name": c.id,
            "title": c.title.en,
            "_title": translated(&c.title),
            "status": "active",
            "date": doc.date,
            "description": c.text.en,
            "_description": translated(&c.text),
            "type": "dichotomous",
            "characteristic": [{
                "definitionExpression": {
                    "language": RULE_LANGUAGE,
                    "expression": serde_json::to_string(&c.rule).unwrap_or_default(),
                },
                "exclude": c.kind == KindDoc::Exclusion,
            }],
        });
        if let Some(note) = &c.note {
            ev["note"] = json!([{"text": note.en, "_text": translated(note)}]);
        }
        entries.push(json!({"fullUrl": format!("urn:uuid:{id}"), "resource": ev}));
    }
    json!({"resourceType": "Bundle", "type": "collection", "entry": entries})
}

/// Reads a Bundle written by [`bundle`] back into the pack's document, or
/// says every problem found (naming the resource and the element).
pub fn pack_from_bundle(text: &str) -> Result<PackDoc, Vec<String>> {
    let json: Json = serde_json::from_str(text).map_err(|e| vec![format!("not JSON: {e}")])?;
    let mut problems = Vec::new();
    let resources: Vec<&Json> = json["entry"]
        .as_array()
        .map(|entries| entries.iter().map(|e| &e["resource"]).collect())
        .unwrap_or_default();
    if json["resourceType"] != "Bundle" || resources.is_empty() {
        return Err(vec!["not a FHIR Bundle with entries".into()]);
    }
    let of_type = |t: &'static str| {
        resources
            .iter()
            .copied()
            .filter(move |r| r["resourceType"] == t)
    };
    let Some(study) = of_type("ResearchStudy").next() else {
        return Err(vec!["no ResearchStudy in the Bundle".into()]);
    };
    let Some(group) = of_type("Group").next() else {
        return Err(vec![
            "no Group (the eligibility criteria) in the Bundle".into(),
        ]);
    };
    let trial = study["identifier"][0]["value"].as_str().unwrap_or_default();
    let summary = words_of(&study["description"], &study["_description"]);
    let evidence: Vec<&Json> = of_type("EvidenceVariable").collect();
    let mut criteria = Vec::new();
    let mut version = None;
    let mut date = None;
    for (i, ch) in group["characteristic"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        let reference = ch["valueReference"]["reference"]
            .as_str()
            .unwrap_or_default();
        let Some(ev) = evidence.iter().find(|ev| {
            Some(ev["id"].as_str().unwrap_or_default())
                == reference.strip_prefix("EvidenceVariable/")
        }) else {
            problems.push(format!(
                "Group.characteristic[{i}]: \"{reference}\" is not in the Bundle"
            ));
            continue;
        };
        let name = ev["name"].as_str().unwrap_or_default().to_string();
        let at = format!("EvidenceVariable {name}");
        // One pack: every criterion of the same version and date.
        let ev_version = ev["version"].as_str().and_then(|v| v.parse::<u32>().ok());
        let ev_date = ev["date"].as_str().map(str::to_string);
        if version.is_some() && ev_version != version || date.is_some() && ev_date != date {
            problems.push(format!(
                "{at}: version and date differ from the other criteria's (one pack is one version)"
            ));
        }
        version = version.or(ev_version);
        date = date.or(ev_date);
        if ev["characteristic"].as_array().map_or(0, Vec::len) != 1 {
            problems.push(format!("{at}: needs exactly one characteristic, its rule"));
        }
        if ch["exclude"] != ev["characteristic"][0]["exclude"] {
            problems.push(format!(
                "Group.characteristic[{i}]: exclude differs from {at}'s"
            ));
        }
        let definition = &ev["characteristic"][0]["definitionExpression"];
        if definition["language"] != RULE_LANGUAGE {
            problems.push(format!(
                "{at}: definitionExpression.language is not {RULE_LANGUAGE}"
            ));
            continue;
        }
        let rule: RuleDoc =
            match serde_json::from_str(definition["expression"].as_str().unwrap_or_default()) {
                Ok(r) => r,
                Err(e) => {
                    problems.push(format!("{at}: definitionExpression.expression: {e}"));
                    continue;
                }
            };
        let exclude = ev["characteristic"][0]["exclude"].as_bool() == Some(true);
        let note = ev["note"][0]["text"]
            .is_string()
            .then(|| words_of(&ev["note"][0]["text"], &ev["note"][0]["_text"]));
        criteria.push(CriterionDoc {
            id: name,
            kind: if exclude {
                KindDoc::Exclusion
            } else {
                KindDoc::Inclusion
            },
            title: words_of(&ev["title"], &ev["_title"]),
            text: words_of(&ev["description"], &ev["_description"]),
            note,
            rule,
        });
    }
    let doc = PackDoc {
        schema: None,
        format: PACK_FORMAT.to_string(),
        trial: trial.to_string(),
        version: version.unwrap_or(0),
        date: date.unwrap_or_default(),
        source: study["relatedArtifact"][0]["display"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
        summary,
        criteria,
    };
    if let Err(load) = crate::engine::pack::load::from_doc(&doc) {
        problems.extend(load.iter().map(ToString::to_string));
    }
    if problems.is_empty() {
        Ok(doc)
    } else {
        Err(problems)
    }
}

/// English from an element, Chinese from its translation extension.
fn words_of(en: &Json, meta: &Json) -> Words {
    let zh = meta["extension"]
        .as_array()
        .and_then(|exts| exts.iter().find(|e| e["url"] == TRANSLATION))
        .and_then(|t| t["extension"].as_array())
        .and_then(|parts| parts.iter().find(|p| p["url"] == "content"))
        .and_then(|p| p["valueString"].as_str())
        .unwrap_or_default();
    Words {
        en: en.as_str().unwrap_or_default().to_string(),
        zh: zh.to_string(),
    }
}
