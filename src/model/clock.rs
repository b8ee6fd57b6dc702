//! Clock arithmetic for dates: UTC offsets, and instants moved across
//! days, months and years onto an event's clock.

/// An instant as a sortable key: (year, month, day, hour, minute, second).
pub type Instant = (u16, u8, u8, u8, u8, u8);

/// An instant moved by `minutes` across days, months and years.
pub(super) fn moved(i: Instant, minutes: i32) -> Instant {
    if minutes == 0 || i.1 == 0 || i.2 == 0 {
        return i;
    }
    let (y, mo, d, h, mi, s) = i;
    let mut day = days_from_civil(y, mo, d);
    let mut at = i64::from(h) * 60 + i64::from(mi) + i64::from(minutes);
    day += at.div_euclid(24 * 60);
    at = at.rem_euclid(24 * 60);
    let (y, mo, d) = civil_from_days(day);
    (y, mo, d, (at / 60) as u8, (at % 60) as u8, s)
}

/// Days since 0000-03-01 (any fixed origin will do: only differences count).
fn days_from_civil(y: u16, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy
}

/// The inverse of [`days_from_civil`], kept within years 1 to 9999.
fn civil_from_days(z: i64) -> (u16, u8, u8) {
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    match y {
        ..1 => (1, 1, 1),
        10_000.. => (9999, 12, 31),
        y => (y as u16, m, d),
    }
}

/// `Z` or ±HH:MM in minutes east of UTC.
pub fn offset_minutes(o: &str) -> Option<i32> {
    if o == "Z" {
        return Some(0);
    }
    if o.len() != 6 || !o.is_ascii() || &o[3..4] != ":" {
        return None;
    }
    let h = digits(&o[1..3], 2).filter(|h| *h <= 14)?;
    let m = digits(&o[4..6], 2).filter(|m| *m <= 59)?;
    let minutes = (h * 60 + m) as i32;
    match &o[..1] {
        "+" => Some(minutes),
        "-" => Some(-minutes),
        _ => None,
    }
}

/// `Z` or ±HH:MM, at most ±14:00.
pub(super) fn check_offset(text: &str, o: &str) -> Result<(), String> {
    if o == "Z" {
        return Ok(());
    }
    // ASCII first: the slices below must fall on char boundaries.
    let ok = o.len() == 6
        && o.is_ascii()
        && (o.starts_with('+') || o.starts_with('-'))
        && digits(&o[1..3], 2).is_some_and(|h| h <= 14)
        && &o[3..4] == ":"
        && digits(&o[4..6], 2).is_some_and(|m| m <= 59);
    if ok {
        Ok(())
    } else {
        Err(format!("`{text}`: offset `{o}` is not Z or ±HH:MM"))
    }
}

pub(super) fn split_offset(time: &str) -> (&str, Option<&str>) {
    if let Some(clock) = time.strip_suffix('Z') {
        return (clock, Some("Z"));
    }
    match time.rfind(['+', '-']) {
        Some(i) => (&time[..i], Some(&time[i..])),
        None => (time, None),
    }
}

pub(super) fn digits(s: &str, n: usize) -> Option<u32> {
    if s.len() == n && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moving_round_trips_over_four_centuries() {
        for day in (0..146_097 * 2).step_by(37) {
            let (y, m, d) = civil_from_days(days_from_civil(1900, 1, 1) + day);
            assert_eq!(days_from_civil(y, m, d) - days_from_civil(1900, 1, 1), day);
            assert!((1..=12).contains(&m) && (1..=31).contains(&d));
        }
        assert_eq!(moved((1, 1, 1, 0, 0, 0), -60).0, 1);
        assert_eq!(
            moved((9999, 12, 31, 23, 0, 0), 120),
            (9999, 12, 31, 1, 0, 0)
        );
    }
}
