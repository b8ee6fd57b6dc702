//! A figure: whose losses, which metric and category, the quantity as
//! stated, the moment it stands at, its breakdown, and the outlets'
//! readings when they differ.

use super::quantity::{self, Quantity};
use super::when::When;

#[derive(Debug, Clone)]
pub struct Figure {
    /// Whose people or equipment: the row key, the `parties` joined by `+`.
    pub party: String,
    /// The parties whose losses it counts: one, or several counted together
    /// ("20 killed on both sides"), sorted.
    pub parties: Vec<String>,
    /// The kind of people or equipment counted, when only some ("border guards").
    pub category: Option<String>,
    /// The parts a total is broken into ("30 soldiers and 5 border guards"),
    /// each a figure of the same party and metric with its `category`.
    pub breakdown: Vec<Figure>,
    pub metric: String,
    pub quantity: Quantity,
    /// The moment the count stands at, when it is not when it was said.
    pub as_of: Option<When>,
    /// For a running total across events: since when it counts. `None`:
    /// this event only.
    pub since: Option<When>,
    /// When the outlets that carried it word it differently ("70", "up to
    /// 70"): each reading, the claim's own first; `quantity` is then the
    /// widest of them. Empty when they agree.
    pub readings: Vec<Quantity>,
    /// The unit the file stated, when not the metric's ("50 ha" of a metric
    /// in km²), with the quantity as stated and the metric's unit:
    /// `quantity` is then converted.
    pub stated_in: Option<(String, Quantity, String)>,
    /// The unit the file gave, until the metric is known.
    pub unit: Option<String>,
    /// The other metrics its words may count (`metric_either`): it is
    /// weighed on each of their rows too.
    pub either: Vec<String>,
    /// For a breakdown's part by cause ("5 by fire"): the cause; such a
    /// part is shown with its total, never on a row of its own.
    pub cause: Option<String>,
    /// The breakdown names only some parts ("including 2 civilians").
    pub including: bool,
}

impl Figure {
    /// Once every reading's interval is known (vague words resolved): when
    /// the outlets' readings differ, the widest of them is the quantity, and
    /// each distinct reading is kept as stated, the claim's own first; when
    /// they agree, none is kept.
    pub fn widen_to_readings(&mut self) {
        if self.readings.is_empty() {
            return;
        }
        // Looked up, not searched for: a claim may list thousands of reports.
        let mut seen = std::collections::HashSet::from([self.quantity.to_string()]);
        let mut all = vec![self.quantity.clone()];
        for q in std::mem::take(&mut self.readings) {
            if seen.insert(q.to_string()) {
                all.push(q);
            }
        }
        let first = all[0].interval();
        if all.iter().all(|q| q.interval() == first) {
            return;
        }
        let hull = all
            .iter()
            .map(Quantity::interval)
            .fold(first, |a, b| quantity::Interval {
                low: a.low.min(b.low),
                high: a.high.zip(b.high).map(|(x, y)| x.max(y)),
            });
        self.quantity = Quantity::spanning(hull);
        self.readings = all;
    }

    /// Converts the figure (its parts and readings too) from the unit the
    /// file stated into the metric's, when they differ and convert.
    pub fn convert_to(&mut self, metric_unit: &str) {
        let Some(unit) = self.unit.clone().filter(|u| u != metric_unit) else {
            return;
        };
        let Some(f) = super::units::factor(&unit, metric_unit) else {
            return;
        };
        let stated = self.quantity.clone();
        self.quantity = super::units::convert(&stated, f);
        for p in &mut self.breakdown {
            p.quantity = super::units::convert(&p.quantity, f);
        }
        for r in &mut self.readings {
            *r = super::units::convert(r, f);
        }
        self.stated_in = Some((unit, stated, metric_unit.to_string()));
    }

    /// Its quantities read as a measure's (see [`Quantity::of_a_measure`]).
    pub fn measure(&mut self) {
        let q = std::mem::replace(&mut self.quantity, Quantity::Exact(Default::default()));
        self.quantity = q.of_a_measure();
        for p in &mut self.breakdown {
            p.measure();
        }
        for r in &mut self.readings {
            *r = std::mem::replace(r, Quantity::Exact(Default::default())).of_a_measure();
        }
        if let Some((_, q, _)) = &mut self.stated_in {
            *q = std::mem::replace(q, Quantity::Exact(Default::default())).of_a_measure();
        }
    }

    /// The quantity as the file stated it: "50 ha", or "70".
    pub fn stated(&self) -> String {
        match &self.stated_in {
            Some((unit, q, _)) => format!("{q} {unit}"),
            None => self.quantity.to_string(),
        }
    }

    /// The moment the count stands at: `as_of`, else when it was said.
    pub fn moment<'a>(&'a self, said: &'a When) -> &'a When {
        self.as_of.as_ref().unwrap_or(said)
    }
}
