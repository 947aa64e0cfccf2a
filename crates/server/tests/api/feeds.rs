//! Feeds: posting a photo, the post and its renditions, listing with filters and cursors,
//! review before listing, and the feeds a site lists.

use axum::http::StatusCode;
use image::{GenericImageView, ImageFormat};
use kindred_api::{Page, Post, SiteConfig};
use serde_json::json;

use crate::common::{on_both_backends, visitor, Backend, TestApp};
use crate::multipart::{
    encode, form, gradient, jpeg_with_exif, png, png_with_text, post_parts, transparent_png, webp,
    Part, MEMBERS_FEED, OPEN_FEED, REVIEWED_FEED,
};

fn post_of(response: &crate::common::TestResponse) -> Post {
    serde_json::from_slice(&response.body).unwrap_or_else(|e| panic!("{e}: {}", response.text()))
}

fn page(response: &crate::common::TestResponse) -> Page<Post> {
    assert_eq!(response.status, StatusCode::OK, "{}", response.text());
    serde_json::from_slice(&response.body).unwrap()
}

async fn feeds_a_photo_upload_becomes_a_post_with_renditions(backend: Backend) {
    let app = TestApp::with_feeds(backend).await;
    let me = visitor(1);
    let image = jpeg_with_exif(1_600, 1_000, "GPS-SECRET-41.40N");
    let response = app
        .upload(
            OPEN_FEED,
            Some(&me),
            form(&[
                Part::File("image", "IMG_0001.jpg", "image/jpeg", image),
                Part::Text(
                    "caption",
                    "  Dawn on the #Ridge with #TrailRunning friends ",
                ),
                Part::Text("alt", "Runners on a ridge at dawn"),
                Part::Text("product_tags", "summit-3, scree"),
                Part::Text("product_tags", "hydration-vest"),
                Part::Text("consent", "true"),
                Part::Text("website", ""),
            ]),
        )
        .await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    let post = post_of(&response);
    assert_eq!(
        response.header("location"),
        Some(format!("/v1/posts/{}", post.id).as_str())
    );
    assert_eq!(
        post.caption,
        "Dawn on the #Ridge with #TrailRunning friends"
    );
    assert_eq!(post.alt, "Runners on a ridge at dawn");
    assert_eq!(post.source, None, "shared here, not elsewhere");
    assert_eq!(post.tags, ["ridge", "trailrunning"]);
    assert_eq!(post.product_tags, ["summit-3", "scree", "hydration-vest"]);
    assert_eq!(post.author.name, "Anonymous hiker");
    assert_eq!(
        (post.like_count, post.liked, post.pending_review),
        (0, false, false)
    );
    assert_eq!((post.image.width, post.image.height), (1_080, 675));
    let widths: Vec<u32> = post.image.srcset.iter().map(|s| s.width).collect();
    assert_eq!(widths, [480, 1_080]);
    assert_eq!(post.image.url, post.image.srcset[1].url);
    let color = &post.image.color;
    assert!(
        color.len() == 7
            && color.starts_with('#')
            && color[1..]
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)),
        "{color}"
    );

    for (source, height) in post.image.srcset.iter().zip([300, 675]) {
        let file = app.get(&source.url, None).await;
        assert_eq!(file.status, StatusCode::OK, "{}", source.url);
        assert_eq!(file.header("content-type"), Some("image/jpeg"));
        assert_eq!(
            file.header("cache-control"),
            Some("public, max-age=31536000, immutable")
        );
        assert_eq!(file.header("x-content-type-options"), Some("nosniff"));
        let decoded = image::load_from_memory_with_format(&file.body, ImageFormat::Jpeg).unwrap();
        assert_eq!(decoded.dimensions(), (source.width, height));
        let bytes = &file.body[..];
        assert!(!bytes.windows(4).any(|w| w == b"Exif"), "EXIF survived");
        assert!(
            !bytes.windows(10).any(|w| w == b"GPS-SECRET"),
            "metadata survived"
        );
    }

    let shown = app.get(&format!("/v1/posts/{}", post.id), None).await;
    assert_eq!(shown.status, StatusCode::OK);
    assert_eq!(post_of(&shown), post);
    let listed = page(&app.get(&format!("/v1/feeds/{OPEN_FEED}/posts"), None).await);
    assert_eq!(listed.items, [post]);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM post_images").await, 2);
}

async fn feeds_accept_png_and_webp_and_never_upscale(backend: Backend) {
    let app = TestApp::with_feeds(backend).await;
    let marker = "tEXt-SECRET-COMMENT";
    for (image, widths, name) in [
        (png_with_text(600, 400, marker), vec![480, 600], "photo.png"),
        (webp(300, 200), vec![300], "photo.webp"),
        (transparent_png(700, 100), vec![480, 700], "logo.png"),
        (
            encode(&gradient(480, 480), ImageFormat::Jpeg),
            vec![480],
            "square.jpeg",
        ),
    ] {
        // The declared type is ignored: the bytes decide.
        let parts = [
            Part::File("image", name, "application/octet-stream", image),
            Part::Text("alt", "A photo"),
            Part::Text("consent", "on"),
        ];
        let response = app.upload(OPEN_FEED, Some(&visitor(1)), form(&parts)).await;
        assert_eq!(
            response.status,
            StatusCode::CREATED,
            "{name}: {}",
            response.text()
        );
        let post = post_of(&response);
        let got: Vec<u32> = post.image.srcset.iter().map(|s| s.width).collect();
        assert_eq!(got, widths, "{name}");
        let largest = app.get(&post.image.url, None).await;
        assert!(!largest
            .body
            .windows(marker.len())
            .any(|w| w == marker.as_bytes()));
        if name == "logo.png" {
            // Transparent pixels are flattened onto white, not black.
            assert_eq!(post.image.color, "#ffffff");
        }
    }
}

async fn feeds_list_newest_first_with_filters_and_cursors(backend: Backend) {
    let app = TestApp::with_feeds(backend).await;
    let mut ids = Vec::new();
    for (n, (caption, products)) in [
        ("Morning #dawn", "summit-3"),
        ("Noon run", "scree"),
        ("Another #Dawn outing", "summit-3,scree"),
        ("Evening", ""),
        ("Late #dawn? no", "fernwood"),
    ]
    .into_iter()
    .enumerate()
    {
        ids.push(
            app.create_post(OPEN_FEED, &visitor(n as u32), caption, products)
                .await,
        );
    }
    let newest_first: Vec<String> = ids.iter().rev().cloned().collect();
    let uri = format!("/v1/feeds/{OPEN_FEED}/posts");

    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let next = match &cursor {
            Some(cursor) => format!("{uri}?limit=2&cursor={cursor}"),
            None => format!("{uri}?limit=2"),
        };
        let page = page(&app.get(&next, None).await);
        assert!(page.items.len() <= 2);
        seen.extend(page.items.into_iter().map(|p| p.id.0));
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    assert_eq!(seen, newest_first);

    let ids_of = |page: Page<Post>| page.items.into_iter().map(|p| p.id.0).collect::<Vec<_>>();
    let dawn = ids_of(page(&app.get(&format!("{uri}?tag=%23DAWN"), None).await));
    assert_eq!(dawn, [ids[4].clone(), ids[2].clone(), ids[0].clone()]);
    let summit = ids_of(page(
        &app.get(&format!("{uri}?product=summit-3"), None).await,
    ));
    assert_eq!(summit, [ids[2].clone(), ids[0].clone()]);
    let both = ids_of(page(
        &app.get(&format!("{uri}?tag=dawn&product=scree"), None)
            .await,
    ));
    assert_eq!(both, [ids[2].clone()]);
    let blank = ids_of(page(
        &app.get(&format!("{uri}?tag=&product=&cursor="), None).await,
    ));
    assert_eq!(blank.len(), 5);

    for bad in [
        "?limit=0",
        "?limit=x",
        "?cursor=garbage",
        "?cursor=top~1~0~5",
    ] {
        app.get(&format!("{uri}{bad}"), None)
            .await
            .assert_error(StatusCode::BAD_REQUEST, "bad_request");
    }
    app.get("/v1/feeds/nope/posts", None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    for bad in ["0", "abc", "999999"] {
        app.get(&format!("/v1/posts/{bad}"), None)
            .await
            .assert_error(StatusCode::NOT_FOUND, "not_found");
    }
}

async fn feeds_premoderated_posts_wait_unlisted(backend: Backend) {
    let app = TestApp::with_feeds(backend).await;
    let author = visitor(1);
    let response = app
        .upload(
            REVIEWED_FEED,
            Some(&author),
            form(&post_parts(png(40, 30), "Hi", "")),
        )
        .await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    let post = post_of(&response);
    assert!(post.pending_review);
    assert_eq!(response.json()["pending_review"], true);
    let listed = page(
        &app.get(&format!("/v1/feeds/{REVIEWED_FEED}/posts"), None)
            .await,
    );
    assert!(listed.items.is_empty());
    let uri = format!("/v1/posts/{}", post.id);
    assert_eq!(app.get(&uri, Some(&author)).await.status, StatusCode::OK);
    app.get(&uri, Some(&visitor(2)))
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    app.get(&uri, None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
}

async fn feeds_members_only_feeds_refuse_visitors(backend: Backend) {
    let app = TestApp::with_feeds(backend).await;
    app.upload(
        MEMBERS_FEED,
        Some(&visitor(1)),
        form(&post_parts(png(40, 30), "", "")),
    )
    .await
    .assert_error(StatusCode::FORBIDDEN, "forbidden");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM posts").await, 0);
}

async fn feeds_are_listed_in_the_site_config(backend: Backend) {
    let app = TestApp::with_feeds_configured(backend, |config| {
        config.upload_body_limit = 1_000_000;
    })
    .await;
    let response = app.get("/v1/sites/acme", None).await;
    let site: SiteConfig = serde_json::from_slice(&response.body).unwrap();
    let feeds: Vec<_> = site
        .feeds
        .iter()
        .map(|f| (f.slug.as_str(), f.allow_anonymous_posts, f.premoderation))
        .collect();
    assert_eq!(
        feeds,
        [
            (OPEN_FEED, true, false),
            (MEMBERS_FEED, false, false),
            (REVIEWED_FEED, true, true)
        ]
    );
    assert_eq!(site.boards.len(), 2);
    assert_eq!(
        response.json()["feeds"][0],
        json!({
            "slug": OPEN_FEED, "name": OPEN_FEED, "description": "",
            "allow_anonymous_posts": true, "premoderation": false, "consent": "",
            "max_image_bytes": 1_000_000 - 64 * 1024,
            "image_types": ["image/jpeg", "image/png", "image/webp"],
        })
    );
}

async fn feeds_of_the_demo_have_real_photos(backend: Backend) {
    let app = TestApp::seeded(backend).await;
    let listed = page(
        &app.get("/v1/feeds/trail-stories/posts?limit=60", None)
            .await,
    );
    assert_eq!(listed.items.len(), 8);
    let colors: std::collections::HashSet<&str> = listed
        .items
        .iter()
        .map(|p| p.image.color.as_str())
        .collect();
    assert!(colors.len() >= 4, "{colors:?}");
    // Two came from elsewhere: one with a link to where it was first published.
    let sources: Vec<(&str, Option<&str>)> = listed
        .items
        .iter()
        .filter_map(|post| post.source.as_ref())
        .map(|source| (source.name.as_str(), source.url.as_deref()))
        .collect();
    assert_eq!(
        sources,
        [
            (
                "Ridgeline Journal",
                Some("https://ridgeline.example/journal/east-ridge-at-dawn")
            ),
            ("Instagram", None),
        ]
    );
    for post in &listed.items {
        assert_eq!(post.image.srcset.len(), 2);
        assert!(post.like_count > 0);
        let file = app.get(&post.image.srcset[0].url, None).await;
        assert_eq!(file.status, StatusCode::OK);
    }
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM posts p WHERE p.like_count <> (SELECT COUNT(*) FROM post_likes l WHERE l.post_id = p.id)").await,
        0
    );
}

on_both_backends!(
    feeds_a_photo_upload_becomes_a_post_with_renditions,
    feeds_accept_png_and_webp_and_never_upscale,
    feeds_list_newest_first_with_filters_and_cursors,
    feeds_premoderated_posts_wait_unlisted,
    feeds_members_only_feeds_refuse_visitors,
    feeds_are_listed_in_the_site_config,
    feeds_of_the_demo_have_real_photos,
);
