//! Decoding an accepted upload and re-encoding it as the renditions a feed serves.
//!
//! Widths: a photo is served at [`WIDTHS`] (480 and 1080 px), never upscaled. The largest
//! rendition is the original width capped at 1080; every listed width below it is added.
//! So a photo at least 1080 px wide gets 480 and 1080, one between 481 and 1079 px gets 480
//! and its own width, and one of 480 px or less gets its own width only. Every rendition
//! keeps the aspect ratio (after the EXIF orientation is applied) and is a baseline JPEG at
//! [`JPEG_QUALITY`]; transparent pixels are flattened onto white.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageReader, Limits, RgbImage, RgbaImage};
use sha2::{Digest, Sha256};

use kindred_api::PostImage;

use crate::media::probe::{self, Format, MAX_SIDE};
use crate::media::storage;
use crate::media::MediaError;

/// The widths renditions are made at, narrowest first; the last is the largest served.
pub const WIDTHS: [u32; 2] = [480, 1080];
/// JPEG quality of every rendition.
pub const JPEG_QUALITY: u8 = 82;
/// Most bytes a decoder may allocate (40 megapixels of RGBA, with room to spare).
pub const MAX_DECODE_ALLOC: u64 = 256 * 1024 * 1024;

/// A processed upload: its renditions, narrowest first, and its dominant colour.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Processed {
    /// One JPEG per width of [`rendition_widths`].
    pub renditions: Vec<Rendition>,
    /// The dominant colour as `#rrggbb`.
    pub color: String,
}

impl Processed {
    /// The photo as the API shows it once its renditions are stored; `None` without any.
    pub fn image(&self) -> Option<PostImage> {
        let renditions: Vec<(u32, u32, String)> = self
            .renditions
            .iter()
            .map(|r| (r.width, r.height, r.file.clone()))
            .collect();
        storage::post_image(&renditions, self.color.clone())
    }
}

/// One width of a photo, encoded.
#[derive(Clone, PartialEq, Eq)]
pub struct Rendition {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The content-hashed file name it is stored and served under.
    pub file: String,
    /// The JPEG bytes.
    pub bytes: Vec<u8>,
}

impl std::fmt::Debug for Rendition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rendition")
            .field("width", &self.width)
            .field("height", &self.height)
            .field("file", &self.file)
            .field("bytes", &self.bytes.len())
            .finish()
    }
}

/// The widths a photo `original` pixels wide is served at (see the module's rule).
pub fn rendition_widths(original: u32) -> Vec<u32> {
    let largest = original.min(WIDTHS[WIDTHS.len() - 1]);
    let mut widths: Vec<u32> = WIDTHS.into_iter().filter(|&w| w < largest).collect();
    widths.push(largest);
    widths
}

/// Decodes `bytes` (already sniffed as `format`) and makes its renditions. CPU-bound: run
/// it off the async runtime.
pub fn process(bytes: &[u8], format: Format) -> Result<Processed, MediaError> {
    from_pixels(&decode(bytes, format)?)
}

/// Makes the renditions of decoded pixels, narrowest first, and their colour. The demo data
/// draws its photos in memory and comes in here.
pub fn from_pixels(image: &RgbImage) -> Result<Processed, MediaError> {
    let renditions = rendition_widths(image.width())
        .into_iter()
        .map(|width| encode(image, width))
        .collect::<Result<_, _>>()?;
    Ok(Processed {
        renditions,
        color: dominant_color(image),
    })
}

/// The upload's pixels, upright and opaque. Its header's dimensions are checked before the
/// pixels are decoded, and the decoder runs under limits as well.
fn decode(bytes: &[u8], format: Format) -> Result<RgbImage, MediaError> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format.into());
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_ALLOC);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(decode_error)?;
    let (width, height) = decoder.dimensions();
    probe::check_dimensions(width, height)?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(decode_error)?;
    image.apply_orientation(orientation);
    Ok(if image.color().has_alpha() {
        flatten(&image.into_rgba8())
    } else {
        image.into_rgb8()
    })
}

fn decode_error(error: image::ImageError) -> MediaError {
    match error {
        image::ImageError::Limits(_) => MediaError::TooLarge,
        other => MediaError::Invalid(other.to_string()),
    }
}

/// `image` composited onto white, so transparent areas do not turn black in a JPEG.
fn flatten(image: &RgbaImage) -> RgbImage {
    RgbImage::from_fn(image.width(), image.height(), |x, y| {
        let [r, g, b, a] = image.get_pixel(x, y).0;
        let over_white = |c: u8| {
            let (c, a) = (u32::from(c), u32::from(a));
            // Rounded (c·a + 255·(255 − a)) / 255, always within 0..=255.
            u8::try_from((c * a + 255 * (255 - a) + 127) / 255).unwrap_or(u8::MAX)
        };
        image::Rgb([over_white(r), over_white(g), over_white(b)])
    })
}

/// `image` scaled to `width` (never up) and encoded as JPEG under its content hash.
fn encode(image: &RgbImage, width: u32) -> Result<Rendition, MediaError> {
    let scaled;
    let source = if width == image.width() {
        image
    } else {
        let height = scaled_height(image.width(), image.height(), width);
        scaled = image::imageops::resize(image, width, height, FilterType::CatmullRom);
        &scaled
    };
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(&mut bytes, JPEG_QUALITY)
        .encode_image(source)
        .map_err(|error| MediaError::Invalid(error.to_string()))?;
    let digest = Sha256::digest(&bytes);
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    Ok(Rendition {
        width: source.width(),
        height: source.height(),
        file: format!("{hex}.jpg"),
        bytes,
    })
}

/// The height that keeps the aspect ratio of `width`×`height` at `to_width`, at least 1.
fn scaled_height(width: u32, height: u32, to_width: u32) -> u32 {
    let scaled =
        (u64::from(height) * u64::from(to_width) + u64::from(width) / 2) / u64::from(width);
    u32::try_from(scaled.max(1)).unwrap_or(u32::MAX)
}

/// The photo's dominant colour as `#rrggbb`: the mean of its pixels after a downscale to at
/// most 32 px a side, which smooths out noise and costs little.
fn dominant_color(image: &RgbImage) -> String {
    let small = image::imageops::thumbnail(image, image.width().min(32), image.height().min(32));
    let count = u64::from(small.width()) * u64::from(small.height());
    let mut sums = [0_u64; 3];
    for pixel in small.pixels() {
        for (sum, channel) in sums.iter_mut().zip(pixel.0) {
            *sum += u64::from(channel);
        }
    }
    let mean = |sum: u64| sum / count.max(1);
    format!(
        "#{:02x}{:02x}{:02x}",
        mean(sums[0]),
        mean(sums[1]),
        mean(sums[2])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_never_upscale_and_give_two_from_481_px() {
        assert_eq!(rendition_widths(4_000), [480, 1080]);
        assert_eq!(rendition_widths(1_080), [480, 1080]);
        assert_eq!(rendition_widths(800), [480, 800]);
        assert_eq!(rendition_widths(480), [480]);
        assert_eq!(rendition_widths(200), [200]);
    }

    #[test]
    fn heights_keep_the_aspect_ratio() {
        assert_eq!(scaled_height(1_200, 800, 480), 320);
        assert_eq!(scaled_height(8_000, 1, 480), 1);
    }

    #[test]
    fn colour_is_the_mean_and_transparency_is_white() {
        let red = RgbImage::from_pixel(40, 10, image::Rgb([200, 10, 20]));
        assert_eq!(dominant_color(&red), "#c80a14");
        let clear = RgbaImage::from_pixel(2, 2, image::Rgba([0, 0, 0, 0]));
        assert_eq!(flatten(&clear).get_pixel(0, 0).0, [255, 255, 255]);
    }

    #[test]
    fn renditions_are_jpegs_named_by_their_content() {
        let image = RgbImage::from_fn(600, 300, |x, _| image::Rgb([(x % 256) as u8, 90, 30]));
        let processed = from_pixels(&image).unwrap();
        let sizes: Vec<(u32, u32)> = processed
            .renditions
            .iter()
            .map(|r| (r.width, r.height))
            .collect();
        assert_eq!(sizes, [(480, 240), (600, 300)]);
        for rendition in &processed.renditions {
            assert!(rendition.bytes.starts_with(&[0xFF, 0xD8, 0xFF]));
            assert!(crate::media::storage::is_file_name(&rendition.file));
        }
    }
}
