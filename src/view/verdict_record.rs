//! A row's verdict as JSON records carry it.

use serde::Serialize;

use crate::compare::{self, Agreement, ConflictKind, Incomparable, Verdict, VerdictKind};

/// A row's verdict: `verdict` is conflict, gap, consistent, not-comparable,
/// single-source or appeal; the other fields are there when they apply.
#[derive(Serialize)]
pub struct VerdictRecord {
    verdict: VerdictKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    conflict: Option<ConflictKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<String>,
    /// For figures in conflict or far apart: the ratio between the pair named.
    #[serde(skip_serializing_if = "Option::is_none")]
    ratio: Option<f64>,
    /// Every voice that takes part in the conflict or gap.
    #[serde(skip_serializing_if = "Option::is_none")]
    participants: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    voices: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    both_sides: Option<bool>,
    /// A party's own figure is its adversary's very number.
    #[serde(skip_serializing_if = "Option::is_none")]
    confirmed: Option<bool>,
    /// Only one side and its allies agree: not independent corroboration.
    #[serde(skip_serializing_if = "Option::is_none")]
    allies_only: Option<bool>,
    /// One named voice and reports with no source named agree: not corroboration.
    #[serde(skip_serializing_if = "Option::is_none")]
    unattributed_only: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<Incomparable>,
}

impl VerdictRecord {
    pub fn of(v: &Verdict, explanation: String, keys: &[&str]) -> Self {
        let detail = |d: &compare::ConflictDetail| {
            let mut who: Vec<String> = d
                .participants
                .iter()
                .map(|&i| keys[i].to_string())
                .collect();
            who.dedup();
            let ratio = match d.conflict {
                compare::Conflict::Figures { ratio, .. } => Some(ratio).filter(|r| r.is_finite()),
                _ => None,
            };
            (
                Some(d.conflict.kind()),
                Some(explanation.clone()),
                ratio,
                Some(who),
            )
        };
        let mut r = VerdictRecord {
            verdict: v.kind(),
            conflict: None,
            explanation: None,
            ratio: None,
            participants: None,
            voices: None,
            both_sides: None,
            confirmed: None,
            allies_only: None,
            unattributed_only: None,
            reason: None,
        };
        match v {
            Verdict::Conflict(d) | Verdict::Gap(d) => {
                (r.conflict, r.explanation, r.ratio, r.participants) = detail(d);
            }
            Verdict::Consistent { voices, agreement } => {
                r.voices = Some(*voices);
                r.both_sides = Some(*agreement >= Agreement::BothSides);
                r.confirmed = Some(*agreement == Agreement::Confirmed);
                r.allies_only = Some(*agreement == Agreement::Allied);
                r.unattributed_only = Some(*agreement == Agreement::Unattributed);
            }
            Verdict::NotComparable(why) => r.reason = Some(*why),
            _ => {}
        }
        r
    }
}
