//! `claims report EVENT`: a complete, citable report of one event's
//! comparison, as Markdown to paste or as one self-contained HTML page with
//! an SVG chart.

pub mod chart;
pub mod html;
pub mod markdown;
pub mod stamp;
