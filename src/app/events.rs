//! The timeline's second mode: every dated event of every source in date order, grouped by
//! year, an event several sources tell as one row.

use super::list::ListCursor;
use crate::model::Corpus;
use crate::model::chronology::{EventGroup, all_events, event_groups};
use crate::model::events::Event;

/// A row of the events list: a year heading, or an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventRow {
    Year(i16),
    /// Index in [`EventList::groups`].
    Event(usize),
}

#[derive(Debug, Default)]
pub struct EventList {
    /// Every dated event with its source, in date order.
    pub events: Vec<(usize, Event)>,
    pub groups: Vec<EventGroup>,
    pub rows: Vec<EventRow>,
    pub list: ListCursor,
}

impl EventList {
    pub fn new(corpus: &Corpus) -> EventList {
        let events = all_events(corpus);
        let groups = event_groups(corpus, &events);
        let mut rows = Vec::with_capacity(groups.len() + 32);
        let mut year = None;
        for (g, group) in groups.iter().enumerate() {
            let y = events[group.tellings[0]].1.start.year;
            if year != Some(y) {
                rows.push(EventRow::Year(y));
                year = Some(y);
            }
            rows.push(EventRow::Event(g));
        }
        let mut list = EventList {
            events,
            groups,
            rows,
            list: ListCursor::default(),
        };
        let first = list.event_position(0, true);
        list.list.select(first, list.rows.len());
        list
    }

    /// The event group selected.
    pub fn selected(&self) -> Option<&EventGroup> {
        match self.rows.get(self.list.selected)? {
            EventRow::Event(g) => self.groups.get(*g),
            EventRow::Year(_) => None,
        }
    }

    /// The event row nearest `position` (clamped), looking past a year heading downwards, or
    /// upwards when `down` is false (downwards at the top).
    pub fn event_position(&self, position: usize, down: bool) -> usize {
        let Some(last) = self.rows.len().checked_sub(1) else {
            return 0;
        };
        let p = position.min(last);
        match self.rows[p] {
            EventRow::Event(_) => p,
            EventRow::Year(_) if (down || p == 0) && p < last => p + 1,
            EventRow::Year(_) => p.saturating_sub(1),
        }
    }

    /// The first telling of a group, with its source: its date and sentence stand for the
    /// group.
    pub fn first(&self, group: &EventGroup) -> (usize, &Event) {
        let (s, e) = &self.events[group.tellings[0]];
        (*s, e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Corpus;

    fn corpus(texts: &[&str]) -> Corpus {
        let mut c = Corpus::of_plain_texts(texts);
        c.place_in_time(None);
        c
    }

    #[test]
    fn years_head_their_events_and_the_selection_skips_them() {
        let c = corpus(&[
            "Title\n\nThe summit in Madrid took place in June 2022 with partners.\n\nIn 2012 they agreed a plan.",
            "Other\n\nLeaders met at the Madrid summit with partners in June 2022.",
        ]);
        let list = EventList::new(&c);
        assert_eq!(
            list.rows,
            [
                EventRow::Year(2012),
                EventRow::Event(0),
                EventRow::Year(2022),
                EventRow::Event(1)
            ]
        );
        assert_eq!(list.groups[1].tellings.len(), 2, "one event told twice");
        assert_eq!(
            list.list.selected, 1,
            "opens on the first event, not its year"
        );
        assert_eq!(list.event_position(2, true), 3);
        assert_eq!(list.event_position(2, false), 1);
        assert_eq!(list.event_position(0, false), 1);
        assert_eq!(list.event_position(99, true), 3);
    }
}
