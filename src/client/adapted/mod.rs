//! The client's requests through an adapter: the operation's request filled from what the
//! widget asks and the values every request may name, sent with the adapter's own headers
//! (never Kindred's visitor header or token, which another API has no business seeing unless
//! the adapter asks for them), and the answer read back into the widget's types. An answer
//! that does not match is logged with where it failed, and reaches the widget as a bad
//! response. Reads are here; writes, and what follows them, in [`writes`].

use std::fmt;
use std::sync::Arc;

mod writes;

use gloo_net::http::Method;
use kindred_api::time::rfc3339;
use kindred_api::{ErrorCode, FieldErrors, IdeaDetail, IdeaId, Page, VisitorId};
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::adapter::exchange::{AnswerError, Reply};
use super::adapter::spec::{self, AdapterSpec, OperationName};
use super::adapter::template::Vars;
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
