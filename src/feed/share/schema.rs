//! The form that shares a photo, as a co-creation form schema: its questions are checked in
//! the browser by the same rules as every form's ([`FormSchema::validate`]) and then by the
//! post's own ([`CreatePost::validate`], which the server applies too), and sent as the
//! multipart parts `POST /v1/feeds/{feed}/posts` reads.

use kindred_api::feed::limits::{ALT_MAX, CAPTION_MAX, PRODUCT_TAGS_MAX};
use kindred_api::{
    Answer, ChoiceOption, CreatePost, Field, FieldKind, FormSchema, SiteConfig, Submission,
};

use crate::i18n::Catalog;

/// The default limit of a photo's size: the reference server's 10 MiB upload limit, less
/// room for the other parts.
pub const DEFAULT_MAX_BYTES: u64 = 10 * 1024 * 1024 - 64 * 1024;

/// The photo types every backend of the contract takes.
pub const DEFAULT_TYPES: [&str; 3] = ["image/jpeg", "image/png", "image/webp"];

/// What a feed accepts from a poster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UploadRules {
    /// The largest photo file, in bytes.
    pub max_bytes: u64,
    /// The photo media types taken.
    pub types: Vec<String>,
    /// The rights statement a poster accepts; empty for the catalog's default.
    pub consent: String,
    /// The brand's products a post may name, as `(slug, name)`.
    pub products: Vec<(String, String)>,
    /// Whether only signed-in members may post.
    pub members_only: bool,
}

impl Default for UploadRules {
    fn default() -> Self {
        Self {
            max_bytes: DEFAULT_MAX_BYTES,
            types: DEFAULT_TYPES.map(str::to_owned).to_vec(),
            consent: String::new(),
            products: Vec::new(),
            members_only: false,
        }
    }
}

impl UploadRules {
    /// The rules `site` sets for feed `feed`: its limits, its consent and the site's products.
    /// What the site leaves out keeps its default.
    pub fn of(site: &SiteConfig, feed: &str) -> Self {
        let defaults = Self::default();
        let products = site
            .products
            .iter()
            .map(|product| (product.slug.clone(), product.name.clone()))
            .collect();
        let Some(summary) = site.feeds.iter().find(|summary| summary.slug == feed) else {
            return Self {
                products,
                ..defaults
            };
        };
        Self {
            max_bytes: match summary.max_image_bytes {
                0 => defaults.max_bytes,
                bytes => bytes,
            },
            types: if summary.image_types.is_empty() {
                defaults.types
            } else {
                summary.image_types.clone()
            },
            consent: summary.consent.clone(),
            products,
            members_only: !summary.allow_anonymous_posts,
        }
    }
}

/// The short name of a photo media type: `image/jpeg` → `JPEG`, `image/webp` → `WebP`.
pub fn kind_name(media_type: &str) -> String {
    let subtype = media_type.rsplit('/').next().unwrap_or(media_type);
    match subtype {
        "webp" => "WebP".to_owned(),
        other => other.to_ascii_uppercase(),
    }
}

/// The share form's questions under `rules`, worded by `t`.
pub fn share_schema(rules: &UploadRules, t: &dyn Catalog) -> FormSchema {
    let kinds: Vec<String> = rules.types.iter().map(|kind| kind_name(kind)).collect();
    let megabytes = u32::try_from(rules.max_bytes / (1024 * 1024)).unwrap_or(u32::MAX);
    let field = |name: &str, label: &str, help: String, required: bool, kind: FieldKind| Field {
        name: name.to_owned(),
        label: label.to_owned(),
        help,
        required,
        kind,
        show_if: None,
    };
    let mut fields = vec![
        field(
            "image",
            t.photo_label(),
            t.photo_hint(&kinds.join(", "), megabytes.max(1)),
            true,
            FieldKind::Image {
                accept: rules.types.clone(),
                max_bytes: rules.max_bytes,
            },
        ),
        field(
            "alt",
            t.alt_label(),
            t.alt_hint().to_owned(),
            true,
            FieldKind::ShortText {
                max_len: ALT_MAX as u32,
                min_len: 0,
                placeholder: None,
                format: None,
            },
        ),
        field(
            "caption",
            t.caption_label(),
            String::new(),
            false,
            FieldKind::LongText {
                max_len: CAPTION_MAX as u32,
                min_len: 0,
            },
        ),
    ];
    if !rules.products.is_empty() {
        let options = rules
            .products
            .iter()
            .map(|(slug, name)| ChoiceOption {
                value: slug.clone(),
                label: name.clone(),
            })
            .collect();
        fields.push(field(
            "product_tags",
            t.products_label(),
            String::new(),
            false,
            FieldKind::MultipleChoice {
                options,
                min: 0,
                max: Some(PRODUCT_TAGS_MAX as u32),
            },
        ));
    }
    let consent = if rules.consent.trim().is_empty() {
        t.consent_default().to_owned()
    } else {
        rules.consent.clone()
    };
    fields.push(field(
        "consent",
        &consent,
        String::new(),
        true,
        FieldKind::Consent {
            text: consent.clone(),
        },
    ));
    FormSchema {
        slug: "share-photo".to_owned(),
        title: t.share_photo().to_owned(),
        description: String::new(),
        fields,
        submit_label: Some(t.share_submit().to_owned()),
        success_message: None,
        translations: Default::default(),
    }
}

/// The post's text fields in checked `answers`, with the honeypot's `website`.
pub fn create_post(answers: &Submission, website: String) -> CreatePost {
    let text = |name: &str| match answers.get(name) {
        Some(Answer::Text(text)) => text.trim().to_owned(),
        _ => String::new(),
    };
    CreatePost {
        caption: text("caption"),
        alt: text("alt"),
        product_tags: match answers.get("product_tags") {
            Some(Answer::List(slugs)) => slugs.clone(),
            _ => Vec::new(),
        },
        consent: matches!(answers.get("consent"), Some(Answer::Bool(true))),
        website,
    }
}

#[cfg(test)]
mod tests {
    use kindred_api::ImageAnswer;

    use super::*;
    use crate::i18n::Locale;

    fn rules() -> UploadRules {
        UploadRules {
            products: vec![("summit-3".into(), "Summit 3".into())],
            ..UploadRules::default()
        }
    }

    fn photo(media_type: &str, bytes: u64) -> Answer {
        Answer::Image(ImageAnswer {
            media_type: media_type.into(),
            bytes,
            image: None,
        })
    }

    #[test]
    fn rules_come_from_the_site_s_feed_and_catalog() {
        let site: SiteConfig = serde_json::from_value(serde_json::json!({
            "id": "s", "name": "S", "locale": "en", "boards": [], "forms": [],
            "theme": {}, "features": {},
            "feeds": [
                { "slug": "f", "name": "F", "description": "", "consent": "Mine.",
                  "max_image_bytes": 2048, "image_types": ["image/png"] },
                { "slug": "bare", "name": "B", "description": "", "allow_anonymous_posts": false }
            ],
            "products": [{ "slug": "summit-3", "name": "Summit 3", "url": "https://x.example/s" }]
        }))
        .unwrap();
        let rules = UploadRules::of(&site, "f");
        assert_eq!(rules.max_bytes, 2048);
        assert_eq!(rules.types, ["image/png"]);
        assert_eq!(rules.consent, "Mine.");
        assert_eq!(
            rules.products,
            [("summit-3".to_owned(), "Summit 3".to_owned())]
        );
        assert!(
            !rules.members_only,
            "open to visitors unless the feed says otherwise"
        );
        let bare = UploadRules::of(&site, "bare");
        assert_eq!((bare.max_bytes, bare.types.len()), (DEFAULT_MAX_BYTES, 3));
        assert!(bare.members_only);
        assert_eq!(UploadRules::of(&site, "missing").products.len(), 1);
    }

    #[test]
    fn kinds_have_short_names() {
        assert_eq!(kind_name("image/jpeg"), "JPEG");
        assert_eq!(kind_name("image/webp"), "WebP");
        assert_eq!(kind_name("image/png"), "PNG");
    }

    #[test]
    fn the_schema_asks_for_photo_words_products_and_consent() {
        let t = Locale::En.catalog();
        let schema = share_schema(&rules(), t);
        let names: Vec<&str> = schema.fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            ["image", "alt", "caption", "product_tags", "consent"]
        );
        assert_eq!(schema.fields[0].help, "JPEG, PNG, WebP; up to 9 MB.");
        assert_eq!(schema.fields[4].label, t.consent_default());
        let own = UploadRules {
            consent: "I own it.".into(),
            products: Vec::new(),
            ..rules()
        };
        let schema = share_schema(&own, t);
        assert_eq!(schema.fields.last().unwrap().label, "I own it.");
        assert!(
            schema.field("product_tags").is_none(),
            "no catalog, no question"
        );
    }

    #[test]
    fn the_photo_is_checked_before_upload() {
        let schema = share_schema(&rules(), Locale::En.catalog());
        let answers = |image: Answer| {
            Submission::from([
                ("image".to_owned(), image),
                ("alt".to_owned(), Answer::Text("A ridge".into())),
                ("consent".to_owned(), Answer::Bool(true)),
            ])
        };
        assert!(schema.validate(&answers(photo("image/png", 1000))).is_ok());
        let gif = schema
            .validate(&answers(photo("image/gif", 1000)))
            .unwrap_err();
        assert_eq!(gif["image"], ["unsupported_type"]);
        let huge = schema
            .validate(&answers(photo("image/jpeg", DEFAULT_MAX_BYTES + 1)))
            .unwrap_err();
        assert_eq!(huge["image"], ["too_large"]);
        let bare = schema.validate(&Submission::new()).unwrap_err();
        assert!(bare.contains_key("image") && bare.contains_key("alt"));
        assert!(bare.contains_key("consent"));
    }

    #[test]
    fn answers_become_the_post_s_fields() {
        let answers = Submission::from([
            ("alt".to_owned(), Answer::Text("  A ridge ".into())),
            ("caption".to_owned(), Answer::Text("Dawn #ridge".into())),
            (
                "product_tags".to_owned(),
                Answer::List(vec!["summit-3".into()]),
            ),
            ("consent".to_owned(), Answer::Bool(true)),
        ]);
        let post = create_post(&answers, String::new());
        assert_eq!(post.alt, "A ridge");
        assert_eq!(post.caption, "Dawn #ridge");
        assert_eq!(post.product_tags, ["summit-3"]);
        assert!(post.consent);
        assert_eq!(post.validate(), Ok(()));
        let unconsented = create_post(&Submission::new(), String::new());
        assert!(unconsented.validate().unwrap_err().contains_key("consent"));
    }
}
