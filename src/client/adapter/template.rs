//! Templates of an adapter's requests: `{name}` placeholders in a URL, a query parameter, a
//! header or a JSON body, filled from what the widget is asking for (the board, the cursor,
//! the visitor's id…). `{status|sort}` takes the first of several that has a value. Values put into a URL are percent-encoded, so text a visitor typed
//! stays one inert piece of it; a body placeholder that is a whole JSON string takes the
//! value as it is typed (a number stays a number, a list a list).

use std::collections::BTreeMap;

use serde_json::Value;

use crate::percent;

/// The values a request's templates are filled from, by name.
pub type Vars = BTreeMap<&'static str, Value>;

/// One piece of a template: text as written, or a placeholder's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text as written.
    Text(&'a str),
    /// `{name}`, or `{first|second}`.
    Var(&'a str),
}

/// Splits `template` into text and placeholders; `{{` and `}}` stand for braces. Answers the
/// offending text when a brace is left open or a name is not `[a-z_]+`.
pub fn pieces(template: &str) -> Result<Vec<Piece<'_>>, String> {
    let mut pieces = Vec::new();
    let mut rest = template;
    while !rest.is_empty() {
        let Some(at) = rest.find(['{', '}']) else {
            pieces.push(Piece::Text(rest));
            break;
        };
        if at > 0 {
            pieces.push(Piece::Text(&rest[..at]));
        }
        rest = &rest[at..];
        if let Some(after) = rest.strip_prefix("{{") {
            pieces.push(Piece::Text("{"));
            rest = after;
        } else if let Some(after) = rest.strip_prefix("}}") {
            pieces.push(Piece::Text("}"));
            rest = after;
        } else if rest.starts_with('}') {
            return Err(format!(
                "a lone `}}` in `{template}` (write `}}}}` for a brace)"
            ));
        } else {
            let end = rest
                .find('}')
                .ok_or_else(|| format!("`{{` is never closed in `{template}`"))?;
            let name = &rest[1..end];
            let named = |name: &str| {
                !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
            };
            if !name.split('|').all(named) {
                return Err(format!(
                    "`{{{name}}}` in `{template}` is not a placeholder name"
                ));
            }
            pieces.push(Piece::Var(name));
            rest = &rest[end + 1..];
        }
    }
    Ok(pieces)
}

/// The placeholders `template` names, in order.
pub fn names(template: &str) -> Result<Vec<&str>, String> {
    Ok(pieces(template)?
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Var(names) => Some(names.split('|')),
            Piece::Text(_) => None,
        })
        .flatten()
        .collect())
}

/// The value of placeholder `var` (`name`, or `first|second`): the first with a value that is
/// not empty, else the last one's.
fn lookup<'a>(vars: &'a Vars, var: &str) -> Option<&'a Value> {
    let mut found = None;
    for name in var.split('|') {
        found = vars.get(name);
        if found.is_some_and(|value| !text_of(value).is_empty()) {
            break;
        }
    }
    found
}

/// `value` as text: a string as it is, a number or boolean as JSON writes it, nothing for
/// `null`, other JSON as its text.
pub fn text_of(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// `template` filled from `vars` as text (for a header or a query value before it is
/// encoded); a placeholder without a value is left empty. A template that cannot be read
/// is left as written (adapters are checked when they are read).
pub fn fill(template: &str, vars: &Vars) -> String {
    fill_with(template, vars, text_of)
}

/// `template` filled from `vars` for a URL: each value percent-encoded.
pub fn fill_url(template: &str, vars: &Vars) -> String {
    fill_with(template, vars, |value| percent::encode(&text_of(value)))
}

fn fill_with(template: &str, vars: &Vars, write: impl Fn(&Value) -> String) -> String {
    let Ok(pieces) = pieces(template) else {
        return template.to_owned();
    };
    pieces
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.to_owned(),
            Piece::Var(name) => lookup(vars, name).map(&write).unwrap_or_default(),
        })
        .collect()
}

/// Whether `template` says anything: it names no placeholder, or one of them has a value that
/// is not empty. A query parameter whose placeholders are all empty (no search words, no
/// cursor yet) is left out.
pub fn has_values(template: &str, vars: &Vars) -> bool {
    names(template).is_ok_and(|names| {
        names.iter().any(|name| {
            vars.get(name)
                .is_some_and(|value| !text_of(value).is_empty())
        }) || names.is_empty()
    })
}

/// A JSON body template filled from `vars`: a string that is exactly one placeholder takes the
/// value itself; other strings are filled as text. A member of an object whose placeholders
/// are all empty or absent (no cursor yet, no parent comment) is left out.
pub fn fill_json(template: &Value, vars: &Vars) -> Value {
    match template {
        Value::String(text) => match pieces(text).as_deref() {
            Ok([Piece::Var(name)]) => lookup(vars, name).cloned().unwrap_or(Value::Null),
            _ => Value::String(fill(text, vars)),
        },
        Value::Array(items) => {
            Value::Array(items.iter().map(|item| fill_json(item, vars)).collect())
        }
        Value::Object(entries) => Value::Object(
            entries
                .iter()
                .filter(|(_, value)| value.as_str().is_none_or(|text| has_values(text, vars)))
                .map(|(key, value)| (key.clone(), fill_json(value, vars)))
                .filter(|(_, value)| !value.is_null())
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Every placeholder a JSON body template names.
pub fn json_names(template: &Value) -> Result<Vec<&str>, String> {
    match template {
        Value::String(text) => names(text),
        Value::Array(items) => items.iter().try_fold(Vec::new(), |mut all, item| {
            all.extend(json_names(item)?);
            Ok(all)
        }),
        Value::Object(entries) => entries.values().try_fold(Vec::new(), |mut all, value| {
            all.extend(json_names(value)?);
            Ok(all)
        }),
        _ => Ok(Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn vars() -> Vars {
        Vars::from([
            ("board", json!("trail shoes/2")),
            ("limit", json!(20)),
            ("q", json!("")),
            ("tags", json!(["a", "b"])),
            ("token", json!("t0k")),
        ])
    }

    #[test]
    fn a_template_splits_into_text_and_placeholders() {
        assert_eq!(
            pieces("/b/{board}/ideas?x={{y}}").unwrap(),
            [
                Piece::Text("/b/"),
                Piece::Var("board"),
                Piece::Text("/ideas?x="),
                Piece::Text("{"),
                Piece::Text("y"),
                Piece::Text("}"),
            ]
        );
        assert_eq!(names("{a}{b_c}").unwrap(), ["a", "b_c"]);
        assert_eq!(names("{status|sort}/{q}").unwrap(), ["status", "sort", "q"]);
        for bad in [
            "/b/{board",
            "/b/}",
            "{}",
            "{Board}",
            "{a b}",
            "{a|}",
            "{|a}",
        ] {
            assert!(pieces(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn urls_encode_values_and_text_keeps_them() {
        let vars = vars();
        assert_eq!(
            fill_url("/b/{board}/ideas", &vars),
            "/b/trail%20shoes%2F2/ideas"
        );
        assert_eq!(fill_url("/l/{limit}/{missing}", &vars), "/l/20/");
        assert_eq!(fill("Bearer {token}", &vars), "Bearer t0k");
        assert_eq!(fill("{tags}", &vars), r#"["a","b"]"#);
        assert_eq!(fill("{q|board}", &vars), "trail shoes/2");
        assert_eq!(fill("{board|q}", &vars), "trail shoes/2");
        assert_eq!(fill("{q|missing}", &vars), "");
        assert_eq!(fill_json(&json!("{q|limit}"), &vars), json!(20));
    }

    #[test]
    fn a_parameter_without_values_is_left_out() {
        let vars = vars();
        assert!(has_values("{limit}", &vars));
        assert!(!has_values("{q}", &vars));
        assert!(!has_values("{missing}", &vars));
        assert!(has_values("fixed", &vars));
        assert!(has_values("{q}{limit}", &vars));
    }

    #[test]
    fn a_body_keeps_the_types_of_whole_placeholders() {
        let template = json!({
            "title": "{board}",
            "limit": "{limit}",
            "labels": "{tags}",
            "note": "for {board}",
            "absent": "{missing}",
            "nested": [{"n": "{limit}"}, 3, true]
        });
        assert_eq!(
            fill_json(&template, &vars()),
            json!({
                "title": "trail shoes/2",
                "limit": 20,
                "labels": ["a", "b"],
                "note": "for trail shoes/2",
                "nested": [{"n": 20}, 3, true]
            })
        );
        let mut names = json_names(&template).unwrap();
        names.sort_unstable();
        assert_eq!(
            names,
            ["board", "board", "limit", "limit", "missing", "tags"]
        );
    }
}
