//! Co-creation forms as visitors fill them in: a brand's [`kindred_api::FormSchema`] rendered
//! as labelled, keyboard-operable questions, checked on blur and on submit by the wire crate's
//! `FormSchema::validate` (the very code the server checks with), and sent once.
//!
//! [`SchemaForm`] renders and sends a form; an idea board uses it for the form that proposes
//! its ideas, and [`FormWidget`] shows a form on its own (`data-kindred="form"`), keeping its
//! draft in the browser until it is sent. [`FormPreview`] shows a form's author their schema
//! as visitors will see it, without sending anything.

mod answers;
mod choice;
mod draft;
mod field;
mod form;
mod issue;
mod loading;
mod page_facts;
mod photo;
mod preview;
mod steps;
mod widget;

pub use answers::FormAnswers;
pub use draft::FormDraft;
pub use form::{Delivery, FormSlot, SchemaForm};
pub use issue::FormIssue;
pub use loading::loaded_form;
pub use page_facts::PageFacts;
pub use preview::FormPreview;
pub use widget::FormWidget;
