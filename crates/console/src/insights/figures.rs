//! The insights' figures as the team reads them: counts, rates as percentages or per hundred
//! visitors, and a dash where a rate needs visitors there were none of.

use kindred_api::insights::InsightsTotals;
use leptos::prelude::*;

use crate::text;

/// A rate as a percentage with at most one decimal ("66.7%"), or a dash without visitors.
pub fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(
        || "–".to_owned(),
        |rate| format!("{}%", decimal(rate * 100.0)),
    )
}

/// A number with at most two decimals, trailing zeros left out ("1.5", "2"), or a dash.
pub fn amount(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), decimal)
}

fn decimal(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The totals of a report, each figure with its name and test id.
#[component]
pub fn Totals(
    /// The report's totals.
    totals: InsightsTotals,
) -> impl IntoView {
    let figures = [
        (text::VISITORS, "visitors", totals.visitors.to_string()),
        (
            text::PARTICIPANTS,
            "participants",
            totals.participants.to_string(),
        ),
        (
            text::PARTICIPATION,
            "participation-rate",
            percent(totals.participation_rate),
        ),
        (
            text::SUBMISSIONS,
            "submissions",
            totals.submissions.to_string(),
        ),
        (
            text::CO_CREATION,
            "co-creation-rate",
            amount(totals.co_creation_rate),
        ),
        (text::VOTES, "votes", totals.votes.to_string()),
        (
            text::VOTES_PER_VISITOR,
            "votes-per-visitor",
            amount(totals.votes_per_visitor),
        ),
        (text::LIKES, "likes", totals.likes.to_string()),
        (
            text::LIKES_PER_VISITOR,
            "likes-per-visitor",
            amount(totals.likes_per_visitor),
        ),
        (text::COMMENTS, "comments", totals.comments.to_string()),
        (
            text::RETURNING,
            "returning-contributors",
            totals.returning_contributors.to_string(),
        ),
    ];
    view! {
        <dl class="figures">
            {figures.into_iter().map(|(name, testid, value)| view! {
                <div class="figures__one">
                    <dt>{name}</dt>
                    <dd data-testid=testid>{value}</dd>
                </div>
            }).collect_view()}
        </dl>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_read_as_people_say_them() {
        assert_eq!(percent(Some(0.6667)), "66.67%");
        assert_eq!(percent(Some(1.0)), "100%");
        assert_eq!(percent(None), "–");
        assert_eq!(amount(Some(1.5)), "1.5");
        assert_eq!(amount(Some(33.3333)), "33.33");
        assert_eq!(amount(Some(0.0)), "0");
        assert_eq!(amount(None), "–");
    }
}
