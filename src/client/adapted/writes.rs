//! Writes through an adapter, and what the widget shows after them when the API's answer
//! says less than Kindred's would: a vote or a new idea read back from the API, a comment
//! found in its thread, a like that keeps what the button shows, a report or a form's answers
//! taken on a 2xx, a photo sent as the API's own multipart parts.

use std::future::Future;

use kindred_api::{
    Comment, CreateComment, CreateIdea, CreatePost, CreateReport, Idea, IdeaId, LikeState, Page,
    Post, PostId, ReportReceipt, SubmissionReceipt, TargetOutcome, VoteState,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{method, mismatch, refused, Adapter};
use crate::client::adapter::exchange::{AnswerError, Part, Reply};
use crate::client::adapter::spec::OperationName;
use crate::client::adapter::template::{self, Vars};
use crate::client::upload::{self, Cancel, Progress};
use crate::client::{ApiClient, Body, ClientError};

impl ApiClient {
    /// Sends the write `operation` filled from `vars`, whatever it answers.
    async fn adapted_sent(
        &self,
        adapter: &Adapter,
        operation: OperationName,
        vars: Vars,
    ) -> Result<(), ClientError> {
        self.adapted(adapter, operation, &vars, None).await?;
        Ok(())
    }

    /// What the write `operation` made, with `pairs` for its templates: its answer, mapped,
    /// where that is a whole `T`; else, by the id the answer gives, as `again` reads it back
    /// from the API (`None` when it cannot).
    async fn adapted_made<T, Again>(
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
        let id = made.get("id").map(template::text_of);
        if let Some(id) = id.filter(|id| !id.is_empty()) {
            if let Some(whole) = again(id).await? {
                return Ok(whole);
            }
        }
        let problem = format!("{short}, and the API could not be asked for the rest");
        Err(mismatch(&AnswerError { operation, problem }, 200))
    }

    /// Idea `idea` proposed on `board`; an API that answers with less than the idea is asked
    /// for it.
    pub(in crate::client) async fn adapted_new_idea(
        &self,
        adapter: &Adapter,
        board: &str,
        idea: &CreateIdea,
    ) -> Result<Idea, ClientError> {
        let pairs = [
            ("board", Value::from(board)),
            ("title", Value::from(idea.title.as_str())),
            ("body", Value::from(idea.body.as_str())),
            ("tags", Value::from(idea.tags.clone())),
        ];
        let again = |id| async move {
            if !adapter.offers(OperationName::Idea) {
                return Ok(None);
            }
            let detail = self.adapted_idea(adapter, &IdeaId(id)).await?;
            Ok(Some(detail.idea))
        };
        self.adapted_made(adapter, OperationName::CreateIdea, pairs, again)
            .await
    }

    /// `comment` posted on idea `id`; an API that answers with less than the comment is asked
    /// for the idea's comments, where the new one is found by its id.
    pub(in crate::client) async fn adapted_new_comment(
        &self,
        adapter: &Adapter,
        id: &IdeaId,
        comment: &CreateComment,
    ) -> Result<Comment, ClientError> {
        let pairs = [
            ("id", Value::from(id.0.as_str())),
            ("body", Value::from(comment.body.as_str())),
            // No parent leaves the placeholder, and a body key that is only it, out.
            (
                "parent",
                comment.parent_id.clone().map_or(Value::Null, Value::from),
            ),
        ];
        let again = |made: String| async move {
            if !adapter.offers(OperationName::ListComments) {
                return Ok(None);
            }
            let pairs = [("id", Value::from(id.0.as_str()))];
            let thread: Page<Comment> = self
                .adapted_list(adapter, OperationName::ListComments, pairs, None)
                .await?;
            Ok(thread
                .items
                .into_iter()
                .flat_map(|comment| {
                    let replies = comment.replies.clone();
                    std::iter::once(comment).chain(replies)
                })
                .find(|comment| comment.id == made))
        };
        self.adapted_made(adapter, OperationName::CreateComment, pairs, again)
            .await
    }

    /// A like added or withdrawn (`operation`): the post's likes after it where the adapter
    /// maps the answer, `None` where the API does not say (the widget keeps what it shows).
    pub(in crate::client) async fn adapted_like(
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
        self.adapted_sent(adapter, operation, adapter.vars(&self.visitor, pairs))
            .await?;
        Ok(None)
    }

    /// A report of post `id` sent; whatever the API answers, the receipt repeats the report.
    pub(in crate::client) async fn adapted_report(
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
        self.adapted_sent(
            adapter,
            OperationName::Report,
            adapter.vars(&self.visitor, pairs),
        )
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
    pub(in crate::client) async fn adapted_submission(
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
            self.adapted_sent(adapter, operation, adapter.vars(&self.visitor, pairs))
                .await?;
            return Ok(receipt(None));
        }
        let made: Value = self.adapted_write(adapter, operation, pairs).await?;
        Ok(serde_json::from_str(&made.to_string()).unwrap_or_else(|_| receipt(made.get("id"))))
    }

    /// A photo post (`post` with its `photo`) sent as the adapter's `create_post` parts say,
    /// reporting progress to `on_progress`; `cancel` can stop it. The API's answer must map
    /// to the whole post, which the feed then shows. A filled honeypot is not sent.
    pub(in crate::client) async fn adapted_post(
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

    /// A vote added or withdrawn (`operation`), and the idea's votes after it: as the answer
    /// says where the adapter maps it, else as the idea now stands (an API that answers a
    /// vote with nothing, as Fider's does).
    pub(in crate::client) async fn adapted_vote(
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
            self.adapted_sent(adapter, operation, adapter.vars(&self.visitor, pairs))
                .await?;
        }
        let idea = self.adapted_idea(adapter, id).await?.idea;
        Ok(VoteState {
            idea_id: id.clone(),
            vote_count: idea.vote_count,
            voted: idea.voted,
        })
    }
}
