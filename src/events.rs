//! The DOM events a widget sends its host page, so brands can wire analytics without reaching
//! into the shadow root: `CustomEvent`s dispatched on the placeholder element, bubbling and
//! composed, each with a JSON-shaped `detail` (documented in docs/embedding.md).
//!
//! - `kindred:ready`: the widget shows its first content.
//! - `kindred:vote`: the server accepted a vote or its withdrawal.
//! - `kindred:submit`: the server accepted a proposed idea, a shared photo or a form's answers.
//! - `kindred:signin`: the visitor asked to sign in, to do what the board keeps for members.
//! - `kindred:error`: a request failed, or the options were unusable.

use js_sys::{Object, Reflect};
use kindred_api::{IdeaId, SubmissionReceipt, TargetOutcome, VoteState};
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

use crate::client::ClientError;

/// Where a widget's events go: its placeholder element.
#[derive(Clone, Debug)]
pub struct Events {
    host: HtmlElement,
}

/// What a widget shows, by its slug.
#[derive(Clone, Copy, Debug)]
pub enum Source<'a> {
    /// An idea board.
    Board(&'a str),
    /// A feed of posts.
    Feed(&'a str),
    /// A co-creation form.
    Form(&'a str),
}

impl<'a> Source<'a> {
    /// The detail key that names the widget's subject, and its slug.
    fn key(self) -> (&'static str, &'a str) {
        match self {
            Self::Board(slug) => ("board", slug),
            Self::Feed(slug) => ("feed", slug),
            Self::Form(slug) => ("form", slug),
        }
    }
}

impl Events {
    /// Events dispatched on `host`.
    pub fn new(host: HtmlElement) -> Self {
        Self { host }
    }

    /// Announces that the widget shows its first content: `{kind: "ideas", board, count}`,
    /// `{kind: "feed", feed, count}` or `{kind: "form", form, count}`, where `count` is how
    /// many items the first page shows (a form's: its questions).
    pub fn ready(&self, source: Source<'_>, count: usize) {
        let (key, slug) = source.key();
        let kind = match source {
            Source::Board(_) => "ideas",
            Source::Feed(_) => "feed",
            Source::Form(_) => "form",
        };
        let detail = object(&[
            ("kind", kind.into()),
            (key, slug.into()),
            ("count", count.into()),
        ]);
        self.dispatch("kindred:ready", &detail);
    }

    /// Announces a vote (or its withdrawal) the server accepted: `{ideaId, voted, voteCount}`.
    pub fn vote(&self, state: &VoteState) {
        let detail = object(&[
            ("ideaId", state.idea_id.0.as_str().into()),
            ("voted", state.voted.into()),
            ("voteCount", state.vote_count.into()),
        ]);
        self.dispatch("kindred:vote", &detail);
    }

    /// Announces an idea the server accepted on `board`: `{kind: "idea", board, ideaId,
    /// pendingReview}`, where `pendingReview` says it waits for a moderator before it is listed.
    pub fn submit(&self, board: &str, idea: &IdeaId, pending_review: bool) {
        let detail = object(&[
            ("kind", "idea".into()),
            ("board", board.into()),
            ("ideaId", idea.0.as_str().into()),
            ("pendingReview", pending_review.into()),
        ]);
        self.dispatch("kindred:submit", &detail);
    }

    /// Announces a photo the server accepted on `feed`: `{kind: "post", feed, postId,
    /// pendingReview}`.
    pub fn share(&self, feed: &str, post: &str, pending_review: bool) {
        let detail = object(&[
            ("kind", "post".into()),
            ("feed", feed.into()),
            ("postId", post.into()),
            ("pendingReview", pending_review.into()),
        ]);
        self.dispatch("kindred:submit", &detail);
    }

    /// Announces answers the server took for `form`: `{kind: "form", form, submissionId,
    /// target, pendingReview}`, where `target` is what they became (`idea`, `post` or
    /// `response`) and `pendingReview` whether that waits for a moderator.
    pub fn answered(&self, form: &str, receipt: &SubmissionReceipt) {
        let (target, pending_review) = match &receipt.target {
            TargetOutcome::Idea { pending_review, .. } => ("idea", *pending_review),
            TargetOutcome::Post { pending_review, .. } => ("post", *pending_review),
            TargetOutcome::Response => ("response", false),
        };
        let detail = object(&[
            ("kind", "form".into()),
            ("form", form.into()),
            ("submissionId", receipt.id.as_str().into()),
            ("target", target.into()),
            ("pendingReview", pending_review.into()),
        ]);
        self.dispatch("kindred:submit", &detail);
    }

    /// Asks the host page to sign the visitor in, so they can do `action` (`submit`, `vote`
    /// or `comment` on a board, `share` on a feed): `{board, action}` or `{feed, action}`.
    /// The page answers with `Kindred.identify(token)`.
    pub fn signin(&self, source: Source<'_>, action: &str) {
        let (key, slug) = source.key();
        let detail = object(&[(key, slug.into()), ("action", action.into())]);
        self.dispatch("kindred:signin", &detail);
    }

    /// Announces that `action` (`load`, `vote` or `submit`) failed with `error`:
    /// `{action, code, status, message}`, where `code` is the API's error code or `network`,
    /// `timeout`, `bad_response` or `unsupported`, and `status` the HTTP status (`null` when
    /// no answer arrived).
    pub fn error(&self, action: &str, error: &ClientError) {
        let (code, status) = match error {
            ClientError::Network => ("network", None),
            ClientError::Timeout { .. } => ("timeout", None),
            ClientError::Api { status, code, .. } => (code.as_str(), Some(*status)),
            ClientError::BadResponse { status } => ("bad_response", Some(*status)),
            ClientError::Unsupported { .. } => ("unsupported", None),
        };
        self.failure(action, code, status, &error.to_string());
    }

    /// Announces that the widget's options were unusable, with `message` saying why.
    pub fn invalid_options(&self, message: &str) {
        self.failure("setup", "invalid_options", None, message);
    }

    fn failure(&self, action: &str, code: &str, status: Option<u16>, message: &str) {
        let detail = object(&[
            ("action", action.into()),
            ("code", code.into()),
            ("status", status.map_or(JsValue::NULL, JsValue::from)),
            ("message", message.into()),
        ]);
        self.dispatch("kindred:error", &detail);
    }

    /// Dispatches `name` with `detail` on the host. A failure here only means the page hears
    /// nothing; it never disturbs the widget.
    fn dispatch(&self, name: &str, detail: &JsValue) {
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(detail);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
            _ = self.host.dispatch_event(&event);
        }
    }
}

/// A plain object with `fields`.
fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in fields {
        _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

/// The events of the widget being rendered.
pub fn use_events() -> Events {
    expect_context::<Events>()
}
