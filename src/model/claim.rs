//! A claim: who said what, when, in which words, read where; and the kinds
//! of statement a claim makes.

use super::when::When;
use super::{Assertion, Attribution, Channel};

/// How a claim holds its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// The document's own words.
    Verbatim,
    /// The research notes' wording, where the page's words are not to hand.
    Paraphrase,
}

#[derive(Debug, Clone)]
pub struct Claim {
    pub id: String,
    pub event: String,
    /// Who made the statement, as the document names them.
    pub source: String,
    /// Whom the source relays, when it passes on another's word (an agency
    /// quoting a ministry): corroboration counts this voice, not the relay.
    pub origin: Option<String>,
    pub said: When,
    pub via: Channel,
    pub document: String,
    pub quote: String,
    pub quote_kind: QuoteKind,
    pub language: String,
    pub english: Option<String>,
    /// The corrected reading of a machine-reworded quote.
    pub reading: Option<String>,
    /// Second-hand or conditional ("reportedly", French conditional).
    pub hedged: bool,
    /// An unnamed or unofficial speaker within the source: a voice apart.
    pub attribution: Attribution,
    /// Where the claimant puts what it states.
    pub place: Option<String>,
    /// An earlier claim of the same source this one corrects (it stops counting).
    pub corrects: Option<String>,
    pub note: Option<String>,
    pub assertion: Assertion,
    /// Order of appearance in the data (file, then position); breaks ties between equal dates.
    pub seq: u64,
    /// Other documents that carried the same statement: one voice, however many outlets.
    pub reports: Vec<Report>,
    /// Its place among its voice's statements of the same day, when the
    /// document orders them without clock times (1, 2, …).
    pub order: Option<u16>,
    /// A relay that gets its origin wrong, and how: shown, never a voice.
    pub misreports: Option<String>,
    /// The other sources that made this same statement (a joint communiqué).
    pub with: Vec<String>,
    /// For a statement the tool derived from a position (what its
    /// proposition `implies` or `presupposes`). Never in the data files.
    pub implied_by: Option<ImpliedBy>,
    /// A record of what was documented (`record = "named-list"`): kept
    /// apart from the claims and weighed against them.
    pub record: Option<super::record::Documented>,
    /// A third party's joint figure that only adds up the parties' own
    /// figures ("13 killed on both sides" = 6 + 7): shown, never a voice.
    pub sum_of_own: bool,
}

/// How the tool derived a statement from a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Derivation {
    /// What a proposition the claim affirms `implies`.
    Implied,
    /// The fact a demand the claim makes `presupposes`.
    Presupposed,
    /// The claim's figure read as another metric (`metric_either`).
    Reading,
    /// The same statement made by a co-signatory (`with`).
    Joint,
}

/// Where a derived statement comes from.
#[derive(Debug, Clone)]
pub struct ImpliedBy {
    pub kind: Derivation,
    /// The claim it comes from.
    pub claim: String,
    /// The proposition that implies (or presupposes) it, and its words;
    /// empty for a figure's other reading (`metric_either`).
    pub proposition: String,
    pub text: String,
}

/// Another document that carried a claim's statement, in its own words.
#[derive(Debug, Clone)]
pub struct Report {
    pub document: String,
    pub quote: String,
    /// How this outlet got the statement wrong: its reading never counts.
    pub misreports: Option<String>,
}

/// What every claim gives: who said what, when, read where.
#[derive(Debug, Clone)]
pub struct Required {
    pub id: String,
    pub event: String,
    pub source: String,
    pub said: When,
    pub via: Channel,
    pub document: String,
    pub quote: String,
    pub quote_kind: QuoteKind,
    pub language: String,
    pub assertion: Assertion,
    pub seq: u64,
}

impl Claim {
    /// A claim of what every claim gives, with nothing optional: on the
    /// record, unhedged, no relay, rendering, place or note. The loader
    /// sets what the file gives beyond it; builders in tests need not name
    /// every optional field.
    pub fn new(r: Required) -> Claim {
        Claim {
            id: r.id,
            event: r.event,
            source: r.source,
            origin: None,
            said: r.said,
            via: r.via,
            document: r.document,
            quote: r.quote,
            quote_kind: r.quote_kind,
            language: r.language,
            english: None,
            reading: None,
            hedged: false,
            attribution: Attribution::OnRecord,
            place: None,
            corrects: None,
            note: None,
            assertion: r.assertion,
            seq: r.seq,
            reports: Vec::new(),
            order: None,
            misreports: None,
            with: Vec::new(),
            implied_by: None,
            record: None,
            sum_of_own: false,
        }
    }

    /// The voice this claim counts as: the originator when relayed.
    pub fn voice(&self) -> &str {
        self.origin.as_deref().unwrap_or(&self.source)
    }

    pub fn kind(&self) -> ClaimKind {
        if self.record.is_some() {
            return ClaimKind::Record;
        }
        match self.assertion {
            Assertion::Figure(_) => ClaimKind::Figure,
            Assertion::Accusation(_) => ClaimKind::Accusation,
            Assertion::Position(_) => ClaimKind::Position,
            Assertion::Retraction { .. } => ClaimKind::Retraction,
        }
    }

    pub fn kind_name(&self) -> &'static str {
        self.kind().name()
    }
}

/// What a claim states: the one name of each kind, in files, `--kind`,
/// listings and messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ClaimKind {
    Figure,
    Accusation,
    Position,
    Retraction,
    /// What was documented afterwards: a figure on a basis (`record`).
    Record,
}

impl ClaimKind {
    pub const ALL: [ClaimKind; 5] = [
        ClaimKind::Figure,
        ClaimKind::Accusation,
        ClaimKind::Position,
        ClaimKind::Retraction,
        ClaimKind::Record,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ClaimKind::Figure => "figure",
            ClaimKind::Accusation => "accusation",
            ClaimKind::Position => "position",
            ClaimKind::Retraction => "retraction",
            ClaimKind::Record => "record",
        }
    }

    /// "a figure", "an accusation".
    pub fn with_article(self) -> String {
        let a = if self == ClaimKind::Accusation {
            "an"
        } else {
            "a"
        };
        format!("{a} {}", self.name())
    }
}
