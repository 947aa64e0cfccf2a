//! Signed-in users: SSO tokens signed with the site's secret act as `user:<sub>`, with the
//! token's name and avatar; every bad token is a 401, never a silent anonymous request.

use std::time::{SystemTime, UNIX_EPOCH};

use axum::http::{Method, StatusCode};
use kindred_server::seed;
use kindred_server::sso::{sign, sign_eddsa};
use kindred_server::store::boards::NewBoard;
use kindred_server::store::sites::NewSite;
use serde_json::{json, Value};

use crate::common::{
    on_both_backends, public_key_pem, visitor, Backend, TestApp, TestResponse, MEMBERS_BOARD,
    OPEN_BOARD,
};
use crate::moderation::moderated_app;

const SECRET: &str = "acme-sso-secret-for-tests";

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

fn claims() -> Value {
    json!({"sub": "u-42", "name": "Maya Okafor", "avatar": "https://cdn.acme.test/maya.png",
           "aud": "acme", "exp": now() + 600, "iat": now()})
}

fn token(claims: &Value) -> String {
    sign(claims, SECRET.as_bytes())
}

/// The fixture boards, with `SECRET` as site `acme`'s SSO secret.
async fn app(backend: Backend) -> TestApp {
    let app = TestApp::with_boards(backend).await;
    let store = &app.state.store;
    let site = store.site_id("acme").await.unwrap().unwrap();
    store.set_sso_secret(site, Some(SECRET)).await.unwrap();
    app
}

/// A request with `Authorization: Bearer <token>` (and a visitor id when given).
async fn send_as(
    app: &TestApp,
    method: Method,
    uri: &str,
    token: &str,
    visitor: Option<&str>,
    body: Option<Value>,
) -> TestResponse {
    app.send_bearer(method, uri, Some(token), visitor, body.as_ref())
        .await
}

async fn a_signed_in_user_proposes_and_votes_as_themselves(backend: Backend) {
    let app = app(backend).await;
    let token = token(&claims());
    // The members-only board refuses visitors but takes signed-in users.
    let created = send_as(
        &app,
        Method::POST,
        &format!("/v1/boards/{MEMBERS_BOARD}/ideas"),
        &token,
        None,
        Some(json!({"title": "Members want this"})),
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text());
    let idea = created.json();
    assert_eq!(idea["author"]["name"], "Maya Okafor");
    assert_eq!(idea["author"]["avatar"], "https://cdn.acme.test/maya.png");
    let id = idea["id"].as_str().unwrap();

    let vote = send_as(
        &app,
        Method::PUT,
        &format!("/v1/ideas/{id}/vote"),
        &token,
        None,
        None,
    )
    .await;
    assert_eq!(vote.status, StatusCode::OK, "{}", vote.text());
    assert_eq!(vote.json()["voted"], true);
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM votes WHERE voter = 'user:u-42'")
            .await,
        1
    );
    let read = send_as(
        &app,
        Method::GET,
        &format!("/v1/ideas/{id}"),
        &token,
        None,
        None,
    )
    .await;
    assert_eq!(read.json()["voted"], true);
    // The same person without the token is a different, anonymous identity.
    assert_eq!(
        app.get(&format!("/v1/ideas/{id}"), Some(&visitor(1)))
            .await
            .json()["voted"],
        false
    );
}

async fn bad_tokens_are_refused_never_downgraded(backend: Backend) {
    let app = app(backend).await;
    let idea = app
        .create_idea(OPEN_BOARD, "Vote for me", &visitor(1))
        .await;
    let mut expired = claims();
    expired["exp"] = json!(now() - 3600);
    let mut other_site = claims();
    other_site["aud"] = json!("globex");
    let mut no_expiry = claims();
    no_expiry.as_object_mut().unwrap().remove("exp");
    let cases = [
        ("forged", sign(&claims(), b"not the site's secret")),
        ("expired", token(&expired)),
        ("wrong audience", token(&other_site)),
        ("no expiry", token(&no_expiry)),
        ("malformed", "not-a-jwt".to_owned()),
    ];
    for (case, token) in &cases {
        // A valid visitor id alongside does not rescue a bad token.
        let vote = send_as(
            &app,
            Method::PUT,
            &format!("/v1/ideas/{idea}/vote"),
            token,
            Some(&visitor(2)),
            None,
        )
        .await;
        let body = vote.assert_error(StatusCode::UNAUTHORIZED, "unauthorized");
        assert!(
            body["error"]["message"].as_str().unwrap().contains("token"),
            "{case}: {body}"
        );
        let read = send_as(
            &app,
            Method::GET,
            &format!("/v1/boards/{OPEN_BOARD}/ideas"),
            token,
            None,
            None,
        )
        .await;
        read.assert_error(StatusCode::UNAUTHORIZED, "unauthorized");
    }
    assert_eq!(app.scalar("SELECT COUNT(*) FROM votes").await, 0);
}

async fn tokens_only_count_for_a_site_that_accepts_them(backend: Backend) {
    let app = app(backend).await;
    let store = &app.state.store;
    let globex = store
        .create_site(&NewSite {
            slug: "globex",
            name: "Globex",
            locale: "en",
            anonymous_author: "Anonymous",
        })
        .await
        .unwrap();
    store
        .create_board(&NewBoard {
            site_id: globex,
            slug: "globex-ideas",
            name: "Ideas",
            description: "",
            supporter_threshold: None,
            rules: kindred_server::store::boards::BoardRules::OPEN,
            position: 0,
        })
        .await
        .unwrap();
    let mut for_globex = claims();
    for_globex["aud"] = json!("globex");
    let uri = "/v1/boards/globex-ideas/ideas";
    for token in [token(&claims()), token(&for_globex)] {
        let response = send_as(&app, Method::GET, uri, &token, None, None).await;
        let body = response.assert_error(StatusCode::UNAUTHORIZED, "unauthorized");
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .contains("globex"),
            "{body}"
        );
    }
}

async fn the_demo_site_accepts_tokens_signed_with_its_published_secret(backend: Backend) {
    let app = TestApp::seeded(backend).await;
    let claims = json!({"sub": "demo-user", "name": "Demo Runner", "aud": seed::SITE,
                        "exp": now() + 600});
    let token = sign(&claims, seed::SSO_SECRET.as_bytes());
    let uri = format!("/v1/boards/{}/ideas", seed::BOARDS[0]);
    let response = send_as(&app, Method::GET, &uri, &token, None, None).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.text());
}

async fn brands_with_a_key_pair_sign_tokens_with_eddsa(backend: Backend) {
    let app = moderated_app(backend).await;
    let private = ed25519_dalek::SigningKey::from_bytes(&[42; 32]);
    let key = json!({ "sso_public_key": public_key_pem(&private.verifying_key()) });
    let uri = "/v1/moderation/sites/acme";
    app.admin_ok(Method::PUT, uri, Some(key), StatusCode::OK)
        .await;
    let uri = format!("/v1/boards/{MEMBERS_BOARD}/ideas");
    let body = json!({"title": "Signed with a key pair"});

    let token = sign_eddsa(&claims(), &private);
    let created = send_as(&app, Method::POST, &uri, &token, None, Some(body.clone())).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text());
    assert_eq!(created.json()["author"]["name"], "Maya Okafor");

    let stranger = ed25519_dalek::SigningKey::from_bytes(&[43; 32]);
    let forged = sign_eddsa(&claims(), &stranger);
    send_as(&app, Method::POST, &uri, &forged, None, Some(body.clone()))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthorized");
    // The site holds no secret, so HS256 tokens are refused whatever they are signed with.
    let hmac = sign(&claims(), private.verifying_key().as_bytes());
    let refused = send_as(&app, Method::POST, &uri, &hmac, None, Some(body)).await;
    let error = refused.assert_error(StatusCode::UNAUTHORIZED, "unauthorized");
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap()
            .contains("EdDSA"),
        "{error}"
    );
}

on_both_backends!(
    brands_with_a_key_pair_sign_tokens_with_eddsa,
    a_signed_in_user_proposes_and_votes_as_themselves,
    bad_tokens_are_refused_never_downgraded,
    tokens_only_count_for_a_site_that_accepts_them,
    the_demo_site_accepts_tokens_signed_with_its_published_secret,
);
