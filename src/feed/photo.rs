//! A post's photo done right: every width the server made in `srcset`, the browser's own
//! lazy loading, its width and height up front so nothing shifts when it arrives, and its
//! dominant colour painted until it does.
//!
//! The colour is an SVG `fill`, not a `style`: a page's strict `style-src` refuses inline
//! styles.

use kindred_api::{ImageSource, PostImage};
use leptos::prelude::*;

use crate::client::{ApiBase, ApiClient};

/// The `srcset` of a photo's renditions: each usable URL with its width (`url 480w, …`).
/// Renditions whose URL is unusable, or would break the list (a comma), are left out.
pub fn srcset(base: &ApiBase, sources: &[ImageSource]) -> String {
    sources
        .iter()
        .filter(|source| source.width > 0 && !source.url.contains(','))
        .filter_map(|source| Some(format!("{} {}w", base.resource(&source.url)?, source.width)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `color` when it is a CSS hex colour (`#rgb` or `#rrggbb`), the only form painted.
pub fn swatch(color: &str) -> Option<&str> {
    let digits = color.strip_prefix('#')?;
    let shaped = matches!(digits.len(), 3 | 6) && digits.chars().all(|c| c.is_ascii_hexdigit());
    shaped.then_some(color)
}

/// A post's photo, described by `alt`, sized for a slot of `sizes` (the `sizes` attribute).
#[component]
pub fn PostPhoto(
    /// The photo.
    image: PostImage,
    /// Its text alternative.
    alt: String,
    /// How wide the photo shows, for the browser to pick a rendition.
    sizes: &'static str,
) -> impl IntoView {
    let client = expect_context::<ApiClient>();
    let src = client.base().resource(&image.url);
    let srcset = srcset(client.base(), &image.srcset);
    let fill = swatch(&image.color).map(str::to_owned);
    view! {
        <div class="photo" part="photo">
            {fill.map(|fill| view! {
                <svg class="photo__swatch" viewBox="0 0 1 1" preserveAspectRatio="none" aria-hidden="true">
                    <rect width="1" height="1" fill=fill></rect>
                </svg>
            })}
            <img
                class="photo__img"
                src=src
                srcset=(!srcset.is_empty()).then_some(srcset)
                sizes=sizes
                width=image.width
                height=image.height
                alt=alt
                loading="lazy"
                decoding="async"
                draggable="false"
            />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(url: &str, width: u32) -> ImageSource {
        ImageSource {
            url: url.into(),
            width,
        }
    }

    #[test]
    fn srcset_lists_each_usable_rendition_with_its_width() {
        let base = ApiBase::parse("https://api.example.com/k").unwrap();
        let sources = [
            source("/v1/media/a.jpg", 480),
            source("javascript:alert(1)", 600),
            source("/v1/media/b,c.jpg", 720),
            source("/v1/media/zero.jpg", 0),
            source("https://cdn.example.com/d.jpg", 1080),
        ];
        assert_eq!(
            srcset(&base, &sources),
            "https://api.example.com/k/v1/media/a.jpg 480w, https://cdn.example.com/d.jpg 1080w"
        );
        assert_eq!(srcset(&base, &[]), "");
    }

    #[test]
    fn only_hex_colours_are_painted() {
        assert_eq!(swatch("#70626d"), Some("#70626d"));
        assert_eq!(swatch("#ABC"), Some("#ABC"));
        for bad in [
            "70626d",
            "#7062",
            "red",
            "#zzzzzz",
            "#fff;background:url(x)",
            "",
        ] {
            assert_eq!(swatch(bad), None, "{bad}");
        }
    }
}
