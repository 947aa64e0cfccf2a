//! The example forms of docs/forms.md (`docs/forms/*.json`): each passes the JSON Schema for
//! authoring (`docs/form-schema.json`), which refuses a broken one, and the moderation API
//! takes each as it is written; the two the demo seeds are the very files.

use axum::http::{Method, StatusCode};
use kindred_api::FormDefinition;
use kindred_server::config::AdminKey;
use serde_json::{json, Value};

use crate::common::{on_both_backends, Backend, TestApp, TestResponse};

/// The admin key of these tests.
const ADMIN_KEY: &str = "examples-admin-key";

/// The examples, by file name, as written.
const FILES: [(&str, &str); 3] = [
    (
        "product-idea.json",
        include_str!("../../../../docs/forms/product-idea.json"),
    ),
    (
        "flavour-survey.json",
        include_str!("../../../../docs/forms/flavour-survey.json"),
    ),
    (
        "photo-story.json",
        include_str!("../../../../docs/forms/photo-story.json"),
    ),
];

/// The examples, by file name, as JSON.
fn examples() -> [(&'static str, Value); 3] {
    FILES.map(|(file, text)| {
        (
            file,
            serde_json::from_str(text).expect("an example is JSON"),
        )
    })
}

fn json_schema() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(include_str!("../../../../docs/form-schema.json"))
        .expect("the JSON Schema is JSON");
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

#[test]
fn docs_forms_md_shows_each_example_whole() {
    let page = include_str!("../../../../docs/forms.md");
    for (file, text) in FILES {
        assert!(
            page.contains(&format!("```json\n{}\n```", text.trim())),
            "docs/forms.md must show {file} whole"
        );
    }
}

#[test]
fn the_examples_pass_the_json_schema_which_refuses_broken_forms() {
    let schema = json_schema();
    for (file, example) in examples() {
        let problems: Vec<String> = schema
            .iter_errors(&example)
            .map(|e| e.to_string())
            .collect();
        assert!(problems.is_empty(), "{file}: {problems:?}");
    }
    let (_, example) = examples().into_iter().next().unwrap();
    let broken = [
        ("/schema/fields/0/kind/type", json!("slider")),
        ("/schema/fields/0/kind/format", json!("zip")),
        ("/schema/fields/0/colour", json!("red")),
        ("/target/kind", json!("email")),
        ("/schema/title", json!(42)),
    ];
    for (pointer, value) in broken {
        let mut form = example.clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        form.pointer_mut(parent).unwrap()[key] = value.clone();
        assert!(
            !schema.is_valid(&form),
            "{pointer} = {value} must be refused"
        );
    }
}

async fn admin(app: &TestApp, method: Method, uri: &str, body: Option<&Value>) -> TestResponse {
    app.send_bearer(method, uri, Some(ADMIN_KEY), None, body)
        .await
}

async fn the_moderation_api_takes_the_examples_as_written(backend: Backend) {
    let app = TestApp::configured(backend, |config| {
        config.admin_key = Some(AdminKey::new(ADMIN_KEY));
    })
    .await;
    kindred_server::seed::demo(&app.state.store, &app.state.media, &[])
        .await
        .unwrap();
    for (file, example) in examples() {
        let slug = example["schema"]["slug"].as_str().unwrap().to_owned();
        let created = admin(
            &app,
            Method::POST,
            "/v1/moderation/sites/ridgeline/forms",
            Some(&example),
        )
        .await;
        if created.status == StatusCode::CONFLICT {
            // Seeded: the demo's form is the file itself.
            let seeded = admin(
                &app,
                Method::GET,
                &format!("/v1/moderation/forms/{slug}"),
                None,
            )
            .await;
            assert_eq!(seeded.status, StatusCode::OK);
            // Compared as forms: `150` and `150.0` are the same number.
            let as_form = |json: &Value| -> FormDefinition {
                serde_json::from_value(
                    json!({ "schema": json["schema"], "target": json["target"] }),
                )
                .unwrap()
            };
            assert_eq!(as_form(&seeded.json()), as_form(&example), "{file}");
            continue;
        }
        assert_eq!(
            created.status,
            StatusCode::CREATED,
            "{file}: {}",
            created.text()
        );
        // The product idea proposes ideas on the trail shoes board, newest form first.
        let site = app.get("/v1/sites/ridgeline", None).await.json();
        assert_eq!(site["boards"][0]["form"]["slug"], slug, "{file}");
    }
}

on_both_backends!(the_moderation_api_takes_the_examples_as_written);
