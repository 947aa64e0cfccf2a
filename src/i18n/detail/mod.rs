//! The words of one idea's own view: its history, its comments and the ideas like it.

mod ar;
mod de;
mod en;
mod fr;

use crate::client::ClientError;

/// Messages of an idea's detail view, in one locale.
pub trait DetailText {
    /// The link from an idea back to the board's list.
    fn back_to_ideas(&self) -> &'static str;
    /// Announced while an idea loads.
    fn loading_idea(&self) -> &'static str;
    /// Shown when the idea asked for does not exist (any more).
    fn idea_gone(&self) -> &'static str;
    /// Shown when an idea could not be loaded.
    fn idea_failed(&self) -> &'static str;
    /// Says that the idea duplicates another, before the link to that one.
    fn duplicate_notice(&self) -> &'static str;
    /// The link to the idea a duplicate repeats.
    fn open_original(&self) -> &'static str;
    /// The heading above an idea's status history.
    fn history_heading(&self) -> &'static str;
    /// One step of the history, naming both statuses: "Moved from Planned to In progress".
    fn status_moved(&self, from: &str, to: &str) -> String;
    /// The heading above an idea's comments.
    fn comments_heading(&self) -> &'static str;
    /// Announced while the comments load.
    fn loading_comments(&self) -> &'static str;
    /// Shown when the comments could not be loaded.
    fn comments_failed(&self) -> &'static str;
    /// Shown when an idea has no comments yet.
    fn no_comments(&self) -> &'static str;
    /// The label of the button that answers a comment.
    fn reply(&self) -> &'static str;
    /// The accessible name of that button, naming the comment's author; it starts with
    /// [`DetailText::reply`] so the visible label is part of the name.
    fn reply_to(&self, name: &str) -> String;
    /// The accessible name of the list of answers to a comment by `name`.
    fn replies_to(&self, name: &str) -> String;
    /// The label of the box a new comment is written in.
    fn comment_field(&self) -> &'static str;
    /// The label of the box a reply to `name` is written in.
    fn reply_field(&self, name: &str) -> String;
    /// The button that posts a new comment.
    fn post_comment(&self) -> &'static str;
    /// The button that posts a reply.
    fn post_reply(&self) -> &'static str;
    /// The button that closes a reply box without posting.
    fn cancel(&self) -> &'static str;
    /// Announced when a comment was posted and is shown.
    fn comment_posted(&self) -> &'static str;
    /// Announced when a comment was received but waits for a moderator.
    fn comment_pending(&self) -> &'static str;
    /// The mark on a comment that only its author sees until a moderator approves it.
    fn awaiting_review(&self) -> &'static str;
    /// Shown when a comment could not be posted, with why.
    fn comment_failed(&self, error: &ClientError) -> String;
    /// Shown when the board does not take comments from this visitor.
    fn comments_closed(&self) -> &'static str;
    /// What is wrong with a comment's text, from a validation code of the API contract
    /// (`required`, `too_long`, …).
    fn comment_error(&self, code: &str) -> String;
    /// The heading above ideas like this one.
    fn similar_heading(&self) -> &'static str;
}

#[cfg(test)]
mod tests {
    use kindred_api::comment::NESTED_REPLY;
    use kindred_api::validate::{INVALID, REQUIRED, TOO_LONG};

    use crate::client::ClientError;
    use crate::i18n::{Catalog, Locale};

    /// Every catalog translates every message of the detail view.
    #[test]
    fn every_catalog_translates_the_detail_view() {
        let texts = |c: &dyn Catalog| {
            let mut texts = vec![
                c.back_to_ideas().to_owned(),
                c.loading_idea().to_owned(),
                c.idea_gone().to_owned(),
                c.idea_failed().to_owned(),
                c.duplicate_notice().to_owned(),
                c.open_original().to_owned(),
                c.history_heading().to_owned(),
                c.status_moved("A", "B"),
                c.comments_heading().to_owned(),
                c.loading_comments().to_owned(),
                c.comments_failed().to_owned(),
                c.no_comments().to_owned(),
                c.reply().to_owned(),
                c.reply_to("Ana"),
                c.replies_to("Ana"),
                c.comment_field().to_owned(),
                c.reply_field("Ana"),
                c.post_comment().to_owned(),
                c.post_reply().to_owned(),
                c.cancel().to_owned(),
                c.comment_posted().to_owned(),
                c.comment_pending().to_owned(),
                c.awaiting_review().to_owned(),
                c.comment_failed(&ClientError::Network),
                c.comments_closed().to_owned(),
                c.similar_heading().to_owned(),
            ];
            texts.extend(
                [REQUIRED, TOO_LONG, INVALID, NESTED_REPLY, "unheard_of"]
                    .map(|code| c.comment_error(code)),
            );
            texts
        };
        let english = texts(Locale::En.catalog());
        for locale in Locale::ALL {
            let catalog = locale.catalog();
            for (text, english) in texts(catalog).into_iter().zip(&english) {
                assert!(!text.trim().is_empty(), "{locale:?}: blank for {english:?}");
                if locale != Locale::En {
                    assert_ne!(&text, english, "{locale:?}: untranslated");
                }
            }
            assert!(catalog.status_moved("Alpha", "Beta").contains("Alpha"));
            assert!(catalog.status_moved("Alpha", "Beta").contains("Beta"));
            assert!(catalog.reply_to("Ana").starts_with(catalog.reply()));
            assert!(catalog.replies_to("Ana").contains("Ana"));
            assert!(catalog.reply_field("Ana").contains("Ana"));
            let failed = catalog.comment_failed(&ClientError::Network);
            assert!(
                failed.ends_with(catalog.problem(&ClientError::Network)),
                "{failed}"
            );
            let too_long = catalog.comment_error(TOO_LONG);
            assert!(too_long.contains(&catalog.number(2_000)), "{too_long}");
        }
    }
}
