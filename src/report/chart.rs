//! The SVG chart: one lane per (whose losses, metric), one mark per voice.
//! A point is a dot; an interval is a bar from its low to its high end, with
//! an arrow when it has no upper bound. Colour tells a self-report from an
//! adversary's claim and a third party's; a hedged report is dashed. One
//! logarithmic scale serves every lane, so that 1 killed and 2,000 deployed
//! both stay readable and a 4× gap looks the same wherever it is.

use std::fmt::Write;

use crate::compare::{Comparison, Perspective};
use crate::model::Dataset;

const WIDTH: f64 = 980.0;
const LABEL: f64 = 270.0;
const PLOT: f64 = 470.0;
const LANE: f64 = 22.0;
const GAP: f64 = 18.0;

/// Escapes text for XML content and attribute values.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push_str(&crate::sanitize::escape(c.encode_utf8(&mut [0; 4]))),
        }
    }
    out
}

fn class(p: Perspective) -> &'static str {
    match p {
        Perspective::Own => "own",
        Perspective::Adversary => "adversary",
        Perspective::ThirdParty => "third",
    }
}

/// The chart, or `None` when the event has no figures.
pub fn svg(ds: &Dataset, cmp: &Comparison) -> Option<String> {
    if cmp.figures.is_empty() {
        return None;
    }
    let marks: usize = cmp.figures.iter().map(|r| r.voices.len()).sum();
    let height = 40.0 + marks as f64 * LANE + cmp.figures.len() as f64 * GAP + 30.0;
    let largest = cmp
        .figures
        .iter()
        .flat_map(|r| r.voices.iter())
        .flat_map(|v| {
            let iv = v.value.interval();
            [Some(iv.low), iv.high]
        })
        .flatten()
        .max()
        .unwrap_or(1);
    // The axis ends at the next power of ten.
    let mut top = 10u64;
    while top < largest && top < u64::MAX / 10 {
        top *= 10;
    }
    let span = ((top as f64) + 1.0).ln();
    let scale = move |n: u64| LABEL + PLOT * ((n as f64 + 1.0).ln() / span).min(1.0);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg id="figures-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" aria-labelledby="chart-title">"#
    );
    s.push_str(r#"<title id="chart-title">Each source's figure per metric on a logarithmic scale; bars are intervals, dots exact figures</title>"#);
    // Legend.
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
    // Grid: 0, 1, 10, 100, … up to the top.
    let mut tick = 0u64;
    loop {
        let tx = scale(tick);
        let _ = write!(
            s,
            r#"<line class="grid" x1="{tx:.1}" y1="30" x2="{tx:.1}" y2="{:.1}"/><text class="tick" x="{tx:.1}" y="{:.1}" text-anchor="middle">{tick}</text>"#,
            height - 22.0,
            height - 8.0
        );
        if tick >= top {
            break;
        }
        tick = if tick == 0 { 1 } else { tick * 10 };
    }
    let mut y = 40.0;
    for row in &cmp.figures {
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
        let title = format!("{} · {}", ds.party_name(&row.party), row.metric.label);
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
            let cy = y + LANE * (i as f64 + 0.5);
            let iv = v.value.interval();
            let cls = class(v.perspective);
            let dash = if v.value.hedged() { " hedged" } else { "" };
            let full = format!("{}: {}", v.key, v.value.text());
            let label: String = if full.chars().count() > 30 {
                full.chars().take(29).chain(std::iter::once('…')).collect()
            } else {
                full.clone()
            };
            if iv.is_point() {
                let _ = write!(
                    s,
                    r#"<circle class="point {cls}{dash}" cx="{:.1}" cy="{cy:.1}" r="5"><title>{}</title></circle>"#,
                    scale(iv.low),
                    xml(&full)
                );
            } else {
                let x1 = scale(iv.low);
                let x2 = iv.high.map_or(LABEL + PLOT, scale);
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
            let end = iv.high.map_or(LABEL + PLOT + 8.0, scale).max(scale(iv.low));
            let _ = write!(
                s,
                r#"<text class="mark-label" x="{:.1}" y="{:.1}">{}</text>"#,
                end + 9.0,
                cy + 4.0,
                xml(&label)
            );
        }
        s.push_str("</g>");
        y += lane_h + GAP;
    }
    s.push_str("</svg>");
    Some(s)
}
