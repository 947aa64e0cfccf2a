//! The demo community: Ridgeline Trail Co., a trail-running shoe brand with two idea boards,
//! two co-creation forms, a photo feed and the product catalog its posts tag.
//!
//! The demo page, the end-to-end tests and benchmarks need a believable board to look at, so
//! the data reads like a real brand's: ideas in every status, tags, authors, creation dates
//! spread over recent months, and support that comes from real vote rows (synthetic visitor
//! ids), so counts are exactly what the triggers derive. The feed's photos are landscapes
//! drawn in code and pushed through the upload pipeline ([`crate::media`]), so the demo
//! serves real renditions. Everything is derived from indexes; seeding is deterministic
//! apart from timestamps, which are relative to the present.

use std::time::Duration;

use image::{Rgb, RgbImage};
use kindred_api::{FormDefinition, IdeaStatus, PostSource, VisitorId};
use serde_json::json;
use tokio::sync::OnceCell;

pub mod archive;
pub mod backlog;
mod catalog;
pub mod trail_archive;

use crate::error::{Error, Result};
use crate::identity::voter_key;
use crate::media::{self, Processed, Storage};
use crate::store::boards::{BoardRules, NewBoard};
use crate::store::comments::NewComment;
use crate::store::conn::Conn;
use crate::store::feeds::{NewFeed, DEFAULT_REPORT_THRESHOLD};
use crate::store::ideas::NewIdea;
use crate::store::posts::NewPost;
use crate::store::sites::NewSite;
use crate::store::{self, Store};

/// The demo site's slug.
pub const SITE: &str = "ridgeline";
/// The demo boards' slugs.
pub const BOARDS: [&str; 2] = ["trail-shoes", "gear-and-apparel"];
/// The demo forms' slugs: a wishlist kept as responses, an intake that proposes ideas, and
/// two of the examples in docs/forms: a flavour survey of three pages kept as responses, and
/// a photo story posted on the feed.
pub const FORMS: [&str; 4] = [
    "summit-4-wishlist",
    "idea-intake",
    "trail-fuel-lab",
    "trail-story",
];
/// The demo feed's slug.
pub const FEED: &str = "trail-stories";
/// What a poster on the demo feed grants the brand.
pub const CONSENT: &str =
    "I took this photo and I allow Ridgeline to show it on ridgeline.example and in its \
     newsletters.";
/// The demo site's SSO secret, public on purpose: it lets anyone mint tokens to try signed-in
/// voting on the demo (see docs/api.md). A real site keeps its secret on the brand's server.
pub const SSO_SECRET: &str = "ridgeline-demo-sso-secret";
/// Origins the demo site always allows.
pub const DEFAULT_ORIGINS: [&str; 2] = ["http://127.0.0.1:8080", "http://localhost:8080"];

/// What [`demo`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SeedReport {
    /// Whether the demo data was written now (false: the database already had sites).
    pub seeded: bool,
    /// Ideas written.
    pub ideas: usize,
    /// Vote rows written.
    pub votes: usize,
    /// Comments written.
    pub comments: usize,
    /// Feed posts written.
    pub posts: usize,
    /// Like rows written.
    pub likes: usize,
    /// Products of the catalog written.
    pub products: usize,
    /// Origins newly allowed on the demo site.
    pub origins_added: usize,
}

/// Origins for a demo served on `port` of this machine.
pub fn local_origins(port: u16) -> Vec<String> {
    vec![
        format!("http://127.0.0.1:{port}"),
        format!("http://localhost:{port}"),
    ]
}

/// Seeds the demo community if the database has no sites yet, and makes sure the demo site
/// allows `extra_origins` (so a demo on another port works against existing data).
///
/// Idempotent: a second call leaves the data as it is, adding only origins it lacks.
/// Everything happens in one transaction that keeps other writers of sites waiting, so
/// servers starting at once on one database seed it once; callers reload
/// [`crate::cors::AllowedOrigins`]. The feed's photos and the products' pictures are stored
/// in `media`.
pub async fn demo(store: &Store, media: &Storage, extra_origins: &[String]) -> Result<SeedReport> {
    let mut tx = store.begin_exclusive().await?;
    let mut conn = tx.conn();
    let mut report = SeedReport::default();
    if store::sites::count(&mut conn).await? == 0 {
        let site_id = write_community(&mut conn, &mut report).await?;
        write_feed(&mut conn, media, site_id, &mut report).await?;
        report.products = catalog::write(&mut conn, media, site_id).await?;
    }
    if let Some(site_id) = store::sites::id_by_slug(&mut conn, SITE).await? {
        let origins = DEFAULT_ORIGINS
            .iter()
            .map(|o| (*o).to_owned())
            .chain(extra_origins.iter().cloned());
        for origin in origins {
            if store::sites::add_origin(&mut conn, site_id, &origin).await? {
                report.origins_added += 1;
            }
        }
    }
    tx.commit().await?;
    Ok(report)
}

/// Writes the site, its boards, the ideas and their votes, counting them in `report`;
/// answers the site's id.
async fn write_community(conn: &mut Conn<'_>, report: &mut SeedReport) -> Result<i64> {
    let site_id = store::sites::create(
        conn,
        &NewSite {
            slug: SITE,
            name: "Ridgeline Trail Co.",
            locale: "en",
            anonymous_author: "Anonymous runner",
        },
    )
    .await?;
    store::sso::set_secret(conn, site_id, Some(SSO_SECRET)).await?;
    let shoes = store::boards::create(
        conn,
        &NewBoard {
            site_id,
            slug: BOARDS[0],
            name: "Trail shoes",
            description: "What should the next Summit, Scree and Fernwood models do better? \
                          Vote for the ideas you want on your feet.",
            supporter_threshold: Some(50),
            // Each runner backs their ten most wanted changes, which keeps the top honest.
            rules: BoardRules {
                vote_cap: Some(10),
                ..BoardRules::OPEN
            },
            position: 0,
        },
    )
    .await?;
    let gear = store::boards::create(
        conn,
        &NewBoard {
            site_id,
            slug: BOARDS[1],
            name: "Gear and apparel",
            description: "Vests, poles, layers and the small things that make long days \
                          in the hills easier.",
            supporter_threshold: None,
            // New gear ideas are checked for spam and product leaks before they are listed.
            rules: BoardRules {
                premoderation: true,
                ..BoardRules::OPEN
            },
            position: 1,
        },
    )
    .await?;

    for definition in forms() {
        store::forms::create(conn, site_id, &definition).await?;
    }

    let mut ids = Vec::with_capacity(IDEAS.len());
    for (index, idea) in IDEAS.iter().enumerate() {
        let board_id = match idea.board {
            Shelf::Shoes => shoes,
            Shelf::Gear => gear,
        };
        let age = u64::from(idea.days_ago) * DAY + (index as u64 * 3_779) % DAY;
        let tags: Vec<String> = idea.tags.iter().map(|t| (*t).to_owned()).collect();
        let id = store::ideas::insert(
            conn,
            &NewIdea {
                board_id,
                title: idea.title,
                body: idea.body,
                tags: &tags,
                status: idea.status,
                author_name: idea.author,
                author_voter: None,
                author_avatar: None,
                pending_review: false,
                age: Duration::from_secs(age),
            },
        )
        .await?;
        report.ideas += 1;
        ids.push(id);

        // Supporters are consecutive members of a pool of demo visitors, starting at an
        // offset per idea, so ideas share some supporters but never count one twice.
        // Their votes spread from the idea's creation up to now.
        for n in 0..idea.votes {
            let visitor = demo_visitor(index as u32 * 17 + n);
            let voted_ago = Duration::from_secs(age * u64::from(n) / u64::from(idea.votes));
            if store::votes::insert(conn, id, &voter_key(&visitor), voted_ago).await? {
                report.votes += 1;
            }
        }

        // An idea that moved on went through the usual stages, spread over its life.
        let stages = stages(idea.status);
        let steps = stages.len() as u64;
        for (step, pair) in (1..).zip(stages.windows(2)) {
            let ago = Duration::from_secs(age * (steps - step) / steps);
            let note = status_note(pair[1]);
            store::ideas::record_status_change(conn, id, (pair[0], pair[1]), note, ago).await?;
        }
    }

    // Each demo comment answers the comment `reply_to` entries before it, if any. Entries are
    // in posting order, so ids follow time as they do for live comments.
    let mut comment_ids: Vec<i64> = Vec::with_capacity(COMMENTS.len());
    for comment in COMMENTS {
        let parent_id = comment
            .reply_to
            .map(|back| comment_ids[comment_ids.len() - back]);
        let id = store::comments::insert(
            conn,
            &NewComment {
                idea_id: ids[comment.idea],
                parent_id,
                body: comment.body,
                author_name: comment.author,
                author_avatar: None,
                author_voter: None,
                age: Duration::from_secs(u64::from(comment.hours_ago) * 60 * 60),
            },
        )
        .await?;
        comment_ids.push(id);
        report.comments += 1;
    }
    report.seeded = true;
    Ok(site_id)
}

/// Writes the feed and its posts, with photos drawn by [`landscape`] and likes from demo
/// visitors, counting them in `report`.
async fn write_feed(
    conn: &mut Conn<'_>,
    media: &Storage,
    site_id: i64,
    report: &mut SeedReport,
) -> Result<()> {
    let feed_id = store::feeds::create(
        conn,
        &NewFeed {
            site_id,
            slug: FEED,
            name: "Trail stories",
            description: "Your runs in Ridgeline shoes and gear. Share a photo from the hills \
                          and tag what you wore.",
            allow_anonymous_posts: true,
            premoderation: false,
            report_threshold: DEFAULT_REPORT_THRESHOLD,
            position: 0,
            consent: CONSENT,
        },
    )
    .await?;
    let photos = demo_photos().await?;
    for (index, (post, photo)) in POSTS.iter().zip(photos).enumerate() {
        media.save(&photo.renditions).await?;
        let product_tags: Vec<String> = post.products.iter().map(|t| (*t).to_owned()).collect();
        let source = post.source.map(|(name, url)| PostSource {
            name: name.to_owned(),
            url: url.map(str::to_owned),
        });
        let age = u64::from(post.days_ago) * DAY + (index as u64 * 5_171) % DAY;
        let id = store::posts::insert(
            conn,
            &NewPost {
                feed_id,
                caption: post.caption,
                alt: post.alt,
                product_tags: &product_tags,
                author_name: post.author,
                author_key: None,
                author_avatar: None,
                pending_review: false,
                renditions: &photo.renditions,
                color: &photo.color,
                age: Duration::from_secs(age),
                source: source.as_ref(),
            },
        )
        .await?;
        report.posts += 1;
        for n in 0..post.likes {
            let visitor = demo_visitor(index as u32 * 23 + n);
            let liked_ago = Duration::from_secs(age * u64::from(n) / u64::from(post.likes));
            if store::likes::insert(conn, id, &voter_key(&visitor), liked_ago).await? {
                report.likes += 1;
            }
        }
    }
    Ok(())
}

/// Width and height of the demo photos: wide enough for every rendition width.
const PHOTO_SIZE: (u32, u32) = (1200, 800);

/// The demo photos with their renditions, one per post of [`POSTS`] in order.
async fn demo_photos() -> Result<&'static [Processed]> {
    static PHOTOS: OnceCell<Vec<Processed>> = OnceCell::const_new();
    let landscapes = POSTS.iter().zip(0..).map(|(post, n)| {
        let palette = post.palette;
        move || landscape(palette, n)
    });
    rendered_once(&PHOTOS, landscapes).await
}

/// The renditions of the pictures `draws` paint, in order, made the first time a process asks
/// and kept in `cell`: demo pictures are the same every time, so a process draws them once
/// however often it seeds (tests seed many databases).
async fn rendered_once<D>(
    cell: &'static OnceCell<Vec<Processed>>,
    draws: impl IntoIterator<Item = D>,
) -> Result<&'static [Processed]>
where
    D: FnOnce() -> RgbImage + Send + 'static,
{
    let rendered = cell
        .get_or_try_init(|| async move {
            let mut rendered = Vec::new();
            for draw in draws {
                rendered.push(render(draw).await?);
            }
            Ok::<_, Error>(rendered)
        })
        .await?;
    Ok(rendered)
}

/// Paints the picture `draw` paints and makes its renditions, off the async runtime.
async fn render(draw: impl FnOnce() -> RgbImage + Send + 'static) -> Result<Processed> {
    tokio::task::spawn_blocking(move || media::process::from_pixels(&draw()))
        .await
        .map_err(|error| Error::Internal(format!("drawing a demo picture stopped: {error}")))?
        .map_err(|error| Error::Internal(format!("a demo picture cannot be encoded: {error}")))
}

/// The colours of a demo landscape, each `[r, g, b]`: the sky at the top and at the horizon,
/// the sun, the far ridge and the near ridge.
type Palette = [[u8; 3]; 5];

/// A landscape: a sky gradient with a sun, and two ridgelines whose shapes vary with `n`.
fn landscape(palette: Palette, n: u32) -> RgbImage {
    let (width, height) = PHOTO_SIZE;
    let phase = n as f32 * 1.7;
    let sun = (0.2 + 0.6 * ((n * 37) % 100) as f32 / 100.0, 0.28);
    RgbImage::from_fn(width, height, |x, y| {
        let (fx, fy) = (x as f32 / width as f32, y as f32 / height as f32);
        let far = 0.48 + 0.08 * (fx * 5.0 + phase).sin() + 0.03 * (fx * 13.0 + phase).sin();
        let near = 0.68 + 0.07 * (fx * 3.0 - phase).sin() + 0.02 * (fx * 21.0).sin();
        let [sky_top, horizon, sun_colour, far_ridge, near_ridge] = palette;
        let colour = if fy > near {
            near_ridge
        } else if fy > far {
            far_ridge
        } else if (fx - sun.0).hypot((fy - sun.1) * 1.5) < 0.06 {
            sun_colour
        } else {
            mix(sky_top, horizon, fy / far)
        };
        Rgb(colour)
    })
}

/// The colour `t` (0 to 1) of the way from `a` to `b`.
fn mix(a: [u8; 3], b: [u8; 3], t: f32) -> [u8; 3] {
    let t = t.clamp(0.0, 1.0);
    let channel = |i: usize| (f32::from(a[i]) + (f32::from(b[i]) - f32::from(a[i])) * t) as u8;
    [channel(0), channel(1), channel(2)]
}

#[rustfmt::skip]
const DAWN: Palette = [[58, 82, 140], [246, 178, 122], [255, 236, 180], [104, 92, 120], [48, 44, 62]];
#[rustfmt::skip]
const NOON: Palette = [[70, 140, 220], [190, 222, 245], [255, 252, 230], [96, 130, 112], [52, 88, 60]];
#[rustfmt::skip]
const DUSK: Palette = [[40, 30, 80], [230, 110, 90], [255, 200, 120], [90, 60, 90], [36, 26, 46]];
#[rustfmt::skip]
const STORM: Palette = [[70, 78, 90], [160, 168, 175], [200, 205, 210], [86, 96, 100], [40, 50, 52]];

/// A demo post.
struct DemoPost {
    caption: &'static str,
    alt: &'static str,
    products: &'static [&'static str],
    author: &'static str,
    palette: Palette,
    days_ago: u32,
    likes: u32,
    /// Where it was first published, with the post's URL there, if elsewhere.
    source: Option<(&'static str, Option<&'static str>)>,
}

impl DemoPost {
    /// This post, first published at `name` (at `url`).
    const fn via(self, name: &'static str, url: Option<&'static str>) -> Self {
        Self {
            source: Some((name, url)),
            ..self
        }
    }
}

const fn post(
    caption: &'static str,
    alt: &'static str,
    products: &'static [&'static str],
    author: &'static str,
    palette: Palette,
    days_ago: u32,
    likes: u32,
) -> DemoPost {
    DemoPost {
        caption,
        alt,
        products,
        author,
        palette,
        days_ago,
        likes,
        source: None,
    }
}

#[rustfmt::skip]
const POSTS: &[DemoPost] = &[
    post("First light over the east ridge. Worth the 4 am alarm. #dawnpatrol #ridgeline",
        "A violet sky turning orange above two dark mountain ridges at dawn",
        &["summit-3"], "Maya Okafor", DAWN, 1, 42)
        .via("Ridgeline Journal", Some("https://ridgeline.example/journal/east-ridge-at-dawn")),
    post("Lunch-break loop, dry trails for once. #trailrunning",
        "Green hills under a bright blue midday sky",
        &["fernwood", "merino-socks"], "Jonas Berg", NOON, 3, 27),
    post("Racing the sunset down the scree field. The Scree held on every step. #descent",
        "A red and purple dusk sky over layered mountain silhouettes",
        &["scree"], "Priya Raman", DUSK, 6, 35)
        .via("Instagram", None),
    post("Storm rolled in at the col, turned back in time. #mountainsafety",
        "Grey storm clouds over muted grey-green ridges",
        &["packable-shell", "summit-3"], "Ewan MacLeod", STORM, 9, 18),
    post("Sunrise tempo with the club. #dawnpatrol",
        "Soft dawn colours over a gently rolling ridgeline",
        &["hydration-vest"], "Aiko Tanaka", DAWN, 14, 22),
    post("Long day in the high country, 38 km and one very happy dog. #ultra #trailrunning",
        "Sunlit green ridges under a clear blue sky",
        &["summit-3", "hydration-vest"], "Lucía Fernández", NOON, 20, 51),
    post("Golden hour on the traverse. #goldenhour",
        "An orange sun sinking behind dark purple peaks",
        &["fernwood"], "Tom Whitaker", DUSK, 27, 30),
    post("Rain shell earned its place today. #mountainsafety #rain",
        "Low grey cloud over wet, dark hills",
        &["packable-shell"], "Hannah Schultz", STORM, 33, 12),
];

const DAY: u64 = 24 * 60 * 60;

/// The demo forms: "Design the Summit 4", whose answers are kept for the product team, an idea
/// intake that proposes each submission on the trail shoes board, and the examples of
/// docs/forms.md that fit the demo as they are (the third proposes ideas on the trail shoes
/// board too, and would take the intake's place there).
fn forms() -> [FormDefinition; 4] {
    let option = |value: &str, label: &str| json!({ "value": value, "label": label });
    let wishlist = json!({
        "schema": {
            "slug": FORMS[0],
            "title": "Design the Summit 4",
            "description": "The Summit 4 is on the drawing board. Tell the design team where \
                            you run and what the next version must get right.",
            "fields": [
                { "name": "terrain", "label": "Where do you run?", "required": true,
                  "help": "Pick up to three.",
                  "kind": { "type": "multiple_choice", "min": 1, "max": 3, "options": [
                      option("rock", "Rock and scree"), option("mud", "Mud and bog"),
                      option("forest", "Forest trails"), option("snow", "Snow and ice"),
                      option("road", "Road to trail") ] } },
                { "name": "cushioning", "label": "How much cushioning do you want?",
                  "required": true, "help": "1 is barefoot feel, 5 is maximal.",
                  "kind": { "type": "rating", "max": 5 } },
                { "name": "change", "label": "What would you change about the Summit 3?",
                  "kind": { "type": "long_text", "max_len": 2000 } },
                { "name": "email", "label": "Email, if we may ask you to test prototypes",
                  "kind": { "type": "email" } },
                { "name": "consent", "label": "Consent", "required": true,
                  "kind": { "type": "consent",
                            "text": "Ridgeline may use my answers to design its shoes." } }
            ],
            "submit_label": "Send my wishlist",
            "success_message": "Thanks! The design team reads every wishlist."
        },
        "target": { "kind": "response" }
    });
    let intake = json!({
        "schema": {
            "slug": FORMS[1],
            "title": "Propose a trail shoe idea",
            "description": "Your idea goes on the trail shoes board for everyone to vote on.",
            "fields": [
                { "name": "idea", "label": "Your idea in one line", "required": true,
                  "kind": { "type": "short_text", "max_len": 120,
                            "placeholder": "A rock plate I can take out" } },
                { "name": "details", "label": "Tell us more",
                  "kind": { "type": "long_text", "max_len": 5000 } }
            ]
        },
        "target": { "kind": "idea", "board": BOARDS[0], "title_field": "idea",
                    "body_field": "details" }
    });
    let example = |text: &str| serde_json::from_str(text).expect("the examples are well-formed");
    let [wishlist, intake] = [wishlist, intake]
        .map(|form| serde_json::from_value(form).expect("demo forms are well-formed"));
    [
        wishlist,
        intake,
        example(include_str!("../../../docs/forms/flavour-survey.json")),
        example(include_str!("../../../docs/forms/photo-story.json")),
    ]
}

/// The `n`th demo visitor: a valid UUID v4 that cannot collide with a random one in practice.
pub fn demo_visitor(n: u32) -> VisitorId {
    VisitorId::parse(&format!("00000000-0000-4000-8000-{n:012x}"))
        .expect("demo visitor ids are well-formed")
}

enum Shelf {
    Shoes,
    Gear,
}

struct DemoIdea {
    board: Shelf,
    title: &'static str,
    body: &'static str,
    status: IdeaStatus,
    tags: &'static [&'static str],
    author: &'static str,
    days_ago: u32,
    votes: u32,
}

#[expect(
    clippy::too_many_arguments,
    reason = "one positional call per row keeps the demo table readable"
)]
const fn idea(
    board: Shelf,
    title: &'static str,
    body: &'static str,
    status: IdeaStatus,
    tags: &'static [&'static str],
    author: &'static str,
    days_ago: u32,
    votes: u32,
) -> DemoIdea {
    DemoIdea {
        board,
        title,
        body,
        status,
        tags,
        author,
        days_ago,
        votes,
    }
}

use IdeaStatus::{Declined, InProgress, Open, Planned, Shipped, UnderReview};
use Shelf::{Gear, Shoes};

#[rustfmt::skip]
const IDEAS: &[DemoIdea] = &[
    idea(Shoes, "Wider toe box option for the Summit 3",
        "I love the grip of the Summit 3 but my toes go numb after 20 km. A wide last, like the road line has, would make it my only shoe.",
        Planned, &["fit", "summit"], "Maya Okafor", 142, 118),
    idea(Shoes, "Rock plate you can remove",
        "On rocky alpine days I want the plate, on forest loops I want the ground feel. A plate that slides out under the insole would give both.",
        UnderReview, &["protection", "cushioning"], "Jonas Berg", 121, 87),
    idea(Shoes, "Recycled-rubber outsole",
        "The lugs wear out long before the upper. Making the outsole from reclaimed rubber would make replacing them easier on my conscience.",
        InProgress, &["sustainability", "outsole"], "Priya Raman", 133, 96),
    idea(Shoes, "Half sizes for the Scree",
        "The Scree only comes in whole sizes, so I either slide around on descents or lose a toenail. Please add half sizes.",
        Shipped, &["fit", "scree"], "Tom Whitaker", 168, 74),
    idea(Shoes, "Gaiter attachment points",
        "A small loop at the front and a hook channel at the heel so trail gaiters stay put without velcro glued to the heel counter.",
        Shipped, &["accessories"], "Lucía Fernández", 160, 63),
    idea(Shoes, "Grippier lugs for wet limestone",
        "Our local trails are polished limestone. When it rains the current compound feels like ice. A softer, stickier compound option?",
        Open, &["outsole", "grip"], "Ewan MacLeod", 37, 58),
    idea(Shoes, "Drainage ports for river crossings",
        "Skyrace courses here cross streams every few kilometres. Mesh drainage at the midfoot would stop the squelching for the next hour.",
        Open, &["water", "upper"], "Aiko Tanaka", 12, 41),
    idea(Shoes, "Lower drop version of the Fernwood",
        "8 mm is a lot for a trail shoe. A 4 mm Fernwood would suit people who came from minimalist shoes.",
        Open, &["fernwood", "cushioning"], "Sam Kowalski", 54, 36),
    idea(Shoes, "Quick-lace system with a lace garage",
        "Laces come undone in the mud and the ends snag on brush. A toggle lace with a pocket on the tongue would fix both.",
        UnderReview, &["laces"], "Nadia Haddad", 88, 52),
    idea(Shoes, "Waterproof membrane version for winter",
        "For slush and snow from November to March. Keep the regular one for summer, but a membrane option would save my toes.",
        Declined, &["water", "winter"], "Oskar Lindqvist", 150, 29),
    idea(Shoes, "Resole service for worn outsoles",
        "The uppers on my Summits are fine after 800 km, only the lugs are gone. A resoling service would keep them out of landfill.",
        Open, &["sustainability", "repair"], "Hannah Schultz", 5, 47),
    idea(Shoes, "Vegan materials across the range",
        "Some models still use a suede overlay. Fully vegan shoes would be an easy choice for a lot of us.",
        Open, &["sustainability", "materials"], "Ravi Menon", 66, 22),
    idea(Shoes, "Softer heel collar for Achilles comfort",
        "The stiff collar on the Scree rubs my Achilles on long climbs. A softer, lower collar would help.",
        Open, &["fit", "scree"], "Chloé Martin", 23, 18),
    idea(Shoes, "Snow spikes that clip into the outsole",
        "Micro-spikes that lock into dedicated sockets instead of a rubber harness that slips off in deep snow.",
        Open, &["winter", "grip", "accessories"], "Erik Johansson", 9, 12),
    idea(Shoes, "Toe bumper that lasts more than a season",
        "My toe bumper peeled off after three months of scree. A stitched bumper would hold up better.",
        Open, &["protection", "durability"], "Grace Liu", 44, 9),
    idea(Shoes, "Kids' version of the Fernwood",
        "My children want to run with me. A small, affordable Fernwood would be perfect for family trail days.",
        Open, &["fernwood"], "Daniel Costa", 2, 6),
    idea(Shoes, "Carbon plate for race day",
        "A stiff, plated shoe for fast ultras on runnable courses.",
        Declined, &["racing"], "Felix Braun", 110, 15),
    idea(Shoes, "Colourways that hide mud",
        "Every white shoe is brown after one run. Darker, earthy colours would look better for longer.",
        Open, &["style"], "Isla Murray", 30, 3),
    idea(Gear, "Reflective heel tabs for dawn runs",
        "I start before sunrise on roads to the trailhead. Reflective tabs on shoes and vests would make me visible to cars.",
        Planned, &["safety", "visibility"], "Marta Nowak", 98, 71),
    idea(Gear, "Hydration vest with soft-flask pockets on the straps",
        "Front pockets sized for 500 ml soft flasks, so I don't need to take the vest off to refill.",
        InProgress, &["hydration", "vest"], "Ben Carter", 84, 66),
    idea(Gear, "Merino socks with a seamless toe",
        "The seam on the current socks causes blisters on long runs. Seamless merino would be perfect.",
        Shipped, &["socks", "materials"], "Sofia Rossi", 175, 54),
    idea(Gear, "Pole quiver on the vest",
        "A quiver on the back of the vest to stow folding poles on the run, without taking the vest off.",
        Open, &["vest", "poles"], "Lukas Weber", 61, 38),
    idea(Gear, "Packable rain shell under 150 g",
        "Mandatory kit lists require a taped waterproof. A very light one that fits in a vest pocket.",
        Open, &["rain", "layers"], "Emma Dubois", 19, 44),
    idea(Gear, "Running shorts with a phone pocket that doesn't bounce",
        "A snug back pocket for a big phone, so it doesn't slap my leg on every stride.",
        Open, &["shorts", "pockets"], "Noah Williams", 27, 31),
    idea(Gear, "Trail map printed on the inside of the buff",
        "A neck buff with a printed map of our signature race course. A nice souvenir, useful too.",
        Open, &["accessories"], "Olivia Brown", 140, 8),
    idea(Gear, "Headlamp mount on the vest strap",
        "A clip for a headlamp on the shoulder strap, for lighting the path without a headband.",
        Open, &["visibility", "vest"], "Mateo García", 8, 19),
    idea(Gear, "Repair kit for vest zips and buckles",
        "Spare buckles and zip pulls for the vests, so one broken part doesn't end the vest's life.",
        Open, &["repair", "sustainability"], "Ingrid Solberg", 40, 14),
    idea(Gear, "Women's-fit hydration vest",
        "A vest cut for a chest that isn't flat, with bottle pockets placed to the sides.",
        UnderReview, &["vest", "fit", "hydration"], "Amara Nwosu", 72, 59),
    idea(Gear, "Insulated mid-layer for winter ultras",
        "A breathable synthetic-insulated layer for long cold races: warm when walking, not sweaty when running.",
        Open, &["layers", "winter"], "Kasper Nielsen", 15, 0),
    idea(Gear, "Recycled packaging without plastic",
        "Shoe boxes and gear bags that can go straight into the paper recycling.",
        Shipped, &["sustainability"], "Chen Wei", 190, 27),
];

/// The statuses a demo idea went through to reach `status`, from `open`.
fn stages(status: IdeaStatus) -> &'static [IdeaStatus] {
    use IdeaStatus::*;
    match status {
        Open => &[Open],
        UnderReview => &[Open, UnderReview],
        Planned => &[Open, UnderReview, Planned],
        InProgress => &[Open, UnderReview, Planned, InProgress],
        Shipped => &[Open, UnderReview, Planned, InProgress, Shipped],
        Declined => &[Open, UnderReview, Declined],
        Duplicate => &[Open, Duplicate],
    }
}

/// What the demo brand said when an idea reached `status`.
fn status_note(status: IdeaStatus) -> &'static str {
    match status {
        IdeaStatus::Open => "",
        IdeaStatus::UnderReview => "Our product team is looking at this with the design lab.",
        IdeaStatus::Planned => "This is on the roadmap for next season's range.",
        IdeaStatus::InProgress => "Prototypes are out with our wear-test runners now.",
        IdeaStatus::Shipped => "Available now in stores and online. Thank you for pushing for it!",
        IdeaStatus::Declined => {
            "We looked hard at this, but it would cost too much durability. Thanks for asking."
        }
        IdeaStatus::Duplicate => "Merged with an existing idea, so the votes count together.",
    }
}

/// A demo comment.
struct DemoComment {
    /// The commented idea's index in [`IDEAS`].
    idea: usize,
    /// For a reply: how many entries back in [`COMMENTS`] its top-level comment is.
    reply_to: Option<usize>,
    author: &'static str,
    body: &'static str,
    hours_ago: u32,
}

const fn comment(
    idea: usize,
    reply_to: Option<usize>,
    author: &'static str,
    body: &'static str,
    hours_ago: u32,
) -> DemoComment {
    DemoComment {
        idea,
        reply_to,
        author,
        body,
        hours_ago,
    }
}

#[rustfmt::skip]
const COMMENTS: &[DemoComment] = &[
    comment(0, None, "Jonas Berg",
        "Same here. I size up half a size to get the room and then the heel slips.", 900),
    comment(0, Some(1), "Ridgeline team",
        "A wide last is on the plan for the next Summit run. Thanks for all the fit notes!", 880),
    comment(0, None, "Aiko Tanaka",
        "Please keep the wide version as light as the standard one.", 400),
    comment(1, None, "Leah Novak",
        "A removable plate would also let me dry the shoe faster after wet runs.", 700),
    comment(2, None, "Sam Ortiz",
        "Would the recycled rubber grip as well on wet rock?", 500),
    comment(2, Some(1), "Priya Raman",
        "The samples I tried were close. Worth testing on limestone.", 480),
    comment(3, None, "Maya Okafor",
        "Just ordered a 9.5. Fits perfectly, thank you!", 200),
];

#[cfg(test)]
mod tests {
    use super::*;
    use kindred_api::CreateIdea;

    #[test]
    fn demo_ideas_pass_the_submission_rules() {
        for idea in IDEAS {
            let input = CreateIdea {
                title: idea.title.into(),
                body: idea.body.into(),
                tags: idea.tags.iter().map(|t| (*t).to_owned()).collect(),
                ..CreateIdea::default()
            };
            assert_eq!(input.validate(), Ok(()), "{}", idea.title);
        }
        assert!((25..=35).contains(&IDEAS.len()));
    }

    #[test]
    fn demo_forms_pass_the_schema_rules() {
        for form in forms() {
            assert_eq!(form.validate(), Ok(()), "{}", form.schema.slug);
        }
    }

    #[test]
    fn demo_posts_pass_the_submission_rules() {
        use kindred_api::CreatePost;
        for post in POSTS {
            let input = CreatePost {
                caption: post.caption.into(),
                alt: post.alt.into(),
                product_tags: post.products.iter().map(|t| (*t).to_owned()).collect(),
                consent: true,
                website: String::new(),
            };
            assert_eq!(input.validate(), Ok(()), "{}", post.caption);
        }
        assert_eq!(POSTS.len(), 8);
    }

    #[test]
    fn demo_visitors_are_distinct_valid_ids() {
        assert_ne!(demo_visitor(1), demo_visitor(2));
        assert_eq!(
            demo_visitor(255).as_str(),
            "00000000-0000-4000-8000-0000000000ff"
        );
    }
}
