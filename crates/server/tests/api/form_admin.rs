//! The moderation API of forms: creating, listing, changing and deleting them with the admin
//! key, schema checks, submission pages and the CSV export.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use crate::common::{on_both_backends, visitor, Backend, TestApp, TestResponse};
use crate::forms::{feedback_form, good_answers, intake_form, submit, with_forms, ADMIN_KEY};

/// A moderation request with the admin key, and a JSON body when given.
async fn admin(app: &TestApp, method: Method, uri: &str, body: Option<&Value>) -> TestResponse {
    admin_as(app, Some(ADMIN_KEY), method, uri, body).await
}

async fn admin_as(
    app: &TestApp,
    key: Option<&str>,
    method: Method,
    uri: &str,
    body: Option<&Value>,
) -> TestResponse {
    app.send_bearer(method, uri, key, None, body).await
}

async fn moderators_create_list_change_and_delete_forms(backend: Backend) {
    let app = with_forms(backend).await;
    let mut definition = feedback_form();
    definition["schema"]["slug"] = json!("survey");
    let created = admin(
        &app,
        Method::POST,
        "/v1/moderation/sites/acme/forms",
        Some(&definition),
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text());
    assert_eq!(
        created.header("location"),
        Some("/v1/moderation/forms/survey")
    );
    let details = created.json();
    assert_eq!(details["schema"], definition["schema"]);
    assert_eq!(details["target"], json!({ "kind": "response" }));
    assert_eq!(details["open"], true);
    assert_eq!(details["submission_count"], 0);
    assert!(details["created_at"].is_string() && details["updated_at"].is_string());

    let list = admin(&app, Method::GET, "/v1/moderation/sites/acme/forms", None)
        .await
        .json();
    let slugs: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["schema"]["slug"].as_str().unwrap())
        .collect();
    assert_eq!(
        slugs,
        [
            "feedback",
            "intake",
            "members-intake",
            "review-intake",
            "old",
            "survey"
        ]
    );
    assert_eq!(list["items"][4]["open"], false);
    assert_eq!(list["next_cursor"], Value::Null);

    admin(
        &app,
        Method::POST,
        "/v1/moderation/sites/acme/forms",
        Some(&definition),
    )
    .await
    .assert_error(StatusCode::CONFLICT, "conflict");
    admin(
        &app,
        Method::POST,
        "/v1/moderation/sites/nobody/forms",
        Some(&definition),
    )
    .await
    .assert_error(StatusCode::NOT_FOUND, "not_found");

    // Closing and renaming it.
    submit(&app, "survey", Some(&visitor(1)), good_answers()).await;
    definition["open"] = json!(false);
    definition["schema"]["slug"] = json!("survey-2026");
    let changed = admin(
        &app,
        Method::PUT,
        "/v1/moderation/forms/survey",
        Some(&definition),
    )
    .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.text());
    assert_eq!(changed.json()["open"], false);
    assert_eq!(changed.json()["submission_count"], 1);
    app.get("/v1/forms/survey-2026", None)
        .await
        .assert_error(StatusCode::GONE, "form_closed");
    app.get("/v1/forms/survey", None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    definition["schema"]["slug"] = json!("feedback");
    admin(
        &app,
        Method::PUT,
        "/v1/moderation/forms/survey-2026",
        Some(&definition),
    )
    .await
    .assert_error(StatusCode::CONFLICT, "conflict");

    let shown = admin(&app, Method::GET, "/v1/moderation/forms/survey-2026", None).await;
    assert_eq!(shown.json()["schema"]["slug"], "survey-2026");
    let deleted = admin(
        &app,
        Method::DELETE,
        "/v1/moderation/forms/survey-2026",
        None,
    )
    .await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    admin(&app, Method::GET, "/v1/moderation/forms/survey-2026", None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM form_submissions").await, 0);
}

async fn bad_definitions_are_refused_with_their_reasons(backend: Backend) {
    let app = with_forms(backend).await;
    let mut broken = feedback_form();
    broken["schema"]["slug"] = json!("Bad Slug");
    broken["schema"]["fields"][1]["name"] = json!("name");
    broken["schema"]["fields"][6]["kind"]["max"] = json!(20);
    let body = admin(
        &app,
        Method::POST,
        "/v1/moderation/sites/acme/forms",
        Some(&broken),
    )
    .await
    .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        body["error"]["fields"],
        json!({
            "schema.slug": ["invalid"],
            "schema.fields[1].name": ["duplicate"],
            "schema.fields[6].max": ["out_of_range"],
        })
    );

    let elsewhere = intake_form("elsewhere", "no-such-board");
    let body = admin(
        &app,
        Method::POST,
        "/v1/moderation/sites/acme/forms",
        Some(&elsewhere),
    )
    .await
    .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        body["error"]["fields"],
        json!({ "target.board": ["not_found"] })
    );

    let mut wrong_field = intake_form("wrong", "ideas");
    wrong_field["target"]["title_field"] = json!("details");
    let body = admin(
        &app,
        Method::PUT,
        "/v1/moderation/forms/intake",
        Some(&wrong_field),
    )
    .await
    .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(
        body["error"]["fields"],
        json!({ "target.title_field": ["wrong_type", "required"] })
    );

    let unknown_kind = json!({ "schema": { "slug": "x", "title": "X", "fields": [
        { "name": "a", "label": "A", "kind": { "type": "signature" } } ] }, "target": { "kind": "response" } });
    admin(
        &app,
        Method::POST,
        "/v1/moderation/sites/acme/forms",
        Some(&unknown_kind),
    )
    .await
    .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM forms").await, 5);
}

async fn the_admin_key_is_required(backend: Backend) {
    let app = with_forms(backend).await;
    let routes = [
        (Method::GET, "/v1/moderation/sites/acme/forms"),
        (Method::POST, "/v1/moderation/sites/acme/forms"),
        (Method::GET, "/v1/moderation/forms/feedback"),
        (Method::PUT, "/v1/moderation/forms/feedback"),
        (Method::DELETE, "/v1/moderation/forms/feedback"),
        (Method::GET, "/v1/moderation/forms/feedback/submissions"),
        (Method::GET, "/v1/moderation/forms/feedback/submissions.csv"),
    ];
    let body = feedback_form();
    for (method, uri) in routes {
        for key in [None, Some("wrong-key")] {
            admin_as(&app, key, method.clone(), uri, Some(&body))
                .await
                .assert_error(StatusCode::UNAUTHORIZED, "unauthorized");
        }
    }
    // A server started without a key keeps the moderation API closed.
    let closed = TestApp::with_boards(crate::common::Backend::Sqlite).await;
    admin(
        &closed,
        Method::GET,
        "/v1/moderation/sites/acme/forms",
        None,
    )
    .await
    .assert_error(StatusCode::FORBIDDEN, "forbidden");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM forms").await, 5);
}

async fn submissions_come_in_pages(backend: Backend) {
    let app = with_forms(backend).await;
    for n in 0..53 {
        let response = submit(&app, "feedback", Some(&visitor(n)), good_answers()).await;
        assert_eq!(response.status, StatusCode::CREATED);
    }
    let first = admin(
        &app,
        Method::GET,
        "/v1/moderation/forms/feedback/submissions",
        None,
    )
    .await
    .json();
    assert_eq!(first["items"].as_array().unwrap().len(), 50);
    assert_eq!(
        first["items"][0]["identity"],
        format!("visitor:{}", visitor(0))
    );
    assert_eq!(first["items"][0]["answers"]["story"], "Grippier lugs");
    assert_eq!(first["items"][0]["target"], json!({ "kind": "response" }));
    let cursor = first["next_cursor"].as_str().unwrap();
    let uri = format!("/v1/moderation/forms/feedback/submissions?cursor={cursor}");
    let second = admin(&app, Method::GET, &uri, None).await.json();
    assert_eq!(second["items"].as_array().unwrap().len(), 3);
    assert_eq!(second["next_cursor"], Value::Null);
    assert_eq!(
        second["items"][2]["identity"],
        format!("visitor:{}", visitor(52))
    );
    admin(
        &app,
        Method::GET,
        "/v1/moderation/forms/feedback/submissions?cursor=x1",
        None,
    )
    .await
    .assert_error(StatusCode::BAD_REQUEST, "bad_request");
}

async fn the_csv_export_quotes_and_defuses_cells(backend: Backend) {
    let app = with_forms(backend).await;
    let mut tricky = good_answers();
    tricky["name"] = json!("=HYPERLINK(\"x\")");
    tricky["story"] = json!("Grip, \"really\"\nbetter");
    tricky["terrain"] = json!(["mud", "rock"]);
    tricky["cushioning"] = json!(4);
    tricky["email"] = json!("-@example.com");
    tricky["club"] = json!("https://ridgeline.example/club");
    tricky["race"] = json!("2026-06-13");
    tricky["likely"] = json!(9);
    assert_eq!(
        submit(&app, "feedback", Some(&visitor(1)), tricky)
            .await
            .status,
        StatusCode::CREATED
    );
    let idea = submit(
        &app,
        "intake",
        Some(&visitor(2)),
        json!({ "idea": "+1 for wider shoes" }),
    )
    .await;
    let idea_id = idea.json()["target"]["idea_id"]
        .as_str()
        .unwrap()
        .to_owned();

    let csv = admin(
        &app,
        Method::GET,
        "/v1/moderation/forms/feedback/submissions.csv",
        None,
    )
    .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    assert_eq!(
        csv.header("content-disposition"),
        Some("attachment; filename=\"feedback-submissions.csv\"")
    );
    let text = csv.text();
    let mut lines = text.split("\r\n");
    assert_eq!(
        lines.next().unwrap(),
        "id,submitted_at,identity,name,story,email,size,fit,terrain,cushioning,consent,club,race,likely,snow_grip,target"
    );
    let row = lines.next().unwrap();
    let id = app.scalar("SELECT MIN(id) FROM form_submissions").await;
    assert!(row.starts_with(&format!("{id},")), "{row}");
    assert!(
        row.ends_with(&format!(
            ",visitor:{},\"'=HYPERLINK(\"\"x\"\")\",\"Grip, \"\"really\"\"\nbetter\",\"'-@example.com\",,,mud; rock,4,true,https://ridgeline.example/club,2026-06-13,9,,response",
            visitor(1)
        )),
        "{row}"
    );
    assert_eq!(lines.collect::<Vec<_>>(), [""]);

    let intake = admin(
        &app,
        Method::GET,
        "/v1/moderation/forms/intake/submissions.csv",
        None,
    )
    .await
    .text();
    let row = intake.split("\r\n").nth(1).unwrap();
    assert!(
        row.ends_with(&format!(",\"'+1 for wider shoes\",,idea:{idea_id}")),
        "{row}"
    );
    admin(
        &app,
        Method::GET,
        "/v1/moderation/forms/nope/submissions.csv",
        None,
    )
    .await
    .assert_error(StatusCode::NOT_FOUND, "not_found");
}

on_both_backends!(
    moderators_create_list_change_and_delete_forms,
    bad_definitions_are_refused_with_their_reasons,
    the_admin_key_is_required,
    submissions_come_in_pages,
    the_csv_export_quotes_and_defuses_cells,
);
