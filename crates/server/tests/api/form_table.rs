//! The shared table of form answers (`crates/api/tests/form_table/table.json`) over HTTP:
//! the table's form created through the moderation API of a server on a real socket, then
//! each case's answers submitted to it. The server must answer 201 or a 422 with exactly
//! the codes the rules give natively and in the browser.

mod table {
    include!("../../../api/tests/form_table/table.rs");
}

use axum::http::StatusCode;
use kindred_api::{FieldErrors, VISITOR_HEADER};
use serde_json::{json, Value};

use self::table::Table;
use crate::common::{on_both_backends, visitor, Backend, RunningServer};
use crate::forms::{with_forms, ADMIN_KEY};

async fn every_case_of_the_shared_table_gets_its_errors_over_http(backend: Backend) {
    let app = with_forms(backend).await;
    let server = RunningServer::start(app.state.clone()).await;
    let http = reqwest::Client::new();
    let table = Table::load();
    let created = http
        .post(format!("{}/v1/moderation/sites/acme/forms", server.base))
        .bearer_auth(ADMIN_KEY)
        .json(&json!({ "schema": table.schema, "target": { "kind": "response" } }))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    let uri = format!("{}/v1/forms/{}/submissions", server.base, table.schema.slug);
    let mut answered = Vec::new();
    for (n, case) in (1..).zip(&table.cases) {
        let response = http
            .post(&uri)
            .header(VISITOR_HEADER, visitor(n))
            .json(&json!({ "answers": case.answers_json(&table.base) }))
            .send()
            .await
            .unwrap();
        let status = response.status();
        let body: Value = response.json().await.unwrap();
        answered.push((status, body));
    }
    let mut answers = answered.into_iter();
    table.check(|_| {
        let (status, body) = answers.next().unwrap();
        if status == StatusCode::CREATED {
            return FieldErrors::new();
        }
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(body["error"]["code"], "validation_failed", "{body}");
        serde_json::from_value(body["error"]["fields"].clone()).unwrap()
    });
    server.stop().await;
}

on_both_backends!(every_case_of_the_shared_table_gets_its_errors_over_http);
