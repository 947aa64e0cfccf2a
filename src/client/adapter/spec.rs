//! An adapter specification as a brand writes it: the API's base, headers every request
//! carries, and for each operation the widget performs, the request and where its answer's
//! fields are. Reading one checks it whole, so a mistake is named (operation and key) when
//! the widget starts, not when a visitor first presses a button.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde_json::Value;

use super::field::{Field, Fields};
use super::paging::Paging;
use super::template;

/// An adapter specification.
#[derive(Clone, Debug, PartialEq)]
pub struct AdapterSpec {
    /// The API's base URL, which operations' URLs starting with `/` are relative to; the
    /// widget's `data-api` when absent.
    pub base: Option<String>,
    /// Headers every request carries, as templates.
    pub headers: BTreeMap<String, String>,
    /// How many items a page asks for (`{limit}`).
    pub limit: u64,
    /// What the API offers. An operation left out switches its part of the widget off.
    pub operations: BTreeMap<OperationName, Operation>,
}

/// An adapter as read, each operation read on its own so that a mistake in one is named by
/// its operation.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpec {
    #[serde(default)]
    base: Option<String>,
    #[serde(default)]
    headers: BTreeMap<String, String>,
    #[serde(default = "default_limit")]
    limit: u64,
    operations: BTreeMap<String, Value>,
}

fn default_limit() -> u64 {
    20
}

/// The operations the widget performs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum OperationName {
    /// The site's configuration: its boards, feeds and rules.
    Site,
    /// A page of a board's ideas.
    ListIdeas,
    /// One idea, with its status history.
    Idea,
    /// Ideas like a title being typed.
    SimilarIdeas,
    /// The visitor's vote for an idea.
    Vote,
    /// The visitor's vote withdrawn.
    Unvote,
    /// A new idea.
    CreateIdea,
    /// An idea's comments.
    ListComments,
    /// A new comment on an idea.
    CreateComment,
    /// A page of a feed's posts.
    ListPosts,
    /// The visitor's like of a post.
    Like,
    /// The visitor's like withdrawn.
    Unlike,
    /// A post reported to the moderators.
    Report,
    /// A new post with its photo.
    CreatePost,
    /// A form's schema.
    GetForm,
    /// Answers to a form.
    SubmitForm,
}

impl OperationName {
    /// Every operation, in the order the documentation lists them.
    pub const ALL: [Self; 16] = [
        Self::Site,
        Self::ListIdeas,
        Self::Idea,
        Self::SimilarIdeas,
        Self::Vote,
        Self::Unvote,
        Self::CreateIdea,
        Self::ListComments,
        Self::CreateComment,
        Self::ListPosts,
        Self::Like,
        Self::Unlike,
        Self::Report,
        Self::CreatePost,
        Self::GetForm,
        Self::SubmitForm,
    ];

    /// The operation an adapter calls `name`.
    pub fn named(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|operation| operation.as_str() == name)
    }

    /// The name as an adapter writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Site => "site",
            Self::ListIdeas => "list_ideas",
            Self::Idea => "idea",
            Self::SimilarIdeas => "similar_ideas",
            Self::Vote => "vote",
            Self::Unvote => "unvote",
            Self::CreateIdea => "create_idea",
            Self::ListComments => "list_comments",
            Self::CreateComment => "create_comment",
            Self::ListPosts => "list_posts",
            Self::Like => "like",
            Self::Unlike => "unlike",
            Self::Report => "report",
            Self::CreatePost => "create_post",
            Self::GetForm => "get_form",
            Self::SubmitForm => "submit_form",
        }
    }

    /// Whether the answer is a list, paged.
    pub fn lists(self) -> bool {
        matches!(
            self,
            Self::ListIdeas | Self::SimilarIdeas | Self::ListComments | Self::ListPosts
        )
    }

    /// The placeholders its templates may name beyond those of every request.
    pub fn placeholders(self) -> &'static [&'static str] {
        match self {
            Self::Site => &[],
            Self::ListIdeas => &["board", "sort", "status", "tag", "q"],
            Self::Idea | Self::Vote | Self::Unvote | Self::ListComments => &["id"],
            Self::SimilarIdeas => &["board", "q"],
            Self::CreateIdea => &["board", "title", "body", "tags"],
            Self::CreateComment => &["id", "body", "parent"],
            Self::ListPosts => &["feed", "tag", "product"],
            Self::Like | Self::Unlike => &["id"],
            Self::Report => &["id", "reason", "note"],
            Self::CreatePost => &["feed", "caption", "alt", "products", "photo"],
            Self::GetForm => &["form"],
            Self::SubmitForm => &["form", "answers"],
        }
    }
}

/// The placeholders every request may name: the site, the visitor's id, the signed-in
/// visitor's token (empty when none), the widget's language, the page size and the time the
/// request is made (RFC 3339, UTC).
pub const COMMON_PLACEHOLDERS: [&str; 6] = ["site", "visitor", "token", "locale", "limit", "now"];

impl fmt::Display for OperationName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One operation: its request, and where its answer's fields are.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Operation {
    /// The HTTP method.
    #[serde(default)]
    pub method: Method,
    /// The URL, absolute or starting with `/` (then relative to the base), as a template.
    pub url: String,
    /// Query parameters, as templates; one whose placeholders are all empty is left out.
    #[serde(default)]
    pub query: BTreeMap<String, String>,
    /// Headers, as templates, beyond the adapter's own.
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// A JSON body, as a template.
    #[serde(default)]
    pub body: Option<Value>,
    /// The API's words for the widget's, by placeholder: `{"sort": {"top": "most-wanted"}}`.
    /// A value not named goes as it is.
    #[serde(default)]
    pub values: BTreeMap<String, BTreeMap<String, Value>>,
    /// Where the answer's fields are.
    #[serde(default)]
    pub response: Response,
}

/// An HTTP method.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    /// `GET`.
    #[default]
    Get,
    /// `POST`.
    Post,
    /// `PUT`.
    Put,
    /// `PATCH`.
    Patch,
    /// `DELETE`.
    Delete,
}

impl Method {
    /// The method as HTTP writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Patch => "PATCH",
            Self::Delete => "DELETE",
        }
    }
}

/// Where an answer's fields are.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Response {
    /// Where the list's items are (lists) or the thing itself is (the others): a pointer,
    /// the answer's root when absent.
    #[serde(default)]
    pub at: String,
    /// How the list pages (lists only).
    #[serde(default)]
    pub paging: Paging,
    /// Pointers every item listed must have a value at (lists only): an item without one is
    /// left out, as a status without a photo is from a feed of photos.
    #[serde(default)]
    pub require: Vec<String>,
    /// Values items listed must have (lists only), by pointer: `{"/type": "image"}`. An item
    /// with another value, or none, is left out.
    #[serde(default)]
    pub only: BTreeMap<String, Value>,
    /// Where each field of the widget's type is in an item; none means the item already has
    /// the widget's shape (Kindred's own contract).
    #[serde(default)]
    pub fields: Fields,
}

/// A mistake in an adapter, with where it is (`operations.vote.url`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpecError {
    /// Where, as a path of keys.
    pub at: String,
    /// What is wrong.
    pub problem: String,
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.at.is_empty() {
            write!(f, "adapter: {}", self.problem)
        } else {
            write!(f, "adapter, at `{}`: {}", self.at, self.problem)
        }
    }
}

impl AdapterSpec {
    /// Reads and checks an adapter written as JSON.
    pub fn parse(json: &str) -> Result<Self, SpecError> {
        let fail = |at: String, problem: String| SpecError { at, problem };
        let raw: RawSpec =
            serde_json::from_str(json).map_err(|error| fail(String::new(), error.to_string()))?;
        let mut operations = BTreeMap::new();
        for (name, operation) in raw.operations {
            let at = format!("operations.{name}");
            let Some(named) = OperationName::named(&name) else {
                let all: Vec<&str> = OperationName::ALL.iter().map(|op| op.as_str()).collect();
                let problem = format!(
                    "there is no operation `{name}`; there are {}",
                    all.join(", ")
                );
                return Err(fail(at, problem));
            };
            let operation =
                serde_json::from_value(operation).map_err(|error| fail(at, error.to_string()))?;
            operations.insert(named, operation);
        }
        let spec = Self {
            base: raw.base,
            headers: raw.headers,
            limit: raw.limit,
            operations,
        };
        spec.check()?;
        Ok(spec)
    }

    /// Checks what JSON alone cannot: templates, their placeholders, pointers and the base.
    fn check(&self) -> Result<(), SpecError> {
        let fail = |at: String, problem: String| SpecError { at, problem };
        if let Some(base) = &self.base {
            if !(base.starts_with("https://") || base.starts_with("http://")) {
                return Err(fail("base".into(), "must be an http(s) URL".into()));
            }
        }
        for (name, template) in &self.headers {
            check_template(template, &COMMON_PLACEHOLDERS, &[])
                .map_err(|problem| fail(format!("headers.{name}"), problem))?;
        }
        if self.limit == 0 {
            return Err(fail("limit".into(), "must be at least 1".into()));
        }
        for (name, operation) in &self.operations {
            operation
                .check(*name)
                .map_err(|(key, problem)| fail(format!("operations.{name}.{key}"), problem))?;
        }
        Ok(())
    }
}

impl Operation {
    /// Whether the request's templates name `placeholder`, so the API hears its value.
    pub fn names(&self, placeholder: &str) -> bool {
        let templates = std::iter::once(&self.url)
            .chain(self.query.values())
            .chain(self.headers.values());
        let mut names: Vec<&str> = templates
            .flat_map(|template| template::names(template).unwrap_or_default())
            .collect();
        if let Some(body) = &self.body {
            names.extend(template::json_names(body).unwrap_or_default());
        }
        names.contains(&placeholder)
    }

    /// Checks the operation, answering the key that is wrong and how.
    fn check(&self, name: OperationName) -> Result<(), (String, String)> {
        let paging_vars: &[&str] = match &self.response.paging {
            Paging::Cursor { .. } => &["cursor"],
            Paging::Page { .. } => &["page"],
            Paging::Offset { .. } => &["offset"],
            Paging::None | Paging::Link | Paging::NextUrl { .. } => &[],
        };
        let allowed = name.placeholders();
        let check = |key: String, template: &str| {
            check_template(template, allowed, paging_vars).map_err(|problem| (key, problem))
        };
        check("url".into(), &self.url)?;
        if !(self.url.starts_with('/')
            || self.url.starts_with("https://")
            || self.url.starts_with("http://"))
        {
            return Err((
                "url".into(),
                "must start with `/` (after the base) or be an http(s) URL".into(),
            ));
        }
        for (key, template) in &self.query {
            check(format!("query.{key}"), template)?;
        }
        for (key, template) in &self.headers {
            check(format!("headers.{key}"), template)?;
        }
        if let Some(body) = &self.body {
            if self.method == Method::Get {
                return Err(("body".into(), "a GET request carries no body".into()));
            }
            if name == OperationName::CreatePost && !body.is_object() {
                return Err((
                    "body".into(),
                    "a photo goes as multipart/form-data: the body is an object of parts".into(),
                ));
            }
            check_json(body, allowed, paging_vars).map_err(|problem| ("body".into(), problem))?;
        }
        let response = &self.response;
        check_pointer(&response.at).map_err(|problem| ("response.at".into(), problem))?;
        let filters = !response.require.is_empty() || !response.only.is_empty();
        if !name.lists() && (response.paging != Paging::None || filters) {
            let key = if response.paging != Paging::None {
                "paging"
            } else if response.require.is_empty() {
                "only"
            } else {
                "require"
            };
            return Err((
                format!("response.{key}"),
                format!("`{name}` answers one thing, not a list"),
            ));
        }
        for pointer in &response.require {
            check_pointer(pointer).map_err(|problem| ("response.require".into(), problem))?;
        }
        for pointer in response.only.keys() {
            check_pointer(pointer).map_err(|problem| ("response.only".into(), problem))?;
        }
        for placeholder in self.values.keys() {
            if !known(placeholder, allowed, paging_vars) {
                return Err((
                    format!("values.{placeholder}"),
                    unknown(placeholder, allowed, paging_vars),
                ));
            }
        }
        let paging_pointers: Vec<&str> = match &response.paging {
            Paging::Cursor { next } | Paging::NextUrl { next } => vec![next],
            Paging::Page {
                has_more, total, ..
            }
            | Paging::Offset { has_more, total } => {
                has_more.iter().chain(total).map(String::as_str).collect()
            }
            Paging::None | Paging::Link => Vec::new(),
        };
        for pointer in paging_pointers {
            check_pointer(pointer).map_err(|problem| ("response.paging".into(), problem))?;
        }
        for (key, field) in &response.fields {
            check_field(field, allowed)
                .map_err(|problem| (format!("response.fields.{key}"), problem))?;
        }
        Ok(())
    }
}

/// Whether `name` is a placeholder a template may name.
fn known(name: &str, allowed: &[&str], paging: &[&str]) -> bool {
    COMMON_PLACEHOLDERS.contains(&name) || allowed.contains(&name) || paging.contains(&name)
}

/// Says which placeholders there are, for one that is not.
fn unknown(name: &str, allowed: &[&str], paging: &[&str]) -> String {
    let all: Vec<String> = COMMON_PLACEHOLDERS
        .iter()
        .chain(allowed)
        .chain(paging)
        .map(|name| format!("{{{name}}}"))
        .collect();
    format!(
        "there is no placeholder `{{{name}}}` here; there are {}",
        all.join(", ")
    )
}

/// Checks that `template` reads and names only placeholders it may.
fn check_template(template: &str, allowed: &[&str], paging: &[&str]) -> Result<(), String> {
    for name in template::names(template)? {
        if !known(name, allowed, paging) {
            return Err(unknown(name, allowed, paging));
        }
    }
    Ok(())
}

/// Checks that the JSON template `template` reads and names only placeholders it may.
fn check_json(template: &Value, allowed: &[&str], paging: &[&str]) -> Result<(), String> {
    for name in template::json_names(template)? {
        if !known(name, allowed, paging) {
            return Err(unknown(name, allowed, paging));
        }
    }
    Ok(())
}

/// Checks that `pointer` is a JSON Pointer: empty, or starting with `/`.
fn check_pointer(pointer: &str) -> Result<(), String> {
    if pointer.is_empty() || pointer.starts_with('/') {
        Ok(())
    } else {
        Err(format!(
            "`{pointer}` is not a JSON Pointer (they start with `/`, or are empty for the whole)"
        ))
    }
}

/// Checks the pointers a field reads, and the placeholders its constants name.
fn check_field(field: &Field, allowed: &[&str]) -> Result<(), String> {
    field.pointers().into_iter().try_for_each(check_pointer)?;
    let constants = field.constants();
    constants
        .into_iter()
        .try_for_each(|constant| check_json(constant, allowed, &[]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(json: &str) -> String {
        AdapterSpec::parse(json).unwrap_err().to_string()
    }

    #[test]
    fn a_complete_adapter_reads() {
        let spec = AdapterSpec::parse(
            r#"{
              "base": "https://feedback.example.com",
              "headers": {"X-Visitor": "{visitor}"},
              "limit": 15,
              "operations": {
                "list_ideas": {
                  "url": "/api/v1/posts",
                  "query": {"view": "{sort}", "query": "{q}", "limit": "{limit}", "offset": "{offset}"},
                  "response": {
                    "paging": {"style": "offset"},
                    "fields": {"id": {"from": "/number", "as": "string"}, "title": "/title"}
                  }
                },
                "vote": {"method": "POST", "url": "/api/v1/posts/{id}/votes", "headers": {"Authorization": "Bearer {token}"}},
                "create_comment": {"method": "POST", "url": "/api/v1/posts/{id}/comments", "body": {"content": "{body}"}}
              }
            }"#,
        )
        .unwrap();
        assert_eq!(spec.limit, 15);
        assert_eq!(spec.operations.len(), 3);
        assert_eq!(spec.operations[&OperationName::Vote].method, Method::Post);
        // What each request lets the API hear, as replies need `{parent}`.
        let comment = &spec.operations[&OperationName::CreateComment];
        assert!(comment.names("body") && comment.names("id"));
        assert!(!comment.names("parent"));
        assert!(spec.operations[&OperationName::Vote].names("token"));
        assert_eq!(
            spec.operations[&OperationName::ListIdeas].method,
            Method::Get
        );
    }

    #[test]
    fn a_mistake_is_named_with_its_operation_and_key() {
        assert!(error(r#"{"operations": {"lst_ideas": {"url": "/x"}}}"#).starts_with(
            "adapter, at `operations.lst_ideas`: there is no operation `lst_ideas`; there are site, list_ideas, "
        ));
        assert!(error(r#"{"operations": {"vote": {"url": "/v/{idea}"}}}"#).starts_with(
            "adapter, at `operations.vote.url`: there is no placeholder `{idea}` here; there are {site}, {visitor}, {token}, {locale}, {limit}, {now}, {id}"
        ));
        assert!(
            error(r#"{"operations": {"list_ideas": {"url": "/i?c={cursor}"}}}"#)
                .contains("`operations.list_ideas.url`: there is no placeholder `{cursor}`")
        );
        assert!(error(r#"{"operations": {"list_ideas": {"url": "/i", "response": {"fields": {"title": "title"}}}}}"#)
            .contains("`operations.list_ideas.response.fields.title`: `title` is not a JSON Pointer"));
        assert!(error(
            r#"{"operations": {"vote": {"url": "/v", "response": {"paging": {"style": "link"}}}}}"#
        )
        .contains("`operations.vote.response.paging`: `vote` answers one thing, not a list"));
        assert!(
            error(r#"{"operations": {"idea": {"url": "/i/{id}", "body": {"a": 1}}}}"#)
                .contains("`operations.idea.body`: a GET request carries no body")
        );
        assert!(
            error(r#"{"operations": {"idea": {"url": "/i/{id", "method": "GET"}}}"#)
                .contains("`operations.idea.url`: `{` is never closed")
        );
        let wrong = error(r#"{"operations": {"idea": {"url": "/i", "method": "FETCH"}}}"#);
        assert!(
            wrong.contains("at `operations.idea`: unknown variant `FETCH`"),
            "{wrong}"
        );
        assert!(error(r#"{"operations": {"idea": {"url": "i/{id}"}}}"#)
            .contains("`operations.idea.url`: must start with `/`"));
        assert!(
            error(r#"{"operations": {"idea": {"url": "/i", "respons": {}}}}"#)
                .contains("at `operations.idea`: unknown field `respons`")
        );
        assert!(error(r#"{"base": "ftp://x", "operations": {}}"#)
            .contains("at `base`: must be an http(s) URL"));
        assert!(error(r#"{"headers": {"X": "{id}"}, "operations": {}}"#)
            .contains("at `headers.X`: there is no placeholder `{id}`"));
        assert!(
            error(r#"{"limit": 0, "operations": {}}"#).contains("at `limit`: must be at least 1")
        );
        assert!(error(
            r#"{"operations": {"vote": {"url": "/v", "response": {"require": ["/a"]}}}}"#
        )
        .contains("`operations.vote.response.require`: `vote` answers one thing, not a list"));
        assert!(error(
            r#"{"operations": {"list_posts": {"url": "/p", "response": {"require": ["a"]}}}}"#
        )
        .contains("`operations.list_posts.response.require`: `a` is not a JSON Pointer"));
        assert!(error(
            r#"{"operations": {"idea": {"url": "/i", "response": {"only": {"/t": 1}}}}}"#
        )
        .contains("`operations.idea.response.only`: `idea` answers one thing, not a list"));
        assert!(error(
            r#"{"operations": {"idea": {"url": "/i", "values": {"sort": {"top": "best"}}}}}"#
        )
        .contains("`operations.idea.values.sort`: there is no placeholder `{sort}` here"));
        assert!(error(
            r#"{"operations": {"create_comment": {"method": "POST", "url": "/c", "response": {"fields": {"body": {"value": "{text}"}}}}}}"#
        )
        .contains("`operations.create_comment.response.fields.body`: there is no placeholder `{text}` here"));
        assert!(error(
            r#"{"operations": {"create_post": {"method": "POST", "url": "/p", "body": "{photo}"}}}"#
        )
        .contains("`operations.create_post.body`: a photo goes as multipart/form-data"));
        assert!(error(r#"{}"#).starts_with("adapter: missing field `operations`"));
        assert!(error(r#"{"operations": "#).starts_with("adapter"));
    }
}
