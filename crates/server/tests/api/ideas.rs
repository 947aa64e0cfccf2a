//! Listing, proposing and reading ideas.

use std::collections::HashSet;

use axum::http::{Method, StatusCode};
use kindred_api::{Idea, Page};
use serde_json::json;

use crate::common::{on_both_backends, visitor, Backend, TestApp, MEMBERS_BOARD, OPEN_BOARD};

async fn page(app: &TestApp, uri: &str, visitor: Option<&str>) -> Page<Idea> {
    let response = app.get(uri, visitor).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.text());
    serde_json::from_slice(&response.body).unwrap()
}

/// Follows `next_cursor` from the first page to the last.
async fn walk(app: &TestApp, board: &str, sort: &str, limit: u32) -> (Vec<Idea>, usize) {
    let mut ideas = Vec::new();
    let mut pages = 0;
    let mut cursor: Option<String> = None;
    loop {
        let mut uri = format!("/v1/boards/{board}/ideas?sort={sort}&limit={limit}");
        if let Some(cursor) = &cursor {
            uri.push_str(&format!("&cursor={cursor}"));
        }
        let page = page(app, &uri, None).await;
        pages += 1;
        assert!(page.items.len() <= limit as usize);
        ideas.extend(page.items);
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => return (ideas, pages),
        }
    }
}

async fn proposing_answers_201_with_the_stored_idea(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let response = app
        .send_json(
            Method::POST,
            &format!("/v1/boards/{OPEN_BOARD}/ideas"),
            Some(&visitor(7)),
            &json!({
                "title": "  Heel loops big enough for gloves  ",
                "body": "Pulling the shoes on in winter is hard.\n",
                "tags": ["winter", " fit ", "winter"],
            }),
        )
        .await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    let idea: Idea = serde_json::from_slice(&response.body).unwrap();
    assert_eq!(idea.title, "Heel loops big enough for gloves");
    assert_eq!(idea.body, "Pulling the shoes on in winter is hard.");
    assert_eq!(idea.tags, ["winter", "fit"]);
    assert_eq!(idea.status.as_str(), "open");
    assert_eq!((idea.vote_count, idea.comment_count), (0, 0));
    assert!(!idea.voted);
    assert_eq!(idea.author.name, "Anonymous hiker");
    assert_eq!(idea.threshold, None);
    assert!(
        kindred_server::store::cursor::is_timestamp(&idea.created_at),
        "{}",
        idea.created_at
    );
    assert_eq!(
        response.header("location"),
        Some(format!("/v1/ideas/{}", idea.id).as_str())
    );

    let shown = app.get(&format!("/v1/ideas/{}", idea.id), None).await;
    assert_eq!(serde_json::from_slice::<Idea>(&shown.body).unwrap(), idea);
    let listed = page(&app, &format!("/v1/boards/{OPEN_BOARD}/ideas"), None).await;
    assert_eq!(listed.items, [idea]);
    assert_eq!(listed.next_cursor, None);
}

async fn proposing_needs_a_visitor_and_an_open_board(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let title = json!({ "title": "Members only, please" });
    app.send_json(
        Method::POST,
        &format!("/v1/boards/{OPEN_BOARD}/ideas"),
        None,
        &title,
    )
    .await
    .assert_error(StatusCode::UNAUTHORIZED, "unauthorized");
    app.send_json(
        Method::POST,
        &format!("/v1/boards/{MEMBERS_BOARD}/ideas"),
        Some(&visitor(1)),
        &title,
    )
    .await
    .assert_error(StatusCode::FORBIDDEN, "forbidden");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM ideas").await, 0);
}

async fn top_orders_by_votes_then_newest(backend: Backend) {
    let app = TestApp::seeded(backend).await;
    let (ideas, _) = walk(&app, "trail-shoes", "top", 100).await;
    assert_eq!(ideas.len(), 18);
    assert_eq!(ideas[0].title, "Wider toe box option for the Summit 3");
    assert_eq!(ideas[0].vote_count, 118);
    assert_eq!(ideas[0].threshold, Some(50));
    let keys: Vec<(u32, i64)> = ideas
        .iter()
        .map(|i| (i.vote_count, i.id.0.parse().unwrap()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(keys, sorted);
}

async fn new_orders_by_creation_time(backend: Backend) {
    let app = TestApp::seeded(backend).await;
    let (ideas, _) = walk(&app, "gear-and-apparel", "new", 100).await;
    assert_eq!(ideas.len(), 12);
    assert_eq!(ideas[0].title, "Headlamp mount on the vest strap");
    assert!(ideas.windows(2).all(|w| w[0].created_at >= w[1].created_at));
    assert!(ideas.iter().all(|i| i.threshold.is_none()));
}

async fn trending_and_discussed_are_total_orders(backend: Backend) {
    let app = TestApp::seeded(backend).await;
    for sort in ["trending", "discussed"] {
        let (ideas, _) = walk(&app, "trail-shoes", sort, 5).await;
        let ids: HashSet<_> = ideas.iter().map(|i| i.id.clone()).collect();
        assert_eq!((ideas.len(), ids.len()), (18, 18), "{sort}");
    }
    // Without comments yet, `discussed` falls back to the vote order.
    let (discussed, _) = walk(&app, "trail-shoes", "discussed", 100).await;
    let (top, _) = walk(&app, "trail-shoes", "top", 100).await;
    assert_eq!(discussed, top);
}

async fn cursors_walk_every_idea_once(backend: Backend) {
    let app = TestApp::seeded(backend).await;
    for sort in ["top", "new"] {
        let (all, _) = walk(&app, "trail-shoes", sort, 100).await;
        let (paged, pages) = walk(&app, "trail-shoes", sort, 4).await;
        assert_eq!(pages, 5, "{sort}");
        assert_eq!(paged, all, "{sort}");
        let ids: HashSet<_> = paged.iter().map(|i| i.id.clone()).collect();
        assert_eq!(ids.len(), 18);
    }
}

async fn pagination_survives_ties_and_new_ideas(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    for n in 0..7 {
        app.create_idea(OPEN_BOARD, &format!("Tied idea number {n}"), &visitor(n))
            .await;
    }
    let first = page(
        &app,
        &format!("/v1/boards/{OPEN_BOARD}/ideas?limit=3"),
        None,
    )
    .await;
    // An idea arriving between pages does not shift the rest of the walk.
    app.create_idea(OPEN_BOARD, "Late arrival", &visitor(99))
        .await;
    let cursor = first.next_cursor.unwrap();
    let second = page(
        &app,
        &format!("/v1/boards/{OPEN_BOARD}/ideas?limit=10&cursor={cursor}"),
        None,
    )
    .await;
    let titles: Vec<_> = first
        .items
        .iter()
        .chain(&second.items)
        .map(|i| i.title.as_str())
        .collect();
    let expected: Vec<String> = (0..7)
        .rev()
        .map(|n| format!("Tied idea number {n}"))
        .collect();
    assert_eq!(titles, expected);
    assert_eq!(second.next_cursor, None);
}

async fn limit_defaults_to_20_and_is_capped_at_100(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let inserted = app
        .execute(&format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 130)
             INSERT INTO ideas (board_id, title, author_name)
             SELECT (SELECT id FROM boards WHERE slug = '{OPEN_BOARD}'), 'Idea number ' || i,
                    'Someone'
             FROM n"
        ))
        .await;
    assert_eq!(inserted, 130);
    let uri = format!("/v1/boards/{OPEN_BOARD}/ideas");
    for (query, expected) in [
        ("", 20),
        ("?limit=500", 100),
        ("?limit=100", 100),
        ("?limit=1", 1),
    ] {
        let page = page(&app, &format!("{uri}{query}"), None).await;
        assert_eq!(page.items.len(), expected, "{query}");
        assert!(page.next_cursor.is_some());
    }
    let (all, pages) = walk(&app, OPEN_BOARD, "new", 100).await;
    assert_eq!((all.len(), pages), (130, 2));
}

async fn bad_cursors_are_400(backend: Backend) {
    let app = TestApp::seeded(backend).await;
    let first = page(&app, "/v1/boards/trail-shoes/ideas?sort=top&limit=2", None).await;
    let top_cursor = first.next_cursor.clone().unwrap();
    for (sort, cursor) in [
        ("top", "garbage".to_owned()),
        ("top", "top~1~0".to_owned()),
        ("top", "top~x~0~5".to_owned()),
        ("new", top_cursor.clone()),
        ("new", "new~yesterday~0~5".to_owned()),
    ] {
        app.get(
            &format!("/v1/boards/trail-shoes/ideas?sort={sort}&cursor={cursor}"),
            None,
        )
        .await
        .assert_error(StatusCode::BAD_REQUEST, "bad_request");
    }
    // An empty cursor is the first page.
    let again = page(
        &app,
        "/v1/boards/trail-shoes/ideas?sort=top&limit=2&cursor=",
        None,
    )
    .await;
    assert_eq!(again, first);
}

async fn status_and_tag_filters_narrow_the_list(backend: Backend) {
    let app = TestApp::seeded(backend).await;
    let shipped = page(&app, "/v1/boards/trail-shoes/ideas?status=shipped", None).await;
    let titles: Vec<_> = shipped.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Half sizes for the Scree", "Gaiter attachment points"]
    );

    let winter = page(
        &app,
        "/v1/boards/trail-shoes/ideas?tag=winter&limit=100",
        None,
    )
    .await;
    assert_eq!(winter.items.len(), 2);
    assert!(winter
        .items
        .iter()
        .all(|i| i.tags.iter().any(|t| t == "winter")));
}

on_both_backends!(
    proposing_answers_201_with_the_stored_idea,
    proposing_needs_a_visitor_and_an_open_board,
    top_orders_by_votes_then_newest,
    new_orders_by_creation_time,
    trending_and_discussed_are_total_orders,
    cursors_walk_every_idea_once,
    pagination_survives_ties_and_new_ideas,
    limit_defaults_to_20_and_is_capped_at_100,
    bad_cursors_are_400,
    status_and_tag_filters_narrow_the_list,
);
