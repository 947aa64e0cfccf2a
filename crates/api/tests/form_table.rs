//! The shared table of form answers (`form_table/table.json`) against the rules, natively:
//! the browser and the server run the same table and must come to the same errors.

mod table {
    include!("form_table/table.rs");
}

use table::Table;

#[test]
fn every_case_of_the_shared_table_gets_its_errors() {
    let table = Table::load();
    assert_eq!(table.schema.validate_schema(), Ok(()));
    assert_eq!(table.schema.pages().len(), 3);
    table.check(|answers| table.schema.validate(answers).err().unwrap_or_default());
}
