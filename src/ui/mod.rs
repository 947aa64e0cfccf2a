//! Building blocks shared by every widget kind.

mod error_panel;
mod ids;
mod skeleton;

pub use error_panel::ErrorPanel;
pub use ids::unique_id;
pub use skeleton::SkeletonCards;
