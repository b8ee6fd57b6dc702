//! Cells as spreadsheets write them, turned into what the format takes
//! before a row is read: ids and kinds in any case, party and source names
//! for their ids, times such as "6:10 AM", and day-first or month-first
//! dates when `--dates` says which.

use std::collections::HashMap;

use super::sheet::Problem;
use crate::model::Dataset;

/// How a sheet writes a date that is not ISO: 30/11/2026 or 11/30/2026.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    DayFirst,
    MonthFirst,
}

/// Columns holding ids or closed words: any case is theirs.
const LOWER: [&str; 19] = [
    "claim",
    "event",
    "source",
    "origin",
    "document",
    "whose",
    "metric",
    "category",
    "act",
    "accused",
    "proposition",
    "withdraws",
    "place",
    "kind",
    "via",
    "stance",
    "attribution",
    "quote_kind",
    "proposition_kind",
];

/// Columns holding a date or a moment.
const MOMENTS: [&str; 6] = [
    "said",
    "as_of",
    "since",
    "at",
    "document_published",
    "event_date",
];

/// Party and source names, lower-cased, to their ids; a name two share is
/// left out. Acts by their label too ("started the fighting").
pub struct Names(HashMap<String, Option<String>>, HashMap<String, String>);

impl Names {
    pub fn of(ds: &Dataset) -> Self {
        let mut map: HashMap<String, Option<String>> = HashMap::new();
        let named = ds.parties.iter().map(|p| (&p.name, &p.id));
        for (name, id) in named.chain(ds.sources.iter().map(|s| (&s.name, &s.id))) {
            map.entry(name.to_lowercase())
                .and_modify(|v| {
                    if v.as_ref() != Some(id) {
                        *v = None;
                    }
                })
                .or_insert_with(|| Some(id.clone()));
        }
        let mut acts = HashMap::new();
        for a in &ds.acts {
            let label = a.label.to_lowercase();
            // "started the fighting (fired first)": the label, and each part.
            let bare = label.split('(').next().unwrap_or("").trim().to_string();
            let inside = label
                .split_once('(')
                .map(|(_, r)| r.trim_end_matches(')').trim().to_string());
            for key in [Some(label.clone()), Some(bare), inside]
                .into_iter()
                .flatten()
            {
                acts.entry(key).or_insert_with(|| a.id.clone());
            }
        }
        Names(map, acts)
    }

    /// "started the fighting" or "fired first" → `started-fighting`.
    fn act(&self, cell: &str) -> String {
        let lower = cell.trim().to_lowercase();
        self.1.get(&lower).cloned().unwrap_or(lower)
    }

    /// "Ministry of Defence of Armenia" → `armenia-mod`; an id as it is.
    fn id(&self, cell: &str) -> String {
        let lower = cell.trim().to_lowercase();
        match self.0.get(&lower) {
            Some(Some(id)) => id.clone(),
            _ => lower,
        }
    }
}

/// A language as a sheet may name it: "English" is `en`.
fn language(cell: &str) -> String {
    let lower = cell.trim().to_lowercase();
    let code = match lower.as_str() {
        "english" => "en",
        "french" | "français" => "fr",
        "russian" | "русский" => "ru",
        "armenian" | "հայերեն" => "hy",
        "azerbaijani" | "azeri" | "azərbaycanca" => "az",
        "turkish" | "türkçe" => "tr",
        "german" | "deutsch" => "de",
        "spanish" | "español" => "es",
        "georgian" => "ka",
        "persian" | "farsi" => "fa",
        _ => return lower,
    };
    code.to_string()
}

/// A time of day as people type it: "6:10", "06:10:00", "6:10 AM", "6:10 pm".
fn time(text: &str) -> Option<String> {
    let t = text.trim().to_lowercase();
    let (clock, half) = match (t.strip_suffix("am"), t.strip_suffix("pm")) {
        (Some(c), _) => (c.trim(), Some(false)),
        (_, Some(c)) => (c.trim(), Some(true)),
        _ => (t.as_str(), None),
    };
    let mut parts = clock.split(':');
    let h: u32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next().filter(|m| m.len() == 2)?.parse().ok()?;
    let s: Option<u32> = match parts.next() {
        Some(s) if s.len() == 2 => Some(s.parse().ok()?),
        Some(_) => return None,
        None => None,
    };
    if parts.next().is_some() || m > 59 || s.is_some_and(|s| s > 59) {
        return None;
    }
    let h = match half {
        Some(pm) if (1..=12).contains(&h) => h % 12 + if pm { 12 } else { 0 },
        Some(_) => return None,
        None if h < 24 => h,
        None => return None,
    };
    Some(match s {
        Some(s) => format!("{h:02}:{m:02}:{s:02}"),
        None => format!("{h:02}:{m:02}"),
    })
}

/// "30/11/2026", "30.11.2026" or "30-11-2026" by the sheet's order.
fn date(text: &str, order: Option<DateOrder>) -> Result<Option<String>, String> {
    let parts: Vec<&str> = text.split(['/', '.', '-']).collect();
    let numeric = parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    if !numeric || parts[0].len() == 4 {
        return Ok(None);
    }
    let Some(order) = order else {
        return Err(format!(
            "`{text}`: day-first or month-first? give --dates dmy or --dates mdy, or write the date as YYYY-MM-DD"
        ));
    };
    let (d, m) = match order {
        DateOrder::DayFirst => (parts[0], parts[1]),
        DateOrder::MonthFirst => (parts[1], parts[0]),
    };
    let (d, m, y): (u32, u32, &str) = (d.parse().unwrap_or(0), m.parse().unwrap_or(0), parts[2]);
    if y.len() != 4 || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Err(format!(
            "`{text}` is not a date read {}",
            match order {
                DateOrder::DayFirst => "day first",
                DateOrder::MonthFirst => "month first",
            }
        ));
    }
    Ok(Some(format!("{y}-{m:02}-{d:02}")))
}

/// A date or moment cell in the format's form: a time alone (for `at`), a
/// date and a time ("30/11/2026 6:10 AM"), or as it was.
fn moment(cell: &str, order: Option<DateOrder>) -> Result<String, String> {
    let cell = cell.trim();
    if let Some(t) = time(cell) {
        return Ok(t);
    }
    let (day, clock) = match cell.split_once([' ', 'T']) {
        Some((d, c)) => (d, Some(c)),
        None => (cell, None),
    };
    let day = date(day, order)?.unwrap_or_else(|| day.to_string());
    match clock.map(|c| time(c).ok_or(c)) {
        None => Ok(day),
        Some(Ok(t)) => Ok(format!("{day}T{t}")),
        // A zone or seconds the format reads itself: left as written.
        Some(Err(_)) => Ok(cell.to_string()),
    }
}

/// Every cell of a row in the format's form; what cannot be is a problem.
pub fn normalise(
    headers: &[String],
    cells: &mut [String],
    row: usize,
    names: &Names,
    order: Option<DateOrder>,
    problems: &mut Vec<Problem>,
) {
    for (header, cell) in headers.iter().zip(cells.iter_mut()) {
        let column = header.as_str();
        if cell.trim().is_empty() {
            continue;
        }
        if column == "act" {
            *cell = names.act(cell);
        } else if column == "language" {
            *cell = language(cell);
        } else if matches!(column, "source" | "origin" | "accused") {
            *cell = names.id(cell);
        } else if column == "whose" {
            // Parties joined by `+`, or a transfer's giver→receiver.
            let sep = match cell.contains(crate::model::TRANSFER) {
                true => crate::model::TRANSFER,
                false => "+",
            };
            let ids: Vec<String> = cell.split(sep).map(|p| names.id(p)).collect();
            *cell = ids.join(sep);
        } else if LOWER.contains(&column) {
            *cell = cell.trim().to_lowercase();
        } else if MOMENTS.contains(&column) {
            match moment(cell, order) {
                Ok(m) => *cell = m,
                Err(message) => problems.push(Problem {
                    row,
                    column: column.to_string(),
                    message,
                }),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_as_people_type_them() {
        assert_eq!(time("6:10").as_deref(), Some("06:10"));
        assert_eq!(time("06:10:00").as_deref(), Some("06:10:00"));
        assert_eq!(time("6:10 AM").as_deref(), Some("06:10"));
        assert_eq!(time("12:05 am").as_deref(), Some("00:05"));
        assert_eq!(time("6:10 PM").as_deref(), Some("18:10"));
        assert_eq!(time("12:30 pm").as_deref(), Some("12:30"));
        for bad in ["25:00", "6:7", "13:00 pm", "6", "6:10:7", "2024-05-01"] {
            assert_eq!(time(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_day_first_date_only_with_the_order_given() {
        let err = moment("30/11/2026", None).unwrap_err();
        assert!(err.contains("--dates dmy"), "{err}");
        assert_eq!(
            moment("30/11/2026", Some(DateOrder::DayFirst)).unwrap(),
            "2026-11-30"
        );
        assert_eq!(
            moment("11/30/2026", Some(DateOrder::MonthFirst)).unwrap(),
            "2026-11-30"
        );
        assert!(moment("11/30/2026", Some(DateOrder::DayFirst)).is_err());
        assert_eq!(
            moment("30.11.2026 6:10 PM", Some(DateOrder::DayFirst)).unwrap(),
            "2026-11-30T18:10"
        );
        // ISO dates and the format's own forms pass as written.
        for iso in [
            "2026-11-30",
            "2026-11-30T06:10",
            "by 2026-11-30",
            "2026-11",
            "2020-07-12/2020-07-16",
        ] {
            assert_eq!(moment(iso, None).unwrap(), iso);
        }
    }
}
