//! The REST client: Kindred's v1 contract spoken over `fetch`, or a brand's own API through
//! an [`adapter`].
//!
//! URLs are built in [`url`] and responses classified in [`error`], both pure and tested
//! natively, as the adapters are; this module only performs requests.

mod adapted;
pub mod adapter;
pub mod adapter_source;
mod deadline;
mod error;
mod stream;
mod upload;
mod url;

pub use adapted::Adapter;
pub use error::ClientError;
pub use stream::listen;
pub use upload::{Cancel, Progress};
pub use url::{web_url, ApiBase};

use gloo_net::http::{Method, RequestBuilder};
use kindred_api::{
    Comment, CreateComment, CreateIdea, CreatePost, CreateReport, FormSchema, Idea, IdeaDetail,
    IdeaId, LikeState, Page, Post, PostId, ReportReceipt, SimilarIdea, SiteConfig,
    SubmissionReceipt, VisitorId, VoteState, VISITOR_HEADER,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::JsValue;

use self::adapter::spec::OperationName;
use self::deadline::Deadline;
use crate::feed::FeedQuery;
use crate::ideas::ListQuery;
use crate::identity;

/// A client for one API base, speaking for one visitor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiClient {
    base: ApiBase,
    visitor: VisitorId,
    timeout_ms: u32,
    /// The brand's API's shape, when it is not Kindred's.
    adapter: Option<Adapter>,
}

impl ApiClient {
    /// A client that sends requests to `base` on behalf of `visitor`, giving up on a request
    /// (and its body) after `timeout_ms` milliseconds.
    pub fn new(base: ApiBase, visitor: VisitorId, timeout_ms: u32) -> Self {
        Self {
            base,
            visitor,
            timeout_ms,
            adapter: None,
        }
    }

    /// This client speaking through `adapter`.
    pub fn with_adapter(self, adapter: Adapter) -> Self {
        Self {
            adapter: Some(adapter),
            ..self
        }
    }

    /// Whether the API offers `operation`: Kindred's contract offers all of them, an adapter
    /// those it describes. The widget switches off what is not offered.
    pub fn offers(&self, operation: OperationName) -> bool {
        self.adapter
            .as_ref()
            .is_none_or(|adapter| adapter.offers(operation))
    }

    /// Whether visitors may answer a comment: Kindred's contract threads replies; through an
    /// adapter, the API must take comments and hear which one a reply answers (`{parent}`).
    pub fn takes_replies(&self) -> bool {
        self.adapter.as_ref().is_none_or(|adapter| {
            adapter.offers(OperationName::CreateComment)
                && adapter.hears(OperationName::CreateComment, "parent")
        })
    }

    /// Whether the API streams live events (Server-Sent Events): Kindred's does; an API
    /// behind an adapter is not asked.
    pub fn streams(&self) -> bool {
        self.adapter.is_none()
    }

    /// The API base requests go to.
    pub fn base(&self) -> &ApiBase {
        &self.base
    }

    /// The site's configuration: its boards and their rules, features and theme defaults.
    /// Through an adapter that does not describe it, the contract's defaults for `site`.
    pub async fn site(&self, site: &str) -> Result<SiteConfig, ClientError> {
        if let Some(adapter) = &self.adapter {
            if !adapter.offers(OperationName::Site) {
                return Ok(SiteConfig::unconfigured(site));
            }
            let answer = self.adapted_one(adapter, OperationName::Site, []).await?;
            return answer.ok_or(ClientError::BadResponse { status: 204 });
        }
        self.send(Method::GET, self.base.site(site), None).await
    }

    /// One page of a board's ideas in the order and with the filters of `query`, after
    /// `cursor` when given: `GET /v1/boards/{board}/ideas?…`.
    pub async fn list_ideas(
        &self,
        board: &str,
        query: &ListQuery,
        cursor: Option<&str>,
    ) -> Result<Page<Idea>, ClientError> {
        if let Some(adapter) = &self.adapter {
            let status = query.status.map_or("", |status| status.as_str());
            let pairs = [
                ("board", Value::from(board)),
                ("sort", Value::from(query.sort.as_str())),
                ("status", Value::from(status)),
                ("tag", Value::from(query.tag.clone().unwrap_or_default())),
                ("q", Value::from(query.q.as_str())),
            ];
            return self
                .adapted_list(adapter, OperationName::ListIdeas, pairs, cursor)
                .await;
        }
        let url = self.base.board_ideas(board, Some((query, cursor)));
        self.send(Method::GET, url, None).await
    }

    /// Listed ideas like a title being typed: `GET /v1/boards/{board}/ideas/similar?q=…`.
    pub async fn similar_ideas(
        &self,
        board: &str,
        title: &str,
    ) -> Result<Page<SimilarIdea>, ClientError> {
        if let Some(adapter) = &self.adapter {
            let pairs = [("board", Value::from(board)), ("q", Value::from(title))];
            return self
                .adapted_list(adapter, OperationName::SimilarIdeas, pairs, None)
                .await;
        }
        let url = self.base.similar_ideas(board, title);
        self.send(Method::GET, url, None).await
    }

    /// Proposes an idea: `POST /v1/boards/{board}/ideas`.
    pub async fn create_idea(&self, board: &str, idea: &CreateIdea) -> Result<Idea, ClientError> {
        if let Some(adapter) = &self.adapter {
            return self.adapted_new_idea(adapter, board, idea).await;
        }
        let url = self.base.board_ideas(board, None);
        self.send(Method::POST, url, Some(json(idea))).await
    }

    /// One idea with its status history: `GET /v1/ideas/{id}`.
    pub async fn idea(&self, id: &IdeaId) -> Result<IdeaDetail, ClientError> {
        if let Some(adapter) = &self.adapter {
            return self.adapted_idea(adapter, id).await;
        }
        self.send(Method::GET, self.base.idea(id), None).await
    }

    /// Adds the visitor's vote: `PUT /v1/ideas/{id}/vote`.
    pub async fn vote(&self, id: &IdeaId) -> Result<VoteState, ClientError> {
        if let Some(adapter) = &self.adapter {
            return self.adapted_vote(adapter, OperationName::Vote, id).await;
        }
        self.send(Method::PUT, self.base.idea_vote(id), None).await
    }

    /// Withdraws the visitor's vote: `DELETE /v1/ideas/{id}/vote`.
    pub async fn unvote(&self, id: &IdeaId) -> Result<VoteState, ClientError> {
        if let Some(adapter) = &self.adapter {
            return self.adapted_vote(adapter, OperationName::Unvote, id).await;
        }
        self.send(Method::DELETE, self.base.idea_vote(id), None)
            .await
    }

    /// An idea's comments, each top-level one with its replies: `GET /v1/ideas/{id}/comments`.
    pub async fn comments(&self, id: &IdeaId) -> Result<Page<Comment>, ClientError> {
        if let Some(adapter) = &self.adapter {
            let pairs = [("id", Value::from(id.0.as_str()))];
            return self
                .adapted_list(adapter, OperationName::ListComments, pairs, None)
                .await;
        }
        self.send(Method::GET, self.base.idea_comments(id), None)
            .await
    }

    /// Posts a comment or a reply: `POST /v1/ideas/{id}/comments`.
    pub async fn post_comment(
        &self,
        id: &IdeaId,
        comment: &CreateComment,
    ) -> Result<Comment, ClientError> {
        if let Some(adapter) = &self.adapter {
            return self.adapted_new_comment(adapter, id, comment).await;
        }
        let url = self.base.idea_comments(id);
        self.send(Method::POST, url, Some(json(comment))).await
    }

    /// A co-creation form's schema: `GET /v1/forms/{form}`.
    pub async fn form(&self, form: &str) -> Result<FormSchema, ClientError> {
        if let Some(adapter) = &self.adapter {
            let pairs = [("form", Value::from(form))];
            let answer = self
                .adapted_one(adapter, OperationName::GetForm, pairs)
                .await?;
            return answer.ok_or(ClientError::BadResponse { status: 204 });
        }
        self.send(Method::GET, self.base.form(form), None).await
    }

    /// Submits answers to a form: `POST /v1/forms/{form}/submissions`, as JSON, or as
    /// `multipart/form-data` when photos go with them (which an API behind an adapter does
    /// not take). A retry with the same `key` gets the first attempt's answer rather than a
    /// second submission.
    pub async fn submit_form(
        &self,
        form: &str,
        body: Body,
        key: &str,
    ) -> Result<SubmissionReceipt, ClientError> {
        if let Some(adapter) = &self.adapter {
            return self.adapted_submission(adapter, form, body).await;
        }
        let url = self.base.form_submissions(form);
        self.request(Method::POST, url, Some(body), Some(key)).await
    }

    /// One page of a feed's listed posts with the filters of `query`, after `cursor` when
    /// given: `GET /v1/feeds/{feed}/posts?…`.
    pub async fn list_posts(
        &self,
        feed: &str,
        query: &FeedQuery,
        cursor: Option<&str>,
    ) -> Result<Page<Post>, ClientError> {
        if let Some(adapter) = &self.adapter {
            let text = |value: &Option<String>| Value::from(value.clone().unwrap_or_default());
            let pairs = [
                ("feed", Value::from(feed)),
                ("tag", text(&query.tag)),
                ("product", text(&query.product)),
            ];
            return self
                .adapted_list(adapter, OperationName::ListPosts, pairs, cursor)
                .await;
        }
        let url = self.base.feed_posts(feed, query, cursor);
        self.send(Method::GET, url, None).await
    }

    /// Likes a post for the visitor: `PUT /v1/posts/{id}/like`. The post's likes after it,
    /// or `None` from an API behind an adapter that does not say.
    pub async fn like(&self, id: &PostId) -> Result<Option<LikeState>, ClientError> {
        if let Some(adapter) = &self.adapter {
            return self.adapted_like(adapter, OperationName::Like, id).await;
        }
        self.send(Method::PUT, self.base.post_like(id), None)
            .await
            .map(Some)
    }

    /// Withdraws the visitor's like: `DELETE /v1/posts/{id}/like`; answers as [`Self::like`].
    pub async fn unlike(&self, id: &PostId) -> Result<Option<LikeState>, ClientError> {
        if let Some(adapter) = &self.adapter {
            return self.adapted_like(adapter, OperationName::Unlike, id).await;
        }
        self.send(Method::DELETE, self.base.post_like(id), None)
            .await
            .map(Some)
    }

    /// Reports a post to the moderators: `POST /v1/posts/{id}/reports`. A repeat counts once.
    pub async fn report(
        &self,
        id: &PostId,
        report: &CreateReport,
    ) -> Result<ReportReceipt, ClientError> {
        if let Some(adapter) = &self.adapter {
            return self.adapted_report(adapter, id, report).await;
        }
        let url = self.base.post_reports(id);
        self.send(Method::POST, url, Some(json(report))).await
    }

    /// Uploads a photo post, `post` with its `photo`: `POST /v1/feeds/{feed}/posts` with
    /// `multipart/form-data` parts, reporting progress to `on_progress`; `cancel` can stop
    /// it. A retry with the same `key` gets the first attempt's answer rather than a second
    /// post.
    pub async fn create_post(
        &self,
        feed: &str,
        post: &CreatePost,
        photo: &web_sys::File,
        key: &str,
        on_progress: impl Fn(Progress) + 'static,
        cancel: &Cancel,
    ) -> Result<Post, ClientError> {
        if let Some(adapter) = &self.adapter {
            return self
                .adapted_post(adapter, feed, post, photo, on_progress, cancel)
                .await;
        }
        let url = self.base.feed_posts(feed, &FeedQuery::default(), None);
        let parts = upload::parts(post, photo).ok_or(ClientError::Network)?;
        let headers = self.headers(Some(key));
        let answer = upload::send("POST", &url, &headers, &parts, on_progress, cancel)
            .await
            .and_then(|(status, body)| error::decode(status, &body));
        if let Err(error) = &answer {
            leptos::logging::warn!("[kindred] POST {url} failed: {error}");
        }
        answer
    }

    /// The headers every request carries: the visitor's id, the signed-in user's token when
    /// the page gave one, and the idempotency key of a write that may be retried.
    fn headers(&self, idempotency_key: Option<&str>) -> Vec<(&'static str, String)> {
        let mut headers = vec![(VISITOR_HEADER, self.visitor.as_str().to_owned())];
        if let Some(token) = identity::current() {
            headers.push(("Authorization", format!("Bearer {token}")));
        }
        if let Some(key) = idempotency_key {
            headers.push(("Idempotency-Key", key.to_owned()));
        }
        headers
    }

    /// Sends a request with a JSON body, if any; see [`Self::request`].
    async fn send<T: DeserializeOwned>(
        &self,
        method: Method,
        url: String,
        body: Option<String>,
    ) -> Result<T, ClientError> {
        self.request(method, url, body.map(Body::Json), None).await
    }

    /// Sends a request with the visitor header (and the signed-in user's token, when the page
    /// gave one) within the time limit and decodes the answer, logging failures so an
    /// embedding's developer can see what went wrong.
    async fn request<T: DeserializeOwned>(
        &self,
        method: Method,
        url: String,
        body: Option<Body>,
        idempotency_key: Option<&str>,
    ) -> Result<T, ClientError> {
        let headers = self
            .headers(idempotency_key)
            .into_iter()
            .map(|(name, value)| (name.to_owned(), value))
            .collect();
        let result = self
            .exchange(method.clone(), &url, headers, body)
            .await
            .and_then(|answer| error::decode(answer.status, &answer.body));
        if let Err(error) = &result {
            leptos::logging::warn!("[kindred] {method} {url} failed: {error}");
        }
        result
    }

    /// Sends a request with `headers` within the time limit and answers what came back.
    async fn exchange(
        &self,
        method: Method,
        url: &str,
        headers: Vec<(String, String)>,
        body: Option<Body>,
    ) -> Result<Exchanged, ClientError> {
        let deadline = Deadline::start(self.timeout_ms);
        let mut request = RequestBuilder::new(url)
            .method(method)
            .abort_signal(deadline.signal().as_ref());
        for (name, value) in headers {
            request = request.header(&name, &value);
        }
        let built = match body {
            Some(Body::Json(body)) => request
                .header("Content-Type", "application/json")
                .body(body),
            // The browser writes the multipart content type, with its boundary.
            Some(Body::Multipart(parts)) => request.body(JsValue::from(parts)),
            None => request.build(),
        };
        let sent = match built {
            Ok(request) => request.send().await,
            Err(error) => Err(error),
        };
        let answer = match sent {
            Ok(response) => {
                let link = response.headers().get("link");
                response.text().await.ok().map(|body| Exchanged {
                    status: response.status(),
                    body,
                    link,
                })
            }
            Err(_) => None,
        };
        match answer {
            Some(answer) => Ok(answer),
            None if deadline.passed() => Err(ClientError::Timeout {
                after_ms: self.timeout_ms,
            }),
            None => Err(ClientError::Network),
        }
    }
}

/// An answer as it came back.
struct Exchanged {
    status: u16,
    body: String,
    /// Its `Link` header, when the browser may read it.
    link: Option<String>,
}

/// A request's body.
#[derive(Clone, Debug)]
pub enum Body {
    /// JSON text.
    Json(String),
    /// `multipart/form-data` parts, for requests that carry files.
    Multipart(web_sys::FormData),
}

/// `body` as JSON. The request types serialize infallibly (strings, numbers and lists only).
pub fn json(body: &impl Serialize) -> String {
    serde_json::to_string(body).unwrap_or_default()
}
