//! Days and times in another time zone (issue 23): "12 September,
//! Washington" is `said = "2022-09-12-04:00"`. On an event whose region
//! declares `zone = "+04:00"` it runs from 08:00 on the 12th to 07:59 on the
//! 13th, so it is not certainly before a statement made in the region at
//! 02:00 on the 13th; without a zone it spans every clock it may fall on.

mod common;
use common::*;

fn killed(id: &str, said: &str, n: u32) -> String {
    claim(
        id,
        "armenia-mod",
        said,
        &fig("armenia", "killed", &format!("exact = {n}")),
        "",
    )
}

/// The event file with `zone` (when given) under `[event]`.
fn event_in(zone: Option<&str>, claims: &[String]) -> String {
    let text = event_file(claims);
    match zone {
        Some(z) => text.replacen("place = ", &format!("zone = \"{z}\"\nplace = "), 1),
        None => text,
    }
}

fn cells(zone: Option<&str>, claims: &[String]) -> Vec<String> {
    let dir = folder(&[("test-event.toml", &event_in(zone, claims))]);
    let v = compare_json(dir.path(), &[]);
    cell_texts(&figure_row(&v, "armenia", "killed")["cells"]["armenia-mod"])
}

#[test]
fn a_day_in_another_zone_overlaps_the_next_morning_in_the_region() {
    let claims = [
        killed("washington", "2021-11-16-04:00", 5),
        killed("yerevan-night", "2021-11-17T02:00", 9),
    ];
    // 02:00 on the 17th at +04:00 is 18:00 on the 16th in Washington:
    // the two are unordered, so neither supersedes the other.
    assert_eq!(cells(Some("+04:00"), &claims).len(), 2);
    // Once the region's morning is past the Washington day's end (07:59
    // on the 17th at +04:00), the later statement supersedes.
    let later = [
        killed("washington", "2021-11-16-04:00", 5),
        killed("yerevan-noon", "2021-11-17T12:00", 9),
    ];
    assert_eq!(cells(Some("+04:00"), &later), ["9"]);
}

#[test]
fn a_time_with_an_offset_is_moved_onto_the_events_clock() {
    // 23:30 in Washington on the 16th is 07:30 on the 17th at +04:00:
    // after a region statement at 06:00 on the 17th, so it supersedes it.
    let claims = [
        killed("washington-late", "2021-11-16T23:30-04:00", 5),
        killed("yerevan-dawn", "2021-11-17T06:00", 9),
    ];
    assert_eq!(cells(Some("+04:00"), &claims), ["5"]);
    // Without a zone, a time is read as written (as before zones existed):
    // the 16th comes before the 17th.
    assert_eq!(cells(None, &claims), ["9"]);
}

#[test]
fn without_a_zone_a_day_in_a_zone_spans_every_clock_it_may_fall_on() {
    // At UTC-04:00 the 16th may run, on an unknown clock, from 16:00 on
    // the 15th to 17:59 on the 17th: unordered against both neighbours.
    let claims = [
        killed("before", "2021-11-15T18:00", 3),
        killed("washington", "2021-11-16-04:00", 5),
        killed("after", "2021-11-17T17:00", 9),
    ];
    let c = cells(None, &claims);
    assert!(c.contains(&"5".to_string()), "{c:?}");
    assert!(c.contains(&"9".to_string()), "{c:?}");
    // The same day in the region's own zone is ordered as before.
    let plain = [
        killed("before", "2021-11-15T18:00", 3),
        killed("washington", "2021-11-16", 5),
        killed("after", "2021-11-17T17:00", 9),
    ];
    assert_eq!(cells(None, &plain), ["9"]);
}

#[test]
fn a_zone_that_is_no_offset_is_refused_with_its_place() {
    let dir = folder(&[(
        "test-event.toml",
        &event_in(Some("Asia/Baku"), &[killed("a", "2021-11-16", 5)]),
    )]);
    let out = Claims::new().data(dir.path()).args(["check"]).fails(2);
    out.stdout_has("test-event.toml:5:8")
        .stdout_has("zone `Asia/Baku` is not a UTC offset")
        .stdout_has("+04:00");
}

#[test]
fn a_day_in_a_zone_is_listed_as_written() {
    let dir = folder(&[(
        "test-event.toml",
        &event_in(
            Some("+04:00"),
            &[killed("washington", "2021-11-16-04:00", 5)],
        ),
    )]);
    let out = Claims::new()
        .data(dir.path())
        .args(["list", "--format", "json"])
        .succeeds();
    // As written, with the instants it may fall on, on the event's clock.
    out.stdout_has("\"said\":\"2021-11-16-04:00\"")
        .stdout_has("\"said_from\":\"2021-11-16T08:00:00\"")
        .stdout_has("\"said_until\":\"2021-11-17T07:59:59\"");
    // A malformed offset on a day is a date error at the value.
    let bad = folder(&[(
        "test-event.toml",
        &event_in(None, &[killed("bad", "2021-11-16+25:00", 5)]),
    )]);
    Claims::new()
        .data(bad.path())
        .args(["check"])
        .fails(2)
        .stdout_has("offset `+25:00` is not Z or ±HH:MM");
}

/// A sheet's new event with `event_zone`: written as `zone`, and a zone
/// that is no offset refused at its row before anything is written.
#[test]
fn import_takes_the_new_events_zone() {
    let dir = tempfile::tempdir().expect("a folder");
    let data = dir.path().join("newsroom");
    Claims::new()
        .args(["init", &data.display().to_string()])
        .succeeds();
    let sheet = |zone: &str| {
        format!(
            "claim,event,source,said,via,document,language,kind,quote,whose,metric,stated,outlet,event_title,event_date,event_place,event_zone,event_sides,event_summary\n\
             dc-killed,dc-clash,armenia-mod,2026-11-30-05:00,statement,dc-doc,en,figure,\"Three servicemen were killed.\",armenia,killed,3,Outlet,A clash,2026-11-30,Near the village,{zone},\"Armenia, Azerbaijan\",Made up.\n"
        )
    };
    std::fs::write(data.join("bad.csv"), sheet("Asia/Baku")).expect("written");
    let refused = Claims::new()
        .current_dir(&data)
        .args(["import", "bad.csv", "--to", "dc-clash.toml"])
        .fails(2)
        .stderr;
    assert!(
        refused.contains("zone `Asia/Baku` is not a UTC offset"),
        "{refused}"
    );
    assert!(!data.join("dc-clash.toml").exists());
    std::fs::write(data.join("good.csv"), sheet("+04:00")).expect("written");
    Claims::new()
        .current_dir(&data)
        .args(["import", "good.csv", "--to", "dc-clash.toml"])
        .succeeds();
    let text = std::fs::read_to_string(data.join("dc-clash.toml")).expect("written");
    assert!(text.contains("zone = \"+04:00\""), "{text}");
    assert!(text.contains("said = \"2026-11-30-05:00\""), "{text}");
    let listed = Claims::new()
        .current_dir(&data)
        .args(["list", "--event", "dc-clash", "--format", "json"])
        .succeeds()
        .stdout;
    assert!(
        listed.contains("\"said_from\":\"2026-11-30T09:00:00\""),
        "{listed}"
    );
}

#[test]
fn regression_a_zone_past_59_minutes_is_refused() {
    let dir = folder(&[(
        "test-event.toml",
        &event_in(Some("+04:60"), &[killed("a", "2021-11-16", 5)]),
    )]);
    Claims::new()
        .data(dir.path())
        .args(["check"])
        .fails(2)
        .stdout_has("zone `+04:60` is not a UTC offset");
}
