//! The demo's large board: a thousand ideas from years of Ridgeline's community, so the
//! widget's paging, search and rendering can be tried (and measured) at the scale of a
//! brand with a long-lived community.
//!
//! Titles combine a change with a product, so every idea reads like a real request and no
//! two are alike; statuses, tags, ages and supporters follow from each idea's number.

use std::time::Duration;

use kindred_api::IdeaStatus;

use super::demo_visitor;
use crate::error::Result;
use crate::identity::voter_key;
use crate::store::boards::{BoardRules, NewBoard};
use crate::store::conn::Conn;
use crate::store::ideas::NewIdea;
use crate::store::{self, Store};

/// The large board's slug.
pub const BOARD: &str = "community-archive";

/// How many ideas the board holds.
pub const IDEAS: usize = CHANGES.len() * PRODUCTS.len();

/// What an idea asks for, with the tag it carries.
const CHANGES: [(&str, &str); 40] = [
    ("Wider toe box", "fit"),
    ("Narrow last", "fit"),
    ("Half sizes", "fit"),
    ("Softer heel collar", "comfort"),
    ("Firmer midsole", "cushioning"),
    ("Softer midsole", "cushioning"),
    ("Lower drop", "cushioning"),
    ("Removable rock plate", "protection"),
    ("Stronger toe bumper", "protection"),
    ("Gaiter hooks", "accessories"),
    ("Deeper lugs", "grip"),
    ("Sticky rubber for wet rock", "grip"),
    ("Snow spike inserts", "winter"),
    ("Insulated upper", "winter"),
    ("Waterproof membrane", "water"),
    ("Drainage ports", "water"),
    ("Quick-drying mesh", "water"),
    ("Recycled upper", "sustainability"),
    ("Recycled rubber outsole", "sustainability"),
    ("Vegan materials", "sustainability"),
    ("Resole service", "repair"),
    ("Replaceable laces", "laces"),
    ("Quick-lace system", "laces"),
    ("Lace garage", "laces"),
    ("Reflective details", "safety"),
    ("Brighter colourways", "style"),
    ("Colourways that hide mud", "style"),
    ("Lighter weight", "racing"),
    ("Carbon plate", "racing"),
    ("Longer-lasting outsole", "durability"),
    ("Reinforced eyelets", "durability"),
    ("Abrasion-proof upper", "durability"),
    ("Roomier ankle", "comfort"),
    ("Thicker tongue", "comfort"),
    ("Anti-odour lining", "materials"),
    ("Merino footbed", "materials"),
    ("Wide sizes", "fit"),
    ("Kids' sizes", "fit"),
    ("Trail-to-road outsole", "grip"),
    ("Pull tab at the heel", "accessories"),
];

/// What an idea is for.
const PRODUCTS: [&str; 25] = [
    "the Summit 3",
    "the Summit 3 GTX",
    "the Scree",
    "the Scree Mid",
    "the Fernwood",
    "the Fernwood Trail",
    "the Ridge Racer",
    "the Ridge Racer Lite",
    "the Tarn",
    "the Tarn Winter",
    "the Cairn hiker",
    "the Cairn Low",
    "the Bothy slipper",
    "the Moraine",
    "the Moraine XT",
    "the Corrie",
    "the Bealach",
    "the Col",
    "the Gully",
    "the Gully Pro",
    "the Arête",
    "the Scarp",
    "the Tor",
    "the Beck",
    "the Fell Runner",
];

/// Statuses in rough proportion to a real board: most ideas stay open.
const STATUSES: [IdeaStatus; 10] = [
    IdeaStatus::Open,
    IdeaStatus::Open,
    IdeaStatus::Open,
    IdeaStatus::Open,
    IdeaStatus::Open,
    IdeaStatus::UnderReview,
    IdeaStatus::Planned,
    IdeaStatus::InProgress,
    IdeaStatus::Shipped,
    IdeaStatus::Declined,
];

/// Adds the board to the demo site unless it is there already (or the demo site is not),
/// in one transaction; answers how many ideas and votes it wrote. The server seeds it with
/// the demo; tests that need only the demo community leave it out, as it takes a moment.
pub async fn seed(store: &Store) -> Result<(usize, usize)> {
    let mut tx = store.begin_exclusive().await?;
    let mut conn = tx.conn();
    let written = match store::sites::id_by_slug(&mut conn, super::SITE).await? {
        Some(site_id) if store::boards::find(&mut conn, BOARD).await?.is_none() => {
            write(&mut conn, site_id).await?
        }
        _ => (0, 0),
    };
    tx.commit().await?;
    Ok(written)
}

/// Writes the board and its ideas on `site_id`; answers how many ideas and votes it wrote.
async fn write(conn: &mut Conn<'_>, site_id: i64) -> Result<(usize, usize)> {
    let board_id = store::boards::create(
        conn,
        &NewBoard {
            site_id,
            slug: BOARD,
            name: "Community archive",
            description: "Every idea the Ridgeline community has proposed since the first \
                          Summit: search it before you post.",
            supporter_threshold: None,
            rules: BoardRules::OPEN,
            position: 2,
        },
    )
    .await?;
    let mut votes = 0;
    for (number, (change, product)) in ideas().enumerate() {
        let number = number as u64;
        let title = format!("{} for {}", change.0, product);
        let body = format!(
            "{} would make {} better on long days in the hills.",
            change.0, product
        );
        let tags = [change.1.to_owned()];
        let idea_id = store::ideas::insert(
            conn,
            &NewIdea {
                board_id,
                title: &title,
                body: &body,
                tags: &tags,
                status: STATUSES[(number * 7 % 10) as usize],
                author_name: "Ridgeline runner",
                author_voter: None,
                author_avatar: None,
                pending_review: false,
                // From a few hours to about six years ago.
                age: Duration::from_secs(3_600 + number * 190_000),
            },
        )
        .await?;
        // A handful of supporters each, from a pool the main boards do not use.
        for n in 0..(number * 13 % 9) as u32 {
            let visitor = demo_visitor(1_000_000 + number as u32 * 3 + n);
            if store::votes::insert(conn, idea_id, &voter_key(&visitor), Duration::ZERO).await? {
                votes += 1;
            }
        }
    }
    Ok((IDEAS, votes))
}

/// Every change paired with every product, changes varying fastest so neighbours differ: the
/// archive's ideas, and the requests of the review backlog ([`super::backlog`]).
pub(super) fn ideas() -> impl Iterator<Item = (&'static (&'static str, &'static str), &'static str)>
{
    PRODUCTS
        .iter()
        .flat_map(|product| CHANGES.iter().map(move |change| (change, *product)))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use kindred_api::CreateIdea;

    use super::*;

    #[test]
    fn a_thousand_distinct_valid_ideas() {
        assert_eq!(IDEAS, 1_000);
        let titles: BTreeSet<String> = ideas()
            .map(|(change, product)| format!("{} for {}", change.0, product))
            .collect();
        assert_eq!(titles.len(), IDEAS);
        for title in &titles {
            let idea = CreateIdea {
                title: title.clone(),
                tags: vec!["fit".into()],
                ..CreateIdea::default()
            };
            assert_eq!(idea.validate(), Ok(()), "{title}");
        }
    }
}
