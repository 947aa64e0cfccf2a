//! `GET /v1/forms/{form}` and `POST /v1/forms/{form}/submissions`: schemas, validation with
//! per-field codes, delivery to each target, the honeypot and identity.

use axum::http::{Method, StatusCode};
use kindred_api::FormDefinition;
use kindred_server::config::AdminKey;
use kindred_server::sso::sign;
use kindred_server::store::boards::BoardRules;
use serde_json::{json, Value};

use crate::common::{
    on_both_backends, visitor, Backend, TestApp, TestResponse, MEMBERS_BOARD, OPEN_BOARD,
};

/// The admin key of [`with_forms`].
pub const ADMIN_KEY: &str = "forms-admin-key";

/// A board that holds new ideas for review.
const REVIEW_BOARD: &str = "review";

/// A form with one field of every answerable kind, whose submissions are kept as responses.
pub fn feedback_form() -> Value {
    let options = |values: &[&str]| -> Vec<Value> {
        values
            .iter()
            .map(|v| json!({ "value": v, "label": v }))
            .collect()
    };
    json!({
        "schema": {
            "slug": "feedback",
            "title": "Tell us",
            "fields": [
                { "name": "name", "label": "Name", "kind": { "type": "short_text", "max_len": 20 } },
                { "name": "story", "label": "Story", "required": true, "kind": { "type": "long_text", "max_len": 100 } },
                { "name": "email", "label": "Email", "kind": { "type": "email" } },
                { "name": "size", "label": "Size", "kind": { "type": "number", "min": 3.5, "max": 15.5 } },
                { "name": "fit", "label": "Fit", "kind": { "type": "single_choice", "options": options(&["narrow", "wide"]) } },
                { "name": "terrain", "label": "Terrain", "required": true,
                  "kind": { "type": "multiple_choice", "options": options(&["mud", "rock", "snow"]), "min": 1, "max": 2 } },
                { "name": "cushioning", "label": "Cushioning", "kind": { "type": "rating", "max": 5 } },
                { "name": "consent", "label": "Consent", "required": true, "kind": { "type": "consent", "text": "Quote me" } },
                { "name": "club", "label": "Club website", "kind": { "type": "url" } },
                { "name": "race", "label": "Race day", "kind": { "type": "date", "min": "2026-01-01", "max": "2026-12-31" } },
                { "name": "likely", "label": "How likely are you to recommend us?", "kind": { "type": "nps" } },
                { "name": "outro", "label": "What happens next", "kind": { "type": "description", "text": "We read *everything*." } },
                { "name": "snow_grip", "label": "How is the grip on snow?", "required": true,
                  "kind": { "type": "short_text", "max_len": 60 },
                  "show_if": { "all": [{ "field": "terrain", "op": "includes", "value": "snow" }] } }
            ],
            "success_message": "Thanks for telling us."
        },
        "target": { "kind": "response" }
    })
}

/// A form proposing an idea on `board`.
pub fn intake_form(slug: &str, board: &str) -> Value {
    json!({
        "schema": {
            "slug": slug,
            "title": "Propose",
            "fields": [
                { "name": "idea", "label": "Idea", "required": true, "kind": { "type": "short_text", "max_len": 120 } },
                { "name": "details", "label": "Details", "kind": { "type": "long_text", "max_len": 500 } }
            ]
        },
        "target": { "kind": "idea", "board": board, "title_field": "idea", "body_field": "details" }
    })
}

/// Answers that pass [`feedback_form`].
pub fn good_answers() -> Value {
    json!({ "story": "  Grippier lugs  ", "terrain": ["mud"], "consent": true })
}

/// Site `acme` with its boards, a premoderated board, an admin key, and forms: `feedback`,
/// `intake` (open board), `members-intake` (members board), `review-intake` (premoderated
/// board) and a closed `old`.
pub async fn with_forms(backend: Backend) -> TestApp {
    let app = TestApp::with_boards_configured(backend, |config| {
        config.admin_key = Some(AdminKey::new(ADMIN_KEY));
    })
    .await;
    app.add_board(
        REVIEW_BOARD,
        BoardRules {
            premoderation: true,
            ..BoardRules::OPEN
        },
    )
    .await;
    let mut closed = intake_form("old", OPEN_BOARD);
    closed["open"] = json!(false);
    let forms = [
        feedback_form(),
        intake_form("intake", OPEN_BOARD),
        intake_form("members-intake", MEMBERS_BOARD),
        intake_form("review-intake", REVIEW_BOARD),
        closed,
    ];
    add_forms(&app, forms).await;
    app
}

/// Creates `forms` (definitions as JSON) on site `acme`, straight in the store.
pub async fn add_forms(app: &TestApp, forms: impl IntoIterator<Item = Value>) {
    let site_id = app.scalar("SELECT id FROM sites WHERE slug = 'acme'").await;
    for form in forms {
        let definition: FormDefinition = serde_json::from_value(form).unwrap();
        app.state
            .store
            .create_form(site_id, &definition)
            .await
            .unwrap();
    }
}

/// Submits `answers` to `form` as `who`.
pub async fn submit(app: &TestApp, form: &str, who: Option<&str>, answers: Value) -> TestResponse {
    let uri = format!("/v1/forms/{form}/submissions");
    app.send_json(Method::POST, &uri, who, &json!({ "answers": answers }))
        .await
}

/// Submits `answers` to `form` with `Authorization: Bearer <token>`.
async fn submit_with_token(app: &TestApp, form: &str, token: &str, answers: Value) -> TestResponse {
    let uri = format!("/v1/forms/{form}/submissions");
    let body = json!({ "answers": answers });
    app.send_bearer(Method::POST, &uri, Some(token), None, Some(&body))
        .await
}

async fn the_schema_is_public_and_the_target_is_not(backend: Backend) {
    let app = with_forms(backend).await;
    let response = app.get("/v1/forms/feedback", None).await;
    assert_eq!(response.status, StatusCode::OK);
    let schema = response.json();
    assert_eq!(schema, feedback_form()["schema"]);
    assert!(schema.get("target").is_none());

    app.get("/v1/forms/nope", None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    app.get("/v1/forms/old", None)
        .await
        .assert_error(StatusCode::GONE, "form_closed");
    submit(
        &app,
        "old",
        Some(&visitor(1)),
        json!({ "idea": "Hello there" }),
    )
    .await
    .assert_error(StatusCode::GONE, "form_closed");
    submit(&app, "nope", Some(&visitor(1)), json!({}))
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
}

async fn the_site_lists_its_open_forms(backend: Backend) {
    let app = with_forms(backend).await;
    let forms = app.get("/v1/sites/acme", None).await.json()["forms"].clone();
    let slugs: Vec<&str> = forms
        .as_array()
        .unwrap()
        .iter()
        .map(|form| form["slug"].as_str().unwrap())
        .collect();
    assert_eq!(
        slugs,
        ["feedback", "intake", "members-intake", "review-intake"]
    );
    assert_eq!(forms[0], json!({ "slug": "feedback", "title": "Tell us" }));
}

async fn a_response_is_stored_cleaned(backend: Backend) {
    let app = with_forms(backend).await;
    let response = submit(&app, "feedback", Some(&visitor(1)), good_answers()).await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    let receipt = response.json();
    assert_eq!(receipt["target"], json!({ "kind": "response" }));
    assert_eq!(receipt["message"], "Thanks for telling us.");
    assert!(receipt["id"].as_str().is_some_and(|id| !id.is_empty()));
    assert_eq!(app.scalar("SELECT COUNT(*) FROM form_submissions").await, 1);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM ideas").await, 0);
    let stored = app
        .scalar("SELECT COUNT(*) FROM form_submissions WHERE answers LIKE '%\"story\":\"Grippier lugs\"%'")
        .await;
    assert_eq!(stored, 1, "answers are stored trimmed");
}

async fn a_question_not_asked_is_neither_checked_nor_stored(backend: Backend) {
    let app = with_forms(backend).await;
    // No snow: the snow question is not asked, so what came for it is dropped.
    let mut answers = good_answers();
    answers["snow_grip"] = json!("x".repeat(200));
    let response = submit(&app, "feedback", Some(&visitor(1)), answers).await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    let kept = "SELECT COUNT(*) FROM form_submissions WHERE answers LIKE '%snow_grip%'";
    assert_eq!(app.scalar(kept).await, 0);
    // Snow: asked, required, checked and kept.
    let mut answers = good_answers();
    answers["terrain"] = json!(["snow"]);
    let body = submit(&app, "feedback", Some(&visitor(1)), answers.clone())
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        body["error"]["fields"],
        json!({ "snow_grip": ["required"] })
    );
    answers["snow_grip"] = json!("Holds well");
    let response = submit(&app, "feedback", Some(&visitor(1)), answers).await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    assert_eq!(app.scalar(kept).await, 1);
}

async fn an_idea_target_proposes_a_listed_idea(backend: Backend) {
    let app = with_forms(backend).await;
    let answers = json!({ "idea": "  Reflective laces ", "details": "For dawn runs." });
    let response = submit(&app, "intake", Some(&visitor(1)), answers).await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    let receipt = response.json();
    assert_eq!(receipt["target"]["kind"], "idea");
    assert!(receipt["target"].get("pending_review").is_none());
    assert_eq!(receipt["message"], "Thank you! Your answers were received.");
    let id = receipt["target"]["idea_id"].as_str().unwrap();

    let idea = app.get(&format!("/v1/ideas/{id}"), None).await.json();
    assert_eq!(idea["title"], "Reflective laces");
    assert_eq!(idea["body"], "For dawn runs.");
    assert_eq!(idea["author"]["name"], "Anonymous hiker");
    let list = app
        .get(&format!("/v1/boards/{OPEN_BOARD}/ideas"), None)
        .await
        .json();
    assert_eq!(list["items"][0]["id"], id);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM form_submissions").await, 1);
}

async fn an_idea_on_a_premoderated_board_waits_for_review(backend: Backend) {
    let app = with_forms(backend).await;
    let response = submit(
        &app,
        "review-intake",
        Some(&visitor(1)),
        json!({ "idea": "Hidden for now" }),
    )
    .await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    let target = response.json()["target"].clone();
    assert_eq!(target["pending_review"], true);
    let id = target["idea_id"].as_str().unwrap();
    let list = app
        .get(&format!("/v1/boards/{REVIEW_BOARD}/ideas"), None)
        .await
        .json();
    assert_eq!(list["items"], json!([]));
    // Its author still sees it; anyone else does not.
    let uri = format!("/v1/ideas/{id}");
    assert_eq!(
        app.get(&uri, Some(&visitor(1))).await.status,
        StatusCode::OK
    );
    assert_eq!(
        app.get(&uri, Some(&visitor(2))).await.status,
        StatusCode::NOT_FOUND
    );
}

async fn an_idea_target_keeps_its_board_rules(backend: Backend) {
    let app = with_forms(backend).await;
    submit(
        &app,
        "members-intake",
        Some(&visitor(1)),
        json!({ "idea": "Members only idea" }),
    )
    .await
    .assert_error(StatusCode::FORBIDDEN, "forbidden");
    // The idea rules apply too, reported under the form's field name.
    let body = submit(&app, "intake", Some(&visitor(1)), json!({ "idea": "Hey" }))
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(body["error"]["fields"], json!({ "idea": ["too_short"] }));
    assert_eq!(app.scalar("SELECT COUNT(*) FROM form_submissions").await, 0);
}

async fn every_validation_code_reaches_the_client(backend: Backend) {
    let app = with_forms(backend).await;
    let answers = json!({
        "name": "x".repeat(21),
        "email": "not-an-email",
        "size": 99,
        "fit": "medium",
        "terrain": ["mud", "rock", "snow"],
        "cushioning": 2.5,
        "consent": false,
        "shoe": "x",
        "club": "ridgeline.example",
        "race": "2027-03-01",
        "likely": 11,
        "outro": "Thanks",
    });
    let body = submit(&app, "feedback", Some(&visitor(1)), answers)
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        body["error"]["fields"],
        json!({
            "name": ["too_long"],
            "story": ["required"],
            "email": ["invalid_email"],
            "size": ["out_of_range"],
            "fit": ["not_an_option"],
            "terrain": ["too_many"],
            "cushioning": ["wrong_type"],
            "consent": ["consent_required"],
            "shoe": ["unknown_field"],
            "club": ["invalid_url"],
            "race": ["out_of_range"],
            "likely": ["out_of_range"],
            "outro": ["wrong_type"],
            "snow_grip": ["required"],
        })
    );
    let more = json!({
        "story": 5,
        "terrain": ["ice"],
        "consent": true,
        "fit": ["wide"],
        "race": "31/12/2026",
        "likely": 9.5,
    });
    let body = submit(&app, "feedback", Some(&visitor(1)), more)
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        body["error"]["fields"],
        json!({
            "story": ["wrong_type"],
            "terrain": ["not_an_option"],
            "fit": ["wrong_type"],
            "race": ["invalid_date"],
            "likely": ["wrong_type"],
        })
    );
    // A body of the wrong shape is refused before any field is looked at.
    app.send_json(
        Method::POST,
        "/v1/forms/feedback/submissions",
        Some(&visitor(1)),
        &json!({ "answers": { "x": null } }),
    )
    .await
    .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM form_submissions").await, 0);
}

async fn a_filled_honeypot_is_answered_and_dropped(backend: Backend) {
    let app = with_forms(backend).await;
    for form in ["feedback", "intake"] {
        let answers = if form == "intake" {
            json!({ "idea": "A bot's idea" })
        } else {
            good_answers()
        };
        let body = json!({ "answers": answers, "website": "https://spam.example" });
        let uri = format!("/v1/forms/{form}/submissions");
        let response = app
            .send_json(Method::POST, &uri, Some(&visitor(1)), &body)
            .await;
        assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
        assert!(response.json()["id"].is_string());
    }
    assert_eq!(app.scalar("SELECT COUNT(*) FROM form_submissions").await, 0);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM ideas").await, 0);
}

async fn submitting_needs_an_identity(backend: Backend) {
    let app = with_forms(backend).await;
    submit(&app, "feedback", None, good_answers())
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthorized");
    submit_with_token(&app, "feedback", "not.a.token", good_answers())
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthorized");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM form_submissions").await, 0);
}

async fn a_signed_in_user_submits_as_themselves(backend: Backend) {
    let app = with_forms(backend).await;
    let secret = "acme-sso-secret-for-forms";
    let site = app.state.store.site_id("acme").await.unwrap().unwrap();
    app.state
        .store
        .set_sso_secret(site, Some(secret))
        .await
        .unwrap();
    let exp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + 600;
    let claims = json!({ "sub": "u-7", "name": "Maya Okafor", "aud": "acme", "exp": exp });
    let token = sign(&claims, secret.as_bytes());
    let response = submit_with_token(
        &app,
        "members-intake",
        &token,
        json!({ "idea": "Members only idea" }),
    )
    .await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    let id = response.json()["target"]["idea_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let idea = app.get(&format!("/v1/ideas/{id}"), None).await.json();
    assert_eq!(idea["author"]["name"], "Maya Okafor");
    let identity = app
        .scalar("SELECT COUNT(*) FROM form_submissions WHERE identity = 'user:u-7'")
        .await;
    assert_eq!(identity, 1);
}

async fn the_demo_forms_are_seeded(backend: Backend) {
    let app = TestApp::seeded(backend).await;
    let site = app.get("/v1/sites/ridgeline", None).await.json();
    assert_eq!(
        site["forms"],
        json!([
            { "slug": "summit-4-wishlist", "title": "Design the Summit 4" },
            { "slug": "idea-intake", "title": "Propose a trail shoe idea" },
            { "slug": "trail-fuel-lab", "title": "Create our next trail gel" },
            { "slug": "trail-story", "title": "Share your trail story" },
        ])
    );
    let wishlist = json!({ "terrain": ["rock", "mud"], "cushioning": 3, "consent": true });
    let response = submit(&app, "summit-4-wishlist", Some(&visitor(1)), wishlist).await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    assert_eq!(
        response.json()["message"],
        "Thanks! The design team reads every wishlist."
    );
    let idea = json!({ "idea": "A removable rock plate", "details": "For soft trails." });
    let response = submit(&app, "idea-intake", Some(&visitor(1)), idea).await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    let id = response.json()["target"]["idea_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let idea = app.get(&format!("/v1/ideas/{id}"), None).await.json();
    assert_eq!(idea["title"], "A removable rock plate");
    assert_eq!(idea["author"]["name"], "Anonymous runner");
}

async fn boards_name_the_form_that_proposes_their_ideas(backend: Backend) {
    /// Each board's slug and `form`, in order.
    async fn board_forms(app: &TestApp) -> Vec<(String, Value)> {
        let site = app.get("/v1/sites/acme", None).await.json();
        site["boards"]
            .as_array()
            .unwrap()
            .iter()
            .map(|board| {
                (
                    board["slug"].as_str().unwrap().to_owned(),
                    board["form"].clone(),
                )
            })
            .collect()
    }
    let app = with_forms(backend).await;
    let form = |slug: &str| json!({ "slug": slug, "title_field": "idea" });
    // The closed `old` form, newer than `intake`, proposes nothing.
    assert_eq!(
        board_forms(&app).await,
        [
            (OPEN_BOARD.to_owned(), form("intake")),
            (MEMBERS_BOARD.to_owned(), form("members-intake")),
            (REVIEW_BOARD.to_owned(), form("review-intake")),
        ]
    );
    // The newest open form wins; a board without one has no `form`.
    add_forms(&app, [intake_form("intake-2", OPEN_BOARD)]).await;
    let site_id = app.scalar("SELECT id FROM sites WHERE slug = 'acme'").await;
    app.execute(&format!(
        "UPDATE forms SET open = FALSE WHERE slug = 'review-intake' AND site_id = {site_id}"
    ))
    .await;
    let forms = board_forms(&app).await;
    assert_eq!(forms[0].1, form("intake-2"));
    assert_eq!(forms[2].1, Value::Null);
}

on_both_backends!(
    boards_name_the_form_that_proposes_their_ideas,
    the_demo_forms_are_seeded,
    the_schema_is_public_and_the_target_is_not,
    the_site_lists_its_open_forms,
    a_response_is_stored_cleaned,
    a_question_not_asked_is_neither_checked_nor_stored,
    an_idea_target_proposes_a_listed_idea,
    an_idea_on_a_premoderated_board_waits_for_review,
    an_idea_target_keeps_its_board_rules,
    every_validation_code_reaches_the_client,
    a_filled_honeypot_is_answered_and_dropped,
    submitting_needs_an_identity,
    a_signed_in_user_submits_as_themselves,
);
