//! The SVG chart: one lane per (whose losses, metric), one mark per voice.
//! A point is a dot; an interval is a bar from its low to its high end, with
//! an arrow when it has no upper bound. Colour tells a self-report from an
//! adversary's claim and a third party's; a hedged report is dashed. One
//! logarithmic scale serves every lane, so that 1 killed and 2,000 deployed
//! both stay readable and a 4× gap looks the same wherever it is.

use std::fmt::Write;

use crate::compare::{Comparison, FigureEntry, FigureRow, Perspective};
use crate::model::quantity::Amount;
use crate::model::Dataset;
use crate::sanitize::xml;
use crate::view::wording::{metric_label, value_text};

const WIDTH: f64 = 980.0;
const LABEL: f64 = 270.0;
const PLOT: f64 = 470.0;
const LANE: f64 = 22.0;
const GAP: f64 = 18.0;

fn class(p: Perspective) -> &'static str {
    match p {
        Perspective::Own | Perspective::OwnUnofficial => "own",
        Perspective::Adversary => "adversary",
        Perspective::Mixed | Perspective::ThirdParty => "third",
    }
}

/// Maps a count to its x on the shared logarithmic axis, which ends at the
/// next power of ten above the largest figure.
struct Axis {
    top: u64,
    span: f64,
}

impl Axis {
    fn new(cmp: &Comparison) -> Self {
        let ends = cmp
            .figures
            .iter()
            .flat_map(|r| r.voices.iter())
            .flat_map(|v| {
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
        LABEL + PLOT * ((n.into().as_f64() + 1.0).ln() / self.span).min(1.0)
    }
}

/// The opening tag, the title and the legend.
fn head(s: &mut String, height: f64) {
    let _ = write!(
        s,
        r#"<svg id="figures-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" aria-labelledby="chart-title">"#
    );
    s.push_str(r#"<title id="chart-title">Each source's figure per metric on a logarithmic scale; bars are intervals, dots exact figures</title>"#);
    let mut x = LABEL;
    for (cls, label) in [
        ("own", "self-report"),
        ("adversary", "adversary claim"),
        ("third", "third-party report"),
    ] {
        let _ = write!(
            s,
            r#"<g class="legend"><circle class="point {cls}" cx="{}" cy="16" r="5"/><text x="{}" y="20">{label}</text></g>"#,
            x + 6.0,
            x + 16.0
        );
        x += 140.0;
    }
    let _ = write!(
        s,
        r#"<text class="note" x="{}" y="20">dashed: hedged · log scale</text>"#,
        x + 6.0
    );
}

/// Grid lines and ticks: 0, 1, 10, 100, … up to the top.
fn grid(s: &mut String, axis: &Axis, height: f64) {
    let mut tick = 0u64;
    loop {
        let tx = axis.x(tick);
        let _ = write!(
            s,
            r#"<line class="grid" x1="{tx:.1}" y1="30" x2="{tx:.1}" y2="{:.1}"/><text class="tick" x="{tx:.1}" y="{:.1}" text-anchor="middle">{tick}</text>"#,
            height - 22.0,
            height - 8.0
        );
        if tick >= axis.top {
            break;
        }
        tick = if tick == 0 { 1 } else { tick * 10 };
    }
}

/// One voice's mark: a dot, or a bar (with an arrow when open), and its label.
fn mark(s: &mut String, axis: &Axis, v: &FigureEntry, cy: f64) {
    let iv = v.value.interval();
    let cls = class(v.perspective);
    let dash = if v.value.hedged() { " hedged" } else { "" };
    let full = format!("{}: {}", v.key, value_text(&v.value));
    let label: String = if full.chars().count() > 30 {
        full.chars().take(29).chain(std::iter::once('…')).collect()
    } else {
        full.clone()
    };
    if iv.is_point() {
        let _ = write!(
            s,
            r#"<circle class="point {cls}{dash}" cx="{:.1}" cy="{cy:.1}" r="5"><title>{}</title></circle>"#,
            axis.x(iv.low),
            xml(&full)
        );
    } else {
        let x1 = axis.x(iv.low);
        let x2 = iv.high.map_or(LABEL + PLOT, |h| axis.x(h));
        let _ = write!(
            s,
            r#"<line class="interval {cls}{dash}" x1="{x1:.1}" y1="{cy:.1}" x2="{x2:.1}" y2="{cy:.1}"><title>{}</title></line>"#,
            xml(&full)
        );
        if iv.high.is_none() {
            let _ = write!(
                s,
                r#"<path class="open {cls}" d="M{x2:.1},{:.1} l8,4 l-8,4 z"/>"#,
                cy - 4.0
            );
        }
    }
    let end = iv
        .high
        .map_or(LABEL + PLOT + 8.0, |h| axis.x(h))
        .max(axis.x(iv.low));
    let _ = write!(
        s,
        r#"<text class="mark-label" x="{:.1}" y="{:.1}">{}</text>"#,
        end + 9.0,
        cy + 4.0,
        xml(&label)
    );
}

/// One lane: its label, the verdict when in conflict, and every voice's mark.
fn lane(s: &mut String, ds: &Dataset, axis: &Axis, row: &FigureRow, y: f64) {
    let lane_h = row.voices.len() as f64 * LANE;
    let conflict = if row.verdict.is_conflict() {
        " conflict"
    } else {
        ""
    };
    let _ = write!(s, r#"<g class="row{conflict}">"#);
    let _ = write!(
        s,
        r#"<rect class="lane" x="{LABEL}" y="{y}" width="{PLOT}" height="{lane_h}"/>"#
    );
    let title = format!("{} · {}", ds.parties_name(&row.party), metric_label(row));
    let _ = write!(
        s,
        r#"<text class="row-label" x="{}" y="{}" text-anchor="end">{}</text>"#,
        LABEL - 10.0,
        y + 15.0,
        xml(&title)
    );
    if row.verdict.is_conflict() {
        let _ = write!(
            s,
            r#"<text class="row-verdict" x="{}" y="{}" text-anchor="end">conflict</text>"#,
            LABEL - 10.0,
            y + 30.0
        );
    }
    for (i, v) in row.voices.iter().enumerate() {
        mark(s, axis, v, y + LANE * (i as f64 + 0.5));
    }
    s.push_str("</g>");
}

/// The chart, or `None` when the event has no figures.
pub fn svg(ds: &Dataset, cmp: &Comparison) -> Option<String> {
    if cmp.figures.is_empty() {
        return None;
    }
    let marks: usize = cmp.figures.iter().map(|r| r.voices.len()).sum();
    let height = 40.0 + marks as f64 * LANE + cmp.figures.len() as f64 * GAP + 30.0;
    let axis = Axis::new(cmp);
    let mut s = String::new();
    head(&mut s, height);
    grid(&mut s, &axis, height);
    let mut y = 40.0;
    for row in &cmp.figures {
        lane(&mut s, ds, &axis, row, y);
        y += row.voices.len() as f64 * LANE + GAP;
    }
    s.push_str("</svg>");
    Some(s)
}
