//! The demo community: believable, idempotent, and with counts that come from vote rows.

use std::collections::HashSet;
use std::time::Instant;

use axum::http::StatusCode;
use kindred_api::moderation::QueueOrder;
use kindred_api::product::validate_catalog;
use kindred_api::{Idea, IdeaSort, Page, Post, SiteConfig};
use kindred_server::seed;
use kindred_server::store::cursor::{Cursor, Key};
use kindred_server::store::moderation::queue::{QueueCursor, QueueQuery};

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

async fn the_trail_archive_adds_ten_thousand_posts_once(backend: Backend) {
    let app = TestApp::seeded(backend).await;
    let started = Instant::now();
    let (posts, likes) = seed::trail_archive::seed(&app.state.store).await.unwrap();
    let seeding = started.elapsed();
    assert_eq!(posts, 10_000);
    assert_eq!(
        seed::trail_archive::seed(&app.state.store).await.unwrap(),
        (0, 0)
    );
    let feed = "(SELECT id FROM feeds WHERE slug = 'trail-archive')";
    let count = |what: &str| format!("SELECT COUNT(*) FROM {what} WHERE feed_id = {feed}");
    assert_eq!(app.scalar(&count("posts")).await, 10_000);
    assert_eq!(
        app.scalar(&format!(
            "SELECT CAST(SUM(like_count) AS BIGINT) FROM posts WHERE feed_id = {feed}"
        ))
        .await,
        likes as i64
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM posts p WHERE p.like_count <> (SELECT COUNT(*) FROM post_likes l WHERE l.post_id = p.id)").await,
        0
    );
    // Every post reuses a demo photo's renditions: no file is added.
    assert_eq!(
        app.scalar("SELECT COUNT(DISTINCT file) FROM post_images")
            .await,
        app.scalar(&format!(
            "SELECT COUNT(DISTINCT m.file) FROM post_images m JOIN posts p ON p.id = m.post_id
             WHERE p.feed_id = (SELECT id FROM feeds WHERE slug = '{}')",
            seed::FEED
        ))
        .await
    );

    let path = format!("/v1/feeds/{}/posts?limit=60", seed::trail_archive::FEED);
    let started = Instant::now();
    let first: Page<Post> = serde_json::from_slice(&app.get(&path, None).await.body).unwrap();
    let first_page = started.elapsed();
    assert_eq!(first.items.len(), 60);
    let captions: HashSet<_> = first.items.iter().map(|p| p.caption.as_str()).collect();
    assert_eq!(captions.len(), 60);
    assert!(first
        .items
        .iter()
        .all(|p| p.tags.len() == 2 && !p.product_tags.is_empty()));
    assert!(first.items.iter().all(|p| p.image.srcset.len() == 2));
    let newest = &first.items[0];
    assert_eq!(
        app.get(&newest.image.url, None).await.status,
        StatusCode::OK
    );

    // A deep page: past nine thousand posts, by the cursor of a post that far down.
    let deep_id = app
        .scalar(&format!(
            "SELECT id FROM posts WHERE feed_id = {feed} ORDER BY created_at DESC, id DESC
             LIMIT 1 OFFSET 9000"
        ))
        .await;
    let deep_post: Post =
        serde_json::from_slice(&app.get(&format!("/v1/posts/{deep_id}"), None).await.body).unwrap();
    let cursor = Cursor {
        sort: IdeaSort::New,
        pinned: false,
        primary: Key::Time(deep_post.created_at.clone()),
        secondary: 0,
        id: deep_id,
    };
    let started = Instant::now();
    let deep_path = format!("{path}&cursor={}", cursor.encode());
    let deep: Page<Post> = serde_json::from_slice(&app.get(&deep_path, None).await.body).unwrap();
    let deep_page = started.elapsed();
    assert_eq!(deep.items.len(), 60);
    assert!(deep.items[0].created_at < deep_post.created_at);
    assert!(
        deep.items[0].created_at[..4] < newest.created_at[..4],
        "years apart"
    );
    let filtered = format!("{path}&product=scree&tag=ultra");
    let by_product: Page<Post> =
        serde_json::from_slice(&app.get(&filtered, None).await.body).unwrap();
    assert!(!by_product.items.is_empty());
    eprintln!(
        "trail archive: seeded in {seeding:?}; first page {first_page:?}, page 150 {deep_page:?}"
    );
    // Generous bounds for a debug build on a slow machine; the log above has the numbers.
    assert!(first_page.as_millis() < 2_000 && deep_page.as_millis() < 2_000);
}

async fn the_backlog_adds_ten_thousand_waiting_ideas_once(backend: Backend) {
    let app = TestApp::seeded(backend).await;
    let started = Instant::now();
    assert_eq!(seed::backlog::seed(&app.state.store).await.unwrap(), 10_000);
    let seeding = started.elapsed();
    assert_eq!(seed::backlog::seed(&app.state.store).await.unwrap(), 0);
    let store = &app.state.store;
    let counts = store.queue_counts(Some(seed::SITE)).await.unwrap();
    assert_eq!((counts.ideas, counts.total), (10_000, 10_000));

    // Nothing of it is listed until a moderator approves it.
    let path = format!("/v1/boards/{}/ideas?sort=new", seed::backlog::BOARD);
    let listed: Page<Idea> = serde_json::from_slice(&app.get(&path, None).await.body).unwrap();
    assert!(listed.items.is_empty());

    // The queue pages through it newest first, every item from its own visitor.
    let mut query = QueueQuery {
        site: Some(seed::SITE.to_owned()),
        board: Some(seed::backlog::BOARD.to_owned()),
        order: QueueOrder::Newest,
        limit: 50,
        ..QueueQuery::default()
    };
    let started = Instant::now();
    let first = store.queue(&query).await.unwrap();
    let first_page = started.elapsed();
    assert_eq!(first.items.len(), 50);
    assert!(first.items[0].created_at > first.items[49].created_at);
    let authors: HashSet<_> = first
        .items
        .iter()
        .map(|item| &item.author.identity)
        .collect();
    assert_eq!(authors.len(), 50);
    let mut cursor = first.next_cursor;
    for _ in 0..100 {
        query.cursor = Some(QueueCursor::decode(cursor.as_deref().unwrap()).unwrap());
        cursor = store.queue(&query).await.unwrap().next_cursor;
    }
    query.cursor = Some(QueueCursor::decode(cursor.as_deref().unwrap()).unwrap());
    let started = Instant::now();
    let deep = store.queue(&query).await.unwrap();
    let deep_page = started.elapsed();
    assert_eq!(deep.items.len(), 50);
    eprintln!(
        "review backlog: seeded in {seeding:?}; first page {first_page:?}, page 102 {deep_page:?}"
    );
    // Generous bounds for a debug build on a slow machine; the log above has the numbers.
    assert!(first_page.as_millis() < 2_000 && deep_page.as_millis() < 2_000);
}

async fn the_archive_needs_the_demo_site(backend: Backend) {
    let app = TestApp::empty(backend).await;
    assert_eq!(seed::archive::seed(&app.state.store).await.unwrap(), (0, 0));
    assert_eq!(
        seed::trail_archive::seed(&app.state.store).await.unwrap(),
        (0, 0)
    );
    assert_eq!(seed::backlog::seed(&app.state.store).await.unwrap(), 0);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM boards").await, 0);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM feeds").await, 0);
}

on_both_backends!(
    seeding_twice_keeps_one_community,
    demo_counts_are_the_vote_rows,
    the_demo_reads_like_a_real_board,
    the_demo_catalog_names_every_product_its_posts_tag,
    the_archive_adds_a_thousand_ideas_once,
    the_trail_archive_adds_ten_thousand_posts_once,
    the_backlog_adds_ten_thousand_waiting_ideas_once,
    the_archive_needs_the_demo_site,
);
