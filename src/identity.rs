//! Who the visitor is to the brand: the SSO token the host page hands over with
//! `Kindred.identify(token)`, shared by every widget on the page.
//!
//! Without a token, requests speak for the anonymous visitor id alone. With one, they also
//! carry `Authorization: Bearer <token>`, and the server acts as the brand's signed-in user.
//! The token is kept in memory only: the host page knows who is signed in and says so on
//! each page load. Widgets read it reactively, so signing in or out reloads what they show
//! (an identified visitor's votes differ from the anonymous visitor's).

use leptos::prelude::*;

thread_local! {
    static TOKEN: ArcRwSignal<Option<String>> = ArcRwSignal::new(None);
}

/// Identifies the visitor with `token` on every widget, or with `None` signs them out.
/// A blank token signs out too.
pub fn set(token: Option<String>) {
    let token = token.filter(|token| !token.trim().is_empty());
    TOKEN.with(|signal| {
        if signal.get_untracked() != token {
            signal.set(token);
        }
    });
}

/// The current token, tracked: a reactive reader re-runs when the visitor signs in or out.
pub fn tracked() -> Option<String> {
    TOKEN.with(|signal| signal.get())
}

/// The current token, untracked, for building a request.
pub fn current() -> Option<String> {
    TOKEN.with(|signal| signal.get_untracked())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_signs_in_and_none_or_a_blank_one_signs_out() {
        assert_eq!(current(), None);
        set(Some("header.claims.signature".into()));
        assert_eq!(current().as_deref(), Some("header.claims.signature"));
        set(Some("  ".into()));
        assert_eq!(current(), None);
        set(Some("another.token.here".into()));
        set(None);
        assert_eq!(current(), None);
    }
}
