//! The app's vocabulary in one place: for each concept a patient or a study
//! coordinator reads, the English and the Simplified Chinese term, the
//! variants that must never appear in a word table, and why.
//!
//! `tests/glossary.rs` reads every word table (`src/ui/**/words.rs`,
//! `src/text/{en,zh,sentence,mod}.rs`, the shared answers and operations,
//! `web/boot.js`, `web/sw-register.js`, `index.html`) and fails, naming the
//! file, the line and the term, when a forbidden variant appears in a
//! string, or when a term's Chinese is used nowhere (a glossary of words the
//! app does not use would drift from the app).
//!
//! A forbidden variant is a word that can never be right anywhere in the
//! app's words: it is matched as a substring (English without regard to
//! case). A word that is right only inside a longer term (密码 is right in
//! 解锁密码 and 备份密码, wrong alone) is a [`Bound`] word instead.
//!
//! Changing a clinical term here changes what the tests demand of every
//! word table: the wording's reviewer (a bilingual medical writer) agrees
//! first, and the tables are changed in the same commit.

/// One concept and its words.
#[derive(Clone, Copy, Debug)]
pub struct Term {
    /// What is meant, in plain English, for the reader of this table.
    pub concept: &'static str,
    /// The English term, as the app writes it mid-sentence (it may be
    /// capitalised or made plural where a sentence needs it).
    pub en: &'static str,
    /// The Simplified Chinese term.
    pub zh: &'static str,
    /// English variants that must never appear (matched without regard to case).
    pub not_en: &'static [&'static str],
    /// Chinese variants that must never appear.
    pub not_zh: &'static [&'static str],
    /// Why this term, and why its variants are wrong.
    pub why: &'static str,
}

/// A word that is right only as part of a longer term: every occurrence of
/// [`Bound::word`] in a word table must lie inside one of [`Bound::within`]
/// (English without regard to case).
#[derive(Clone, Copy, Debug)]
pub struct Bound {
    /// The word that never stands alone.
    pub word: &'static str,
    /// The terms it may appear in.
    pub within: &'static [&'static str],
    /// Why it must be qualified.
    pub why: &'static str,
}

/// Screening (for this trial).
pub const SCREENING: Term = Term {
    concept: "screening a patient against this trial's eligibility criteria",
    en: "screening",
    zh: "筛选",
    not_en: &[],
    not_zh: &["筛查"],
    why: "筛选 is the term of GCP and of Chinese protocols for screening a candidate against a trial's criteria (筛选期, 筛选失败, 筛选号). 筛查 means population screening (癌症筛查) and reads as a health check. English has one word and needs no ban.",
};

/// The passcode that unlocks this device's records.
pub const PASSCODE: Term = Term {
    concept: "the passcode that unlocks the records on this device (the vault's)",
    en: "passcode",
    zh: "解锁密码",
    not_en: &["pass code", "passphrase", "unlock password", "pin code"],
    not_zh: &[
        "口令",
        "通行码",
        "锁屏密码",
        "开锁密码",
        "登录密码",
        "访问密码",
        "应用密码",
    ],
    why: "The app has two secrets: the passcode that unlocks its records and the password of a backup file. Each has one name in each language, so an error always says which one was wrong. A bare 密码 (see BOUND) could be either.",
};

/// The password of a backup file.
pub const BACKUP_PASSWORD: Term = Term {
    concept: "the password a backup file is encrypted with, chosen when it is written",
    en: "backup password",
    zh: "备份密码",
    not_en: &["backup passcode"],
    not_zh: &["备份口令", "备份解锁密码"],
    why: "Chosen per backup, never the passcode: \"passcode\" for it would send a coordinator to type the wrong secret.",
};

/// A record's history, the audit trail.
pub const HISTORY: Term = Term {
    concept: "a record's history: every change with who, when and why (the audit trail)",
    en: "history",
    zh: "稽查轨迹",
    not_en: &["audit trail", "audit log", "change log", "changelog"],
    not_zh: &[
        "修改历史",
        "历史记录",
        "修改日志",
        "审计追踪",
        "审计跟踪",
        "审计轨迹",
        "稽查追踪",
        "稽核轨迹",
    ],
    why: "稽查轨迹 is the audit trail's term in China's GCP (药物临床试验质量管理规范, 2020); 修改历史 sounds like an editor's undo list. The English app has always said \"history\" (the History panel), plain for a coordinator; it stays.",
};

/// A transcription error, as a reason for a change.
pub const TRANSCRIPTION_ERROR: Term = Term {
    concept: "a value copied wrongly from the source document",
    en: "transcription error",
    zh: "转录错误",
    not_en: &["transcribing error", "copy error"],
    not_zh: &["抄录错误", "誊写错误", "誊录错误", "转抄错误"],
    why: "转录错误 is what Chinese monitors and data managers call it in source-data verification (源数据核查). (录入错误, \"entered in error\", is another reason: a record made by mistake.)",
};

/// Allogeneic haematopoietic stem cell transplant.
pub const ALLO_HSCT: Term = Term {
    concept: "allogeneic haematopoietic stem cell transplantation (allo-HSCT)",
    en: "allogeneic haematopoietic stem cell transplant",
    zh: "异基因造血干细胞移植",
    not_en: &[
        "allogeneic stem cell",
        "allogenic",
        "allogeneic hematopoietic",
    ],
    not_zh: &[
        "异基因干细胞移植",
        "异基因移植",
        "异体造血干细胞移植",
        "异体干细胞移植",
    ],
    why: "The full term of Chinese haematology: 造血 says which stem cells; 异基因移植 alone is a ward abbreviation. English follows the app's British spelling (haematopoietic, enrolment); \"allogenic\" is a misspelling.",
};

/// Chemotherapy-induced thrombocytopenia.
pub const CIT: Term = Term {
    concept: "chemotherapy-induced thrombocytopenia (CIT), the disease under study",
    en: "chemotherapy-induced thrombocytopenia",
    zh: "化疗所致血小板减少症",
    not_en: &[
        "chemotherapy-related thrombocytopenia",
        "chemotherapy-associated thrombocytopenia",
        "chemo-induced thrombocytopenia",
    ],
    not_zh: &[
        "化疗相关血小板减少",
        "化疗相关性血小板减少",
        "化疗诱导的血小板减少",
        "化疗诱导性血小板减少",
    ],
    why: "化疗所致血小板减少症 (CIT) is the name of the Chinese guideline (中国肿瘤化疗所致血小板减少症诊疗指南) and of the trial's Chinese title; one name throughout.",
};

/// A woman of childbearing potential.
pub const WOCBP: Term = Term {
    concept: "a woman of childbearing potential (WOCBP)",
    en: "woman of childbearing potential",
    zh: "育龄期女性",
    not_en: &["child-bearing", "childbearing age"],
    not_zh: &["生育可能", "生育能力的女性", "育龄妇女", "育龄女性"],
    why: "育龄期女性 is the protocol term; 有生育可能 is a second name for the same yes/no field, and 育龄妇女 is family-planning language. In English \"childbearing age\" is a different idea (age, not potential).",
};

/// A criterion's status: pass.
pub const PASS: Term = Term {
    concept: "a criterion's status: met as the rule asks (an inclusion met, an exclusion absent)",
    en: "pass",
    zh: "通过",
    not_en: &[],
    not_zh: &[],
    why: "符合 on an exclusion reads \"has the excluding condition\", the opposite of what is meant; 通过 cannot be read backwards on either kind. No variant is banned as a string: 符合 is right in other phrases (符合入组条件), so the status words themselves are checked by a test of the status words (beside src/text/zh.rs).",
};

/// A criterion's status: fail.
pub const FAIL: Term = Term {
    concept: "a criterion's status: not met (an inclusion not met, an exclusion present)",
    en: "fail",
    zh: "未通过",
    not_en: &[],
    not_zh: &[],
    why: "See PASS: 不符合 reads backwards on an exclusion. Not banned as a string, for 不符合入组条件 is right as an outcome.",
};

/// A criterion's status: unknown.
pub const UNKNOWN: Term = Term {
    concept: "a criterion's status: cannot be judged yet (an answer is missing or not known)",
    en: "unknown",
    zh: "待确认",
    not_en: &[],
    not_zh: &[],
    why: "不详 says the information does not exist; the criterion is only waiting for it. Not banned as a string: 不详 is right as the coordinator form's answer \"not known\" and in findings (年龄不详). A patient is never offered 不详: they answer 不知道.",
};

/// The study team.
pub const STUDY_TEAM: Term = Term {
    concept: "the study team at the site (coordinators, investigators, nurses) as the patient and the start page name them",
    en: "study team",
    zh: "研究团队",
    not_en: &["research team", "trial team", "study staff"],
    not_zh: &["研究小组", "研究组", "课题组", "试验团队", "研究人员"],
    why: "One name for the people a patient shows the code to and a coordinator works in: the patient check, the start page and the scan screen say the same.",
};

/// The investigator.
pub const INVESTIGATOR: Term = Term {
    concept: "the investigator, who confirms eligibility",
    en: "investigator",
    zh: "研究者",
    not_en: &[],
    not_zh: &["调查者", "调查员", "研究医生", "研究医师"],
    why: "研究者 is GCP's term; 调查者 is a common mistranslation of \"investigator\".",
};

/// The patient's self-check.
pub const SELF_CHECK: Term = Term {
    concept: "the patient's own check of whether the study might suit them",
    en: "self-check",
    zh: "自查",
    not_en: &[
        "self-test",
        "self-assessment",
        "pre-screening",
        "prescreening",
    ],
    not_zh: &["自测", "自我评估", "自评", "预筛"],
    why: "Neither a test nor a (pre-)screening: only the study team screens. 自查 is what the patient's code sheet and the scan screen call it.",
};

/// The patient's code.
pub const PATIENT_CODE: Term = Term {
    concept: "the QR code that carries a patient's answers to the study team",
    en: "code",
    zh: "二维码",
    not_en: &[],
    not_zh: &["QR码", "QR 码", "二维条码"],
    why: "二维码 is what every patient calls it. In English \"code\" alone is the app's word; \"QR code\" is not banned.",
};

/// A record's label.
pub const LABEL: Term = Term {
    concept: "a record's label (the screening number, never a name)",
    en: "label",
    zh: "编号",
    not_en: &[],
    not_zh: &[],
    why: "The form asks for a screening number: 编号. 标签 (a tag) for it is banned through BOUND, since 标签页 (a browser tab) is right.",
};

/// How long records are kept.
pub const RETENTION_PERIOD: Term = Term {
    concept: "how long records are kept on this device before the app offers to delete them",
    en: "retention period",
    zh: "保留期限",
    not_en: &[],
    not_zh: &["保存期限"],
    why: "The settings say 记录保留天数: the period is 保留期限, not a second word.",
};

/// Every concept, in the order above.
pub const GLOSSARY: &[Term] = &[
    SCREENING,
    PASSCODE,
    BACKUP_PASSWORD,
    HISTORY,
    TRANSCRIPTION_ERROR,
    ALLO_HSCT,
    CIT,
    WOCBP,
    PASS,
    FAIL,
    UNKNOWN,
    STUDY_TEAM,
    INVESTIGATOR,
    SELF_CHECK,
    PATIENT_CODE,
    LABEL,
    RETENTION_PERIOD,
];

/// Words that are right only inside a longer term.
pub const BOUND: &[Bound] = &[
    Bound {
        word: "密码",
        within: &["解锁密码", "备份密码"],
        why: "A bare 密码 does not say which secret: the passcode (解锁密码) or the backup password (备份密码).",
    },
    Bound {
        word: "password",
        within: &["backup password"],
        why: "The app's own secret is the passcode; \"password\" is only ever the backup's.",
    },
    Bound {
        word: "标签",
        within: &["标签页"],
        why: "标签页 is a browser tab; a record's label is its 编号.",
    },
];
