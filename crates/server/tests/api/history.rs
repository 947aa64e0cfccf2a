//! Status history: every change recorded with its public note, shown on an idea's own page
//! and never in lists.

use axum::http::StatusCode;
use kindred_api::{IdeaDetail, IdeaStatus, StatusChange};
use kindred_server::Error;
use serde_json::Value;

use crate::common::{on_both_backends, visitor, Backend, TestApp, OPEN_BOARD};

async fn detail(app: &TestApp, id: &str) -> IdeaDetail {
    let response = app.get(&format!("/v1/ideas/{id}"), None).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.text());
    serde_json::from_slice(&response.body).unwrap()
}

async fn status_changes_are_recorded_in_order(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let id = app
        .create_idea(OPEN_BOARD, "Reflective laces", &visitor(1))
        .await;
    let row: i64 = id.parse().unwrap();
    assert!(detail(&app, &id).await.history.is_empty());

    let store = &app.state.store;
    let planned = store
        .change_status(row, IdeaStatus::Planned, "Next season")
        .await
        .unwrap()
        .expect("a change");
    assert_eq!(
        (planned.from, planned.to),
        (IdeaStatus::Open, IdeaStatus::Planned)
    );
    assert_eq!(planned.note, "Next season");
    // Asking for the status it already has changes nothing.
    let same = store.change_status(row, IdeaStatus::Planned, "Again");
    assert_eq!(same.await.unwrap(), None);
    let shipped = store
        .change_status(row, IdeaStatus::Shipped, "")
        .await
        .unwrap()
        .unwrap();

    let shown = detail(&app, &id).await;
    assert_eq!(shown.idea.status, IdeaStatus::Shipped);
    assert_eq!(shown.history, [planned, shipped]);
    let listed = app.get("/v1/boards/ideas/ideas", None).await.json();
    assert!(listed["items"][0].get("history").is_none());
    assert_eq!(listed["items"][0]["status"], "shipped");

    let unknown = store.change_status(9_999, IdeaStatus::Open, "").await;
    assert!(matches!(unknown, Err(Error::NotFound(_))), "{unknown:?}");
}

async fn leaving_duplicate_forgets_the_original(backend: Backend) {
    let app = TestApp::with_boards(backend).await;
    let original = app
        .create_idea(OPEN_BOARD, "Reflective laces", &visitor(1))
        .await;
    let copy = app
        .create_idea(OPEN_BOARD, "Laces that reflect", &visitor(2))
        .await;
    app.execute(&format!(
        "UPDATE ideas SET status = 'duplicate', duplicate_of = {original} WHERE id = {copy}"
    ))
    .await;
    let store = &app.state.store;
    let copy_row: i64 = copy.parse().unwrap();
    let change = store
        .change_status(copy_row, IdeaStatus::Open, "Not quite the same")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(change.from, IdeaStatus::Duplicate);
    assert_eq!(detail(&app, &copy).await.idea.duplicate_of, None);
}

async fn seeded_ideas_carry_a_believable_history(backend: Backend) {
    let app = TestApp::seeded(backend).await;
    let page = app
        .get("/v1/boards/trail-shoes/ideas?limit=100", None)
        .await
        .json();
    let mut moved = 0;
    for item in page["items"].as_array().unwrap() {
        let id = item["id"].as_str().unwrap();
        let history: Vec<StatusChange> = detail(&app, id).await.history;
        let Some(last) = history.last() else {
            assert_eq!(item["status"], "open", "{item}");
            continue;
        };
        moved += 1;
        assert_eq!(Value::from(last.to.as_str()), item["status"]);
        assert_eq!(history[0].from, IdeaStatus::Open);
        assert!(history
            .windows(2)
            .all(|w| w[0].to == w[1].from && w[0].at < w[1].at));
        assert!(history.iter().all(|c| !c.note.is_empty()));
        assert!(history[0].at.as_str() > item["created_at"].as_str().unwrap());
    }
    assert!(moved >= 3, "{moved}");
}

on_both_backends!(
    status_changes_are_recorded_in_order,
    leaving_duplicate_forgets_the_original,
    seeded_ideas_carry_a_believable_history,
);
