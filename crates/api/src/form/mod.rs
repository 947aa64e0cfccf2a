//! Co-creation forms: the schema a brand designs, the answers a visitor sends, and where a
//! submission goes.
//!
//! The schema ([`FormSchema`]) and its rules live here so the widget renders and checks a form
//! with exactly the code the server checks it with: a submission the widget accepts is one the
//! server accepts, and a refusal carries the same per-field codes on both sides. An image
//! answer ([`ImageAnswer`]) describes its file (media type and size) rather than carrying it,
//! so that check needs no bytes: the widget describes the file the visitor chose, the server
//! the file it received. The target ([`FormTarget`]) is the moderators' business and never
//! reaches the public API.

mod condition;
mod date;
mod format;
mod page;
mod schema;
mod submission;
mod target;
mod translation;
mod validate;

pub use condition::{Comparison, Condition, Op};
pub use date::Day;
pub use format::TextFormat;
pub use schema::{
    limits, ChoiceDisplay, ChoiceOption, Field, FieldKind, FormSchema, FormSummary, HiddenSource,
};
pub use submission::{
    Answer, ImageAnswer, Submission, SubmissionReceipt, SubmitForm, TargetOutcome,
};
pub use target::{FormDefinition, FormDetails, FormTarget, StoredSubmission};
pub use translation::{FieldTexts, FormTexts};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
#[cfg(test)]
mod tests;
