//! The scan screen's words, in English and Simplified Chinese. Struct
//! literals: a word missing in one language fails to compile.

use crate::text::Lang;

/// The scan screen's words in one language.
pub struct Words {
    /// The scan screen's heading.
    pub scan_title: &'static str,
    /// What scanning does.
    pub scan_help: &'static str,
    /// Start the camera.
    pub scan_camera: &'static str,
    /// Stop the camera.
    pub scan_stop: &'static str,
    /// Read a code from a photo.
    pub scan_photo: &'static str,
    /// Camera privacy.
    pub scan_privacy: &'static str,
    /// While the camera looks for a code.
    pub scan_looking: &'static str,
    /// The camera could not be started (with the browser's reason).
    pub scan_no_camera: fn(&str) -> String,
    /// No code in a chosen photo.
    pub scan_none_in_photo: &'static str,
    /// The photo could not be read as a picture.
    pub scan_bad_photo: &'static str,
    /// A code that is not this app's.
    pub scan_not_ours: &'static str,
    /// A code of another trial.
    pub scan_other_trial: fn(&str) -> String,
    /// A code of another format version.
    pub scan_other_version: fn(&str) -> String,
    /// A damaged code.
    pub scan_damaged: &'static str,
    /// A code whose self-check date is not a real date.
    pub scan_bad_date: &'static str,
    /// A code with an answer that is not valid (with the field's label).
    pub scan_bad_answer: fn(&str) -> String,
    /// Back to the list.
    pub scan_back: &'static str,
}

/// English.
pub const EN: Words = Words {
    scan_title: "Scan a patient's code",
    scan_help: "Ask the patient to open their self-check result and tap \"Show my answers to the study team\". Scanning creates a new record with their answers; each answer is marked as reported by the patient until you confirm or change it. Nothing is overwritten.",
    scan_camera: "Use the camera",
    scan_stop: "Stop the camera",
    scan_photo: "From a photo",
    scan_privacy: "The camera is on only while this screen shows its picture. No picture is kept.",
    scan_looking: "Looking for a code… hold it steady, about 20 cm from the camera.",
    scan_no_camera: |why| {
        format!(
            "The camera could not be used ({why}). You can take a photo of the code and choose it with \"From a photo\"."
        )
    },
    scan_none_in_photo: "No code was found in this picture. Try a sharper photo with the whole code in it.",
    scan_bad_photo: "This file could not be read as a picture.",
    scan_not_ours: "This is not a self-check code of this app. Nothing was created.",
    scan_other_trial: |id| {
        format!("This code is for another trial ({id}), not NCT07063225. Nothing was created.")
    },
    scan_other_version: |v| {
        format!(
            "This code was made by another version of the app (format {v}); this app reads format 1. Nothing was created: ask the patient to update the page and show the code again."
        )
    },
    scan_damaged: "This code is damaged or incomplete. Nothing was created: ask the patient to show it again.",
    scan_bad_date: "The date of the self-check in this code is not valid. Nothing was created: ask the patient to show the code again from their result.",
    scan_bad_answer: |f| {
        format!(
            "The answer to \"{f}\" in this code is not valid, so nothing was imported and no record was created. Ask the patient to check that answer and show the code again, or enter the answers yourself."
        )
    },
    scan_back: "Back to the records",
};

/// Simplified Chinese.
pub const ZH: Words = Words {
    scan_title: "扫描患者的二维码",
    scan_help: "请患者打开自查结果并点击“把我的回答出示给研究团队”。扫描后会新建一条记录并填入患者的回答；每个回答都标为“患者自述”，直到您确认或修改。不会覆盖任何已有记录。",
    scan_camera: "使用摄像头",
    scan_stop: "关闭摄像头",
    scan_photo: "从照片读取",
    scan_privacy: "仅在本页面显示画面时摄像头才会开启。不保存任何画面。",
    scan_looking: "正在寻找二维码……请保持稳定，距摄像头约 20 厘米。",
    scan_no_camera: |why| {
        format!("无法使用摄像头（{why}）。您可以给二维码拍照，然后用“从照片读取”选择该照片。")
    },
    scan_none_in_photo: "这张图片中没有找到二维码。请拍一张更清晰、包含完整二维码的照片。",
    scan_bad_photo: "无法把此文件作为图片读取。",
    scan_not_ours: "这不是本应用的自查二维码。未新建任何记录。",
    scan_other_trial: |id| {
        format!("此二维码属于另一项试验（{id}），不是 NCT07063225。未新建任何记录。")
    },
    scan_other_version: |v| {
        format!(
            "此二维码由另一版本的应用生成（格式 {v}），本应用读取格式 1。未新建任何记录：请患者刷新页面后重新出示二维码。"
        )
    },
    scan_damaged: "此二维码已损坏或不完整。未新建任何记录：请患者重新出示。",
    scan_bad_date: "二维码中的自查日期无效。未新建任何记录：请患者从自查结果页面重新出示二维码。",
    scan_bad_answer: |f| {
        format!(
            "二维码中“{f}”的回答无效，未导入，未新建任何记录。请患者核对该回答后重新出示二维码，或由您直接录入。"
        )
    },
    scan_back: "返回记录列表",
};

/// The scan screen's words in `lang`.
pub fn of(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::patient::all_questions;

    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn a_refused_answer_names_its_field_in_both_languages() {
        for lang in Lang::ALL {
            let (h, m) = (of(lang), lang.messages());
            for f in all_questions() {
                let label = m.field_label(f);
                assert!((h.scan_bad_answer)(label).contains(label), "{lang:?} {f:?}");
            }
            assert!(!h.scan_bad_date.is_empty());
        }
        assert!(has_cjk(ZH.scan_bad_date) && has_cjk(&(ZH.scan_bad_answer)("ECOG")));
    }
}
