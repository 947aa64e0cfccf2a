//! Co-creation forms, in English.

use super::FormText;
use kindred_api::TextFormat;

use crate::forms::FormIssue;
use crate::i18n::number::{decimal, LATIN};
use crate::i18n::{Catalog, English};

impl FormText for English {
    fn form_issue(&self, issue: FormIssue) -> String {
        let d = |x: f64| decimal(x, '.', &LATIN);
        match issue {
            FormIssue::Required => "Please answer this question.".into(),
            FormIssue::ConsentRequired => "Please tick this box to go on.".into(),
            FormIssue::TooLong(max) => format!(
                "Use at most {} characters.",
                self.number(u32::try_from(max).unwrap_or(u32::MAX))
            ),
            FormIssue::TooShort(min) => format!(
                "Use at least {} characters.",
                self.number(u32::try_from(min).unwrap_or(u32::MAX))
            ),
            FormIssue::InvalidFormat(format) => match format {
                TextFormat::Digits => "Use digits only.",
                TextFormat::Alphanumeric => "Use letters and digits only.",
                TextFormat::Phone => "Enter a phone number, like +44 20 7946 0958.",
                TextFormat::PostalCode => "Enter a postal code, like SW1A 1AA.",
                TextFormat::HexColor => {
                    "Enter a colour as # and six digits or letters a to f, like #2f6f4e."
                }
                TextFormat::Handle => "Enter a handle of letters, digits, _ and ., like @name.",
            }
            .into(),
            FormIssue::InvalidEmail => "Enter an email address, like name@example.com.".into(),
            FormIssue::InvalidUrl => "Enter a web address, like https://example.com.".into(),
            FormIssue::InvalidDate => "Enter a date.".into(),
            FormIssue::DateOutOfRange { min, max } => match (min, max) {
                (Some(min), Some(max)) => format!("Choose a date from {} to {}.", min, max),
                (Some(min), None) => format!("Choose {} or later.", min),
                (None, Some(max)) => format!("Choose {} or earlier.", max),
                (None, None) => "Enter a date.".into(),
            },
            FormIssue::NotANumber => "Enter a number.".into(),
            FormIssue::OutOfRange { min, max } => match (min, max) {
                (Some(min), Some(max)) => format!("Enter a number from {} to {}.", d(min), d(max)),
                (Some(min), None) => format!("Enter {} or more.", d(min)),
                (None, Some(max)) => format!("Enter {} or less.", d(max)),
                (None, None) => "Enter a number.".into(),
            },
            FormIssue::TooFew(min) => format!("Choose at least {}.", self.number(min)),
            FormIssue::TooMany(max) => format!("Choose at most {}.", self.number(max)),
            FormIssue::UnsupportedType => "Choose a JPEG, PNG or WebP photo.".into(),
            FormIssue::TooLarge(bytes) => {
                format!("Choose a photo of at most {} MB.", megabytes(bytes))
            }
            FormIssue::Invalid => "Please check this answer.".into(),
        }
    }

    fn drop_photo(&self) -> &'static str {
        "or drop a photo here"
    }

    fn photo_preview(&self) -> &'static str {
        "Preview of your photo"
    }

    fn optional(&self) -> &'static str {
        "(optional)"
    }

    fn send_form(&self) -> &'static str {
        "Send"
    }

    fn sending_form(&self) -> &'static str {
        "Sending…"
    }

    fn form_failed(&self) -> &'static str {
        "Your answers could not be sent. They are still here: try again."
    }

    fn form_unavailable(&self) -> &'static str {
        "This form could not be loaded."
    }

    fn form_loading(&self) -> &'static str {
        "Loading the form…"
    }

    fn form_preview(&self) -> &'static str {
        "Preview: answers are checked as visitors' will be, and not sent."
    }

    fn form_preview_checked(&self) -> &'static str {
        "These answers pass every check. In a preview, nothing is sent."
    }

    fn form_received(&self) -> &'static str {
        "Thank you! Your answers were received."
    }

    fn next_page(&self) -> &'static str {
        "Next"
    }

    fn previous_page(&self) -> &'static str {
        "Back"
    }

    fn form_step(&self, step: u32, steps: u32) -> String {
        format!("Step {} of {}", self.number(step), self.number(steps))
    }

    fn form_misplaced(&self) -> &'static str {
        "This form is missing details from the page it is on, so it cannot be sent from here."
    }

    fn choose_option(&self) -> &'static str {
        "Choose…"
    }

    fn least_likely(&self) -> &'static str {
        "Not at all likely"
    }

    fn most_likely(&self) -> &'static str {
        "Extremely likely"
    }

    fn rating_value(&self, score: u32, best: u32) -> String {
        format!("{} of {}", self.number(score), self.number(best))
    }
}

/// Whole megabytes (of 1,048,576 bytes) in `bytes`, at least one.
pub(super) fn megabytes(bytes: u64) -> u32 {
    u32::try_from((bytes / (1024 * 1024)).max(1)).unwrap_or(u32::MAX)
}
