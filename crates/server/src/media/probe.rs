//! What an upload is, judged from its first bytes and its header alone: the format by magic
//! bytes, and whether its dimensions are within the caps, before anything is decoded.
//!
//! A decompression bomb is a small file that claims huge dimensions; checking the header's
//! width and height first means one is refused without allocating its pixels.

use image::ImageFormat;

use crate::media::MediaError;

/// Most pixels on either side of an accepted image.
pub const MAX_SIDE: u32 = 8_000;
/// Most pixels in an accepted image (40 megapixels).
pub const MAX_PIXELS: u64 = 40_000_000;

/// The formats accepted for uploads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// JPEG (`FF D8 FF`).
    Jpeg,
    /// PNG (`89 50 4E 47 0D 0A 1A 0A`).
    Png,
    /// WebP (`RIFF`, a length, `WEBP`).
    WebP,
}

impl From<Format> for ImageFormat {
    fn from(format: Format) -> Self {
        match format {
            Format::Jpeg => Self::Jpeg,
            Format::Png => Self::Png,
            Format::WebP => Self::WebP,
        }
    }
}

impl Format {
    /// Every accepted format: what [`sniff`] recognises, and what a feed tells the widget
    /// it takes ([`media_types`]).
    pub const ALL: [Format; 3] = [Self::Jpeg, Self::Png, Self::WebP];

    /// Whether `bytes` start with the format's magic bytes.
    fn starts(self, bytes: &[u8]) -> bool {
        match self {
            Self::Jpeg => bytes.starts_with(&[0xFF, 0xD8, 0xFF]),
            Self::Png => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            Self::WebP => {
                bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP"
            }
        }
    }

    /// The format's media type, as an image answer describes it.
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
            Self::WebP => "image/webp",
        }
    }
}

/// The format `bytes` are in, from their magic bytes only; `None` for anything else.
pub fn sniff(bytes: &[u8]) -> Option<Format> {
    Format::ALL.into_iter().find(|format| format.starts(bytes))
}

/// The media types of every accepted format, in the order of [`Format::ALL`].
pub fn media_types() -> Vec<String> {
    Format::ALL
        .iter()
        .map(|format| format.media_type().to_owned())
        .collect()
}

/// Refuses dimensions over [`MAX_SIDE`] on either side or [`MAX_PIXELS`] in all.
pub fn check_dimensions(width: u32, height: u32) -> Result<(), MediaError> {
    let pixels = u64::from(width) * u64::from(height);
    if width > MAX_SIDE || height > MAX_SIDE || pixels > MAX_PIXELS {
        Err(MediaError::TooLarge)
    } else if pixels == 0 {
        Err(MediaError::Invalid("the image has no pixels".into()))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_magic_bytes() {
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0rest"), Some(Format::Jpeg));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some(Format::Png));
        assert_eq!(sniff(b"RIFF\x10\0\0\0WEBPVP8 "), Some(Format::WebP));
        for other in [
            &b""[..],
            b"GIF89a",
            b"RIFF\x10\0\0\0WAVEfmt ",
            b"<svg xmlns=",
            b"\x89PNG",
        ] {
            assert_eq!(sniff(other), None, "{other:?}");
        }
    }

    #[test]
    fn the_accepted_types_are_the_sniffed_formats() {
        assert_eq!(media_types(), ["image/jpeg", "image/png", "image/webp"]);
    }

    #[test]
    fn dimensions_are_capped_per_side_and_in_total() {
        assert!(check_dimensions(8_000, 5_000).is_ok());
        assert_eq!(check_dimensions(8_001, 10), Err(MediaError::TooLarge));
        assert!(check_dimensions(7_000, 7_000).is_err());
        assert!(check_dimensions(0, 10).is_err());
    }
}
