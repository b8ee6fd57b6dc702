//! When a report was made and from which data: its last line, so a reader
//! can tell two reports of the same event apart.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::view::View;

/// Today's date (UTC), or the date of `SOURCE_DATE_EPOCH` when set, as
/// reproducible builds do: the same data then makes the same report.
pub fn made_on() -> String {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
        });
    let (y, m, d) = civil(seconds.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// The calendar date of a day counted from 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
    let m = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// "Made on 2026-12-03 by claims 0.1.0 from ./newsroom, data 1a2b… (event
/// kilisali-2021, 30 claims compared)".
pub fn line(view: &View) -> String {
    let from = view
        .data_name
        .as_ref()
        .map_or(String::new(), |name| format!(" from {name}"));
    format!(
        "Made on {} by claims {}{from}, data {} (event {}, {} claims compared).",
        made_on(),
        env!("CARGO_PKG_VERSION"),
        view.data_id(),
        view.cmp.event.id,
        view.cmp.claims_used
    )
}

#[cfg(test)]
mod tests {
    use super::civil;

    #[test]
    fn days_become_calendar_dates() {
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(civil(59), (1970, 3, 1));
        assert_eq!(civil(11_016), (2000, 2, 29));
        assert_eq!(civil(18_947), (2021, 11, 16));
        assert_eq!(civil(-1), (1969, 12, 31));
    }
}
