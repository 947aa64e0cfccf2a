//! The words of proposing an idea: the form, its errors, similar ideas, the review notice and
//! the sign-in prompt.

mod ar;
mod de;
mod en;
mod fr;

use crate::ideas::submit::FieldIssue;
use crate::ideas::Action;

/// Messages of proposing an idea, in one locale.
pub trait SubmitText {
    /// The button that opens the form, and the form's heading.
    fn propose_idea(&self) -> &'static str;
    /// The label of the title field.
    fn title_label(&self) -> &'static str;
    /// The label of the description field.
    fn body_label(&self) -> &'static str;
    /// The label of the tags field.
    fn tags_label(&self) -> &'static str;
    /// The hint under the tags field.
    fn tags_hint(&self) -> &'static str;
    /// The label of the field only bots fill in.
    fn honeypot_label(&self) -> &'static str;
    /// The button that sends the idea.
    fn post_idea(&self) -> &'static str;
    /// The send button's label while the idea is on its way.
    fn posting(&self) -> &'static str;
    /// What is wrong with a field and how to fix it.
    fn field_issue(&self, issue: FieldIssue) -> String;
    /// Said on a board whose ideas wait for a moderator.
    fn reviewed_first(&self) -> &'static str;
    /// Shown when the idea could not be posted.
    fn submit_failed(&self) -> &'static str;
    /// The heading above ideas like the title being typed.
    fn similar_while_typing(&self) -> &'static str;
    /// Announced when similar ideas were found, with how many.
    fn similar_found(&self, n: u32) -> String;
    /// Shown after posting an idea that waits for a moderator.
    fn pending_review(&self) -> &'static str;
    /// Why a visitor is asked to sign in before `action`.
    fn signin_needed(&self, action: Action) -> &'static str;
    /// The button that asks the page to sign the visitor in.
    fn signin(&self) -> &'static str;
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Catalog, Locale};
    use crate::ideas::submit::FieldIssue;
    use crate::ideas::Action;

    /// Every catalog translates every message of proposing an idea.
    #[test]
    fn every_catalog_translates_submitting() {
        let issues = [
            FieldIssue::Required,
            FieldIssue::TooShort(5),
            FieldIssue::TooLong(120),
            FieldIssue::TooManyTags(5),
            FieldIssue::BadTag(32),
            FieldIssue::Invalid,
        ];
        let texts = |c: &dyn Catalog| {
            let mut texts: Vec<String> = [
                c.propose_idea(),
                c.title_label(),
                c.body_label(),
                c.tags_label(),
                c.tags_hint(),
                c.honeypot_label(),
                c.post_idea(),
                c.posting(),
                c.reviewed_first(),
                c.submit_failed(),
                c.similar_while_typing(),
                c.pending_review(),
                c.signin(),
            ]
            .map(String::from)
            .to_vec();
            texts.extend(issues.map(|issue| c.field_issue(issue)));
            texts.extend(
                [Action::Submit, Action::Vote, Action::Comment, Action::Share]
                    .map(|action| c.signin_needed(action).to_owned()),
            );
            texts.push(c.similar_found(3));
            texts
        };
        let english = texts(Locale::En.catalog());
        for locale in Locale::ALL.into_iter().filter(|&l| l != Locale::En) {
            let catalog = locale.catalog();
            for (text, english) in texts(catalog).into_iter().zip(&english) {
                assert!(!text.trim().is_empty(), "{locale:?}: blank for {english:?}");
                assert_ne!(&text, english, "{locale:?}: untranslated");
            }
            let limit = catalog.field_issue(FieldIssue::TooLong(120));
            assert!(limit.contains(&catalog.number(120)), "{limit}");
            let found = catalog.similar_found(3);
            assert!(found.contains(&catalog.number(3)), "{found}");
        }
    }
}
