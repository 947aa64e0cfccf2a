//! The client's requests through an adapter: the operation's request filled from what the
//! widget asks and the values every request may name, sent with the adapter's own headers
//! (never Kindred's visitor header or token, which another API has no business seeing unless
//! the adapter asks for them), and the answer read back into the widget's types. An answer
//! that does not match is logged with where it failed, and reaches the widget as a bad
//! response.

use std::fmt;
use std::future::Future;
use std::sync::Arc;

use gloo_net::http::Method;
use kindred_api::time::rfc3339;
use kindred_api::{
    CreatePost, CreateReport, ErrorCode, FieldErrors, IdeaDetail, IdeaId, LikeState, Page, Post,
    PostId, ReportReceipt, SubmissionReceipt, TargetOutcome, VisitorId, VoteState,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::adapter::exchange::{AnswerError, Part, Reply};
use super::adapter::spec::{self, AdapterSpec, OperationName};
use super::adapter::template::{self, Vars};
use super::upload::{self, Cancel, Progress};
use super::{error, ApiClient, Body, ClientError, Exchanged};
use crate::identity;

/// An adapter in use, with the site and language every request may name.
#[derive(Clone)]
pub struct Adapter {
    spec: Arc<AdapterSpec>,
    site: String,
    locale: &'static str,
}

impl Adapter {
    /// `spec`, for the widget of `site` speaking `locale` (a language tag).
    pub fn new(spec: AdapterSpec, site: &str, locale: &'static str) -> Self {
        Self {
            spec: Arc::new(spec),
            site: site.to_owned(),
            locale,
        }
    }

    /// Whether the API offers `operation`.
    pub fn offers(&self, operation: OperationName) -> bool {
        self.spec.operation(operation).is_some()
    }

    /// Whether the API hears `placeholder`'s value in `operation`'s request.
    pub fn hears(&self, operation: OperationName, placeholder: &str) -> bool {
        self.spec
            .operation(operation)
            .is_some_and(|operation| operation.names(placeholder))
    }

    /// Whether the adapter says where `operation`'s answer is or what its fields are.
    fn maps(&self, operation: OperationName) -> bool {
        self.spec.operation(operation).is_some_and(|operation| {
            let response = &operation.response;
            !response.at.is_empty() || !response.fields.is_empty()
        })
    }

    /// `pairs` with the values every request may name.
    fn vars(
        &self,
        visitor: &VisitorId,
        pairs: impl IntoIterator<Item = (&'static str, Value)>,
    ) -> Vars {
        let mut vars = Vars::from([
            ("site", Value::from(self.site.as_str())),
            ("visitor", Value::from(visitor.as_str())),
            (
                "token",
                Value::from(identity::current().unwrap_or_default()),
            ),
            ("locale", Value::from(self.locale)),
            (
                "now",
                Value::from(rfc3339(js_sys::Date::now() as i64, false)),
            ),
        ]);
        vars.extend(pairs);
        vars
    }
}

// Two clients are the same when they share one adapter, not two equal ones.
impl PartialEq for Adapter {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.spec, &other.spec)
    }
}

impl Eq for Adapter {}

impl fmt::Debug for Adapter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let offered: Vec<&str> = self
            .spec
            .operations
            .keys()
            .map(|name| name.as_str())
            .collect();
        f.debug_struct("Adapter").field("offers", &offered).finish()
    }
}

impl ApiClient {
    /// A page of what `operation` lists, after `cursor`, with `pairs` for its templates.
    pub(super) async fn adapted_list<T: DeserializeOwned>(
        &self,
        adapter: &Adapter,
        operation: OperationName,
        pairs: impl IntoIterator<Item = (&'static str, Value)>,
        cursor: Option<&str>,
    ) -> Result<Page<T>, ClientError> {
        let vars = adapter.vars(&self.visitor, pairs);
        let answered = self.answered(adapter, operation, vars, cursor).await?;
        let (items, next_cursor) = adapter
            .spec
            .read_list(operation, cursor, answered.reply())
            .map_err(|error| answered.mismatch(&error))?;
        Ok(Page { items, next_cursor })
    }

    /// What `operation` answers, with `pairs` for its templates; `None` for an empty answer.
    pub(super) async fn adapted_one<T: DeserializeOwned>(
        &self,
        adapter: &Adapter,
        operation: OperationName,
        pairs: impl IntoIterator<Item = (&'static str, Value)>,
    ) -> Result<Option<T>, ClientError> {
        let vars = adapter.vars(&self.visitor, pairs);
        let answered = self.answered(adapter, operation, vars, None).await?;
        adapter
            .spec
            .read_one(operation, answered.reply())
            .map_err(|error| answered.mismatch(&error))
    }

    /// What the write `operation` made, with `pairs` for its templates, as its answer says
    /// or, where the answer says less, as the adapter repeats what was sent.
    pub(super) async fn adapted_write<T: DeserializeOwned>(
        &self,
        adapter: &Adapter,
        operation: OperationName,
        pairs: impl IntoIterator<Item = (&'static str, Value)>,
    ) -> Result<T, ClientError> {
        let vars = adapter.vars(&self.visitor, pairs);
        let answered = self.answered(adapter, operation, vars, None).await?;
        adapter
            .spec
            .read_written(operation, answered.reply())
            .map_err(|error| answered.mismatch(&error))
    }

    /// Sends `operation`'s request filled from `vars` (the page at `cursor` of a list),
    /// answering the successful answer with what it was asked with.
    async fn answered(
        &self,
        adapter: &Adapter,
        operation: OperationName,
        vars: Vars,
        cursor: Option<&str>,
    ) -> Result<Answered, ClientError> {
        let (url, answer) = self.adapted(adapter, operation, &vars, cursor).await?;
        Ok(Answered { url, answer, vars })
    }

    /// What the write `operation` made, with `pairs` for its templates: its answer, mapped,
    /// where that is a whole `T`; else, by the id the answer gives, as `again` reads it back
    /// from the API (`None` when it cannot).
    pub(super) async fn adapted_made<T, Again>(
        &self,
        adapter: &Adapter,
        operation: OperationName,
        pairs: impl IntoIterator<Item = (&'static str, Value)>,
        again: impl FnOnce(String) -> Again,
    ) -> Result<T, ClientError>
    where
        T: DeserializeOwned,
        Again: Future<Output = Result<Option<T>, ClientError>>,
    {
        let made: Value = self.adapted_write(adapter, operation, pairs).await?;
        let short = match serde_json::from_str(&made.to_string()) {
            Ok(whole) => return Ok(whole),
            Err(short) => short,
        };
        let id = match made.get("id") {
            Some(Value::String(id)) => Some(id.clone()),
            Some(Value::Number(id)) => Some(id.to_string()),
            _ => None,
        };
        if let Some(id) = id {
            if let Some(whole) = again(id).await? {
                return Ok(whole);
            }
        }
        let problem = format!("{short}, and the API could not be asked for the rest");
        Err(mismatch(&AnswerError { operation, problem }, 200))
    }

    /// A like added or withdrawn (`operation`): the post's likes after it where the adapter
    /// maps the answer, `None` where the API does not say (the widget keeps what it shows).
    pub(super) async fn adapted_like(
        &self,
        adapter: &Adapter,
        operation: OperationName,
        id: &PostId,
    ) -> Result<Option<LikeState>, ClientError> {
        let pairs = [("id", Value::from(id.0.as_str()))];
        if adapter.maps(operation) {
            return self
                .adapted_write(adapter, operation, pairs)
                .await
                .map(Some);
        }
        let vars = adapter.vars(&self.visitor, pairs);
        self.adapted(adapter, operation, &vars, None).await?;
        Ok(None)
    }

    /// A report of post `id` sent; whatever the API answers, the receipt repeats the report.
    pub(super) async fn adapted_report(
        &self,
        adapter: &Adapter,
        id: &PostId,
        report: &CreateReport,
    ) -> Result<ReportReceipt, ClientError> {
        let pairs = [
            ("id", Value::from(id.0.as_str())),
            ("reason", Value::from(report.reason.as_str())),
            ("note", Value::from(report.note.as_str())),
        ];
        let vars = adapter.vars(&self.visitor, pairs);
        self.adapted(adapter, OperationName::Report, &vars, None)
            .await?;
        Ok(ReportReceipt {
            post_id: id.clone(),
            reason: report.reason,
        })
    }

    /// Answers to form `form` sent as the JSON `body` holds them. The receipt is the answer's,
    /// where the adapter maps a whole one; else it keeps the id the answer gives, if any, and
    /// leaves the message to the form. Photos cannot go through an adapter; a filled honeypot
    /// is not sent at all, and answered as if it were.
    pub(super) async fn adapted_submission(
        &self,
        adapter: &Adapter,
        form: &str,
        body: Body,
    ) -> Result<SubmissionReceipt, ClientError> {
        let operation = OperationName::SubmitForm;
        let Body::Json(text) = body else {
            return Err(ClientError::Unsupported {
                operation: operation.as_str(),
            });
        };
        let sent: Value = serde_json::from_str(&text).unwrap_or_default();
        let receipt = |id: Option<&Value>| SubmissionReceipt {
            id: id.map(template::text_of).unwrap_or_default(),
            target: TargetOutcome::Response,
            message: String::new(),
        };
        if sent["website"]
            .as_str()
            .is_some_and(|trap| !trap.is_empty())
        {
            return Ok(receipt(None));
        }
        let pairs = [
            ("form", Value::from(form)),
            ("answers", sent["answers"].clone()),
        ];
        if !adapter.maps(operation) {
            let vars = adapter.vars(&self.visitor, pairs);
            self.adapted(adapter, operation, &vars, None).await?;
            return Ok(receipt(None));
        }
        let made: Value = self.adapted_write(adapter, operation, pairs).await?;
        Ok(serde_json::from_str(&made.to_string()).unwrap_or_else(|_| receipt(made.get("id"))))
    }

    /// A photo post (`post` with its `photo`) sent as the adapter's `create_post` parts say,
    /// reporting progress to `on_progress`; `cancel` can stop it. The API's answer must map
    /// to the whole post, which the feed then shows. A filled honeypot is not sent.
    pub(super) async fn adapted_post(
        &self,
        adapter: &Adapter,
        feed: &str,
        post: &CreatePost,
        photo: &web_sys::File,
        on_progress: impl Fn(Progress) + 'static,
        cancel: &Cancel,
    ) -> Result<Post, ClientError> {
        let operation = OperationName::CreatePost;
        let unsupported = ClientError::Unsupported {
            operation: operation.as_str(),
        };
        if !post.website.is_empty() {
            return Err(unsupported);
        }
        let pairs = [
            ("feed", Value::from(feed)),
            ("caption", Value::from(post.caption.as_str())),
            ("alt", Value::from(post.alt.as_str())),
            ("products", Value::from(post.product_tags.clone())),
            ("photo", Value::from(photo.name())),
        ];
        let vars = adapter.vars(&self.visitor, pairs);
        let request = adapter
            .spec
            .request(operation, &vars, None, self.base.as_str())
            .ok_or(unsupported)?;
        let parts = web_sys::FormData::new().map_err(|_| ClientError::Network)?;
        for (name, part) in adapter.spec.parts(operation, &vars) {
            let added = match part {
                Part::Text(text) => parts.append_with_str(&name, &text),
                Part::Photo => parts.append_with_blob_and_filename(&name, photo, &photo.name()),
            };
            added.map_err(|_| ClientError::Network)?;
        }
        let headers: Vec<(&str, String)> = request
            .headers
            .iter()
            .map(|(name, value)| (name.as_str(), value.clone()))
            .collect();
        let method = method(request.method).to_string();
        let url = request.url;
        let answer = upload::send(&method, &url, &headers, &parts, on_progress, cancel)
            .await
            .and_then(|(status, body)| refused(status, &body).map(|()| (status, body)));
        let (status, body) = answer.inspect_err(|error| {
            leptos::logging::warn!("[kindred] {method} {url} failed: {error}");
        })?;
        let reply = Reply {
            body: &body,
            link: None,
            url: &url,
            sent: &vars,
        };
        adapter
            .spec
            .read_written(operation, reply)
            .map_err(|error| mismatch(&error, status))
    }

    /// One idea, as operation `idea` answers it.
    pub(super) async fn adapted_idea(
        &self,
        adapter: &Adapter,
        id: &IdeaId,
    ) -> Result<IdeaDetail, ClientError> {
        let pairs = [("id", Value::from(id.0.as_str()))];
        self.adapted_one(adapter, OperationName::Idea, pairs)
            .await?
            .ok_or(ClientError::BadResponse { status: 204 })
    }

    /// A vote added or withdrawn (`operation`), and the idea's votes after it: as the answer
    /// says where the adapter maps it, else as the idea now stands (an API that answers a
    /// vote with nothing, as Fider's does).
    pub(super) async fn adapted_vote(
        &self,
        adapter: &Adapter,
        operation: OperationName,
        id: &IdeaId,
    ) -> Result<VoteState, ClientError> {
        let pairs = [("id", Value::from(id.0.as_str()))];
        if adapter.maps(operation) {
            if let Some(state) = self.adapted_one(adapter, operation, pairs).await? {
                return Ok(state);
            }
        } else {
            let vars = adapter.vars(&self.visitor, pairs);
            self.adapted(adapter, operation, &vars, None).await?;
        }
        let idea = self.adapted_idea(adapter, id).await?.idea;
        Ok(VoteState {
            idea_id: id.clone(),
            vote_count: idea.vote_count,
            voted: idea.voted,
        })
    }

    /// Sends `operation`'s request, answering its URL and a successful answer.
    async fn adapted(
        &self,
        adapter: &Adapter,
        operation: OperationName,
        vars: &Vars,
        cursor: Option<&str>,
    ) -> Result<(String, Exchanged), ClientError> {
        let request = adapter
            .spec
            .request(operation, vars, cursor, self.base.as_str())
            .ok_or(ClientError::Unsupported {
                operation: operation.as_str(),
            })?;
        let method = method(request.method);
        let url = request.url;
        let answer = self
            .exchange(
                method.clone(),
                &url,
                request.headers,
                request.body.map(Body::Json),
            )
            .await
            .and_then(|answer| refused(answer.status, &answer.body).map(|()| answer));
        match answer {
            Ok(answer) => Ok((url, answer)),
            Err(error) => {
                leptos::logging::warn!("[kindred] {method} {url} failed: {error}");
                Err(error)
            }
        }
    }
}

/// Nothing for a 2xx answer; else the refusal `body` says, in Kindred's shape (a brand's API
/// may answer errors so), or as its `status` says.
fn refused(status: u16, body: &str) -> Result<(), ClientError> {
    if (200..300).contains(&status) {
        return Ok(());
    }
    let error = error::decode::<serde::de::IgnoredAny>(status, body)
        .err()
        .unwrap_or(ClientError::BadResponse { status });
    Err(by_status(error))
}

/// A successful answer, with the URL and values it was asked with.
struct Answered {
    url: String,
    answer: Exchanged,
    vars: Vars,
}

impl Answered {
    /// The answer, for the adapter to read.
    fn reply(&self) -> Reply<'_> {
        Reply {
            body: &self.answer.body,
            link: self.answer.link.as_deref(),
            url: &self.url,
            sent: &self.vars,
        }
    }

    /// `error`, an answer that did not match, logged, as the widget sees it.
    fn mismatch(&self, error: &AnswerError) -> ClientError {
        mismatch(error, self.answer.status)
    }
}

/// `error` as the widget tells refusals apart: an answer in no known shape reads by its
/// status, so that a 401 asks the visitor to sign in as Kindred's own would.
fn by_status(error: ClientError) -> ClientError {
    let ClientError::BadResponse { status } = error else {
        return error;
    };
    let code = match status {
        401 => ErrorCode::Unauthorized,
        403 => ErrorCode::Forbidden,
        404 => ErrorCode::NotFound,
        429 => ErrorCode::RateLimited,
        _ => return error,
    };
    ClientError::Api {
        status,
        code,
        message: format!("the API answered {status}"),
        fields: FieldErrors::new(),
    }
}

/// The HTTP method an adapter names.
fn method(method: spec::Method) -> Method {
    match method {
        spec::Method::Get => Method::GET,
        spec::Method::Post => Method::POST,
        spec::Method::Put => Method::PUT,
        spec::Method::Patch => Method::PATCH,
        spec::Method::Delete => Method::DELETE,
    }
}

/// An answer that did not match its adapter, logged with where, as the widget sees it.
fn mismatch(error: &AnswerError, status: u16) -> ClientError {
    leptos::logging::error!("[kindred] {error}");
    ClientError::BadResponse { status }
}
