//! The product catalog: read and replaced whole through the moderation API, shown in the
//! site's configuration; bad products are refused by their place, unknown sites with 404.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use super::moderated_app;
use crate::common::{on_both_backends, Backend};

const CATALOG: &str = "/v1/moderation/sites/acme/products";

/// A valid product with slug `slug`.
fn product(slug: &str) -> Value {
    json!({
        "slug": slug,
        "name": format!("The {slug}"),
        "url": format!("https://shop.acme.test/products/{slug}"),
        "image": format!("https://cdn.acme.test/{slug}.jpg"),
    })
}

async fn catalogs_are_replaced_whole_and_shown_to_the_widget(backend: Backend) {
    let app = moderated_app(backend).await;
    assert_eq!(
        app.admin_ok(Method::GET, CATALOG, None, StatusCode::OK)
            .await,
        json!([])
    );
    let bare = json!({
        "slug": "packable-shell",
        "name": "  Packable shell  ",
        "url": "https://shop.acme.test/p/shell",
        "image": "/v1/media/0123456789abcdef0123456789abcdef.jpg",
    });
    let first = json!([product("summit-3"), bare, {
        "slug": "socks", "name": "Socks", "url": "http://shop.acme.test/socks"
    }]);
    let stored = app
        .admin_ok(Method::PUT, CATALOG, Some(first), StatusCode::OK)
        .await;
    assert_eq!(stored[1]["name"], "Packable shell");
    assert!(stored[2].get("image").is_none());
    let slugs = |catalog: &Value| -> Vec<String> {
        catalog
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["slug"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(slugs(&stored), ["summit-3", "packable-shell", "socks"]);
    assert_eq!(
        app.admin_ok(Method::GET, CATALOG, None, StatusCode::OK)
            .await,
        stored
    );
    let site = app.get("/v1/sites/acme", None).await.json();
    assert_eq!(site["products"], stored);

    // The next save replaces everything, in its own order.
    let second = json!([product("socks"), product("summit-3")]);
    let stored = app
        .admin_ok(Method::PUT, CATALOG, Some(second.clone()), StatusCode::OK)
        .await;
    assert_eq!(stored, second);
    assert_eq!(
        app.get("/v1/sites/acme", None).await.json()["products"],
        second
    );
    assert_eq!(app.scalar("SELECT COUNT(*) FROM products").await, 2);

    // The largest catalog, far over the JSON limit of other bodies, fits.
    let long_url = format!("https://shop.acme.test/{}", "p".repeat(1_900));
    let largest: Vec<Value> = (0..500)
        .map(|n| {
            json!({"slug": format!("p-{n}"), "name": "n".repeat(120), "url": long_url,
                        "image": long_url})
        })
        .collect();
    let stored = app
        .admin_ok(Method::PUT, CATALOG, Some(json!(largest)), StatusCode::OK)
        .await;
    assert_eq!(stored.as_array().unwrap().len(), 500);
    assert_eq!(stored[499]["slug"], "p-499");
    let cleared = app
        .admin_ok(Method::PUT, CATALOG, Some(json!([])), StatusCode::OK)
        .await;
    assert_eq!(cleared, json!([]));
    assert_eq!(
        app.get("/v1/sites/acme", None).await.json()["products"],
        json!([])
    );
}

async fn bad_catalogs_are_refused_and_change_nothing(backend: Backend) {
    let app = moderated_app(backend).await;
    let kept = json!([product("summit-3")]);
    app.admin_ok(Method::PUT, CATALOG, Some(kept.clone()), StatusCode::OK)
        .await;

    let bad = json!([
        product("summit-3"),
        product("scree"),
        {"slug": "Scree 2", "name": " ", "url": "/scree", "image": "//evil.test/x.jpg"},
        {"slug": "vest", "name": "Vest", "url": "javascript:alert(1)"},
        product("scree"),
    ]);
    let error = app
        .admin(Method::PUT, CATALOG, Some(bad))
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        error["error"]["fields"],
        json!({
            "[2].slug": ["invalid"], "[2].name": ["required"], "[2].url": ["invalid"],
            "[2].image": ["invalid"], "[3].url": ["invalid"], "[4].slug": ["duplicate"],
        })
    );
    let too_many: Vec<Value> = (0..501).map(|n| product(&format!("p-{n}"))).collect();
    let error = app
        .admin(Method::PUT, CATALOG, Some(json!(too_many)))
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(error["error"]["fields"], json!({"products": ["too_many"]}));
    app.admin(Method::PUT, CATALOG, Some(json!({"slug": "summit-3"})))
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    app.admin(Method::PUT, CATALOG, Some(json!([{"slug": "summit-3"}])))
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    assert_eq!(
        app.admin_ok(Method::GET, CATALOG, None, StatusCode::OK)
            .await,
        kept
    );

    for uri in [
        "/v1/moderation/sites/nowhere/products",
        "/v1/moderation/sites/Not%20A%20Slug/products",
    ] {
        app.admin(Method::GET, uri, None)
            .await
            .assert_error(StatusCode::NOT_FOUND, "not_found");
        app.admin(Method::PUT, uri, Some(json!([])))
            .await
            .assert_error(StatusCode::NOT_FOUND, "not_found");
    }
    app.admin_with_key(Method::PUT, CATALOG, Some(json!([])), None)
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthorized");
    app.admin_with_key(Method::GET, CATALOG, None, Some("wrong"))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthorized");
}

on_both_backends!(
    catalogs_are_replaced_whole_and_shown_to_the_widget,
    bad_catalogs_are_refused_and_change_nothing,
);
