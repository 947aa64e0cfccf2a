//! Where each field of the widget's types lives in an item of a brand's answer: a JSON
//! Pointer (RFC 6901) into the item, or a rule that adds a constant, a default, a mapping of
//! names, a conversion, or, for a list, how each of its elements maps. A constant may repeat
//! what the request sent (`"{title}"`), for an API that answers a write with less than the
//! widget shows. The fields are written into an object of the widget's own shape, which its
//! types then read as they read Kindred's answers.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

use super::template::{fill_json, Vars};
use super::transform::Convert;

/// Where one field comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Field {
    /// The value at this pointer into the item, as it is.
    At(String),
    /// A fuller rule.
    Rule(Box<Rule>),
}

/// A field's rule: its value is `from` (else `value`, else a `list` built of several), each
/// element mapped by `each` when it is a list, then renamed by `map`, then converted `as`
/// said; `default` stands in when the item has no value there.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// A pointer into the item, or several, tried in turn: the first with a value that is not
    /// `null` counts, and empty text only from the last (a display name, else the user name).
    #[serde(default)]
    pub from: Option<Pointers>,
    /// A constant, when the API has nothing for the field.
    #[serde(default, deserialize_with = "present")]
    pub value: Option<Value>,
    /// A list made of several values of the item, each a value or an object (the renditions of
    /// one photo, found in different places); those that do not map are left out.
    #[serde(default)]
    pub list: Option<Vec<Each>>,
    /// For a list: how each element maps, to a value (a pointer or rule into the element) or
    /// to an object (fields by name). An element that does not map is left out.
    #[serde(default)]
    pub each: Option<Each>,
    /// Values renamed, by their text: `{"completed": "shipped"}`. A value not named is kept.
    #[serde(default)]
    pub map: Option<BTreeMap<String, Value>>,
    /// A conversion.
    #[serde(default, rename = "as")]
    pub convert: Option<Convert>,
    /// The value when the item has none (absent or `null`), or the conversion fails; `null`
    /// itself leaves an optional field empty.
    #[serde(default, deserialize_with = "present")]
    pub default: Option<Value>,
}

/// A value that is present, `null` included (which a plain `Option` would read as absent).
fn present<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(deserializer).map(Some)
}

/// One pointer or several, tried in turn.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pointers(pub Vec<String>);

impl Pointers {
    /// The first value found that is not `null`, nor empty text while other pointers remain.
    fn find<'a>(&self, item: &'a Value) -> Option<&'a Value> {
        let last = self.0.len().saturating_sub(1);
        self.0
            .iter()
            .enumerate()
            .filter_map(|(index, pointer)| Some((index, at(item, pointer)?)))
            .find(|(index, value)| *index == last || value.as_str() != Some(""))
            .map(|(_, value)| value)
    }

    /// "nothing at `/a` or `/b`".
    fn nothing(&self) -> String {
        let all: Vec<String> = self
            .0
            .iter()
            .map(|pointer| format!("`{pointer}`"))
            .collect();
        format!("nothing at {}", all.join(" or "))
    }
}

/// How each element of a list maps.
#[derive(Clone, Debug, PartialEq)]
pub enum Each {
    /// To one value.
    Value(Field),
    /// To an object, field by field.
    Object(Fields),
}

/// Fields by their path in the widget's type, dots between levels: `"author.name"`.
pub type Fields = BTreeMap<String, Field>;

/// Why an item did not match its fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// The field, as the adapter names it.
    pub field: String,
    /// The pointer that found nothing, or what the value could not be made into.
    pub problem: String,
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "field `{}`: {}", self.field, self.problem)
    }
}

/// The object of the widget's shape that `fields` make of `item`.
pub fn map_object(fields: &Fields, item: &Value) -> Result<Value, Mismatch> {
    let mut object = Map::new();
    for (path, field) in fields {
        let value = field.value_in(item).map_err(|problem| Mismatch {
            field: path.clone(),
            problem,
        })?;
        if let Some(value) = value {
            insert(&mut object, path, value);
        }
    }
    Ok(Value::Object(object))
}

/// Writes `value` at the dotted `path` of `object`, making the levels on the way.
fn insert(object: &mut Map<String, Value>, path: &str, value: Value) {
    match path.split_once('.') {
        None => {
            object.insert(path.to_owned(), value);
        }
        Some((head, rest)) => {
            let level = object
                .entry(head)
                .or_insert_with(|| Value::Object(Map::new()));
            if !level.is_object() {
                *level = Value::Object(Map::new());
            }
            if let Value::Object(level) = level {
                insert(level, rest, value);
            }
        }
    }
}

/// The value at `pointer` in `item`, `null` counting as none.
fn at<'a>(item: &'a Value, pointer: &str) -> Option<&'a Value> {
    item.pointer(pointer).filter(|value| !value.is_null())
}

impl Field {
    /// The field's value in `item`: `None` for a field the item has no value for and that
    /// may be left out (a rule with no pointer and no constant), else why it has none.
    pub fn value_in(&self, item: &Value) -> Result<Option<Value>, String> {
        match self {
            Self::At(pointer) => at(item, pointer)
                .cloned()
                .map(Some)
                .ok_or_else(|| format!("nothing at `{pointer}`")),
            Self::Rule(rule) => rule.value_in(item),
        }
    }

    /// The field with the request's values in the constants it gives (`value` and
    /// `default`), where they name placeholders: `{"value": "{title}"}` is the title sent.
    pub fn with_values(&self, vars: &Vars) -> Self {
        match self {
            Self::At(pointer) => Self::At(pointer.clone()),
            Self::Rule(rule) => Self::Rule(Box::new(Rule {
                value: rule.value.as_ref().map(|value| fill_json(value, vars)),
                default: rule.default.as_ref().map(|value| fill_json(value, vars)),
                list: rule
                    .list
                    .as_ref()
                    .map(|list| list.iter().map(|each| each.with_values(vars)).collect()),
                each: rule.each.as_ref().map(|each| each.with_values(vars)),
                ..Rule::clone(rule)
            })),
        }
    }

    /// The constants the field gives (`value` and `default`, at every level), for checking
    /// the placeholders they name.
    pub fn constants(&self) -> Vec<&Value> {
        let Self::Rule(rule) = self else {
            return Vec::new();
        };
        let mut constants: Vec<&Value> = rule.value.iter().chain(&rule.default).collect();
        for each in rule.each.iter().chain(rule.list.iter().flatten()) {
            match each {
                Each::Value(field) => constants.extend(field.constants()),
                Each::Object(fields) => {
                    constants.extend(fields.values().flat_map(Field::constants))
                }
            }
        }
        constants
    }

    /// The pointers the field reads, for checking them.
    pub fn pointers(&self) -> Vec<&str> {
        match self {
            Self::At(pointer) => vec![pointer],
            Self::Rule(rule) => {
                let mut pointers: Vec<&str> = rule
                    .from
                    .iter()
                    .flat_map(|from| from.0.iter().map(String::as_str))
                    .collect();
                let nested = rule.each.iter().chain(rule.list.iter().flatten());
                for each in nested {
                    match each {
                        Each::Value(field) => pointers.extend(field.pointers()),
                        Each::Object(fields) => {
                            pointers.extend(fields.values().flat_map(Field::pointers));
                        }
                    }
                }
                pointers
            }
        }
    }
}

impl Rule {
    fn value_in(&self, item: &Value) -> Result<Option<Value>, String> {
        let found = match (&self.from, &self.value, &self.list) {
            (Some(from), _, _) => from.find(item).cloned(),
            (None, Some(value), _) => Some(value.clone()),
            (None, None, Some(list)) => Some(Value::Array(
                list.iter().filter_map(|each| each.map(item)).collect(),
            )),
            (None, None, None) => None,
        };
        let Some(found) = found else {
            return match (&self.default, &self.from) {
                (Some(default), _) => Ok(Some(default.clone())),
                (None, Some(from)) => Err(from.nothing()),
                (None, None) => Ok(None),
            };
        };
        let found = match (&self.each, found) {
            (Some(each), Value::Array(elements)) => Value::Array(
                elements
                    .iter()
                    .filter_map(|element| each.map(element))
                    .collect(),
            ),
            (Some(_), other) => {
                return self.fallback(format!("expected a list, found {}", kind(&other)));
            }
            (None, found) => found,
        };
        let found = match &self.map {
            Some(names) => names
                .get(&super::template::text_of(&found))
                .cloned()
                .unwrap_or(found),
            None => found,
        };
        match self.convert {
            Some(convert) => match convert.apply(&found) {
                Some(converted) => Ok(Some(converted)),
                None => self.fallback(format!("cannot read {} as {convert:?}", kind(&found))),
            },
            None => Ok(Some(found)),
        }
    }

    /// The default, else `problem`.
    fn fallback(&self, problem: String) -> Result<Option<Value>, String> {
        self.default.clone().map(Some).ok_or(problem)
    }
}

/// `fields`, each [`Field::with_values`].
pub fn with_values(fields: &Fields, vars: &Vars) -> Fields {
    fields
        .iter()
        .map(|(path, field)| (path.clone(), field.with_values(vars)))
        .collect()
}

impl Each {
    fn with_values(&self, vars: &Vars) -> Self {
        match self {
            Self::Value(field) => Self::Value(field.with_values(vars)),
            Self::Object(fields) => Self::Object(with_values(fields, vars)),
        }
    }

    /// What `element` maps to; `None` when it does not.
    fn map(&self, element: &Value) -> Option<Value> {
        match self {
            Self::Value(field) => field.value_in(element).ok().flatten(),
            Self::Object(fields) => map_object(fields, element).ok(),
        }
    }
}

/// A word for what `value` is, for messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldVisitor;
        impl<'de> Visitor<'de> for FieldVisitor {
            type Value = Field;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON Pointer or a rule object")
            }
            fn visit_str<E: de::Error>(self, pointer: &str) -> Result<Field, E> {
                Ok(Field::At(pointer.to_owned()))
            }
            fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Field, M::Error> {
                let rule = Rule::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Field::Rule(Box::new(rule)))
            }
        }
        deserializer.deserialize_any(FieldVisitor)
    }
}

impl<'de> Deserialize<'de> for Pointers {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PointersVisitor;
        impl<'de> Visitor<'de> for PointersVisitor {
            type Value = Pointers;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON Pointer or a list of them")
            }
            fn visit_str<E: de::Error>(self, pointer: &str) -> Result<Pointers, E> {
                Ok(Pointers(vec![pointer.to_owned()]))
            }
            fn visit_seq<S: de::SeqAccess<'de>>(self, mut seq: S) -> Result<Pointers, S::Error> {
                let mut pointers = Vec::new();
                while let Some(pointer) = seq.next_element::<String>()? {
                    pointers.push(pointer);
                }
                if pointers.is_empty() {
                    return Err(de::Error::custom("`from` needs at least one pointer"));
                }
                Ok(Pointers(pointers))
            }
        }
        deserializer.deserialize_any(PointersVisitor)
    }
}

impl<'de> Deserialize<'de> for Each {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EachVisitor;
        impl<'de> Visitor<'de> for EachVisitor {
            type Value = Each;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON Pointer, or an object of `fields` or of a rule")
            }
            fn visit_str<E: de::Error>(self, pointer: &str) -> Result<Each, E> {
                Ok(Each::Value(Field::At(pointer.to_owned())))
            }
            fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Each, M::Error> {
                let shape = EachShape::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(match shape {
                    EachShape {
                        fields: Some(fields),
                        rule: None,
                    } => Each::Object(fields),
                    EachShape {
                        fields: None,
                        rule: Some(rule),
                    } => Each::Value(Field::Rule(Box::new(rule))),
                    _ => return Err(de::Error::custom("`each` takes either `fields` or `rule`")),
                })
            }
        }
        deserializer.deserialize_any(EachVisitor)
    }
}

/// What an `each` object holds: the fields of an object, or a rule for a value.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EachShape {
    #[serde(default)]
    fields: Option<Fields>,
    #[serde(default)]
    rule: Option<Rule>,
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn fields(spec: Value) -> Fields {
        serde_json::from_value(spec).unwrap()
    }

    #[test]
    fn pointers_and_rules_fill_an_object_of_the_widgets_shape() {
        let item = json!({
            "number": 12,
            "title": "Grippier soles",
            "status": "completed",
            "votes": "41",
            "user": {"name": "Ana"},
            "created": 1709251199,
            "labels": [{"name": "soles"}, {"other": 1}, {"name": "grip"}],
            "html": "<p>Hi&nbsp;there</p>"
        });
        let spec = fields(json!({
            "id": {"from": "/number", "as": "string"},
            "title": "/title",
            "status": {"from": "/status", "map": {"completed": "shipped"}},
            "vote_count": {"from": "/votes", "as": "integer"},
            "voted": {"value": false},
            "author.name": "/user/name",
            "created_at": {"from": "/created", "as": "unix"},
            "tags": {"from": "/labels", "each": "/name"},
            "body": {"from": "/html", "as": "text"},
            "comment_count": {"from": "/comments", "default": 0},
            "author.avatar": {"from": "/user/avatar", "default": null},
            "note": {}
        }));
        assert_eq!(
            map_object(&spec, &item).unwrap(),
            json!({
                "id": "12",
                "title": "Grippier soles",
                "status": "shipped",
                "vote_count": 41,
                "voted": false,
                "author": {"name": "Ana", "avatar": null},
                "created_at": "2024-02-29T23:59:59Z",
                "tags": ["soles", "grip"],
                "body": "Hi\u{a0}there",
                "comment_count": 0
            })
        );
    }

    #[test]
    fn lists_of_objects_map_element_by_element() {
        let item = json!({"media": [
            {"type": "image", "url": "https://m.test/a.jpg", "meta": {"width": 640}},
            {"type": "video", "url": "https://m.test/b.mp4"},
        ]});
        let spec = fields(json!({
            "image.srcset": {"from": "/media", "each": {"fields": {
                "url": "/url",
                "width": "/meta/width"
            }}}
        }));
        assert_eq!(
            map_object(&spec, &item).unwrap(),
            json!({"image": {"srcset": [{"url": "https://m.test/a.jpg", "width": 640}]}})
        );
    }

    #[test]
    fn several_pointers_are_tried_in_turn_and_lists_are_built_of_several_values() {
        let item = json!({
            "account": {"display_name": "", "username": "ana"},
            "media": [{"preview": "s.jpg", "url": "o.jpg", "meta": {"small": {"width": 400}, "original": {"width": 1200}}}]
        });
        let spec = fields(json!({
            "author.name": {"from": ["/account/display_name", "/account/username"]},
            "image.srcset": {"list": [
                {"fields": {"url": "/media/0/preview", "width": "/media/0/meta/small/width"}},
                {"fields": {"url": "/media/0/url", "width": "/media/0/meta/original/width"}},
                {"fields": {"url": "/media/1/url", "width": "/media/1/meta/original/width"}}
            ]}
        }));
        assert_eq!(
            map_object(&spec, &item).unwrap(),
            json!({
                "author": {"name": "ana"},
                "image": {"srcset": [{"url": "s.jpg", "width": 400}, {"url": "o.jpg", "width": 1200}]}
            })
        );
        let spec = fields(json!({"author.name": {"from": ["/a", "/b"]}}));
        assert_eq!(
            map_object(&spec, &json!({"a": ""})).unwrap_err().problem,
            "nothing at `/a` or `/b`"
        );
        assert_eq!(
            map_object(&spec, &json!({"a": "", "b": ""})).unwrap(),
            json!({"author": {"name": ""}})
        );
        let spec = fields(json!({"caption": {"from": "/text"}}));
        assert_eq!(
            map_object(&spec, &json!({"text": ""})).unwrap(),
            json!({"caption": ""})
        );
        let error = serde_json::from_value::<Fields>(json!({"t": {"from": []}})).unwrap_err();
        assert!(
            error.to_string().contains("at least one pointer"),
            "{error}"
        );
    }

    #[test]
    fn a_missing_value_names_its_field_and_pointer() {
        let spec = fields(json!({"title": "/name", "id": {"from": "/id", "as": "integer"}}));
        assert_eq!(
            map_object(&spec, &json!({"id": 1, "name": null})).unwrap_err(),
            Mismatch {
                field: "title".into(),
                problem: "nothing at `/name`".into()
            }
        );
        let error = map_object(&spec, &json!({"id": "x", "name": "n"})).unwrap_err();
        assert_eq!(error.to_string(), "field `id`: cannot read text as Integer");
        let spec = fields(json!({"tags": {"from": "/tags", "each": "/name"}}));
        assert_eq!(
            map_object(&spec, &json!({"tags": "a,b"}))
                .unwrap_err()
                .problem,
            "expected a list, found text"
        );
    }

    #[test]
    fn a_rule_says_what_it_does_not_know() {
        let error = serde_json::from_value::<Fields>(json!({"t": {"form": "/x"}})).unwrap_err();
        assert!(
            error.to_string().contains("unknown field `form`"),
            "{error}"
        );
        let error = serde_json::from_value::<Fields>(json!({"t": 3})).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("a JSON Pointer or a rule object"),
            "{error}"
        );
        let error =
            serde_json::from_value::<Fields>(json!({"t": {"as": "uppercase"}})).unwrap_err();
        assert!(
            error.to_string().contains("unknown variant `uppercase`"),
            "{error}"
        );
    }
}
