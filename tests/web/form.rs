//! A co-creation form as the widget renders it: every kind of question labelled and tied to
//! its errors, the shared rules checked before anything is sent (photos by type and size,
//! without uploading them), a chosen photo sent as a file part, and a send retried after a
//! failure carrying the same `Idempotency-Key`, so it can never submit twice. `fetch` to
//! `form.example.test` is answered by hand.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use kindred::client::{ApiBase, ApiClient};
use kindred::forms::{FormAnswers, PageFacts, SchemaForm};
use kindred::i18n::Locale;
use kindred_api::{FormSchema, SubmissionReceipt, VisitorId};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement};

use crate::{eventually, new_host};

/// A form with one question of every kind.
fn schema() -> FormSchema {
    let options = serde_json::json!([
        { "value": "mud", "label": "Mud" },
        { "value": "rock", "label": "Rock" },
        { "value": "snow", "label": "Snow" }
    ]);
    serde_json::from_value(serde_json::json!({
        "slug": "every-kind",
        "title": "Tell the design team",
        "description": "Five minutes, no more.",
        "fields": [
            { "name": "intro", "label": "Before you start",
              "kind": { "type": "description",
                        "text": "Read the [brief](https://ridgeline.example/brief) first. <b>No markup</b>." } },
            { "name": "name", "label": "Your name", "required": true,
              "kind": { "type": "short_text", "max_len": 40, "placeholder": "Ana" } },
            { "name": "story", "label": "Your story", "help": "Where, when, how far.",
              "kind": { "type": "long_text", "max_len": 500 } },
            { "name": "email", "label": "Email", "kind": { "type": "email" } },
            { "name": "club", "label": "Your club's website", "kind": { "type": "url" } },
            { "name": "race", "label": "Race day",
              "kind": { "type": "date", "min": "2026-01-01", "max": "2026-12-31" } },
            { "name": "size", "label": "Shoe size", "kind": { "type": "number", "min": 3.5, "max": 15.5 } },
            { "name": "fit", "label": "Fit", "kind": { "type": "single_choice", "options": options } },
            { "name": "country", "label": "Where you run most", "kind": { "type": "single_choice", "display": "select",
                "options": [{ "value": "at", "label": "Austria" }, { "value": "ch", "label": "Switzerland" }] } },
            { "name": "terrain", "label": "Terrain", "required": true,
              "kind": { "type": "multiple_choice", "options": options, "min": 1, "max": 2 } },
            { "name": "grip", "label": "Grip", "required": true, "kind": { "type": "rating", "max": 5 } },
            { "name": "likely", "label": "How likely are you to recommend it?", "kind": { "type": "nps" } },
            { "name": "photo", "label": "A photo",
              "kind": { "type": "image", "accept": ["image/jpeg", "image/png"], "max_bytes": 1000 } },
            { "name": "consent", "label": "Consent", "required": true,
              "kind": { "type": "consent", "text": "Ridgeline may quote me." } }
        ],
        "submit_label": "Send my answers"
    }))
    .unwrap()
}

/// Mounts the form speaking to `form.example.test`; answers its container, the receipts it
/// reported and the mount's handle.
fn mount_form() -> (HtmlElement, Arc<Mutex<Vec<SubmissionReceipt>>>, impl Sized) {
    mount_schema(schema())
}

/// Mounts a form of `schema` as [`mount_form`] does, on a page about product `summit-3`.
pub(crate) fn mount_schema(
    schema: FormSchema,
) -> (HtmlElement, Arc<Mutex<Vec<SubmissionReceipt>>>, impl Sized) {
    mount_schema_in(schema, Locale::En)
}

/// Mounts a form of `schema` as [`mount_schema`] does, in a widget speaking `locale`.
pub(crate) fn mount_schema_in(
    schema: FormSchema,
    locale: Locale,
) -> (HtmlElement, Arc<Mutex<Vec<SubmissionReceipt>>>, impl Sized) {
    let container = new_host();
    let client = ApiClient::new(
        ApiBase::parse("https://form.example.test").unwrap(),
        VisitorId::parse("0f8fad5b-d9cb-469f-a165-70867728950e").unwrap(),
        10_000,
    );
    let receipts = Arc::new(Mutex::new(Vec::new()));
    let root = leptos::mount::mount_to(container.clone(), {
        let receipts = Arc::clone(&receipts);
        move || {
            provide_context(locale);
            provide_context(locale.catalog());
            provide_context(client);
            provide_context(PageFacts::new(BTreeMap::from([(
                "product".to_owned(),
                "summit-3".to_owned(),
            )])));
            let on_sent = Callback::new(move |receipt| receipts.lock().unwrap().push(receipt));
            view! { <SchemaForm schema=schema.clone() answers=FormAnswers::default() on_sent/> }
        }
    });
    (container, receipts, root)
}

pub(crate) fn run_js(code: &str) -> wasm_bindgen::JsValue {
    js_sys::eval(code).expect("the test's script runs")
}

/// Replaces `fetch` for `form.example.test` with a stub that records each request's
/// `Idempotency-Key` and body and waits until the test answers it.
pub(crate) fn stub_fetch() {
    run_js(
        "window.realFetch ??= window.fetch;
         window.sent = [];
         window.fetch = (request, init) => !String(request.url).includes('form.example.test/')
           ? window.realFetch(request, init)
           : request.text().then((body) => new Promise((resolve) => window.sent.push({
               key: request.headers.get('Idempotency-Key'),
               body,
               answer: (status, text) => resolve(new Response(text, {
                 status, headers: { 'content-type': 'application/json' } })),
             })));",
    );
}

pub(crate) fn restore_fetch() {
    run_js("window.fetch = window.realFetch;");
}

pub(crate) fn query(container: &HtmlElement, selector: &str) -> Element {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

pub(crate) fn input(container: &HtmlElement, selector: &str) -> HtmlInputElement {
    query(container, selector).unchecked_into()
}

/// Types `text` into the text input or area matching `selector`.
pub(crate) fn type_into(container: &HtmlElement, selector: &str, text: &str) {
    let field = query(container, selector);
    js_sys::Reflect::set(&field, &"value".into(), &text.into()).unwrap();
    field.dispatch_event(&Event::new("input").unwrap()).unwrap();
}

/// Ticks or picks the checkbox or radio button matching `selector`.
pub(crate) fn pick(container: &HtmlElement, selector: &str) {
    input(container, selector).click();
}

/// The error shown for question `name`, through its input's `aria-describedby` (the
/// question's `fieldset` for a group).
pub(crate) fn error_of(container: &HtmlElement, name: &str) -> Option<String> {
    let question = query(container, &format!(r#"[data-field="{name}"]"#));
    let described = if question.tag_name() == "FIELDSET" {
        question.get_attribute("aria-describedby")
    } else {
        question
            .query_selector("input, textarea")
            .unwrap()
            .and_then(|input| input.get_attribute("aria-describedby"))
    }
    .unwrap_or_default();
    let id = described.split(' ').find(|id| id.ends_with("-error"))?;
    container
        .query_selector(&format!("#{id}"))
        .unwrap()
        .and_then(|error| error.text_content())
}

pub(crate) fn send(container: &HtmlElement) {
    input(container, r#"[data-testid="send-form"]"#).click();
}

#[wasm_bindgen_test]
async fn every_question_is_labelled_and_optional_ones_say_so() {
    let (container, _, _root) = mount_form();
    for name in [
        "name", "story", "email", "club", "race", "size", "country", "photo",
    ] {
        let field = query(&container, &format!(r#"[name="{name}"]"#));
        let label = query(&container, &format!(r#"label[for="{}"]"#, field.id()));
        assert!(
            !label.text_content().unwrap().is_empty(),
            "{name} has a label"
        );
    }
    for name in ["fit", "terrain", "grip", "likely"] {
        let legend = query(&container, &format!(r#"[data-field="{name}"] > legend"#));
        assert!(
            !legend.text_content().unwrap().is_empty(),
            "{name} has a legend"
        );
    }
    let stars = container
        .query_selector_all(r#"[data-field="grip"] label"#)
        .unwrap();
    assert_eq!(stars.length(), 5);
    assert_eq!(stars.item(2).unwrap().text_content().unwrap(), "★3 of 5");
    // A likelihood: eleven numbers, each its own name, the ends saying what they mean.
    let points = container
        .query_selector_all(r#"[data-field="likely"] label"#)
        .unwrap();
    let names: Vec<String> = (0..points.length())
        .map(|i| points.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(names.len(), 11);
    assert_eq!(names[0], "0, Not at all likely");
    assert_eq!(names[7], "7");
    assert_eq!(names[10], "10, Extremely likely");
    pick(&container, r#"[name="likely"][value="7"]"#);
    leptos::task::tick().await;
    let lit = container
        .query_selector_all(r#"[data-field="likely"] .rating__star--lit"#)
        .unwrap();
    assert_eq!(lit.length(), 1, "only the score picked is filled");
    // A description: its words under its heading, links marked as user content, markup as
    // text, and nothing to answer.
    let intro = query(&container, r#"[data-field="intro"]"#);
    assert_eq!(
        intro.text_content().unwrap(),
        "Before you startRead the brief first. <b>No markup</b>."
    );
    let link = query(&container, r#"[data-field="intro"] a"#);
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://ridgeline.example/brief")
    );
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("nofollow ugc noopener")
    );
    assert!(container
        .query_selector(r#"[data-field="intro"] input, [data-field="intro"] b"#)
        .unwrap()
        .is_none());
    let story = query(&container, r#"[data-field="story"]"#);
    assert!(story
        .text_content()
        .unwrap()
        .contains("Your story (optional)"));
    let name = query(&container, r#"[data-field="name"]"#);
    assert!(!name.text_content().unwrap().contains("optional"));
    let help = input(&container, r#"[name="story"]"#)
        .get_attribute("aria-describedby")
        .unwrap();
    assert_eq!(
        query(&container, &format!("#{help}"))
            .text_content()
            .unwrap(),
        "Where, when, how far."
    );
    assert_eq!(
        input(&container, r#"[name="photo"]"#).accept(),
        "image/jpeg,image/png"
    );
    let club = input(&container, r#"[name="club"]"#);
    assert_eq!(
        (club.type_(), club.get_attribute("inputmode")),
        ("url".to_owned(), Some("url".to_owned()))
    );
    let race = input(&container, r#"[name="race"]"#);
    assert_eq!(
        (race.type_(), race.min(), race.max()),
        (
            "date".to_owned(),
            "2026-01-01".to_owned(),
            "2026-12-31".to_owned()
        )
    );
    assert_eq!(
        query(&container, r#"[data-testid="send-form"]"#)
            .text_content()
            .unwrap(),
        "Send my answers"
    );
}

#[wasm_bindgen_test]
async fn the_shared_rules_are_checked_before_sending_and_errors_go_as_answers_are_fixed() {
    stub_fetch();
    let (container, receipts, _root) = mount_form();
    type_into(&container, r#"[name="size"]"#, "forty");
    type_into(&container, r#"[name="email"]"#, "ana@");
    type_into(&container, r#"[name="club"]"#, "ridgeline.example");
    type_into(&container, r#"[name="race"]"#, "2027-03-01");
    pick(&container, r#"[name="terrain"][value="mud"]"#);
    pick(&container, r#"[name="terrain"][value="rock"]"#);
    pick(&container, r#"[name="terrain"][value="snow"]"#);
    // A GIF, then a JPEG over the field's 1,000 bytes: neither is uploaded.
    run_js(
        "window.choose = (name, type, bytes) => {
           const files = new DataTransfer();
           files.items.add(new File([new Uint8Array(bytes)], name, { type }));
           const input = document.querySelector('[name=\"photo\"]');
           input.files = files.files;
           input.dispatchEvent(new Event('change'));
         };
         choose('trail.gif', 'image/gif', 10);",
    );
    send(&container);
    leptos::task::tick().await;

    let expected = [
        ("name", "Please answer this question."),
        ("email", "Enter an email address, like name@example.com."),
        ("club", "Enter a web address, like https://example.com."),
        ("race", "Choose a date from 2026-01-01 to 2026-12-31."),
        ("size", "Enter a number."),
        ("terrain", "Choose at most 2."),
        ("grip", "Please answer this question."),
        ("photo", "Choose a JPEG, PNG or WebP photo."),
        ("consent", "Please tick this box to go on."),
    ];
    for (name, message) in expected {
        assert_eq!(
            error_of(&container, name).as_deref(),
            Some(message),
            "{name}"
        );
    }
    assert_eq!(error_of(&container, "story"), None);
    assert_eq!(
        input(&container, r#"[name="name"]"#)
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    let focused = || {
        container
            .get_root_node()
            .unchecked_into::<web_sys::Document>()
            .active_element()
            .and_then(|element| element.get_attribute("name"))
    };
    eventually("focus on the first invalid question", || {
        focused().as_deref() == Some("name")
    })
    .await;

    // Fixing an answer takes its error away at once; the rest stay.
    type_into(&container, r#"[name="size"]"#, "99");
    leptos::task::tick().await;
    assert_eq!(
        error_of(&container, "size").as_deref(),
        Some("Enter a number from 3.5 to 15.5.")
    );
    type_into(&container, r#"[name="size"]"#, "9,5");
    type_into(
        &container,
        r#"[name="club"]"#,
        "https://ridgeline.example/club",
    );
    type_into(&container, r#"[name="race"]"#, "2026-03-01");
    run_js("choose('trail.jpg', 'image/jpeg', 5000);");
    leptos::task::tick().await;
    assert_eq!(error_of(&container, "size"), None);
    assert_eq!(error_of(&container, "club"), None);
    assert_eq!(error_of(&container, "race"), None);
    assert_eq!(
        error_of(&container, "photo").as_deref(),
        Some("Choose a photo of at most 1 MB.")
    );
    assert_eq!(
        run_js("window.sent.length").as_f64(),
        Some(0.0),
        "nothing sent"
    );
    assert!(receipts.lock().unwrap().is_empty());
    restore_fetch();
}

#[wasm_bindgen_test]
async fn a_retried_send_carries_the_same_idempotency_key_and_reports_the_receipt() {
    stub_fetch();
    let (container, receipts, _root) = mount_form();
    type_into(&container, r#"[name="name"]"#, "  Ana  ");
    type_into(&container, r#"[name="size"]"#, "9,5");
    pick(&container, r#"[name="terrain"][value="rock"]"#);
    pick(&container, r#"[name="grip"][value="4"]"#);
    pick(&container, r#"[name="consent"]"#);
    send(&container);
    eventually("the answers are sent", || {
        run_js("window.sent.length").as_f64() == Some(1.0)
    })
    .await;
    let button = input(&container, r#"[data-testid="send-form"]"#);
    assert!(button.disabled(), "disabled while on its way");
    send(&container);
    let body: serde_json::Value =
        serde_json::from_str(&run_js("window.sent[0].body").as_string().unwrap()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({ "answers": {
            "name": "Ana", "size": 9.5, "terrain": ["rock"], "grip": 4.0, "consent": true
        } })
    );
    let key = run_js("window.sent[0].key").as_string().unwrap();
    assert_eq!(key.len(), 36, "a UUID: {key}");

    run_js(
        "window.sent[0].answer(503, '{\"error\":{\"code\":\"internal\",\"message\":\"down\"}}')",
    );
    eventually("the failure is shown", || {
        container
            .query_selector(r#"[data-testid="form-error"]"#)
            .unwrap()
            .is_some()
    })
    .await;
    assert!(!button.disabled());
    assert_eq!(
        input(&container, r#"[name="name"]"#).value(),
        "  Ana  ",
        "answers stay"
    );

    send(&container);
    eventually("the answers are sent again", || {
        run_js("window.sent.length").as_f64() == Some(2.0)
    })
    .await;
    assert_eq!(run_js("window.sent[1].key").as_string(), Some(key));
    run_js(
        r#"window.sent[1].answer(201, JSON.stringify({ id: "9", target: { kind: "response" }, message: "Thanks!" }))"#,
    );
    eventually("the receipt is reported", || {
        receipts.lock().unwrap().len() == 1
    })
    .await;
    assert_eq!(receipts.lock().unwrap()[0].message, "Thanks!");
    assert_eq!(
        run_js("window.sent.length").as_f64(),
        Some(2.0),
        "the click while sending sent nothing"
    );
    restore_fetch();
}

#[wasm_bindgen_test]
async fn a_chosen_photo_goes_as_a_file_part_beside_the_answers() {
    stub_fetch();
    let (container, _, _root) = mount_form();
    type_into(&container, r#"[name="name"]"#, "Ana");
    pick(&container, r#"[name="terrain"][value="mud"]"#);
    pick(&container, r#"[name="grip"][value="5"]"#);
    pick(&container, r#"[name="consent"]"#);
    run_js(
        "const files = new DataTransfer();
         files.items.add(new File([new Uint8Array(600)], 'trail.jpg', { type: 'image/jpeg' }));
         const input = document.querySelector('[name=\"photo\"]');
         input.files = files.files;
         input.dispatchEvent(new Event('change'));",
    );
    send(&container);
    eventually("the answers are sent", || {
        run_js("window.sent.length").as_f64() == Some(1.0)
    })
    .await;
    let body = run_js("window.sent[0].body").as_string().unwrap();
    assert!(body.contains(r#"name="answers""#), "{body}");
    assert!(
        body.contains(r#""photo":{"media_type":"image/jpeg","bytes":600}"#),
        "the answer describes the file: {body}"
    );
    assert!(
        body.contains(r#"name="photo"; filename="trail.jpg""#),
        "the file is a part named after its question: {body}"
    );
    run_js("window.sent[0].answer(503, '{}')");
    restore_fetch();
}

#[wasm_bindgen_test]
async fn a_group_is_checked_when_focus_leaves_it_not_between_its_boxes() {
    let (container, _, _root) = mount_form();
    input(&container, r#"[name="terrain"][value="mud"]"#)
        .focus()
        .unwrap();
    input(&container, r#"[name="terrain"][value="rock"]"#)
        .focus()
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(
        error_of(&container, "terrain"),
        None,
        "still inside the group"
    );
    input(&container, r#"[name="name"]"#).focus().unwrap();
    leptos::task::tick().await;
    assert_eq!(
        error_of(&container, "terrain").as_deref(),
        Some("Please answer this question.")
    );
}

#[wasm_bindgen_test]
async fn a_conditional_question_comes_and_goes_with_the_answers_it_depends_on() {
    let schema: FormSchema = serde_json::from_value(serde_json::json!({
        "slug": "blend",
        "title": "Next blend",
        "fields": [
            { "name": "roast", "label": "Roast", "required": true, "kind": { "type": "single_choice",
                "options": [{ "value": "light", "label": "Light" }, { "value": "dark", "label": "Dark" }] } },
            { "name": "smoke", "label": "How smoky?", "required": true, "kind": { "type": "rating", "max": 5 },
              "show_if": { "all": [{ "field": "roast", "op": "equals", "value": "dark" }] } },
            { "name": "why", "label": "Why so smoky?", "required": true,
              "kind": { "type": "short_text", "max_len": 40 },
              "show_if": { "any": [{ "field": "smoke", "op": "at_least", "value": 4 }] } }
        ]
    }))
    .unwrap();
    stub_fetch();
    let (container, _, _root) = mount_schema(schema);
    let shown = |name: &str| {
        container
            .query_selector(&format!(r#"[data-field="{name}"]"#))
            .unwrap()
            .is_some()
    };
    assert!(shown("roast") && !shown("smoke") && !shown("why"));
    pick(&container, r#"[name="roast"][value="dark"]"#);
    eventually("the smoke question shows", || shown("smoke")).await;
    assert!(!shown("why"));
    pick(&container, r#"[name="smoke"][value="5"]"#);
    eventually("the why question shows", || shown("why")).await;
    // Back to a light roast: both questions go, and what they held is not required or sent.
    pick(&container, r#"[name="roast"][value="light"]"#);
    eventually("both questions go", || !shown("smoke") && !shown("why")).await;
    send(&container);
    eventually("the answers are sent", || {
        run_js("window.sent.length").as_f64() == Some(1.0)
    })
    .await;
    let body = run_js("window.sent[0].body").as_string().unwrap();
    assert_eq!(body, r#"{"answers":{"roast":"light"}}"#);
    restore_fetch();
}

#[wasm_bindgen_test]
async fn a_long_single_choice_is_a_drop_down_list() {
    stub_fetch();
    let (container, _, _root) = mount_form();
    let select: web_sys::HtmlSelectElement =
        query(&container, r#"select[name="country"]"#).unchecked_into();
    let options: Vec<String> = (0..select.length())
        .map(|i| select.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(options, ["Choose…", "Austria", "Switzerland"]);
    assert_eq!(select.value(), "", "no answer yet");
    select.set_value("ch");
    select
        .dispatch_event(&Event::new("change").unwrap())
        .unwrap();
    type_into(&container, r#"[name="name"]"#, "Ana");
    pick(&container, r#"[name="terrain"][value="mud"]"#);
    pick(&container, r#"[name="grip"][value="4"]"#);
    pick(&container, r#"[data-field="consent"] input"#);
    send(&container);
    eventually("the answers are sent", || {
        run_js("window.sent.length").as_f64() == Some(1.0)
    })
    .await;
    let body: serde_json::Value =
        serde_json::from_str(&run_js("window.sent[0].body").as_string().unwrap()).unwrap();
    assert_eq!(body["answers"]["country"], "ch");
    // Back to no answer: the first entry.
    select.set_value("");
    select
        .dispatch_event(&Event::new("change").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(select.value(), "");
    restore_fetch();
}
