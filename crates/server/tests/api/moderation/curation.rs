//! Curating ideas: statuses with public notes, merging duplicates without counting a voter
//! twice, and pinned ideas leading every order with cursors intact.

use axum::http::{Method, StatusCode};
use kindred_server::store::boards::BoardRules;
use serde_json::{json, Value};

use super::{ids, moderated_app, REVIEWED_BOARD};
use crate::common::{on_both_backends, visitor, Backend, TestApp, DRIFT, OPEN_BOARD};

/// Counts the ideas whose `comment_count` differs from their visible comments.
const COMMENT_DRIFT: &str = "SELECT COUNT(*) FROM ideas i WHERE i.comment_count <>
    (SELECT COUNT(*) FROM comments c WHERE c.idea_id = i.id AND NOT c.pending_review)";

async fn idea(app: &TestApp, id: &str) -> Value {
    let response = app.get(&format!("/v1/ideas/{id}"), None).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.text());
    response.json()
}

async fn a_status_change_shows_its_note_in_the_history(backend: Backend) {
    let app = moderated_app(backend).await;
    let id = app
        .create_idea(OPEN_BOARD, "Resoleable boots", &visitor(1))
        .await;
    let uri = format!("/v1/moderation/ideas/{id}/status");
    let body = json!({ "status": "planned", "note": "Coming this spring" });
    let detail = app
        .admin_ok(Method::PUT, &uri, Some(body), StatusCode::OK)
        .await;
    assert_eq!(detail["status"], "planned");
    assert_eq!(detail["history"][0]["to"], "planned");
    assert_eq!(detail["history"][0]["note"], "Coming this spring");
    let public = idea(&app, &id).await;
    assert_eq!(public["history"], detail["history"]);
    // A repeat moves nothing: no second history entry, no second log entry.
    let body = json!({ "status": "planned", "note": "Again" });
    let again = app
        .admin_ok(Method::PUT, &uri, Some(body), StatusCode::OK)
        .await;
    assert_eq!(again["history"].as_array().unwrap().len(), 1);
    let log = app
        .admin_ok(Method::GET, "/v1/moderation/log", None, StatusCode::OK)
        .await;
    assert_eq!(log["items"].as_array().unwrap().len(), 1);
    assert_eq!(log["items"][0]["action"], "status");
    assert_eq!(log["items"][0]["reason"], "Coming this spring");

    // Moderators can move an idea that waits for review too.
    let waiting = app
        .create_idea(REVIEWED_BOARD, "Wider toe box", &visitor(2))
        .await;
    let uri = format!("/v1/moderation/ideas/{waiting}/status");
    let detail = app
        .admin_ok(
            Method::PUT,
            &uri,
            Some(json!({ "status": "under_review" })),
            StatusCode::OK,
        )
        .await;
    assert_eq!(detail["pending_review"], true);
    assert_eq!(detail["status"], "under_review");
}

async fn bad_status_changes_are_refused(backend: Backend) {
    let app = moderated_app(backend).await;
    let id = app
        .create_idea(OPEN_BOARD, "Resoleable boots", &visitor(1))
        .await;
    let other = app
        .create_idea(OPEN_BOARD, "Wider toe box", &visitor(1))
        .await;
    let uri = format!("/v1/moderation/ideas/{id}/status");
    let cases = [
        (json!({ "status": "duplicate" }), "duplicate_of", "required"),
        (
            json!({ "status": "planned", "duplicate_of": other }),
            "duplicate_of",
            "invalid",
        ),
        (
            json!({ "status": "duplicate", "duplicate_of": id }),
            "duplicate_of",
            "same_idea",
        ),
        (
            json!({ "status": "duplicate", "duplicate_of": "999" }),
            "duplicate_of",
            "not_found",
        ),
        (
            json!({ "status": "planned", "note": "x".repeat(2001) }),
            "note",
            "too_long",
        ),
    ];
    for (body, field, code) in cases {
        let response = app.admin(Method::PUT, &uri, Some(body)).await;
        let json = response.assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(json["error"]["fields"][field][0], code, "{json}");
    }
    app.admin(Method::PUT, &uri, Some(json!({ "status": "shipping" })))
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    app.admin(
        Method::PUT,
        "/v1/moderation/ideas/999/status",
        Some(json!({ "status": "planned" })),
    )
    .await
    .assert_error(StatusCode::NOT_FOUND, "not_found");

    // Marking a duplicate links it without moving votes.
    let body = json!({ "status": "duplicate", "duplicate_of": other, "note": "See the other" });
    let detail = app
        .admin_ok(Method::PUT, &uri, Some(body), StatusCode::OK)
        .await;
    assert_eq!(detail["duplicate_of"], other);
}

async fn a_merge_moves_votes_and_comments_without_counting_anyone_twice(backend: Backend) {
    let app = moderated_app(backend).await;
    let source = app
        .create_idea(OPEN_BOARD, "Resoleable boots", &visitor(1))
        .await;
    let target = app
        .create_idea(OPEN_BOARD, "Boots you can resole", &visitor(2))
        .await;
    // Voters 1 to 4 support the source, 3 to 6 the target: 3 and 4 support both.
    for n in 1..=4 {
        assert_eq!(
            app.vote(&source, Some(&visitor(n)), true).await.status,
            StatusCode::OK
        );
    }
    for n in 3..=6 {
        assert_eq!(
            app.vote(&target, Some(&visitor(n)), true).await.status,
            StatusCode::OK
        );
    }
    assert_eq!(
        app.post_comment(&source, 1, "Yes").await.status,
        StatusCode::CREATED
    );
    assert_eq!(
        app.post_comment(&target, 2, "Agreed").await.status,
        StatusCode::CREATED
    );

    // The preview says what the merge will do, and does nothing.
    let uri = format!("/v1/moderation/ideas/{source}/merge");
    let preview = app
        .admin_ok(
            Method::GET,
            &format!("{uri}?into={target}"),
            None,
            StatusCode::OK,
        )
        .await;
    assert_eq!(
        preview,
        json!({ "into": target, "votes_now": 4, "votes_moving": 2, "shared_voters": 2,
                "votes_after": 6, "comments_moving": 1 })
    );
    assert_eq!(idea(&app, &source).await["vote_count"], 4);
    for (query, status, code) in [
        (
            String::new(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        ),
        (
            format!("?into={source}"),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        ),
        (
            "?into=999".to_owned(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
        ),
    ] {
        app.admin(Method::GET, &format!("{uri}{query}"), None)
            .await
            .assert_error(status, code);
    }

    let body = json!({ "into": target, "note": "Merged into the older idea" });
    let outcome = app
        .admin_ok(Method::POST, &uri, Some(body), StatusCode::OK)
        .await;
    assert_eq!(outcome["source"], source);
    assert_eq!(outcome["into"]["id"], target);
    assert_eq!(outcome["into"]["vote_count"], 6);
    assert_eq!(outcome["into"]["comment_count"], 2);
    assert_eq!(outcome["votes_moved"], 2);
    assert_eq!(outcome["comments_moved"], 1);

    let merged = idea(&app, &source).await;
    assert_eq!(merged["status"], "duplicate");
    assert_eq!(merged["duplicate_of"], target);
    assert_eq!(merged["vote_count"], 0);
    assert_eq!(merged["comment_count"], 0);
    assert_eq!(merged["history"][0]["note"], "Merged into the older idea");
    assert_eq!(idea(&app, &target).await["vote_count"], 6);
    assert_eq!(app.scalar(DRIFT).await, 0);
    assert_eq!(app.scalar(COMMENT_DRIFT).await, 0);
    // A voter of both holds exactly one vote on the target.
    let shared = app
        .scalar(&format!(
            "SELECT COUNT(*) FROM votes WHERE idea_id = {target} AND voter = 'visitor:{}'",
            visitor(3)
        ))
        .await;
    assert_eq!(shared, 1);
    // Voters of the source support the target now.
    let voted = app
        .get(&format!("/v1/ideas/{target}"), Some(&visitor(1)))
        .await
        .json();
    assert_eq!(voted["voted"], true);
}

async fn merges_that_would_break_the_graph_are_refused(backend: Backend) {
    let app = moderated_app(backend).await;
    let a = app
        .create_idea(OPEN_BOARD, "Resoleable boots", &visitor(1))
        .await;
    let b = app
        .create_idea(OPEN_BOARD, "Boots you can resole", &visitor(1))
        .await;
    let c = app
        .create_idea(OPEN_BOARD, "Repairable soles", &visitor(1))
        .await;
    let waiting = app
        .create_idea(REVIEWED_BOARD, "Glued soles", &visitor(1))
        .await;
    // Another site's idea.
    let site = json!({ "slug": "other", "name": "Other" });
    app.admin_ok(
        Method::POST,
        "/v1/moderation/sites",
        Some(site),
        StatusCode::CREATED,
    )
    .await;
    app.admin_ok(
        Method::POST,
        "/v1/moderation/sites/other/boards",
        Some(json!({ "slug": "other-ideas", "name": "Ideas" })),
        StatusCode::CREATED,
    )
    .await;
    let foreign = app
        .create_idea("other-ideas", "Resoleable boots", &visitor(1))
        .await;

    let merge = |from: &str| format!("/v1/moderation/ideas/{from}/merge");
    for (into, code) in [
        (&a, "same_idea"),
        (&foreign, "other_site"),
        (&"999".to_owned(), "not_found"),
    ] {
        let response = app
            .admin(Method::POST, &merge(&a), Some(json!({ "into": into })))
            .await;
        let json = response.assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(json["error"]["fields"]["into"][0], code);
    }
    app.admin_ok(
        Method::POST,
        &merge(&b),
        Some(json!({ "into": a })),
        StatusCode::OK,
    )
    .await;
    // B is a duplicate now: merging into it would make a chain.
    let response = app
        .admin(Method::POST, &merge(&c), Some(json!({ "into": b })))
        .await;
    let json = response.assert_error(StatusCode::CONFLICT, "conflict");
    assert!(json["error"]["message"]
        .as_str()
        .unwrap()
        .contains("duplicate"));
    app.admin(Method::POST, &merge(&c), Some(json!({ "into": waiting })))
        .await
        .assert_error(StatusCode::CONFLICT, "conflict");
    // Merging A elsewhere carries B's link along, so no chain forms.
    app.admin_ok(
        Method::POST,
        &merge(&a),
        Some(json!({ "into": c })),
        StatusCode::OK,
    )
    .await;
    assert_eq!(idea(&app, &b).await["duplicate_of"], c);
    app.admin(
        Method::POST,
        "/v1/moderation/ideas/999/merge",
        Some(json!({ "into": a })),
    )
    .await
    .assert_error(StatusCode::NOT_FOUND, "not_found");
    app.admin(Method::POST, &merge(&c), Some(json!({})))
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
}

async fn moderators_replace_an_ideas_tags_and_the_log_says_so(backend: Backend) {
    let app = moderated_app(backend).await;
    let id = app
        .create_idea(OPEN_BOARD, "Resoleable boots", &visitor(1))
        .await;
    let uri = format!("/v1/moderation/ideas/{id}/tags");
    let body = json!({ "tags": [" repair ", "boots", "repair"] });
    let answer = app
        .admin_ok(Method::PUT, &uri, Some(body), StatusCode::OK)
        .await;
    assert_eq!(answer["tags"], json!(["repair", "boots"]));
    assert_eq!(idea(&app, &id).await["tags"], json!(["repair", "boots"]));
    let tagged = app
        .get(&format!("/v1/boards/{OPEN_BOARD}/ideas?tag=repair"), None)
        .await
        .json();
    assert_eq!(tagged["items"][0]["id"], id);

    // The same tags again change nothing and are not logged twice.
    let body = json!({ "tags": ["repair", "boots"] });
    app.admin_ok(Method::PUT, &uri, Some(body), StatusCode::OK)
        .await;
    let log = app
        .admin_ok(Method::GET, "/v1/moderation/log", None, StatusCode::OK)
        .await;
    let tag_edits: Vec<&Value> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|entry| entry["action"] == "tags")
        .collect();
    assert_eq!(tag_edits.len(), 1);
    assert_eq!(tag_edits[0]["reason"], "repair, boots");

    // No tags at all is allowed; too many, an empty one or an unknown idea are not.
    let cleared = app
        .admin_ok(
            Method::PUT,
            &uri,
            Some(json!({ "tags": [] })),
            StatusCode::OK,
        )
        .await;
    assert_eq!(cleared["tags"], json!([]));
    let six = json!({ "tags": ["a", "b", "c", "d", "e", "f"] });
    app.admin(Method::PUT, &uri, Some(six))
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    app.admin(Method::PUT, &uri, Some(json!({ "tags": [" "] })))
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    app.admin(
        Method::PUT,
        "/v1/moderation/ideas/999/tags",
        Some(json!({ "tags": [] })),
    )
    .await
    .assert_error(StatusCode::NOT_FOUND, "not_found");
}

async fn pinned_ideas_lead_every_order_and_cursors_hold(backend: Backend) {
    let app = moderated_app(backend).await;
    app.add_board("pins", BoardRules::OPEN).await;
    let mut all = Vec::new();
    for n in 0..6_u32 {
        let id = app
            .create_idea("pins", &format!("Idea number {n}"), &visitor(n))
            .await;
        for voter in 0..n {
            app.vote(&id, Some(&visitor(100 + voter)), true).await;
        }
        all.push(id);
    }
    // Pin the two least supported ideas.
    for id in &all[..2] {
        let uri = format!("/v1/moderation/ideas/{id}/pin");
        let pinned = app.admin_ok(Method::PUT, &uri, None, StatusCode::OK).await;
        assert_eq!(pinned["pinned"], true);
    }
    for sort in ["top", "new", "trending", "discussed"] {
        let mut seen = Vec::new();
        let mut query = format!("?sort={sort}&limit=1");
        loop {
            let page = app.listed("pins", &query).await;
            seen.extend(ids(&page));
            match page["next_cursor"].as_str() {
                Some(cursor) => query = format!("?sort={sort}&limit=1&cursor={cursor}"),
                None => break,
            }
        }
        assert_eq!(seen.len(), all.len(), "{sort}: {seen:?}");
        let mut leading = seen[..2].to_vec();
        leading.sort();
        let mut pinned = all[..2].to_vec();
        pinned.sort();
        assert_eq!(leading, pinned, "{sort}: {seen:?}");
        let whole = app.listed("pins", &format!("?sort={sort}")).await;
        assert_eq!(ids(&whole), seen, "{sort}");
    }
    let top = app.listed("pins", "?sort=top").await;
    assert_eq!(ids(&top)[..2], [all[1].clone(), all[0].clone()]);
    assert_eq!(top["items"][0]["pinned"], true);
    assert!(top["items"][2].get("pinned").is_none());

    let uri = format!("/v1/moderation/ideas/{}/pin", all[1]);
    let unpinned = app
        .admin_ok(Method::DELETE, &uri, None, StatusCode::OK)
        .await;
    assert!(unpinned.get("pinned").is_none());
    let top = app.listed("pins", "?sort=top").await;
    assert_eq!(ids(&top)[0], all[0]);
    assert_eq!(ids(&top)[1], all[5]);
    app.admin(Method::PUT, "/v1/moderation/ideas/999/pin", None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
}

on_both_backends!(
    a_status_change_shows_its_note_in_the_history,
    bad_status_changes_are_refused,
    a_merge_moves_votes_and_comments_without_counting_anyone_twice,
    moderators_replace_an_ideas_tags_and_the_log_says_so,
    merges_that_would_break_the_graph_are_refused,
    pinned_ideas_lead_every_order_and_cursors_hold,
);
