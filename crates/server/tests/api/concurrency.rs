//! Concurrent votes and reports, over a real socket and on the store itself: the count is
//! exact, never a lost update, and always equal to the rows.

use std::sync::Arc;

use kindred_api::{VisitorId, VoteState, VISITOR_HEADER};
use kindred_server::identity::voter_key;
use kindred_server::seed::demo_visitor;
use kindred_server::store::votes::{Change, Voter};
use tokio::task::JoinSet;

use crate::common::{
    on_both_backends, visitor, Backend, RunningServer, TestApp, DRIFT, OPEN_BOARD, SHOP_ORIGIN,
};
use crate::moderation::{feeds_app, ADMIN_KEY};
use crate::multipart::OPEN_FEED;

async fn put_votes(server: &RunningServer, idea: &str, voters: Vec<String>) -> Vec<VoteState> {
    let client = Arc::new(reqwest::Client::new());
    let url = format!("{}/v1/ideas/{idea}/vote", server.base);
    let mut tasks = JoinSet::new();
    for voter in voters {
        let (client, url) = (client.clone(), url.clone());
        tasks.spawn(async move {
            let response = client
                .put(url)
                .header(VISITOR_HEADER, voter)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 200);
            response.json::<VoteState>().await.unwrap()
        });
    }
    tasks.join_all().await
}

async fn distinct_visitors_voting_at_once_are_all_counted(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let idea = app
        .create_idea(OPEN_BOARD, "Everyone wants this", &visitor(0))
        .await;
    let server = RunningServer::start(app.state.clone()).await;

    let states = put_votes(&server, &idea, (1..=64).map(visitor).collect()).await;
    assert_eq!(states.len(), 64);
    assert!(states.iter().all(|s| s.voted));
    // Each answer carries the count right after its own vote: 1 to 64, each exactly once.
    let mut counts: Vec<u32> = states.iter().map(|s| s.vote_count).collect();
    counts.sort_unstable();
    assert_eq!(counts, (1..=64).collect::<Vec<u32>>());

    let detail: kindred_api::Idea = reqwest::get(format!("{}/v1/ideas/{idea}", server.base))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(detail.vote_count, 64);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM votes").await, 64);
    assert_eq!(app.scalar(DRIFT).await, 0);
    server.stop().await;
}

async fn one_visitor_voting_twenty_times_at_once_counts_once(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let idea = app
        .create_idea(OPEN_BOARD, "Click happy", &visitor(0))
        .await;
    let server = RunningServer::start(app.state.clone()).await;

    let states = put_votes(&server, &idea, vec![visitor(5); 20]).await;
    assert!(states.iter().all(|s| s.voted && s.vote_count == 1));
    assert_eq!(app.scalar("SELECT COUNT(*) FROM votes").await, 1);
    assert_eq!(app.scalar("SELECT vote_count FROM ideas").await, 1);
    assert_eq!(app.scalar(DRIFT).await, 0);
    server.stop().await;
}

async fn writes_whose_clients_leave_midway_leave_no_write_half_done(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let idea = app
        .create_idea(OPEN_BOARD, "Half-way there", &visitor(0))
        .await;
    let server = RunningServer::start(app.state.clone()).await;
    let url = format!("{}/v1/sites/acme/engagement", server.base);
    // Beacons from pages closed at once: clients that give up after a few hundred
    // microseconds to a few milliseconds, some before the server has begun, some while it
    // writes, some after. Their connections close under the handler.
    for n in 1..=400u32 {
        let client = reqwest::Client::builder()
            .timeout(std::time::Duration::from_micros(u64::from(n % 30) * 100))
            .build()
            .unwrap();
        let body = format!(
            r#"{{"visitor":"{}","events":[{{"type":"seen","board":"{OPEN_BOARD}"}}]}}"#,
            visitor(n)
        );
        let beacon = client
            .post(&url)
            .header("content-type", "text/plain;charset=UTF-8")
            .header("origin", SHOP_ORIGIN)
            .body(body)
            .send();
        tokio::spawn(async move {
            let _ = beacon.await;
        });
        tokio::time::sleep(std::time::Duration::from_millis(1)).await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    // Every write still works, and the count is the rows.
    let states = put_votes(&server, &idea, vec![visitor(1_000)]).await;
    assert!(states[0].voted);
    assert_eq!(app.scalar(DRIFT).await, 0);
    server.stop().await;
}

async fn concurrent_votes_on_the_demo_keep_counts_exact(backend: Backend) {
    let app = TestApp::seeded(backend).await;
    let before = app.scalar("SELECT COUNT(*) FROM votes").await;
    let supported = app
        .scalar("SELECT COUNT(*) FROM ideas WHERE vote_count > 0")
        .await;
    let first = app.scalar("SELECT MIN(id) FROM ideas").await;

    // Ten new supporters for every idea, while each idea's first demo supporter withdraws
    // (the seed gives idea `i` the demo visitors from `17 * i` on), all at once.
    let mut tasks = JoinSet::new();
    for index in 0..30_u32 {
        let idea = first + i64::from(index);
        let voters = (0..10)
            .map(|n| {
                (
                    VisitorId::parse(&visitor(1000 + index * 10 + n)).unwrap(),
                    Change::Cast,
                )
            })
            .chain([(demo_visitor(index * 17), Change::Withdraw)]);
        for (id, change) in voters {
            let store = app.state.store.clone();
            tasks.spawn(async move {
                let key = voter_key(&id);
                let voter = Voter {
                    key: &key,
                    anonymous: true,
                };
                store.vote(idea, voter, change).await.unwrap().state
            });
        }
    }
    let states = tasks.join_all().await;
    assert_eq!(states.len(), 330);

    assert_eq!(app.scalar(DRIFT).await, 0);
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM votes").await,
        before + 300 - supported
    );
    assert_eq!(
        app.scalar("SELECT CAST(SUM(vote_count) AS BIGINT) FROM ideas")
            .await,
        before + 300 - supported
    );
}

async fn reports_and_dismissals_at_once_keep_open_counts_exact(backend: Backend) {
    let app = feeds_app(backend).await;
    app.execute("UPDATE feeds SET report_threshold = 1000")
        .await;
    let post = app.create_post(OPEN_FEED, &visitor(0), "", "").await;
    let server = RunningServer::start(app.state.clone()).await;
    let client = Arc::new(reqwest::Client::new());
    let mut tasks = JoinSet::new();
    for n in 1..=40 {
        let client = client.clone();
        let base = server.base.clone();
        let post = post.clone();
        tasks.spawn(async move {
            let request = if n % 10 == 0 {
                client
                    .post(format!("{base}/v1/moderation/reports/{post}/approve"))
                    .bearer_auth(ADMIN_KEY)
            } else {
                client
                    .post(format!("{base}/v1/posts/{post}/reports"))
                    .header(VISITOR_HEADER, visitor(n))
                    .json(&serde_json::json!({ "reason": "spam" }))
            };
            let status = request.send().await.unwrap().status();
            // A dismissal that comes before any report finds no reports: 404.
            assert!([200, 201, 404].contains(&status.as_u16()), "{status}");
        });
    }
    tasks.join_all().await;
    server.stop().await;
    assert_eq!(
        app.scalar("SELECT report_count FROM posts").await,
        app.scalar("SELECT COUNT(*) FROM post_reports").await
    );
    assert_eq!(app.scalar("SELECT report_count FROM posts").await, 36);
    assert_eq!(
        app.scalar("SELECT open_report_count FROM posts").await,
        app.scalar("SELECT COUNT(*) FROM post_reports WHERE NOT reviewed")
            .await
    );
}

on_both_backends!(
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    distinct_visitors_voting_at_once_are_all_counted,
    writes_whose_clients_leave_midway_leave_no_write_half_done,
    one_visitor_voting_twenty_times_at_once_counts_once,
    concurrent_votes_on_the_demo_keep_counts_exact,
    reports_and_dismissals_at_once_keep_open_counts_exact,
);
