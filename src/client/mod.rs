//! The REST client: Kindred's v1 contract spoken over `fetch`.
//!
//! URLs are built in [`url`] and responses classified in [`error`], both pure and tested
//! natively; this module only performs requests.

mod deadline;
mod error;
mod url;

pub use error::ClientError;
pub use url::ApiBase;

use gloo_net::http::{Method, RequestBuilder};
use kindred_api::{Idea, IdeaId, IdeaSort, Page, VisitorId, VoteState, VISITOR_HEADER};
use serde::de::DeserializeOwned;

use self::deadline::Deadline;
use crate::identity;

/// A client for one API base, speaking for one visitor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiClient {
    base: ApiBase,
    visitor: VisitorId,
    timeout_ms: u32,
}

impl ApiClient {
    /// A client that sends requests to `base` on behalf of `visitor`, giving up on a request
    /// (and its body) after `timeout_ms` milliseconds.
    pub fn new(base: ApiBase, visitor: VisitorId, timeout_ms: u32) -> Self {
        Self {
            base,
            visitor,
            timeout_ms,
        }
    }

    /// One page of a board's ideas: `GET /v1/boards/{board}/ideas?sort=…`.
    pub async fn list_ideas(&self, board: &str, sort: IdeaSort) -> Result<Page<Idea>, ClientError> {
        self.send(Method::GET, self.base.board_ideas(board, sort))
            .await
    }

    /// Adds the visitor's vote: `PUT /v1/ideas/{id}/vote`.
    pub async fn vote(&self, id: &IdeaId) -> Result<VoteState, ClientError> {
        self.send(Method::PUT, self.base.idea_vote(id)).await
    }

    /// Withdraws the visitor's vote: `DELETE /v1/ideas/{id}/vote`.
    pub async fn unvote(&self, id: &IdeaId) -> Result<VoteState, ClientError> {
        self.send(Method::DELETE, self.base.idea_vote(id)).await
    }

    /// Sends a request with the visitor header (and the signed-in user's token, when the page
    /// gave one) within the time limit and decodes the answer, logging failures so an
    /// embedding's developer can see what went wrong.
    async fn send<T: DeserializeOwned>(
        &self,
        method: Method,
        url: String,
    ) -> Result<T, ClientError> {
        let deadline = Deadline::start(self.timeout_ms);
        let mut request = RequestBuilder::new(&url)
            .method(method.clone())
            .header(VISITOR_HEADER, self.visitor.as_str())
            .abort_signal(deadline.signal().as_ref());
        if let Some(token) = identity::current() {
            request = request.header("Authorization", &format!("Bearer {token}"));
        }
        let answer = match request.send().await {
            Ok(response) => response
                .text()
                .await
                .ok()
                .map(|body| (response.status(), body)),
            Err(_) => None,
        };
        let result = match answer {
            Some((status, body)) => error::decode(status, &body),
            None if deadline.passed() => Err(ClientError::Timeout {
                after_ms: self.timeout_ms,
            }),
            None => Err(ClientError::Network),
        };
        if let Err(error) = &result {
            leptos::logging::warn!("[kindred] {method} {url} failed: {error}");
        }
        result
    }
}
