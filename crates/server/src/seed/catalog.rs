//! The demo brand's product catalog: every product its posts tag, with a page in the brand's
//! (imaginary) shop and a picture, so "shop this look" has something real to show.
//!
//! The pictures are drawn in code, like the demo's landscapes: a shoe, a pair of socks, a vest
//! or a rain shell in the product's colour on a light studio background. They go through the
//! upload pipeline ([`crate::media`]) and are served from `/v1/media/` like post photos; at
//! 320 px square they get a single rendition, their own width, which the product's `image`
//! names.

use image::{Rgb, RgbImage};
use kindred_api::Product;
use tokio::sync::OnceCell;

use super::rendered_once;
use crate::error::{Error, Result};
use crate::media::{storage, Processed, Storage};
use crate::store::conn::Conn;
use crate::store::products;

/// Side of the square product pictures, in pixels.
const SIDE: u32 = 320;

/// Where the demo brand's product pages live.
const SHOP: &str = "https://ridgeline.example/products";

/// What a product picture shows.
#[derive(Clone, Copy, Debug)]
enum Kind {
    /// A trail shoe from the side, toe to the right.
    Shoe,
    /// A sock from the side.
    Sock,
    /// A running vest from the front, with its flask pockets.
    Vest,
    /// A hooded rain shell from the front.
    Shell,
}

/// A product of the demo catalog.
struct DemoProduct {
    slug: &'static str,
    name: &'static str,
    kind: Kind,
    colour: [u8; 3],
}

/// The catalog in the order the widget shows it. It covers every product tag of the demo's
/// posts, and the trail archive's draw on it.
#[rustfmt::skip]
const PRODUCTS: [DemoProduct; 8] = [
    DemoProduct { slug: "summit-3", name: "Summit 3 trail shoe", kind: Kind::Shoe, colour: [232, 112, 44] },
    DemoProduct { slug: "summit-3-gtx", name: "Summit 3 GTX waterproof trail shoe", kind: Kind::Shoe, colour: [70, 82, 96] },
    DemoProduct { slug: "scree", name: "Scree mountain shoe", kind: Kind::Shoe, colour: [196, 46, 52] },
    DemoProduct { slug: "fernwood", name: "Fernwood forest trail shoe", kind: Kind::Shoe, colour: [64, 128, 78] },
    DemoProduct { slug: "merino-socks", name: "Merino trail socks", kind: Kind::Sock, colour: [108, 126, 150] },
    DemoProduct { slug: "hydration-vest", name: "Hydration vest 8 L", kind: Kind::Vest, colour: [30, 140, 142] },
    DemoProduct { slug: "packable-shell", name: "Packable rain shell", kind: Kind::Shell, colour: [44, 96, 188] },
    DemoProduct { slug: "ridge-racer", name: "Ridge Racer race shoe", kind: Kind::Shoe, colour: [238, 196, 40] },
];

/// The slugs of the catalog, in its order.
pub(super) fn slugs() -> impl Iterator<Item = &'static str> {
    PRODUCTS.iter().map(|product| product.slug)
}

/// Stores the catalog's pictures in `media` and the catalog on site `site_id`; answers how
/// many products it wrote.
pub(super) async fn write(conn: &mut Conn<'_>, media: &Storage, site_id: i64) -> Result<usize> {
    let pictures = pictures().await?;
    let mut catalog = Vec::with_capacity(PRODUCTS.len());
    for (product, picture) in PRODUCTS.iter().zip(pictures) {
        media.save(&picture.renditions).await?;
        let rendition = picture
            .renditions
            .last()
            .ok_or_else(|| Error::Internal(format!("{} has no picture", product.slug)))?;
        catalog.push(Product {
            slug: product.slug.to_owned(),
            name: product.name.to_owned(),
            url: format!("{SHOP}/{}", product.slug),
            image: Some(storage::url(&rendition.file)),
        });
    }
    products::replace(conn, site_id, &catalog).await?;
    Ok(catalog.len())
}

/// The products' pictures with their renditions, one per product of [`PRODUCTS`] in order.
async fn pictures() -> Result<&'static [Processed]> {
    static PICTURES: OnceCell<Vec<Processed>> = OnceCell::const_new();
    let draws = PRODUCTS.iter().map(|product| {
        let (kind, colour) = (product.kind, product.colour);
        move || picture(kind, colour)
    });
    rendered_once(&PICTURES, draws).await
}

/// What paints a pixel of a product picture.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Paint {
    /// The product's colour.
    Body,
    /// A darker shade of it: seams, cuffs, hems.
    Trim,
    /// Near white: midsoles, laces, pockets.
    Light,
    /// Near black: outsoles and zips.
    Dark,
}

/// A product of `kind` in `colour`, centred on a light background with a soft shadow.
fn picture(kind: Kind, colour: [u8; 3]) -> RgbImage {
    RgbImage::from_fn(SIDE, SIDE, |x, y| {
        let (fx, fy) = (x as f32 / SIDE as f32, y as f32 / SIDE as f32);
        let paint = match kind {
            Kind::Shoe => shoe(fx, fy),
            Kind::Sock => sock(fx, fy),
            Kind::Vest => vest(fx, fy),
            Kind::Shell => shell(fx, fy),
        };
        Rgb(match paint {
            Some(Paint::Body) => colour,
            Some(Paint::Trim) => shade(colour, 0.7),
            Some(Paint::Light) => [238, 234, 226],
            Some(Paint::Dark) => [38, 38, 42],
            None if ellipse(fx, fy, (0.5, 0.86), (0.36, 0.04)) => [214, 208, 198],
            None => [243, 240, 234],
        })
    })
}

/// A trail shoe from the side: lugged outsole, midsole, and an upper whose top falls from the
/// heel counter past the ankle opening and along the laces to the toe.
fn shoe(fx: f32, fy: f32) -> Option<Paint> {
    if !(0.10..=0.90).contains(&fx) {
        return None;
    }
    let top = if fx < 0.38 {
        0.32 + 0.06 * (std::f32::consts::PI * (fx - 0.10) / 0.28).sin()
    } else {
        0.34 + 0.24 * ((fx - 0.38) / 0.52).powf(1.4)
    };
    let inside_lugs = (0.12..=0.88).contains(&fx) && (fx * 40.0).fract() < 0.5;
    if (0.70..0.76).contains(&fy) || ((0.76..0.79).contains(&fy) && inside_lugs) {
        Some(Paint::Dark)
    } else if (0.64..0.70).contains(&fy) {
        Some(Paint::Light)
    } else if fy >= top && fy < 0.64 {
        let lace = (0.42..0.74).contains(&fx) && fy - top < 0.035 && (fx * 30.0).fract() < 0.35;
        let stripe = (0.30..0.80).contains(&fx) && (fy - (0.62 - 0.14 * fx)).abs() < 0.015;
        if lace || stripe {
            Some(Paint::Light)
        } else if fx < 0.17 || (fy > 0.58 && fx > 0.80) {
            Some(Paint::Trim)
        } else {
            Some(Paint::Body)
        }
    } else {
        None
    }
}

/// A sock from the side: a ribbed cuff, the leg, and a foot with darker heel and toe.
fn sock(fx: f32, fy: f32) -> Option<Paint> {
    let leg = (0.36..=0.58).contains(&fx) && (0.12..=0.62).contains(&fy);
    let foot = (0.36..=0.74).contains(&fx) && (0.50..=0.72).contains(&fy);
    let toe = ellipse(fx, fy, (0.74, 0.61), (0.10, 0.11));
    let heel = ellipse(fx, fy, (0.44, 0.64), (0.07, 0.08));
    if !(leg || foot || toe || heel) {
        None
    } else if fy < 0.22 {
        let rib = (fx * 60.0).fract() < 0.5;
        Some(if rib { Paint::Trim } else { Paint::Body })
    } else if heel || fx > 0.70 {
        Some(Paint::Trim)
    } else {
        Some(Paint::Body)
    }
}

/// A running vest from the front: a V neck, armholes, two flask pockets and a darker hem.
fn vest(fx: f32, fy: f32) -> Option<Paint> {
    let body = (0.28..=0.72).contains(&fx) && (0.18..=0.78).contains(&fy);
    let neck = fy < 0.46 - 2.0 * (fx - 0.5).abs();
    let armhole =
        ellipse(fx, fy, (0.28, 0.36), (0.08, 0.15)) || ellipse(fx, fy, (0.72, 0.36), (0.08, 0.15));
    if !body || neck || armhole {
        None
    } else if ((0.34..0.44).contains(&fx) || (0.56..0.66).contains(&fx))
        && (0.44..0.60).contains(&fy)
    {
        Some(Paint::Light)
    } else if fy > 0.73 {
        Some(Paint::Trim)
    } else {
        Some(Paint::Body)
    }
}

/// A hooded rain shell from the front: body, sleeves hanging outwards, hood and zip.
fn shell(fx: f32, fy: f32) -> Option<Paint> {
    let body = (0.30..=0.70).contains(&fx) && (0.24..=0.82).contains(&fy);
    let sleeve = |shoulder: (f32, f32), cuff: (f32, f32)| {
        let (dx, dy) = (cuff.0 - shoulder.0, cuff.1 - shoulder.1);
        let t = (((fx - shoulder.0) * dx + (fy - shoulder.1) * dy) / (dx * dx + dy * dy))
            .clamp(0.0, 1.0);
        let distance = (fx - shoulder.0 - t * dx).hypot(fy - shoulder.1 - t * dy);
        (distance < 0.07).then_some(t)
    };
    let arm = sleeve((0.33, 0.30), (0.17, 0.74)).or_else(|| sleeve((0.67, 0.30), (0.83, 0.74)));
    let hood = ellipse(fx, fy, (0.5, 0.25), (0.14, 0.12)) && fy < 0.27;
    if (fx - 0.5).abs() < 0.007 && (0.28..0.82).contains(&fy) {
        Some(Paint::Dark)
    } else if hood || arm.is_some_and(|t| t > 0.88) || (body && fy > 0.78) {
        Some(Paint::Trim)
    } else if body || arm.is_some() {
        Some(Paint::Body)
    } else {
        None
    }
}

/// Whether (`fx`, `fy`) lies in the ellipse at `centre` with radii `radii`.
fn ellipse(fx: f32, fy: f32, centre: (f32, f32), radii: (f32, f32)) -> bool {
    let (dx, dy) = ((fx - centre.0) / radii.0, (fy - centre.1) / radii.1);
    dx * dx + dy * dy <= 1.0
}

/// `colour` scaled by `factor` (below 1 darkens).
fn shade(colour: [u8; 3], factor: f32) -> [u8; 3] {
    colour.map(|channel| (f32::from(channel) * factor).clamp(0.0, 255.0) as u8)
}

#[cfg(test)]
mod tests {
    use kindred_api::product::validate_catalog;

    use super::*;

    #[test]
    fn the_catalog_is_valid_and_covers_every_demo_post() {
        let catalog: Vec<Product> = PRODUCTS
            .iter()
            .map(|product| Product {
                slug: product.slug.to_owned(),
                name: product.name.to_owned(),
                url: format!("{SHOP}/{}", product.slug),
                image: Some(storage::url("0123456789abcdef0123456789abcdef.jpg")),
            })
            .collect();
        assert_eq!(validate_catalog(&catalog), Ok(()));
        for post in super::super::POSTS {
            for tag in post.products {
                assert!(slugs().any(|slug| slug == *tag), "{tag}");
            }
        }
    }

    #[test]
    fn every_picture_shows_its_product_on_the_background() {
        for product in &PRODUCTS {
            let image = picture(product.kind, product.colour);
            let painted = image.pixels().filter(|p| p.0 == product.colour).count();
            let share = painted as f32 / (SIDE * SIDE) as f32;
            assert!((0.05..0.5).contains(&share), "{}: {share}", product.slug);
            assert_eq!(image.get_pixel(2, 2).0, [243, 240, 234]);
        }
    }
}
