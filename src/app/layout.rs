//! Where the panes go for a terminal size. The app needs it (how many rows a page is, where a
//! click landed) and the ui draws into it, so it lives here, free of any terminal type.

use super::Pane;

/// A rectangle of cells.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Area {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

impl Area {
    pub fn contains(&self, column: u16, row: u16) -> bool {
        column >= self.x
            && column < self.x + self.width
            && row >= self.y
            && row < self.y + self.height
    }

    /// Inside a one-cell border.
    pub fn inner(&self) -> Area {
        Area {
            x: self.x + 1,
            y: self.y + 1,
            width: self.width.saturating_sub(2),
            height: self.height.saturating_sub(2),
        }
    }
}

/// Below this the explorer shows "terminal too small".
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;
/// Below this width one pane (the focused one) fills the screen.
pub const SIDE_BY_SIDE_WIDTH: u16 = 70;
/// Below this width two compared sources are stacked, one above the other.
pub const COMPARE_SIDE_BY_SIDE_WIDTH: u16 = 100;

/// The panes for a terminal of `width` x `height`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Panes {
    pub list: Option<Area>,
    pub reader: Option<Area>,
    /// Two sources compared: left and right, or top and bottom.
    pub sides: Option<[Area; 2]>,
    pub status: Area,
    pub too_small: bool,
}

pub fn panes(width: u16, height: u16, focus: Pane, comparing: bool) -> Panes {
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return Panes {
            too_small: true,
            ..Panes::default()
        };
    }
    let body = Area {
        x: 0,
        y: 0,
        width,
        height: height - 1,
    };
    let status = Area {
        x: 0,
        y: height - 1,
        width,
        height: 1,
    };
    if comparing {
        let sides = if width >= COMPARE_SIDE_BY_SIDE_WIDTH {
            let left = width / 2;
            [
                Area {
                    width: left,
                    ..body
                },
                Area {
                    x: left,
                    width: width - left,
                    ..body
                },
            ]
        } else {
            let top = body.height / 2;
            [
                Area {
                    height: top,
                    ..body
                },
                Area {
                    y: top,
                    height: body.height - top,
                    ..body
                },
            ]
        };
        return Panes {
            sides: Some(sides),
            status,
            ..Panes::default()
        };
    }
    if width < SIDE_BY_SIDE_WIDTH {
        let (list, reader) = match focus {
            Pane::List => (Some(body), None),
            Pane::Reader => (None, Some(body)),
        };
        return Panes {
            list,
            reader,
            status,
            ..Panes::default()
        };
    }
    let left = (width * 2 / 5).clamp(30, 72);
    Panes {
        list: Some(Area {
            width: left,
            ..body
        }),
        reader: Some(Area {
            x: left,
            width: width - left,
            ..body
        }),
        status,
        ..Panes::default()
    }
}

/// The finder's box over the panes: its border, the prompt line, the hits, and (when tall
/// enough) a preview of the selected hit's context.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FinderAreas {
    pub outer: Area,
    pub prompt: Area,
    pub hits: Area,
    pub preview: Option<Area>,
}

/// Rows of the finder's preview.
const PREVIEW_ROWS: u16 = 4;

pub fn finder(width: u16, height: u16) -> FinderAreas {
    let body = height.saturating_sub(1);
    let outer = Area {
        x: 0,
        y: 0,
        width,
        height: body,
    };
    let inner = outer.inner();
    let prompt = Area {
        height: inner.height.min(1),
        ..inner
    };
    let rest = inner.height.saturating_sub(1);
    let preview_rows = if rest >= 14 { PREVIEW_ROWS } else { 0 };
    let hits = Area {
        y: inner.y + 1,
        height: rest
            - if preview_rows > 0 {
                preview_rows + 1
            } else {
                0
            },
        ..inner
    };
    let preview = (preview_rows > 0).then(|| Area {
        y: hits.y + hits.height + 1,
        height: preview_rows,
        ..inner
    });
    FinderAreas {
        outer,
        prompt,
        hits,
        preview,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_terminals_split_narrow_ones_show_the_focused_pane() {
        let p = panes(200, 50, Pane::List, false);
        assert_eq!(p.list.unwrap().width + p.reader.unwrap().width, 200);
        assert_eq!(p.status.y, 49);
        let p = panes(40, 12, Pane::Reader, false);
        assert!(p.list.is_none());
        assert_eq!(p.reader.unwrap().width, 40);
        assert!(panes(10, 3, Pane::Reader, false).too_small);
        assert!(panes(1, 1, Pane::Reader, true).too_small);
    }

    #[test]
    fn compared_sources_sit_side_by_side_when_wide_and_stack_when_narrow() {
        let [l, r] = panes(120, 30, Pane::Reader, true).sides.unwrap();
        assert_eq!((l.y, r.y, l.width + r.width), (0, 0, 120));
        assert_eq!(l.height, 29);
        let [t, b] = panes(80, 30, Pane::Reader, true).sides.unwrap();
        assert_eq!((t.x, b.x, t.width, b.width), (0, 0, 80, 80));
        assert_eq!((t.height + b.height, b.y), (29, t.height));
        assert!(panes(80, 30, Pane::Reader, true).list.is_none());
    }

    #[test]
    fn the_finder_fits_any_size() {
        let f = finder(120, 40);
        assert_eq!(f.prompt.y + 1, f.hits.y);
        let preview = f.preview.unwrap();
        assert_eq!(preview.y + preview.height, f.outer.y + f.outer.height - 1);
        for (w, h) in [(MIN_WIDTH, MIN_HEIGHT), (40, 12), (300, 100)] {
            let f = finder(w, h);
            assert!(f.hits.y + f.hits.height <= h.max(1));
        }
    }
}
