//! The form widget on its own (`data-kindred="form"`): the form loaded by its slug, its draft
//! kept in storage as the visitor answers and found again by a fresh mount (as after a
//! reload), on the page they were on, then cleared once the server took the answers and the
//! form's success screen shows. `fetch` to `widget-form.example.test` is answered by hand.

use kindred::client::{ApiBase, ApiClient};
use kindred::events::Events;
use kindred::forms::{FormWidget, PageFacts};
use kindred::i18n::Locale;
use kindred_api::VisitorId;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

use crate::form::{input, pick, query, run_js, send, type_into};
use crate::form_pages::text;
use crate::{eventually, new_host};

/// Where the widget's draft is kept.
const DRAFT_KEY: &str = "kindred:form-draft:https://widget-form.example.test:blend-lab";

/// Answers `GET /v1/forms/blend-lab` with the shared table's form (a success message
/// added) and records each submission, answering 201.
fn stub_api() {
    let table = include_str!("../../crates/api/tests/form_table/table.json");
    run_js(&format!(
        "window.realFetch ??= window.fetch;
         window.submitted = [];
         const table = {table};
         table.schema.success_message = 'Thanks! We roast the winner in May.';
         window.fetch = (request, init) => {{
           const url = String(request.url);
           if (!url.includes('widget-form.example.test/')) return window.realFetch(request, init);
           const json = (status, body) => new Response(JSON.stringify(body),
             {{ status, headers: {{ 'content-type': 'application/json' }} }});
           if (request.method === 'GET') return Promise.resolve(json(200, table.schema));
           return request.text().then((body) => {{
             window.submitted.push(body);
             return json(201, {{ id: '7', target: {{ kind: 'response' }}, message: 'Received.' }});
           }});
         }};"
    ));
}

/// Mounts the widget on a page that says its product (`data-product`) when `product` is
/// given; answers its container and the mount's handle.
fn mount(product: Option<&str>) -> (HtmlElement, impl Sized) {
    let facts = PageFacts::new(
        product
            .map(|product| ("product".to_owned(), product.to_owned()))
            .into_iter()
            .collect(),
    );
    let container = new_host();
    let client = ApiClient::new(
        ApiBase::parse("https://widget-form.example.test").unwrap(),
        VisitorId::parse("0f8fad5b-d9cb-469f-a165-70867728950e").unwrap(),
        10_000,
    );
    let events = Events::new(container.clone());
    let root = leptos::mount::mount_to(container.clone(), move || {
        provide_context(Locale::En);
        provide_context(Locale::En.catalog());
        provide_context(client);
        provide_context(events);
        provide_context(facts);
        view! { <FormWidget form="blend-lab".to_owned()/> }
    });
    (container, root)
}

fn stored_draft() -> Option<serde_json::Value> {
    let text = run_js(&format!("localStorage.getItem('{DRAFT_KEY}')")).as_string()?;
    serde_json::from_str(&text).ok()
}

fn shows_page(container: &HtmlElement, page: &str) -> bool {
    container
        .query_selector(&format!(r#"[data-page="{page}"]"#))
        .unwrap()
        .and_then(|page| page.dyn_into::<HtmlElement>().ok())
        .is_some_and(|page| !page.hidden())
}

#[wasm_bindgen_test]
async fn a_draft_survives_a_reload_and_goes_once_the_form_is_sent() {
    run_js(&format!("localStorage.removeItem('{DRAFT_KEY}')"));
    stub_api();
    let (container, root) = mount(Some("house-blend"));
    eventually("the form loads", || shows_page(&container, "0")).await;
    type_into(&container, r#"[name="nickname"]"#, "Ana");
    type_into(&container, r#"[name="email"]"#, "ana@example.com");
    send(&container);
    eventually("the second page shows", || shows_page(&container, "1")).await;
    pick(&container, r#"[name="roast"][value="dark"]"#);
    eventually("the draft is kept with its page", || {
        stored_draft()
            .is_some_and(|draft| draft["page"] == 1 && draft["answers"]["roast"] == "dark")
    })
    .await;
    assert_eq!(
        stored_draft().unwrap()["answers"]["email"],
        "ana@example.com"
    );

    // A reload: a fresh widget finds the answers and the page as they were left.
    drop(root);
    container.remove();
    let (container, root) = mount(Some("house-blend"));
    eventually("the draft's page shows", || shows_page(&container, "1")).await;
    assert!(input(&container, r#"[name="roast"][value="dark"]"#).checked());
    assert_eq!(
        input(&container, r#"[name="email"]"#).value(),
        "ana@example.com"
    );
    assert_eq!(text(&container, ".schema-form__step"), "Step 2 of 3");

    pick(&container, r#"[name="roast"][value="medium"]"#);
    pick(&container, r#"[name="notes"][value="berry"]"#);
    send(&container);
    eventually("the last page shows", || shows_page(&container, "2")).await;
    pick(&container, r#"[name="stars"][value="5"]"#);
    input(&container, r#"[data-field="consent"] input"#).click();
    run_js(
        "window.answered = null;
         document.addEventListener('kindred:submit', (event) => (window.answered = event.detail), { once: true });",
    );
    send(&container);
    eventually("the success screen shows", || {
        container
            .query_selector(r#"[data-testid="form-success"]"#)
            .unwrap()
            .is_some()
    })
    .await;
    let done = query(&container, r#"[data-testid="form-success"]"#);
    assert_eq!(
        done.query_selector("p")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Thanks! We roast the winner in May.")
    );
    assert_eq!(
        done.query_selector("h3")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Blend lab")
    );
    assert!(container.query_selector("form").unwrap().is_none());
    eventually("focus moves to the thanks", || {
        let active = web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .active_element();
        active.is_some_and(|active| {
            active.get_attribute("data-testid").as_deref() == Some("form-success")
        })
    })
    .await;
    assert_eq!(stored_draft(), None, "the draft is cleared");
    assert_eq!(run_js("window.submitted.length").as_f64(), Some(1.0));
    let detail = run_js("JSON.stringify(window.answered)")
        .as_string()
        .unwrap();
    let detail: serde_json::Value = serde_json::from_str(&detail).unwrap();
    assert_eq!(
        detail,
        serde_json::json!({ "kind": "form", "form": "blend-lab", "submissionId": "7",
                            "target": "response", "pendingReview": false })
    );
    drop(root);
    run_js("window.fetch = window.realFetch;");
}
