//! How a voice stands to the parties: an organ of a party, aligned with it,
//! or independent of every party; and whether a claim is on the record.

/// How a source stands to the parties. Perspective and `--by` follow it:
/// only organs speak officially for their party.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Deserialize,
    serde::Serialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    /// Part of a party's state: ministry, head of state or government, armed
    /// forces, a state body, or the state's unnamed authorities.
    Organ,
    /// Aligned with a party without being its organ: a state news agency,
    /// state-controlled or openly partisan media, a diaspora outlet.
    Affiliated,
    /// A person of a party speaking for himself: an MP, an opposition leader,
    /// a named official not speaking for his office.
    Individual,
    /// Of no party: foreign media, NGOs, researchers.
    Independent,
    /// An international body: OSCE, UN, EU bodies.
    International,
    /// No source named ("others reported …"): shown, never counted as
    /// independent corroboration.
    Unknown,
}

impl Standing {
    /// Every value, in the order the format reference lists them.
    pub const ALL: [Standing; 6] = [
        Standing::Organ,
        Standing::Affiliated,
        Standing::Individual,
        Standing::Independent,
        Standing::International,
        Standing::Unknown,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Standing::Organ => "organ",
            Standing::Affiliated => "affiliated",
            Standing::Individual => "individual",
            Standing::Independent => "independent",
            Standing::International => "international",
            Standing::Unknown => "unknown",
        }
    }

    /// Speaks for (or leans to) a party: needs one.
    pub fn is_aligned(self) -> bool {
        matches!(
            self,
            Standing::Organ | Standing::Affiliated | Standing::Individual
        )
    }
}

/// Who, within a source, is speaking. A claim not on the record counts as a
/// voice apart from the source's official one.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    serde::Deserialize,
    serde::Serialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Attribution {
    /// The source itself, officially.
    #[default]
    OnRecord,
    /// An unnamed speaker: "an unnamed official", "sources in the ministry".
    Unnamed,
    /// Figures the source gives as unofficial ("unofficial figures").
    Unofficial,
}

impl Attribution {
    pub fn name(self) -> &'static str {
        match self {
            Attribution::OnRecord => "on-record",
            Attribution::Unnamed => "unnamed",
            Attribution::Unofficial => "unofficial",
        }
    }

    /// How a cell marks it; empty on the record.
    pub fn mark(self) -> &'static str {
        match self {
            Attribution::OnRecord => "",
            Attribution::Unnamed => "unnamed official",
            Attribution::Unofficial => "unofficial figures",
        }
    }
}
