//! What an embedding asks for: the options JSON handed to `mount`, read into a typed
//! [`WidgetConfig`] before anything renders.
//!
//! The loader builds the JSON from the placeholder's `data-*` attributes (camelCased) plus
//! `api` and `site` from its own script tag, so every value arrives as a string. Unknown keys
//! are ignored, which lets newer loaders talk to older widgets.

use std::collections::BTreeMap;
use std::fmt;

use kindred_api::FormSchema;
use serde::Deserialize;

use crate::client::adapter::presets;
use crate::client::ApiBase;
use crate::i18n::Locale;

/// A widget's validated configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct WidgetConfig {
    /// Where the Kindred REST API lives.
    pub api: ApiBase,
    /// The brand's site slug, as given by `data-site`.
    pub site: String,
    /// The language the widget speaks.
    pub locale: Locale,
    /// How long a request may take before the widget gives up on it (`data-timeout`, in
    /// milliseconds; [`DEFAULT_TIMEOUT_MS`] when absent).
    pub timeout_ms: u32,
    /// A brand stylesheet to adopt after the widget's own (`data-stylesheet`): an `http(s)`
    /// URL or a path on the page's origin.
    pub stylesheet: Option<String>,
    /// What to show, with the options specific to that kind.
    pub kind: WidgetKind,
    /// Every option given, by its camelCased name, as the page set it: what a form's hidden
    /// fields read (`data-product`, `data-campaign`…).
    pub attributes: BTreeMap<String, String>,
    /// The shape of the API the widget talks to (`data-adapter`); absent, Kindred's own, or
    /// an adapter the page holds in a `<script type="application/json" data-kindred-adapter>`.
    pub adapter: Option<AdapterChoice>,
    /// Whether the widget reports that it was seen, for the brand's insights
    /// (`data-analytics`: `on`, the default, or `off`; see [`crate::analytics`]).
    pub analytics: bool,
}

/// Which adapter the widget speaks through, as `data-adapter` names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AdapterChoice {
    /// Kindred's own contract (`kindred`): no adapter.
    Kindred,
    /// A preset shipped with the widget (`jsonfeed`, `mastodon-tag`, `fider`), by name.
    Preset(&'static str),
    /// The page's `<script type="application/json">` with this id (`#my-adapter`).
    Inline(String),
    /// An adapter at an `http(s)` URL or a path on the page's origin.
    Url(String),
}

impl AdapterChoice {
    /// What `data-adapter` names: a preset, `#id`, or a URL.
    fn parse(value: &str) -> Option<Self> {
        let value = value.trim();
        if value.eq_ignore_ascii_case(presets::KINDRED) {
            return Some(Self::Kindred);
        }
        if let Some(name) = presets::NAMES
            .into_iter()
            .find(|name| name.eq_ignore_ascii_case(value))
        {
            return Some(Self::Preset(name));
        }
        if let Some(id) = value.strip_prefix('#').filter(|id| !id.is_empty()) {
            return Some(Self::Inline(id.to_owned()));
        }
        is_resource_url(value).then(|| Self::Url(value.to_owned()))
    }
}

/// The request time limit when the embedding sets none.
pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;

/// The longest time limit an embedding may set: two minutes.
pub const MAX_TIMEOUT_MS: u32 = 120_000;

/// The kinds of widget this build can render, each with its own options.
#[derive(Clone, Debug, PartialEq)]
pub enum WidgetKind {
    /// An idea board where visitors vote (`data-kindred="ideas"`).
    Ideas {
        /// The board's slug (`data-board`).
        board: String,
        /// How the board is shown (`data-view`).
        view: BoardView,
        /// How more ideas are loaded (`data-paging`).
        paging: Paging,
    },
    /// A feed of the community's photos (`data-kindred="feed"`).
    Feed {
        /// The feed's slug (`data-feed`).
        feed: String,
        /// How the posts are laid out (`data-layout`).
        layout: FeedLayout,
        /// The filters the feed starts with (`data-tag`, `data-product`).
        preset: FeedPreset,
        /// How more posts are loaded (`data-paging`).
        paging: Paging,
    },
    /// A co-creation form on its own (`data-kindred="form"`).
    Form {
        /// The form's slug (`data-form`).
        form: String,
    },
    /// A form's author previewing it: `kind` `form` with a `preview` option holding the
    /// schema as JSON, rendered and checked as visitors will see it but never sent.
    FormPreview {
        /// The schema, checked by the rules the server applies.
        schema: Box<FormSchema>,
    },
}

/// How a feed lays out its posts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FeedLayout {
    /// Square tiles in rows (`grid`, the default).
    #[default]
    Grid,
    /// Columns of photos at their own proportions, read row by row (`masonry`).
    Masonry,
    /// One row that scrolls sideways, a post at a time (`carousel`).
    Carousel,
    /// One post under the other, with its whole caption (`list`).
    List,
}

impl FeedLayout {
    /// Every layout, in the order the documentation lists them.
    pub const ALL: [Self; 4] = [Self::Grid, Self::Masonry, Self::Carousel, Self::List];

    /// The layout's name, as `data-layout` gives it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Grid => "grid",
            Self::Masonry => "masonry",
            Self::Carousel => "carousel",
            Self::List => "list",
        }
    }
}

/// The filters an embedding starts a feed with, such as a product page's own product.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FeedPreset {
    /// A hashtag, without its `#`, lowercased (`data-tag`).
    pub tag: Option<String>,
    /// A product slug (`data-product`).
    pub product: Option<String>,
}

/// How an idea board is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BoardView {
    /// A list to sort, filter and search (`list`, the default).
    #[default]
    List,
    /// Columns for planned, in-progress and shipped ideas (`roadmap`).
    Roadmap,
}

/// How a list loads the ideas after its first page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Paging {
    /// A "Load more" button (`button`, the default).
    #[default]
    Button,
    /// Automatically, as the end of the list scrolls into view (`infinite`); the button stays
    /// for keyboard users and as a fallback.
    Infinite,
}

/// Why options could not be turned into a [`WidgetConfig`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// The text is not a JSON object of strings.
    Malformed(String),
    /// A required option is absent or blank.
    Missing(&'static str),
    /// An option has a value the widget cannot use.
    Invalid {
        /// The option's name.
        option: &'static str,
        /// The value given.
        value: String,
    },
    /// The `kind` names a widget this build does not include.
    UnsupportedKind(String),
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Malformed(reason) => {
                write!(f, "options are not a JSON object of strings: {reason}")
            }
            Self::Missing(option) => write!(f, "the `{option}` option is required"),
            Self::Invalid { option, value } => write!(f, "`{option}` cannot be {value:?}"),
            Self::UnsupportedKind(kind) => write!(f, "widget kind {kind:?} is not supported"),
        }
    }
}

impl std::error::Error for ConfigError {}

/// The options as they arrive, before validation.
#[derive(Deserialize)]
struct RawOptions {
    kind: Option<String>,
    api: Option<String>,
    site: Option<String>,
    board: Option<String>,
    locale: Option<String>,
    timeout: Option<String>,
    stylesheet: Option<String>,
    view: Option<String>,
    paging: Option<String>,
    feed: Option<String>,
    layout: Option<String>,
    tag: Option<String>,
    product: Option<String>,
    form: Option<String>,
    preview: Option<String>,
    adapter: Option<String>,
    analytics: Option<String>,
}

impl WidgetConfig {
    /// Reads and validates the options JSON. Without a `locale` option, the widget speaks
    /// the first of `languages` (the page's `lang`, then the browser's) it has a catalog for.
    pub fn parse(json: &str, languages: &[&str]) -> Result<Self, ConfigError> {
        // Read twice, typed and as a map, rather than through `serde_json::Value`, whose
        // machinery the widget does not otherwise carry.
        let malformed = |error: serde_json::Error| ConfigError::Malformed(error.to_string());
        let attributes: BTreeMap<String, String> = serde_json::from_str(json).map_err(malformed)?;
        let raw: RawOptions = serde_json::from_str(json).map_err(malformed)?;
        let api = required("api", raw.api)?;
        let api = ApiBase::parse(&api).ok_or(ConfigError::Invalid {
            option: "api",
            value: api,
        })?;
        let site = required("site", raw.site)?;
        let given = std::iter::once(raw.locale.as_deref());
        let locale = Locale::negotiate(given.chain(languages.iter().copied().map(Some)));
        let timeout_ms = match raw.timeout {
            None => DEFAULT_TIMEOUT_MS,
            Some(text) => text
                .trim()
                .parse()
                .ok()
                .filter(|ms| (1..=MAX_TIMEOUT_MS).contains(ms))
                .ok_or(ConfigError::Invalid {
                    option: "timeout",
                    value: text,
                })?,
        };
        let paging = choice(
            "paging",
            raw.paging,
            &[("button", Paging::Button), ("infinite", Paging::Infinite)],
        )?;
        let kind = match required("kind", raw.kind)?.as_str() {
            "ideas" => WidgetKind::Ideas {
                board: required("board", raw.board)?,
                view: choice(
                    "view",
                    raw.view,
                    &[("list", BoardView::List), ("roadmap", BoardView::Roadmap)],
                )?,
                paging,
            },
            "feed" => WidgetKind::Feed {
                feed: required("feed", raw.feed)?,
                layout: choice(
                    "layout",
                    raw.layout,
                    &FeedLayout::ALL.map(|layout| (layout.name(), layout)),
                )?,
                preset: FeedPreset {
                    tag: optional(raw.tag)
                        .map(|tag| tag.trim_start_matches('#').to_lowercase())
                        .filter(|tag| !tag.is_empty()),
                    product: optional(raw.product),
                },
                paging,
            },
            "form" => match raw.preview {
                Some(json) => WidgetKind::FormPreview {
                    schema: Box::new(preview(json)?),
                },
                None => WidgetKind::Form {
                    form: required("form", raw.form)?,
                },
            },
            other => return Err(ConfigError::UnsupportedKind(other.to_owned())),
        };
        let stylesheet = match raw.stylesheet {
            None => None,
            Some(url) if is_resource_url(url.trim()) => Some(url.trim().to_owned()),
            Some(url) => {
                return Err(ConfigError::Invalid {
                    option: "stylesheet",
                    value: url,
                })
            }
        };
        let adapter = match raw.adapter {
            None => None,
            Some(value) => Some(AdapterChoice::parse(&value).ok_or(ConfigError::Invalid {
                option: "adapter",
                value,
            })?),
        };
        // The JavaScript mount option `analytics: false` arrives as the string "false".
        let switch = [
            ("on", true),
            ("true", true),
            ("off", false),
            ("false", false),
        ];
        let analytics = match raw.analytics {
            None => true,
            value => choice("analytics", value, &switch)?,
        };
        Ok(Self {
            api,
            site,
            locale,
            timeout_ms,
            stylesheet,
            kind,
            attributes,
            adapter,
            analytics,
        })
    }
}

/// Whether `url` may name a stylesheet or an adapter: `http(s)://host/…` or a path on the
/// page's origin, never another scheme (`javascript:`, `data:`) or a protocol-relative
/// `//host`.
fn is_resource_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let absolute = ["https://", "http://"]
        .iter()
        .any(|scheme| lower.starts_with(scheme) && url.len() > scheme.len());
    let path = url.starts_with('/') && !url.starts_with("//");
    (absolute || path) && !url.contains(char::is_whitespace)
}

/// The variant an optional option names among `choices` (matched ignoring case and
/// surrounding spaces), or the default when the option is absent.
fn choice<T: Copy + Default>(
    option: &'static str,
    value: Option<String>,
    choices: &[(&str, T)],
) -> Result<T, ConfigError> {
    let Some(value) = value else {
        return Ok(T::default());
    };
    choices
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(value.trim()))
        .map(|(_, choice)| *choice)
        .ok_or(ConfigError::Invalid { option, value })
}

/// The trimmed value of an optional option; a blank one counts as absent.
fn optional(value: Option<String>) -> Option<String> {
    value
        .map(|value| value.trim().to_owned())
        .filter(|value| !value.is_empty())
}

/// A previewed form's schema: JSON the server would take for a form (`preview`).
fn preview(json: String) -> Result<FormSchema, ConfigError> {
    match serde_json::from_str::<FormSchema>(&json) {
        Ok(schema) if schema.validate_schema().is_ok() => Ok(schema),
        _ => Err(ConfigError::Invalid {
            option: "preview",
            value: json,
        }),
    }
}

/// The trimmed value of a required option.
fn required(option: &'static str, value: Option<String>) -> Result<String, ConfigError> {
    match value.as_deref().map(str::trim) {
        Some(value) if !value.is_empty() => Ok(value.to_owned()),
        _ => Err(ConfigError::Missing(option)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"kind":"ideas","api":"http://127.0.0.1:8080/","site":"ridgeline",
        "board":" trail-shoes ","locale":"en-GB","theme":"dark","utmCampaign":"spring"}"#;

    /// A minimal ideas widget with `option` set to `value`.
    fn with(option: &str, value: &str) -> Result<WidgetConfig, ConfigError> {
        let json =
            format!(r#"{{"kind":"ideas","api":"/a","site":"s","board":"b","{option}":"{value}"}}"#);
        WidgetConfig::parse(&json, &[])
    }

    /// Asserts that each of `values` makes `option` invalid.
    fn assert_invalid(option: &'static str, values: &[&str]) {
        for value in values {
            let expected = ConfigError::Invalid {
                option,
                value: (*value).into(),
            };
            assert_eq!(with(option, value), Err(expected), "{value}");
        }
    }

    #[test]
    fn an_adapter_is_a_preset_an_element_of_the_page_or_a_url() {
        let adapter = |value: &str| with("adapter", value).unwrap().adapter;
        assert_eq!(with("theme", "dark").unwrap().adapter, None);
        assert_eq!(adapter("kindred"), Some(AdapterChoice::Kindred));
        assert_eq!(
            adapter(" Mastodon-Tag "),
            Some(AdapterChoice::Preset("mastodon-tag"))
        );
        assert_eq!(adapter("jsonfeed"), Some(AdapterChoice::Preset("jsonfeed")));
        assert_eq!(adapter("fider"), Some(AdapterChoice::Preset("fider")));
        assert_eq!(
            adapter("#shop-api"),
            Some(AdapterChoice::Inline("shop-api".into()))
        );
        assert_eq!(
            adapter("https://brand.example/kindred-adapter.json"),
            Some(AdapterChoice::Url(
                "https://brand.example/kindred-adapter.json".into()
            ))
        );
        assert_eq!(
            adapter("/adapter.json"),
            Some(AdapterChoice::Url("/adapter.json".into()))
        );
        assert_invalid(
            "adapter",
            &[
                "mastodon",
                "#",
                "javascript:alert(1)",
                "//evil.example/a.json",
                "",
            ],
        );
    }

    #[test]
    fn reads_an_ideas_widget_and_ignores_unknown_keys() {
        let config = WidgetConfig::parse(GOOD, &[]).unwrap();
        assert_eq!(config.api.as_str(), "http://127.0.0.1:8080");
        assert_eq!(config.site, "ridgeline");
        assert_eq!(config.locale, Locale::En);
        assert_eq!(
            config.kind,
            WidgetKind::Ideas {
                board: "trail-shoes".into(),
                view: BoardView::List,
                paging: Paging::Button,
            }
        );
        // Unknown keys are kept for hidden form fields, with every other option.
        assert_eq!(config.attributes["site"], "ridgeline");
        assert_eq!(config.attributes["utmCampaign"], "spring");
    }

    #[test]
    fn view_and_paging_are_named_choices() {
        let kind = |option, value| with(option, value).map(|config| config.kind);
        assert!(matches!(
            kind("view", " Roadmap "),
            Ok(WidgetKind::Ideas {
                view: BoardView::Roadmap,
                ..
            })
        ));
        assert!(matches!(
            kind("paging", "infinite"),
            Ok(WidgetKind::Ideas {
                paging: Paging::Infinite,
                ..
            })
        ));
        assert_invalid("view", &["grid", ""]);
        assert_invalid("paging", &["endless"]);
    }

    #[test]
    fn the_timeout_is_milliseconds_within_two_minutes() {
        assert_eq!(with("timeout", " 2500 ").unwrap().timeout_ms, 2500);
        assert_eq!(
            with("timeout", "120000").unwrap().timeout_ms,
            MAX_TIMEOUT_MS
        );
        assert_invalid("timeout", &["0", "-5", "1.5", "soon", "120001"]);
    }

    #[test]
    fn a_stylesheet_is_a_web_url_or_a_path() {
        let path = with("stylesheet", "/brand/kindred.css").unwrap();
        assert_eq!(path.stylesheet.as_deref(), Some("/brand/kindred.css"));
        assert!(with("stylesheet", "https://cdn.brand.test/k.css")
            .unwrap()
            .stylesheet
            .is_some());
        let bad = [
            "javascript:alert(1)",
            "data:text/css,*{}",
            "//evil.test/x.css",
            "brand.css",
        ];
        assert_invalid("stylesheet", &bad);
        assert_invalid("stylesheet", &["https://"]);
        let none =
            WidgetConfig::parse(r#"{"kind":"ideas","api":"/a","site":"s","board":"b"}"#, &[]);
        assert_eq!(none.unwrap().stylesheet, None);
    }

    #[test]
    fn locale_is_optional() {
        let json = r#"{"kind":"ideas","api":"/kindred","site":"s","board":"b"}"#;
        let config = WidgetConfig::parse(json, &[]).unwrap();
        assert_eq!(config.locale, Locale::En);
        // Without the option, the page's language, then the browser's.
        let page = WidgetConfig::parse(json, &["ar", "de-DE"]).unwrap();
        assert_eq!(page.locale, Locale::Ar);
        let browser = WidgetConfig::parse(json, &["ja", "fr-CA"]).unwrap();
        assert_eq!(browser.locale, Locale::Fr);
        // The option wins.
        let json = r#"{"kind":"ideas","api":"/a","site":"s","board":"b","locale":"de"}"#;
        assert_eq!(
            WidgetConfig::parse(json, &["ar"]).unwrap().locale,
            Locale::De
        );
        assert_eq!(config.timeout_ms, DEFAULT_TIMEOUT_MS);
        assert_eq!(config.api.as_str(), "/kindred");
    }

    #[test]
    fn malformed_json_and_non_string_values_are_refused() {
        for bad in ["", "not json", "[]", r#"{"kind":"ideas","board":5}"#] {
            assert!(
                matches!(
                    WidgetConfig::parse(bad, &[]),
                    Err(ConfigError::Malformed(_))
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn missing_or_blank_options_are_named() {
        let cases = [
            (r#"{"kind":"ideas","site":"s","board":"b"}"#, "api"),
            (
                r#"{"kind":"ideas","api":"/a","site":" ","board":"b"}"#,
                "site",
            ),
            (r#"{"api":"/a","site":"s","board":"b"}"#, "kind"),
            (r#"{"kind":"ideas","api":"/a","site":"s"}"#, "board"),
        ];
        for (json, option) in cases {
            assert_eq!(
                WidgetConfig::parse(json, &[]),
                Err(ConfigError::Missing(option)),
                "{json}"
            );
        }
    }

    #[test]
    fn an_unusable_api_base_is_invalid() {
        let error = WidgetConfig::parse(
            r#"{"kind":"ideas","api":"javascript:alert(1)","site":"s","board":"b"}"#,
            &[],
        )
        .unwrap_err();
        assert_eq!(
            error,
            ConfigError::Invalid {
                option: "api",
                value: "javascript:alert(1)".into()
            }
        );
    }

    #[test]
    fn kinds_not_in_this_build_are_reported() {
        let error =
            WidgetConfig::parse(r#"{"kind":"poll","api":"/a","site":"s"}"#, &[]).unwrap_err();
        assert_eq!(error, ConfigError::UnsupportedKind("poll".into()));
        assert_eq!(error.to_string(), r#"widget kind "poll" is not supported"#);
    }

    #[test]
    fn reads_a_form_by_its_slug() {
        let form = |json: &str| WidgetConfig::parse(json, &[]).map(|config| config.kind);
        assert_eq!(
            form(r#"{"kind":"form","api":"/a","site":"s","form":" blend-lab "}"#),
            Ok(WidgetKind::Form {
                form: "blend-lab".into()
            })
        );
        assert_eq!(
            form(r#"{"kind":"form","api":"/a","site":"s"}"#),
            Err(ConfigError::Missing("form"))
        );
    }

    #[test]
    fn previews_a_schema_given_inline_and_refuses_a_broken_one() {
        let form = |json: &str| WidgetConfig::parse(json, &[]).map(|config| config.kind);
        let schema = r#"{\"slug\":\"lab\",\"title\":\"Lab\",\"fields\":[{\"name\":\"why\",\"label\":\"Why?\",\"kind\":{\"type\":\"short_text\",\"max_len\":80}}]}"#;
        let read = form(&format!(
            r#"{{"kind":"form","api":"/a","site":"s","preview":"{schema}"}}"#
        ));
        let Ok(WidgetKind::FormPreview { schema }) = read else {
            panic!("the preview is not read: {read:?}");
        };
        assert_eq!((schema.slug.as_str(), schema.fields.len()), ("lab", 1));
        for broken in [
            r#"{\"slug\":\"lab\"}"#,
            r#"{\"slug\":\"lab\",\"title\":\"Lab\",\"fields\":[]}"#,
        ] {
            let error = form(&format!(
                r#"{{"kind":"form","api":"/a","site":"s","preview":"{broken}"}}"#
            ))
            .unwrap_err();
            assert!(matches!(
                error,
                ConfigError::Invalid {
                    option: "preview",
                    ..
                }
            ));
        }
    }

    /// A feed widget with `extra` options (`"key":"value",` pairs).
    fn feed(extra: &str) -> Result<WidgetKind, ConfigError> {
        let json = format!(r#"{{{extra}"kind":"feed","api":"/a","site":"s","feed":" stories "}}"#);
        WidgetConfig::parse(&json, &[]).map(|config| config.kind)
    }

    #[test]
    fn reads_a_feed_with_its_layout_and_presets() {
        assert_eq!(
            feed(""),
            Ok(WidgetKind::Feed {
                feed: "stories".into(),
                layout: FeedLayout::Grid,
                preset: FeedPreset::default(),
                paging: Paging::Button,
            })
        );
        for layout in FeedLayout::ALL {
            let given = format!(r#""layout":" {} ","#, layout.name().to_uppercase());
            assert!(
                matches!(feed(&given), Ok(WidgetKind::Feed { layout: read, .. }) if read == layout),
                "{given}"
            );
        }
        let preset = feed(r##""tag":" #DawnPatrol ","product":" summit-3 ","paging":"infinite","##);
        assert_eq!(
            preset,
            Ok(WidgetKind::Feed {
                feed: "stories".into(),
                layout: FeedLayout::Grid,
                preset: FeedPreset {
                    tag: Some("dawnpatrol".into()),
                    product: Some("summit-3".into()),
                },
                paging: Paging::Infinite,
            })
        );
        let blank = feed(r#""tag":"  ","product":"","#);
        assert!(
            matches!(blank, Ok(WidgetKind::Feed { preset, .. }) if preset == FeedPreset::default())
        );
        assert_eq!(
            feed(r#""layout":"carrousel","#),
            Err(ConfigError::Invalid {
                option: "layout",
                value: "carrousel".into()
            })
        );
        let json = r#"{"kind":"feed","api":"/a","site":"s"}"#;
        assert_eq!(
            WidgetConfig::parse(json, &[]),
            Err(ConfigError::Missing("feed"))
        );
    }
}
