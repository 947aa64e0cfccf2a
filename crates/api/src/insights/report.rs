//! The figures of an insights report: totals, the funnel, the daily series, the leading ideas
//! and posts, and the ideas that reached their board's supporter threshold.
//!
//! Counts are exact; rates are ratios rounded to four decimals, and `null` when no visitor was
//! seen in the period, since a rate over nobody is undefined (and `0` would read as "nobody
//! took part").

use serde::{Deserialize, Serialize};

use crate::insights::{Period, PlaceKind};

/// Most ideas and posts a report lists as leading.
pub const TOP_MAX: usize = 5;

/// `GET /v1/moderation/insights`: how a site, or one of its places, engaged visitors over a
/// period.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Insights {
    /// The site's slug.
    pub site: String,
    /// The kind of place the report narrows to; absent for the whole site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place_kind: Option<PlaceKind>,
    /// The slug of the place the report narrows to; absent for the whole site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The days covered.
    pub period: Period,
    /// The figures over the whole period.
    pub totals: InsightsTotals,
    /// How far visitors went.
    pub funnel: Funnel,
    /// One entry per day of the period, oldest first, days without activity included.
    pub daily: Vec<DailyInsights>,
    /// Up to [`TOP_MAX`] ideas that gained the most votes in the period, most first.
    pub top_ideas: Vec<TopItem>,
    /// Up to [`TOP_MAX`] posts that gained the most likes in the period, most first.
    pub top_posts: Vec<TopItem>,
    /// Ideas whose vote reaching their board's supporter threshold came in the period, in
    /// the order they reached it.
    pub thresholds: Vec<ThresholdCrossing>,
}

/// The figures over a whole period.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InsightsTotals {
    /// Distinct visitors whose widget reported it was seen (one count per visitor however
    /// many days and places).
    pub visitors: u32,
    /// Distinct identities that voted, liked, commented, or submitted an idea, a post or a
    /// form.
    pub participants: u32,
    /// `participants / visitors`; `null` without visitors. Signed-in users count as
    /// participants under their account, so it can exceed 1.
    pub participation_rate: Option<f64>,
    /// Ideas, posts and form submissions (a form submission that became an idea or post
    /// counts once, as that idea or post, in a whole-site report).
    pub submissions: u32,
    /// Submissions per 100 visitors; `null` without visitors.
    pub co_creation_rate: Option<f64>,
    /// Votes cast on ideas.
    pub votes: u32,
    /// Likes given to posts.
    pub likes: u32,
    /// `votes / visitors`; `null` without visitors.
    pub votes_per_visitor: Option<f64>,
    /// `likes / visitors`; `null` without visitors.
    pub likes_per_visitor: Option<f64>,
    /// Comments on ideas.
    pub comments: u32,
    /// Participants of the period who had also taken part in the same site or place before
    /// the period began.
    pub returning_contributors: u32,
}

/// How far visitors went: distinct identities at each step. A step counts whoever took it,
/// whether or not their widget reported being seen, so a later step can exceed an earlier
/// one.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Funnel {
    /// Visitors whose widget reported being seen.
    pub seen: u32,
    /// Identities that voted on an idea or liked a post.
    pub voted: u32,
    /// Identities that submitted an idea, a post or a form.
    pub submitted: u32,
}

/// One day of the series.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DailyInsights {
    /// The UTC day, `YYYY-MM-DD`.
    pub day: String,
    /// Distinct visitors seen that day.
    pub visitors: u32,
    /// Distinct participants that day.
    pub participants: u32,
    /// Votes cast that day.
    pub votes: u32,
    /// Likes given that day.
    pub likes: u32,
    /// Comments written that day.
    pub comments: u32,
    /// Submissions made that day.
    pub submissions: u32,
}

/// An idea or post that led the period.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopItem {
    /// The idea's or post's id.
    pub id: String,
    /// The idea's title, or the post's caption (its alt text when it has none).
    pub title: String,
    /// Votes (ideas) or likes (posts) gained in the period.
    pub count: u32,
}

/// An idea that reached its board's supporter threshold.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThresholdCrossing {
    /// The idea's id.
    pub idea_id: String,
    /// The idea's title.
    pub title: String,
    /// The board's slug.
    pub board: String,
    /// The board's supporter threshold.
    pub threshold: u32,
    /// When the vote that reached it arrived (RFC 3339, UTC), counting the votes that still
    /// stand.
    pub at: String,
}

/// `count` per `per` visitors, rounded to four decimals; `None` without visitors.
pub fn rate(count: u32, visitors: u32, per: u32) -> Option<f64> {
    (visitors > 0).then(|| {
        let ratio = f64::from(count) * f64::from(per) / f64::from(visitors);
        (ratio * 10_000.0).round() / 10_000.0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_round_to_four_decimals_and_need_visitors() {
        assert_eq!(rate(3, 4, 1), Some(0.75));
        assert_eq!(rate(1, 3, 1), Some(0.3333));
        assert_eq!(rate(2, 3, 100), Some(66.6667));
        assert_eq!(rate(5, 4, 1), Some(1.25));
        assert_eq!(rate(0, 7, 100), Some(0.0));
        assert_eq!(rate(3, 0, 1), None);
    }
}
