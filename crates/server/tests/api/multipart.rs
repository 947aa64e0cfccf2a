//! Test fixtures for uploads: feeds to post to, photos made in memory (with metadata a
//! server must strip, or headers a server must refuse) and `multipart/form-data` bodies.

use std::io::Cursor;

use axum::body::Body;
use axum::http::{header, Method, StatusCode};
use image::{ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};
use kindred_server::store::feeds::{NewFeed, DEFAULT_REPORT_THRESHOLD};

use crate::common::{request, Backend, TestApp, TestResponse};

/// A feed anyone may post to.
pub const OPEN_FEED: &str = "photos";
/// A feed only signed-in users may post to.
pub const MEMBERS_FEED: &str = "members-photos";
/// A feed whose posts wait for review.
pub const REVIEWED_FEED: &str = "reviewed-photos";
/// The multipart boundary of every test body.
const BOUNDARY: &str = "kindred-test-boundary-7MA4YWxkTrZu0gW";

/// One part of a form.
pub enum Part<'a> {
    /// A text field.
    Text(&'a str, &'a str),
    /// A file: field name, file name, declared content type, bytes.
    File(&'a str, &'a str, &'a str, Vec<u8>),
}

/// A `multipart/form-data` body of `parts`.
pub fn form(parts: &[Part<'_>]) -> Vec<u8> {
    let mut body = Vec::new();
    for part in parts {
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match part {
            Part::Text(name, value) => {
                body.extend_from_slice(
                    format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}")
                        .as_bytes(),
                );
            }
            Part::File(name, file, content_type, bytes) => {
                body.extend_from_slice(
                    format!(
                        "Content-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\n\
                         Content-Type: {content_type}\r\n\r\n"
                    )
                    .as_bytes(),
                );
                body.extend_from_slice(bytes);
            }
        }
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

/// A `POST` of a body from [`form`] to `uri` as `visitor`, ready for more headers.
pub fn multipart_post(uri: &str, visitor: Option<&str>) -> axum::http::request::Builder {
    request(Method::POST, uri, visitor).header(
        header::CONTENT_TYPE,
        format!("multipart/form-data; boundary={BOUNDARY}"),
    )
}

/// The parts of a valid post with `image`, `caption` and product tags.
pub fn post_parts<'a>(image: Vec<u8>, caption: &'a str, products: &'a str) -> Vec<Part<'a>> {
    vec![
        Part::File("image", "photo.png", "image/png", image),
        Part::Text("caption", caption),
        Part::Text("alt", "A runner on a ridge"),
        Part::Text("product_tags", products),
        Part::Text("consent", "true"),
    ]
}

/// A PNG of `width`×`height` with a smooth gradient.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    encode(&gradient(width, height), ImageFormat::Png)
}

/// A gradient photo, so renditions have something to show.
pub fn gradient(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        Rgb([(x * 255 / width) as u8, (y * 255 / height) as u8, 140])
    })
}

/// `image` encoded as `format`.
pub fn encode(image: &RgbImage, format: ImageFormat) -> Vec<u8> {
    let mut bytes = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut bytes), format)
        .unwrap();
    bytes
}

/// A half-transparent RGBA PNG.
pub fn transparent_png(width: u32, height: u32) -> Vec<u8> {
    let image = RgbaImage::from_pixel(width, height, Rgba([0, 0, 255, 0]));
    let mut bytes = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
        .unwrap();
    bytes
}

/// A lossless WebP of `width`×`height`.
pub fn webp(width: u32, height: u32) -> Vec<u8> {
    encode(&gradient(width, height), ImageFormat::WebP)
}

/// A JPEG carrying an EXIF segment with `marker` in it, right after its start marker.
pub fn jpeg_with_exif(width: u32, height: u32, marker: &str) -> Vec<u8> {
    let jpeg = encode(&gradient(width, height), ImageFormat::Jpeg);
    let mut payload = b"Exif\0\0".to_vec();
    payload.extend_from_slice(marker.as_bytes());
    let length = u16::try_from(payload.len() + 2).unwrap().to_be_bytes();
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1, length[0], length[1]]);
    out.extend_from_slice(&payload);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// A PNG carrying a `tEXt` chunk with `marker` in it, right after its header.
pub fn png_with_text(width: u32, height: u32, marker: &str) -> Vec<u8> {
    let png = png(width, height);
    // Signature (8 bytes) and IHDR (4 length + 4 type + 13 data + 4 CRC).
    let header_end = 8 + 25;
    let mut text = b"Comment\0".to_vec();
    text.extend_from_slice(marker.as_bytes());
    let mut out = png[..header_end].to_vec();
    out.extend_from_slice(&chunk(b"tEXt", &text));
    out.extend_from_slice(&png[header_end..]);
    out
}

/// A small PNG padded with a `tEXt` chunk to exactly `bytes` bytes (at least a few hundred).
pub fn png_of_size(bytes: usize) -> Vec<u8> {
    // The chunk adds its length, type and CRC (12 bytes) and the keyword `Comment\0` (8).
    let padding = bytes - png(40, 30).len() - 20;
    let padded = png_with_text(40, 30, &"x".repeat(padding));
    assert_eq!(padded.len(), bytes);
    padded
}

/// A PNG whose header claims `width`×`height` pixels but whose data is a few bytes: what a
/// decompression bomb looks like before it is decoded.
pub fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut header = Vec::new();
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    header.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend_from_slice(&chunk(b"IHDR", &header));
    out.extend_from_slice(&chunk(
        b"IDAT",
        &[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    ));
    out.extend_from_slice(&chunk(b"IEND", &[]));
    out
}

/// A PNG chunk with its length and CRC.
fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[4..]);
    out.extend_from_slice(&crc.to_be_bytes());
    out
}

/// CRC-32 (IEEE), as PNG chunks carry it.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFF_u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

impl TestApp {
    /// [`TestApp::with_boards`] plus feeds [`OPEN_FEED`], [`MEMBERS_FEED`] and
    /// [`REVIEWED_FEED`].
    pub async fn with_feeds(backend: Backend) -> Self {
        Self::with_feeds_configured(backend, |_| {}).await
    }

    /// [`TestApp::with_feeds`], with the configuration adjusted by `adjust`.
    pub async fn with_feeds_configured(
        backend: Backend,
        adjust: impl FnOnce(&mut kindred_server::Config),
    ) -> Self {
        let app = Self::with_boards_configured(backend, adjust).await;
        let site_id = app.scalar("SELECT id FROM sites WHERE slug = 'acme'").await;
        for (position, (slug, anonymous, premoderation)) in [
            (OPEN_FEED, true, false),
            (MEMBERS_FEED, false, false),
            (REVIEWED_FEED, true, true),
        ]
        .into_iter()
        .enumerate()
        {
            app.state
                .store
                .create_feed(&NewFeed {
                    site_id,
                    slug,
                    name: slug,
                    description: "",
                    allow_anonymous_posts: anonymous,
                    premoderation,
                    report_threshold: DEFAULT_REPORT_THRESHOLD,
                    consent: "",
                    position: position as i64,
                })
                .await
                .unwrap();
        }
        app
    }

    /// Posts `body` (a form from [`form`]) to `feed` as `visitor`.
    pub async fn upload(&self, feed: &str, visitor: Option<&str>, body: Vec<u8>) -> TestResponse {
        let uri = format!("/v1/feeds/{feed}/posts");
        self.send(
            multipart_post(&uri, visitor)
                .body(Body::from(body))
                .unwrap(),
        )
        .await
    }

    /// Posts a small photo with `caption` and `products` to `feed` as `visitor`, answering the
    /// post's id.
    pub async fn create_post(
        &self,
        feed: &str,
        visitor: &str,
        caption: &str,
        products: &str,
    ) -> String {
        let body = form(&post_parts(png(40, 30), caption, products));
        let response = self.upload(feed, Some(visitor), body).await;
        assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
        response.json()["id"].as_str().unwrap().to_owned()
    }
}
