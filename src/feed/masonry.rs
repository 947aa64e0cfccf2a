//! The masonry layout without script or inline styles: the grid's rows are a twentieth of a
//! column's width, so a photo spans as many rows as its proportions say, read from the width
//! and height the API gives. Posts keep their order, row after row, for keyboard and
//! screen-reader users; the stylesheet maps each `data-span` to its row span.

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

#[cfg(test)]
mod tests {
    use super::*;

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
