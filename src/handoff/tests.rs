//! The handoff code's tests: encoding, refusals, limits, natively.

use super::*;

fn sample() -> Handoff {
    let mut inputs = BTreeMap::new();
    for (k, v) in [
        ("birth_date", "1961-04-12"),
        ("sex", "female"),
        ("cit_diagnosis", "yes"),
        ("had_radiotherapy", "no"),
        ("platelet_count", "25"),
        ("platelet_count.unit", "10^9/L"),
        ("ecog", "1"),
    ] {
        inputs.insert(k.to_string(), v.to_string());
    }
    Handoff {
        checked_on: day("2026-12-01"),
        inputs,
    }
}

fn day(text: &str) -> Date {
    Date::parse(text).expect("a date")
}

#[test]
fn base45_matches_the_rfc_examples() {
    assert_eq!(base45_encode(b"AB"), "BB8");
    assert_eq!(base45_encode(b"Hello!!"), "%69 VD92EX0");
    assert_eq!(base45_encode(b"base-45"), "UJCLQE7W581");
    assert_eq!(base45_decode("QED8WEX0").as_deref(), Some(&b"ietf!"[..]));
    assert_eq!(base45_decode("GGW"), None, "65535 < 45^3 - 1: refused");
    assert_eq!(base45_decode("a"), None);
    assert_eq!(base45_decode("BB8B"), None, "a dangling character");
}

#[test]
fn every_carried_input_has_a_code_character() {
    assert!(codes().count() <= CODE_CHARS.len());
    assert_eq!(codes().count(), 26, "25 questions and the count's unit");
}

#[test]
fn answers_round_trip_through_the_code_text() {
    let h = sample();
    let text = h.encode();
    assert!(text.starts_with("NCT07063225:1:"));
    assert!(text.bytes().all(|b| BASE45.contains(&b)), "{text}");
    assert_eq!(Handoff::decode(&text), Ok(h));
}

#[test]
fn an_odd_answer_is_refused_never_read_as_another() {
    // `compact` still escapes text that looks like a short answer, so
    // a yes/no written "1" is not read as "yes": it is refused.
    for (key, odd, field) in [
        ("diabetes", "1", Field::Diabetes),
        ("sex", "=m", Field::Sex),
        ("ecog", "一", Field::Ecog),
    ] {
        let mut h = sample();
        h.inputs.insert(key.into(), odd.into());
        let refused = Handoff::decode(&h.encode());
        assert!(
            matches!(refused, Err(Refusal::BadAnswer { field: f, .. }) if f == field),
            "{key}: {refused:?}"
        );
    }
}

#[test]
fn answers_are_cut_at_a_character_and_line_breaks_become_spaces() {
    assert_eq!(clean("12\n3"), "12 3");
    assert_eq!(clean(&"血".repeat(20)), "血".repeat(10), "30 of 32 bytes");
}

#[test]
fn only_self_check_inputs_are_carried() {
    let mut d = Draft::new("r", "2026-12-01", "");
    d.label = "Wang Fang".into();
    d.set_input("sex", "male");
    d.set_input("alt", "35");
    d.set_input("platelet_count.unit", "/uL");
    let carried = Handoff::from_draft(&d, day("2026-12-01"));
    assert_eq!(
        carried.handoff.inputs.keys().collect::<Vec<_>>(),
        ["platelet_count.unit", "sex"]
    );
    assert_eq!(carried.left_out, []);
    assert!(!carried.handoff.encode().contains("Wang"));
}

#[test]
fn codes_of_another_trial_version_or_app_are_refused() {
    let body = sample().encode();
    let body = body.trim_start_matches("NCT07063225:1:");
    assert_eq!(
        Handoff::decode(&format!("NCT01234567:1:{body}")),
        Err(Refusal::OtherTrial("NCT01234567".into()))
    );
    assert_eq!(
        Handoff::decode(&format!("NCT07063225:2:{body}")),
        Err(Refusal::OtherVersion("2".into()))
    );
    for other in ["WIFI:S:ward;T:WPA;P:x;;", "", "NCT07063225", "HC1:6BF"] {
        assert_eq!(Handoff::decode(other), Err(Refusal::NotOurs), "{other}");
    }
}

#[test]
fn a_damaged_code_is_refused_never_read_as_other_answers() {
    let text = sample().encode();
    // Every single-character change inside the body is caught (Base45,
    // zlib's structure or its Adler-32 check).
    let prefix = "NCT07063225:1:".len();
    for i in prefix..text.len() {
        for &c in BASE45 {
            let mut bytes = text.clone().into_bytes();
            if bytes[i] == c {
                continue;
            }
            bytes[i] = c;
            let changed = String::from_utf8(bytes).unwrap();
            assert_eq!(
                Handoff::decode(&changed),
                Err(Refusal::Damaged),
                "{changed}"
            );
        }
    }
    assert_eq!(
        Handoff::decode(&text[..text.len() - 3]),
        Err(Refusal::Damaged)
    );
    assert_eq!(Handoff::decode("NCT07063225:1:"), Err(Refusal::Damaged));
}

#[test]
fn a_code_that_inflates_past_the_limit_is_refused() {
    let bomb = miniz_oxide::deflate::compress_to_vec_zlib(&[b'A'; 100_000], 9);
    let text = format!("NCT07063225:1:{}", base45_encode(&bomb));
    assert_eq!(Handoff::decode(&text), Err(Refusal::Damaged));
}

#[test]
fn a_patient_marked_draft_comes_from_a_code() {
    let d = sample().into_draft("r9", "2026-12-02", "2026-12-02T08:00:00Z");
    assert_eq!(d.input("sex"), "female");
    assert_eq!(d.screening_date, "2026-12-02");
    assert_eq!(d.patient_checked_on, "2026-12-01");
    assert!(d.is_patient_reported("platelet_count.unit"));
    assert_eq!(d.reported_keys().count(), 7);
}
