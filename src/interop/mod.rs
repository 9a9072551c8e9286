//! Interoperability, generated from the data dictionary and the engine
//! (one source of truth): the pseudonymised screening log ([`log`], CSV)
//! and FHIR R4 ([`fhir`]: the `Questionnaire`, a record's
//! `QuestionnaireResponse` and reading one back; [`fhir_criteria`]: a
//! criteria pack as `ResearchStudy` and `EvidenceVariable`s, and back). Pure; it depends on the
//! engine and its words only, so the record's files (`record::export`,
//! `record::import`) use it and never the other way round.
//!
//! Nothing here sends anything anywhere: the URIs in [`fhir`] are
//! identifiers that FHIR requires (code systems, extensions), never fetched.

pub mod fhir;
pub mod fhir_criteria;
pub mod log;
