//! Engagement insights: seen events from widgets (`POST /v1/sites/{site}/engagement`, as
//! beacons send them) and the report built from them and from votes, likes, comments and
//! submissions (`GET /v1/moderation/insights`, `.csv`). Known traffic goes through the HTTP
//! API, is moved to known days, and every figure is checked.

use axum::body::Body;
use axum::http::{header, Method, StatusCode};
use kindred_server::config::AdminKey;
use kindred_server::rate_limit::Rate;
use serde_json::{json, Value};

use crate::common::{
    on_both_backends, request, visitor, Backend, TestApp, TestResponse, OPEN_BOARD, SHOP_ORIGIN,
};
use crate::forms::{add_forms, feedback_form, good_answers, intake_form, submit};
use crate::moderation::ADMIN_KEY;
use crate::multipart::OPEN_FEED;

/// The report's period in [`traffic`], and the day before it.
const PERIOD: &str = "from=2020-01-01&to=2020-01-03";
const BEFORE: &str = "2019-12-31";

/// Site `acme` with its boards (the open one asking 2 supporters), feeds, a `feedback` form
/// kept as responses and an `intake` form proposing ideas on the open board.
async fn insights_app(
    backend: Backend,
    adjust: impl FnOnce(&mut kindred_server::Config),
) -> TestApp {
    let app = TestApp::with_feeds_configured(backend, |config| {
        config.admin_key = Some(AdminKey::new(ADMIN_KEY));
        adjust(config);
    })
    .await;
    add_forms(&app, [feedback_form(), intake_form("intake", OPEN_BOARD)]).await;
    app.execute("UPDATE boards SET supporter_threshold = 2 WHERE slug = 'ideas'")
        .await;
    app
}

/// A beacon: `body` as `text/plain` from the shop's page.
async fn beacon(app: &TestApp, body: &str) -> TestResponse {
    beacon_as(app, "text/plain;charset=UTF-8", Some(SHOP_ORIGIN), body).await
}

/// `body` with `content_type`, from `origin` when given.
async fn beacon_as(
    app: &TestApp,
    content_type: &str,
    origin: Option<&str>,
    body: &str,
) -> TestResponse {
    let mut builder = request(Method::POST, "/v1/sites/acme/engagement", None)
        .header(header::CONTENT_TYPE, content_type);
    if let Some(origin) = origin {
        builder = builder.header(header::ORIGIN, origin);
    }
    app.send(builder.body(Body::from(body.to_owned())).unwrap())
        .await
}

/// Visitor `n` reports seeing `events`; it must be accepted.
async fn seen(app: &TestApp, n: u32, events: Value) {
    let body = json!({ "visitor": visitor(n), "events": events }).to_string();
    let response = beacon(app, &body).await;
    assert_eq!(
        response.status,
        StatusCode::NO_CONTENT,
        "{}",
        response.text()
    );
}

/// A `seen` event on the place of `kind` with `slug`.
fn on(kind: &str, slug: &str) -> Value {
    json!({ "type": "seen", kind: slug })
}

/// Visitor `n`'s identity key, as SQL text.
fn key(n: u32) -> String {
    format!("'visitor:{}'", visitor(n))
}

/// The report with the query `query`, as JSON.
async fn report(app: &TestApp, query: &str) -> Value {
    let uri = format!("/v1/moderation/insights?site=acme&{query}");
    app.admin_ok(Method::GET, &uri, None, StatusCode::OK).await
}

/// Known traffic of visitors 1 to 7 on the open board and feed and both forms, moved to
/// 2019-12-31 (one comment) and 2020-01-01 to 2020-01-03:
///
/// - day 1: visitors 1 and 2 seen (1 on the board and the feed); 1 proposes idea A; 1 and 2
///   vote for it, 2's vote reaching the threshold.
/// - day 2: visitors 3, 4 and 5 seen (4 on the board and `feedback`); 2 proposes idea B; 3
///   votes for A, 2 and 6 (never seen) for B, 6 reaching the threshold; 5 posts photo P and
///   1 likes it.
/// - day 3: 5 likes P; 1 comments on B; 4 answers `feedback`; 7 proposes idea C through
///   `intake`.
/// - before: 3 comments on A, so 3 is a returning contributor.
async fn traffic(app: &TestApp) {
    seen(
        app,
        1,
        json!([on("board", OPEN_BOARD), on("feed", OPEN_FEED)]),
    )
    .await;
    seen(app, 2, json!([on("board", OPEN_BOARD)])).await;
    seen(app, 3, json!([on("board", OPEN_BOARD)])).await;
    seen(
        app,
        4,
        json!([on("board", OPEN_BOARD), on("form", "feedback")]),
    )
    .await;
    seen(app, 5, json!([on("feed", OPEN_FEED)])).await;
    let a = app
        .create_idea(OPEN_BOARD, "Grippier lugs", &visitor(1))
        .await;
    let b = app
        .create_idea(OPEN_BOARD, "Wider toe box", &visitor(2))
        .await;
    for (idea, n) in [(&a, 1), (&a, 2), (&a, 3), (&b, 2), (&b, 6)] {
        assert_eq!(app.vote(idea, Some(&visitor(n)), true).await.status, 200);
    }
    assert_eq!(app.post_comment(&a, 3, "Yes please").await.status, 201);
    assert_eq!(app.post_comment(&b, 1, "And wider heels").await.status, 201);
    let post = app
        .create_post(OPEN_FEED, &visitor(5), "Muddy trail", "")
        .await;
    for n in [1, 5] {
        let uri = format!("/v1/posts/{post}/like");
        let response = app
            .send_bearer(Method::PUT, &uri, None, Some(&visitor(n)), None)
            .await;
        assert_eq!(response.status, 200, "{}", response.text());
    }
    let response = submit(app, "feedback", Some(&visitor(4)), good_answers()).await;
    assert_eq!(response.status, 201, "{}", response.text());
    let response = submit(
        app,
        "intake",
        Some(&visitor(7)),
        json!({ "idea": "Via form" }),
    )
    .await;
    assert_eq!(response.status, 201, "{}", response.text());

    let at = |day: u32, hour: u32| format!("'2020-01-0{day}T{hour:02}:00:00.000Z'");
    let moves = [
        format!(
            "UPDATE engagement_seen SET day = '2020-01-01' WHERE visitor IN ({}, {})",
            key(1),
            key(2)
        ),
        format!(
            "UPDATE engagement_seen SET day = '2020-01-02' WHERE visitor IN ({}, {}, {})",
            key(3),
            key(4),
            key(5)
        ),
        format!("UPDATE ideas SET created_at = {} WHERE id = {a}", at(1, 9)),
        format!("UPDATE ideas SET created_at = {} WHERE id = {b}", at(2, 9)),
        format!(
            "UPDATE ideas SET created_at = {} WHERE title = 'Via form'",
            at(3, 9)
        ),
        format!(
            "UPDATE votes SET created_at = {} WHERE idea_id = {a} AND voter = {}",
            at(1, 10),
            key(1)
        ),
        format!(
            "UPDATE votes SET created_at = {} WHERE idea_id = {a} AND voter = {}",
            at(1, 11),
            key(2)
        ),
        format!(
            "UPDATE votes SET created_at = {} WHERE idea_id = {a} AND voter = {}",
            at(2, 10),
            key(3)
        ),
        format!(
            "UPDATE votes SET created_at = {} WHERE idea_id = {b} AND voter = {}",
            at(2, 11),
            key(2)
        ),
        format!(
            "UPDATE votes SET created_at = {} WHERE idea_id = {b} AND voter = {}",
            at(2, 12),
            key(6)
        ),
        format!("UPDATE comments SET created_at = '{BEFORE}T08:00:00.000Z' WHERE idea_id = {a}"),
        format!(
            "UPDATE comments SET created_at = {} WHERE idea_id = {b}",
            at(3, 8)
        ),
        format!(
            "UPDATE posts SET created_at = {} WHERE id = {post}",
            at(2, 13)
        ),
        format!(
            "UPDATE post_likes SET created_at = {} WHERE liker = {}",
            at(2, 14),
            key(1)
        ),
        format!(
            "UPDATE post_likes SET created_at = {} WHERE liker = {}",
            at(3, 10),
            key(5)
        ),
        format!("UPDATE form_submissions SET created_at = {}", at(3, 11)),
    ];
    for statement in moves {
        assert!(app.execute(&statement).await > 0, "{statement}");
    }
}

/// The ids of the ideas titled `titles`, in that order.
async fn idea_ids(app: &TestApp, titles: &[&str]) -> Vec<String> {
    let mut ids = Vec::new();
    for title in titles {
        let sql = format!("SELECT id FROM ideas WHERE title = '{title}'");
        ids.push(app.scalar(&sql).await.to_string());
    }
    ids
}

/// One day of the series: visitors, participants, votes, likes, comments, submissions.
fn day(day: &str, [v, p, votes, likes, comments, s]: [u32; 6]) -> Value {
    json!({ "day": day, "visitors": v, "participants": p, "votes": votes, "likes": likes,
            "comments": comments, "submissions": s })
}

async fn a_site_report_counts_every_figure(backend: Backend) {
    let app = insights_app(backend, |_| {}).await;
    traffic(&app).await;
    let ids = idea_ids(&app, &["Grippier lugs", "Wider toe box"]).await;
    let post = app.scalar("SELECT id FROM posts").await.to_string();
    assert_eq!(
        report(&app, PERIOD).await,
        json!({
            "site": "acme",
            "period": { "from": "2020-01-01", "to": "2020-01-03", "days": 3 },
            "totals": {
                "visitors": 5,
                "participants": 7,
                "participation_rate": 1.4,
                "submissions": 5,
                "co_creation_rate": 100.0,
                "votes": 5,
                "likes": 2,
                "votes_per_visitor": 1.0,
                "likes_per_visitor": 0.4,
                "comments": 1,
                "returning_contributors": 1
            },
            "funnel": { "seen": 5, "voted": 5, "submitted": 5 },
            "daily": [
                day("2020-01-01", [2, 2, 2, 0, 0, 1]),
                day("2020-01-02", [3, 5, 3, 1, 0, 2]),
                day("2020-01-03", [0, 4, 0, 1, 1, 2]),
            ],
            "top_ideas": [
                { "id": ids[0], "title": "Grippier lugs", "count": 3 },
                { "id": ids[1], "title": "Wider toe box", "count": 2 },
            ],
            "top_posts": [{ "id": post, "title": "Muddy trail", "count": 2 }],
            "thresholds": [
                { "idea_id": ids[0], "title": "Grippier lugs", "board": OPEN_BOARD,
                  "threshold": 2, "at": "2020-01-01T11:00:00.000Z" },
                { "idea_id": ids[1], "title": "Wider toe box", "board": OPEN_BOARD,
                  "threshold": 2, "at": "2020-01-02T12:00:00.000Z" },
            ]
        })
    );

    // A period that ends before the thresholds: day 1 alone.
    let first = report(&app, "from=2020-01-01&to=2020-01-01").await;
    assert_eq!(first["totals"]["votes"], 2);
    assert_eq!(first["totals"]["returning_contributors"], 0);
    assert_eq!(first["thresholds"].as_array().unwrap().len(), 1);
    assert_eq!(first["top_ideas"][0]["count"], 2);
}

/// The report on `place` (`board=…`, `feed=…` or `form=…`) over [`PERIOD`], after checking
/// its totals (`visitors, participants, submissions, votes, likes, comments, returning`, with
/// the rates they make) and its funnel (`seen, voted, submitted`).
async fn place_report(app: &TestApp, place: &str, totals: [u32; 7], funnel: [u32; 3]) -> Value {
    let report = report(app, &format!("{place}&{PERIOD}")).await;
    let [visitors, participants, submissions, votes, likes, comments, returning] = totals;
    let rate = |count: u32, per: u32| {
        kindred_api::insights::rate(count, visitors, per).map_or(Value::Null, |rate| json!(rate))
    };
    let expected = json!({
        "visitors": visitors, "participants": participants,
        "participation_rate": rate(participants, 1), "submissions": submissions,
        "co_creation_rate": rate(submissions, 100), "votes": votes, "likes": likes,
        "votes_per_visitor": rate(votes, 1), "likes_per_visitor": rate(likes, 1),
        "comments": comments, "returning_contributors": returning,
    });
    assert_eq!(report["totals"], expected, "{place}");
    let [seen, voted, submitted] = funnel;
    let funnel = json!({ "seen": seen, "voted": voted, "submitted": submitted });
    assert_eq!(report["funnel"], funnel, "{place}");
    report
}

async fn place_reports_count_only_their_place(backend: Backend) {
    let app = insights_app(backend, |_| {}).await;
    traffic(&app).await;
    let board = format!("board={OPEN_BOARD}");
    let board = place_report(&app, &board, [4, 5, 3, 5, 0, 1, 1], [4, 4, 3]).await;
    assert_eq!(board["totals"]["participation_rate"], 1.25);
    assert_eq!(board["totals"]["co_creation_rate"], 75.0);
    assert_eq!(
        (board["place_kind"].clone(), board["place"].clone()),
        (json!("board"), json!(OPEN_BOARD))
    );
    assert_eq!(board["daily"][2], day("2020-01-03", [0, 2, 0, 0, 1, 1]));
    assert_eq!(board["top_posts"], json!([]));
    assert_eq!(board["thresholds"].as_array().unwrap().len(), 2);

    let feed = format!("feed={OPEN_FEED}");
    let feed = place_report(&app, &feed, [2, 2, 1, 0, 2, 0, 0], [2, 2, 1]).await;
    assert_eq!(feed["totals"]["likes_per_visitor"], 1.0);
    assert_eq!(
        (feed["top_ideas"].clone(), feed["thresholds"].clone()),
        (json!([]), json!([]))
    );
    assert_eq!(feed["top_posts"][0]["count"], 2);

    let feedback = place_report(&app, "form=feedback", [1, 1, 1, 0, 0, 0, 0], [1, 0, 1]).await;
    assert_eq!(feedback["totals"]["co_creation_rate"], 100.0);
    // Nobody was seen on `intake`: its rates are undefined, its submission counts here.
    let intake = place_report(&app, "form=intake", [0, 1, 1, 0, 0, 0, 0], [0, 0, 1]).await;
    assert_eq!(intake["totals"]["participation_rate"], Value::Null);
}

async fn the_csv_holds_the_series_and_every_figure(backend: Backend) {
    let app = insights_app(backend, |_| {}).await;
    traffic(&app).await;
    let uri = format!("/v1/moderation/insights.csv?site=acme&{PERIOD}");
    let text = app
        .admin(Method::GET, &uri, None)
        .await
        .assert_csv("acme-insights-2020-01-01-2020-01-03.csv");
    let expected = [
        "day,visitors,participants,votes,likes,comments,submissions",
        "2020-01-01,2,2,2,0,0,1",
        "2020-01-02,3,5,3,1,0,2",
        "2020-01-03,0,4,0,1,1,2",
        "total,5,7,5,2,1,5",
        "",
        "metric,value",
        "from,2020-01-01",
        "to,2020-01-03",
        "participation_rate,1.4",
        "co_creation_rate,100",
        "votes_per_visitor,1",
        "likes_per_visitor,0.4",
        "returning_contributors,1",
        "funnel_seen,5",
        "funnel_voted,5",
        "funnel_submitted,5",
    ];
    assert_eq!(text, format!("{}\r\n", expected.join("\r\n")));

    let uri = format!("/v1/moderation/insights.csv?site=acme&form=intake&{PERIOD}");
    let text = app
        .admin(Method::GET, &uri, None)
        .await
        .assert_csv("acme-intake-insights-2020-01-01-2020-01-03.csv");
    assert!(text.contains("\r\nparticipation_rate,\r\n"), "{text}");
}

async fn seen_events_count_once_per_place_visitor_and_day(backend: Backend) {
    let app = insights_app(backend, |_| {}).await;
    let twice = json!([
        on("board", OPEN_BOARD),
        on("board", OPEN_BOARD),
        on("form", "feedback")
    ]);
    seen(&app, 1, twice.clone()).await;
    seen(&app, 1, twice).await;
    seen(&app, 2, json!([on("board", OPEN_BOARD)])).await;
    // As JSON too, and a place the site does not have is skipped.
    let body =
        json!({ "visitor": visitor(3), "events": [on("board", "gone"), on("feed", OPEN_FEED)] });
    let response = beacon_as(
        &app,
        "application/json",
        Some(SHOP_ORIGIN),
        &body.to_string(),
    )
    .await;
    assert_eq!(
        response.status,
        StatusCode::NO_CONTENT,
        "{}",
        response.text()
    );
    // Without `Origin` (not from a page) it is accepted as well.
    let body = json!({ "visitor": visitor(4), "events": [on("board", OPEN_BOARD)] });
    let response = beacon_as(&app, "text/plain", None, &body.to_string()).await;
    assert_eq!(
        response.status,
        StatusCode::NO_CONTENT,
        "{}",
        response.text()
    );
    assert_eq!(app.scalar("SELECT COUNT(*) FROM engagement_seen").await, 5);
    let first_seen = format!(
        "SELECT COUNT(*) FROM engagement_seen WHERE visitor = {}",
        key(1)
    );
    assert_eq!(app.scalar(&first_seen).await, 2);

    // Everything happened today, inside the default period of the last 30 days.
    let recent = report(&app, "").await;
    assert_eq!(recent["period"]["days"], 30);
    let today = recent["period"]["to"].as_str().unwrap();
    let daily = recent["daily"].as_array().unwrap();
    assert_eq!(daily.len(), 30);
    assert_eq!(daily[29], day(today, [4, 0, 0, 0, 0, 0]));
    assert!(daily[..29].iter().all(|d| d["visitors"] == 0), "{daily:?}");
    assert_eq!(recent["totals"]["visitors"], 4);
    assert_eq!(recent["totals"]["participation_rate"], 0.0);
}

async fn bad_beacons_are_refused(backend: Backend) {
    let app = insights_app(backend, |_| {}).await;
    let ok =
        |n: u32| json!({ "visitor": visitor(n), "events": [on("board", OPEN_BOARD)] }).to_string();
    beacon(&app, "{\"visitor\":")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "malformed_json");
    beacon(&app, "{\"visitor\":1,\"events\":[]}")
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    let broken = json!({ "visitor": "nope", "events": [
        { "type": "clicked", "board": OPEN_BOARD }, { "type": "seen" },
        { "type": "seen", "board": OPEN_BOARD, "feed": OPEN_FEED }, { "type": "seen", "form": "Not a slug" },
    ] });
    let error = beacon(&app, &broken.to_string())
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        error["error"]["fields"],
        json!({ "visitor": ["invalid"], "events[0].type": ["invalid"], "events[1]": ["invalid"],
                "events[2]": ["invalid"], "events[3]": ["invalid"] })
    );
    let oversize = json!({ "visitor": visitor(1), "events": vec![on("board", OPEN_BOARD); 51] });
    let error = beacon(&app, &oversize.to_string())
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(error["error"]["fields"], json!({ "events": ["too_many"] }));
    let empty = json!({ "visitor": visitor(1), "events": [] });
    beacon(&app, &empty.to_string())
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let huge = format!(
        "{{\"visitor\":\"{}\",\"pad\":\"{}\"}}",
        visitor(1),
        "x".repeat(70_000)
    );
    beacon(&app, &huge)
        .await
        .assert_error(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    beacon_as(
        &app,
        "application/x-www-form-urlencoded",
        Some(SHOP_ORIGIN),
        &ok(1),
    )
    .await
    .assert_error(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
    beacon_as(&app, "text/plain", Some("https://evil.example"), &ok(1))
        .await
        .assert_error(StatusCode::FORBIDDEN, "forbidden");
    let other_site = request(Method::POST, "/v1/sites/nope/engagement", None)
        .header(header::CONTENT_TYPE, "text/plain")
        .body(Body::from(ok(1)))
        .unwrap();
    app.send(other_site)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM engagement_seen").await, 0);
}

async fn beacons_count_against_the_visitors_write_limit(backend: Backend) {
    let app = insights_app(backend, |config| {
        config.write_rate_per_identity = "60:2".parse::<Rate>().unwrap();
    })
    .await;
    for _ in 0..2 {
        seen(&app, 1, json!([on("board", OPEN_BOARD)])).await;
    }
    let body = json!({ "visitor": visitor(1), "events": [on("board", OPEN_BOARD)] });
    let response = beacon(&app, &body.to_string()).await;
    response.assert_error(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    assert!(response.header("retry-after").is_some());
    seen(&app, 2, json!([on("board", OPEN_BOARD)])).await;
}

async fn bad_report_requests_are_refused(backend: Backend) {
    let app = insights_app(backend, |_| {}).await;
    let get = |query: &'static str| {
        let app = &app;
        async move {
            app.admin(
                Method::GET,
                &format!("/v1/moderation/insights?{query}"),
                None,
            )
            .await
        }
    };
    let fields = |response: TestResponse| {
        response.assert_error(StatusCode::BAD_REQUEST, "bad_request")["error"]["fields"].clone()
    };
    assert_eq!(
        fields(get("site=acme&from=2020-02-30&to=soon").await),
        json!({ "from": ["invalid_date"], "to": ["invalid_date"] })
    );
    assert_eq!(
        fields(get("site=acme&from=2020-01-02&to=2020-01-01").await),
        json!({ "to": ["out_of_range"] })
    );
    assert_eq!(
        fields(get("site=acme&from=2020-01-01&to=2021-01-01").await),
        json!({ "from": ["too_long"] })
    );
    assert_eq!(
        fields(get("site=acme&board=ideas&feed=photos").await),
        json!({ "board": ["invalid"], "feed": ["invalid"] })
    );
    get("board=ideas")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "bad_request");
    get("site=nope")
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    get("site=acme&board=nope")
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    get("site=acme&form=Not-A-Slug")
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    for uri in [
        "/v1/moderation/insights?site=acme",
        "/v1/moderation/insights.csv?site=acme",
    ] {
        app.admin_with_key(Method::GET, uri, None, None)
            .await
            .assert_error(StatusCode::UNAUTHORIZED, "unauthorized");
    }
}

on_both_backends!(
    a_site_report_counts_every_figure,
    place_reports_count_only_their_place,
    the_csv_holds_the_series_and_every_figure,
    seen_events_count_once_per_place_visitor_and_day,
    bad_beacons_are_refused,
    beacons_count_against_the_visitors_write_limit,
    bad_report_requests_are_refused,
);
