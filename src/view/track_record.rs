//! Each source's track record against the record (issue 26): for its
//! figures of the adversary's losses, how many were later documented and
//! how far they fell from it; for its own losses, how often its first
//! figure was later raised. A letter in the spirit of the Admiralty code's
//! source reliability, never given on fewer than [`LETTER_FROM`] figures.

use std::collections::BTreeMap;

use serde::Serialize;

use super::against_record::weigh;
use crate::compare::record::AgainstRecord;
use crate::compare::{Comparison, FigureValue, Perspective};
use crate::model::{Amount, Dataset};

/// Documented figures a letter needs: fewer would read as a finding.
pub const LETTER_FROM: usize = 3;

/// The letters and what each needs, in order: the first that fits is given.
pub const LETTERS: [(char, &str); 6] = [
    (
        'A',
        "none exceeded the record, and the median ratio to it is at most 1.25",
    ),
    (
        'B',
        "at most a quarter exceeded it, and the median ratio is at most 1.5",
    ),
    (
        'C',
        "at most half exceeded it, and the median ratio is at most 2",
    ),
    (
        'D',
        "at most three quarters exceeded it, and the median ratio is at most 4",
    ),
    ('E', "otherwise"),
    (
        'F',
        "fewer than 3 of its figures about the adversary were documented: not enough record",
    ),
];

/// One of a source's figures about the adversary that was later documented.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentedFigure {
    pub event: String,
    pub row: String,
    pub claim: String,
    /// The figure as claimed: its upper end, or its lower end when it has none.
    pub claimed: Amount,
    /// The documented total when there is one, else the documented floor.
    pub record: Amount,
    pub ratio: f64,
    #[serde(flatten)]
    pub against: AgainstRecord,
    pub grade: u8,
}

#[derive(Debug, Default, Clone, Serialize)]
pub struct TrackRecord {
    pub documented: Vec<DocumentedFigure>,
    /// Rows where it reported its own side's losses.
    pub own_rows: usize,
    /// Of those, rows where its first figure was later raised.
    pub own_raised: usize,
}

/// The source a voice key belongs to (an unnamed official of a ministry
/// counts in the ministry's record).
fn source_of(key: &str) -> &str {
    key.split('#').next().unwrap_or(key)
}

/// Adds one event's comparison to every source's track record.
pub fn add(records: &mut BTreeMap<String, TrackRecord>, ds: &Dataset, cmp: &Comparison) {
    for row in &cmp.figures {
        let subject = format!("{} · {}", ds.parties_name(&row.party), row.metric.label);
        for e in &row.voices {
            let FigureValue::Stated(claim, _) = e.value else {
                continue;
            };
            if claim.implied_by.is_some() {
                continue;
            }
            let track = records.entry(source_of(&e.key).to_string()).or_default();
            if e.perspective == Perspective::Own {
                track.own_rows += 1;
                let first = e.earlier.first().map(FigureValue::interval);
                let now = e.value.interval();
                if first.is_some_and(|f| f.high.is_some_and(|h| now.low > h)) {
                    track.own_raised += 1;
                }
            }
            // A word ("significant") is no number to hold against a count.
            let weighable = e.value.is_numeric() && !row.documented.records.is_empty();
            if e.perspective != Perspective::Adversary || !weighable {
                continue;
            }
            let (against, grade) = weigh(ds, row, e);
            let doc = &row.documented;
            let reference = doc
                .total
                .as_ref()
                .map(|t| t.value.high.unwrap_or(t.value.low))
                .or(doc.floor.as_ref().map(|f| f.value));
            let (Some(record), false) = (reference, against == AgainstRecord::NoRecord) else {
                continue;
            };
            let iv = e.value.interval();
            let claimed = iv.high.unwrap_or(iv.low);
            track.documented.push(DocumentedFigure {
                event: cmp.event.id.clone(),
                row: subject.clone(),
                claim: claim.id.clone(),
                claimed,
                record,
                ratio: if record == Amount::default() {
                    f64::INFINITY
                } else {
                    claimed.ratio(record)
                },
                against,
                grade: grade.grade,
            });
        }
    }
}

/// What the letter rests on, computed.
#[derive(Debug, Clone, Serialize)]
pub struct Standing {
    pub letter: char,
    pub documented: usize,
    pub exceeded: usize,
    pub median_ratio: Option<f64>,
    pub worst_ratio: Option<f64>,
    pub own_rows: usize,
    pub own_raised: usize,
}

impl TrackRecord {
    /// The letter, and the figures it was computed from.
    pub fn standing(&self) -> Standing {
        let mut ratios: Vec<f64> = self.documented.iter().map(|d| d.ratio).collect();
        ratios.sort_by(|a, b| a.total_cmp(b));
        let n = ratios.len();
        let median = (n > 0).then(|| {
            if n % 2 == 1 {
                ratios[n / 2]
            } else {
                (ratios[n / 2 - 1] + ratios[n / 2]) / 2.0
            }
        });
        let worst = ratios
            .iter()
            .copied()
            .max_by(|a, b| (a.max(1.0 / a)).total_cmp(&b.max(1.0 / b)));
        let exceeded = self
            .documented
            .iter()
            .filter(|d| matches!(d.against, AgainstRecord::Exceeds { .. }))
            .count();
        Standing {
            letter: letter(n, exceeded, median),
            documented: n,
            exceeded,
            median_ratio: median,
            worst_ratio: worst,
            own_rows: self.own_rows,
            own_raised: self.own_raised,
        }
    }
}

/// The letter for `n` documented figures, `exceeded` of them above the
/// record, at a median ratio to it: see [`LETTERS`].
pub fn letter(n: usize, exceeded: usize, median: Option<f64>) -> char {
    let m = median.unwrap_or(f64::INFINITY);
    let share = |num: usize, den: usize| exceeded * den <= n * num;
    match () {
        _ if n < LETTER_FROM => 'F',
        _ if exceeded == 0 && m <= 1.25 => 'A',
        _ if share(1, 4) && m <= 1.5 => 'B',
        _ if share(1, 2) && m <= 2.0 => 'C',
        _ if share(3, 4) && m <= 4.0 => 'D',
        _ => 'E',
    }
}

impl Standing {
    /// "C: 5 documented, median 1.8×, worst 4.1×, 2 exceeded; own first
    /// figure raised on 1 of 3 rows", or "not enough record (1 documented)".
    pub fn text(&self) -> String {
        let own = if self.own_rows > 0 {
            format!(
                "; own first figure raised on {} of {} rows",
                self.own_raised, self.own_rows
            )
        } else {
            String::new()
        };
        if self.letter == 'F' {
            return format!("not enough record ({} documented){own}", self.documented);
        }
        let times = |r: Option<f64>| r.map_or("—".to_string(), crate::compare::grade::times);
        format!(
            "{}: {} documented, median {}, worst {}, {} exceeded{own}",
            self.letter,
            self.documented,
            times(self.median_ratio),
            times(self.worst_ratio),
            self.exceeded
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_letters_boundary_by_hand() {
        assert_eq!(letter(2, 0, Some(1.0)), 'F', "two figures are not enough");
        assert_eq!(letter(3, 0, Some(1.25)), 'A');
        assert_eq!(letter(3, 0, Some(1.26)), 'B');
        assert_eq!(letter(4, 1, Some(1.5)), 'B', "a quarter exceeded");
        assert_eq!(letter(4, 2, Some(1.5)), 'C', "half exceeded");
        assert_eq!(letter(4, 2, Some(2.0)), 'C');
        assert_eq!(letter(4, 2, Some(2.01)), 'D');
        assert_eq!(letter(4, 3, Some(4.0)), 'D', "three quarters exceeded");
        assert_eq!(letter(4, 3, Some(4.01)), 'E');
        assert_eq!(letter(4, 4, Some(1.0)), 'E', "every one exceeded");
    }

    fn figure(ratio: f64, against: AgainstRecord) -> DocumentedFigure {
        DocumentedFigure {
            event: "e".into(),
            row: "r".into(),
            claim: "c".into(),
            claimed: Amount::whole(1),
            record: Amount::whole(1),
            ratio,
            against,
            grade: 5,
        }
    }

    #[test]
    fn the_standing_is_computed_from_its_figures() {
        let track = TrackRecord {
            documented: vec![
                figure(10.0, AgainstRecord::Exceeds { ratio: 10.0 }),
                figure(1.0, AgainstRecord::Matches),
                figure(2.0, AgainstRecord::AboveFloor { ratio: 2.0 }),
                // An undercount by 5× is further from the record than 4× over.
                figure(
                    0.2,
                    AgainstRecord::Below {
                        record: Amount::whole(5),
                    },
                ),
            ],
            own_rows: 3,
            own_raised: 1,
        };
        let s = track.standing();
        assert_eq!((s.documented, s.exceeded), (4, 1));
        assert_eq!(s.median_ratio, Some(1.5));
        assert_eq!(s.worst_ratio, Some(10.0));
        assert_eq!(s.letter, 'B');
        assert_eq!(
            s.text(),
            "B: 4 documented, median 1.5×, worst 10.0×, 1 exceeded; own first figure raised on 1 of 3 rows"
        );
        let few = TrackRecord {
            documented: vec![figure(1.0, AgainstRecord::Matches)],
            ..TrackRecord::default()
        };
        assert_eq!(few.standing().text(), "not enough record (1 documented)");
    }
}
