//! The figures of an insights report, computed in the database: counts, distinct identities
//! and per-day groups come back as a handful of rows, never the rows they count.
//!
//! Every figure reads one set of contributions: votes on ideas, ideas, comments, likes on
//! posts, posts and form submissions, each with who made it and when, in the places of the
//! report's scope. Only content that is out in the open counts: ideas and comments not
//! waiting for review (or rejected), posts neither waiting for review nor rejected, and what
//! was done on them. A form submission that became an idea or a post is that idea or post in a
//! whole-site report, so it counts once; a report on the form counts the submission itself.
//! Visitors come from [`crate::store::engagement`]'s seen events, one per place, visitor and
//! day.
//!
//! The statements are assembled here from each dialect's [`InsightSql`] pieces, so the
//! definitions exist once. Parameters: 1 the site's id, 2 the scope (`site`, `board`, `feed`
//! or `form`), 3 the place's id (NULL for the site), then either 4 and 5 the period's start and
//! end as times (`YYYY-MM-DDT00:00:00.000Z`, the end excluded) or, for seen events, 4 and 5 its
//! first and last day (`YYYY-MM-DD`).

use std::collections::HashMap;

use kindred_api::insights::{
    rate, DailyInsights, Funnel, Insights, InsightsTotals, Period, PlaceKind, ThresholdCrossing,
    TopItem, TOP_MAX,
};
use kindred_api::Day;

use crate::error::Result;
use crate::store::conn::{sql, Arg, Conn};
use crate::store::{count, Store};

/// A dialect's pieces of the insight statements.
#[derive(Clone, Copy, Debug)]
pub(crate) struct InsightSql {
    /// How a parameter is written before its number: `?` or `$`.
    pub param: char,
    /// What turns a time bound as text into the type of the `created_at` columns.
    pub time_cast: &'static str,
    /// What turns a day bound as text into the type of `engagement_seen.day`.
    pub day_cast: &'static str,
    /// The UTC day (`YYYY-MM-DD`) of a stored time column.
    pub day_of: fn(column: &str) -> String,
    /// `engagement_seen e`'s day as `YYYY-MM-DD` text.
    pub seen_day: &'static str,
    /// A stored time column as RFC 3339 text in UTC with milliseconds.
    pub time_text: fn(column: &str) -> String,
    /// The `kind` of form submission `s`'s stored outcome (`idea`, `post` or `response`).
    pub outcome_kind: &'static str,
}

/// The place a report narrows to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place<'a> {
    /// A board, a feed or a form.
    pub kind: PlaceKind,
    /// Its slug.
    pub slug: &'a str,
    /// Its row id.
    pub id: i64,
}

/// What a report covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InsightsQuery<'a> {
    /// The site's row id.
    pub site_id: i64,
    /// The site's slug.
    pub site: &'a str,
    /// One board, feed or form of the site; `None` for all of them.
    pub place: Option<Place<'a>>,
    /// The first day.
    pub first: Day,
    /// The last day, included.
    pub last: Day,
}

impl InsightsQuery<'_> {
    /// Parameters 1 to 3: the site, the scope's name and the place's id.
    fn scope_args(&self) -> [Arg<'static>; 3] {
        let (kind, place) = match self.place {
            Some(place) => (place.kind.as_str(), Some(place.id)),
            None => ("site", None),
        };
        [self.site_id.into(), kind.into(), place.into()]
    }

    /// The period's start and (excluded) end as stored times are written.
    fn bounds(&self) -> (String, String) {
        let end = Day::from_epoch_days(self.last.epoch_days() + 1).unwrap_or(self.last);
        (
            format!("{}T00:00:00.000Z", self.first),
            format!("{end}T00:00:00.000Z"),
        )
    }
}

/// The totals as [`TOTALS`](totals_sql) answers them.
#[derive(Debug, sqlx::FromRow)]
struct TotalsRow {
    participants: i64,
    submissions: i64,
    votes: i64,
    likes: i64,
    comments: i64,
    returning_contributors: i64,
    voted: i64,
    submitted: i64,
}

/// One day of contributions.
#[derive(Debug, sqlx::FromRow)]
struct DayRow {
    day: String,
    participants: i64,
    votes: i64,
    likes: i64,
    comments: i64,
    submissions: i64,
}

/// `scoped_boards`, `scoped_feeds` and `scoped_forms`: the ids of the places in scope.
fn scoped(p: char) -> String {
    let places = |kind: &str, table: &str| {
        format!(
            "scoped_{table} AS (SELECT id FROM {table} WHERE site_id = {p}1
                                AND ({p}2 = 'site' OR ({p}2 = '{kind}' AND id = {p}3)))"
        )
    };
    [
        places("board", "boards"),
        places("feed", "feeds"),
        places("form", "forms"),
    ]
    .join(",\n")
}

/// Which stored times a set of contributions keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Window {
    /// The period's.
    Period,
    /// Those before the period.
    Earlier,
}

/// The condition that `column` lies in `window`.
fn within(sql: &InsightSql, window: Window, column: &str) -> String {
    let (p, cast) = (sql.param, sql.time_cast);
    match window {
        Window::Period => format!("{column} >= {p}4{cast} AND {column} < {p}5{cast}"),
        Window::Earlier => format!("{column} < {p}4{cast}"),
    }
}

/// CTE `name (identity, kind, at)`: every contribution in scope made in `window`. Kinds:
/// `vote`, `idea`, `comment`, `like`, `post`, `form`, and `routed` for a form submission
/// that became an idea or post in a whole-site report.
fn contributions(sql: &InsightSql, name: &str, window: Window) -> String {
    let p = sql.param;
    let at = |column: &str| within(sql, window, column);
    let listed_post = "p.state <> 'pending_review' AND NOT p.rejected";
    format!(
        "{name} (identity, kind, at) AS (
             SELECT v.voter, 'vote', v.created_at FROM votes v JOIN ideas i ON i.id = v.idea_id
             WHERE i.board_id IN (SELECT id FROM scoped_boards) AND NOT i.pending_review
               AND {votes}
             UNION ALL
             SELECT i.author_voter, 'idea', i.created_at FROM ideas i
             WHERE i.board_id IN (SELECT id FROM scoped_boards) AND NOT i.pending_review
               AND i.author_voter IS NOT NULL AND {ideas}
             UNION ALL
             SELECT c.author_voter, 'comment', c.created_at
             FROM comments c JOIN ideas i ON i.id = c.idea_id
             WHERE i.board_id IN (SELECT id FROM scoped_boards) AND NOT i.pending_review
               AND NOT c.pending_review AND c.author_voter IS NOT NULL AND {comments}
             UNION ALL
             SELECT l.liker, 'like', l.created_at FROM post_likes l JOIN posts p ON p.id = l.post_id
             WHERE p.feed_id IN (SELECT id FROM scoped_feeds) AND {listed_post} AND {likes}
             UNION ALL
             SELECT p.author_key, 'post', p.created_at FROM posts p
             WHERE p.feed_id IN (SELECT id FROM scoped_feeds) AND {listed_post}
               AND p.author_key IS NOT NULL AND {posts}
             UNION ALL
             SELECT s.identity,
                    CASE WHEN {p}2 = 'form' OR {outcome} = 'response' THEN 'form' ELSE 'routed' END,
                    s.created_at
             FROM form_submissions s
             WHERE s.form_id IN (SELECT id FROM scoped_forms) AND {forms}
         )",
        votes = at("v.created_at"),
        ideas = at("i.created_at"),
        comments = at("c.created_at"),
        likes = at("l.created_at"),
        posts = at("p.created_at"),
        outcome = sql.outcome_kind,
        forms = at("s.created_at"),
    )
}

/// The totals and the funnel's later steps over the period.
fn totals_sql(sql: &InsightSql) -> String {
    format!(
        "WITH {scoped}, {period}, {earlier}
         SELECT COUNT(DISTINCT identity) AS participants,
                COUNT(*) FILTER (WHERE kind IN ('idea', 'post', 'form')) AS submissions,
                COUNT(*) FILTER (WHERE kind = 'vote') AS votes,
                COUNT(*) FILTER (WHERE kind = 'like') AS likes,
                COUNT(*) FILTER (WHERE kind = 'comment') AS comments,
                COUNT(DISTINCT identity) FILTER (WHERE identity IN (SELECT identity FROM earlier))
                    AS returning_contributors,
                COUNT(DISTINCT identity) FILTER (WHERE kind IN ('vote', 'like')) AS voted,
                COUNT(DISTINCT identity) FILTER (WHERE kind <> 'vote' AND kind <> 'like'
                                                   AND kind <> 'comment') AS submitted
         FROM period",
        scoped = scoped(sql.param),
        period = contributions(sql, "period", Window::Period),
        earlier = contributions(sql, "earlier", Window::Earlier),
    )
}

/// The period's contributions per day, days without any left out.
fn daily_sql(sql: &InsightSql) -> String {
    format!(
        "WITH {scoped}, {period}
         SELECT {day} AS day,
                COUNT(DISTINCT identity) AS participants,
                COUNT(*) FILTER (WHERE kind = 'vote') AS votes,
                COUNT(*) FILTER (WHERE kind = 'like') AS likes,
                COUNT(*) FILTER (WHERE kind = 'comment') AS comments,
                COUNT(*) FILTER (WHERE kind IN ('idea', 'post', 'form')) AS submissions
         FROM period GROUP BY 1 ORDER BY 1",
        scoped = scoped(sql.param),
        period = contributions(sql, "period", Window::Period),
        day = (sql.day_of)("at"),
    )
}

/// The condition on `engagement_seen e` for the scope and the days 4 to 5.
fn seen_in_scope(sql: &InsightSql) -> String {
    let (p, cast) = (sql.param, sql.day_cast);
    format!(
        "e.site_id = {p}1 AND ({p}2 = 'site' OR (e.place_kind = {p}2 AND e.place_id = {p}3))
         AND e.day >= {p}4{cast} AND e.day <= {p}5{cast}"
    )
}

/// Distinct visitors seen in the period.
fn seen_total_sql(sql: &InsightSql) -> String {
    let scope = seen_in_scope(sql);
    format!("SELECT COUNT(DISTINCT e.visitor) FROM engagement_seen e WHERE {scope}")
}

/// Distinct visitors seen on each day of the period that had any.
fn seen_daily_sql(sql: &InsightSql) -> String {
    format!(
        "SELECT {day} AS day, COUNT(DISTINCT e.visitor) AS visitors
         FROM engagement_seen e WHERE {scope}
         GROUP BY e.day ORDER BY e.day",
        day = sql.seen_day,
        scope = seen_in_scope(sql),
    )
}

/// The ideas that gained the most votes in the period: id, title and votes gained.
fn top_ideas_sql(sql: &InsightSql) -> String {
    format!(
        "WITH {scoped}
         SELECT i.id, i.title, COUNT(*) AS gained
         FROM votes v JOIN ideas i ON i.id = v.idea_id
         WHERE i.board_id IN (SELECT id FROM scoped_boards) AND NOT i.pending_review AND {period}
         GROUP BY i.id, i.title
         ORDER BY gained DESC, i.id
         LIMIT {TOP_MAX}",
        scoped = scoped(sql.param),
        period = within(sql, Window::Period, "v.created_at"),
    )
}

/// The posts that gained the most likes in the period: id, caption (else alt text) and likes
/// gained.
fn top_posts_sql(sql: &InsightSql) -> String {
    format!(
        "WITH {scoped}
         SELECT p.id, CASE WHEN p.caption <> '' THEN p.caption ELSE p.alt END AS title,
                COUNT(*) AS gained
         FROM post_likes l JOIN posts p ON p.id = l.post_id
         WHERE p.feed_id IN (SELECT id FROM scoped_feeds)
           AND p.state <> 'pending_review' AND NOT p.rejected AND {period}
         GROUP BY p.id, p.caption, p.alt
         ORDER BY gained DESC, p.id
         LIMIT {TOP_MAX}",
        scoped = scoped(sql.param),
        period = within(sql, Window::Period, "l.created_at"),
    )
}

/// The ideas whose Nth standing vote, N their board's threshold, came in the period: id,
/// title, board slug, threshold and the vote's time, in the order they came.
fn thresholds_sql(sql: &InsightSql) -> String {
    let (p, cast) = (sql.param, sql.time_cast);
    format!(
        "WITH {scoped}
         SELECT i.id, i.title, b.slug, b.supporter_threshold, {at}
         FROM (SELECT v.idea_id, v.created_at,
                      ROW_NUMBER() OVER (PARTITION BY v.idea_id ORDER BY v.created_at, v.id) AS n
               FROM votes v JOIN ideas i ON i.id = v.idea_id JOIN boards b ON b.id = i.board_id
               WHERE b.id IN (SELECT id FROM scoped_boards) AND b.supporter_threshold IS NOT NULL
                 AND NOT i.pending_review AND v.created_at < {p}5{cast}) AS r
         JOIN ideas i ON i.id = r.idea_id JOIN boards b ON b.id = i.board_id
         WHERE r.n = b.supporter_threshold AND r.created_at >= {p}4{cast}
         ORDER BY r.created_at, i.id",
        scoped = scoped(p),
        at = (sql.time_text)("r.created_at"),
    )
}

impl Store {
    /// The report `query` asks for.
    pub async fn insights(&self, query: &InsightsQuery<'_>) -> Result<Insights> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let pieces = sql!(conn, insights::SQL);
        let (start, end) = query.bounds();
        let (first, last) = (query.first.to_string(), query.last.to_string());
        let [site, scope, place] = query.scope_args();
        let times = [
            site,
            scope,
            place,
            start.as_str().into(),
            end.as_str().into(),
        ];
        let days = [
            site,
            scope,
            place,
            first.as_str().into(),
            last.as_str().into(),
        ];

        let totals: TotalsRow = conn.fetch_one(&totals_sql(&pieces), &times).await?;
        let (visitors,): (i64,) = conn.fetch_one(&seen_total_sql(&pieces), &days).await?;
        let daily = daily_series(&mut conn, &pieces, query, &times, &days).await?;
        let top = |rows: Vec<(i64, String, i64)>| -> Vec<TopItem> {
            rows.into_iter()
                .map(|(id, title, gained)| TopItem {
                    id: id.to_string(),
                    title,
                    count: count(gained),
                })
                .collect()
        };
        let top_ideas = top(conn.fetch_all(&top_ideas_sql(&pieces), &times).await?);
        let top_posts = top(conn.fetch_all(&top_posts_sql(&pieces), &times).await?);
        let crossings: Vec<(i64, String, String, i64, String)> =
            conn.fetch_all(&thresholds_sql(&pieces), &times).await?;

        let visitors = count(visitors);
        let (participants, submissions) = (count(totals.participants), count(totals.submissions));
        let (votes, likes) = (count(totals.votes), count(totals.likes));
        Ok(Insights {
            site: query.site.to_owned(),
            place_kind: query.place.map(|place| place.kind),
            place: query.place.map(|place| place.slug.to_owned()),
            period: Period::new(query.first, query.last),
            totals: InsightsTotals {
                visitors,
                participants,
                participation_rate: rate(participants, visitors, 1),
                submissions,
                co_creation_rate: rate(submissions, visitors, 100),
                votes,
                likes,
                votes_per_visitor: rate(votes, visitors, 1),
                likes_per_visitor: rate(likes, visitors, 1),
                comments: count(totals.comments),
                returning_contributors: count(totals.returning_contributors),
            },
            funnel: Funnel {
                seen: visitors,
                voted: count(totals.voted),
                submitted: count(totals.submitted),
            },
            daily,
            top_ideas,
            top_posts,
            thresholds: crossings
                .into_iter()
                .map(|(id, title, board, threshold, at)| ThresholdCrossing {
                    idea_id: id.to_string(),
                    title,
                    board,
                    threshold: count(threshold),
                    at,
                })
                .collect(),
        })
    }
}

/// One entry per day of the period, oldest first, zeros where nothing happened.
async fn daily_series(
    conn: &mut Conn<'_>,
    pieces: &InsightSql,
    query: &InsightsQuery<'_>,
    times: &[Arg<'_>],
    days: &[Arg<'_>],
) -> Result<Vec<DailyInsights>> {
    let contributed: Vec<DayRow> = conn.fetch_all(&daily_sql(pieces), times).await?;
    let seen: Vec<(String, i64)> = conn.fetch_all(&seen_daily_sql(pieces), days).await?;
    let seen: HashMap<String, i64> = seen.into_iter().collect();
    let mut contributed: HashMap<String, DayRow> = contributed
        .into_iter()
        .map(|row| (row.day.clone(), row))
        .collect();
    Ok((query.first.epoch_days()..=query.last.epoch_days())
        .filter_map(Day::from_epoch_days)
        .map(|day| {
            let day = day.to_string();
            let row = contributed.remove(&day);
            let of = |field: fn(&DayRow) -> i64| count(row.as_ref().map_or(0, field));
            DailyInsights {
                visitors: count(seen.get(&day).copied().unwrap_or(0)),
                participants: of(|row| row.participants),
                votes: of(|row| row.votes),
                likes: of(|row| row.likes),
                comments: of(|row| row.comments),
                submissions: of(|row| row.submissions),
                day,
            }
        })
        .collect())
}
