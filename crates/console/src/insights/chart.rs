//! The insights' charts, drawn as SVG by the console itself: the daily series as lines (each
//! with its own colour and dash, so none is told by colour alone) and the funnel as bars,
//! each with a text alternative; the numbers behind them are in tables beside.

use kindred_api::insights::{DailyInsights, Funnel};
use leptos::prelude::*;

use crate::text;

/// The drawing's size, in its own units.
const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 200.0;
/// Room for the axis labels.
const LEFT: f64 = 40.0;
const BOTTOM: f64 = 20.0;

/// A daily series: its name, its line's class, and how to read its value from a day.
type Series = (&'static str, &'static str, fn(&DailyInsights) -> u32);

/// The series the chart draws.
const SERIES: [Series; 4] = [
    (text::VISITORS, "chart__line--visitors", |day| day.visitors),
    (text::PARTICIPANTS, "chart__line--participants", |day| {
        day.participants
    }),
    (text::VOTES, "chart__line--votes", |day| day.votes),
    (text::SUBMISSIONS, "chart__line--submissions", |day| {
        day.submissions
    }),
];

/// The points of `values` drawn in the chart, `x,y` pairs separated by spaces, scaled to
/// `top` (the highest value shown).
pub fn points(values: &[u32], top: u32) -> String {
    let span = (values.len().max(2) - 1) as f64;
    let top = f64::from(top.max(1));
    values
        .iter()
        .enumerate()
        .map(|(index, value)| {
            let x = LEFT + (WIDTH - LEFT) * index as f64 / span;
            let y = (HEIGHT - BOTTOM) * (1.0 - f64::from(*value) / top);
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The daily series as lines over the period.
#[component]
pub fn SeriesChart(
    /// One entry a day.
    daily: Vec<DailyInsights>,
) -> impl IntoView {
    let top = daily
        .iter()
        .flat_map(|day| SERIES.map(|(_, _, value)| value(day)))
        .max()
        .unwrap_or(0);
    let first = daily.first().map(|day| day.day.clone()).unwrap_or_default();
    let last = daily.last().map(|day| day.day.clone()).unwrap_or_default();
    let lines = SERIES.map(|(name, class, value)| {
        let values: Vec<u32> = daily.iter().map(value).collect();
        view! { <polyline class=format!("chart__line {class}") points=points(&values, top)><title>{name}</title></polyline> }
    });
    let description = text::series_description(&first, &last, top);
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img"
                aria-labelledby="series-title series-desc" data-testid="series-chart">
                <title id="series-title">{text::DAILY}</title>
                <desc id="series-desc">{description}</desc>
                <line class="chart__axis" x1=LEFT y1="0" x2=LEFT y2=HEIGHT - BOTTOM/>
                <line class="chart__axis" x1=LEFT y1=HEIGHT - BOTTOM x2=WIDTH y2=HEIGHT - BOTTOM/>
                <text class="chart__label" x="0" y="12">{top}</text>
                <text class="chart__label" x="0" y=HEIGHT - BOTTOM>"0"</text>
                <text class="chart__label" x=LEFT y=HEIGHT - 4.0>{first}</text>
                <text class="chart__label" x=WIDTH y=HEIGHT - 4.0 text-anchor="end">{last}</text>
                {lines}
            </svg>
            <figcaption class="chart__legend">
                {SERIES.map(|(name, class, _)| view! {
                    <span class="chart__key">
                        <svg viewBox="0 0 24 8" width="24" height="8" aria-hidden="true">
                            <line class=format!("chart__line {class}") x1="0" y1="4" x2="24" y2="4"/>
                        </svg>
                        {name}
                    </span>
                })}
            </figcaption>
        </figure>
    }
}

/// The funnel: who saw a widget, who voted or liked, who submitted, as bars.
#[component]
pub fn FunnelChart(
    /// The funnel's steps.
    funnel: Funnel,
) -> impl IntoView {
    let steps = [
        (text::FUNNEL_SEEN, funnel.seen),
        (text::FUNNEL_VOTED, funnel.voted),
        (text::FUNNEL_SUBMITTED, funnel.submitted),
    ];
    let top = steps
        .iter()
        .map(|(_, count)| *count)
        .max()
        .unwrap_or(0)
        .max(1);
    let bars = steps.into_iter().enumerate().map(|(index, (name, count))| {
        let y = 10.0 + index as f64 * 40.0;
        let width = (WIDTH - 200.0) * f64::from(count) / f64::from(top);
        view! {
            <text class="chart__label" x="0" y=y + 18.0>{name}</text>
            <rect class="chart__bar" x="180" y=y width=format!("{width:.1}") height="26"/>
            <text class="chart__label" x=186.0 + width y=y + 18.0>{count}</text>
        }
    });
    view! {
        <figure class="chart">
            <svg viewBox="0 0 600 130" role="img" aria-labelledby="funnel-title"
                data-testid="funnel-chart">
                <title id="funnel-title">{text::funnel_description(&funnel)}</title>
                {bars.collect_view()}
            </svg>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_span_the_width_and_scale_to_the_top() {
        assert_eq!(points(&[0, 5, 10], 10), "40.0,180.0 320.0,90.0 600.0,0.0");
        // One day is drawn at the start; a period of nothing lies on the axis.
        assert_eq!(points(&[3], 3), "40.0,0.0");
        assert_eq!(points(&[0, 0], 0), "40.0,180.0 600.0,180.0");
    }
}
