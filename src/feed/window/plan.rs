//! Where every loaded post sits in the feed's full layout, whether or not it is in the page:
//! the arithmetic of windowing, apart from the DOM. From the posts' heights (grid and list)
//! or their cells (masonry), a plan answers which posts a stretch of the list needs, how
//! tall the space before and after them stands in for the rest, and, for masonry, where each
//! rendered post goes.

use std::ops::Range;

use super::super::masonry::{place, Cell};

/// A stretch of the list, in CSS pixels from its top.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Span {
    /// Where it starts.
    pub top: f64,
    /// Where it ends.
    pub bottom: f64,
}

impl Span {
    /// This span grown by `by` pixels at each end.
    pub fn grown(self, by: f64) -> Self {
        Self {
            top: self.top - by,
            bottom: self.bottom + by,
        }
    }
}

/// The full layout of the posts loaded, as if all were rendered.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// Each post's extent.
    extents: Vec<Span>,
    /// Where a rendered stretch may begin: at a multiple of this many posts (a row's worth,
    /// so the grid's columns keep their posts).
    stride: usize,
    /// The masonry cells, when the layout is masonry.
    cells: Vec<Cell>,
    /// The height of the whole list.
    total: f64,
}

impl Plan {
    /// Posts in rows of `columns` (one for a list), each row as tall as its tallest post
    /// (`heights`, in order), rows `gap` pixels apart.
    pub fn rows(heights: &[f64], columns: usize, gap: f64) -> Self {
        let columns = columns.max(1);
        let mut extents = Vec::with_capacity(heights.len());
        let mut top = 0.0;
        for row in heights.chunks(columns) {
            let height = row.iter().copied().fold(0.0, f64::max);
            extents.extend(row.iter().map(|_| Span {
                top,
                bottom: top + height,
            }));
            top += height + gap;
        }
        let total = if heights.is_empty() { 0.0 } else { top - gap };
        Self {
            extents,
            stride: columns,
            cells: Vec::new(),
            total,
        }
    }

    /// Posts spanning `spans` rows of `unit` pixels each in a masonry grid of `columns`.
    pub fn masonry(spans: &[u32], columns: usize, unit: f64) -> Self {
        let cells = place(spans, columns);
        let extents: Vec<Span> = cells
            .iter()
            .map(|cell| Span {
                top: f64::from(cell.row) * unit,
                bottom: f64::from(cell.row + cell.span) * unit,
            })
            .collect();
        let total = extents.iter().map(|span| span.bottom).fold(0.0, f64::max);
        Self {
            extents,
            stride: 1,
            cells,
            total,
        }
    }

    /// How many posts the plan holds.
    pub fn len(&self) -> usize {
        self.extents.len()
    }

    /// The posts to render so that `view` is covered, at most `limit` of them (never fewer
    /// than a row): from the first that reaches into the view to the last that starts in it.
    pub fn window(&self, view: Span, limit: usize) -> Range<usize> {
        let len = self.len();
        // Tops never go back up (rows and masonry alike); bottoms may, in masonry.
        let end = self.extents.partition_point(|span| span.top < view.bottom);
        let start = self
            .extents
            .iter()
            .position(|span| span.bottom > view.top)
            .unwrap_or(len)
            .min(end.saturating_sub(1));
        let start = start - start % self.stride;
        let limit = (limit - limit % self.stride).max(self.stride);
        start..end.max(start).min(start + limit).min(len)
    }

    /// The heights standing in before and after the posts of `range`: the space the posts
    /// before it take, and the space from the rendered posts' bottom to the list's end.
    pub fn edges(&self, range: &Range<usize>) -> (f64, f64) {
        let shown = &self.extents[range.start.min(self.len())..range.end.min(self.len())];
        let Some(first) = shown.first() else {
            return (0.0, self.total);
        };
        let bottom = shown.iter().map(|span| span.bottom).fold(0.0, f64::max);
        (first.top, (self.total - bottom).max(0.0))
    }

    /// For masonry, the grid lines of each post of `range` counted from the first rendered
    /// row: `(row, column, span)`, one-based as CSS counts them. Empty for other layouts.
    pub fn placements(&self, range: &Range<usize>) -> Vec<(u32, u32, u32)> {
        let Some(cells) = self.cells.get(range.clone()) else {
            return Vec::new();
        };
        let base = cells.first().map_or(0, |cell| cell.row);
        cells
            .iter()
            .map(|cell| (cell.row - base + 1, cell.column + 1, cell.span))
            .collect()
    }

    /// A step from the rendered `current` toward `target` that renders at most `most` posts
    /// more (rounded to whole rows), never leaving out the posts of `visible`: a long move
    /// is made over several frames, each laying out a few posts. A jump with nothing in
    /// common starts from the visible posts alone.
    pub fn step(
        &self,
        current: &Range<usize>,
        target: &Range<usize>,
        visible: &Range<usize>,
        most: usize,
    ) -> Range<usize> {
        let stride = self.stride;
        let most = (most - most % stride).max(stride);
        let current = if current.start < target.end && target.start < current.end {
            current.clone()
        } else {
            visible.clone()
        };
        let mut budget = most;
        let end = if target.end > current.end {
            let end = target.end.min(current.end + budget);
            budget -= end - current.end;
            end
        } else {
            target.end
        };
        let start = if target.start < current.start {
            // Upward, whole rows only: the start stays on a row's first post.
            let reach = budget - budget % stride;
            target.start.max(current.start.saturating_sub(reach))
        } else {
            target.start
        };
        let start = start.min(visible.start);
        start..end.max(visible.end).max(start)
    }

    /// Where post `index` lies.
    pub fn extent(&self, index: usize) -> Option<Span> {
        self.extents.get(index).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(top: f64, bottom: f64) -> Span {
        Span { top, bottom }
    }

    #[test]
    fn rows_stack_at_their_tallest_post_with_gaps_between() {
        let plan = Plan::rows(&[100.0, 120.0, 100.0, 80.0, 50.0], 2, 10.0);
        assert_eq!(plan.extents[0], view(0.0, 120.0));
        assert_eq!(plan.extents[1], view(0.0, 120.0));
        assert_eq!(plan.extents[2], view(130.0, 230.0));
        assert_eq!(plan.extents[4], view(240.0, 290.0));
        assert_eq!(plan.total, 290.0);
        assert_eq!(Plan::rows(&[], 3, 10.0).total, 0.0);
    }

    #[test]
    fn a_window_covers_the_view_from_a_row_start_within_the_limit() {
        // Rows of three, each 100 tall with 10 between: row r starts at 110 r.
        let plan = Plan::rows(&[100.0; 30], 3, 10.0);
        // The view from 250 to 480 touches rows 2 (220–320) to 4 (440–540).
        assert_eq!(plan.window(view(250.0, 480.0), 100), 6..15);
        // A limit is rounded down to whole rows.
        assert_eq!(plan.window(view(250.0, 480.0), 7), 6..12);
        // Never less than a row, and never past the end.
        assert_eq!(plan.window(view(250.0, 480.0), 1), 6..9);
        assert_eq!(plan.window(view(5000.0, 6000.0), 100), 27..30);
        assert_eq!(plan.window(view(-500.0, -10.0), 100), 0..0);
        assert_eq!(Plan::rows(&[], 3, 10.0).window(view(0.0, 100.0), 10), 0..0);
    }

    #[test]
    fn a_long_move_is_made_a_few_posts_at_a_time() {
        let plan = Plan::rows(&[100.0; 60], 3, 10.0);
        // Down: at most two rows more, the rows left behind dropped at once.
        assert_eq!(plan.step(&(0..15), &(9..36), &(12..18), 6), 9..21);
        // But the visible rows always, whatever the budget.
        assert_eq!(plan.step(&(0..15), &(9..36), &(18..27), 3), 9..27);
        // Up: whole rows, ending where the target ends.
        assert_eq!(plan.step(&(30..45), &(12..36), &(27..33), 7), 24..36);
        // A move within budget reaches its target.
        assert_eq!(plan.step(&(0..15), &(3..18), &(6..12), 6), 3..18);
        // A jump starts from the visible posts.
        assert_eq!(plan.step(&(0..15), &(30..51), &(36..42), 6), 36..48);
        // Shrinking costs nothing.
        assert_eq!(plan.step(&(0..30), &(3..18), &(6..12), 3), 3..18);
    }

    #[test]
    fn edges_stand_in_for_the_rows_before_and_after() {
        let plan = Plan::rows(&[100.0; 30], 3, 10.0);
        // Rows 2–4 rendered: two rows before (220), five after (550 = 1090 − 540).
        assert_eq!(plan.edges(&(6..15)), (220.0, 550.0));
        assert_eq!(plan.edges(&(0..30)), (0.0, 0.0));
        assert_eq!(plan.edges(&(0..0)), (0.0, 1090.0));
    }

    #[test]
    fn masonry_windows_start_at_the_first_post_reaching_the_view() {
        // Two columns, rows of 10 px: a tall post beside short ones.
        let plan = Plan::masonry(&[40, 10, 10, 10, 10, 20], 2, 10.0);
        // Cells: (0,0) 0–400, (0,1) 0–100, (10,1) 100–200, (20,1) 200–300, (30,1) 300–400,
        // (40,0) 400–600. The view 250–350 needs the tall first post as well.
        assert_eq!(plan.window(view(250.0, 350.0), 100), 0..5);
        assert_eq!(plan.window(view(410.0, 500.0), 100), 5..6);
        assert_eq!(plan.edges(&(5..6)), (400.0, 0.0));
        assert_eq!(plan.edges(&(1..3)), (0.0, 400.0));
        assert_eq!(plan.placements(&(2..4)), vec![(1, 2, 10), (11, 2, 10)]);
        assert_eq!(plan.placements(&(5..6)), vec![(1, 1, 20)]);
        assert!(Plan::rows(&[1.0], 1, 0.0).placements(&(0..1)).is_empty());
    }
}
