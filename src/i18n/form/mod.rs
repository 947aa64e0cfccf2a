//! The words of a co-creation form: its errors, its buttons and what it says while it loads
//! or sends. The form's own questions come from its schema, in the brand's words.

mod ar;
mod de;
mod en;
mod fr;

use crate::forms::FormIssue;

/// Messages of a co-creation form, in one locale.
pub trait FormText {
    /// What is wrong with an answer and how to fix it.
    fn form_issue(&self, issue: FormIssue) -> String;
    /// Marks a question that may be left blank.
    fn optional(&self) -> &'static str;
    /// Beside a photo question's input: it also takes a photo dropped on it.
    fn drop_photo(&self) -> &'static str;
    /// The accessible name of the chosen photo's preview.
    fn photo_preview(&self) -> &'static str;
    /// The send button, where the form names none.
    fn send_form(&self) -> &'static str;
    /// The send button while the answers are on their way.
    fn sending_form(&self) -> &'static str;
    /// Shown when the answers could not be sent.
    fn form_failed(&self) -> &'static str;
    /// Shown when the form could not be loaded.
    fn form_unavailable(&self) -> &'static str;
    /// Announced while the form loads.
    fn form_loading(&self) -> &'static str;
    /// Thanks for answers sent, where neither the form nor the API says anything.
    fn form_received(&self) -> &'static str;
    /// Under a previewed form's introduction: nothing it takes is sent.
    fn form_preview(&self) -> &'static str;
    /// A previewed form's answers passed every check (and were not sent).
    fn form_preview_checked(&self) -> &'static str;
    /// The accessible name of one score of a rating: "3 of 5".
    fn rating_value(&self, score: u32, best: u32) -> String;
    /// Shown when the form needs answers the page should have given (hidden fields) and has
    /// not: the visitor cannot fix that.
    fn form_misplaced(&self) -> &'static str;
    /// The first entry of a drop-down choice, standing for no answer yet.
    fn choose_option(&self) -> &'static str;
    /// The button that goes on to a form's next page.
    fn next_page(&self) -> &'static str;
    /// The button that goes back to a form's previous page.
    fn previous_page(&self) -> &'static str;
    /// Where the visitor is in a form of several pages: "Step 2 of 3".
    fn form_step(&self, step: u32, steps: u32) -> String;
    /// What the lowest score of a likelihood (0 of 0 to 10) means.
    fn least_likely(&self) -> &'static str;
    /// What the highest score of a likelihood (10 of 0 to 10) means.
    fn most_likely(&self) -> &'static str;
}

#[cfg(test)]
mod tests {
    use kindred_api::TextFormat;

    use crate::forms::FormIssue;
    use crate::i18n::{Catalog, Locale};

    /// Every catalog translates every message of a form.
    #[test]
    fn every_catalog_translates_forms() {
        let issues = [
            FormIssue::Required,
            FormIssue::ConsentRequired,
            FormIssue::TooLong(120),
            FormIssue::TooShort(10),
            FormIssue::InvalidEmail,
            FormIssue::InvalidUrl,
            FormIssue::InvalidDate,
            FormIssue::DateOutOfRange {
                min: kindred_api::Day::parse("2026-01-01"),
                max: kindred_api::Day::parse("2026-12-31"),
            },
            FormIssue::DateOutOfRange {
                min: kindred_api::Day::parse("2026-01-01"),
                max: None,
            },
            FormIssue::DateOutOfRange {
                min: None,
                max: kindred_api::Day::parse("2026-12-31"),
            },
            FormIssue::NotANumber,
            FormIssue::OutOfRange {
                min: Some(1.5),
                max: Some(9.0),
            },
            FormIssue::OutOfRange {
                min: Some(1.0),
                max: None,
            },
            FormIssue::OutOfRange {
                min: None,
                max: Some(9.0),
            },
            FormIssue::TooFew(2),
            FormIssue::TooMany(3),
            FormIssue::UnsupportedType,
            FormIssue::TooLarge(5 * 1024 * 1024),
            FormIssue::Invalid,
        ]
        .into_iter()
        .chain(TextFormat::ALL.map(FormIssue::InvalidFormat));
        let texts = |c: &dyn Catalog| {
            let mut texts: Vec<String> = [
                c.optional(),
                c.send_form(),
                c.sending_form(),
                c.form_failed(),
                c.form_unavailable(),
                c.form_loading(),
                c.form_received(),
                c.form_preview(),
                c.form_preview_checked(),
                c.drop_photo(),
                c.photo_preview(),
                c.least_likely(),
                c.most_likely(),
                c.next_page(),
                c.form_misplaced(),
                c.choose_option(),
                c.previous_page(),
            ]
            .map(str::to_owned)
            .to_vec();
            texts.extend(issues.clone().map(|issue| c.form_issue(issue)));
            texts.push(c.form_step(2, 3));
            texts.push(c.rating_value(3, 5));
            texts
        };
        let english = texts(Locale::En.catalog());
        for locale in Locale::ALL.into_iter().filter(|&l| l != Locale::En) {
            for (text, english) in texts(locale.catalog()).into_iter().zip(&english) {
                assert!(!text.trim().is_empty(), "{locale:?}: blank for {english:?}");
                assert_ne!(&text, english, "{locale:?}: untranslated");
            }
        }
    }

    /// Limits are written in the locale's digits.
    #[test]
    fn limits_use_the_locale_s_digits() {
        let arabic = Locale::Ar.catalog();
        assert!(arabic.form_issue(FormIssue::TooMany(3)).contains('٣'));
        let german = Locale::De.catalog();
        assert!(german
            .form_issue(FormIssue::OutOfRange {
                min: Some(3.5),
                max: Some(15.5)
            })
            .contains("3,5"));
        assert!(Locale::En
            .catalog()
            .form_issue(FormIssue::TooLarge(5 * 1024 * 1024))
            .contains("5 MB"));
    }
}
