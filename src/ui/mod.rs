//! Building blocks shared by every widget kind.

mod error_panel;
mod skeleton;

pub use error_panel::ErrorPanel;
pub use skeleton::SkeletonCards;
