//! The JSON Schema for authoring forms (`docs/form-schema.json`): the definition a brand sends
//! to `POST /v1/moderation/sites/{site}/forms`, with every type it uses, taken from the
//! OpenAPI document's components so it can never drift from the types the server reads.
//! Editors that know JSON Schema (VS Code, JetBrains) check and complete a form file with it.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

/// Where the definitions of the OpenAPI document's types live, and where the JSON Schema
/// keeps them.
const COMPONENTS: &str = "#/components/schemas/";
const DEFS: &str = "#/$defs/";

/// The JSON Schema of a form definition, from the OpenAPI document's `components`.
pub fn schema(document: &Value) -> Value {
    let components = &document["components"]["schemas"];
    let mut defs = BTreeMap::new();
    let mut todo = vec!["FormDefinition".to_owned()];
    while let Some(name) = todo.pop() {
        if defs.contains_key(&name) {
            continue;
        }
        let mut definition = components[&name].clone();
        todo.extend(rewrite_refs(&mut definition));
        defs.insert(name, definition);
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Kindred form definition",
        "description": "A co-creation form as a brand writes it for \
                        `POST /v1/moderation/sites/{site}/forms`: the schema visitors answer and \
                        the target their answers go to. The server also applies the rules no \
                        JSON Schema can say (unique field names, conditions on earlier fields, \
                        pages that are not empty); see docs/api.md.",
        "$ref": format!("{DEFS}FormDefinition"),
        "$defs": defs.into_iter().collect::<Map<String, Value>>(),
    })
}

/// [`schema`] as the pretty-printed JSON `docs/form-schema.json` holds.
pub fn schema_json(document: &Value) -> String {
    let mut json = serde_json::to_string_pretty(&schema(document)).expect("JSON serialises");
    json.push('\n');
    json
}

/// Points `value`'s references to components at `$defs` instead, answering the names of
/// the components it refers to.
fn rewrite_refs(value: &mut Value) -> Vec<String> {
    let mut found = Vec::new();
    match value {
        Value::Object(object) => {
            if let Some(Value::String(target)) = object.get_mut("$ref") {
                if let Some(name) = target.strip_prefix(COMPONENTS) {
                    found.push(name.to_owned());
                    *target = format!("{DEFS}{name}");
                }
            }
            for child in object.values_mut() {
                found.extend(rewrite_refs(child));
            }
        }
        Value::Array(items) => {
            for item in items {
                found.extend(rewrite_refs(item));
            }
        }
        _ => {}
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_follow_the_definitions_into_defs() {
        let document = json!({ "components": { "schemas": {
            "FormDefinition": { "type": "object", "properties": {
                "schema": { "$ref": "#/components/schemas/FormSchema" } } },
            "FormSchema": { "type": "object", "properties": {
                "fields": { "type": "array", "items": { "$ref": "#/components/schemas/Field" } } } },
            "Field": { "type": "object" },
            "Idea": { "type": "object" }
        } } });
        let schema = schema(&document);
        assert_eq!(schema["$ref"], "#/$defs/FormDefinition");
        let defs = schema["$defs"].as_object().unwrap();
        assert_eq!(
            defs.keys().collect::<Vec<_>>(),
            ["Field", "FormDefinition", "FormSchema"],
            "only what a definition uses"
        );
        assert_eq!(
            schema["$defs"]["FormSchema"]["properties"]["fields"]["items"]["$ref"],
            "#/$defs/Field"
        );
    }
}
