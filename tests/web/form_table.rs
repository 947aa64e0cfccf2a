//! The shared table of form answers (`crates/api/tests/form_table/table.json`) against the
//! rules as compiled into the widget, in the browser: the same errors as natively and as the
//! server answers over HTTP.

mod table {
    include!("../../crates/api/tests/form_table/table.rs");
}

use table::Table;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn every_case_of_the_shared_table_gets_its_errors_in_the_browser() {
    let table = Table::load();
    table.check(|answers| table.schema.validate(answers).err().unwrap_or_default());
}
