//! Where items can wait: every site's boards and feeds, for the queue's filter.

use kindred_api::moderation::SiteSettings;
use kindred_api::{Page, SiteConfig};

use crate::api::{Api, ApiError};

/// A board or feed of a site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// The site's name.
    pub site: String,
    /// Whether it is a board (else a feed).
    pub board: bool,
    /// Its slug.
    pub slug: String,
    /// Its name.
    pub name: String,
}

impl Place {
    /// The queue's filter for it: `board=<slug>` or `feed=<slug>`.
    pub fn filter(&self) -> String {
        let key = if self.board { "board" } else { "feed" };
        format!("{key}={}", self.slug)
    }
}

/// Every board and feed of every site, site by site.
pub async fn load(api: &Api) -> Result<Vec<Place>, ApiError> {
    let sites = api
        .get::<Page<SiteSettings>>("/v1/moderation/sites")
        .await?;
    let mut places = Vec::new();
    for site in sites.items {
        let config = api
            .get_public::<SiteConfig>(&format!("/v1/sites/{}", site.slug))
            .await?;
        places.extend(config.boards.into_iter().map(|board| Place {
            site: site.name.clone(),
            board: true,
            slug: board.slug,
            name: board.name,
        }));
        places.extend(config.feeds.into_iter().map(|feed| Place {
            site: site.name.clone(),
            board: false,
            slug: feed.slug,
            name: feed.name,
        }));
    }
    Ok(places)
}
