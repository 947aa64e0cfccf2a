//! An idea's detail view, in English.

use kindred_api::comment::{BODY_MAX, NESTED_REPLY};
use kindred_api::validate::{INVALID, REQUIRED, TOO_LONG};

use super::DetailText;
use crate::client::ClientError;
use crate::i18n::{Catalog, English};

impl DetailText for English {
    fn back_to_ideas(&self) -> &'static str {
        "Back to ideas"
    }

    fn loading_idea(&self) -> &'static str {
        "Loading the idea…"
    }

    fn idea_gone(&self) -> &'static str {
        "This idea no longer exists."
    }

    fn idea_failed(&self) -> &'static str {
        "We couldn’t load this idea."
    }

    fn duplicate_notice(&self) -> &'static str {
        "This idea repeats an earlier one."
    }

    fn open_original(&self) -> &'static str {
        "See the original idea"
    }

    fn history_heading(&self) -> &'static str {
        "Status history"
    }

    fn status_moved(&self, from: &str, to: &str) -> String {
        format!("Moved from {from} to {to}")
    }

    fn comments_heading(&self) -> &'static str {
        "Comments"
    }

    fn loading_comments(&self) -> &'static str {
        "Loading comments…"
    }

    fn comments_failed(&self) -> &'static str {
        "We couldn’t load the comments."
    }

    fn no_comments(&self) -> &'static str {
        "No comments yet. Start the conversation."
    }

    fn reply(&self) -> &'static str {
        "Reply"
    }

    fn reply_to(&self, name: &str) -> String {
        format!("Reply to {name}")
    }

    fn replies_to(&self, name: &str) -> String {
        format!("Replies to {name}")
    }

    fn comment_field(&self) -> &'static str {
        "Your comment"
    }

    fn reply_field(&self, name: &str) -> String {
        format!("Your reply to {name}")
    }

    fn post_comment(&self) -> &'static str {
        "Post comment"
    }

    fn post_reply(&self) -> &'static str {
        "Post reply"
    }

    fn cancel(&self) -> &'static str {
        "Cancel"
    }

    fn comment_posted(&self) -> &'static str {
        "Your comment was posted."
    }

    fn comment_pending(&self) -> &'static str {
        "Thanks! Your comment will appear once a moderator approves it."
    }

    fn awaiting_review(&self) -> &'static str {
        "Awaiting review"
    }

    fn comment_failed(&self, error: &ClientError) -> String {
        format!("Your comment wasn’t posted. {}", self.problem(error))
    }

    fn comments_closed(&self) -> &'static str {
        "You can’t comment here right now: comments are switched off, or open to signed-in members only."
    }

    fn comment_error(&self, code: &str) -> String {
        match code {
            REQUIRED => "Write your comment first.".into(),
            TOO_LONG => format!(
                "Keep it to {} characters or fewer.",
                self.number(BODY_MAX as u32)
            ),
            INVALID => "This can’t be posted as written.".into(),
            NESTED_REPLY => "Replies can’t be answered; answer the comment above instead.".into(),
            _ => "Please check this and try again.".into(),
        }
    }

    fn similar_heading(&self) -> &'static str {
        "Similar ideas"
    }
}
