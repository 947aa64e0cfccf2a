//! The demo community: believable, idempotent, and with counts that come from vote rows.

use std::collections::HashSet;

use axum::http::StatusCode;
use kindred_api::product::validate_catalog;
use kindred_api::{Idea, Page, Post, SiteConfig};
use kindred_server::seed;

use crate::common::{on_both_backends, Backend, TestApp, DRIFT};

async fn seeding_twice_keeps_one_community(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let first = seed::demo(&app.state.store, &app.state.media, &[])
        .await
        .unwrap();
    assert!(first.seeded);
    assert_eq!(first.ideas, 30);
    assert_eq!(first.products, 8);
    assert_eq!(first.origins_added, 2);
    let votes = app.scalar("SELECT COUNT(*) FROM votes").await;
    assert_eq!(votes, first.votes as i64);

    let second = seed::demo(
        &app.state.store,
        &app.state.media,
        &seed::local_origins(3000),
    )
    .await
    .unwrap();
    assert!(!second.seeded);
    assert_eq!(
        (second.ideas, second.votes, second.origins_added),
        (0, 0, 2)
    );
    assert_eq!(app.scalar("SELECT COUNT(*) FROM sites").await, 1);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM boards").await, 2);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM ideas").await, 30);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM votes").await, votes);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM site_origins").await, 4);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM products").await, 8);

    app.state.origins.reload(&app.state.store).await.unwrap();
    assert!(app.state.origins.contains("http://localhost:3000"));
    assert!(app.state.origins.contains("http://127.0.0.1:8080"));
}

async fn demo_counts_are_the_vote_rows(backend: Backend) {
    let app = TestApp::seeded(backend).await;
    assert_eq!(app.scalar(DRIFT).await, 0);
    assert_eq!(app.scalar("SELECT MAX(vote_count) FROM ideas").await, 118);
    assert_eq!(app.scalar("SELECT MIN(vote_count) FROM ideas").await, 0);
    assert_eq!(
        app.scalar("SELECT CAST(SUM(vote_count) AS BIGINT) FROM ideas")
            .await,
        app.scalar("SELECT COUNT(*) FROM votes").await
    );
}

async fn the_demo_reads_like_a_real_board(backend: Backend) {
    let app = TestApp::seeded(backend).await;
    let site: SiteConfig =
        serde_json::from_slice(&app.get("/v1/sites/ridgeline", None).await.body).unwrap();
    assert_eq!(site.name, "Ridgeline Trail Co.");
    assert_eq!(site.locale, "en");
    let boards: Vec<_> = site.boards.iter().map(|b| b.slug.as_str()).collect();
    assert_eq!(boards, ["trail-shoes", "gear-and-apparel"]);
    assert_eq!(site.feeds[0].consent, seed::CONSENT);

    let mut ideas = Vec::new();
    for board in boards {
        let response = app
            .get(&format!("/v1/boards/{board}/ideas?limit=100"), None)
            .await;
        let page: Page<Idea> = serde_json::from_slice(&response.body).unwrap();
        ideas.extend(page.items);
    }
    assert_eq!(ideas.len(), 30);
    let statuses: HashSet<_> = ideas.iter().map(|i| i.status.as_str()).collect();
    for status in [
        "open",
        "under_review",
        "planned",
        "in_progress",
        "shipped",
        "declined",
    ] {
        assert!(statuses.contains(status), "{status}");
    }
    let open = ideas.iter().filter(|i| i.status.as_str() == "open").count();
    assert!(open * 2 > ideas.len(), "mostly open");
    assert!(ideas.iter().all(|i| (1..=3).contains(&i.tags.len())));
    let authors: HashSet<_> = ideas.iter().map(|i| i.author.name.as_str()).collect();
    assert!(authors.len() >= 25);
    let months: HashSet<_> = ideas.iter().map(|i| &i.created_at[..7]).collect();
    assert!(months.len() >= 4, "{months:?}");
}

async fn the_demo_catalog_names_every_product_its_posts_tag(backend: Backend) {
    let app = TestApp::seeded(backend).await;
    let site: SiteConfig =
        serde_json::from_slice(&app.get("/v1/sites/ridgeline", None).await.body).unwrap();
    let catalog: HashSet<&str> = site.products.iter().map(|p| p.slug.as_str()).collect();
    let posts: Page<Post> = serde_json::from_slice(
        &app.get("/v1/feeds/trail-stories/posts?limit=60", None)
            .await
            .body,
    )
    .unwrap();
    for tag in posts.items.iter().flat_map(|post| &post.product_tags) {
        assert!(catalog.contains(tag.as_str()), "{tag}");
    }
    assert_eq!(validate_catalog(&site.products), Ok(()));
    for product in &site.products {
        assert_eq!(
            product.url,
            format!("https://ridgeline.example/products/{}", product.slug)
        );
        assert!(product.name.contains(' '), "{}", product.name);
        let image = product.image.as_deref().unwrap();
        assert!(image.starts_with("/v1/media/"), "{image}");
        let file = app.get(image, None).await;
        assert_eq!(file.status, StatusCode::OK);
        let picture = image::load_from_memory(&file.body).unwrap();
        assert_eq!((picture.width(), picture.height()), (320, 320));
    }
    assert_eq!(site.products[0].name, "Summit 3 trail shoe");
}

async fn the_archive_adds_a_thousand_ideas_once(backend: Backend) {
    let app = TestApp::seeded(backend).await;
    let (ideas, votes) = seed::archive::seed(&app.state.store).await.unwrap();
    assert_eq!(ideas, 1_000);
    assert!(app.scalar("SELECT COUNT(*) FROM votes").await as usize >= votes);
    assert_eq!(seed::archive::seed(&app.state.store).await.unwrap(), (0, 0));
    assert_eq!(app.scalar(DRIFT).await, 0);

    let path = format!(
        "/v1/boards/{}/ideas?sort=new&limit=100",
        seed::archive::BOARD
    );
    let page: Page<Idea> = serde_json::from_slice(&app.get(&path, None).await.body).unwrap();
    assert_eq!(page.items.len(), 100);
    assert!(page.next_cursor.is_some());
    let titles: HashSet<_> = page.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles.len(), 100);
    let site: SiteConfig =
        serde_json::from_slice(&app.get("/v1/sites/ridgeline", None).await.body).unwrap();
    assert_eq!(site.boards.len(), 3);
}

async fn the_archive_needs_the_demo_site(backend: Backend) {
    let app = TestApp::empty(backend).await;
    assert_eq!(seed::archive::seed(&app.state.store).await.unwrap(), (0, 0));
    assert_eq!(app.scalar("SELECT COUNT(*) FROM boards").await, 0);
}

on_both_backends!(
    seeding_twice_keeps_one_community,
    demo_counts_are_the_vote_rows,
    the_demo_reads_like_a_real_board,
    the_demo_catalog_names_every_product_its_posts_tag,
    the_archive_adds_a_thousand_ideas_once,
    the_archive_needs_the_demo_site,
);
