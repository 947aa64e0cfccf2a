//! The masonry layout: the grid's rows are a twentieth of a column's width, so a photo spans
//! as many rows as its proportions say, read from the width and height the API gives. Posts
//! keep their order, row after row, for keyboard and screen-reader users. The stylesheet maps
//! each `data-span` to its row span and lets the grid place the posts; once the feed is
//! windowed (see [`super::window`]) it places them itself, in the same cells, computed here.

/// Rows of the masonry grid per column width: a photo spans its height over its width times
/// this many rows.
pub const MASONRY_ROWS: u32 = 20;

/// The rows a photo of `width` × `height` spans in the masonry grid, kept between very wide
/// and very tall so no post is a sliver.
pub fn masonry_span(width: u32, height: u32) -> u32 {
    if width == 0 {
        return MASONRY_ROWS;
    }
    let rows = (u64::from(height) * u64::from(MASONRY_ROWS) * 2 + u64::from(width))
        / (2 * u64::from(width));
    (rows as u32).clamp(MASONRY_ROWS * 2 / 5, MASONRY_ROWS * 5 / 2)
}

/// A post's cell in the masonry grid, counted from zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell {
    /// The first row it covers.
    pub row: u32,
    /// Its column.
    pub column: u32,
    /// How many rows it spans.
    pub span: u32,
}

/// The cells of posts spanning `spans` rows in a grid of `columns`, as CSS grid's sparse
/// auto-placement puts them: each post in the first column, at or after its predecessor's
/// place in reading order, that is free from there down.
pub fn place(spans: &[u32], columns: usize) -> Vec<Cell> {
    let columns = columns.max(1);
    // The first free row of each column; every post starts at or above the cursor's row, so a
    // column is free from the cursor down once its bottom is reached.
    let mut bottoms = vec![0u32; columns];
    let (mut row, mut column) = (0u32, 0usize);
    spans
        .iter()
        .map(|&span| {
            loop {
                while column < columns && bottoms[column] > row {
                    column += 1;
                }
                if column < columns {
                    break;
                }
                let lowest = bottoms.iter().copied().min().unwrap_or(0);
                row = lowest.max(row + 1);
                column = 0;
            }
            bottoms[column] = row + span;
            Cell {
                row,
                column: column as u32,
                span,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(spans: &[u32], columns: usize) -> Vec<(u32, u32)> {
        place(spans, columns)
            .into_iter()
            .map(|cell| (cell.row, cell.column))
            .collect()
    }

    #[test]
    fn posts_fill_the_first_row_then_the_first_freed_columns_in_reading_order() {
        // Three columns: a tall, a short and a middling post, then the next goes where a
        // column frees first, at or after its predecessor.
        assert_eq!(
            cells(&[30, 10, 20, 10, 10, 20], 3),
            vec![(0, 0), (0, 1), (0, 2), (10, 1), (20, 1), (20, 2)]
        );
    }

    #[test]
    fn a_post_goes_where_a_column_frees_first_in_reading_order() {
        // Two columns: the third post goes under the second, which ends first; the fourth
        // under the first, on the row where both columns are free.
        assert_eq!(
            cells(&[20, 10, 10, 5], 2),
            vec![(0, 0), (0, 1), (10, 1), (20, 0)]
        );
    }

    #[test]
    fn one_column_stacks_and_no_columns_counts_as_one() {
        assert_eq!(cells(&[8, 12, 8], 1), vec![(0, 0), (8, 0), (20, 0)]);
        assert_eq!(cells(&[8, 12], 0), vec![(0, 0), (8, 0)]);
        assert!(place(&[], 4).is_empty());
    }

    #[test]
    fn masonry_spans_follow_the_photo_proportions_within_bounds() {
        assert_eq!(masonry_span(1080, 1080), 20);
        assert_eq!(masonry_span(1080, 720), 13);
        assert_eq!(masonry_span(720, 1080), 30);
        assert_eq!(masonry_span(4000, 100), 8);
        assert_eq!(masonry_span(100, 4000), 50);
        assert_eq!(masonry_span(0, 500), 20);
    }
}
