//! The demo's review backlog: ten thousand ideas sent to a premoderated board during a
//! launch campaign, all waiting for a moderator, so the console's queue can be tried (and
//! measured) at the scale of a brand's busiest morning.
//!
//! Each idea is one of the community archive's requests with one of a few openings, from its
//! own anonymous visitor, sent over the last three days.

use std::time::Duration;

use kindred_api::IdeaStatus;

use super::{archive, demo_visitor};
use crate::error::Result;
use crate::identity::voter_key;
use crate::store::boards::{BoardRules, NewBoard};
use crate::store::conn::Conn;
use crate::store::ideas::NewIdea;
use crate::store::{self, Store};

/// The backlog board's slug.
pub const BOARD: &str = "campaign-inbox";

/// How the campaign's requests open; with the archive's thousand requests, ten thousand
/// distinct ideas.
const OPENINGS: [&str; 10] = [
    "Any chance of",
    "Please consider",
    "Still hoping for",
    "Dreaming of",
    "My vote goes to",
    "Would love",
    "Time for",
    "Next season:",
    "Runners need",
    "One wish:",
];

/// How many ideas wait.
pub const IDEAS: usize = OPENINGS.len() * archive::IDEAS;

/// Adds the board and its waiting ideas to the demo site unless it is there already (or the
/// demo site is not), in one transaction; answers how many ideas it wrote.
pub async fn seed(store: &Store) -> Result<usize> {
    let mut tx = store.begin_exclusive().await?;
    let mut conn = tx.conn();
    let written = match store::sites::id_by_slug(&mut conn, super::SITE).await? {
        Some(site_id) if store::boards::find(&mut conn, BOARD).await?.is_none() => {
            write(&mut conn, site_id).await?
        }
        _ => 0,
    };
    tx.commit().await?;
    Ok(written)
}

/// Writes the board and its ideas on `site_id`; answers how many ideas it wrote.
async fn write(conn: &mut Conn<'_>, site_id: i64) -> Result<usize> {
    let board_id = store::boards::create(
        conn,
        &NewBoard {
            site_id,
            slug: BOARD,
            name: "Summit 4 campaign inbox",
            description: "Ideas sent during the Summit 4 launch campaign. Each is read by the \
                          community team before it is listed.",
            supporter_threshold: None,
            rules: BoardRules {
                premoderation: true,
                ..BoardRules::OPEN
            },
            position: 3,
        },
    )
    .await?;
    for (number, (title, body)) in requests().enumerate() {
        let visitor = voter_key(&demo_visitor(2_000_000 + number as u32));
        store::ideas::insert(
            conn,
            &NewIdea {
                board_id,
                title: &title,
                body: &body,
                tags: &[],
                status: IdeaStatus::Open,
                author_name: "Anonymous runner",
                author_voter: Some(&visitor),
                author_avatar: None,
                pending_review: true,
                // One every 25 seconds over the last three days.
                age: Duration::from_secs(60 + number as u64 * 25),
            },
        )
        .await?;
    }
    Ok(IDEAS)
}

/// Every request with every opening, requests varying fastest: `(title, body)`.
fn requests() -> impl Iterator<Item = (String, String)> {
    OPENINGS.iter().flat_map(|opening| {
        archive::ideas().map(move |(change, product)| {
            let title = format!("{opening} {} for {product}", lower_first(change.0));
            let body = format!(
                "Sent during the Summit 4 campaign: {} for {product}.",
                change.0
            );
            (title, body)
        })
    })
}

/// `text` with its first letter in lower case ("Wider toe box" → "wider toe box").
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use kindred_api::CreateIdea;

    use super::*;

    #[test]
    fn ten_thousand_distinct_valid_ideas() {
        assert_eq!(IDEAS, 10_000);
        let ideas: Vec<(String, String)> = requests().collect();
        let titles: BTreeSet<&str> = ideas.iter().map(|(title, _)| title.as_str()).collect();
        assert_eq!(titles.len(), IDEAS);
        for (title, body) in &ideas {
            let idea = CreateIdea {
                title: title.clone(),
                body: body.clone(),
                ..CreateIdea::default()
            };
            assert_eq!(idea.validate(), Ok(()), "{title}");
        }
    }
}
