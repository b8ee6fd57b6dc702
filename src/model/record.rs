//! What was documented after an event (issue 26): a record is a claim of
//! its own kind, a documenter's count on a stated basis, weighed against
//! the claims and never among them.

use std::fmt;

use super::Claim;

/// How a documented count was established, strongest kinds of evidence of
/// a floor first. The basis decides whether the count is a floor (there
/// were at least that many) or a stated total.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// The dead (or captives) named one by one: at least that many.
    NamedList,
    /// Prisoners or bodies handed over, admitted by the side handing them.
    Handover,
    /// The side bearing the loss accepts the other's figure.
    Admission,
    /// A geolocated photo or video: at least what it shows.
    Imagery,
    /// An investigative body's count.
    Investigation,
    /// A count by someone who is neither belligerent.
    IndependentCount,
}

impl Basis {
    pub const ALL: [Basis; 6] = [
        Basis::NamedList,
        Basis::Handover,
        Basis::Admission,
        Basis::Imagery,
        Basis::Investigation,
        Basis::IndependentCount,
    ];

    /// The word in files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::NamedList => "named-list",
            Basis::Handover => "handover",
            Basis::Admission => "admission",
            Basis::Imagery => "imagery",
            Basis::Investigation => "investigation",
            Basis::IndependentCount => "independent-count",
        }
    }

    /// How a reader is told: "7 named", "10 handed over".
    pub fn shown(self) -> &'static str {
        match self {
            Basis::NamedList => "named",
            Basis::Handover => "handed over",
            Basis::Admission => "admitted by the side bearing it",
            Basis::Imagery => "seen in geolocated imagery",
            Basis::Investigation => "counted by an investigation",
            Basis::IndependentCount => "counted independently",
        }
    }

    /// A named list, a handover and imagery show that at least so many
    /// there were; the other bases state a total.
    pub fn is_floor(self) -> bool {
        matches!(self, Basis::NamedList | Basis::Handover | Basis::Imagery)
    }
}

impl fmt::Display for Basis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A geolocated image or video, kept as Oryx keeps it: where it is, and a
/// SHA-256 of the file (or of the address) so a later change shows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Imagery {
    pub url: String,
    pub sha256: String,
}

/// What makes a claim a record: its basis, and its imagery when it rests on one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Documented {
    pub basis: Basis,
    pub imagery: Option<Imagery>,
}

impl super::Dataset {
    /// The records of one event, in data order.
    pub fn records_of_event<'a, 'e>(
        &'a self,
        event: &'e str,
    ) -> impl Iterator<Item = &'a Claim> + use<'a, 'e> {
        self.records.iter().filter(move |r| r.event == event)
    }

    /// A record by its id.
    pub fn record(&self, id: &str) -> Option<&Claim> {
        self.records.iter().find(|r| r.id == id)
    }
}
