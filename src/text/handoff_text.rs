//! The words of the patient → study team handoff, in both languages: the
//! patient's code and printed page, the coordinator's scan screen, the
//! marks on answers the patient reported, and the site's contact labels.
//! Their own struct (not `ScreenText`), so only the screens that show them
//! fetch them. Struct literals: a missing translation fails to compile.

/// The handoff's words in one language.
pub struct HandoffText {
    /// Button on the patient's result that shows the code.
    pub show_code: &'static str,
    /// Button that hides it again.
    pub hide_code: &'static str,
    /// What the code is for.
    pub code_help: &'static str,
    /// Said plainly beside the code.
    pub code_warning: &'static str,
    /// The code's accessible name.
    pub code_label: &'static str,
    /// Print button.
    pub print: &'static str,
    /// The printed page's title.
    pub sheet_title: &'static str,
    /// The date of the self-check, on the page.
    pub sheet_date: fn(&str) -> String,
    /// Heading of the answers list.
    pub sheet_answers: &'static str,
    /// An answer not given.
    pub not_answered: &'static str,
    /// Above the questions whose answers the code leaves out (not valid),
    /// with the label of the button that goes back to the answers.
    pub left_out: fn(&str) -> String,
    /// An answer left out of the code, as the answers list shows it.
    pub not_in_code: fn(&str) -> String,
    /// The code could not be drawn (never expected: answers are cut to fit).
    pub code_failed: &'static str,
    /// Heading of the site's contact details.
    pub contact_title: &'static str,
    /// Contact labels.
    pub phone: &'static str,
    /// Contact labels.
    pub email: &'static str,
    /// Contact labels.
    pub address: &'static str,
    /// Contact labels.
    pub hours: &'static str,
    /// "Next step" with the site's team named.
    pub next_step_site: fn(&str) -> String,
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
    /// Banner on a record made from a code.
    pub reported_banner: fn(&str) -> String,
    /// The mark on one answer.
    pub reported_mark: &'static str,
    /// Confirm one answer.
    pub confirm: &'static str,
    /// Confirm one answer (accessible name, with the field).
    pub confirm_field: fn(&str) -> String,
}

/// English.
pub const EN_HANDOFF: HandoffText = HandoffText {
    show_code: "Show my answers to the study team",
    hide_code: "Hide the code",
    code_help: "Show this code to the study team. They can scan it with their tablet to start your screening with your answers, instead of asking every question again.",
    code_warning: "Anyone who scans this code can read your answers. Show it only to the study team. It does not hold your name.",
    code_label: "Code with your answers for the study team",
    print: "Print / save as PDF",
    sheet_title: "My self-check answers for the study team",
    sheet_date: |d| format!("Self-check of {d} · study NCT07063225"),
    sheet_answers: "My answers",
    not_answered: "not answered",
    left_out: |change| {
        format!(
            "These answers are not in the code because they are not complete or not valid. The study team will ask you about them, or you can correct them first with \"{change}\":"
        )
    },
    not_in_code: |a| format!("{a} (not in the code: not complete or not valid)"),
    code_failed: "Your answers could not be turned into a code. Please show the study team this page instead.",
    contact_title: "Study team",
    phone: "Phone",
    email: "E-mail",
    address: "Address",
    hours: "Opening hours",
    next_step_site: |team| {
        format!(
            "What to do next: talk to your doctor, or contact the study team ({team}) and mention study NCT07063225."
        )
    },
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
    reported_banner: |d| {
        format!(
            "Answers reported by the patient in the self-check of {d}, scanned from their code. Each is marked until you confirm it with the patient or the chart, or change it."
        )
    },
    reported_mark: "Reported by the patient",
    confirm: "Confirm",
    confirm_field: |f| format!("Confirm: {f}"),
};

/// Simplified Chinese.
pub const ZH_HANDOFF: HandoffText = HandoffText {
    show_code: "把我的回答出示给研究团队",
    hide_code: "隐藏二维码",
    code_help: "请把这个二维码出示给研究团队。他们用平板扫描后，即可用您的回答开始筛选，无需把每个问题再问一遍。",
    code_warning: "任何扫描此二维码的人都能读到您的回答。请只出示给研究团队。二维码中不含您的姓名。",
    code_label: "包含您回答的二维码，供研究团队扫描",
    print: "打印 / 保存为 PDF",
    sheet_title: "我的自查回答（供研究团队查看）",
    sheet_date: |d| format!("自查日期：{d} · 研究编号 NCT07063225"),
    sheet_answers: "我的回答",
    not_answered: "未回答",
    left_out: |change| {
        format!(
            "以下回答不完整或无效，未放入二维码。研究团队会再向您询问；您也可以先点击“{change}”进行更正："
        )
    },
    not_in_code: |a| format!("{a}（不完整或无效，未放入二维码）"),
    code_failed: "无法把您的回答生成二维码。请直接把本页出示给研究团队。",
    contact_title: "研究团队",
    phone: "电话",
    email: "电子邮件",
    address: "地址",
    hours: "工作时间",
    next_step_site: |team| {
        format!("下一步：请与您的医生沟通，或联系研究团队（{team}），并说明研究编号 NCT07063225。")
    },
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
    scan_bad_date: "二维码中的自查日期无效，未导入，未新建任何记录。请患者从自查结果页面重新出示二维码。",
    scan_bad_answer: |f| {
        format!(
            "二维码中“{f}”的回答无效，未导入，未新建任何记录。请患者核对该回答后重新出示二维码，或由您直接录入。"
        )
    },
    scan_back: "返回记录列表",
    reported_banner: |d| {
        format!(
            "以下回答由患者在 {d} 的自查中自述，通过其二维码扫描得到。每个回答都带有标记，直到您与患者或病历核对后确认，或进行修改。"
        )
    },
    reported_mark: "患者自述",
    confirm: "确认",
    confirm_field: |f| format!("确认：{f}"),
};
