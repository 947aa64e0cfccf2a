//! A site's start-up configuration, answered by `GET /v1/sites/{site}`.

use serde::{Deserialize, Serialize};

use crate::feed::FeedSummary;

/// What a widget needs to know about its site before it renders.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteConfig {
    /// The site's slug, as used in `data-site`.
    pub id: String,
    /// Display name of the brand.
    pub name: String,
    /// Default locale (BCP 47), used when the page does not choose one.
    pub locale: String,
    /// The site's idea boards.
    pub boards: Vec<BoardSummary>,
    /// The site's UGC feeds.
    #[serde(default)]
    pub feeds: Vec<FeedSummary>,
}

/// An idea board as listed in a [`SiteConfig`].
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardSummary {
    /// The board's slug, as used in `data-board`.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// Short description shown above the board.
    pub description: String,
}
