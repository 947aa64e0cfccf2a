//! Engagement insights for the brand's community team: how a site, or one board, feed or form
//! of it, engaged visitors over a period of UTC days.
//!
//! - `GET /v1/moderation/insights?site=&board=|feed=|form=&from=&to=` → [`Insights`]: totals,
//!   the funnel, the daily series, the leading ideas and posts, and the ideas that reached
//!   their board's supporter threshold (see [`crate::store::insights`] for what counts).
//! - `GET /v1/moderation/insights.csv` with the same parameters → `text/csv; charset=utf-8` as
//!   an attachment: the daily series with a total row, then, after an empty line, every other
//!   figure as `metric,value` (rates left empty when there were no visitors).
//!
//! `site` is required; at most one of `board`, `feed` and `form` narrows the report to that
//! place. `from` and `to` (`YYYY-MM-DD`, both included) default to the last 30 days up to
//! today and may span at most 366 days. Bad dates, a reversed or too long period, or more than
//! one place → 400 `bad_request` naming the parameters in `fields`; unknown site or place →
//! 404.

use std::time::{SystemTime, UNIX_EPOCH};

use axum::extract::State;
use axum::response::IntoResponse;
use axum::Json;
use kindred_api::insights::{Insights, Period, PlaceKind};
use kindred_api::validate;
use kindred_api::{Day, ErrorBody};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::admin::{Admin, AdminKeyErrors};
use crate::csv;
use crate::error::{Error, Result};
use crate::extract::ApiQuery;
use crate::routes::moderation::{checked_slug, site_id};
use crate::state::AppState;
use crate::store::insights::{InsightsQuery, Place};

/// The insights routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(insights_show))
        .routes(routes!(insights_csv))
}

/// What a report covers, as the query string names it.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct InsightsParams {
    /// The site's slug.
    site: String,
    /// Only the board with this slug.
    board: Option<String>,
    /// Only the feed with this slug.
    feed: Option<String>,
    /// Only the form with this slug.
    form: Option<String>,
    /// The first UTC day, `YYYY-MM-DD` (default: 29 days before `to`).
    from: Option<String>,
    /// The last UTC day, included, `YYYY-MM-DD` (default: today).
    to: Option<String>,
}

/// The answers of a report request with parameters that name nothing or break the rules.
#[derive(utoipa::IntoResponses)]
pub enum ReportErrors {
    /// No `site`, a bad date, a reversed or too long period, or more than one place; `fields`
    /// names the parameters.
    #[response(status = 400)]
    BadRequest(ErrorBody),
    /// No such site, or no such board, feed or form on it.
    #[response(status = 404)]
    NotFound(ErrorBody),
}

/// How a site, or one of its places, engaged visitors over a period.
#[utoipa::path(
    get,
    path = "/v1/moderation/insights",
    tag = "moderation",
    params(InsightsParams),
    security(("admin" = [])),
    responses(
        (status = OK, description = "The report", body = Insights),
        ReportErrors,
        AdminKeyErrors,
    ),
)]
async fn insights_show(
    _: Admin,
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<InsightsParams>,
) -> Result<Json<Insights>> {
    Ok(Json(report(&state, &params).await?))
}

/// The same report as CSV, for spreadsheets.
#[utoipa::path(
    get,
    path = "/v1/moderation/insights.csv",
    tag = "moderation",
    params(InsightsParams),
    security(("admin" = [])),
    responses(
        (status = OK, description = "The daily series with a total row, then every other figure as `metric,value`", content_type = "text/csv", body = String),
        ReportErrors,
        AdminKeyErrors,
    ),
)]
async fn insights_csv(
    _: Admin,
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<InsightsParams>,
) -> Result<impl IntoResponse> {
    let insights = report(&state, &params).await?;
    // Slugs and days are lowercase letters, digits and hyphens, safe inside the quoted name.
    let place = insights
        .place
        .as_deref()
        .map_or_else(String::new, |slug| format!("-{slug}"));
    let file_name = format!(
        "{}{place}-insights-{}-{}.csv",
        insights.site, insights.period.from, insights.period.to
    );
    Ok(csv::download(&file_name, document(&insights)))
}

/// The report `params` ask for, after checking them.
async fn report(state: &AppState, params: &InsightsParams) -> Result<Insights> {
    let named: Vec<(PlaceKind, &str)> = [
        (PlaceKind::Board, &params.board),
        (PlaceKind::Feed, &params.feed),
        (PlaceKind::Form, &params.form),
    ]
    .into_iter()
    .filter_map(|(kind, slug)| Some((kind, slug.as_deref().filter(|s| !s.is_empty())?)))
    .collect();
    let period = Period::resolve(params.from.as_deref(), params.to.as_deref(), today());
    let mut errors = period.as_ref().err().cloned().unwrap_or_default();
    if named.len() > 1 {
        for (kind, _) in &named {
            validate::push(&mut errors, kind.as_str(), validate::INVALID);
        }
    }
    if !errors.is_empty() {
        return Err(Error::BadQuery(errors));
    }
    let (first, last) = period.map_err(Error::BadQuery)?;
    let site_id = site_id(state, &params.site).await?;
    let mut place = None;
    if let Some(&(kind, slug)) = named.first() {
        let what = kind.as_str();
        let id = state
            .store
            .place_id(site_id, kind, checked_slug(slug, what)?)
            .await?
            .ok_or_else(|| Error::not_found(format!("no {what} with this slug on this site")))?;
        place = Some(Place { kind, slug, id });
    }
    let query = InsightsQuery {
        site_id,
        site: &params.site,
        place,
        first,
        last,
    };
    state.store.insights(&query).await
}

/// Today in UTC.
fn today() -> Day {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    let days = i64::try_from(seconds / 86_400).unwrap_or(0);
    Day::from_epoch_days(days).unwrap_or_else(|| Day::parse("1970-01-01").expect("a real day"))
}

/// The header row of the daily series, which the total row follows.
const DAILY_COLUMNS: [&str; 7] = [
    "day",
    "visitors",
    "participants",
    "votes",
    "likes",
    "comments",
    "submissions",
];

/// The CSV document of `insights`.
fn document(insights: &Insights) -> String {
    let totals = &insights.totals;
    let mut document = csv::Writer::new();
    document.row(DAILY_COLUMNS);
    for day in &insights.daily {
        let numbers = [
            day.visitors,
            day.participants,
            day.votes,
            day.likes,
            day.comments,
            day.submissions,
        ];
        document.row(std::iter::once(day.day.clone()).chain(numbers.map(|n| n.to_string())));
    }
    let sums = [
        totals.visitors,
        totals.participants,
        totals.votes,
        totals.likes,
        totals.comments,
        totals.submissions,
    ];
    document.row(std::iter::once("total".to_owned()).chain(sums.map(|n| n.to_string())));
    document.row([""]);
    document.row(["metric", "value"]);
    let rate = |rate: Option<f64>| rate.map_or_else(String::new, |rate| rate.to_string());
    let metrics = [
        ("from", insights.period.from.clone()),
        ("to", insights.period.to.clone()),
        ("participation_rate", rate(totals.participation_rate)),
        ("co_creation_rate", rate(totals.co_creation_rate)),
        ("votes_per_visitor", rate(totals.votes_per_visitor)),
        ("likes_per_visitor", rate(totals.likes_per_visitor)),
        (
            "returning_contributors",
            totals.returning_contributors.to_string(),
        ),
        ("funnel_seen", insights.funnel.seen.to_string()),
        ("funnel_voted", insights.funnel.voted.to_string()),
        ("funnel_submitted", insights.funnel.submitted.to_string()),
    ];
    for (metric, value) in metrics {
        document.row([metric, value.as_str()]);
    }
    document.finish()
}
