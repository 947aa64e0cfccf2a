//! The demo's large feed: ten thousand posts from years of Ridgeline's community, so the feed
//! widget's paging, filters and rendering can be tried (and measured) at the scale of a brand
//! whose community has posted for years.
//!
//! Captions combine an outing, a place, a distance and a remark from small word lists, so
//! they read like real posts and no two are alike; hashtags, product tags (from the demo
//! catalog), authors, ages and likes follow from each post's number. The photos are the demo
//! feed's: every post points at renditions the demo photos already have, so seeding decodes
//! and encodes no image, and the posts' tags, photo rows and likes go in batches
//! ([`crate::store::post_batches`]).

use std::time::Duration;

use super::{catalog, demo_visitor};
use crate::error::Result;
use crate::identity::voter_key;
use crate::store::conn::Conn;
use crate::store::feeds::{NewFeed, DEFAULT_REPORT_THRESHOLD};
use crate::store::post_batches::{self, Extras, StoredPhoto};
use crate::store::posts::{self, NewPost};
use crate::store::{self, Store};

/// The large feed's slug.
pub const FEED: &str = "trail-archive";

/// How many posts the feed holds.
pub const POSTS: usize = 10_000;

/// Posts whose tags, photos and likes are written together.
const BATCH: usize = 1_000;

/// How a run began.
const OUTINGS: [&str; 10] = [
    "Dawn run",
    "Lunch-break loop",
    "Evening miles",
    "Long day out",
    "Recovery jog",
    "Hill repeats",
    "Race day",
    "Night run",
    "Tempo session",
    "Club run",
];

/// Where it went.
const PLACES: [&str; 12] = [
    "on the east ridge",
    "along the river path",
    "through the beech woods",
    "over the high col",
    "around the tarn",
    "up the scree gully",
    "across the moor",
    "on the coastal cliffs",
    "in the pine forest",
    "down the old quarry track",
    "past the bothy",
    "over the three summits",
];

/// What the runner said about it.
const REMARKS: [&str; 12] = [
    "Legs are done.",
    "Worth the early alarm.",
    "Mud to the knees.",
    "Not a soul out there.",
    "Views all the way.",
    "Rain came in at the top.",
    "Fastest time on the climb.",
    "Snow on the tops already.",
    "Perfect trail conditions.",
    "The dog set the pace.",
    "New shoes, happy feet.",
    "Cloud inversion below us.",
];

/// The hashtags posts carry, two each.
const HASHTAGS: [&str; 12] = [
    "trailrunning",
    "ultra",
    "dawnpatrol",
    "mountainsafety",
    "goldenhour",
    "rain",
    "descent",
    "hillreps",
    "skyrunning",
    "fellrunning",
    "runcommunity",
    "ridgeline",
];

/// Authors' first names and last initials.
const FIRST_NAMES: [&str; 16] = [
    "Maya", "Jonas", "Priya", "Tom", "Lucía", "Ewan", "Aiko", "Sam", "Nadia", "Oskar", "Hannah",
    "Ravi", "Chloé", "Erik", "Grace", "Daniel",
];
const INITIALS: [&str; 9] = ["A.", "B.", "C.", "F.", "K.", "M.", "N.", "R.", "S."];

/// Adds the feed to the demo site unless it is there already (or the demo site or its feed's
/// photos are not), in one transaction; answers how many posts and likes it wrote. The server
/// seeds it with the demo; tests that need only the demo community leave it out.
pub async fn seed(store: &Store) -> Result<(usize, usize)> {
    let mut tx = store.begin_exclusive().await?;
    let mut conn = tx.conn();
    let site_id = store::sites::id_by_slug(&mut conn, super::SITE).await?;
    let demo_feed = store::feeds::find(&mut conn, super::FEED).await?;
    let written = match (site_id, demo_feed) {
        (Some(site_id), Some(demo_feed))
            if store::feeds::find(&mut conn, FEED).await?.is_none() =>
        {
            let photos = post_batches::photos(&mut conn, demo_feed.id).await?;
            if photos.is_empty() {
                (0, 0)
            } else {
                write(&mut conn, site_id, &photos).await?
            }
        }
        _ => (0, 0),
    };
    tx.commit().await?;
    Ok(written)
}

/// Writes the feed and its posts on `site_id`, with `photos` for their pictures; answers how
/// many posts and likes it wrote.
async fn write(
    conn: &mut Conn<'_>,
    site_id: i64,
    photos: &[StoredPhoto],
) -> Result<(usize, usize)> {
    let feed_id = store::feeds::create(
        conn,
        &NewFeed {
            site_id,
            slug: FEED,
            name: "Trail archive",
            description: "Years of the community's runs in Ridgeline shoes and gear: browse \
                          them by product or hashtag.",
            allow_anonymous_posts: true,
            premoderation: false,
            report_threshold: DEFAULT_REPORT_THRESHOLD,
            position: 1,
            consent: super::CONSENT,
        },
    )
    .await?;
    let products: Vec<&str> = catalog::slugs().collect();
    let mut likes = 0;
    let mut extras = Extras::default();
    // The oldest first, so ids follow time as they do for live posts.
    for number in (0..POSTS).rev() {
        let post = TrailPost::new(number, &products);
        let photo = &photos[number % photos.len()];
        let id = posts::insert_row(
            conn,
            &NewPost {
                feed_id,
                caption: &post.caption,
                alt: &photo.alt,
                product_tags: &post.products,
                author_name: &post.author,
                author_key: None,
                author_avatar: None,
                pending_review: false,
                renditions: &[],
                color: &photo.color,
                age: post.age,
                source: None,
            },
        )
        .await?;
        let likers = (0..post.likes).map(|n| voter_key(&demo_visitor(2_000_000 + n)));
        extras.add(id, &post.products, &post.caption, &photo.renditions, likers);
        if number.is_multiple_of(BATCH) {
            likes += std::mem::take(&mut extras).write(conn).await?;
        }
    }
    Ok((POSTS, likes))
}

/// What post `number` (0 the newest) says and who made it.
struct TrailPost {
    caption: String,
    products: Vec<String>,
    author: String,
    age: Duration,
    likes: u32,
}

impl TrailPost {
    fn new(number: usize, products: &[&str]) -> Self {
        // Mixed radix over the lists, so no two of the first 54,720 posts are alike.
        let outing = OUTINGS[number % OUTINGS.len()];
        let place = PLACES[number / OUTINGS.len() % PLACES.len()];
        let remark = REMARKS[number / (OUTINGS.len() * PLACES.len()) % REMARKS.len()];
        let km = 5 + number / (OUTINGS.len() * PLACES.len() * REMARKS.len()) % 38;
        // 5n + 3 and n differ modulo 12 for every n (their difference, 4n + 3, is odd).
        let tags = [
            HASHTAGS[number % HASHTAGS.len()],
            HASHTAGS[(number * 5 + 3) % HASHTAGS.len()],
        ];
        let caption = format!(
            "{outing} {place}, {km} km. {remark} #{} #{}",
            tags[0], tags[1]
        );
        let mut tagged = vec![products[number % products.len()].to_owned()];
        let second = products[(number / products.len() + 3) % products.len()];
        if number.is_multiple_of(3) && !tagged.iter().any(|tag| tag == second) {
            tagged.push(second.to_owned());
        }
        let author = format!(
            "{} {}",
            FIRST_NAMES[number % FIRST_NAMES.len()],
            INITIALS[number / FIRST_NAMES.len() % INITIALS.len()]
        );
        let number = number as u64;
        Self {
            caption,
            products: tagged,
            author,
            // From half an hour to about five and a half years ago, a few hours apart.
            age: Duration::from_secs(1_800 + number * 17_280 + number * 7_919 % 3_600),
            likes: (number * 7 % 9) as u32,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use kindred_api::CreatePost;

    use super::*;
    use crate::store::posts::hashtags;

    #[test]
    fn ten_thousand_distinct_valid_posts_over_years() {
        let products: Vec<&str> = catalog::slugs().collect();
        let posts: Vec<TrailPost> = (0..POSTS).map(|n| TrailPost::new(n, &products)).collect();
        let captions: BTreeSet<&str> = posts.iter().map(|p| p.caption.as_str()).collect();
        assert_eq!(captions.len(), POSTS);
        for post in &posts {
            let input = CreatePost {
                caption: post.caption.clone(),
                alt: "A photo".into(),
                product_tags: post.products.clone(),
                consent: true,
                website: String::new(),
            };
            assert_eq!(input.validate(), Ok(()), "{}", post.caption);
            assert_eq!(hashtags(&post.caption).len(), 2, "{}", post.caption);
            assert!(post.products.iter().all(|p| products.contains(&p.as_str())));
        }
        let years = posts.last().unwrap().age.as_secs() / (365 * 24 * 60 * 60);
        assert!((4..=6).contains(&years), "{years}");
        assert!(posts.windows(2).all(|pair| pair[0].age < pair[1].age));
        assert!(posts.iter().any(|p| p.products.len() == 2));
    }
}
