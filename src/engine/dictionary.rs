//! The data dictionary of spec §2 as one table: every field's id, type,
//! range, who is asked it, when it applies and where it sits in the form.
//!
//! A field is defined in exactly one line of the `dictionary!` invocation
//! below; the [`Field`] enum, the [`FIELDS`] table and [`Field::from_id`] are
//! all generated from it. Validation, the rules, the form, exports and the
//! tests all read this table.

/// The type (and range) of a field's value, as in spec §1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `true` / `false`.
    Bool,
    /// `"YYYY-MM-DD"`, a real date not after the screening date.
    Date,
    /// A whole number within `min..=max`.
    Int {
        /// Smallest valid value.
        min: i64,
        /// Largest valid value.
        max: i64,
    },
    /// A decimal number within `min..=max`.
    Number {
        /// Smallest valid value.
        min: i64,
        /// Largest valid value.
        max: i64,
    },
    /// `{ "value": n, "unit": u }`, a platelet count.
    Platelets,
    /// `{ "value": n, "uln": m }`, a lab result with its upper limit of normal.
    Lab,
    /// `"positive"` / `"negative"`.
    Serology,
    /// `"female"` / `"male"`.
    Sex,
}

/// Who is asked a field (spec §2 "Asked in").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Asked {
    /// Patient self-check and coordinator screening.
    Patient,
    /// Coordinator only.
    Coordinator,
}

/// When a field applies (spec §1 "Fields that do not apply"). A field that
/// does not apply is not validated, not evaluated, not asked and not exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applies {
    /// Always.
    Always,
    /// Only when `birth_date` is absent or null.
    WithoutBirthDate,
    /// Only when `had_radiotherapy` is `true`.
    AfterRadiotherapy,
    /// Only when `had_mi` is `true`.
    AfterHeartAttack,
    /// Only when `sex` is not `male` (female, unknown or invalid).
    UnlessMale,
}

/// The part of the form a field belongs to, in the order a coordinator works
/// through a chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// Age and sex.
    Demographics,
    /// Diagnosis, rhTPO course, chemo- and radiotherapy.
    Treatment,
    /// Current platelet counts.
    Platelets,
    /// Liver and kidney function, physical examination.
    Labs,
    /// ECOG, NYHA and heart history.
    Heart,
    /// Serology and known infections.
    Infections,
    /// Other conditions and medication.
    Conditions,
    /// Pregnancy and breastfeeding.
    Pregnancy,
    /// ECG.
    Ecg,
    /// The investigator's judgements.
    Investigator,
    /// Informed consent.
    Consent,
}

impl Section {
    /// Every section, in form order.
    pub const ALL: [Section; 11] = [
        Section::Demographics,
        Section::Treatment,
        Section::Platelets,
        Section::Labs,
        Section::Heart,
        Section::Infections,
        Section::Conditions,
        Section::Pregnancy,
        Section::Ecg,
        Section::Investigator,
        Section::Consent,
    ];

    /// Its id (`"demographics"`), used in element ids and FHIR link ids.
    pub fn id(self) -> &'static str {
        match self {
            Section::Demographics => "demographics",
            Section::Treatment => "treatment",
            Section::Platelets => "platelets",
            Section::Labs => "labs",
            Section::Heart => "heart",
            Section::Infections => "infections",
            Section::Conditions => "conditions",
            Section::Pregnancy => "pregnancy",
            Section::Ecg => "ecg",
            Section::Investigator => "investigator",
            Section::Consent => "consent",
        }
    }
}

/// The field with this record id, when the program is built (a criteria
/// pack compiled into the build names its fields by id): an id the
/// dictionary does not have stops the build.
pub const fn known_field(id: &str) -> Field {
    let id = id.as_bytes();
    let mut i = 0;
    while i < FIELDS.len() {
        let candidate = FIELDS[i].id.as_bytes();
        if candidate.len() == id.len() {
            let mut j = 0;
            while j < id.len() && candidate[j] == id[j] {
                j += 1;
            }
            if j == id.len() {
                return FIELDS[i].field;
            }
        }
        i += 1;
    }
    panic!("a criteria pack names a field the data dictionary does not have")
}

/// One row of the data dictionary.
#[derive(Clone, Copy, Debug)]
pub struct FieldDef {
    /// The field.
    pub field: Field,
    /// Its id in records (`"platelet_count"`).
    pub id: &'static str,
    /// Its value type and range.
    pub kind: Kind,
    /// Who is asked it.
    pub asked: Asked,
    /// When it applies.
    pub applies: Applies,
    /// Where it sits in the coordinator's form.
    pub section: Section,
}

macro_rules! dictionary {
    ($($variant:ident = $id:literal, $kind:expr, $asked:ident, $applies:ident, $section:ident;)*) => {
        /// A field of the data dictionary. Its discriminant is its row in [`FIELDS`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[repr(u8)]
        pub enum Field { $(#[doc = concat!("`", $id, "`")] $variant,)* }

        /// Every field, in the order of spec §2.
        pub const FIELDS: &[FieldDef] = &[
            $(FieldDef {
                field: Field::$variant,
                id: $id,
                kind: $kind,
                asked: Asked::$asked,
                applies: Applies::$applies,
                section: Section::$section,
            },)*
        ];

        impl Field {
            /// The field with this record id, if the dictionary has one.
            pub fn from_id(id: &str) -> Option<Field> {
                match id {
                    $($id => Some(Field::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

use Kind::{Bool, Date, Lab, Platelets, Serology, Sex};

dictionary! {
    BirthDate = "birth_date", Date, Patient, Always, Demographics;
    AgeYears = "age_years", Kind::Int { min: 0, max: 120 }, Patient, WithoutBirthDate, Demographics;
    Sex = "sex", Sex, Patient, Always, Demographics;
    CitDiagnosis = "cit_diagnosis", Bool, Patient, Always, Treatment;
    RhtpoDays = "rhtpo_days", Kind::Int { min: 0, max: 365 }, Patient, Always, Treatment;
    RhtpoDose = "rhtpo_dose_u_per_kg", Kind::Number { min: 0, max: 10000 }, Coordinator, Always, Treatment;
    PlateletAfterRhtpo = "platelet_after_rhtpo", Platelets, Coordinator, Always, Treatment;
    LastChemoDate = "last_chemo_date", Date, Patient, Always, Treatment;
    HadRadiotherapy = "had_radiotherapy", Bool, Patient, Always, Treatment;
    LastRadiotherapyDate = "last_radiotherapy_date", Date, Patient, AfterRadiotherapy, Treatment;
    PlateletCount = "platelet_count", Platelets, Patient, Always, Platelets;
    LowPlateletsSince = "low_platelets_since", Date, Patient, Always, Platelets;
    ExpectedSurvival6m = "expected_survival_6m", Bool, Coordinator, Always, Investigator;
    Alt = "alt", Lab, Coordinator, Always, Labs;
    Ast = "ast", Lab, Coordinator, Always, Labs;
    TotalBilirubin = "total_bilirubin", Lab, Coordinator, Always, Labs;
    Creatinine = "creatinine", Lab, Coordinator, Always, Labs;
    PhysicalExamOk = "physical_exam_ok", Bool, Coordinator, Always, Labs;
    Ecog = "ecog", Kind::Int { min: 0, max: 4 }, Patient, Always, Heart;
    NyhaClass = "nyha_class", Kind::Int { min: 1, max: 4 }, Coordinator, Always, Heart;
    ConsentSigned = "consent_signed", Bool, Coordinator, Always, Consent;
    UncontrolledOrganDisease = "uncontrolled_organ_disease", Bool, Coordinator, Always, Conditions;
    PoorCompliance = "poor_compliance", Bool, Coordinator, Always, Investigator;
    Hiv = "hiv", Serology, Coordinator, Always, Infections;
    Hbv = "hbv", Serology, Coordinator, Always, Infections;
    Hcv = "hcv", Serology, Coordinator, Always, Infections;
    Hdv = "hdv", Serology, Coordinator, Always, Infections;
    Syphilis = "syphilis", Serology, Coordinator, Always, Infections;
    EbvDna = "ebv_dna", Serology, Coordinator, Always, Infections;
    CmvDna = "cmv_dna", Serology, Coordinator, Always, Infections;
    KnownInfection = "known_infection", Bool, Patient, Always, Infections;
    SevereBleeding = "severe_bleeding", Bool, Patient, Always, Conditions;
    HeartDiseaseNeedingTreatment = "heart_disease_needing_treatment", Bool, Patient, Always, Heart;
    UncontrolledHypertension = "uncontrolled_hypertension", Bool, Coordinator, Always, Heart;
    ThromboticDisease = "thrombotic_disease", Bool, Patient, Always, Conditions;
    PriorAlloTransplant = "prior_allo_transplant", Bool, Patient, Always, Conditions;
    MentalDisorder = "mental_disorder_precludes_consent", Bool, Coordinator, Always, Conditions;
    UnresolvedPriorToxicity = "unresolved_prior_toxicity", Bool, Coordinator, Always, Conditions;
    Diabetes = "diabetes", Bool, Patient, Always, Conditions;
    SevereHeartFailure = "severe_heart_failure", Bool, Coordinator, Always, Heart;
    RecentCardiacEvent6m = "recent_cardiac_event_6m", Bool, Coordinator, Always, Heart;
    GastricUlcer = "gastric_ulcer", Bool, Patient, Always, Conditions;
    ActiveAutoimmuneDisease = "active_autoimmune_disease", Bool, Patient, Always, Conditions;
    OtherSeriousDisease = "other_serious_disease", Bool, Coordinator, Always, Conditions;
    Sepsis = "sepsis", Bool, Coordinator, Always, Conditions;
    IrregularBleeding = "irregular_bleeding", Bool, Coordinator, Always, Conditions;
    AntiplateletDrugs = "antiplatelet_drugs", Bool, Patient, Always, Conditions;
    PregnantOrSuspected = "pregnant_or_suspected", Bool, Patient, UnlessMale, Pregnancy;
    ChildbearingPotential = "childbearing_potential", Bool, Coordinator, UnlessMale, Pregnancy;
    UrineHcg = "urine_hcg", Serology, Coordinator, UnlessMale, Pregnancy;
    Breastfeeding = "breastfeeding", Bool, Patient, UnlessMale, Pregnancy;
    ArrhythmiaNeedingTreatment = "arrhythmia_needing_treatment", Bool, Coordinator, Always, Heart;
    HadMi = "had_mi", Bool, Patient, Always, Heart;
    LastMiDate = "last_mi_date", Date, Patient, AfterHeartAttack, Heart;
    AtrialFibrillation = "atrial_fibrillation", Bool, Patient, Always, Heart;
    QtcMs = "qtc_ms", Kind::Int { min: 250, max: 800 }, Coordinator, Always, Ecg;
    BundleBranchBlock = "bundle_branch_block", Bool, Coordinator, Always, Ecg;
    InvestigatorExcludes = "investigator_excludes", Bool, Coordinator, Always, Investigator;
}

/// The number of fields in the dictionary.
pub const FIELD_COUNT: usize = FIELDS.len();

// `FieldSet` is a u64 bitset: the dictionary must stay within 64 fields.
const _: () = assert!(FIELD_COUNT <= 64);

impl Field {
    /// This field's dictionary row.
    pub fn def(self) -> &'static FieldDef {
        &FIELDS[self as usize]
    }

    /// Its id in records.
    pub fn id(self) -> &'static str {
        self.def().id
    }

    /// Every field, in dictionary order.
    pub fn all() -> impl Iterator<Item = Field> {
        FIELDS.iter().map(|d| d.field)
    }
}

/// A set of fields (the dictionary has fewer than 64).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct FieldSet(u64);

impl FieldSet {
    /// No fields.
    pub const EMPTY: FieldSet = FieldSet(0);

    /// The set of the given fields.
    pub fn of(fields: &[Field]) -> FieldSet {
        fields.iter().fold(FieldSet::EMPTY, |s, &f| s.with(f))
    }

    /// This set with one more field.
    #[must_use]
    pub fn with(self, field: Field) -> FieldSet {
        FieldSet(self.0 | (1u64 << field as u8))
    }

    /// Both sets together.
    #[must_use]
    pub fn union(self, other: FieldSet) -> FieldSet {
        FieldSet(self.0 | other.0)
    }

    /// Whether the field is in the set.
    pub fn contains(self, field: Field) -> bool {
        self.0 & (1u64 << field as u8) != 0
    }

    /// Whether every field of `self` is in `other`.
    pub fn is_subset(self, other: FieldSet) -> bool {
        self.0 & !other.0 == 0
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The fields, in dictionary order.
    pub fn iter(self) -> impl Iterator<Item = Field> {
        Field::all().filter(move |&f| self.contains(f))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_rows_match_their_enum_discriminants() {
        for (i, def) in FIELDS.iter().enumerate() {
            assert_eq!(def.field as usize, i, "{}", def.id);
            assert_eq!(Field::from_id(def.id), Some(def.field));
        }
    }

    #[test]
    fn dictionary_has_the_58_fields_of_the_spec() {
        assert_eq!(FIELD_COUNT, 58);
        assert_eq!(Field::from_id("Platelet_Count"), None);
        assert_eq!(Field::from_id("pregnant"), None);
    }

    #[test]
    fn section_ids_are_the_section_names_in_lower_case() {
        for s in Section::ALL {
            assert_eq!(s.id(), format!("{s:?}").to_lowercase());
        }
    }

    #[test]
    fn dependent_fields_follow_spec_section_1() {
        let applies = |id| Field::from_id(id).map(|f| f.def().applies);
        assert_eq!(applies("age_years"), Some(Applies::WithoutBirthDate));
        assert_eq!(
            applies("last_radiotherapy_date"),
            Some(Applies::AfterRadiotherapy)
        );
        assert_eq!(applies("last_mi_date"), Some(Applies::AfterHeartAttack));
        for id in [
            "pregnant_or_suspected",
            "childbearing_potential",
            "urine_hcg",
            "breastfeeding",
        ] {
            assert_eq!(applies(id), Some(Applies::UnlessMale), "{id}");
        }
        let others = FIELDS
            .iter()
            .filter(|d| d.applies != Applies::Always)
            .count();
        assert_eq!(others, 7);
    }
}
