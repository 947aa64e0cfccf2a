//! Building blocks shared by every widget kind.

mod error_panel;
mod form_parts;
mod ids;
mod pages;
mod pause;
mod sentinel;
mod skeleton;

pub use error_panel::ErrorPanel;
pub use form_parts::{focus_first_invalid, Honeypot, SendFailure};
pub use ids::unique_id;
pub use pages::{Listed, MoreButton, Pages};
pub use pause::Pause;
pub use skeleton::SkeletonCards;
