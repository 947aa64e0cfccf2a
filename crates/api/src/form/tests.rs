//! The form rules as the widget and the server both run them.

use serde_json::json;

use super::*;
use crate::validate::FieldErrors;

/// A form with one field of every kind, the image optional.
fn schema() -> FormSchema {
    serde_json::from_value(json!({
        "slug": "summit-4",
        "title": "Design the Summit 4",
        "fields": [
            { "name": "nickname", "label": "Nickname", "kind": { "type": "short_text", "max_len": 10, "placeholder": "Ana" } },
            { "name": "story", "label": "Your story", "required": true, "kind": { "type": "long_text", "max_len": 20 } },
            { "name": "email", "label": "Email", "kind": { "type": "email" } },
            { "name": "size", "label": "Shoe size", "kind": { "type": "number", "min": 3, "max": 15 } },
            { "name": "fit", "label": "Fit", "kind": { "type": "single_choice",
                "options": [{ "value": "narrow", "label": "Narrow" }, { "value": "wide", "label": "Wide" }] } },
            { "name": "terrain", "label": "Terrain", "required": true, "kind": { "type": "multiple_choice",
                "options": [{ "value": "mud", "label": "Mud" }, { "value": "rock", "label": "Rock" },
                            { "value": "snow", "label": "Snow" }], "min": 1, "max": 2 } },
            { "name": "cushioning", "label": "Cushioning", "kind": { "type": "rating", "max": 5 } },
            { "name": "photo", "label": "Photo", "kind": { "type": "image", "accept": ["image/jpeg"], "max_bytes": 1000000 } },
            { "name": "consent", "label": "Consent", "required": true, "kind": { "type": "consent", "text": "You may quote me." } }
        ]
    }))
    .unwrap()
}

fn answers(value: serde_json::Value) -> Submission {
    serde_json::from_value(value).unwrap()
}

fn good() -> serde_json::Value {
    json!({ "story": "  Grippier lugs  ", "terrain": ["mud"], "consent": true })
}

fn errors_for(value: serde_json::Value) -> FieldErrors {
    schema().validate(&answers(value)).unwrap_err()
}

#[test]
fn the_fixture_schema_is_valid_and_round_trips() {
    let schema = schema();
    assert_eq!(schema.validate_schema(), Ok(()));
    let json = serde_json::to_value(&schema).unwrap();
    assert_eq!(
        json["fields"][6]["kind"],
        json!({ "type": "rating", "max": 5 })
    );
    assert!(json.get("submit_label").is_none());
    assert!(
        json["fields"][4]["kind"].get("display").is_none(),
        "radio buttons are the default, left out"
    );
    let mut select = schema.clone();
    select.fields[4].kind = FieldKind::SingleChoice {
        options: Vec::new(),
        display: ChoiceDisplay::Select,
    };
    assert_eq!(
        serde_json::to_value(&select).unwrap()["fields"][4]["kind"]["display"],
        "select"
    );
    assert_eq!(serde_json::from_value::<FormSchema>(json).unwrap(), schema);
}

#[test]
fn a_good_submission_is_cleaned() {
    let mut full = good();
    full["nickname"] = json!("   ");
    full["size"] = json!(9.5);
    full["cushioning"] = json!(4);
    full["fit"] = json!("wide");
    full["email"] = json!(" ana@example.com ");
    let clean = schema().validate(&answers(full)).unwrap();
    assert_eq!(clean["story"], Answer::Text("Grippier lugs".into()));
    assert_eq!(clean["email"], Answer::Text("ana@example.com".into()));
    assert_eq!(clean["size"], Answer::Number(9.5));
    assert!(
        !clean.contains_key("nickname"),
        "blank optional answers are dropped"
    );
    assert_eq!(clean.len(), 7);
}

#[test]
fn missing_required_answers_and_consent_are_named() {
    let errors = errors_for(json!({ "consent": false, "terrain": [] }));
    assert_eq!(errors["story"], ["required"]);
    assert_eq!(errors["terrain"], ["required"]);
    assert_eq!(errors["consent"], ["consent_required"]);
    assert_eq!(errors.len(), 3);
}

#[test]
fn each_rule_has_its_code() {
    let cases = [
        ("nickname", json!("much too long here"), "too_long"),
        ("email", json!("not-an-email"), "invalid_email"),
        ("email", json!("a b@example.com"), "invalid_email"),
        ("email", json!("a@localhost"), "invalid_email"),
        ("size", json!(16), "out_of_range"),
        ("size", json!("nine"), "wrong_type"),
        ("fit", json!("medium"), "not_an_option"),
        ("fit", json!(["wide"]), "wrong_type"),
        ("terrain", json!(["mud", "ice"]), "not_an_option"),
        ("terrain", json!(["mud", "mud"]), "duplicate"),
        ("terrain", json!(["mud", "rock", "snow"]), "too_many"),
        ("cushioning", json!(6), "out_of_range"),
        ("cushioning", json!(0), "out_of_range"),
        ("cushioning", json!(2.5), "wrong_type"),
        ("consent", json!("yes"), "wrong_type"),
        ("photo", json!("upload-1"), "wrong_type"),
        (
            "photo",
            json!({ "media_type": "image/png", "bytes": 10 }),
            "unsupported_type",
        ),
        (
            "photo",
            json!({ "media_type": "image/jpeg", "bytes": 1_000_001 }),
            "too_large",
        ),
        (
            "story",
            json!({ "media_type": "image/jpeg", "bytes": 10 }),
            "wrong_type",
        ),
        ("shoe", json!("x"), "unknown_field"),
    ];
    for (field, value, code) in cases {
        let mut submission = good();
        submission[field] = value.clone();
        let errors = errors_for(submission);
        assert_eq!(errors[field], [code], "{field} = {value}");
        assert_eq!(errors.len(), 1, "{field} = {value}: {errors:?}");
    }
}

#[test]
fn an_image_answer_is_checked_by_its_description() {
    let photo = json!({ "media_type": "IMAGE/JPEG", "bytes": 1_000_000 });
    let mut submission = good();
    submission["photo"] = photo.clone();
    let clean = schema().validate(&answers(submission)).unwrap();
    let Answer::Image(image) = &clean["photo"] else {
        panic!("an image answer reads as an image: {clean:?}");
    };
    assert_eq!(
        (image.media_type.as_str(), image.bytes),
        ("IMAGE/JPEG", 1_000_000)
    );
    assert_eq!(clean["photo"].to_string(), "IMAGE/JPEG");

    let mut any_image = schema();
    any_image.fields[7].kind = FieldKind::Image {
        accept: vec!["image/*".into()],
        max_bytes: 10,
    };
    any_image.fields[7].required = true;
    let mut submission = good();
    assert_eq!(
        any_image
            .validate(&answers(submission.clone()))
            .unwrap_err()["photo"],
        ["required"]
    );
    submission["photo"] = json!({ "media_type": "image/webp", "bytes": 10 });
    assert!(any_image.validate(&answers(submission.clone())).is_ok());
    submission["photo"] = json!({ "media_type": "text/html", "bytes": 10 });
    assert_eq!(
        any_image.validate(&answers(submission)).unwrap_err()["photo"],
        ["unsupported_type"]
    );
    let unknown_key = json!({ "media_type": "image/png", "bytes": 1, "path": "/etc" });
    assert!(serde_json::from_value::<ImageAnswer>(unknown_key).is_err());
}

#[test]
fn a_stored_image_answer_shows_its_url() {
    let stored: Answer = serde_json::from_value(json!({
        "media_type": "image/png",
        "bytes": 5,
        "image": { "url": "/v1/media/a.jpg", "width": 40, "height": 30,
                   "srcset": [{ "url": "/v1/media/a.jpg", "width": 40 }], "color": "#102030" }
    }))
    .unwrap();
    assert_eq!(stored.to_string(), "/v1/media/a.jpg");
}

#[test]
fn too_few_choices_is_its_own_code() {
    let mut schema = schema();
    schema.fields[5].kind = FieldKind::MultipleChoice {
        options: ["a", "b", "c"]
            .map(|v| ChoiceOption {
                value: v.into(),
                label: v.into(),
            })
            .to_vec(),
        min: 2,
        max: None,
    };
    let mut submission = good();
    submission["terrain"] = json!(["a"]);
    let errors = schema.validate(&answers(submission)).unwrap_err();
    assert_eq!(errors["terrain"], ["too_few"]);
}

#[test]
fn answers_are_typed_by_their_json() {
    let parsed = answers(json!({ "a": true, "b": 3, "c": "x", "d": ["y"] }));
    assert_eq!(parsed["a"], Answer::Bool(true));
    assert_eq!(parsed["b"], Answer::Number(3.0));
    assert_eq!(parsed["c"], Answer::Text("x".into()));
    assert_eq!(parsed["d"], Answer::List(vec!["y".into()]));
    assert_eq!(parsed["b"].to_string(), "3");
    assert_eq!(
        Answer::List(vec!["a".into(), "b".into()]).to_string(),
        "a; b"
    );
    assert!(serde_json::from_value::<SubmitForm>(json!({ "answers": {}, "extra": 1 })).is_err());
}

#[test]
fn a_broken_schema_names_every_problem() {
    let broken: FormSchema = serde_json::from_value(json!({
        "slug": "Not A Slug",
        "title": " ",
        "fields": [
            { "name": "a", "label": "A", "kind": { "type": "short_text", "max_len": 0 } },
            { "name": "a", "label": "", "kind": { "type": "long_text", "max_len": 10001 } },
            { "name": "Bad Name", "label": "C", "kind": { "type": "single_choice", "options": [] } },
            { "name": "d", "label": "D", "kind": { "type": "multiple_choice",
                "options": [{ "value": "x", "label": "X" }, { "value": "x", "label": "Y" }], "min": 3, "max": 5 } },
            { "name": "e", "label": "E", "kind": { "type": "rating", "max": 11 } },
            { "name": "f", "label": "F", "required": true, "kind": { "type": "image", "accept": ["image/gif"], "max_bytes": 0 } },
            { "name": "g", "label": "G", "kind": { "type": "number", "min": 5, "max": 1 } },
            { "name": "h", "label": "H", "kind": { "type": "consent", "text": "" } }
        ]
    }))
    .unwrap();
    let errors = broken.validate_schema().unwrap_err();
    let expected: &[(&str, &[&str])] = &[
        ("slug", &["invalid"]),
        ("title", &["required"]),
        ("fields[0].max_len", &["out_of_range"]),
        ("fields[1].name", &["duplicate"]),
        ("fields[1].label", &["required"]),
        ("fields[1].max_len", &["out_of_range"]),
        ("fields[2].name", &["invalid"]),
        ("fields[2].options", &["required"]),
        ("fields[3].options", &["duplicate"]),
        ("fields[3].min", &["out_of_range"]),
        ("fields[3].max", &["out_of_range"]),
        ("fields[4].max", &["out_of_range"]),
        ("fields[5].accept", &["invalid"]),
        ("fields[5].max_bytes", &["out_of_range"]),
        ("fields[6].max", &["out_of_range"]),
        ("fields[7].text", &["required"]),
    ];
    for (key, codes) in expected {
        assert_eq!(
            errors
                .get(*key)
                .map(|c| c.iter().map(String::as_str).collect::<Vec<_>>()),
            Some(codes.to_vec()),
            "{key}: {errors:?}"
        );
    }
    assert_eq!(errors.len(), expected.len(), "{errors:?}");
    let empty = FormSchema {
        fields: vec![],
        ..schema()
    };
    assert_eq!(empty.validate_schema().unwrap_err()["fields"], ["required"]);
}

#[test]
fn unknown_kinds_and_settings_are_refused() {
    let field =
        |kind| serde_json::from_value::<Field>(json!({ "name": "x", "label": "X", "kind": kind }));
    assert!(field(json!({ "type": "signature" })).is_err());
    assert!(field(json!({ "type": "rating", "max": 5, "min": 1 })).is_err());
    assert!(field(json!({ "type": "rating", "max": 5 })).is_ok());
}

fn idea_target(title: &str, body: Option<&str>) -> FormTarget {
    FormTarget::Idea {
        board: "trail-shoes".into(),
        title_field: title.into(),
        body_field: body.map(str::to_owned),
    }
}

#[test]
fn an_idea_target_takes_its_title_and_body_from_text_fields() {
    let mut schema = schema();
    schema.fields[0].required = true;
    assert_eq!(
        idea_target("nickname", Some("story")).validate_for(&schema),
        Ok(())
    );
    assert_eq!(FormTarget::Response.validate_for(&schema), Ok(()));
    let errors = idea_target("story", Some("size"))
        .validate_for(&schema)
        .unwrap_err();
    assert_eq!(errors["title_field"], ["wrong_type"]);
    assert_eq!(errors["body_field"], ["wrong_type"]);
    let errors = idea_target("nope", None).validate_for(&schema).unwrap_err();
    assert_eq!(errors["title_field"], ["unknown_field"]);
    schema.fields[0].required = false;
    schema.fields[0].kind = FieldKind::ShortText {
        max_len: 300,
        min_len: 0,
        placeholder: None,
        format: None,
    };
    let errors = idea_target("nickname", None)
        .validate_for(&schema)
        .unwrap_err();
    assert_eq!(errors["title_field"], ["out_of_range", "required"]);
}

/// [`schema`] with the photo and the nickname required, for a post target.
fn post_schema() -> FormSchema {
    let mut schema = schema();
    schema.fields[0].required = true;
    schema.fields[7].required = true;
    schema
}

fn post_target(
    image: &str,
    alt: &str,
    caption: Option<&str>,
    products: Option<&str>,
) -> FormTarget {
    FormTarget::Post {
        feed: "trail-photos".into(),
        image_field: image.into(),
        alt_field: alt.into(),
        caption_field: caption.map(str::to_owned),
        products_field: products.map(str::to_owned),
    }
}

#[test]
fn a_post_target_takes_a_required_photo_alt_text_and_consent() {
    let schema = post_schema();
    let good = post_target("photo", "nickname", Some("story"), Some("terrain"));
    assert_eq!(good.validate_for(&schema), Ok(()));
    let json = serde_json::to_value(&good).unwrap();
    assert_eq!(json["kind"], "post");
    assert_eq!(serde_json::from_value::<FormTarget>(json).unwrap(), good);

    let errors = post_target("story", "story", Some("size"), Some("fit"))
        .validate_for(&schema)
        .unwrap_err();
    assert_eq!(errors["image_field"], ["wrong_type"]);
    assert_eq!(errors["alt_field"], ["wrong_type"]);
    assert_eq!(errors["caption_field"], ["wrong_type"]);
    assert_eq!(errors["products_field"], ["wrong_type"]);

    let mut loose = schema.clone();
    loose.fields[0].required = false;
    loose.fields[7].required = false;
    loose.fields[8].required = false;
    loose.fields[0].kind = FieldKind::ShortText {
        max_len: 301,
        min_len: 0,
        placeholder: None,
        format: None,
    };
    let errors = post_target("photo", "nickname", None, Some("nope"))
        .validate_for(&loose)
        .unwrap_err();
    assert_eq!(errors["image_field"], ["required"]);
    assert_eq!(errors["alt_field"], ["out_of_range", "required"]);
    assert_eq!(errors["products_field"], ["unknown_field"]);
    assert_eq!(errors["consent"], ["required"]);
    assert_eq!(errors.len(), 4, "{errors:?}");

    let mut bad_feed = serde_json::to_value(&good).unwrap();
    bad_feed["feed"] = json!("Not A Slug");
    let bad_feed: FormTarget = serde_json::from_value(bad_feed).unwrap();
    assert_eq!(
        bad_feed.validate_for(&schema).unwrap_err()["feed"],
        ["invalid"]
    );
}

#[test]
fn a_definition_prefixes_its_errors_and_opens_by_default() {
    let definition: FormDefinition = serde_json::from_value(json!({
        "schema": { "slug": "x", "title": "X", "fields": [] },
        "target": { "kind": "idea", "board": "b", "title_field": "t" }
    }))
    .unwrap();
    assert!(definition.open);
    let errors = definition.validate().unwrap_err();
    assert_eq!(errors["schema.fields"], ["required"]);
    assert_eq!(errors["target.title_field"], ["unknown_field"]);
}

#[test]
fn outcomes_carry_their_kind() {
    let idea = TargetOutcome::Idea {
        idea_id: crate::IdeaId::from(7),
        pending_review: false,
    };
    assert_eq!(
        serde_json::to_value(&idea).unwrap(),
        json!({ "kind": "idea", "idea_id": "7" })
    );
    assert_eq!(
        serde_json::to_value(TargetOutcome::Response).unwrap(),
        json!({ "kind": "response" })
    );
    let post = TargetOutcome::Post {
        post_id: crate::PostId::from(9),
        pending_review: true,
    };
    assert_eq!(
        serde_json::to_value(&post).unwrap(),
        json!({ "kind": "post", "post_id": "9", "pending_review": true })
    );
}

#[test]
fn details_read_back_as_moderators_receive_them() {
    let details = FormDetails {
        schema: schema(),
        target: FormTarget::Response,
        open: false,
        submission_count: 3,
        created_at: "2026-01-02T03:04:05.678Z".into(),
        updated_at: "2026-01-02T03:04:05.678Z".into(),
    };
    let json = serde_json::to_value(&details).unwrap();
    assert_eq!(json["target"], json!({ "kind": "response" }));
    assert_eq!(
        serde_json::from_value::<FormDetails>(json).unwrap(),
        details
    );
}

/// A form asking for a web address and a day in 2026.
fn dated_schema() -> FormSchema {
    serde_json::from_value(json!({
        "slug": "trail-day",
        "title": "Trail day",
        "fields": [
            { "name": "site", "label": "Your club's website", "kind": { "type": "url" } },
            { "name": "day", "label": "When", "required": true,
              "kind": { "type": "date", "min": "2026-01-01", "max": "2026-12-31" } }
        ]
    }))
    .unwrap()
}

#[test]
fn web_addresses_are_http_or_https_with_a_host() {
    let schema = dated_schema();
    assert_eq!(schema.validate_schema(), Ok(()));
    let code = |site: &str| {
        schema
            .validate(&answers(json!({ "site": site, "day": "2026-06-01" })))
            .err()
            .map(|errors| errors["site"].clone())
    };
    for good in [
        "https://ridgeline.example",
        "HTTP://ridgeline.example:8080/clubs?id=4#join",
        "https://[2001:db8::1]:443/",
        "https://münchen.example/läufer",
        "  https://ridgeline.example/  ",
    ] {
        assert_eq!(code(good), None, "{good}");
    }
    for bad in [
        "ridgeline.example",
        "javascript:alert(1)",
        "ftp://ridgeline.example",
        "https://",
        "https://ridge line.example",
        "https://ridgeline..example",
        "https://ridgeline.example:port/",
        "https://user@ridgeline.example/",
        "https://[::1/",
        "https://[::1]8080/",
        "https://ridgeline.example/a b",
    ] {
        assert_eq!(code(bad), Some(vec!["invalid_url".to_owned()]), "{bad}");
    }
    let long = format!("https://ridgeline.example/{}", "a".repeat(limits::URL_MAX));
    assert_eq!(code(&long), Some(vec!["too_long".to_owned()]));
}

#[test]
fn days_are_real_and_within_the_fields_limits() {
    let schema = dated_schema();
    let code = |day: serde_json::Value| {
        schema
            .validate(&answers(json!({ "day": day })))
            .err()
            .map(|errors| errors["day"].clone())
    };
    let clean = schema
        .validate(&answers(json!({ "day": " 2026-02-28 " })))
        .unwrap();
    assert_eq!(clean["day"], Answer::Text("2026-02-28".into()));
    assert_eq!(code(json!("2026-01-01")), None);
    assert_eq!(code(json!("2026-12-31")), None);
    for (day, expected) in [
        (json!("2025-12-31"), "out_of_range"),
        (json!("2027-01-01"), "out_of_range"),
        (json!("2026-02-29"), "invalid_date"),
        (json!("31/12/2026"), "invalid_date"),
        (json!(20260101), "wrong_type"),
        (json!(""), "required"),
    ] {
        assert_eq!(code(day.clone()), Some(vec![expected.to_owned()]), "{day}");
    }
}

#[test]
fn a_date_fields_limits_must_be_days_in_order() {
    let broken: FormSchema = serde_json::from_value(json!({
        "slug": "dates",
        "title": "Dates",
        "fields": [
            { "name": "a", "label": "A", "kind": { "type": "date", "min": "2026-02-30" } },
            { "name": "b", "label": "B", "kind": { "type": "date", "min": "2026-05-01", "max": "2026-04-01" } },
            { "name": "c", "label": "C", "kind": { "type": "date", "min": "soon", "max": "later" } },
            { "name": "d", "label": "D", "kind": { "type": "date" } }
        ]
    }))
    .unwrap();
    let errors = broken.validate_schema().unwrap_err();
    assert_eq!(errors["fields[0].min"], ["invalid"]);
    assert_eq!(errors["fields[1].max"], ["out_of_range"]);
    assert_eq!(errors["fields[2].min"], ["invalid"]);
    assert_eq!(errors["fields[2].max"], ["invalid"]);
    assert_eq!(errors.len(), 4, "{errors:?}");
    let json = serde_json::to_value(&broken.fields[3].kind).unwrap();
    assert_eq!(json, json!({ "type": "date" }));
}

#[test]
fn a_likelihood_is_a_whole_number_from_0_to_10() {
    let schema: FormSchema = serde_json::from_value(json!({
        "slug": "recommend",
        "title": "Recommend",
        "fields": [{ "name": "likely", "label": "How likely are you to recommend the Summit 3?",
                     "required": true, "kind": { "type": "nps" } }]
    }))
    .unwrap();
    assert_eq!(schema.validate_schema(), Ok(()));
    let code = |answer: serde_json::Value| {
        schema
            .validate(&answers(json!({ "likely": answer })))
            .err()
            .map(|errors| errors["likely"].clone())
    };
    for good in [json!(0), json!(7), json!(10)] {
        assert_eq!(code(good.clone()), None, "{good}");
    }
    for (bad, expected) in [
        (json!(-1), "out_of_range"),
        (json!(11), "out_of_range"),
        (json!(6.5), "wrong_type"),
        (json!("9"), "wrong_type"),
    ] {
        assert_eq!(code(bad.clone()), Some(vec![expected.to_owned()]), "{bad}");
    }
    assert_eq!(
        serde_json::to_value(&schema.fields[0].kind).unwrap(),
        json!({ "type": "nps" })
    );
}

#[test]
fn a_description_is_read_not_answered() {
    let schema: FormSchema = serde_json::from_value(json!({
        "slug": "blend",
        "title": "Next blend",
        "fields": [
            { "name": "about", "label": "How it works",
              "kind": { "type": "description", "text": "Taste it, then *tell us*." } },
            { "name": "notes", "label": "Notes", "kind": { "type": "short_text", "max_len": 40 } }
        ]
    }))
    .unwrap();
    assert_eq!(schema.validate_schema(), Ok(()));
    assert!(!schema.fields[0].kind.takes_answer());
    assert!(schema.fields[1].kind.takes_answer());
    let clean = schema
        .validate(&answers(json!({ "notes": "Cherry" })))
        .unwrap();
    assert_eq!(clean.len(), 1);
    let errors = schema
        .validate(&answers(json!({ "about": "an answer", "notes": "Cherry" })))
        .unwrap_err();
    assert_eq!(errors["about"], ["wrong_type"]);

    let mut broken = schema.clone();
    broken.fields[0].required = true;
    broken.fields[0].kind = FieldKind::Description {
        text: String::new(),
    };
    let errors = broken.validate_schema().unwrap_err();
    assert_eq!(errors["fields[0].required"], ["invalid"]);
    assert_eq!(errors["fields[0].text"], ["required"]);
}

/// A coffee survey: the roast decides what is asked next.
fn blend_schema() -> FormSchema {
    serde_json::from_value(json!({
        "slug": "blend",
        "title": "Next blend",
        "fields": [
            { "name": "roast", "label": "Roast", "required": true, "kind": { "type": "single_choice",
                "options": [{ "value": "light", "label": "Light" }, { "value": "dark", "label": "Dark" }] } },
            { "name": "notes", "label": "Notes", "kind": { "type": "multiple_choice",
                "options": [{ "value": "cherry", "label": "Cherry" }, { "value": "smoke", "label": "Smoke" }] } },
            { "name": "smoke", "label": "How smoky?", "required": true, "kind": { "type": "rating", "max": 5 },
              "show_if": { "all": [
                  { "field": "roast", "op": "equals", "value": "dark" },
                  { "field": "notes", "op": "includes", "value": "smoke" } ] } },
            { "name": "why", "label": "Why so smoky?", "required": true,
              "kind": { "type": "short_text", "max_len": 40 },
              "show_if": { "any": [ { "field": "smoke", "op": "at_least", "value": 4 } ] } },
            { "name": "other", "label": "Anything else?", "kind": { "type": "short_text", "max_len": 40 },
              "show_if": { "any": [ { "field": "notes", "op": "unanswered" },
                                     { "field": "roast", "op": "not_equals", "value": "dark" } ] } }
        ]
    }))
    .unwrap()
}

#[test]
fn only_the_questions_asked_are_checked_and_kept() {
    let schema = blend_schema();
    assert_eq!(schema.validate_schema(), Ok(()));
    let asked = |value: serde_json::Value| {
        let mut names: Vec<&str> = schema.asked(&answers(value)).into_iter().collect();
        names.sort_unstable();
        names.join(",")
    };
    assert_eq!(asked(json!({})), "notes,other,roast");
    assert_eq!(asked(json!({ "roast": " dark " })), "notes,other,roast");
    assert_eq!(
        asked(json!({ "roast": "dark", "notes": ["smoke"] })),
        "notes,roast,smoke"
    );
    assert_eq!(
        asked(json!({ "roast": "dark", "notes": ["smoke"], "smoke": 4 })),
        "notes,roast,smoke,why"
    );
    // A question not asked does not count for those after it, whatever was sent for it.
    assert_eq!(
        asked(json!({ "roast": "light", "notes": ["smoke"], "smoke": 5 })),
        "notes,other,roast"
    );

    // Answers to questions not asked are dropped, not refused; required ones not asked are
    // not required.
    let clean = schema
        .validate(&answers(json!({ "roast": "light", "smoke": 9, "why": "" })))
        .unwrap();
    assert_eq!(clean.keys().collect::<Vec<_>>(), ["roast"]);
    let errors = schema
        .validate(&answers(
            json!({ "roast": "dark", "notes": ["smoke"], "smoke": 5 }),
        ))
        .unwrap_err();
    assert_eq!(errors.keys().collect::<Vec<_>>(), ["why"]);
    assert_eq!(errors["why"], ["required"]);
    let round = serde_json::to_value(&schema).unwrap();
    assert_eq!(serde_json::from_value::<FormSchema>(round).unwrap(), schema);
}

#[test]
fn a_condition_must_compare_an_earlier_answer_soundly() {
    let broken = |show_if: serde_json::Value| -> FieldErrors {
        let mut schema = serde_json::to_value(blend_schema()).unwrap();
        schema["fields"][2]["show_if"] = show_if;
        serde_json::from_value::<FormSchema>(schema)
            .unwrap()
            .validate_schema()
            .unwrap_err()
    };
    for show_if in [
        json!({ "all": [] }),
        json!({ "all": [{ "field": "why", "op": "answered" }] }),
        json!({ "all": [{ "field": "smoke", "op": "answered" }] }),
        json!({ "all": [{ "field": "nowhere", "op": "answered" }] }),
        json!({ "all": [{ "field": "roast", "op": "answered", "value": "dark" }] }),
        json!({ "all": [{ "field": "roast", "op": "equals" }] }),
        json!({ "all": [{ "field": "notes", "op": "includes", "value": 3 }] }),
        json!({ "any": [{ "field": "roast", "op": "at_least", "value": "dark" }] }),
    ] {
        let errors = broken(show_if.clone());
        assert_eq!(errors["fields[2].show_if"], ["invalid"], "{show_if}");
        assert_eq!(errors.len(), 1, "{show_if}: {errors:?}");
    }
    let typo: Result<FormSchema, _> = serde_json::from_value(json!({
        "slug": "x", "title": "X",
        "fields": [{ "name": "a", "label": "A", "kind": { "type": "email" },
                     "show_if": { "every": [] } }]
    }));
    assert!(typo.is_err());
}

#[test]
fn numbers_that_json_cannot_hold_are_refused() {
    for number in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let mut answers = answers(good());
        answers.insert("size".into(), Answer::Number(number));
        assert_eq!(
            schema().validate(&answers).unwrap_err()["size"],
            ["wrong_type"]
        );
    }
}

/// A form of three pages: a name, then a roast with a reason asked for a dark one, then a
/// consent, with the product the page is about.
fn paged_schema() -> FormSchema {
    serde_json::from_value(json!({
        "slug": "paged",
        "title": "Paged",
        "fields": [
            { "name": "name", "label": "Name", "required": true, "kind": { "type": "short_text", "max_len": 20, "min_len": 2 } },
            { "name": "blend", "label": "Your blend", "kind": { "type": "page_break" } },
            { "name": "roast", "label": "Roast", "kind": { "type": "single_choice",
                "options": [{ "value": "light", "label": "Light" }, { "value": "dark", "label": "Dark" }] } },
            { "name": "why", "label": "Why dark?", "required": true,
              "show_if": { "all": [{ "field": "roast", "op": "equals", "value": "dark" }] },
              "kind": { "type": "long_text", "max_len": 100 } },
            { "name": "end", "label": "Last", "kind": { "type": "page_break" } },
            { "name": "reason", "label": "Reason", "show_if": { "any": [{ "field": "roast", "op": "answered" }] },
              "kind": { "type": "short_text", "max_len": 20 } },
            { "name": "product", "label": "Product", "kind": { "type": "hidden", "from": { "attribute": "sku-code" } } }
        ]
    }))
    .unwrap()
}

#[test]
fn page_breaks_split_a_form_into_pages_checked_one_at_a_time() {
    let schema = paged_schema();
    assert_eq!(schema.validate_schema(), Ok(()));
    assert_eq!(schema.pages(), [0..1, 1..4, 4..7]);
    let dark = answers(json!({ "name": "A", "roast": "dark" }));
    assert_eq!(
        schema.validate_page(&dark, 0).unwrap_err(),
        FieldErrors::from([("name".into(), vec!["too_short".into()])])
    );
    assert_eq!(
        schema.validate_page(&dark, 1).unwrap_err(),
        FieldErrors::from([("why".into(), vec!["required".into()])])
    );
    assert_eq!(schema.validate_page(&dark, 2), Ok(()));
    assert_eq!(schema.validate_page(&dark, 9), Ok(()));
    // The last page asks its question only once a roast is chosen; the hidden product
    // counts as nothing to ask.
    assert!(schema.shows_page(2, &dark));
    assert!(!schema.shows_page(2, &answers(json!({ "name": "Ana" }))));
    assert!(schema.shows_page(0, &Submission::new()));
    assert!(!schema.shows_page(3, &dark));
    // A form without breaks is one page.
    assert_eq!(self::schema().pages(), vec![0..9usize]);
}

#[test]
fn a_hidden_answer_is_text_within_its_length() {
    let schema = paged_schema();
    let base = json!({ "name": "Ana", "product": "summit-3" });
    assert!(schema.validate(&answers(base)).is_ok());
    let long = json!({ "name": "Ana", "product": "x".repeat(limits::HIDDEN_MAX + 1) });
    assert_eq!(
        schema.validate(&answers(long)).unwrap_err()["product"],
        ["too_long"]
    );
    let json = serde_json::to_value(&schema).unwrap();
    assert_eq!(
        json["fields"][6]["kind"]["from"],
        json!({ "attribute": "sku-code" })
    );
    assert_eq!(
        serde_json::to_value(HiddenSource::PageUrl).unwrap(),
        json!("page_url")
    );
}

#[test]
fn pages_lengths_and_hidden_sources_are_checked_in_the_schema() {
    let mut schema = paged_schema();
    // A page break first, two in a row, or last would leave a page empty.
    schema.fields.swap(0, 1);
    schema.fields[4].required = true;
    schema.fields[4].show_if = Some(Condition::All(Vec::new()));
    schema.fields[0].required = true;
    schema.fields[6].kind = FieldKind::Hidden {
        from: HiddenSource::Attribute("Not Valid".into()),
    };
    schema.fields[1].kind = FieldKind::ShortText {
        max_len: 5,
        min_len: 6,
        placeholder: None,
        format: Some(TextFormat::Digits),
    };
    let errors = schema.validate_schema().unwrap_err();
    assert_eq!(errors["fields[0].type"], ["invalid"]);
    assert_eq!(errors["fields[0].required"], ["invalid"]);
    assert_eq!(errors["fields[1].min_len"], ["out_of_range"]);
    assert_eq!(errors["fields[4].required"], ["invalid"]);
    assert_eq!(errors["fields[4].show_if"], ["invalid"]);
    assert_eq!(errors["fields[6].from"], ["invalid"]);
    assert_eq!(errors.len(), 6, "{errors:?}");

    let mut last = paged_schema();
    last.fields.truncate(5);
    let errors = last.validate_schema().unwrap_err();
    assert_eq!(errors["fields[4].type"], ["invalid"]);
    let mut twice = paged_schema();
    twice.fields[2].kind = FieldKind::PageBreak;
    twice.fields[3].show_if = None;
    twice.fields[5].show_if = None;
    let errors = twice.validate_schema().unwrap_err();
    assert_eq!(errors["fields[2].type"], ["invalid"]);
}

/// [`paged_schema`] with German words for some of it, Brazilian Portuguese for its title.
fn translated_schema() -> FormSchema {
    let mut schema = paged_schema();
    schema.translations = serde_json::from_value(json!({
        "de": { "title": "Mehrseitig", "submit_label": "Absenden",
                "fields": { "roast": { "label": "Röstung", "options": { "dark": "Dunkel" } },
                            "blend": { "label": "Ihre Mischung" } } },
        "pt-BR": { "title": "Em páginas" }
    }))
    .unwrap();
    schema
}

#[test]
fn a_form_speaks_the_visitors_language_where_it_has_the_words() {
    let schema = translated_schema();
    assert_eq!(schema.validate_schema(), Ok(()));
    let german = schema.localized("de-AT");
    assert_eq!(german.title, "Mehrseitig");
    assert_eq!(german.submit_label.as_deref(), Some("Absenden"));
    assert_eq!(german.fields[2].label, "Röstung");
    assert_eq!(german.fields[1].label, "Ihre Mischung");
    let FieldKind::SingleChoice { options, .. } = &german.fields[2].kind else {
        panic!("a choice");
    };
    assert_eq!(
        [options[0].label.as_str(), options[1].label.as_str()],
        ["Light", "Dunkel"],
        "an option without words keeps the form's"
    );
    // Question by question: no German words for `why`.
    assert_eq!(german.fields[3].label, "Why dark?");
    assert!(german.translations.is_empty());
    assert_eq!(schema.localized("PT-br").title, "Em páginas");
    // No words for Portuguese alone, nor for French: the form's own.
    assert_eq!(schema.localized("pt").title, "Paged");
    assert_eq!(schema.localized("fr").title, "Paged");
    let json = serde_json::to_value(&schema).unwrap();
    assert_eq!(
        json["translations"]["de"]["fields"]["roast"]["options"]["dark"],
        "Dunkel"
    );
    assert!(serde_json::to_value(paged_schema())
        .unwrap()
        .get("translations")
        .is_none());
}

#[test]
fn translations_must_name_languages_fields_and_options_the_form_has() {
    let mut schema = translated_schema();
    schema.translations = serde_json::from_value(json!({
        "Deutsch": { "title": "  " },
        "fr": { "fields": {
            "nope": { "label": "Non" },
            "roast": { "options": { "medium": "Moyen", "dark": "" }, "placeholder": "Foncé" },
            "name": { "label": "x".repeat(limits::LABEL_MAX + 1) }
        } }
    }))
    .unwrap();
    let errors = schema.validate_schema().unwrap_err();
    assert_eq!(errors["translations.Deutsch"], ["invalid"]);
    assert_eq!(errors["translations.Deutsch.title"], ["required"]);
    assert_eq!(
        errors["translations.fr.fields.nope.label"],
        ["unknown_field"]
    );
    assert_eq!(
        errors["translations.fr.fields.roast.options"],
        ["invalid", "not_an_option"]
    );
    assert_eq!(errors["translations.fr.fields.roast.kind"], ["wrong_type"]);
    assert_eq!(errors["translations.fr.fields.name.label"], ["too_long"]);
    assert_eq!(errors.len(), 6, "{errors:?}");
}
