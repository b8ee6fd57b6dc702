//! Dates with a precision: when a statement was made, when an event happened.
//!
//! Sources rarely give a timestamp. A tweet has a minute, a readout a day, an
//! aggregator only the day it reposted. The text form keeps that precision
//! instead of inventing midnight: `2021`, `2021-11`, `2021-11-16`,
//! `2021-11-16T18:30`, `2021-11-16T18:30:00+04:00`, a span `2020-07-13/2020-07-14`,
//! or `by 2020-07-14` (said on or before that day, when only the report date is known).

use std::cmp::Ordering;
use std::fmt;

pub use super::clock::offset_minutes;
use super::clock::{check_offset, digits, moved, split_offset};

/// How finely a moment is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Month,
    Day,
    Minute,
    Second,
}

/// One point in time, known to some precision. Fields finer than the
/// precision are absent, not zero.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moment {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub hour_minute: Option<(u8, u8)>,
    pub second: Option<u8>,
    /// UTC offset as written (`Z`, `+04:00`), on a time or on a day
    /// ("12 September, Washington": `2022-09-12-04:00`).
    pub offset: Option<String>,
    /// Minutes added to its earliest and latest instants to read it on its
    /// event's clock; set by [`When::place_in`], zero until then.
    pub shift: (i32, i32),
}

/// When something was said or happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    At(Moment),
    /// Somewhere in a span, both ends included.
    Between(Moment, Moment),
    /// On or before a moment: only the report's date is known.
    By(Moment),
    /// "Around 11:00": a time of day within [`AROUND_MINUTES`] either way,
    /// kept within its day.
    Around(Moment),
}

/// How far "around 11:00" may be from 11:00, in minutes.
pub const AROUND_MINUTES: u16 = 30;

/// An instant moved by `minutes` (negative: earlier), kept within its day:
/// "around 00:10" runs from 00:00, not from the day before.
fn shifted(i: Instant, minutes: i32) -> Instant {
    let (y, mo, d, h, mi, s) = i;
    let at = (i32::from(h) * 60 + i32::from(mi) + minutes).clamp(0, 23 * 60 + 59);
    let (h, mi) = ((at / 60) as u8, (at % 60) as u8);
    let s = match minutes.signum() {
        1 => 59,
        -1 => 0,
        _ => s,
    };
    (y, mo, d, h, mi, s)
}

impl Moment {
    pub fn precision(&self) -> Precision {
        if self.second.is_some() {
            Precision::Second
        } else if self.hour_minute.is_some() {
            Precision::Minute
        } else if self.day.is_some() {
            Precision::Day
        } else if self.month.is_some() {
            Precision::Month
        } else {
            Precision::Year
        }
    }

    /// A key that orders moments by their earliest possible instant
    /// (offsets ignored: statements about one clash share a region).
    pub fn sort_key(&self) -> (u16, u8, u8, u8, u8, u8) {
        let (h, m) = self.hour_minute.unwrap_or((0, 0));
        let key = (
            self.year,
            self.month.unwrap_or(0),
            self.day.unwrap_or(0),
            h,
            m,
            self.second.unwrap_or(0),
        );
        moved(key, self.shift.0)
    }

    /// The last instant it may refer to: "2021-11" ends on 30 November at 23:59:59.
    pub fn latest(&self) -> Instant {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        let (h, m) = self.hour_minute.unwrap_or((23, 59));
        let last = (self.year, month, day, h, m, self.second.unwrap_or(59));
        moved(last, self.shift.1)
    }

    /// Its offset in minutes east of UTC, when it has one.
    pub fn offset_minutes(&self) -> Option<i32> {
        self.offset.as_deref().and_then(offset_minutes)
    }

    /// Reads it on a clock `zone` minutes east of UTC (its event's); see
    /// [`When::place_in`].
    fn place_in(&mut self, zone: Option<i32>) {
        let Some(own) = self.offset_minutes() else {
            return;
        };
        self.shift = match (zone, self.hour_minute) {
            (Some(z), _) => (z - own, z - own),
            // The region's clock is unknown: a day in a zone falls anywhere
            // a clock from UTC-12:00 to UTC+14:00 would put it.
            (None, None) => (-12 * 60 - own, 14 * 60 - own),
            // A time with an offset in an event with no zone is read as
            // written, as before zones existed (old files keep their order).
            (None, Some(_)) => (0, 0),
        };
    }

    /// The calendar day, when known to the day.
    pub fn date(&self) -> Option<(u16, u8, u8)> {
        Some((self.year, self.month?, self.day?))
    }
}

pub use super::clock::Instant;

impl When {
    /// The first and last instants it may refer to: "by 2021-11-17" may be
    /// any time up to the end of that day.
    pub fn span(&self) -> (Instant, Instant) {
        match self {
            When::At(m) => (m.sort_key(), m.latest()),
            When::Between(a, b) => (a.sort_key(), b.latest()),
            When::By(m) => ((0, 0, 0, 0, 0, 0), m.latest()),
            When::Around(m) => {
                let far = i32::from(AROUND_MINUTES);
                (shifted(m.sort_key(), -far), shifted(m.latest(), far))
            }
        }
    }

    /// True when it certainly ends before `other` begins; two statements of
    /// which neither is certainly before the other are unordered.
    pub fn before(&self, other: &When) -> bool {
        self.span().1 < other.span().0
    }

    /// True when the two may refer to the same instant.
    pub fn overlaps(&self, other: &When) -> bool {
        !self.before(other) && !other.before(self)
    }

    /// The earliest moment it may refer to; used to order revisions.
    pub fn start(&self) -> &Moment {
        match self {
            When::At(m) | When::Between(m, _) | When::By(m) | When::Around(m) => m,
        }
    }

    pub fn precision(&self) -> Precision {
        self.start().precision()
    }

    /// Reads every moment with an offset on its event's clock, `zone`
    /// minutes east of UTC: "2022-09-12-04:00" (a day in Washington) runs
    /// from 08:00 that day to 07:59 the next in an event at +04:00. Without
    /// a zone, a day with an offset spans every clock it may fall on;
    /// a time with one is read as written.
    pub fn place_in(&mut self, zone: Option<i32>) {
        match self {
            When::At(m) | When::By(m) | When::Around(m) => m.place_in(zone),
            When::Between(a, b) => {
                a.place_in(zone);
                b.place_in(zone);
            }
        }
    }

    /// Ordering for supersession: earlier start first, then a span's end.
    pub fn order(&self, other: &When) -> Ordering {
        let end = |w: &When| match w {
            When::Between(_, e) => e.sort_key(),
            other => other.start().sort_key(),
        };
        self.start()
            .sort_key()
            .cmp(&other.start().sort_key())
            .then_with(|| end(self).cmp(&end(other)))
    }

    /// True when it was certainly said by `limit` (a limit given to the day
    /// includes that whole day): its latest possible instant is not after
    /// the limit's, so "2021-11/2021-12" is not known on 2021-11-01.
    pub fn known_by(&self, limit: &Moment) -> bool {
        self.span().1 <= limit.latest()
    }
}

impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        if let Some((h, m)) = self.hour_minute {
            write!(f, "T{h:02}:{m:02}")?;
        }
        if let Some(s) = self.second {
            write!(f, ":{s:02}")?;
        }
        if let Some(o) = &self.offset {
            f.write_str(o)?;
        }
        Ok(())
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::At(m) => write!(f, "{m}"),
            When::Between(a, b) => write!(f, "{a}/{b}"),
            When::By(m) => write!(f, "by {m}"),
            When::Around(m) => write!(f, "~{m}"),
        }
    }
}

pub fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The forms of one moment: all that `--as-of` and each end of a span take.
const MOMENT_FORMS: &str =
    "expected YYYY, YYYY-MM, YYYY-MM-DD[Z|±HH:MM] or YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]";
/// The forms of a `said` or `as_of`: a moment, a span or `by` a moment.
const WHEN_FORMS: &str =
    "expected YYYY, YYYY-MM, YYYY-MM-DD[Z|±HH:MM], YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM], a span A/B, `by DATE`, or `~YYYY-MM-DDTHH:MM` (around a time)";

/// Parses one moment; the error says what is wrong in words a data editor understands.
pub fn parse_moment(text: &str) -> Result<Moment, String> {
    let bad = || format!("`{text}` is not a date: {MOMENT_FORMS}");
    let (date, time) = match text.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (text, None),
    };
    // A day in a zone, as XML Schema writes it: `2022-09-12-04:00`, `2022-09-12Z`.
    let (date, day_offset) = match date.get(10..) {
        Some(o) if time.is_none() && (o.starts_with(['+', '-']) || o == "Z") => {
            (&date[..10], Some(o))
        }
        _ => (date, None),
    };
    let mut parts = date.split('-');
    let year = parts.next().and_then(|y| digits(y, 4)).ok_or_else(bad)?;
    if year == 0 {
        return Err(format!("`{text}`: there is no year 0000"));
    }
    let year = year as u16;
    let month = match parts.next() {
        Some(m) => Some(digits(m, 2).ok_or_else(bad)? as u8),
        None => None,
    };
    let day = match parts.next() {
        Some(d) => Some(digits(d, 2).ok_or_else(bad)? as u8),
        None => None,
    };
    if parts.next().is_some() {
        return Err(bad());
    }
    if let Some(m) = month {
        if !(1..=12).contains(&m) {
            return Err(format!("`{text}`: month {m} does not exist (01 to 12)"));
        }
        if let Some(d) = day {
            let last = days_in_month(year, m);
            if d == 0 || d > last {
                return Err(format!(
                    "`{text}`: day {d} does not exist in {year:04}-{m:02}, which has {last} days"
                ));
            }
        }
    }
    let mut moment = Moment {
        year,
        month,
        day,
        hour_minute: None,
        second: None,
        offset: None,
        shift: (0, 0),
    };
    if let Some(o) = day_offset {
        check_offset(text, o)?;
        if day.is_none() {
            return Err(bad());
        }
        moment.offset = Some(o.to_string());
    }
    if let Some(time) = time {
        if day.is_none() {
            return Err(format!("`{text}`: a time needs a full date before the T"));
        }
        clock_time(text, time, &mut moment)?;
    }
    Ok(moment)
}

/// The time of day after the `T`, with its offset if any.
fn clock_time(text: &str, time: &str, moment: &mut Moment) -> Result<(), String> {
    let bad = || format!("`{text}` is not a date: {MOMENT_FORMS}");
    let (clock, offset) = split_offset(time);
    let mut fields = clock.split(':');
    let h = fields.next().and_then(|h| digits(h, 2)).ok_or_else(bad)?;
    let m = fields.next().and_then(|m| digits(m, 2)).ok_or_else(bad)?;
    let s = match fields.next() {
        Some(s) => Some(digits(s, 2).ok_or_else(bad)?),
        None => None,
    };
    if fields.next().is_some() {
        return Err(bad());
    }
    if h > 23 || m > 59 || s.is_some_and(|s| s > 59) {
        return Err(format!("`{text}`: {clock} is not a time of day"));
    }
    if let Some(o) = offset {
        check_offset(text, o)?;
        moment.offset = Some(o.to_string());
    }
    moment.hour_minute = Some((h as u8, m as u8));
    moment.second = s.map(|s| s as u8);
    Ok(())
}

/// Parses any form of [`When`].
///
/// ```
/// use claims::model::when::{parse_when, Precision};
/// let w = parse_when("2021-11-16T18:30");
/// assert_eq!(w.map(|w| w.precision()), Ok(Precision::Minute));
/// assert!(parse_when("by 2021-11-17").is_ok());
/// assert!(parse_when("2021-02-29").is_err_and(|e| e.contains("day 29")));
/// ```
pub fn parse_when(text: &str) -> Result<When, String> {
    let text = text.trim();
    if let Some(rest) = text.strip_prefix("by ") {
        return Ok(When::By(parse_moment(rest.trim())?));
    }
    if let Some(rest) = text.strip_prefix('~') {
        let m = parse_moment(rest.trim())?;
        if m.hour_minute.is_none() {
            return Err(format!(
                "`{text}`: \"around\" is for a time of day (~2021-11-16T11:00); a date alone is already a whole day"
            ));
        }
        return Ok(When::Around(m));
    }
    if let Some((a, b)) = text.split_once('/') {
        let (a, b) = (parse_moment(a.trim())?, parse_moment(b.trim())?);
        // Offsets are not converted (statements about one clash share a
        // region), so ends in different offsets would not mean what they say.
        // `Z` and `+00:00` (or `-00:00`) are one offset.
        fn utc(o: &Option<String>) -> Option<&str> {
            match o.as_deref() {
                Some("Z" | "+00:00" | "-00:00") => Some("Z"),
                other => other,
            }
        }
        if utc(&a.offset) != utc(&b.offset) && a.hour_minute.is_some() && b.hour_minute.is_some() {
            return Err(format!(
                "`{text}`: the two ends of the span are in different UTC offsets; write both in the same one"
            ));
        }
        // Each end at its own precision: "2021-11-16T10:00/2021-11-16" runs
        // to the end of that day, "2021-11-16/2021-11" to the end of November.
        if a.sort_key() > b.latest() {
            return Err(format!("`{text}`: the span ends before it starts"));
        }
        return Ok(When::Between(a, b));
    }
    parse_moment(text)
        .map(When::At)
        .map_err(|e| e.replace(MOMENT_FORMS, WHEN_FORMS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_in_a_zone_moves_across_days_months_and_years() -> Result<(), String> {
        let mut w = parse_when("2021-12-31-04:00")?;
        assert_eq!(w.to_string(), "2021-12-31-04:00");
        assert_eq!(w.precision(), Precision::Day);
        w.place_in(Some(4 * 60));
        assert_eq!(w.span(), ((2021, 12, 31, 8, 0, 0), (2022, 1, 1, 7, 59, 59)));
        let mut z = parse_when("2024-03-01Z")?;
        z.place_in(Some(-5 * 60));
        assert_eq!(z.span().0, (2024, 2, 29, 19, 0, 0));
        // A time without an offset never moves.
        let mut t = parse_when("2021-11-16T10:00")?;
        t.place_in(Some(4 * 60));
        assert_eq!(t.span().0, (2021, 11, 16, 10, 0, 0));
        assert!(parse_when("2021-11-04:00").is_err());
        assert!(parse_when("2021-11-16+4:00").is_err());
        assert!(parse_when("2021-11-16Ω").is_err());
        Ok(())
    }

    #[test]
    fn around_a_time_spans_half_an_hour_either_way_within_its_day() -> Result<(), String> {
        let w = parse_when("~2021-11-16T11:00")?;
        assert_eq!(
            w.span(),
            ((2021, 11, 16, 10, 30, 0), (2021, 11, 16, 11, 30, 59))
        );
        assert_eq!(w.to_string(), "~2021-11-16T11:00");
        let early = parse_when("~2021-11-16T00:10")?;
        assert_eq!(early.span().0, (2021, 11, 16, 0, 0, 0));
        let late = parse_when("~2021-11-16T23:50")?;
        assert_eq!(late.span().1, (2021, 11, 16, 23, 59, 59));
        assert!(parse_when("~2021-11-16").is_err());
        Ok(())
    }

    #[test]
    fn precisions_are_kept() -> Result<(), String> {
        assert_eq!(parse_when("2021")?.precision(), Precision::Year);
        assert_eq!(parse_when("2021-11-16")?.precision(), Precision::Day);
        let w = parse_when("2021-11-16T18:30")?;
        assert_eq!(w.precision(), Precision::Minute);
        assert_eq!(w.to_string(), "2021-11-16T18:30");
        assert_eq!(
            parse_when("2021-11-16T18:30:05+04:00")?.to_string(),
            "2021-11-16T18:30:05+04:00"
        );
        Ok(())
    }

    #[test]
    fn regression_spans_of_mixed_precision_mean_what_they_say() -> Result<(), String> {
        // A time start with a day end: until the end of that day.
        let w = parse_when("2021-11-16T10:00/2021-11-16")?;
        assert_eq!(
            w.span(),
            ((2021, 11, 16, 10, 0, 0), (2021, 11, 16, 23, 59, 59))
        );
        // A day start with a month or a year end.
        let w = parse_when("2021-11-16/2021-11")?;
        assert_eq!(w.span().1, (2021, 11, 30, 23, 59, 59));
        let w = parse_when("2021-11-16/2021")?;
        assert_eq!(w.span().1, (2021, 12, 31, 23, 59, 59));
        // A span that truly ends before it starts, at any precision.
        for bad in [
            "2021-11-17/2021-11-16",
            "2021-12/2021-11-30",
            "2021-11-16T10:00/2021-11-15",
        ] {
            assert!(
                parse_when(bad)
                    .unwrap_err()
                    .contains("ends before it starts"),
                "{bad}"
            );
        }
        // Ends in different offsets are refused, never compared as if alike.
        let e = parse_when("2021-11-16T10:00+04:00/2021-11-16T09:00Z").unwrap_err();
        assert!(e.contains("different UTC offsets"), "{e}");
        assert!(parse_when("2021-11-16T10:00+04:00/2021-11-16T11:00+04:00").is_ok());
        // `Z` is `+00:00`.
        assert!(parse_when("2021-11-16T10:00Z/2021-11-16T12:00+00:00").is_ok());
        Ok(())
    }

    #[test]
    fn a_moment_error_offers_only_the_forms_a_moment_takes() {
        let e = parse_moment("by 2021-11-16").unwrap_err();
        assert!(!e.contains("span") && !e.contains("by DATE"), "{e}");
        let e = parse_when("yesterday").unwrap_err();
        assert!(e.contains("a span A/B"), "{e}");
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert!(parse_when("2021-02-29").unwrap_err().contains("day 29"));
        assert!(parse_when("2020-02-29").is_ok());
        assert!(parse_when("1900-02-29").is_err());
        assert!(parse_when("2000-02-29").is_ok());
        assert!(parse_when("2021-13-01").unwrap_err().contains("month 13"));
        assert!(parse_when("2021-11-16T24:00").is_err());
        assert!(parse_when("0000-01-01").is_err());
        assert!(parse_when("9999-12-31T23:59:59Z").is_ok());
        assert!(parse_when("2021-11-16/2021-11-15").is_err());
        assert!(parse_when("16 Nov 2021").is_err());
    }

    #[test]
    fn regression_non_ascii_offset_is_an_error_not_a_panic() {
        assert!(parse_when("2021-11-16T18:30+0é:0").is_err());
        assert!(parse_when("2021-11-16T18:30-é:000").is_err());
        assert!(parse_when("2021-11-16Té").is_err());
        assert!(parse_when("2021-1é").is_err());
    }

    #[test]
    fn spans_and_by_order_by_their_start() -> Result<(), String> {
        let a = parse_when("2020-07-13/2020-07-14")?;
        let b = parse_when("by 2020-07-14")?;
        let c = parse_when("2020-07-13")?;
        assert_eq!(a.order(&b), Ordering::Less);
        assert_eq!(c.order(&a), Ordering::Less);
        let limit = parse_moment("2020-07-14")?;
        assert!(a.known_by(&limit));
        assert!(b.known_by(&limit));
        Ok(())
    }

    #[test]
    fn regression_as_of_uses_the_latest_possible_moment_of_a_span() -> Result<(), String> {
        // Said at some time in November or December: not known on 1 November.
        let w = parse_when("2021-11/2021-12")?;
        assert!(!w.known_by(&parse_moment("2021-11-01")?));
        assert!(!w.known_by(&parse_moment("2021-12-30")?));
        assert!(w.known_by(&parse_moment("2021-12-31")?));
        assert!(w.known_by(&parse_moment("2021-12")?));
        // A span of two days is known only once both have passed.
        let a = parse_when("2020-07-13/2020-07-14")?;
        assert!(!a.known_by(&parse_moment("2020-07-13")?));
        assert!(!a.known_by(&parse_moment("2020-07-14T12:00")?));
        assert!(a.known_by(&parse_moment("2020-07-14T23:59")?));
        Ok(())
    }

    #[test]
    fn certainly_before_needs_the_whole_of_one_before_the_other() -> Result<(), String> {
        let day = parse_when("2021-11-17")?;
        assert!(!parse_when("by 2021-11-17")?.before(&day));
        assert!(!parse_when("by 2021-11-18")?.before(&day));
        assert!(!day.before(&parse_when("by 2021-11-18")?));
        assert!(parse_when("2021-11-16")?.before(&day));
        assert!(parse_when("by 2021-11-16")?.before(&day));
        assert!(!parse_when("2021-11")?.before(&day));
        assert!(parse_when("2021-11-17T10:00")?.before(&parse_when("2021-11-17T10:01")?));
        assert!(!parse_when("2021-11-17T10:00")?.before(&parse_when("2021-11-17T10:00")?));
        Ok(())
    }
}
