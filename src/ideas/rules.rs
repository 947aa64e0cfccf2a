//! What a board allows, known before the visitor acts: the site's configuration is loaded
//! once per board, so the board can hide a switched-off form, ask a visitor to sign in before
//! they type, and say up front that ideas are reviewed before they are listed.
//!
//! The server enforces every rule; these answers only spare visitors a refused request.
//! While the configuration loads, or when it cannot be loaded, writes are assumed allowed.

use kindred_api::{BoardForm, BoardSummary, SiteConfig};
use leptos::prelude::*;

use crate::client::{ApiClient, ClientError};
use crate::identity;

/// Something a visitor does that a board may keep for signed-in members.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Proposing an idea.
    Submit,
    /// Voting for an idea.
    Vote,
    /// Commenting on an idea.
    Comment,
    /// Sharing a photo to a feed, which may keep it for members as a board keeps posting.
    Share,
}

impl Action {
    /// The action's name in the `kindred:signin` event.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Submit => "submit",
            Self::Vote => "vote",
            Self::Comment => "comment",
            Self::Share => "share",
        }
    }
}

/// Whether `board` lets a visitor do `action`: members may do everything; anonymous visitors
/// what the board allows them (everything, while the board's rules are unknown).
pub fn allows(board: Option<&BoardSummary>, action: Action, identified: bool) -> bool {
    identified
        || board.is_none_or(|board| match action {
            Action::Vote => board.allow_anonymous_votes,
            Action::Submit | Action::Comment | Action::Share => board.allow_anonymous_posts,
        })
}

/// The site's configuration as far as a board needs it, shared through context.
#[derive(Clone, Copy)]
pub struct Rules {
    site: Signal<Option<Result<SiteConfig, ClientError>>>,
    board: StoredValue<String>,
}

impl Rules {
    /// Loads site `site`'s configuration with the client in context, for board `board`.
    pub fn load(site: String, board: String) -> Self {
        let client = expect_context::<ApiClient>();
        let config = LocalResource::new(move || {
            let (client, site) = (client.clone(), site.clone());
            async move { client.site(&site).await }
        });
        Self {
            site: Signal::derive(move || config.get()),
            board: StoredValue::new(board),
        }
    }

    /// Rules from a configuration already known (`None` while it loads), for tests and
    /// previews.
    pub fn known(site: Option<SiteConfig>, board: &str) -> Self {
        Self {
            site: Signal::stored(site.map(Ok)),
            board: StoredValue::new(board.to_owned()),
        }
    }

    /// The board's summary, once the configuration has arrived and lists it (tracked).
    pub fn board(self) -> Option<BoardSummary> {
        let slug = self.board.get_value();
        self.site.with(|site| match site {
            Some(Ok(site)) => site.boards.iter().find(|b| b.slug == slug).cloned(),
            _ => None,
        })
    }

    /// Whether the site takes new ideas: not while its configuration is on its way (so a
    /// switched-off button never flashes), yes when it cannot be read (tracked).
    pub fn submissions_open(self) -> bool {
        self.site.with(|site| match site {
            None => false,
            Some(Ok(site)) => site.features.idea_submissions,
            Some(Err(_)) => true,
        })
    }

    /// Whether the configuration has arrived, or failed to (tracked).
    pub fn settled(self) -> bool {
        self.site.with(Option::is_some)
    }

    /// The co-creation form visitors propose ideas with, where the board has one (tracked).
    pub fn proposal_form(self) -> Option<BoardForm> {
        self.board().and_then(|board| board.form)
    }

    /// Whether new ideas wait for a moderator (tracked).
    pub fn premoderated(self) -> bool {
        self.board().is_some_and(|board| board.premoderation)
    }

    /// Whether the visitor must sign in before doing `action` (tracked: it changes as the
    /// page identifies the visitor).
    pub fn needs_signin(self, action: Action) -> bool {
        let identified = identity::tracked().is_some();
        !allows(self.board().as_ref(), action, identified)
    }
}

/// The rules of the board being rendered, where a board provides them.
pub fn use_rules() -> Option<Rules> {
    use_context::<Rules>()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn board(votes: bool, posts: bool) -> BoardSummary {
        BoardSummary {
            slug: "b".into(),
            name: "B".into(),
            description: String::new(),
            threshold: None,
            allow_anonymous_votes: votes,
            allow_anonymous_posts: posts,
            premoderation: false,
            form: None,
        }
    }

    #[test]
    fn members_may_do_everything_and_unknown_boards_are_open() {
        let closed = board(false, false);
        for action in [Action::Submit, Action::Vote, Action::Comment] {
            assert!(allows(Some(&closed), action, true));
            assert!(!allows(Some(&closed), action, false));
            assert!(allows(None, action, false));
        }
    }

    #[test]
    fn votes_and_posts_are_separate_rules() {
        let votes_only = board(true, false);
        assert!(allows(Some(&votes_only), Action::Vote, false));
        assert!(!allows(Some(&votes_only), Action::Submit, false));
        assert!(!allows(Some(&votes_only), Action::Comment, false));
        assert_eq!(Action::Comment.as_str(), "comment");
    }
}
