//! The list's grid as the stylesheet laid it out: how many columns, how wide, how far apart
//! its rows are and, in masonry, how tall a row is. Windowing reads them from the browser
//! rather than assuming them, since themes and container queries decide them.

use web_sys::Element;

use super::super::masonry::MASONRY_ROWS;

/// The list's grid.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometry {
    /// How many columns.
    pub columns: usize,
    /// How wide a column is, in CSS pixels.
    pub column_width: f64,
    /// The space between rows.
    pub row_gap: f64,
    /// How tall a masonry row is, as the browser sizes it (in 64ths of a pixel); zero for
    /// other layouts.
    pub unit: f64,
}

impl Geometry {
    /// The grid of `list`, once laid out, reading the row height when it is a `masonry` grid.
    pub fn of(list: &Element, masonry: bool) -> Option<Self> {
        let style = web_sys::window()?.get_computed_style(list).ok()??;
        let value = |name: &str| style.get_property_value(name).unwrap_or_default();
        let tracks = value("grid-template-columns");
        let widths: Vec<f64> = tracks.split_whitespace().filter_map(pixels).collect();
        let column_width = *widths.first()?;
        // The size rows are given, else the last row's as laid out (the first may be the
        // windowing's spacer), else what the stylesheet says they are: a twentieth of a column.
        let unit = if masonry {
            pixels(&value("grid-auto-rows"))
                .or_else(|| {
                    value("grid-template-rows")
                        .split_whitespace()
                        .last()
                        .and_then(pixels)
                })
                .unwrap_or(column_width / f64::from(MASONRY_ROWS))
        } else {
            0.0
        };
        Some(Self {
            columns: widths.len(),
            column_width,
            row_gap: pixels(&value("row-gap")).unwrap_or(0.0),
            unit: layout_units(unit),
        })
    }
}

/// A CSS pixel length such as `12.5px`.
fn pixels(value: &str) -> Option<f64> {
    value.trim().strip_suffix("px")?.parse().ok()
}

/// `length` as the browser lays it out: in whole 64ths of a pixel, rounded down, so that many
/// rows add up to what the browser's own rows do.
fn layout_units(length: f64) -> f64 {
    (length * 64.0).floor() / 64.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pixel_lengths_parse_and_others_do_not() {
        assert_eq!(pixels("12.5px"), Some(12.5));
        assert_eq!(pixels(" 8px "), Some(8.0));
        assert_eq!(pixels("normal"), None);
        assert_eq!(pixels("auto"), None);
    }

    #[test]
    fn lengths_round_down_to_the_layout_unit() {
        assert_eq!(layout_units(12.3438), 12.34375);
        assert_eq!(layout_units(10.0), 10.0);
    }
}
