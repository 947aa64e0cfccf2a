//! The client's requests through an adapter: the operation's request filled from what the
//! widget asks and the values every request may name, sent with the adapter's own headers
//! (never Kindred's visitor header or token, which another API has no business seeing unless
//! the adapter asks for them), and the answer read back into the widget's types. An answer
//! that does not match is logged with where it failed, and reaches the widget as a bad
//! response.

use std::fmt;
use std::sync::Arc;

use gloo_net::http::Method;
use kindred_api::{Page, VisitorId};
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::adapter::exchange::{AnswerError, Reply};
use super::adapter::spec::{self, AdapterSpec, OperationName};
use super::adapter::template::Vars;
use super::{error, ApiClient, Body, ClientError, Exchanged};
use crate::identity;

/// The operations the widget performs through an adapter: a feed's. The others need
/// Kindred's contract.
const ADAPTED: [OperationName; 2] = [OperationName::Site, OperationName::ListPosts];

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

    /// Whether the API offers `operation` and the widget performs it through adapters.
    pub fn offers(&self, operation: OperationName) -> bool {
        ADAPTED.contains(&operation) && self.spec.operation(operation).is_some()
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
        let (url, answer) = self.adapted(adapter, operation, &vars, cursor).await?;
        let reply = Reply {
            body: &answer.body,
            link: answer.link.as_deref(),
            url: &url,
        };
        adapter
            .spec
            .read_list(operation, cursor, reply)
            .map(|(items, next_cursor)| Page { items, next_cursor })
            .map_err(|error| mismatch(&error, answer.status))
    }

    /// What `operation` answers, with `pairs` for its templates; `None` for an empty answer.
    pub(super) async fn adapted_one<T: DeserializeOwned>(
        &self,
        adapter: &Adapter,
        operation: OperationName,
        pairs: impl IntoIterator<Item = (&'static str, Value)>,
    ) -> Result<Option<T>, ClientError> {
        let vars = adapter.vars(&self.visitor, pairs);
        let (url, answer) = self.adapted(adapter, operation, &vars, None).await?;
        let reply = Reply {
            body: &answer.body,
            link: None,
            url: &url,
        };
        adapter
            .spec
            .read_one(operation, reply)
            .map_err(|error| mismatch(&error, answer.status))
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
            .and_then(|answer| {
                if (200..300).contains(&answer.status) {
                    Ok(answer)
                } else {
                    // A brand's API may answer errors in Kindred's shape; else the status says.
                    error::decode::<serde::de::IgnoredAny>(answer.status, &answer.body).and(Err(
                        ClientError::BadResponse {
                            status: answer.status,
                        },
                    ))
                }
            });
        match answer {
            Ok(answer) => Ok((url, answer)),
            Err(error) => {
                leptos::logging::warn!("[kindred] {method} {url} failed: {error}");
                Err(error)
            }
        }
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
