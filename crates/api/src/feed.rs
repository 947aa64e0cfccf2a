//! UGC feeds: posts (a photo with a caption) as a list or lightbox shows them, what a visitor
//! uploads, likes and reports.
//!
//! A post is created by a `multipart/form-data` upload; [`CreatePost`] holds its text fields
//! so the widget's form and the server check them by the same rules.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::idea::{Author, UnknownVariant};
use crate::validate::{self, FieldErrors};

/// A post's identifier. Opaque text on the wire so backends with any id scheme fit.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PostId(pub String);

impl fmt::Display for PostId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<i64> for PostId {
    fn from(id: i64) -> Self {
        Self(id.to_string())
    }
}

/// A post as the API returns it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Post {
    /// Identifier.
    pub id: PostId,
    /// Plain-text caption; may be empty.
    pub caption: String,
    /// Text alternative of the image, for screen readers.
    pub alt: String,
    /// Hashtags of the caption (`#word`), lowercased, in order; `?tag=` filters by them.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Slugs of the brand's products shown in the photo; `?product=` filters by them.
    #[serde(default)]
    pub product_tags: Vec<String>,
    /// The photo, in the widths it is served at.
    pub image: PostImage,
    /// Number of distinct likers.
    pub like_count: u32,
    /// Whether the identity that asked likes it.
    pub liked: bool,
    /// Who posted it.
    pub author: Author,
    /// Creation time, RFC 3339 in UTC.
    pub created_at: String,
    /// Where the post was first published, when it came from elsewhere (another network,
    /// the brand's own site); none for a post shared through the widget. Sent only when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<PostSource>,
    /// Whether the post waits for a moderator before it is listed; only its author sees it
    /// meanwhile. Sent only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pending_review: bool,
}

/// Where a post was first published.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostSource {
    /// The place's name as people know it: "Instagram", "Ridgeline Journal".
    pub name: String,
    /// The post there, an `http(s)` URL, when it can be linked to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A post's photo: its largest rendition, every rendition for `srcset`, and a placeholder
/// colour to paint while it loads.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostImage {
    /// URL of the largest rendition.
    pub url: String,
    /// Width of the largest rendition, in pixels.
    pub width: u32,
    /// Height of the largest rendition, in pixels (the aspect ratio of every rendition).
    pub height: u32,
    /// Every rendition, narrowest first, for `srcset` (`url` then `width` followed by `w`).
    pub srcset: Vec<ImageSource>,
    /// The photo's dominant colour as `#rrggbb`, for a placeholder.
    pub color: String,
}

/// One width a photo is served at.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageSource {
    /// URL of the rendition.
    pub url: String,
    /// Its width in pixels.
    pub width: u32,
}

/// The text fields of `POST /v1/feeds/{feed}/posts`, sent as `multipart/form-data` parts
/// beside the `image` file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatePost {
    /// Plain-text caption; may be empty.
    #[serde(default)]
    pub caption: String,
    /// Text alternative of the image; required.
    #[serde(default)]
    pub alt: String,
    /// Slugs of the products shown.
    #[serde(default)]
    pub product_tags: Vec<String>,
    /// The author confirms they own the photo and let the brand show it; must be true.
    #[serde(default)]
    pub consent: bool,
    /// A honeypot for bots: must stay empty. A submission that fills it is answered like a
    /// success and discarded.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub website: String,
}

/// Limits of a post, shared by the widget's form and the server.
pub mod limits {
    /// Most characters in a caption.
    pub const CAPTION_MAX: usize = 2_000;
    /// Most characters in an alt text (at least one is required).
    pub const ALT_MAX: usize = 300;
    /// Most product tags on one post.
    pub const PRODUCT_TAGS_MAX: usize = 10;
    /// Most characters in a report's note.
    pub const REPORT_NOTE_MAX: usize = 500;
}

impl CreatePost {
    /// Checks the fields against [`limits`], answering per-field error codes. The image
    /// itself is checked by the server.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        validate::text(
            &mut errors,
            "caption",
            &self.caption,
            0,
            limits::CAPTION_MAX,
        );
        validate::text(&mut errors, "alt", &self.alt, 1, limits::ALT_MAX);
        if self.product_tags.len() > limits::PRODUCT_TAGS_MAX {
            validate::push(&mut errors, "product_tags", validate::TOO_MANY);
        }
        if !self.product_tags.iter().all(|tag| validate::is_slug(tag)) {
            validate::push(&mut errors, "product_tags", validate::INVALID);
        }
        if !self.consent {
            validate::push(&mut errors, "consent", validate::REQUIRED);
        }
        validate::finish(errors)
    }
}

/// The answer to `PUT` and `DELETE /v1/posts/{id}/like`: the post's count and the caller's like.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LikeState {
    /// The post liked.
    pub post_id: PostId,
    /// Distinct likers after the request.
    pub like_count: u32,
    /// Whether the caller now likes the post.
    pub liked: bool,
}

/// Why a post is reported.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportReason {
    /// Advertising or junk.
    Spam,
    /// Hateful, violent or otherwise offensive.
    Offensive,
    /// Posted without the rights to the photo.
    Rights,
    /// Anything else; the note says what.
    Other,
}

impl ReportReason {
    /// Every reason.
    pub const ALL: [ReportReason; 4] = [Self::Spam, Self::Offensive, Self::Rights, Self::Other];

    /// The wire spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Spam => "spam",
            Self::Offensive => "offensive",
            Self::Rights => "rights",
            Self::Other => "other",
        }
    }
}

impl FromStr for ReportReason {
    type Err = UnknownVariant;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|reason| reason.as_str() == s)
            .ok_or(UnknownVariant)
    }
}

/// The body of `POST /v1/posts/{id}/reports`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateReport {
    /// Why the post is reported.
    pub reason: ReportReason,
    /// Optional words for the moderators.
    #[serde(default)]
    pub note: String,
}

impl CreateReport {
    /// Checks the note's length, answering per-field error codes.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        validate::text(&mut errors, "note", &self.note, 0, limits::REPORT_NOTE_MAX);
        validate::finish(errors)
    }
}

/// The answer to a report: which post and why. A repeat by the same reporter answers the
/// first report again and counts once.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportReceipt {
    /// The post reported.
    pub post_id: PostId,
    /// The reason recorded.
    pub reason: ReportReason,
}

/// A feed as listed in a [`crate::SiteConfig`], with the rules its upload form shows before a
/// visitor picks a photo. The server enforces them regardless.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedSummary {
    /// The feed's slug, as used in `data-feed`.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// Short description shown above the feed.
    pub description: String,
    /// Whether visitors who are not signed in may post; on when absent.
    #[serde(default = "crate::moderation::yes")]
    pub allow_anonymous_posts: bool,
    /// Whether new posts wait for a moderator before they are listed; off when absent.
    #[serde(default)]
    pub premoderation: bool,
    /// The rights statement a poster accepts, in the brand's words; empty (or absent) means
    /// the widget shows its own translated default.
    #[serde(default)]
    pub consent: String,
    /// The largest photo file the server accepts, in bytes; 0 (or absent) when the server
    /// does not say, and the widget leaves the check to it.
    #[serde(default)]
    pub max_image_bytes: u64,
    /// The media types of the photos the server accepts (`image/jpeg`, …), judged by their
    /// bytes; empty (or absent) when the server does not say.
    #[serde(default)]
    pub image_types: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> CreatePost {
        CreatePost {
            caption: "Sunrise on the ridge #dawn".into(),
            alt: "A runner on a ridge at sunrise".into(),
            product_tags: vec!["summit-3".into()],
            consent: true,
            website: String::new(),
        }
    }

    #[test]
    fn a_good_post_passes() {
        assert_eq!(good().validate(), Ok(()));
        let bare = CreatePost {
            caption: String::new(),
            product_tags: Vec::new(),
            ..good()
        };
        assert_eq!(bare.validate(), Ok(()));
    }

    #[test]
    fn a_bad_post_gets_a_code_per_field() {
        let post = CreatePost {
            caption: "x".repeat(limits::CAPTION_MAX + 1),
            alt: "   ".into(),
            product_tags: vec!["Summit 3".into(); limits::PRODUCT_TAGS_MAX + 1],
            consent: false,
            website: String::new(),
        };
        let errors = post.validate().unwrap_err();
        assert_eq!(errors["caption"], ["too_long"]);
        assert_eq!(errors["alt"], ["required"]);
        assert_eq!(errors["product_tags"], ["too_many", "invalid"]);
        assert_eq!(errors["consent"], ["required"]);
        let long_alt = CreatePost {
            alt: "a".repeat(limits::ALT_MAX + 1),
            ..good()
        };
        assert_eq!(long_alt.validate().unwrap_err()["alt"], ["too_long"]);
    }

    #[test]
    fn reports_check_their_note_and_reason() {
        let report: CreateReport = serde_json::from_str(r#"{"reason":"rights"}"#).unwrap();
        assert_eq!(report.reason, ReportReason::Rights);
        assert_eq!(report.validate(), Ok(()));
        let long = CreateReport {
            note: "n".repeat(limits::REPORT_NOTE_MAX + 1),
            ..report
        };
        assert_eq!(long.validate().unwrap_err()["note"], ["too_long"]);
        assert!(serde_json::from_str::<CreateReport>(r#"{"reason":"boring"}"#).is_err());
        for reason in ReportReason::ALL {
            assert_eq!(reason.as_str().parse::<ReportReason>(), Ok(reason));
            assert_eq!(
                serde_json::to_string(&reason).unwrap(),
                format!("\"{}\"", reason.as_str())
            );
        }
    }

    #[test]
    fn feeds_from_older_servers_are_open_with_the_widgets_own_rules() {
        let feed: FeedSummary =
            serde_json::from_str(r#"{"slug":"a","name":"A","description":""}"#).unwrap();
        assert!(feed.allow_anonymous_posts && !feed.premoderation);
        assert_eq!(feed.consent, "");
        assert_eq!(feed.max_image_bytes, 0);
        assert!(feed.image_types.is_empty());
    }

    #[test]
    fn a_source_is_sent_with_its_link_when_it_has_one() {
        let json = r#"{"name":"Instagram","url":"https://instagram.example/p/1"}"#;
        let source: PostSource = serde_json::from_str(json).unwrap();
        assert_eq!(source.url.as_deref(), Some("https://instagram.example/p/1"));
        let bare = PostSource {
            name: "Ridgeline Journal".into(),
            url: None,
        };
        assert_eq!(
            serde_json::to_string(&bare).unwrap(),
            r#"{"name":"Ridgeline Journal"}"#
        );
    }

    #[test]
    fn pending_review_is_sent_only_when_true() {
        let post = Post {
            id: PostId::from(3),
            caption: String::new(),
            alt: "A shoe".into(),
            tags: Vec::new(),
            product_tags: Vec::new(),
            image: PostImage {
                url: "/v1/media/a.jpg".into(),
                width: 480,
                height: 320,
                srcset: vec![ImageSource {
                    url: "/v1/media/a.jpg".into(),
                    width: 480,
                }],
                color: "#336699".into(),
            },
            like_count: 0,
            liked: false,
            author: Author {
                name: "Ana".into(),
                avatar: None,
            },
            created_at: "2026-01-02T03:04:05.678Z".into(),
            source: None,
            pending_review: false,
        };
        let json = serde_json::to_value(&post).unwrap();
        assert!(json.get("pending_review").is_none());
        assert!(json.get("source").is_none());
        assert_eq!(json["image"]["srcset"][0]["width"], 480);
        assert_eq!(serde_json::from_value::<Post>(json).unwrap(), post);
    }
}
