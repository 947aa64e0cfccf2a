//! `GET /v1/openapi.json`, the committed `docs/openapi.json` and the JSON Schema for forms
//! derived from it, `docs/form-schema.json`.
//!
//! The committed copy is what brands read without running a server, so it must be exactly what
//! the server answers. After changing a route or a wire type, `cargo xtask openapi` rewrites it.

use std::collections::BTreeSet;
use std::path::PathBuf;

use axum::http::StatusCode;

use crate::common::{on_both_backends, Backend, TestApp};

/// Where the committed document lives.
fn committed_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/openapi.json")
}

/// Set by `cargo xtask openapi` to rewrite the committed document instead of comparing.
const WRITE: &str = "KINDRED_WRITE_OPENAPI";

#[test]
fn committed_document_matches_the_code() {
    let generated = kindred_server::routes::openapi::document_json();
    let path = committed_path();
    if std::env::var_os(WRITE).is_some() {
        std::fs::write(&path, &generated).expect("write docs/openapi.json");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/openapi.json differs from the server's document; run `cargo xtask openapi` \
         and commit the result"
    );
}

#[test]
fn committed_form_schema_matches_the_code() {
    let document = serde_json::from_str(&kindred_server::routes::openapi::document_json()).unwrap();
    let generated = kindred_server::form_schema::schema_json(&document);
    let path = committed_path().with_file_name("form-schema.json");
    if std::env::var_os(WRITE).is_some() {
        std::fs::write(&path, &generated).expect("write docs/form-schema.json");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/form-schema.json differs from the server's types; run `cargo xtask openapi` \
         and commit the result"
    );
}

async fn served_document_is_the_generated_one(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let response = app.get("/v1/openapi.json", None).await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(response.header("content-type"), Some("application/json"));
    assert_eq!(
        response.text(),
        kindred_server::routes::openapi::document_json()
    );
    let document = response.json();
    assert_eq!(document["openapi"], "3.1.0");
    for scheme in ["visitor", "sso", "admin"] {
        assert!(
            document["components"]["securitySchemes"][scheme].is_object(),
            "{scheme}"
        );
    }
}

/// Every operation answers its errors in the contract's shape, and every schema it refers to
/// is defined.
#[test]
fn operations_document_errors_and_resolve_their_schemas() {
    let document: serde_json::Value =
        serde_json::from_str(&kindred_server::routes::openapi::document_json()).unwrap();
    let defined: BTreeSet<String> = document["components"]["schemas"]
        .as_object()
        .map(|schemas| schemas.keys().cloned().collect())
        .unwrap_or_default();
    let text = document.to_string();
    for reference in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
        let name = &reference[..reference.find('"').unwrap()];
        assert!(defined.contains(name), "undefined schema {name}");
    }
    let paths = document["paths"].as_object().expect("paths");
    for (path, item) in paths {
        for (method, operation) in item.as_object().unwrap() {
            let responses = operation["responses"].as_object().expect("responses");
            let errors: Vec<_> = responses.keys().filter(|s| !s.starts_with('2')).collect();
            if path == "/v1/openapi.json" {
                continue;
            }
            assert!(!errors.is_empty(), "{method} {path} documents no error");
            for status in errors {
                let schema = &responses[status]["content"]["application/json"]["schema"];
                assert_eq!(
                    schema["$ref"], "#/components/schemas/ErrorBody",
                    "{method} {path} {status}"
                );
            }
        }
    }
}

on_both_backends!(served_document_is_the_generated_one);
