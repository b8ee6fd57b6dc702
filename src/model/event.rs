//! An event: one clash, its dates, its sides, and the clock its claims are read on.

use super::when::{self, When};

#[derive(Debug, Clone)]
pub struct Event {
    pub id: String,
    pub title: String,
    pub date: When,
    pub place: String,
    /// The region's UTC offset as written (`+04:00`): the clock its claims
    /// are read on.
    pub zone: Option<String>,
    pub summary: String,
    /// The parties that fought; the others are third parties.
    pub sides: Vec<String>,
    /// Places the event's claims name, as the event lists them.
    pub places: Vec<String>,
}

impl Event {
    /// The region's clock in minutes east of UTC, when the event gives it.
    pub fn zone_minutes(&self) -> Option<i32> {
        self.zone.as_deref().and_then(when::offset_minutes)
    }
}
