//! A form of several pages as the widget renders it (the shared table's form, from
//! `crates/api/tests/form_table/table.json`): one page at a time with where the visitor is,
//! Next checking that page's answers first, Back losing nothing, a hidden field answered
//! from the page, a named format choosing the input's keyboard, and the form's own words in
//! the widget's language.

use kindred::i18n::Locale;
use kindred_api::FormSchema;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

use crate::eventually;
use crate::form::{
    error_of, input, mount_schema, mount_schema_in, pick, query, restore_fetch, run_js, send,
    stub_fetch, type_into,
};

/// The shared table's form: three pages, the second opening with "Your blend".
fn schema() -> FormSchema {
    let table: serde_json::Value =
        serde_json::from_str(include_str!("../../crates/api/tests/form_table/table.json")).unwrap();
    serde_json::from_value(table["schema"].clone()).unwrap()
}

/// Which page shows, by its `data-page`, when exactly one does.
fn page_shown(container: &HtmlElement) -> Option<String> {
    let pages = container.query_selector_all("[data-page]").unwrap();
    let shown: Vec<String> = (0..pages.length())
        .filter_map(|i| pages.item(i)?.dyn_into::<HtmlElement>().ok())
        .filter(|page| !page.hidden())
        .filter_map(|page| page.get_attribute("data-page"))
        .collect();
    (shown.len() == 1).then(|| shown[0].clone())
}

/// The text of the element matching `selector`.
pub(crate) fn text(container: &HtmlElement, selector: &str) -> String {
    query(container, selector)
        .text_content()
        .unwrap_or_default()
}

fn focused_id() -> String {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .map(|element| element.id())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_form_of_pages_goes_step_by_step_and_back_without_losing_answers() {
    stub_fetch();
    let (container, _, _root) = mount_schema(schema());
    let shows = |page: &str| page_shown(&container).as_deref() == Some(page);
    let button = |container: &HtmlElement| text(container, r#"[data-testid="send-form"]"#);
    let has_back = |container: &HtmlElement| {
        container
            .query_selector(r#"[data-testid="form-back"]"#)
            .unwrap()
            .is_some()
    };
    eventually("the first page shows", || shows("0")).await;
    assert_eq!(text(&container, ".schema-form__step"), "Step 1 of 3");
    assert_eq!(button(&container), "Next");
    assert!(!has_back(&container));
    let progress = query(&container, "progress");
    assert_eq!(progress.get_attribute("max").as_deref(), Some("3"));
    assert_eq!(progress.get_attribute("value").as_deref(), Some("1"));
    // A named format picks the keyboard: a phone number's is a telephone's.
    assert_eq!(input(&container, r#"[name="phone"]"#).type_(), "tel");
    assert_eq!(
        input(&container, r#"[name="card"]"#)
            .get_attribute("inputmode")
            .as_deref(),
        Some("numeric")
    );

    // Next checks this page only: the email is required, and the nickname too short.
    type_into(&container, r#"[name="nickname"]"#, "A");
    send(&container);
    eventually("the page's problems show", || {
        error_of(&container, "email").as_deref() == Some("Please answer this question.")
    })
    .await;
    assert_eq!(
        error_of(&container, "nickname").as_deref(),
        Some("Use at least 2 characters.")
    );
    assert!(error_of(&container, "roast").is_none_or(|error| error.is_empty()));
    assert!(shows("0"));
    let nickname_id = input(&container, r#"[name="nickname"]"#).id();
    eventually("focus goes to the first problem", || {
        focused_id() == nickname_id
    })
    .await;

    type_into(&container, r#"[name="nickname"]"#, "Ana");
    type_into(&container, r#"[name="email"]"#, "ana@example.com");
    type_into(&container, r#"[name="phone"]"#, "call me");
    send(&container);
    eventually("a format is checked as well", || {
        error_of(&container, "phone").as_deref()
            == Some("Enter a phone number, like +44 20 7946 0958.")
    })
    .await;
    type_into(&container, r#"[name="phone"]"#, "+44 20 7946 0958");
    send(&container);
    eventually("the second page shows", || shows("1")).await;
    assert_eq!(text(&container, ".schema-form__step"), "Step 2 of 3");
    let title = query(&container, r#"[data-page="1"] > h4"#);
    assert_eq!(title.text_content().as_deref(), Some("Your blend"));
    eventually("its title takes focus", || focused_id() == title.id()).await;
    assert!(has_back(&container));

    // Back: the first page as it was left.
    query(&container, r#"[data-testid="form-back"]"#)
        .unchecked_into::<HtmlElement>()
        .click();
    eventually("the first page shows again", || shows("0")).await;
    assert_eq!(
        input(&container, r#"[name="email"]"#).value(),
        "ana@example.com"
    );
    send(&container);
    eventually("the second page shows again", || shows("1")).await;

    pick(&container, r#"[name="roast"][value="medium"]"#);
    pick(&container, r#"[name="notes"][value="chocolate"]"#);
    send(&container);
    eventually("the last page shows", || shows("2")).await;
    assert_eq!(text(&container, ".schema-form__step"), "Step 3 of 3");
    assert_eq!(button(&container), "Send");
    pick(&container, r#"[name="stars"][value="4"]"#);
    input(&container, r#"[data-field="consent"] input"#).click();
    send(&container);
    eventually("the answers are sent", || {
        run_js("window.sent.length").as_f64() == Some(1.0)
    })
    .await;
    let body: serde_json::Value =
        serde_json::from_str(&run_js("window.sent[0].body").as_string().unwrap()).unwrap();
    let answers = &body["answers"];
    // The hidden fields, answered from the page: its product and its address.
    assert_eq!(answers["product"], "summit-3");
    let href = web_sys::window().unwrap().location().href().unwrap();
    let address = href.split('#').next().unwrap();
    assert_eq!(answers["page"], address);
    assert_eq!(answers["email"], "ana@example.com");
    assert_eq!(answers["notes"], serde_json::json!(["chocolate"]));
    assert_eq!(answers["stars"], 4.0);
    restore_fetch();
}

#[wasm_bindgen_test]
async fn hidden_fields_and_page_breaks_show_nothing_of_their_own() {
    let (container, _, _root) = mount_schema(schema());
    eventually("the form shows", || page_shown(&container).is_some()).await;
    for name in ["product", "page", "blend", "last"] {
        assert!(
            container
                .query_selector(&format!(r#"[data-field="{name}"], [name="{name}"]"#))
                .unwrap()
                .is_none(),
            "{name} renders nothing of its own"
        );
    }
    let inputs = container.query_selector_all("input[type=hidden]").unwrap();
    assert_eq!(inputs.length(), 0);
}

#[wasm_bindgen_test]
async fn a_form_shows_its_words_in_the_widgets_language() {
    let mut schema = schema();
    schema.translations = serde_json::from_value(serde_json::json!({
        "de": { "title": "Röstlabor",
                "fields": { "roast": { "label": "Röstung", "options": { "dark": "Dunkel" } },
                            "blend": { "label": "Ihre Mischung" } } }
    }))
    .unwrap();
    let (container, _, _root) = mount_schema_in(schema, Locale::De);
    eventually("the form shows", || page_shown(&container).is_some()).await;
    assert_eq!(text(&container, "h3"), "Röstlabor");
    assert_eq!(text(&container, r#"[data-page="1"] > h4"#), "Ihre Mischung");
    assert_eq!(
        text(&container, r#"[data-field="roast"] legend"#),
        "Röstung"
    );
    // Words the translation leaves out stay the form's own; the widget's own are German.
    assert_eq!(
        text(&container, r#"[data-field="notes"] legend"#),
        "Flavour notes"
    );
    assert_eq!(text(&container, ".schema-form__step"), "Schritt 1 von 3");
    let dark = query(&container, r#"[name="roast"][value="dark"]"#);
    let label = dark.closest("label").unwrap().unwrap();
    assert_eq!(label.text_content().unwrap().trim(), "Dunkel");
}
