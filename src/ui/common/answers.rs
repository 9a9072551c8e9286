//! Answers as the forms show them (yes / no / not known, female / male,
//! positive / negative, a result with its unit or upper limit), in English
//! and Simplified Chinese: the record form, its history and the patient
//! check read them the same way. Struct literals: a word missing in one
//! language fails to compile.

use crate::text::Lang;

/// Answers as the forms show them in one language.
pub struct Words {
    /// Serology.
    pub positive: &'static str,
    /// Serology.
    pub negative: &'static str,
    /// Lab sub-label.
    pub result: &'static str,
    /// Lab ULN sub-label.
    pub uln: &'static str,
    /// Platelet unit label.
    pub unit: &'static str,
    /// Yes.
    pub yes: &'static str,
    /// No.
    pub no: &'static str,
    /// Not known.
    pub not_known: &'static str,
    /// Sex.
    pub female: &'static str,
    /// Sex.
    pub male: &'static str,
}

/// English.
pub const EN: Words = Words {
    positive: "Positive",
    negative: "Negative",
    result: "Result",
    uln: "ULN",
    unit: "unit",
    yes: "Yes",
    no: "No",
    not_known: "Not known",
    female: "Female",
    male: "Male",
};

/// Simplified Chinese.
pub const ZH: Words = Words {
    positive: "阳性",
    negative: "阴性",
    result: "结果",
    uln: "正常值上限（ULN）",
    unit: "单位",
    yes: "是",
    no: "否",
    not_known: "不详",
    female: "女",
    male: "男",
};

/// Answers as the forms show them in `lang`.
pub fn of(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}
