//! The roadmap view (`data-view="roadmap"`): three columns named by their headings, each
//! loading on its own and saying so when it cannot.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use super::{eventually, find, new_host, shadow_of, sheet, UNREACHABLE_API};

#[wasm_bindgen_test]
async fn three_labelled_columns_load_and_fail_on_their_own() {
    let host = new_host();
    let options = format!(
        r#"{{"kind":"ideas","api":"{UNREACHABLE_API}","site":"test","board":"b","view":"roadmap"}}"#
    );
    let handle = kindred::mount(host.clone(), &options, &sheet());
    let shadow = shadow_of(&host);
    let columns = shadow
        .query_selector_all(r#"[data-testid="roadmap-column"]"#)
        .unwrap();
    assert_eq!(columns.length(), 3);
    let mut seen = Vec::new();
    for i in 0..columns.length() {
        let column: web_sys::Element = columns.item(i).unwrap().unchecked_into();
        assert_eq!(column.tag_name(), "SECTION");
        let heading_id = column.get_attribute("aria-labelledby").unwrap();
        let heading = shadow.get_element_by_id(&heading_id).expect("a heading");
        seen.push((
            column.get_attribute("data-status").unwrap(),
            heading.text_content().unwrap(),
        ));
    }
    assert_eq!(
        seen,
        [
            ("planned".to_owned(), "Planned".to_owned()),
            ("in_progress".to_owned(), "In progress".to_owned()),
            ("shipped".to_owned(), "Shipped".to_owned()),
        ]
    );
    eventually("an error in every column", || {
        shadow
            .query_selector_all(r#"[data-testid="roadmap-column"] [role="alert"]"#)
            .unwrap()
            .length()
            == 3
    })
    .await;
    assert!(find(&shadow, r#"[data-testid="roadmap-column"][aria-busy]"#).is_none());
    handle.unmount();
}
