//! A selection in a list and the window of it in view: shared by every list the left pane
//! shows (sources, quotes, speakers).

use std::ops::Range;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    /// Position of the selected row.
    pub selected: usize,
    /// First visible position.
    pub offset: usize,
    /// Rows in view.
    pub height: usize,
}

impl ListCursor {
    /// Select `position` (clamped to a list of `len` rows) and scroll just enough to show it.
    pub fn select(&mut self, position: usize, len: usize) {
        if len == 0 {
            *self = ListCursor {
                height: self.height,
                ..ListCursor::default()
            };
            return;
        }
        self.selected = position.min(len - 1);
        let height = self.height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }

    /// The positions in view.
    pub fn visible(&self, len: usize) -> Range<usize> {
        self.offset.min(len)..(self.offset + self.height).min(len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_selection_stays_in_view_and_in_range() {
        let mut c = ListCursor {
            height: 3,
            ..ListCursor::default()
        };
        c.select(5, 10);
        assert_eq!((c.selected, c.offset), (5, 3));
        c.select(1, 10);
        assert_eq!((c.selected, c.offset), (1, 1));
        c.select(usize::MAX, 10);
        assert_eq!((c.selected, c.offset), (9, 7));
        assert_eq!(c.visible(10), 7..10);
        c.select(4, 2);
        assert_eq!((c.selected, c.offset), (1, 0), "a shorter list clamps");
        c.select(0, 0);
        assert_eq!(c.selected, 0);
    }
}
