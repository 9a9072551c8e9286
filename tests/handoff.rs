//! The patient → study team handoff end to end, natively: for every shared
//! case, the patient's answers become a code's text, the code is drawn as a
//! picture, read back from it (and from a degraded copy: scaled to 60 %,
//! rotated 10°, light noise), and the new record holds the same answers and
//! gets the same verdict from the engine. Also: the largest code any set of
//! answers can need; crafted codes whose date or answers are not valid,
//! each refused naming its field; and whatever a patient typed, the code
//! their screen shows is one the reader takes.

use ctit_screening::engine::{Date, Field, ProblemKind, Record};
use ctit_screening::handoff::qr;
use ctit_screening::handoff::{
    AnswerFault, Handoff, MAX_QR_VERSION, MAX_VALUE_BYTES, Refusal, base45_encode, codes,
};
use ctit_screening::record::draft::{Draft, unit_key};
use ctit_screening::record::export::Verdict;
use ctit_screening::record::import::import_record;
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

fn day(text: &str) -> Date {
    Date::parse(text).expect("a date")
}

/// Each shared case's record as a draft, with only the self-check's inputs
/// (what a patient can have answered).
fn patient_drafts() -> Vec<(String, Draft)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("cases")
        .map(|e| e.expect("entry").path())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("readable");
            let full = import_record(&text, "case", "c", "").expect("case").draft;
            let mut draft = Draft::new("c", &full.screening_date, "");
            for key in codes() {
                draft.set_input(&key, full.input(&key));
            }
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, draft)
        })
        .collect()
}

fn verdict(draft: &Draft) -> String {
    match Record::from_json_value(&draft.record_json()) {
        Ok(r) => Verdict::of(&r).to_line(),
        Err(p) => format!("unreadable: {p:?}"),
    }
}

/// Bilinear sample of a greyscale picture (outside: white).
fn sample(w: usize, h: usize, px: &[u8], x: f64, y: f64) -> f64 {
    let at = |x: i64, y: i64| -> f64 {
        if x < 0 || y < 0 || x >= w as i64 || y >= h as i64 {
            255.0
        } else {
            f64::from(px[y as usize * w + x as usize])
        }
    };
    let (x0, y0) = (x.floor(), y.floor());
    let (fx, fy) = (x - x0, y - y0);
    let (x0, y0) = (x0 as i64, y0 as i64);
    let top = at(x0, y0) * (1.0 - fx) + at(x0 + 1, y0) * fx;
    let bottom = at(x0, y0 + 1) * (1.0 - fx) + at(x0 + 1, y0 + 1) * fx;
    top * (1.0 - fy) + bottom * fy
}

/// The picture scaled by `factor`, rotated by `degrees` about its centre
/// on a white canvas, with deterministic noise of up to ±`noise` levels.
fn degrade(w: usize, px: &[u8], factor: f64, degrees: f64, noise: i32) -> (usize, usize, Vec<u8>) {
    let side = ((w as f64) * factor * 1.3).ceil() as usize;
    let (c_out, c_in) = (side as f64 / 2.0, w as f64 / 2.0);
    let (sin, cos) = degrees.to_radians().sin_cos();
    let mut seed: u32 = 12345;
    let mut out = Vec::with_capacity(side * side);
    for y in 0..side {
        for x in 0..side {
            let (dx, dy) = (x as f64 - c_out, y as f64 - c_out);
            let (rx, ry) = (dx * cos + dy * sin, -dx * sin + dy * cos);
            let v = sample(w, w, px, c_in + rx / factor, c_in + ry / factor);
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let jitter = ((seed >> 16) % (2 * noise as u32 + 1)) as i32 - noise;
            out.push((v as i32 + jitter).clamp(0, 255) as u8);
        }
    }
    (side, side, out)
}

#[test]
fn every_shared_case_round_trips_through_a_code_picture_and_a_degraded_copy() {
    let mut largest = 0;
    for (name, original) in patient_drafts() {
        let carried = Handoff::from_draft(&original, day("2026-12-01"));
        assert_eq!(carried.left_out, [], "{name}: every answer is valid");
        let text = carried.handoff.encode();
        let grid = qr::draw(&text, MAX_QR_VERSION).expect("fits");
        largest = largest.max(grid.version);
        let (w, px) = grid.pixels(6);
        let (dw, dh, degraded) = degrade(w, &px, 0.6, 10.0, 24);
        for (how, read) in [
            ("rendered", qr::read(w, w, &px)),
            ("degraded", qr::read(dw, dh, &degraded)),
        ] {
            assert_eq!(read, std::slice::from_ref(&text), "{name}: {how} picture");
            let back = Handoff::decode(&read[0]).expect("ours");
            let draft = back.into_draft("n", &original.screening_date, "");
            assert_eq!(draft.inputs, original.inputs, "{name}: {how}: same answers");
            assert_eq!(
                verdict(&draft),
                verdict(&original),
                "{name}: {how}: same verdict"
            );
            assert_eq!(
                draft.reported_keys().count(),
                original.inputs.len(),
                "{name}: every answer is marked as the patient's"
            );
        }
    }
    eprintln!("largest QR version over the shared cases: {largest} (M)");
}

#[test]
fn any_set_of_answers_fits_one_code_of_version_25_at_m() {
    // Every input answered with the longest text carried, in characters
    // that compress worst: the largest code the writer can produce. (Not
    // answers a patient's screen would carry: the reader refuses them.)
    let mut h = Handoff {
        checked_on: day("2026-12-01"),
        inputs: BTreeMap::new(),
    };
    let mut seed: u32 = 7;
    for key in codes() {
        let value: String = (0..MAX_VALUE_BYTES)
            .map(|_| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                char::from(b'!' + ((seed >> 16) % 94) as u8)
            })
            .collect();
        h.inputs.insert(key, value);
    }
    let text = h.encode();
    let grid = qr::draw(&text, MAX_QR_VERSION).expect("fits version 25 at M");
    eprintln!(
        "worst case: {} characters, QR version {} (M)",
        text.len(),
        grid.version
    );
    let (w, px) = grid.pixels(4);
    assert_eq!(qr::read(w, w, &px), std::slice::from_ref(&text));
    assert!(matches!(
        Handoff::decode(&text),
        Err(Refusal::BadAnswer {
            field: Field::BirthDate,
            ..
        })
    ));
}

/// The code text of a compressed body written by hand, `plain` being the
/// lines the format holds: the date, then one line per answer (its input's
/// character, the answer). Codes no version of this app writes.
fn crafted(plain: &str) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(plain.as_bytes(), 9);
    format!("NCT07063225:1:{}", base45_encode(&packed))
}

/// An input's character in version 1 of the format (its place in `codes`).
fn code_char(key: &str) -> char {
    const CHARS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let at = codes().position(|k| k == key).expect("a carried input");
    CHARS.chars().nth(at).expect("a character")
}

fn with_answer(key: &str, value: &str) -> Handoff {
    let mut inputs = BTreeMap::new();
    inputs.insert("sex".to_string(), "female".to_string());
    inputs.insert(key.to_string(), value.to_string());
    Handoff {
        checked_on: day("2026-12-01"),
        inputs,
    }
}

#[test]
fn a_crafted_code_whose_date_is_not_a_real_date_is_refused() {
    for date in [
        "2026-12-01".repeat(400).as_str(),
        "",
        "2026-02-30",
        "2026-12-1",
        "20261201",
        "2026-12-01 ",
        "01/12/2026",
        "２０２６-12-01",
    ] {
        let text = crafted(&format!("{date}\n{}1", code_char("diabetes")));
        assert_eq!(
            Handoff::decode(&text),
            Err(Refusal::BadCheckDate),
            "{date:?}"
        );
    }
    let fine = crafted(&format!("2026-12-01\n{}1", code_char("diabetes")));
    assert!(Handoff::decode(&fine).is_ok());
}

#[test]
fn a_crafted_code_with_an_answer_out_of_its_range_is_refused_naming_the_field() {
    for (key, value, field, problem) in [
        (
            "ecog",
            "5",
            Field::Ecog,
            ProblemKind::OutOfRange { min: 0, max: 4 },
        ),
        (
            "age_years",
            "121",
            Field::AgeYears,
            ProblemKind::OutOfRange { min: 0, max: 120 },
        ),
        (
            "rhtpo_days",
            "1.5",
            Field::RhtpoDays,
            ProblemKind::NotWholeNumber,
        ),
        (
            "platelet_count",
            "-3",
            Field::PlateletCount,
            ProblemKind::Negative,
        ),
    ] {
        assert_eq!(
            Handoff::decode(&with_answer(key, value).encode()),
            Err(Refusal::BadAnswer {
                field,
                fault: AnswerFault::Invalid(problem)
            }),
            "{key} = {value}"
        );
    }
}

#[test]
fn a_crafted_code_with_an_answer_of_the_wrong_kind_is_refused_naming_the_field() {
    for (key, value, field) in [
        ("rhtpo_days", "abc", Field::RhtpoDays),
        ("ecog", "一", Field::Ecog),
        ("platelet_count", "21k", Field::PlateletCount),
        ("birth_date", "1961-02-30", Field::BirthDate),
        ("last_chemo_date", "2026-13-01", Field::LastChemoDate),
        ("low_platelets_since", "last week", Field::LowPlateletsSince),
        ("sex", "other", Field::Sex),
        ("diabetes", "maybe", Field::Diabetes),
        ("platelet_count.unit", "mL", Field::PlateletCount),
    ] {
        let refused = Handoff::decode(&with_answer(key, value).encode());
        assert!(
            matches!(&refused, Err(Refusal::BadAnswer { field: f, fault: AnswerFault::Invalid(_) }) if *f == field),
            "{key} = {value}: {refused:?}"
        );
    }
}

#[test]
fn a_code_carries_dates_only_as_yyyy_mm_dd_though_the_form_reads_more() {
    // What a coordinator may type in the form (`record::dates`) is not
    // what a code may carry: the code is a file format, read strictly.
    for value in ["19610402", "1961-4-2", "1961/04/02", "1961年4月2日"] {
        let refused = Handoff::decode(&with_answer("birth_date", value).encode());
        assert_eq!(
            refused,
            Err(Refusal::BadAnswer {
                field: Field::BirthDate,
                fault: AnswerFault::Invalid(ProblemKind::BadDate)
            }),
            "{value}"
        );
    }
}

#[test]
fn a_date_the_patient_typed_without_a_date_picker_is_carried_as_yyyy_mm_dd() {
    // (A browser without a date picker gives the patient a text box.)
    let mut draft = Draft::new("p", "", "");
    draft.set_input("birth_date", "19610402");
    draft.set_input("last_chemo_date", "2026/11/3");
    let carried = Handoff::from_draft(&draft, day("2026-12-01"));
    assert!(carried.left_out.is_empty(), "{:?}", carried.left_out);
    assert_eq!(carried.handoff.inputs["birth_date"], "1961-04-02");
    assert_eq!(carried.handoff.inputs["last_chemo_date"], "2026-11-03");
    assert_eq!(
        Handoff::decode(&carried.handoff.encode()),
        Ok(carried.handoff)
    );
}

#[test]
fn a_crafted_code_with_a_date_after_the_self_check_is_refused_naming_the_field() {
    assert_eq!(
        Handoff::decode(&with_answer("last_mi_date", "2026-12-02").encode()),
        Err(Refusal::BadAnswer {
            field: Field::LastMiDate,
            fault: AnswerFault::Invalid(ProblemKind::DateAfterScreening {
                date: day("2026-12-02"),
                screening: day("2026-12-01"),
            }),
        })
    );
}

#[test]
fn a_crafted_code_with_an_answer_longer_than_any_written_is_refused_naming_the_field() {
    // A valid number (1.000…0 is 1), but longer than the writer's cut.
    let long = format!("1.{}", "0".repeat(3000));
    let text = crafted(&format!("2026-12-01\n{}{long}", code_char("ecog")));
    assert_eq!(
        Handoff::decode(&text),
        Err(Refusal::BadAnswer {
            field: Field::Ecog,
            fault: AnswerFault::TooLong
        })
    );
}

/// Text a patient may have typed or chosen for an input: valid answers,
/// half-typed ones, and anything else.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("yes".to_string()),
        Just("no".to_string()),
        Just("female".to_string()),
        Just("male".to_string()),
        Just("10^9/L".to_string()),
        Just("/uL".to_string()),
        (0u32..400).prop_map(|n| n.to_string()),
        "[0-9]{1,3}[.,x]?[0-9]?",
        "(19|20)[0-9]{2}-[01][0-9]-[0-3][0-9]",
        "20[0-9]{2}-[0-9]{1,2}",
        "\\PC{0,40}",
        ".{0,3}\n.{0,3}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_code_a_patient_is_shown_is_always_one_the_reader_takes(
        answers in proptest::collection::vec(typed(), 26)
    ) {
        let mut draft = Draft::new("patient", "", "");
        for (key, text) in codes().zip(&answers) {
            draft.set_input(&key, text);
        }
        let carried = Handoff::from_draft(&draft, day("2026-12-01"));
        let text = carried.handoff.encode();
        prop_assert_eq!(Handoff::decode(&text), Ok(carried.handoff.clone()));
        for field in &carried.left_out {
            prop_assert!(!carried.handoff.inputs.contains_key(field.id()));
            let unit = unit_key(*field);
            let typed = [field.id(), unit.as_str()].map(|k| draft.input(k).trim());
            prop_assert!(typed.iter().any(|t| !t.is_empty()), "{:?}", field);
        }
    }
}

#[test]
fn a_half_typed_answer_is_left_out_of_the_patients_code_and_named() {
    let (_, mut draft) = patient_drafts()
        .into_iter()
        .find(|(name, _)| name.starts_with("14-"))
        .expect("case 14");
    draft.set_input("rhtpo_days", "2x");
    draft.set_input("last_chemo_date", "2099-01-01");
    // An age typed before the birth date, no longer asked: left out
    // without a word.
    draft.set_input("age_years", "6");
    draft.set_input("age_years", "6o");
    let carried = Handoff::from_draft(&draft, day("2026-12-01"));
    assert_eq!(
        carried.left_out,
        [Field::RhtpoDays, Field::LastChemoDate],
        "named in the order asked"
    );
    for key in ["rhtpo_days", "last_chemo_date", "age_years"] {
        assert!(!carried.handoff.inputs.contains_key(key), "{key}");
    }
    assert_eq!(
        carried.handoff.inputs["birth_date"],
        draft.input("birth_date")
    );
    assert_eq!(
        Handoff::decode(&carried.handoff.encode()),
        Ok(carried.handoff)
    );
}
