// The shared table of form answers (`table.json`): a form, answers that suit it, and
// changes to them with the errors each must get. Included as it is by the three places that
// run it (natively, in the browser, over HTTP against the server), so all three read the
// same cases the same way.

use kindred_api::{FieldErrors, FormSchema, Submission};
use serde::Deserialize;
use serde_json::{Map, Value};

/// The table.
#[derive(Deserialize)]
pub struct Table {
    /// The form every case answers.
    pub schema: FormSchema,
    /// Answers that suit it, which each case changes.
    pub base: Map<String, Value>,
    /// The cases.
    pub cases: Vec<Case>,
}

/// One case: a change to the base answers and the errors it must get.
#[derive(Deserialize)]
pub struct Case {
    /// What the case is about.
    pub name: String,
    /// Answers replaced (a value) or removed (`null`).
    pub change: Map<String, Value>,
    /// The codes by field; empty when the answers are accepted.
    pub errors: FieldErrors,
}

impl Table {
    /// The table as `table.json` holds it.
    pub fn load() -> Self {
        serde_json::from_str(include_str!("table.json")).expect("the table")
    }

    /// Checks that `errors_of` finds each case's errors (none for answers accepted),
    /// failing with the name of the first case it does not.
    pub fn check(&self, mut errors_of: impl FnMut(&Submission) -> FieldErrors) {
        for case in &self.cases {
            let found = errors_of(&case.answers(&self.base));
            assert_eq!(found, case.errors, "{}", case.name);
        }
    }
}

impl Case {
    /// The base answers with this case's change applied, as JSON.
    pub fn answers_json(&self, base: &Map<String, Value>) -> Value {
        let mut answers = base.clone();
        for (name, value) in &self.change {
            match value {
                Value::Null => _ = answers.remove(name),
                value => _ = answers.insert(name.clone(), value.clone()),
            }
        }
        Value::Object(answers)
    }

    /// The base answers with this case's change applied.
    pub fn answers(&self, base: &Map<String, Value>) -> Submission {
        serde_json::from_value(self.answers_json(base)).expect("answers")
    }
}
