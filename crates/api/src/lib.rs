//! Kindred's wire contract, shared by the widget (wasm32) and the reference server (native).
//!
//! One definition of every request and response type, the error body and the validation
//! rules means a field added on one side cannot silently diverge from the other. The crate
//! is plain Rust with serde only: no UI, HTTP or database dependencies, so it compiles for
//! both targets and stays small inside the widget's wasm.

pub mod comment;
pub mod error;
pub mod feed;
pub mod form;
pub mod idea;
pub mod insights;
pub mod live;
pub mod moderation;
pub mod page;
pub mod product;
pub mod site;
pub mod time;
pub mod validate;
pub mod visitor;
pub mod webhook;

pub use comment::{Comment, CreateComment};
pub use error::{ErrorBody, ErrorCode, ErrorDetail, FieldErrors};
pub use feed::{
    CreatePost, CreateReport, FeedSummary, ImageSource, LikeState, Post, PostId, PostImage,
    PostSource, ReportReason, ReportReceipt,
};
pub use form::{
    Answer, ChoiceDisplay, ChoiceOption, Day, Field, FieldKind, FieldTexts, FormDefinition,
    FormDetails, FormSchema, FormSummary, FormTarget, FormTexts, HiddenSource, ImageAnswer,
    StoredSubmission, Submission, SubmissionReceipt, SubmitForm, TargetOutcome, TextFormat,
};
pub use idea::{
    Author, CreateIdea, Idea, IdeaDetail, IdeaId, IdeaSort, IdeaStatus, SimilarIdea, StatusChange,
    VoteState,
};
pub use live::LiveEvent;
pub use page::Page;
pub use product::Product;
pub use site::{BoardForm, BoardSummary, SiteConfig, SiteFeatures, Theme};
pub use visitor::{VisitorId, VISITOR_HEADER};
pub use webhook::{
    CreateWebhook, CreatedWebhook, DeliveryAttempt, DeliveryState, UpdateWebhook, Webhook,
    WebhookDelivery, WebhookEvent,
};
