//! Forms with photos: `multipart/form-data` submissions, image answers checked from the file
//! as received, stored renditions in the moderators' listing and export, idempotent retries,
//! and the post target that turns a submission into a post on a feed.

use axum::body::Body;
use axum::http::{Method, StatusCode};
use image::{ImageFormat, Rgb, RgbImage};
use kindred_api::FormDefinition;
use kindred_server::config::AdminKey;
use serde_json::{json, Value};

use crate::common::{on_both_backends, visitor, Backend, TestApp, TestResponse};
use crate::forms::{add_forms, ADMIN_KEY};
use crate::multipart::{
    encode, form, gradient, multipart_post, png, png_claiming, Part, MEMBERS_FEED, OPEN_FEED,
    REVIEWED_FEED,
};

/// Largest photo the `photos` form takes, in bytes.
const MAX_BYTES: u64 = 20_000;

/// A form whose required PNG or WebP photo is kept with the response.
fn photos_form() -> Value {
    json!({
        "schema": {
            "slug": "photos",
            "title": "Show us your trail",
            "fields": [
                { "name": "photo", "label": "Photo", "required": true,
                  "kind": { "type": "image", "accept": ["image/png", "image/webp"], "max_bytes": MAX_BYTES } },
                { "name": "note", "label": "Note", "kind": { "type": "short_text", "max_len": 100 } }
            ]
        },
        "target": { "kind": "response" }
    })
}

/// A form posting its photo on `feed`, with alt text, caption, product tags and the rights
/// consent.
pub fn share_form(slug: &str, feed: &str) -> Value {
    json!({
        "schema": {
            "slug": slug,
            "title": "Share a photo",
            "fields": [
                { "name": "photo", "label": "Photo", "required": true,
                  "kind": { "type": "image", "accept": ["image/*"], "max_bytes": 1_000_000 } },
                { "name": "describe", "label": "Describe it", "required": true,
                  "kind": { "type": "short_text", "max_len": 300 } },
                { "name": "story", "label": "Story", "kind": { "type": "long_text", "max_len": 2000 } },
                { "name": "shoes", "label": "Shoes", "kind": { "type": "short_text", "max_len": 200 } },
                { "name": "rights", "label": "Rights", "required": true,
                  "kind": { "type": "consent", "text": "It is my photo and you may show it." } }
            ]
        },
        "target": { "kind": "post", "feed": feed, "image_field": "photo", "alt_field": "describe",
                    "caption_field": "story", "products_field": "shoes" }
    })
}

/// Site `acme` with its feeds, an admin key and the forms `photos`, `share` (open feed),
/// `members-share` (members feed) and `review-share` (premoderated feed).
async fn with_photo_forms(backend: Backend) -> TestApp {
    let app = TestApp::with_feeds_configured(backend, |config| {
        config.admin_key = Some(AdminKey::new(ADMIN_KEY));
    })
    .await;
    let forms = [
        photos_form(),
        share_form("share", OPEN_FEED),
        share_form("members-share", MEMBERS_FEED),
        share_form("review-share", REVIEWED_FEED),
    ];
    add_forms(&app, forms).await;
    app
}

/// Submits `answers` and `files` (as `(field, bytes)`) to `form` as `who`, multipart.
pub async fn submit_photos(
    app: &TestApp,
    form_slug: &str,
    who: Option<&str>,
    answers: Value,
    files: &[(&str, Vec<u8>)],
) -> TestResponse {
    let uri = format!("/v1/forms/{form_slug}/submissions");
    let body = multipart_body(&answers, files);
    app.send(multipart_post(&uri, who).body(Body::from(body)).unwrap())
        .await
}

/// The multipart body of `answers` and `files`.
fn multipart_body(answers: &Value, files: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let answers = answers.to_string();
    let mut parts = vec![Part::Text("answers", &answers)];
    for (field, bytes) in files {
        parts.push(Part::File(field, "upload.bin", "image/png", bytes.clone()));
    }
    form(&parts)
}

/// The answers of a `share` form, with `shoes`.
pub fn share_answers(shoes: &str) -> Value {
    json!({ "describe": "Muddy shoes on a log", "story": "Rainy #trail run", "shoes": shoes, "rights": true })
}

/// A PNG of `width`×`height` pixels of noise, which does not compress.
fn noisy_png(width: u32, height: u32) -> Vec<u8> {
    let mut seed = 0x2545_f491_u32;
    let image = RgbImage::from_fn(width, height, |_, _| {
        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        let [r, g, b, _] = seed.to_be_bytes();
        Rgb([r, g, b])
    });
    encode(&image, ImageFormat::Png)
}

/// Creates a form on site `acme` through the moderation API.
async fn admin_create(app: &TestApp, definition: &Value) -> TestResponse {
    let uri = "/v1/moderation/sites/acme/forms";
    app.send_bearer(Method::POST, uri, Some(ADMIN_KEY), None, Some(definition))
        .await
}

/// A moderation GET with the admin key.
async fn admin_get(app: &TestApp, uri: &str) -> TestResponse {
    app.send_bearer(Method::GET, uri, Some(ADMIN_KEY), None, None)
        .await
}

async fn an_image_answer_is_stored_served_and_exported(backend: Backend) {
    let app = with_photo_forms(backend).await;
    let photo = png(60, 40);
    // The client's description is replaced by what the server received.
    let answers = json!({ "photo": { "media_type": "image/webp", "bytes": 1 }, "note": "Ridge" });
    let response = submit_photos(
        &app,
        "photos",
        Some(&visitor(1)),
        answers,
        &[("photo", photo.clone())],
    )
    .await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    assert_eq!(response.json()["target"], json!({ "kind": "response" }));

    let page = admin_get(&app, "/v1/moderation/forms/photos/submissions").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    let answer = page.json()["items"][0]["answers"]["photo"].clone();
    assert_eq!(answer["media_type"], "image/png");
    assert_eq!(answer["bytes"], photo.len());
    assert_eq!(
        (
            answer["image"]["width"].as_u64(),
            answer["image"]["height"].as_u64()
        ),
        (Some(60), Some(40))
    );
    assert!(answer["image"]["color"].as_str().unwrap().starts_with('#'));
    let url = answer["image"]["url"].as_str().unwrap().to_owned();
    assert!(url.starts_with("/v1/media/"), "{url}");
    let served = app.get(&url, None).await;
    assert_eq!(served.status, StatusCode::OK);
    assert_eq!(served.header("content-type"), Some("image/jpeg"));

    let csv = admin_get(&app, "/v1/moderation/forms/photos/submissions.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.text().contains(&format!(",{url},Ridge,")),
        "{}",
        csv.text()
    );
}

async fn image_answers_are_checked_by_the_file_received(backend: Backend) {
    let app = with_photo_forms(backend).await;
    let who = visitor(1);
    let fields = |response: TestResponse| {
        response.assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")["error"]
            ["fields"]
            .clone()
    };
    let small = png(20, 20);

    let missing = submit_photos(&app, "photos", Some(&who), json!({}), &[]).await;
    assert_eq!(fields(missing), json!({ "photo": ["required"] }));
    let json_only = app
        .send_json(
            Method::POST,
            "/v1/forms/photos/submissions",
            Some(&who),
            &json!({ "answers": { "photo": { "media_type": "image/png", "bytes": 10 } } }),
        )
        .await;
    assert_eq!(fields(json_only), json!({ "photo": ["required"] }));

    let jpeg = encode(&gradient(20, 20), ImageFormat::Jpeg);
    let wrong_type = submit_photos(&app, "photos", Some(&who), json!({}), &[("photo", jpeg)]).await;
    assert_eq!(fields(wrong_type), json!({ "photo": ["unsupported_type"] }));

    let big = noisy_png(120, 120);
    assert!(big.len() as u64 > MAX_BYTES);
    let too_large = submit_photos(&app, "photos", Some(&who), json!({}), &[("photo", big)]).await;
    assert_eq!(fields(too_large), json!({ "photo": ["too_large"] }));

    let misplaced = submit_photos(
        &app,
        "photos",
        Some(&who),
        json!({}),
        &[
            ("photo", small.clone()),
            ("note", small.clone()),
            ("extra", small.clone()),
        ],
    )
    .await;
    assert_eq!(
        fields(misplaced),
        json!({ "note": ["wrong_type"], "extra": ["unknown_field"] })
    );

    let bomb = png_claiming(9_000, 9_000);
    let over_caps = submit_photos(&app, "photos", Some(&who), json!({}), &[("photo", bomb)]).await;
    assert_eq!(fields(over_caps), json!({ "photo": ["too_large"] }));

    let fake = b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec();
    submit_photos(&app, "photos", Some(&who), json!({}), &[("photo", fake)])
        .await
        .assert_error(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");

    let twice = submit_photos(
        &app,
        "photos",
        Some(&who),
        json!({}),
        &[("photo", small.clone()), ("photo", small)],
    )
    .await;
    twice.assert_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    let no_answers = form(&[Part::File("photo", "a.png", "image/png", png(4, 4))]);
    app.send(
        multipart_post("/v1/forms/photos/submissions", Some(&who))
            .body(Body::from(no_answers))
            .unwrap(),
    )
    .await
    .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM form_submissions").await, 0);
}

async fn uploads_use_the_upload_limit(backend: Backend) {
    let app = with_photo_forms(backend).await;
    // Over the JSON limit of 64 KiB, under the upload limit: the field's max_bytes decides.
    let noise: Vec<u8> = (0..100_000_u32).map(|n| (n * 7919 % 251) as u8).collect();
    let mut big = png(8, 8);
    big.extend_from_slice(&noise);
    let response = submit_photos(
        &app,
        "photos",
        Some(&visitor(1)),
        json!({}),
        &[("photo", big)],
    )
    .await;
    let body = response.assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(body["error"]["fields"], json!({ "photo": ["too_large"] }));

    let long = "x".repeat(70_000);
    app.send_json(
        Method::POST,
        "/v1/forms/photos/submissions",
        Some(&visitor(1)),
        &json!({ "answers": { "note": long } }),
    )
    .await
    .assert_error(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
}

async fn a_retried_submission_answers_its_first_result(backend: Backend) {
    let app = with_photo_forms(backend).await;
    let body = multipart_body(&share_answers("summit-4"), &[("photo", png(40, 30))]);
    let send = || {
        app.send(
            multipart_post("/v1/forms/share/submissions", Some(&visitor(1)))
                .header("idempotency-key", "share-1")
                .body(Body::from(body.clone()))
                .unwrap(),
        )
    };
    let first = send().await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text());
    let again = send().await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.header("idempotency-replayed"), Some("true"));
    assert_eq!(again.json(), first.json());
    assert_eq!(app.scalar("SELECT COUNT(*) FROM form_submissions").await, 1);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM posts").await, 1);

    let other = multipart_body(&share_answers("summit-5"), &[("photo", png(40, 30))]);
    app.send(
        multipart_post("/v1/forms/share/submissions", Some(&visitor(1)))
            .header("idempotency-key", "share-1")
            .body(Body::from(other))
            .unwrap(),
    )
    .await
    .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "idempotency_key_reused");
}

async fn a_post_target_posts_the_photo_on_its_feed(backend: Backend) {
    let app = with_photo_forms(backend).await;
    let answers = share_answers(" summit-4, ridge-gtx ");
    let response = submit_photos(
        &app,
        "share",
        Some(&visitor(1)),
        answers,
        &[("photo", png(40, 30))],
    )
    .await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    let target = response.json()["target"].clone();
    assert_eq!(target["kind"], "post");
    assert!(target.get("pending_review").is_none());
    let id = target["post_id"].as_str().unwrap().to_owned();

    let post = app.get(&format!("/v1/posts/{id}"), None).await.json();
    assert_eq!(post["alt"], "Muddy shoes on a log");
    assert_eq!(post["caption"], "Rainy #trail run");
    assert_eq!(post["tags"], json!(["trail"]));
    assert_eq!(post["product_tags"], json!(["summit-4", "ridge-gtx"]));
    assert_eq!(post["image"]["width"], 40);
    let feed = app
        .get(&format!("/v1/feeds/{OPEN_FEED}/posts"), None)
        .await
        .json();
    assert_eq!(feed["items"][0]["id"], id);
    assert_eq!(feed["items"][0]["image"]["url"], post["image"]["url"]);

    let page = admin_get(&app, "/v1/moderation/forms/share/submissions").await;
    let stored = &page.json()["items"][0];
    assert_eq!(stored["target"], target);
    assert_eq!(
        stored["answers"]["photo"]["image"]["url"],
        post["image"]["url"]
    );

    let bad_tags = submit_photos(
        &app,
        "share",
        Some(&visitor(2)),
        share_answers("Not A Slug"),
        &[("photo", png(40, 30))],
    )
    .await;
    let body = bad_tags.assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(body["error"]["fields"], json!({ "shoes": ["invalid"] }));
    assert_eq!(app.scalar("SELECT COUNT(*) FROM posts").await, 1);
}

async fn a_post_target_keeps_its_feed_rules(backend: Backend) {
    let app = with_photo_forms(backend).await;
    let photo = || vec![("photo", png(40, 30))];
    let response = submit_photos(
        &app,
        "review-share",
        Some(&visitor(1)),
        share_answers(""),
        &photo(),
    )
    .await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    let target = response.json()["target"].clone();
    assert_eq!(target["pending_review"], true);
    let feed = app
        .get(&format!("/v1/feeds/{REVIEWED_FEED}/posts"), None)
        .await
        .json();
    assert_eq!(feed["items"], json!([]));

    submit_photos(
        &app,
        "members-share",
        Some(&visitor(1)),
        share_answers(""),
        &photo(),
    )
    .await
    .assert_error(StatusCode::FORBIDDEN, "forbidden");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM form_submissions").await, 1);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM posts").await, 1);

    let mut consent_refused = share_answers("");
    consent_refused["rights"] = json!(false);
    let body = submit_photos(&app, "share", Some(&visitor(1)), consent_refused, &photo())
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        body["error"]["fields"],
        json!({ "rights": ["consent_required"] })
    );
}

async fn a_post_target_whose_feed_is_gone_is_a_conflict(backend: Backend) {
    let app = with_photo_forms(backend).await;
    let form = app.state.store.form("share").await.unwrap().unwrap();
    let mut definition = serde_json::to_value(&form.definition).unwrap();
    definition["target"]["feed"] = json!("no-such-feed");
    let definition: FormDefinition = serde_json::from_value(definition).unwrap();
    app.state
        .store
        .update_form(form.id, &definition)
        .await
        .unwrap();
    let photo = [("photo", png(40, 30))];
    submit_photos(&app, "share", Some(&visitor(1)), share_answers(""), &photo)
        .await
        .assert_error(StatusCode::CONFLICT, "conflict");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM form_submissions").await, 0);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM posts").await, 0);
}

async fn a_filled_honeypot_posts_nothing(backend: Backend) {
    let app = with_photo_forms(backend).await;
    let answers = share_answers("").to_string();
    let body = form(&[
        Part::Text("answers", &answers),
        Part::File("photo", "a.png", "image/png", png(40, 30)),
        Part::Text("website", "http://spam.example"),
    ]);
    let response = app
        .send(
            multipart_post("/v1/forms/share/submissions", Some(&visitor(1)))
                .body(Body::from(body))
                .unwrap(),
        )
        .await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    assert_eq!(response.json()["target"]["kind"], "post");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM posts").await, 0);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM form_submissions").await, 0);
}

async fn a_post_target_must_fit_its_form(backend: Backend) {
    let app = with_photo_forms(backend).await;
    let mut loose = share_form("loose", OPEN_FEED);
    loose["schema"]["fields"][0]["required"] = json!(false);
    loose["schema"]["fields"][4]["required"] = json!(false);
    loose["target"]["alt_field"] = json!("story");
    loose["target"]["feed"] = json!("no-such-feed");
    let body = admin_create(&app, &loose)
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        body["error"]["fields"],
        json!({
            "target.image_field": ["required"],
            "target.alt_field": ["wrong_type", "required"],
            "target.consent": ["required"],
            "target.feed": ["not_found"],
        })
    );
    let good = share_form("fits", OPEN_FEED);
    let response = admin_create(&app, &good).await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    assert_eq!(response.json()["target"], good["target"]);
}

on_both_backends!(
    an_image_answer_is_stored_served_and_exported,
    image_answers_are_checked_by_the_file_received,
    uploads_use_the_upload_limit,
    a_retried_submission_answers_its_first_result,
    a_post_target_posts_the_photo_on_its_feed,
    a_post_target_keeps_its_feed_rules,
    a_post_target_whose_feed_is_gone_is_a_conflict,
    a_filled_honeypot_posts_nothing,
    a_post_target_must_fit_its_form,
);
