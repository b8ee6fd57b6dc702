//! What a row's voices amount to. A verdict is data (which voices, what
//! kind of disagreement, the ratio); the view words it. It depends on the
//! set of voices and what they said, never on their order.

use super::derived::FigureValue;
use super::named_pair::{closer, Pairs};
use super::pairs::{self, Facts, Incomparable, Outcome};
use super::perspective::Perspective;
use super::voice_pairs::for_each_group_across;
use crate::model::quantity::Amount;
use crate::model::{Claim, Proposition};

#[derive(Debug, Clone)]
pub enum Verdict<'a> {
    /// The voices' statements cannot all be true.
    Conflict(ConflictDetail<'a>),
    /// Figures that can both be true, but that put forward numbers at least
    /// [`pairs::GAP`] times apart.
    Gap(ConflictDetail<'a>),
    /// Two or more voices whose statements agree; `voices` counts claimants,
    /// not outlets.
    Consistent {
        voices: usize,
        agreement: Agreement,
    },
    /// Two or more voices, none of whose figures can be weighed together.
    NotComparable(Incomparable),
    SingleSource,
    /// An appeal: shown, not a side taken.
    Appeal,
    /// A demand on one party: shown, not a voice on a matter of fact.
    Demand,
    /// Every statement on the row was retracted or corrected by its voice.
    Withdrawn,
}

/// How strong an agreement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Agreement {
    /// One named voice and reports with no source named ("others
    /// reported"): never independent corroboration.
    Unattributed,
    /// Only one side's voices and its allies (`allied_with`) agree: no
    /// independent corroboration.
    Allied,
    /// Voices agree, not both sides at one moment.
    Voices,
    /// Voices of both sides agree about one moment.
    BothSides,
    /// A party's own official figure for its losses is the very number its
    /// adversary gives: the strongest agreement there is.
    Confirmed,
}

/// The voices in a conflict (or gap) on a row, as indexes into its entries.
#[derive(Debug, Clone)]
pub struct ConflictDetail<'a> {
    /// The pair the explanation names (for figures, the most distant one).
    pub first: usize,
    pub second: usize,
    /// Every entry that takes part, in entry order.
    pub participants: Vec<usize>,
    pub conflict: Conflict<'a>,
}

/// A proposition some other voice affirms that excludes the row's.
#[derive(Debug, Clone)]
pub struct Rival<'a> {
    pub proposition: &'a Proposition,
    pub voice: String,
    pub claim: &'a Claim,
}

/// The kind of disagreement, with what its explanation needs beyond the voices.
#[derive(Debug, Clone)]
pub enum Conflict<'a> {
    /// Figures apart by `ratio`; `in_time_order` when an earlier count of a
    /// growing total exceeds a later one.
    Figures { ratio: f64, in_time_order: bool },
    /// Each side accuses the other of the same act.
    Mirror,
    /// Voices accuse different parties of the same act.
    Contradictory,
    /// Some affirm (or accuse) what others deny.
    AffirmDeny,
    /// Participants affirm this proposition; the rivals affirm ones that exclude it.
    Exclusive { rivals: Vec<Rival<'a>> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConflictKind {
    Figures,
    Mirror,
    Contradictory,
    AffirmDeny,
    Exclusive,
}

/// A verdict's kind: its one name, in JSON (`verdict`), CSV and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum VerdictKind {
    Conflict,
    Gap,
    Consistent,
    NotComparable,
    SingleSource,
    Appeal,
    Demand,
    Withdrawn,
}

impl VerdictKind {
    pub const ALL: [VerdictKind; 8] = [
        VerdictKind::Conflict,
        VerdictKind::Gap,
        VerdictKind::Consistent,
        VerdictKind::NotComparable,
        VerdictKind::SingleSource,
        VerdictKind::Appeal,
        VerdictKind::Demand,
        VerdictKind::Withdrawn,
    ];

    /// Its serde name (a test holds the two together).
    pub fn name(self) -> &'static str {
        match self {
            VerdictKind::Conflict => "conflict",
            VerdictKind::Gap => "gap",
            VerdictKind::Consistent => "consistent",
            VerdictKind::NotComparable => "not-comparable",
            VerdictKind::SingleSource => "single-source",
            VerdictKind::Appeal => "appeal",
            VerdictKind::Demand => "demand",
            VerdictKind::Withdrawn => "withdrawn",
        }
    }

    /// The name in a sentence: "single source".
    pub fn words(self) -> String {
        self.name().replace('-', " ")
    }
}

impl Conflict<'_> {
    pub fn kind(&self) -> ConflictKind {
        match self {
            Conflict::Figures { .. } => ConflictKind::Figures,
            Conflict::Mirror => ConflictKind::Mirror,
            Conflict::Contradictory => ConflictKind::Contradictory,
            Conflict::AffirmDeny => ConflictKind::AffirmDeny,
            Conflict::Exclusive { .. } => ConflictKind::Exclusive,
        }
    }
}

impl Verdict<'_> {
    pub fn is_conflict(&self) -> bool {
        matches!(self, Verdict::Conflict(_))
    }

    pub fn kind(&self) -> VerdictKind {
        match self {
            Verdict::Conflict(_) => VerdictKind::Conflict,
            Verdict::Gap(_) => VerdictKind::Gap,
            Verdict::Consistent { .. } => VerdictKind::Consistent,
            Verdict::NotComparable(_) => VerdictKind::NotComparable,
            Verdict::SingleSource => VerdictKind::SingleSource,
            Verdict::Appeal => VerdictKind::Appeal,
            Verdict::Demand => VerdictKind::Demand,
            Verdict::Withdrawn => VerdictKind::Withdrawn,
        }
    }

    /// No conflict among `voices` distinct voices.
    pub(super) fn settled(voices: usize, agreement: Agreement) -> Verdict<'static> {
        match voices {
            0 | 1 => Verdict::SingleSource,
            n => Verdict::Consistent {
                voices: n,
                agreement,
            },
        }
    }
}

/// A figure entry as the verdict sees it: whose voice, and its value.
pub struct Voiced<'v, 'a> {
    pub key: &'v str,
    /// Within a merged voice, who said it: two speakers of one voice are
    /// weighed against each other, one speaker's statements never.
    pub speaker: Option<&'v str>,
    pub party: Option<&'v str>,
    /// For a third state allied with a side, that side.
    pub ally_of: Option<&'v str>,
    pub perspective: Perspective,
    /// Every claim behind the value is an organ's, on the record, unhedged.
    pub official: bool,
    pub value: &'v FigureValue<'a>,
    /// The moment it stands at, as the rules weigh it.
    pub moment: super::supersede::Span,
    /// For a sum, the floor its growing parts keep forward in time.
    pub floor: Option<Amount>,
    /// On a row of several parties, a sum of one voice's per-party figures:
    /// two such sums are weighed on the parties' own rows, never again here.
    pub sum_of_parties: bool,
}

/// The conflict of figures a set of pairs amounts to, if any.
fn detail<'a>(pairs: Pairs) -> Option<ConflictDetail<'a>> {
    let (first, second, ratio, in_time_order) = pairs.named?;
    Some(ConflictDetail {
        first,
        second,
        participants: (0..pairs.part.len()).filter(|&i| pairs.part[i]).collect(),
        conflict: Conflict::Figures {
            ratio,
            in_time_order,
        },
    })
}

/// Whether the flagged voices are one side and its allies, an ally among
/// them: `camp(i)` is a voice's (side, side it is allied with).
pub(super) fn allied_only<'v>(
    flags: &[bool],
    camp: impl Fn(usize) -> (Option<&'v str>, Option<&'v str>),
) -> bool {
    let flagged = || (0..flags.len()).filter(|&i| flags[i]).map(&camp);
    let mut camps = flagged().map(|(side, ally)| side.or(ally));
    let first = camps.next().flatten();
    first.is_some() && camps.all(|c| c == first) && flagged().any(|(_, ally)| ally.is_some())
}

/// Distinct values among the flagged voices.
fn distinct<'v>(flags: &[bool], of: impl Fn(usize) -> Option<&'v str>) -> usize {
    let mut names: Vec<&str> = (0..flags.len())
        .filter(|&i| flags[i])
        .filter_map(of)
        .collect();
    names.sort_unstable();
    names.dedup();
    names.len()
}

/// What the pairs of a row's entries add up to, as they are weighed.
struct Tally {
    conflicts: Pairs,
    gaps: Pairs,
    /// Entries in an agreeing pair; in one about one moment.
    agree: Vec<bool>,
    same: Vec<bool>,
    /// A party's own figure is its adversary's very number.
    confirmed: bool,
    apart: Option<Incomparable>,
}

impl Tally {
    fn new(n: usize) -> Self {
        Tally {
            conflicts: Pairs::new(n),
            gaps: Pairs::new(n),
            agree: vec![false; n],
            same: vec![false; n],
            confirmed: false,
            apart: None,
        }
    }

    /// Weighs one voice's entries against another's. A voice's statements
    /// the data cannot order are alternatives: the gap named between two
    /// voices is the closest of their pairs.
    fn weigh(
        &mut self,
        voices: &[Voiced],
        facts: &[Facts],
        cumulative: bool,
        pairs: impl Iterator<Item = (usize, usize)>,
    ) {
        let (mut conflict, mut gap) = (None, None);
        for (i, j) in pairs {
            let (a, b) = (&facts[i], &facts[j]);
            let outcome = if voices[i].sum_of_parties && voices[j].sum_of_parties {
                Outcome::NotComparable(Incomparable::WeighedPerParty)
            } else {
                pairs::compare_facts(a, b, cumulative)
            };
            match outcome {
                Outcome::Conflict { ratio } => {
                    let ordered = a.moment.1 < b.moment.0 || b.moment.1 < a.moment.0;
                    let pair = (i, j, ratio, ordered && cumulative);
                    self.conflicts.mark(pair);
                    conflict = closer(facts, conflict, pair);
                }
                Outcome::Gap { ratio } => {
                    self.gaps.mark((i, j, ratio, false));
                    gap = closer(facts, gap, (i, j, ratio, false));
                }
                Outcome::Agree => {
                    (self.agree[i], self.agree[j]) = (true, true);
                    // "Agreed by both sides" needs a number from each.
                    if same_moment(a, b) && a.numeric && b.numeric {
                        (self.same[i], self.same[j]) = (true, true);
                        self.confirmed |= confirms((&voices[i], a), (&voices[j], b));
                    }
                }
                Outcome::NotComparable(why) => {
                    self.apart = Some(self.apart.map_or(why, |w| w.min(why)));
                }
            }
        }
        if let Some(p) = conflict {
            self.conflicts.name(facts, p);
        }
        if let Some(p) = gap {
            self.gaps.name(facts, p);
        }
    }
}

/// The verdict of a figure row over its entries (a voice may have several
/// when the data cannot order its statements; its own never conflict).
/// Every pair is weighed, in memory linear in the number of entries.
pub fn figure_verdict<'a>(voices: &[Voiced<'_, 'a>], cumulative: bool) -> Verdict<'a> {
    let n = voices.len();
    let mut t = Tally::new(n);
    let facts: Vec<Facts> = voices
        .iter()
        .map(|v| Facts::at(v.value, v.moment).with_floor(v.floor))
        .collect();
    // One entry of each class stands for its class (see `classes`).
    let rep = classes(voices, &facts);
    let reps: Vec<usize> = (0..n).filter(|&i| rep[i] == i).collect();
    let speakers: Vec<String> = reps
        .iter()
        .map(|&i| match voices[i].speaker {
            Some(s) => format!("{}~{s}", voices[i].key),
            None => voices[i].key.to_string(),
        })
        .collect();
    let keys: Vec<&str> = speakers.iter().map(String::as_str).collect();
    for_each_group_across(&keys, |ga, gb| {
        let pairs = ga.iter().flat_map(|&x| gb.iter().map(move |&y| (x, y)));
        let pairs = pairs.map(|(x, y)| (reps[x].min(reps[y]), reps[x].max(reps[y])));
        t.weigh(voices, &facts, cumulative, pairs);
    });
    for (i, &r) in rep.iter().enumerate() {
        (t.agree[i], t.same[i]) = (t.agree[r], t.same[r]);
        (t.conflicts.part[i], t.gaps.part[i]) = (t.conflicts.part[r], t.gaps.part[r]);
    }
    if let Some(d) = detail(t.conflicts) {
        return Verdict::Conflict(d);
    }
    if let Some(d) = detail(t.gaps) {
        return Verdict::Gap(d);
    }
    let agree = t.agree;
    if !agree.contains(&true) {
        if let Some(why) = t.apart {
            return Verdict::NotComparable(why);
        }
        let all = vec![true; n];
        return Verdict::settled(distinct(&all, |i| Some(voices[i].key)), Agreement::Voices);
    }
    // Only the voices that agree count, and only agreement about one moment
    // (not a count that grew in between) is agreement "by both sides".
    let agreeing = distinct(&agree, |i| Some(voices[i].key));
    let sides = distinct(&t.same, |i| voices[i].party);
    let named = distinct(&agree, |i| {
        (voices[i].perspective != Perspective::Unattributed).then_some(voices[i].key)
    });
    let agreement = match (t.confirmed, sides >= 2) {
        (true, _) => Agreement::Confirmed,
        (false, true) => Agreement::BothSides,
        (false, false) if named < 2 => Agreement::Unattributed,
        (false, false) if allied_only(&agree, |i| (voices[i].party, voices[i].ally_of)) => {
            Agreement::Allied
        }
        (false, false) => Agreement::Voices,
    };
    Verdict::settled(agreeing, agreement)
}

/// Entries no rule can tell apart (one voice, the same facts, perspective
/// and standing) weigh alike against every other entry: each entry's class
/// is named by its last entry, which stands for it. A voice that repeats one
/// figure in thousands of statements it cannot order then costs one entry,
/// not thousands against each of another voice's. The last, because of
/// equally distant pairs the later one is named.
fn classes(voices: &[Voiced], facts: &[Facts]) -> Vec<usize> {
    let since: Vec<Option<String>> = facts
        .iter()
        .map(|f| f.since.map(ToString::to_string))
        .collect();
    let key = |i: usize| {
        let (v, f) = (&voices[i], &facts[i]);
        let iv = f.interval;
        let who = (
            (v.key, v.speaker),
            v.perspective as u8,
            (v.official, v.sum_of_parties),
            since[i].as_deref(),
        );
        (
            who, f.moment, iv.low, iv.high, f.stated, f.partial, f.numeric,
        )
    };
    let mut order: Vec<usize> = (0..voices.len()).collect();
    order.sort_by(|&a, &b| key(a).cmp(&key(b)).then(a.cmp(&b)));
    let mut rep: Vec<usize> = (0..voices.len()).collect();
    for w in order.windows(2).rev() {
        if key(w[0]) == key(w[1]) {
            rep[w[0]] = rep[w[1]];
        }
    }
    rep
}

/// A party's official self-report and its adversary's official claim that
/// give one and the same number for one and the same moment (not merely
/// moments that may coincide, such as "by 2 May" and "May").
fn confirms((a, fa): (&Voiced, &Facts), (b, fb): (&Voiced, &Facts)) -> bool {
    let pair = [a.perspective, b.perspective];
    let sides = pair.contains(&Perspective::Own) && pair.contains(&Perspective::Adversary);
    let (x, y) = (fa.interval, fb.interval);
    let exact = x.high == Some(x.low) && x == y;
    sides && exact && a.official && b.official && fa.moment == fb.moment
}

/// Whether two figures may stand at one moment.
fn same_moment(a: &Facts, b: &Facts) -> bool {
    let (x, y) = (a.moment, b.moment);
    x.0 <= y.1 && y.0 <= x.1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::testing::{figure, stated};
    use crate::model::quantity::Quantity;
    use crate::model::Claim;

    fn verdict_of(values: &[(&str, Option<&str>, Quantity)]) -> String {
        let claims: Vec<Claim> = values
            .iter()
            .enumerate()
            .map(|(i, (_, _, q))| figure(&format!("c{i}"), "2021-11-16", q.clone()))
            .collect();
        let vals: Vec<FigureValue> = claims.iter().map(stated).collect();
        let voiced: Vec<Voiced> = values
            .iter()
            .zip(&vals)
            .map(|((key, party, _), value)| Voiced {
                key,
                speaker: None,
                party: *party,
                ally_of: None,
                perspective: Perspective::ThirdParty,
                official: true,
                value,
                moment: value.moment(),
                floor: None,
                sum_of_parties: false,
            })
            .collect();
        describe(&figure_verdict(&voiced, false), values)
    }

    /// The verdict as a string a test can compare: its name, the named pair's
    /// keys, the ratio and every participant.
    fn describe(v: &Verdict, values: &[(&str, Option<&str>, Quantity)]) -> String {
        match v {
            Verdict::Conflict(d) | Verdict::Gap(d) => {
                let Conflict::Figures { ratio, .. } = d.conflict else {
                    return "not figures".into();
                };
                let mut pair = [values[d.first].0, values[d.second].0];
                pair.sort_unstable();
                let who: Vec<&str> = d.participants.iter().map(|&i| values[i].0).collect();
                format!(
                    "{} {}-{} {ratio} {}",
                    v.kind().name(),
                    pair[0],
                    pair[1],
                    who.join(",")
                )
            }
            Verdict::Consistent { voices, agreement } => {
                format!("consistent {voices} {}", *agreement >= Agreement::BothSides)
            }
            Verdict::NotComparable(why) => format!("not comparable {why:?}"),
            other => other.kind().name().to_string(),
        }
    }

    #[test]
    fn the_most_distant_disjoint_pair_is_named_and_every_voice_in_conflict_takes_part() {
        let v = verdict_of(&[
            ("a", None, Quantity::Exact(10.into())),
            ("b", None, Quantity::Exact(20.into())),
            ("c", None, Quantity::Exact(100.into())),
        ]);
        assert_eq!(v, "conflict a-c 10 a,b,c");
    }

    #[test]
    fn agreeing_voices_of_both_sides_say_so() {
        let v = verdict_of(&[
            ("a", Some("armenia"), Quantity::Exact(9.into())),
            ("b", Some("azerbaijan"), Quantity::AtLeast(5.into())),
        ]);
        assert_eq!(v, "consistent 2 true");
        let v = verdict_of(&[
            ("a", Some("armenia"), Quantity::Exact(9.into())),
            ("b", None, Quantity::Exact(9.into())),
        ]);
        assert_eq!(v, "consistent 2 false");
    }

    #[test]
    fn a_verdict_kind_has_one_name_its_json_name() {
        for k in VerdictKind::ALL {
            let json = serde_json::to_value(k).expect("a name");
            assert_eq!(json.as_str(), Some(k.name()));
            assert!(!k.name().contains(' '), "{}", k.name());
        }
    }

    #[test]
    fn one_voice_is_single_and_a_voice_never_conflicts_with_itself() {
        assert_eq!(
            verdict_of(&[("a", None, Quantity::Exact(1.into()))]),
            "single-source"
        );
        let twice = [
            ("a", None, Quantity::Exact(1.into())),
            ("a", None, Quantity::Exact(100.into())),
        ];
        assert_eq!(verdict_of(&twice), "single-source");
        assert_eq!(verdict_of(&[]), "single-source");
    }

    #[test]
    fn up_to_sixty_against_fifteen_is_far_apart_not_consistent() {
        let v = verdict_of(&[
            ("a", None, Quantity::AtMost(60.into())),
            ("b", None, Quantity::Exact(15.into())),
        ]);
        assert_eq!(v, "gap a-b 4 a,b");
    }

    #[test]
    fn a_conflict_outranks_a_gap_and_a_gap_outranks_agreement() {
        let v = verdict_of(&[
            ("a", None, Quantity::AtMost(60.into())),
            ("b", None, Quantity::Exact(15.into())),
            ("c", None, Quantity::Exact(100.into())),
        ]);
        assert_eq!(v, "conflict b-c 6.666666666666667 a,b,c");
    }

    #[test]
    fn open_ended_figures_are_not_comparable() {
        let v = verdict_of(&[
            ("a", None, Quantity::AtLeast(10.into())),
            ("b", None, Quantity::AtLeast(4.into())),
        ]);
        assert_eq!(v, "not comparable OpenEnded");
    }

    #[test]
    fn equal_gaps_pick_the_smaller_pair_whatever_the_order() {
        // [1] vs [2] and [0, 1] vs [2] are both 2× apart: the pair with [0, 1] is named.
        let a = ("a", None, Quantity::Exact(1.into()));
        let b = ("b", None, Quantity::Exact(2.into()));
        let c = (
            "c",
            None,
            Quantity::Range {
                low: 0.into(),
                high: 1.into(),
            },
        );
        for order in [[&a, &b, &c], [&c, &b, &a], [&b, &c, &a]] {
            let list: Vec<_> = order.iter().map(|x| (*x).clone()).collect();
            let v = verdict_of(&list);
            assert!(v.starts_with("conflict b-c 2 "), "{v}");
        }
    }
}
