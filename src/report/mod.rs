//! `claims report EVENT`: a complete, citable report of one event's
//! comparison, as Markdown to paste or as one self-contained HTML page with
//! an SVG chart.

pub mod chart;
pub mod html;
pub mod markdown;
pub mod stamp;

/// A report's sections, each once, in the one order both renderers walk:
/// the answer first (who disagrees with whom, and the figures at a glance),
/// then the evidence, then the tables. A renderer matches every section, so a new one reaches both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Title, date and place, summary.
    Heading,
    Summary,
    Conflicts,
    /// The figures as a picture, where the format can draw one.
    Chart,
    Tables,
    Legend,
    Sources,
    Documents,
    /// The data and version it was made from.
    Stamp,
}

pub const SECTIONS: [Section; 9] = [
    Section::Heading,
    Section::Summary,
    Section::Chart,
    Section::Conflicts,
    Section::Tables,
    Section::Legend,
    Section::Sources,
    Section::Documents,
    Section::Stamp,
];
