//! The event's end bounds running counts. A cumulative count of this event
//! (no `since`) said after the event's last day, with no `as_of` of its
//! own, states the final toll: every such count stands at one moment, just
//! after the end, so "64 killed" the next day and "about 380" a month later
//! conflict rather than read as growth. Counts said during the event keep
//! their own moments and compare in time order; an explicit `as_of` wins.
//! Likewise a sum's growing parts keep their floor forward in time: 90
//! killed on day 1 is a floor under day 15's "killed or missing".

use super::derived::FigureValue;
use super::supersede::Span;
use crate::model::quantity::Amount;
use crate::model::when::Instant;
use crate::model::{Dataset, Event};

/// The moment just after the event's last instant: later than anything said
/// during it, earlier than the next day.
fn just_after(end: Instant) -> Instant {
    (end.0, end.1, end.2, end.3, end.4, end.5.saturating_add(1))
}

/// The moment a value stands at, with counts of the final toll moved to
/// the event's end; a derived sum stands at its newest part's.
pub(super) fn moment(ds: &Dataset, event: &Event, v: &FigureValue) -> Span {
    let end = event.date.span().1;
    let after = just_after(end);
    let each = v.figures().into_iter().map(|(c, f)| {
        let own = f.moment(&c.said).span();
        let cumulative = ds.metric(&f.metric).is_some_and(|m| m.cumulative);
        let final_toll = cumulative && f.as_of.is_none() && f.since.is_none() && own.0 > end;
        if final_toll {
            (after, after)
        } else {
            own
        }
    });
    each.reduce(|a, b| (a.0.max(b.0), a.1.max(b.1)))
        .unwrap_or_default()
}

/// The floor a derived sum keeps forward in time: the sum of its given
/// parts that only grow (each part's lowest figure); `None` for a stated
/// figure or a sum with no growing part given.
pub(super) fn growing_floor(ds: &Dataset, v: &FigureValue) -> Option<Amount> {
    let FigureValue::Derived { parts, .. } = v else {
        return None;
    };
    let mut floor: Option<Amount> = None;
    for (_, figures) in parts {
        let growing = figures
            .iter()
            .filter(|(_, f)| ds.metric(&f.metric).is_some_and(|m| m.cumulative))
            .map(|(_, f)| f.quantity.interval().low)
            .min();
        if let Some(low) = growing {
            floor = Some(floor.map_or(low, |x| x.saturating_add(low)));
        }
    }
    floor
}
