//! Concurrent votes over a real socket: the count is exact, never a lost update.

use std::sync::Arc;

use kindred_api::{VoteState, VISITOR_HEADER};
use tokio::task::JoinSet;

use crate::common::{visitor, RunningServer, TestApp, OPEN_BOARD};

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

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn distinct_visitors_voting_at_once_are_all_counted() {
    let app = TestApp::with_boards().await;
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
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_visitor_voting_twenty_times_at_once_counts_once() {
    let app = TestApp::with_boards().await;
    let idea = app
        .create_idea(OPEN_BOARD, "Click happy", &visitor(0))
        .await;
    let server = RunningServer::start(app.state.clone()).await;

    let states = put_votes(&server, &idea, vec![visitor(5); 20]).await;
    assert!(states.iter().all(|s| s.voted && s.vote_count == 1));
    assert_eq!(app.scalar("SELECT COUNT(*) FROM votes").await, 1);
    assert_eq!(app.scalar("SELECT vote_count FROM ideas").await, 1);
    server.stop().await;
}
