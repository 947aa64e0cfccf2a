//! Engagement insights: what widgets report about being seen (`POST
//! /v1/sites/{site}/engagement`) and what the brand's community team reads back, per site,
//! board, feed or form and period (`GET /v1/moderation/insights`, admin key only).
//!
//! One concept a module: [`engagement`] (the widget's batch of events and its rules),
//! [`period`] (the days a report covers and how a request names them) and [`report`] (the
//! figures). Everything is re-exported here, so paths stay `kindred_api::insights::X`.

mod engagement;
mod period;
mod report;

pub use engagement::{CheckedBatch, EngagementBatch, EngagementEvent, PlaceKind, EVENTS_MAX, SEEN};
pub use period::{Period, DEFAULT_DAYS, MAX_DAYS};
pub use report::{
    rate, DailyInsights, Funnel, Insights, InsightsTotals, ThresholdCrossing, TopItem, TOP_MAX,
};
