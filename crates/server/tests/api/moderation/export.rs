//! The CSV export of a board: RFC 4180 quoting, formula injection defused, an attachment.

use axum::http::{Method, StatusCode};
use serde_json::json;

use super::moderated_app;
use crate::common::{on_both_backends, visitor, Backend, OPEN_BOARD};

async fn a_board_exports_as_safe_csv(backend: Backend) {
    let app = moderated_app(backend).await;
    let plain = app
        .create_idea(OPEN_BOARD, "Resoleable boots", &visitor(1))
        .await;
    let body = json!({
        "title": "=HYPERLINK(\"https://evil.test\",\"win\")",
        "body": "Line one, with a comma\nand \"quotes\"",
        "tags": ["-fit", "grip"],
    });
    let uri = format!("/v1/boards/{OPEN_BOARD}/ideas");
    let response = app
        .send_json(Method::POST, &uri, Some(&visitor(2)), &body)
        .await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
    let tricky = response.json()["id"].as_str().unwrap().to_owned();
    app.vote(&plain, Some(&visitor(3)), true).await;

    let uri = format!("/v1/moderation/boards/{OPEN_BOARD}/ideas.csv");
    let text = app
        .admin(Method::GET, &uri, None)
        .await
        .assert_csv("ideas-ideas.csv");
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "id,title,body,status,tags,votes,comments,author,created_at"
    );
    assert!(
        lines[1].starts_with(&format!(
            "{plain},Resoleable boots,,open,,1,0,Anonymous hiker,"
        )),
        "{}",
        lines[1]
    );
    let expected = format!(
        "{tricky},\"'=HYPERLINK(\"\"https://evil.test\"\",\"\"win\"\")\",\
         \"Line one, with a comma\nand \"\"quotes\"\"\",open,\"'-fit, grip\",0,0,Anonymous hiker,"
    );
    assert!(text.contains(&expected), "{text}");
    assert!(text.ends_with("\r\n"));
    assert_eq!(lines.len(), 4);

    app.admin(Method::GET, "/v1/moderation/boards/nobody/ideas.csv", None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
}

on_both_backends!(a_board_exports_as_safe_csv);
