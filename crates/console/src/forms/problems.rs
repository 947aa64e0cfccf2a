//! What is wrong with a form definition as it is typed: text that is not JSON, JSON that is
//! not shaped like a definition, and a definition that breaks the form rules. The rules are
//! `kindred-api`'s, the very code the server checks with, so the editor refuses what the
//! server would refuse, each problem with the path to the value at fault.

use kindred_api::{FieldErrors, FormDefinition};

use crate::text;

/// One thing wrong with a definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where: the path of the value at fault (`schema.fields[1].label`), empty for the text
    /// as a whole.
    pub path: String,
    /// What is wrong, in the moderator's words.
    pub message: String,
}

/// The definition `text` holds, or everything wrong with it.
pub fn check(text: &str) -> Result<FormDefinition, Vec<Problem>> {
    let definition = read(text).map_err(|problem| vec![problem])?;
    definition.validate().map_err(|errors| refused(&errors))?;
    Ok(definition)
}

/// The problems a refusal's `fields` name, one per field and code.
pub fn refused(fields: &FieldErrors) -> Vec<Problem> {
    fields
        .iter()
        .flat_map(|(path, codes)| {
            codes.iter().map(|code| Problem {
                path: path.clone(),
                message: text::problem(code).to_owned(),
            })
        })
        .collect()
}

/// Parses `text` as a definition: the first thing that stops it, where it is.
fn read(text: &str) -> Result<FormDefinition, Problem> {
    let mut json = serde_json::Deserializer::from_str(text);
    let definition = serde_path_to_error::deserialize(&mut json)
        .map_err(|error| unreadable(error.path().to_string(), &error.into_inner()))?;
    json.end()
        .map_err(|error| unreadable(String::new(), &error))?;
    Ok(definition)
}

/// Why text did not parse at `path` (`.` or empty for the whole text).
fn unreadable(path: String, error: &serde_json::Error) -> Problem {
    if error.is_syntax() || error.is_eof() {
        return Problem {
            path: String::new(),
            message: text::not_json(error.line(), error.column()),
        };
    }
    // serde's words, without the position it appends: the path says where.
    let said = error.to_string();
    let detail = said.split(" at line ").next().unwrap_or(&said);
    Problem {
        path: if path == "." { String::new() } else { path },
        message: text::wrong_shape(detail),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{
        "schema": {
            "slug": "lab",
            "title": "Blend lab",
            "fields": [
                { "name": "roast", "label": "Roast", "kind": { "type": "short_text", "max_len": 40 } }
            ]
        },
        "target": { "kind": "response" }
    }"#;

    fn problems(text: &str) -> Vec<Problem> {
        check(text).unwrap_err()
    }

    #[test]
    fn a_good_definition_is_read() {
        let definition = check(GOOD).unwrap();
        assert_eq!(definition.schema.slug, "lab");
        assert!(definition.open);
    }

    #[test]
    fn text_that_is_not_json_says_where_it_breaks() {
        let broken = GOOD.replace(r#""lab","#, r#""lab""#);
        assert_eq!(
            problems(&broken),
            [Problem {
                path: String::new(),
                message: text::not_json(4, 13),
            }]
        );
        let trailing = problems(&format!("{GOOD}\n}}"));
        assert_eq!(trailing[0].message, text::not_json(11, 1));
    }

    #[test]
    fn json_of_the_wrong_shape_names_the_path() {
        let wrong = GOOD.replace(r#""type": "short_text""#, r#""type": "essay""#);
        let found = problems(&wrong);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, "schema.fields[0].kind.type");
        assert!(
            found[0].message.contains("unknown variant `essay`"),
            "{found:?}"
        );
        assert_eq!(problems("[]")[0].path, "");
    }

    #[test]
    fn broken_rules_name_each_path_and_what_is_wrong() {
        let wrong = GOOD
            .replace(r#""label": "Roast""#, r#""label": """#)
            .replace(r#""slug": "lab""#, r#""slug": "Not a slug""#);
        assert_eq!(
            problems(&wrong),
            [
                Problem {
                    path: "schema.fields[0].label".into(),
                    message: text::problem("required").into(),
                },
                Problem {
                    path: "schema.slug".into(),
                    message: text::problem("invalid").into(),
                },
            ]
        );
    }
}
