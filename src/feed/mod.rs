//! The `feed` widget: the community's photos, moderated, in a grid, masonry, a carousel or a
//! list, filtered by hashtag or product.

mod carousel;
mod filters;
mod lightbox;
mod like;
mod live;
mod masonry;
mod photo;
mod query;
mod report;
mod share;
mod shop;
mod source;
mod tile;
mod widget;
mod window;
mod words;

pub use like::LikeButton;
pub use photo::{srcset, swatch};
pub use query::FeedQuery;
pub use tile::PostTile;
pub use widget::Feed;

use kindred_api::Post;

use crate::ui::Listed;

impl Listed for Post {
    fn key(&self) -> &str {
        &self.id.0
    }
}
