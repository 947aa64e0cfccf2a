//! Write limits: per client IP and per identity, 429 with `Retry-After` beyond them, reads
//! never limited, `0` for no limit.

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Method, StatusCode};
use kindred_server::rate_limit::Rate;

use crate::common::{
    on_both_backends, request, visitor, Backend, TestApp, TestResponse, OPEN_BOARD,
};

async fn limited(backend: Backend, per_ip: &str, per_identity: &str) -> (TestApp, String) {
    let (per_ip, per_identity): (Rate, Rate) =
        (per_ip.parse().unwrap(), per_identity.parse().unwrap());
    let app = TestApp::with_boards_configured(backend, move |config| {
        config.write_rate_per_ip = per_ip;
        config.write_rate_per_identity = per_identity;
    })
    .await;
    // From the default test client, apart from the addresses and visitors the tests use.
    let idea = app
        .create_idea(OPEN_BOARD, "Limits apply to writes", &visitor(0))
        .await;
    (app, idea)
}

/// `PUT /v1/ideas/{idea}/vote` as visitor `n` from `ip`.
async fn vote_from(app: &TestApp, idea: &str, n: u32, ip: &str) -> TestResponse {
    let peer: SocketAddr = format!("{ip}:5000").parse().unwrap();
    let mut request = request(
        Method::PUT,
        &format!("/v1/ideas/{idea}/vote"),
        Some(&visitor(n)),
    )
    .body(Body::empty())
    .unwrap();
    request.extensions_mut().insert(ConnectInfo(peer));
    app.send(request).await
}

#[track_caller]
fn assert_limited(response: &TestResponse) {
    response.assert_error(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    let seconds: u64 = response.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=60).contains(&seconds), "{seconds}");
}

async fn an_ip_over_its_limit_gets_429_and_others_do_not(backend: Backend) {
    let (app, idea) = limited(backend, "60:3", "0").await;
    for n in 1..=3 {
        assert_eq!(vote_from(&app, &idea, n, "198.51.100.1").await.status, 200);
    }
    assert_limited(&vote_from(&app, &idea, 4, "198.51.100.1").await);
    // Another client is unaffected, and reads are never limited.
    assert_eq!(vote_from(&app, &idea, 5, "198.51.100.2").await.status, 200);
    assert_eq!(
        app.get(&format!("/v1/ideas/{idea}"), None).await.status,
        200
    );
}

async fn an_identity_over_its_limit_gets_429_and_others_do_not(backend: Backend) {
    let (app, idea) = limited(backend, "0", "60:2").await;
    // One visitor moving between addresses is still one identity.
    assert_eq!(vote_from(&app, &idea, 1, "198.51.100.1").await.status, 200);
    assert_eq!(vote_from(&app, &idea, 1, "198.51.100.2").await.status, 200);
    assert_limited(&vote_from(&app, &idea, 1, "198.51.100.3").await);
    assert_eq!(vote_from(&app, &idea, 2, "198.51.100.3").await.status, 200);
}

async fn zero_means_unlimited(backend: Backend) {
    let (app, idea) = limited(backend, "0", "0").await;
    for _ in 0..200 {
        assert_eq!(vote_from(&app, &idea, 1, "198.51.100.1").await.status, 200);
    }
}

on_both_backends!(
    an_ip_over_its_limit_gets_429_and_others_do_not,
    an_identity_over_its_limit_gets_429_and_others_do_not,
    zero_means_unlimited,
);
