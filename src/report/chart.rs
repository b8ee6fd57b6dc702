//! The SVG chart, narrow enough for a phone: one panel per unit (people,
//! vehicles and km² never share an axis), one row per (whose losses,
//! metric), and per voice a line of text, then its mark under it across the
//! panel's width. A point is a dot; an interval a bar from its low to its
//! high end; a figure with no upper bound a dot with a short arrow (it says
//! "at least", and must not look like the largest figure). Colour tells a
//! self-report from an adversary's claim and a third party's, and the text
//! says it too; a hedged report is hollow (a dot) or striped (a bar), which
//! survives any zoom. Each panel has its own logarithmic axis, so that 1
//! killed and 2,000 deployed stay readable and a 4× gap looks the same
//! wherever it is.

use std::fmt::Write;

use crate::compare::{Comparison, FigureEntry, FigureRow, Perspective, Verdict};
use crate::model::quantity::Amount;
use crate::model::Dataset;
use crate::sanitize::xml;
use crate::view::wording::{metric_label, perspective_short, value_text, Naming};

/// The drawing's width: at 360 px on a phone, 13 px text shows at 11 px.
pub const WIDTH: f64 = 420.0;
const LEFT: f64 = 10.0;
const RIGHT: f64 = WIDTH - 14.0;
/// Height of a line of text and of a mark under it.
const TEXT: f64 = 17.0;
const MARK: f64 = 16.0;
/// A character of 13 px DejaVu Sans is at most this wide, on average.
const CHAR: f64 = 7.9;
/// The length of the arrow of a figure with no upper bound.
const OPEN: f64 = 22.0;

fn class(p: Perspective) -> &'static str {
    match p {
        Perspective::Own | Perspective::OwnUnofficial => "own",
        Perspective::Adversary => "adversary",
        Perspective::Mixed
        | Perspective::SideOnThird
        | Perspective::Ally
        | Perspective::ThirdParty
        | Perspective::Unattributed
        | Perspective::Participant => "third",
    }
}

/// Maps a count to its x on one panel's logarithmic axis, which ends at the
/// next power of ten above the panel's largest figure.
struct Axis {
    top: u64,
    span: f64,
}

impl Axis {
    fn new(rows: &[&FigureRow]) -> Self {
        let ends = rows.iter().flat_map(|r| r.voices.iter()).flat_map(|v| {
            let iv = v.value.interval();
            [Some(iv.low), iv.high]
        });
        let largest = ends.flatten().max().map_or(1.0, Amount::as_f64);
        let mut top = 10u64;
        while (top as f64) < largest && top < u64::MAX / 10 {
            top *= 10;
        }
        Axis {
            top,
            span: ((top as f64) + 1.0).ln(),
        }
    }

    fn x(&self, n: impl Into<Amount>) -> f64 {
        LEFT + (RIGHT - LEFT) * ((n.into().as_f64() + 1.0).ln() / self.span).min(1.0)
    }
}

/// 1000 → "1,000".
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Text cut to what fits between `x` and the right edge, the whole in a tooltip.
fn fitted(text: &str, x: f64) -> String {
    let room = ((WIDTH - 4.0 - x) / CHAR).floor().max(4.0) as usize;
    if text.chars().count() <= room {
        return text.to_string();
    }
    text.chars()
        .take(room - 1)
        .chain(std::iter::once('…'))
        .collect()
}

/// Lines of at most `room` characters, broken at spaces.
fn lines(text: &str, room: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match out.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= room => {
                line.push(' ');
                line.push_str(word);
            }
            _ => out.push(word.to_string()),
        }
    }
    out
}

/// The legend, on four lines; returns the height used.
fn legend(s: &mut String) -> f64 {
    let mut x = LEFT;
    for (cls, label) in [
        ("own", "self-report"),
        ("adversary", "adversary claim"),
        ("third", "third party"),
    ] {
        let _ = write!(
            s,
            r#"<g class="legend"><circle class="point {cls}" cx="{}" cy="14" r="5"/><text x="{}" y="18">{label}</text></g>"#,
            x + 5.0,
            x + 14.0
        );
        x += 14.0 + label.len() as f64 * CHAR + 14.0;
    }
    let _ = write!(
        s,
        r#"<g class="legend"><circle class="point own hedged" cx="{}" cy="34" r="5"/><text class="note" x="{}" y="38">hollow or striped: hedged · log scale per unit</text></g>"#,
        LEFT + 5.0,
        LEFT + 14.0
    );
    let _ = write!(
        s,
        r#"<g class="legend"><line class="interval third" x1="{LEFT}" y1="54" x2="{}" y2="54"/><text class="note" x="{}" y="58">a range or vague word</text><line class="open third" x1="{}" y1="54" x2="{}" y2="54"/><path class="open-head third" d="M{},50 l7,4 l-7,4 z"/><text class="note" x="{}" y="58">no upper bound</text></g>"#,
        LEFT + 18.0,
        LEFT + 24.0,
        LEFT + 200.0,
        LEFT + 218.0,
        LEFT + 218.0,
        LEFT + 232.0
    );
    let _ = write!(
        s,
        r#"<g class="legend"><line class="record" x1="{}" y1="66" x2="{}" y2="82"/><text class="note" x="{}" y="78">dashed rule: what was documented afterwards (the record)</text></g>"#,
        LEFT + 5.0,
        LEFT + 5.0,
        LEFT + 14.0
    );
    86.0
}

/// A panel's heading and its axis: grid lines and numbered ticks 1, 10, …
/// (a logarithmic axis has no 0).
fn axis_head(s: &mut String, unit: &str, axis: &Axis, y: f64, height: f64) -> f64 {
    let _ = write!(
        s,
        r#"<text class="unit" x="{LEFT}" y="{:.1}">{}</text>"#,
        y + 14.0,
        xml(unit)
    );
    let mut tick = 1u64;
    loop {
        let tx = axis.x(tick);
        let anchor = if tick == 1 {
            "start"
        } else if tick >= axis.top {
            "end"
        } else {
            "middle"
        };
        let _ = write!(
            s,
            r#"<line class="grid" x1="{tx:.1}" y1="{:.1}" x2="{tx:.1}" y2="{:.1}"/><text class="tick" x="{tx:.1}" y="{:.1}" text-anchor="{anchor}">{}</text>"#,
            y + 36.0,
            y + height,
            y + 32.0,
            grouped(tick)
        );
        if tick >= axis.top {
            break;
        }
        tick *= 10;
    }
    38.0
}

/// One voice: its line of text, then its mark under it.
fn mark(s: &mut String, axis: &Axis, v: &FigureEntry, y: f64, naming: &Naming) {
    let iv = v.value.interval();
    let cls = class(v.perspective);
    let hedged = if v.value.hedged() { " hedged" } else { "" };
    let full = format!(
        "{}: {} ({})",
        naming.voice(&v.key),
        value_text(&v.value),
        perspective_short(v.perspective)
    );
    let _ = write!(
        s,
        r#"<text class="mark-label" x="{LEFT}" y="{:.1}">{}<title>{}</title></text>"#,
        y + 13.0,
        xml(&fitted(&full, LEFT)),
        xml(&full)
    );
    let cy = y + TEXT + MARK / 2.0 - 2.0;
    // A word that sets no size ("significant") puts no number forward:
    // a labelled mark at the axis' start, never a dot at 1.
    if v.value.stated().is_none() {
        let _ = write!(
            s,
            r#"<text class="note vague-mark" x="{LEFT}" y="{:.1}">◇ no number given<title>{}</title></text>"#,
            cy + 4.0,
            xml(&full)
        );
        return;
    }
    let x1 = axis.x(iv.low);
    match iv.high {
        Some(h) if !iv.is_point() => {
            let _ = write!(
                s,
                r#"<line class="interval {cls}{hedged}" x1="{x1:.1}" y1="{cy:.1}" x2="{:.1}" y2="{cy:.1}"><title>{}</title></line>"#,
                axis.x(h).max(x1 + 4.0),
                xml(&full)
            );
        }
        Some(_) => {}
        None => {
            // "At least N": a short arrow from N, never a bar to the edge.
            let x2 = (x1 + OPEN).min(RIGHT);
            let _ = write!(
                s,
                r#"<line class="open {cls}" x1="{x1:.1}" y1="{cy:.1}" x2="{x2:.1}" y2="{cy:.1}"/><path class="open-head {cls}" d="M{x2:.1},{:.1} l7,4 l-7,4 z"/>"#,
                cy - 4.0
            );
        }
    }
    if iv.is_point() || iv.high.is_none() {
        let _ = write!(
            s,
            r#"<circle class="point {cls}{hedged}" cx="{x1:.1}" cy="{cy:.1}" r="5"><title>{}</title></circle>"#,
            xml(&full)
        );
    }
}

/// What a row's title adds after its name: its verdict, when it matters to the picture.
fn verdict_word(v: &Verdict) -> &'static str {
    match v {
        Verdict::Conflict(_) => " — conflict",
        Verdict::Gap(_) => " — far apart",
        Verdict::NotComparable(_) => " — not comparable",
        _ => "",
    }
}

/// The height a row takes: its title's lines, then two lines per voice.
fn row_height(title_lines: usize, voices: usize) -> f64 {
    title_lines as f64 * TEXT + voices as f64 * (TEXT + MARK) + 10.0
}

fn row_title(ds: &Dataset, row: &FigureRow) -> Vec<String> {
    let title = format!(
        "{} · {}{}",
        ds.parties_name(&row.party),
        metric_label(row),
        verdict_word(&row.verdict)
    );
    lines(&title, ((RIGHT - LEFT) / 8.6) as usize)
}

/// One row: its title (with the verdict when it conflicts), then every voice.
fn row(s: &mut String, ds: &Dataset, axis: &Axis, row: &FigureRow, y: f64, naming: &Naming) -> f64 {
    let title = row_title(ds, row);
    let height = row_height(title.len(), row.voices.len());
    let conflict = if row.verdict.is_conflict() {
        " conflict"
    } else {
        ""
    };
    let _ = write!(
        s,
        r#"<g class="row{conflict}"><rect class="lane" x="0" y="{y:.1}" width="{WIDTH}" height="{:.1}"/>"#,
        height - 4.0
    );
    for (i, line) in title.iter().enumerate() {
        let _ = write!(
            s,
            r#"<text class="row-label" x="{LEFT}" y="{:.1}">{}</text>"#,
            y + 14.0 + i as f64 * TEXT,
            xml(line)
        );
    }
    let mut vy = y + title.len() as f64 * TEXT;
    for v in &row.voices {
        mark(s, axis, v, vy, naming);
        vy += TEXT + MARK;
    }
    // Below the row's title, so the rule never crosses its words.
    record_mark(s, axis, row, y + title.len() as f64 * TEXT, y + height);
    s.push_str("</g>");
    height
}

/// What was documented afterwards, as its own mark: a dashed rule across
/// the row at the documented floor (or total), labelled in words, so that
/// neither colour nor shape alone carries it.
fn record_mark(s: &mut String, axis: &Axis, row: &FigureRow, top: f64, bottom: f64) {
    let doc = &row.documented;
    let (value, how) = match (&doc.floor, &doc.total) {
        (Some(f), _) => {
            let how = match f.records.as_slice() {
                [one] => one.record.as_ref().map_or("", |d| d.basis.shown()),
                _ => "documented parts",
            };
            (f.value, how)
        }
        (None, Some(t)) => (t.value.low, "documented total"),
        (None, None) => return,
    };
    if value == Amount::default() {
        return;
    }
    let x = axis.x(value);
    let label = format!("documented: {} {how}", grouped_amount(value));
    // Right of the rule, or left of it in the right half of the chart.
    let (tx, anchor, shown) = if x > WIDTH / 2.0 {
        (x - 4.0, "end", label.clone())
    } else {
        (x + 4.0, "start", fitted(&label, x + 4.0))
    };
    let _ = write!(
        s,
        r#"<line class="record" x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}"><title>{}</title></line><text class="record-label" x="{tx:.1}" y="{:.1}" text-anchor="{anchor}">{}</text>"#,
        top,
        bottom - 6.0,
        xml(&label),
        bottom - 8.0,
        xml(&shown)
    );
}

/// An amount as the axis writes it.
fn grouped_amount(a: Amount) -> String {
    if a.is_whole() {
        grouped(a.as_f64() as u64)
    } else {
        a.to_string()
    }
}

/// The figure rows by unit, in the order units first appear; in each, the
/// rows two or more voices share first, then those of a single source.
fn panels<'c, 'a>(cmp: &'c Comparison<'a>) -> Vec<(&'a str, Vec<&'c FigureRow<'a>>)> {
    let mut panels: Vec<(&str, Vec<&FigureRow>)> = Vec::new();
    for r in &cmp.figures {
        let unit = r.metric.unit.as_str();
        match panels.iter_mut().find(|(u, _)| *u == unit) {
            Some((_, rows)) => rows.push(r),
            None => panels.push((unit, vec![r])),
        }
    }
    for (_, rows) in &mut panels {
        rows.sort_by_key(|r| matches!(r.verdict, Verdict::SingleSource));
    }
    panels
}

/// The chart, or `None` when the event has no figures.
pub fn svg(ds: &Dataset, cmp: &Comparison) -> Option<String> {
    if cmp.figures.is_empty() {
        return None;
    }
    let mut body = String::new();
    let mut y = legend(&mut body) + 6.0;
    let naming = Naming {
        ds,
        by: cmp.options.by,
    };
    for (unit, rows) in panels(cmp) {
        let axis = Axis::new(&rows);
        let height: f64 = rows
            .iter()
            .map(|r| row_height(row_title(ds, r).len(), r.voices.len()))
            .sum();
        y += axis_head(&mut body, unit, &axis, y, 38.0 + height);
        for r in rows {
            y += row(&mut body, ds, &axis, r, y, &naming);
        }
        y += 10.0;
    }
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg id="figures-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {y:.0}" width="{WIDTH}" height="{y:.0}" role="img" aria-labelledby="chart-title">"#
    );
    s.push_str(r#"<title id="chart-title">Each source's figure per metric, one logarithmic axis per unit; bars are intervals, dots exact figures, arrows figures with no upper bound</title>"#);
    s.push_str(&body);
    s.push_str("</svg>");
    Some(s)
}
