//! One exchange with a brand's API through an adapter: the request an operation makes, filled
//! from what the widget asks for, and the answer read back into the widget's shape, each
//! mismatch named by the operation, the item and the field or pointer.

use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::field::{map_object, with_values, Fields};
use super::paging::Answer;
use super::spec::{AdapterSpec, Method, Operation, OperationName};
use super::template::{self, Vars};

/// A request ready to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// The method.
    pub method: Method,
    /// The full URL.
    pub url: String,
    /// The headers, beyond those the browser sets.
    pub headers: Vec<(String, String)>,
    /// A JSON body.
    pub body: Option<String>,
}

/// A part of a `multipart/form-data` body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// Text.
    Text(String),
    /// The visitor's photo: the body named `{photo}` alone here.
    Photo,
}

/// An answer as it came back.
#[derive(Clone, Copy, Debug)]
pub struct Reply<'a> {
    /// Its body's text.
    pub body: &'a str,
    /// Its `Link` header, if any.
    pub link: Option<&'a str>,
    /// The URL it was asked at.
    pub url: &'a str,
    /// The values the request was filled from, for the constants of the answer's fields.
    pub sent: &'a Vars,
}

/// Why an answer could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerError {
    /// The operation it answered.
    pub operation: OperationName,
    /// What did not match.
    pub problem: String,
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the answer to `{}`: {}", self.operation, self.problem)
    }
}

impl AdapterSpec {
    /// The operation `name`, if the API offers it.
    pub fn operation(&self, name: OperationName) -> Option<&Operation> {
        self.operations.get(&name)
    }

    /// The request for operation `name` with `vars`, for the page at `cursor` when it lists;
    /// `api` is the base when the adapter names none. `None` when the API does not offer it.
    pub fn request(
        &self,
        name: OperationName,
        vars: &Vars,
        cursor: Option<&str>,
        api: &str,
    ) -> Option<Request> {
        let operation = self.operation(name)?;
        let mut vars = vars.clone();
        vars.insert("limit", Value::from(self.limit));
        for (name, value) in vars.iter_mut() {
            let theirs = operation
                .values
                .get(*name)
                .and_then(|words| words.get(&template::text_of(value)));
            if let Some(theirs) = theirs {
                *value = theirs.clone();
            }
        }
        let paging = &operation.response.paging;
        paging.vars(cursor, &mut vars);
        let url = match paging.url(cursor) {
            Some(next) => next.to_owned(),
            None => {
                let path = template::fill_url(&operation.url, &vars);
                let mut url = if path.starts_with('/') {
                    let base = self.base.as_deref().unwrap_or(api);
                    format!("{}{path}", base.trim_end_matches('/'))
                } else {
                    path
                };
                for (key, value) in &operation.query {
                    if template::has_values(value, &vars) {
                        url.push(if url.contains('?') { '&' } else { '?' });
                        url.push_str(&crate::percent::encode(key));
                        url.push('=');
                        url.push_str(&crate::percent::encode(&template::fill(value, &vars)));
                    }
                }
                url
            }
        };
        let headers = self
            .headers
            .iter()
            .chain(&operation.headers)
            .filter(|(_, value)| template::has_values(value, &vars))
            .map(|(key, value)| (key.clone(), template::fill(value, &vars)))
            .collect();
        let body = operation
            .body
            .as_ref()
            .map(|body| template::fill_json(body, &vars).to_string());
        Some(Request {
            method: operation.method,
            url,
            headers,
            body,
        })
    }

    /// The body of operation `name` as `multipart/form-data` parts, by name, in order: each
    /// of the body's keys a part, filled from `vars`; a list is a part per element, a key
    /// whose placeholders are all empty is left out, and `"{photo}"` is the photo itself.
    pub fn parts(&self, name: OperationName, vars: &Vars) -> Vec<(String, Part)> {
        let Some(Value::Object(body)) = self.operation(name).and_then(|op| op.body.as_ref()) else {
            return Vec::new();
        };
        let mut parts = Vec::new();
        for (key, template) in body {
            if template.as_str() == Some("{photo}") {
                parts.push((key.clone(), Part::Photo));
                continue;
            }
            let values = match template::fill_json(template, vars) {
                Value::Null => Vec::new(),
                Value::Array(values) => values,
                value => vec![value],
            };
            for value in values {
                parts.push((key.clone(), Part::Text(template::text_of(&value))));
            }
        }
        parts
    }

    /// The thing operation `name` answered with, as a `T`; `None` when the answer has no body
    /// (a `204 No Content` to a vote, say).
    pub fn read_one<T: DeserializeOwned>(
        &self,
        name: OperationName,
        reply: Reply,
    ) -> Result<Option<T>, AnswerError> {
        self.one(name, reply)?
            .map(|shaped| typed(shaped).map_err(|problem| AnswerError::of(name, problem)))
            .transpose()
    }

    /// What a write (operation `name`) made, as a `T`. An API may answer a write with
    /// nothing, or with less than the widget shows: the answer's fields may then repeat what
    /// the request sent, and an empty answer is read as an empty object.
    pub fn read_written<T: DeserializeOwned>(
        &self,
        name: OperationName,
        reply: Reply,
    ) -> Result<T, AnswerError> {
        typed(self.written(name, reply)?).map_err(|problem| AnswerError::of(name, problem))
    }

    /// The items operation `name` answered with, as `T`s, and the cursor of the page after
    /// (`None` on the last page), for the page asked for at `cursor`.
    pub fn read_list<T: DeserializeOwned>(
        &self,
        name: OperationName,
        cursor: Option<&str>,
        reply: Reply,
    ) -> Result<(Vec<T>, Option<String>), AnswerError> {
        let (items, next) = self.list(name, cursor, reply)?;
        let read = items
            .into_iter()
            .map(|(index, shaped)| {
                typed(shaped)
                    .map_err(|problem| AnswerError::of(name, format!("item {index}: {problem}")))
            })
            .collect::<Result<Vec<T>, _>>()?;
        Ok((read, next))
    }
}

/// A list's items kept, in the widget's shape, each with its index in the answer.
type Shaped = Vec<(usize, Value)>;

// What the readers above share, in the widget's shape but not yet typed: one copy of it,
// whichever type the widget reads.
impl AdapterSpec {
    /// [`Self::read_one`]'s answer, shaped.
    fn one(&self, name: OperationName, reply: Reply) -> Result<Option<Value>, AnswerError> {
        if reply.body.trim().is_empty() {
            return Ok(None);
        }
        let fail = |problem| AnswerError::of(name, problem);
        let (operation, body) = self.parsed(name, reply)?;
        let at = &operation.response.at;
        let item = body
            .pointer(at)
            .ok_or_else(|| fail(format!("nothing at `{at}`")))?;
        shaped(operation, item, reply.sent).map(Some).map_err(fail)
    }

    /// [`Self::read_written`]'s answer, shaped.
    fn written(&self, name: OperationName, reply: Reply) -> Result<Value, AnswerError> {
        let fail = |problem| AnswerError::of(name, problem);
        if reply.body.trim().is_empty() {
            let operation = self
                .operation(name)
                .ok_or_else(|| fail(NOT_OFFERED.into()))?;
            if operation.response.fields.is_empty() {
                return Err(fail(
                    "it is empty, and the adapter maps no fields for it".into(),
                ));
            }
            return shaped(operation, &Value::Object(Map::new()), reply.sent).map_err(fail);
        }
        self.one(name, reply)?
            .ok_or_else(|| fail("it is empty".into()))
    }

    /// [`Self::read_list`]'s items kept, shaped, each with its index in the answer, and the
    /// cursor of the page after.
    fn list(
        &self,
        name: OperationName,
        cursor: Option<&str>,
        reply: Reply,
    ) -> Result<(Shaped, Option<String>), AnswerError> {
        let fail = |problem| AnswerError::of(name, problem);
        let (operation, body) = self.parsed(name, reply)?;
        let at = &operation.response.at;
        let items = match body.pointer(at) {
            Some(Value::Array(items)) => items,
            Some(_) => return Err(fail(format!("no list at `{at}`"))),
            None => return Err(fail(format!("nothing at `{at}`"))),
        };
        let fields = with_values(&operation.response.fields, reply.sent);
        let kept = items
            .iter()
            .enumerate()
            .filter(|(_, item)| operation.response.keeps(item))
            .map(|(index, item)| {
                shape(&fields, item)
                    .map(|shaped| (index, shaped))
                    .map_err(|problem| fail(format!("item {index}: {problem}")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let answer = Answer {
            body: &body,
            items: items.len(),
            link: reply.link,
            url: reply.url,
        };
        let next = operation.response.paging.next(cursor, self.limit, &answer);
        Ok((kept, next))
    }
}

impl AdapterSpec {
    /// Operation `name` and the JSON of its `reply`.
    fn parsed(
        &self,
        name: OperationName,
        reply: Reply,
    ) -> Result<(&Operation, Value), AnswerError> {
        let operation = self
            .operation(name)
            .ok_or_else(|| AnswerError::of(name, NOT_OFFERED.into()))?;
        let body = serde_json::from_str(reply.body)
            .map_err(|error| AnswerError::of(name, format!("not JSON ({error})")))?;
        Ok((operation, body))
    }
}

impl AnswerError {
    fn of(operation: OperationName, problem: String) -> Self {
        Self { operation, problem }
    }
}

impl super::spec::Response {
    /// Whether a list keeps `item`: it has a value at every pointer `require`d, and the value
    /// `only` asks for at each of its pointers.
    fn keeps(&self, item: &Value) -> bool {
        self.require
            .iter()
            .all(|pointer| item.pointer(pointer).is_some_and(|value| !value.is_null()))
            && self
                .only
                .iter()
                .all(|(pointer, wanted)| item.pointer(pointer) == Some(wanted))
    }
}

/// Why an answer to an operation the adapter leaves out cannot be read.
const NOT_OFFERED: &str = "the adapter does not offer the operation";

/// `item` mapped by `operation`'s fields (their constants filled from `sent`), or as it is
/// without fields.
fn shaped(operation: &Operation, item: &Value, sent: &Vars) -> Result<Value, String> {
    shape(&with_values(&operation.response.fields, sent), item)
}

/// `item` mapped by `fields`, or as it is without any.
fn shape(fields: &Fields, item: &Value) -> Result<Value, String> {
    if fields.is_empty() {
        return Ok(item.clone());
    }
    map_object(fields, item).map_err(|mismatch| mismatch.to_string())
}

/// `shaped` read as a `T`: through text rather than `from_value`, as the widget's types are
/// read from text already, and reading them from a `Value` too would carry a second copy of
/// every reader.
fn typed<T: DeserializeOwned>(shaped: Value) -> Result<T, String> {
    serde_json::from_str(&shaped.to_string()).map_err(|error| error.to_string())
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde_json::json;

    use super::*;

    const SPEC: &str = r#"{
      "headers": {"X-Visitor": "{visitor}", "Authorization": "Bearer {token}"},
      "limit": 2,
      "operations": {
        "list_ideas": {
          "url": "/api/boards/{board}/posts",
          "query": {"q": "{q}", "offset": "{offset}", "limit": "{limit}"},
          "response": {
            "at": "/data",
            "paging": {"style": "offset", "total": "/total"},
            "fields": {"id": {"from": "/number", "as": "string"}, "title": "/title"}
          }
        },
        "vote": {"method": "POST", "url": "https://votes.test/v/{id}", "body": {"idea": "{id}", "n": "{limit}"}},
        "idea": {"url": "/api/posts/{id}"}
      }
    }"#;

    #[derive(Debug, PartialEq, Deserialize)]
    struct Thing {
        id: String,
        title: String,
    }

    fn vars() -> Vars {
        Vars::from([
            ("board", json!("trail shoes")),
            ("q", json!("")),
            ("visitor", json!("v-1")),
            ("token", json!("")),
            ("id", json!("12")),
        ])
    }

    #[test]
    fn a_request_is_filled_from_what_the_widget_asks() {
        let spec = AdapterSpec::parse(SPEC).unwrap();
        let request = spec
            .request(
                OperationName::ListIdeas,
                &vars(),
                Some("4"),
                "https://api.test/k/",
            )
            .unwrap();
        assert_eq!(
            request,
            Request {
                method: Method::Get,
                url: "https://api.test/k/api/boards/trail%20shoes/posts?limit=2&offset=4".into(),
                headers: vec![("X-Visitor".into(), "v-1".into())],
                body: None,
            }
        );
        let mut signed_in = vars();
        signed_in.insert("token", json!("t0k"));
        signed_in.insert("q", json!("wide & light"));
        let request = spec
            .request(
                OperationName::ListIdeas,
                &signed_in,
                None,
                "https://api.test",
            )
            .unwrap();
        assert_eq!(
            request.url,
            "https://api.test/api/boards/trail%20shoes/posts?limit=2&offset=0&q=wide%20%26%20light"
        );
        assert!(request
            .headers
            .contains(&("Authorization".into(), "Bearer t0k".into())));
        let vote = spec
            .request(OperationName::Vote, &vars(), None, "https://api.test")
            .unwrap();
        assert_eq!(vote.method, Method::Post);
        assert_eq!(vote.url, "https://votes.test/v/12");
        assert_eq!(vote.body.as_deref(), Some(r#"{"idea":"12","n":2}"#));
        assert_eq!(
            spec.request(OperationName::Like, &vars(), None, "https://api.test"),
            None
        );
    }

    #[test]
    fn a_list_is_read_into_the_widgets_types_with_its_next_page() {
        let spec = AdapterSpec::parse(SPEC).unwrap();
        let sent = Vars::new();
        let reply = |body| Reply {
            body,
            link: None,
            url: "https://api.test/api/boards/b/posts",
            sent: &sent,
        };
        let (items, next) = spec
            .read_list::<Thing>(
                OperationName::ListIdeas,
                None,
                reply(r#"{"data": [{"number": 1, "title": "A"}, {"number": 2, "title": "B"}], "total": 3}"#),
            )
            .unwrap();
        assert_eq!(
            items,
            [
                Thing {
                    id: "1".into(),
                    title: "A".into()
                },
                Thing {
                    id: "2".into(),
                    title: "B".into()
                }
            ]
        );
        assert_eq!(next.as_deref(), Some("2"));
        let (items, next) = spec
            .read_list::<Thing>(
                OperationName::ListIdeas,
                next.as_deref(),
                reply(r#"{"data": [{"number": 3, "title": "C"}], "total": 3}"#),
            )
            .unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(next, None);
    }

    #[test]
    fn items_without_what_is_required_are_left_out() {
        let spec = AdapterSpec::parse(
            r#"{"operations": {"list_posts": {"url": "/p", "response": {
                "require": ["/media/0"],
                "only": {"/kind": "photo"},
                "fields": {"id": "/id", "title": "/media/0/url"}
            }}}}"#,
        )
        .unwrap();
        let body = r#"[
            {"id": "1", "kind": "photo", "media": []},
            {"id": "2", "kind": "photo", "media": [{"url": "a.jpg"}]},
            {"id": "3", "kind": "photo", "media": null},
            {"id": "4", "kind": "video", "media": [{"url": "b.mp4"}]},
            {"id": "5", "media": [{"url": "c.jpg"}]}
        ]"#;
        let sent = Vars::new();
        let reply = Reply {
            body,
            link: None,
            url: "https://api.test/p",
            sent: &sent,
        };
        let (items, next) = spec
            .read_list::<Thing>(OperationName::ListPosts, None, reply)
            .unwrap();
        assert_eq!(
            items,
            [Thing {
                id: "2".into(),
                title: "a.jpg".into()
            }]
        );
        assert_eq!(next, None);
    }

    #[test]
    fn an_answer_that_does_not_match_says_where() {
        let spec = AdapterSpec::parse(SPEC).unwrap();
        let sent = Vars::new();
        let reply = |body| Reply {
            body,
            link: None,
            url: "https://api.test/x",
            sent: &sent,
        };
        let error = |body| {
            spec.read_list::<Thing>(OperationName::ListIdeas, None, reply(body))
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            error(r#"{"items": []}"#),
            "the answer to `list_ideas`: nothing at `/data`"
        );
        assert_eq!(
            error(r#"{"data": {}}"#),
            "the answer to `list_ideas`: no list at `/data`"
        );
        assert_eq!(
            error(r#"{"data": [{"number": 1, "title": "A"}, {"number": 2}]}"#),
            "the answer to `list_ideas`: item 1: field `title`: nothing at `/title`"
        );
        assert!(error("<html>").starts_with("the answer to `list_ideas`: not JSON"));
        let one = spec.read_one::<Thing>(OperationName::Idea, reply(r#"{"id": "7"}"#));
        assert_eq!(
            one.unwrap_err().to_string(),
            "the answer to `idea`: missing field `title` at line 1 column 10"
        );
        let thing =
            spec.read_one::<Thing>(OperationName::Idea, reply(r#"{"id": "7", "title": "T"}"#));
        assert_eq!(
            thing.unwrap(),
            Some(Thing {
                id: "7".into(),
                title: "T".into()
            })
        );
        assert_eq!(
            spec.read_one::<Thing>(OperationName::Vote, reply(""))
                .unwrap(),
            None
        );
    }

    /// A write's answer may say less than the widget shows, or nothing: its fields repeat
    /// what the request sent.
    #[test]
    fn a_write_is_read_from_its_answer_and_what_was_sent() {
        let spec = AdapterSpec::parse(
            r#"{"operations": {
              "create_idea": {
                "method": "POST",
                "url": "/posts",
                "body": {"title": "{title}", "labels": "{tags}", "parent": "{board}"},
                "response": {"fields": {
                  "id": {"from": "/number", "as": "string"},
                  "title": {"from": "/title", "default": "{title}"},
                  "tags": {"value": "{tags}"},
                  "created_at": {"value": "{now}"},
                  "author.name": {"value": "{site} member"}
                }}
              },
              "create_comment": {"method": "POST", "url": "/c", "body": {"text": "{body}", "reply_to": "{parent}"}}
            }}"#,
        )
        .unwrap();
        let mut sent = vars();
        sent.extend([
            ("title", json!("Wider toe box")),
            ("tags", json!(["fit", "comfort"])),
            ("board", Value::Null),
            ("site", json!("ridgeline")),
            ("now", json!("2026-11-28T12:00:00Z")),
            ("body", json!("Yes please")),
            ("parent", Value::Null),
        ]);
        let request = spec
            .request(OperationName::CreateIdea, &sent, None, "https://api.test")
            .unwrap();
        // A whole placeholder keeps its type; one with no value leaves its key out.
        assert_eq!(
            request.body.as_deref(),
            Some(r#"{"labels":["fit","comfort"],"title":"Wider toe box"}"#)
        );
        let reply = |body| Reply {
            body,
            link: None,
            url: "https://api.test/posts",
            sent: &sent,
        };
        let expected = json!({
            "id": "31",
            "title": "Wider toe box",
            "tags": ["fit", "comfort"],
            "created_at": "2026-11-28T12:00:00Z",
            "author": {"name": "ridgeline member"}
        });
        let made: Value = spec
            .read_written(
                OperationName::CreateIdea,
                reply(r#"{"number": 31, "slug": "wider"}"#),
            )
            .unwrap();
        assert_eq!(made, expected);
        let titled: Value = spec
            .read_written(
                OperationName::CreateIdea,
                reply(r#"{"number": 31, "title": "Theirs"}"#),
            )
            .unwrap();
        assert_eq!(titled["title"], "Theirs");
        // An empty answer maps as an empty object: here the id is missing.
        let empty = spec.read_written::<Value>(OperationName::CreateIdea, reply(""));
        assert_eq!(
            empty.unwrap_err().to_string(),
            "the answer to `create_idea`: field `id`: nothing at `/number`"
        );
        let unmapped = spec.read_written::<Value>(OperationName::CreateComment, reply(" "));
        assert_eq!(
            unmapped.unwrap_err().to_string(),
            "the answer to `create_comment`: it is empty, and the adapter maps no fields for it"
        );
        let comment = spec
            .request(
                OperationName::CreateComment,
                &sent,
                None,
                "https://api.test",
            )
            .unwrap();
        assert_eq!(comment.body.as_deref(), Some(r#"{"text":"Yes please"}"#));
    }

    #[test]
    fn a_photo_goes_as_multipart_parts() {
        let spec = AdapterSpec::parse(
            r#"{"operations": {"create_post": {
              "method": "POST",
              "url": "/photos",
              "body": {"upload": "{photo}", "text": "{caption}", "labels": "{products}", "shop": "ridge", "note": "{alt}"}
            }}}"#,
        )
        .unwrap();
        let sent = Vars::from([
            ("caption", json!("Dawn, 5 km in")),
            ("products", json!(["summit-3", "ridge-vest"])),
            ("photo", json!("dawn.jpg")),
        ]);
        let text = |text: &str| Part::Text(text.into());
        assert_eq!(
            spec.parts(OperationName::CreatePost, &sent),
            [
                ("labels".to_owned(), text("summit-3")),
                ("labels".to_owned(), text("ridge-vest")),
                ("shop".to_owned(), text("ridge")),
                ("text".to_owned(), text("Dawn, 5 km in")),
                ("upload".to_owned(), Part::Photo),
            ]
        );
        assert!(spec.parts(OperationName::Report, &sent).is_empty());
    }

    /// A search API that takes its query as a POST body and answers a page of hits under a
    /// key, with a cursor: a list is not only a GET.
    #[test]
    fn a_list_may_be_asked_for_by_post() {
        let spec = AdapterSpec::parse(
            r#"{"operations": {"list_ideas": {
              "method": "POST",
              "url": "https://search.test/indexes/{board}/search",
              "body": {"q": "{q}", "hitsPerPage": "{limit}", "after": "{cursor}"},
              "response": {
                "at": "/hits",
                "paging": {"style": "cursor", "next": "/next"},
                "fields": {"id": "/objectID", "title": "/title"}
              }
            }}}"#,
        )
        .unwrap();
        let mut asked = vars();
        asked.insert("q", json!("laces"));
        let first = spec
            .request(OperationName::ListIdeas, &asked, None, "https://api.test")
            .unwrap();
        assert_eq!(first.method, Method::Post);
        assert_eq!(
            first.url,
            "https://search.test/indexes/trail%20shoes/search"
        );
        assert_eq!(
            first.body.as_deref(),
            Some(r#"{"hitsPerPage":20,"q":"laces"}"#)
        );
        let sent = Vars::new();
        let reply = Reply {
            body: r#"{"hits": [{"objectID": "a1", "title": "Flat laces"}], "next": "c2"}"#,
            link: None,
            url: &first.url,
            sent: &sent,
        };
        let (hits, next) = spec
            .read_list::<Thing>(OperationName::ListIdeas, None, reply)
            .unwrap();
        assert_eq!(hits[0].title, "Flat laces");
        let second = spec
            .request(
                OperationName::ListIdeas,
                &asked,
                next.as_deref(),
                "https://api.test",
            )
            .unwrap();
        assert_eq!(
            second.body.as_deref(),
            Some(r#"{"after":"c2","hitsPerPage":20,"q":"laces"}"#)
        );
    }
}
