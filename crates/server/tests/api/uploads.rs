//! Uploads that must be refused, each with the contract's error: no identity, a body that is
//! not a form, a file that is not an image by its bytes, a decompression bomb, missing or
//! broken fields, bodies over the upload limit; and the honeypot.

use axum::body::Body;
use axum::http::{header, Method, StatusCode};
use serde_json::json;

use crate::common::{on_both_backends, request, visitor, Backend, TestApp, OPEN_BOARD};
use crate::multipart::{form, png, png_claiming, png_of_size, post_parts, Part, OPEN_FEED};

async fn uploads_need_an_identity_and_a_known_feed(backend: Backend) {
    let app = TestApp::with_feeds(backend).await;
    app.upload(OPEN_FEED, None, form(&post_parts(png(40, 30), "", "")))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthorized");
    app.upload(
        "nope",
        Some(&visitor(1)),
        form(&post_parts(png(40, 30), "", "")),
    )
    .await
    .assert_error(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM posts").await, 0);
}

async fn uploads_are_judged_by_their_bytes(backend: Backend) {
    let app = TestApp::with_feeds(backend).await;
    let me = visitor(1);
    for (name, bytes) in [
        ("notes.png", b"just some text, renamed".to_vec()),
        ("anim.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec()),
        ("page.webp", b"RIFF\x10\x00\x00\x00WAVEfmt ".to_vec()),
    ] {
        let mut parts = post_parts(Vec::new(), "", "");
        parts[0] = Part::File("image", name, "image/png", bytes);
        app.upload(OPEN_FEED, Some(&me), form(&parts))
            .await
            .assert_error(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
    }
    // A PNG signature on bytes that are not a PNG is an unreadable image.
    let mut parts = post_parts(Vec::new(), "", "");
    parts[0] = Part::File(
        "image",
        "x.png",
        "image/png",
        b"\x89PNG\r\n\x1a\nnonsense".to_vec(),
    );
    let body = app
        .upload(OPEN_FEED, Some(&me), form(&parts))
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(body["error"]["fields"]["image"], json!(["invalid"]));

    // A body that is not multipart at all.
    let response = app
        .send_json(
            Method::POST,
            &format!("/v1/feeds/{OPEN_FEED}/posts"),
            Some(&me),
            &json!({"caption": "hi"}),
        )
        .await;
    response.assert_error(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
    // A multipart body cut short.
    let mut body = form(&post_parts(png(40, 30), "", ""));
    body.truncate(body.len() - 30);
    app.upload(OPEN_FEED, Some(&me), body)
        .await
        .assert_error(StatusCode::BAD_REQUEST, "bad_request");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM posts").await, 0);
}

async fn uploads_of_decompression_bombs_are_refused_before_decoding(backend: Backend) {
    let app = TestApp::with_feeds(backend).await;
    for (width, height) in [(50_000, 50_000), (8_001, 10), (7_000, 7_000)] {
        let mut parts = post_parts(Vec::new(), "", "");
        parts[0] = Part::File(
            "image",
            "bomb.png",
            "image/png",
            png_claiming(width, height),
        );
        let body = app
            .upload(OPEN_FEED, Some(&visitor(1)), form(&parts))
            .await
            .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(
            body["error"]["fields"]["image"],
            json!(["too_large"]),
            "{width}×{height}"
        );
    }
}

async fn uploads_report_every_broken_field(backend: Backend) {
    let app = TestApp::with_feeds(backend).await;
    let long_caption = "c".repeat(2_001);
    let body = app
        .upload(
            OPEN_FEED,
            Some(&visitor(1)),
            form(&[
                Part::Text("caption", &long_caption),
                Part::Text("alt", "  "),
                Part::Text("product_tags", "Summit 3,ok-tag"),
                Part::Text("consent", "false"),
            ]),
        )
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    let fields = &body["error"]["fields"];
    assert_eq!(fields["caption"], json!(["too_long"]));
    assert_eq!(fields["alt"], json!(["required"]));
    assert_eq!(fields["product_tags"], json!(["invalid"]));
    assert_eq!(fields["consent"], json!(["required"]));
    assert_eq!(fields["image"], json!(["required"]));

    let eleven = ["tag"; 11].join(",");
    let mut parts = post_parts(png(40, 30), "", &eleven);
    parts.push(Part::Text("colour", "red"));
    let body = app
        .upload(OPEN_FEED, Some(&visitor(1)), form(&parts))
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("colour"));
    parts.pop();
    let body = app
        .upload(OPEN_FEED, Some(&visitor(1)), form(&parts))
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(body["error"]["fields"]["product_tags"], json!(["too_many"]));
    assert_eq!(app.scalar("SELECT COUNT(*) FROM posts").await, 0);
}

/// A PNG of noise, which compresses badly: over `bytes` long.
fn noisy_png(bytes: usize) -> Vec<u8> {
    let side = (bytes as f64 / 3.0).sqrt() as u32 + 8;
    let mut state = 0x2545_F491_u32;
    let image = image::RgbImage::from_fn(side, side, |_, _| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let [a, b, c, _] = state.to_le_bytes();
        image::Rgb([a, b, c])
    });
    let png = crate::multipart::encode(&image, image::ImageFormat::Png);
    assert!(png.len() > bytes, "{}", png.len());
    png
}

async fn uploads_have_their_own_body_limit(backend: Backend) {
    let app = TestApp::with_feeds_configured(backend, |config| {
        config.upload_body_limit = 300_000;
    })
    .await;
    let me = visitor(1);
    // 100 KB passes on the upload route, far over the JSON limit.
    let response = app
        .upload(
            OPEN_FEED,
            Some(&me),
            form(&post_parts(noisy_png(100_000), "", "")),
        )
        .await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    // …while the JSON routes keep theirs.
    let big = json!({"title": "Big body", "body": "x".repeat(100_000)});
    app.send_json(
        Method::POST,
        &format!("/v1/boards/{OPEN_BOARD}/ideas"),
        Some(&me),
        &big,
    )
    .await
    .assert_error(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    // Over the upload limit: 413, whether the length is declared up front or not.
    let over = form(&post_parts(noisy_png(320_000), "", ""));
    app.upload(OPEN_FEED, Some(&me), over.clone())
        .await
        .assert_error(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    let chunks = over
        .chunks(16 * 1024)
        .map(|chunk| Ok::<_, std::io::Error>(chunk.to_vec()))
        .collect::<Vec<_>>();
    let streamed = request(
        Method::POST,
        &format!("/v1/feeds/{OPEN_FEED}/posts"),
        Some(&me),
    )
    .header(
        header::CONTENT_TYPE,
        "multipart/form-data; boundary=kindred-test-boundary-7MA4YWxkTrZu0gW",
    )
    .body(Body::from_stream(futures_util::stream::iter(chunks)))
    .unwrap();
    app.send(streamed)
        .await
        .assert_error(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM posts").await, 1);
}

async fn uploads_take_a_photo_of_the_size_the_feed_tells(backend: Backend) {
    let app = TestApp::with_feeds_configured(backend, |config| {
        config.upload_body_limit = 300_000;
    })
    .await;
    let site = app.get("/v1/sites/acme", None).await.json();
    let max = usize::try_from(site["feeds"][0]["max_image_bytes"].as_u64().unwrap()).unwrap();
    assert_eq!(max, 300_000 - 64 * 1024);
    // The longest text fields there are, in four-byte characters, fit beside it.
    let caption = "🏔".repeat(2_000);
    let alt = "🏔".repeat(300);
    let products = vec!["p".repeat(64); 10].join(",");
    let parts = |image| {
        vec![
            Part::File("image", "photo.png", "image/png", image),
            Part::Text("caption", &caption),
            Part::Text("alt", &alt),
            Part::Text("product_tags", &products),
            Part::Text("consent", "true"),
        ]
    };
    let me = visitor(1);
    let body = app
        .upload(OPEN_FEED, Some(&me), form(&parts(png_of_size(max + 1))))
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(body["error"]["fields"], json!({"image": ["too_large"]}));
    let response = app
        .upload(OPEN_FEED, Some(&me), form(&parts(png_of_size(max))))
        .await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    assert_eq!(app.scalar("SELECT COUNT(*) FROM posts").await, 1);
}

async fn uploads_filling_the_honeypot_look_fine_but_store_nothing(backend: Backend) {
    let app = TestApp::with_feeds(backend).await;
    let mut parts = post_parts(png(600, 400), "Cheap #watches", "deal,deal");
    parts.push(Part::Text("website", "https://spam.example"));
    let response = app.upload(OPEN_FEED, Some(&visitor(1)), form(&parts)).await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    let post = response.json();
    assert_eq!(post["caption"], "Cheap #watches");
    assert_eq!(post["tags"], json!(["watches"]));
    assert_eq!(post["product_tags"], json!(["deal"]));
    assert_eq!(post["image"]["srcset"].as_array().unwrap().len(), 2);
    assert!(response
        .header("location")
        .unwrap()
        .starts_with("/v1/posts/"));
    assert_eq!(app.scalar("SELECT COUNT(*) FROM posts").await, 0);
    let url = post["image"]["url"].as_str().unwrap();
    assert_eq!(app.get(url, None).await.status, StatusCode::NOT_FOUND);
}

async fn uploads_media_names_are_only_stored_hashes(backend: Backend) {
    let app = TestApp::with_feeds(backend).await;
    let id = app.create_post(OPEN_FEED, &visitor(1), "", "").await;
    let post = app.get(&format!("/v1/posts/{id}"), None).await.json();
    let url = post["image"]["url"].as_str().unwrap();
    assert_eq!(app.get(url, None).await.status, StatusCode::OK);
    for bad in [
        "/v1/media/0123456789abcdef0123456789abcdef.jpg",
        "/v1/media/..%2Fkindred.sqlite3",
        "/v1/media/..%2F..%2Fetc%2Fpasswd",
        "/v1/media/%2E%2E",
        "/v1/media/../kindred.sqlite3",
        "/v1/media/kindred.sqlite3",
        "/v1/media/",
    ] {
        let response = app.get(bad, None).await;
        response.assert_error(StatusCode::NOT_FOUND, "not_found");
    }
}

on_both_backends!(
    uploads_need_an_identity_and_a_known_feed,
    uploads_are_judged_by_their_bytes,
    uploads_of_decompression_bombs_are_refused_before_decoding,
    uploads_report_every_broken_field,
    uploads_have_their_own_body_limit,
    uploads_take_a_photo_of_the_size_the_feed_tells,
    uploads_filling_the_honeypot_look_fine_but_store_nothing,
    uploads_media_names_are_only_stored_hashes,
);
