//! Tests of the moderation wire types' parsing and validation.

use super::*;
use crate::idea::{IdeaId, IdeaStatus};
use crate::site::Theme;

#[test]
fn kinds_parse_from_their_wire_names() {
    for kind in QueueKind::ALL {
        assert_eq!(kind.as_str().parse::<QueueKind>(), Ok(kind));
    }
    assert!("things".parse::<QueueKind>().is_err());
    for action in LogAction::ALL {
        assert_eq!(action.as_str().parse::<LogAction>(), Ok(action));
    }
}

#[test]
fn a_rejection_needs_a_reason() {
    let empty = DecisionRequest::default();
    assert!(empty.validate(false).is_ok());
    assert_eq!(empty.validate(true).unwrap_err()["reason"], ["required"]);
}

#[test]
fn duplicate_of_comes_exactly_with_duplicate() {
    let request = |status, duplicate_of: Option<&str>| StatusRequest {
        status,
        note: String::new(),
        duplicate_of: duplicate_of.map(|id| IdeaId(id.into())),
    };
    assert!(request(IdeaStatus::Planned, None).validate().is_ok());
    assert!(request(IdeaStatus::Duplicate, Some("3")).validate().is_ok());
    let errors = request(IdeaStatus::Duplicate, None).validate().unwrap_err();
    assert_eq!(errors["duplicate_of"], ["required"]);
    let errors = request(IdeaStatus::Planned, Some("3"))
        .validate()
        .unwrap_err();
    assert_eq!(errors["duplicate_of"], ["invalid"]);
}

#[test]
fn identity_keys_and_times_are_checked() {
    assert!(is_identity_key(
        "visitor:0f8fad5b-d9cb-469f-a165-70867728950e"
    ));
    assert!(is_identity_key("user:u-42"));
    for bad in ["visitor:nope", "user:", "user:a b", "admin:x", "u-42"] {
        assert!(!is_identity_key(bad), "{bad}");
    }
    assert_eq!(
        normalize_utc("2026-05-01T00:00:00Z").as_deref(),
        Some("2026-05-01T00:00:00.000Z")
    );
    assert_eq!(
        normalize_utc("2026-05-01T00:00:00.250Z").as_deref(),
        Some("2026-05-01T00:00:00.250Z")
    );
    for bad in [
        "2026-05-01",
        "2026-05-01T00:00:00+02:00",
        "2026-05-01T00:00:00.5Z",
    ] {
        assert_eq!(normalize_utc(bad), None, "{bad}");
    }
}

#[test]
fn locales_are_bcp47_shaped() {
    for good in ["en", "de-CH", "zh-Hant-TW", "es-419", "gsw"] {
        assert!(is_locale(good), "{good}");
    }
    for bad in ["", "e", "en_US", "en-", "en-waytoolongsubtag", "12"] {
        assert!(!is_locale(bad), "{bad}");
    }
}

#[test]
fn an_update_tells_absent_from_null() {
    let keep: UpdateSite = serde_json::from_str("{}").unwrap();
    assert_eq!(keep.sso_secret, None);
    let clear: UpdateSite = serde_json::from_str(r#"{"sso_secret":null}"#).unwrap();
    assert_eq!(clear.sso_secret, Some(None));
    let board: UpdateBoard = serde_json::from_str(r#"{"vote_cap":null}"#).unwrap();
    assert_eq!(board.vote_cap, Some(None));
    assert_eq!(board.supporter_threshold, None);
}

#[test]
fn bad_site_settings_get_a_code_per_field() {
    let mut theme = Theme::new();
    theme.insert("--kindred-bg".into(), "url(x)".into());
    let update = UpdateSite {
        name: Some(" ".into()),
        locale: Some("en_US".into()),
        sso_secret: Some(Some("short".into())),
        theme: Some(theme),
        ..UpdateSite::default()
    };
    let errors = update.validate().unwrap_err();
    assert_eq!(errors["name"], ["required"]);
    assert_eq!(errors["locale"], ["invalid"]);
    assert_eq!(errors["sso_secret"], ["too_short"]);
    assert_eq!(errors["theme"], ["invalid"]);
}

#[test]
fn feed_settings_are_checked() {
    let create: CreateFeed = serde_json::from_str(r#"{"slug":"photos","name":"Photos"}"#).unwrap();
    assert_eq!(create.report_threshold, DEFAULT_REPORT_THRESHOLD);
    assert!(create.allow_anonymous_posts && !create.premoderation);
    assert!(create.validate().is_ok());
    assert_eq!(create.consent, "");
    let update = UpdateFeed {
        slug: Some("Not A Slug".into()),
        name: Some(String::new()),
        report_threshold: Some(0),
        consent: Some("c".repeat(CONSENT_MAX + 1)),
        ..UpdateFeed::default()
    };
    let errors = update.validate().unwrap_err();
    assert_eq!(errors["slug"], ["invalid"]);
    assert_eq!(errors["name"], ["required"]);
    assert_eq!(errors["report_threshold"], ["invalid"]);
    assert_eq!(errors["consent"], ["too_long"]);
    let long = CreateFeed {
        consent: "c".repeat(CONSENT_MAX + 1),
        ..create
    };
    assert_eq!(long.validate().unwrap_err()["consent"], ["too_long"]);
    let cleared = UpdateFeed {
        consent: Some(String::new()),
        ..UpdateFeed::default()
    };
    assert!(cleared.validate().is_ok());
}
