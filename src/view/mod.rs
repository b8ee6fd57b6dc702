//! What the results look like, before any format: sheets of cells with
//! tones, the comparison's wording and numbered conflicts, citations, and
//! the typed records JSON is written from. Renderers and reports draw on it.

pub mod against_record;
pub mod citation;
pub mod claim_row;
pub mod comparison;
pub mod diff;
pub mod explain;
pub mod feeds;
pub mod naming;
pub mod notes;
pub mod perspective_words;
pub mod places_apart;
pub mod records;
pub mod row_lines;
pub mod sheet;
pub mod stated;
pub mod tidy;
pub mod track_record;
pub mod verdict_record;
pub mod wording;

pub use comparison::View;
pub use sheet::{Cell, Sheet, Tone};
