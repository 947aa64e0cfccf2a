//! Building blocks shared by every widget kind.

mod error_panel;
mod form_parts;
mod ids;
mod pause;
mod skeleton;

pub use error_panel::ErrorPanel;
pub use form_parts::{focus_first_invalid, Honeypot, SendFailure};
pub use ids::unique_id;
pub use pause::Pause;
pub use skeleton::SkeletonCards;
