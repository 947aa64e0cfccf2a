//! Sites as moderators manage them: settings, and what a create or an update carries.

use serde::{Deserialize, Serialize};

use crate::moderation::{present, NAME_MAX};
use crate::site::{is_safe_theme_entry, SiteFeatures, Theme, THEME_MAX};
use crate::validate::{self, is_slug, FieldErrors};

/// A site as moderators manage it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteSettings {
    /// The site's slug, as in `data-site`; fixed once created.
    pub slug: String,
    /// Display name of the brand.
    pub name: String,
    /// Default locale (BCP 47).
    pub locale: String,
    /// The author name shown on anonymous visitors' ideas and comments.
    pub anonymous_author: String,
    /// Browser origins allowed to call the API for this site (`scheme://host[:port]`).
    pub origins: Vec<String>,
    /// Whether an SSO secret is set; the secret itself is never answered.
    pub sso_secret_set: bool,
    /// The Ed25519 public key that checks EdDSA-signed SSO tokens, as standard base64 of its
    /// 32 bytes; `None` when the site accepts none.
    pub sso_public_key: Option<String>,
    /// Theme defaults for the widget.
    pub theme: Theme,
    /// What the site has switched on.
    pub features: SiteFeatures,
}

/// Most allowed origins on one site.
pub const ORIGINS_MAX: usize = 50;
/// Fewest characters in an SSO secret.
pub const SECRET_MIN: usize = 16;
/// Most characters in an SSO secret.
pub const SECRET_MAX: usize = 256;
/// Most characters in an SSO public key as given (a PEM block or base64).
pub const PUBLIC_KEY_MAX: usize = 1024;

/// The body of `POST /v1/moderation/sites`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateSite {
    /// The site's slug: 1 to 64 lowercase letters, digits and hyphens.
    pub slug: String,
    /// Display name of the brand.
    pub name: String,
    /// Default locale (BCP 47); `en` when absent.
    #[serde(default = "default_locale")]
    pub locale: String,
    /// The author name for anonymous visitors; `Anonymous` when absent.
    #[serde(default = "default_anonymous_author")]
    pub anonymous_author: String,
    /// Allowed browser origins.
    #[serde(default)]
    pub origins: Vec<String>,
    /// The SSO secret (at least 16 characters); none when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sso_secret: Option<String>,
    /// The Ed25519 public key for EdDSA-signed SSO tokens: a PEM `PUBLIC KEY` block or the
    /// key's 32 bytes in base64; none when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sso_public_key: Option<String>,
    /// Theme defaults.
    #[serde(default)]
    pub theme: Theme,
    /// Feature flags; all on when absent.
    #[serde(default)]
    pub features: SiteFeatures,
}

fn default_locale() -> String {
    "en".to_owned()
}

fn default_anonymous_author() -> String {
    "Anonymous".to_owned()
}

impl CreateSite {
    /// Checks every field but the origins, whose form the server checks as it normalises them.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        if !is_slug(&self.slug) {
            validate::push(&mut errors, "slug", validate::INVALID);
        }
        let fields = SiteFields {
            name: Some(&self.name),
            locale: Some(&self.locale),
            anonymous_author: Some(&self.anonymous_author),
            origins: Some(&self.origins),
            sso_secret: self.sso_secret.as_deref(),
            sso_public_key: self.sso_public_key.as_deref(),
            theme: Some(&self.theme),
        };
        fields.check(&mut errors);
        validate::finish(errors)
    }
}

/// The body of `PUT /v1/moderation/sites/{site}`: only the fields present change.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateSite {
    /// New display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New default locale (BCP 47).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// New author name for anonymous visitors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anonymous_author: Option<String>,
    /// The complete new list of allowed origins; takes effect for CORS at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origins: Option<Vec<String>>,
    /// A new SSO secret (rotation), or `null` to stop accepting SSO tokens.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub sso_secret: Option<Option<String>>,
    /// A new Ed25519 public key for EdDSA-signed SSO tokens (as in [`CreateSite`]), or `null`
    /// to stop accepting them.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub sso_public_key: Option<Option<String>>,
    /// The complete new theme defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<Theme>,
    /// New feature flags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub features: Option<SiteFeatures>,
}

impl UpdateSite {
    /// Checks the fields present, but the origins (see [`CreateSite::validate`]).
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        let fields = SiteFields {
            name: self.name.as_deref(),
            locale: self.locale.as_deref(),
            anonymous_author: self.anonymous_author.as_deref(),
            origins: self.origins.as_deref(),
            sso_secret: self.sso_secret.as_ref().and_then(Option::as_deref),
            sso_public_key: self.sso_public_key.as_ref().and_then(Option::as_deref),
            theme: self.theme.as_ref(),
        };
        fields.check(&mut errors);
        validate::finish(errors)
    }
}

/// The site fields a create or an update carries, each checked when present.
struct SiteFields<'a> {
    name: Option<&'a str>,
    locale: Option<&'a str>,
    anonymous_author: Option<&'a str>,
    origins: Option<&'a [String]>,
    sso_secret: Option<&'a str>,
    sso_public_key: Option<&'a str>,
    theme: Option<&'a Theme>,
}

impl SiteFields<'_> {
    fn check(&self, errors: &mut FieldErrors) {
        if let Some(name) = self.name {
            validate::text(errors, "name", name, 1, NAME_MAX);
        }
        if let Some(author) = self.anonymous_author {
            validate::text(errors, "anonymous_author", author, 1, NAME_MAX);
        }
        if self.locale.is_some_and(|locale| !is_locale(locale)) {
            validate::push(errors, "locale", validate::INVALID);
        }
        if self.origins.is_some_and(|o| o.len() > ORIGINS_MAX) {
            validate::push(errors, "origins", validate::TOO_MANY);
        }
        if let Some(secret) = self.sso_secret {
            validate::text(errors, "sso_secret", secret, SECRET_MIN, SECRET_MAX);
        }
        if let Some(key) = self.sso_public_key {
            validate::text(errors, "sso_public_key", key, 1, PUBLIC_KEY_MAX);
        }
        if let Some(theme) = self.theme {
            if theme.len() > THEME_MAX {
                validate::push(errors, "theme", validate::TOO_MANY);
            }
            if !theme.iter().all(|(k, v)| is_safe_theme_entry(k, v)) {
                validate::push(errors, "theme", validate::INVALID);
            }
        }
    }
}

/// Whether `tag` is a well-formed BCP 47 language tag of the common shape: a 2–3 or 5–8
/// letter language, then subtags of 1–8 letters and digits (`en`, `de-CH`, `zh-Hant-TW`,
/// `es-419`), at most 35 characters.
pub fn is_locale(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let language = subtags.next().unwrap_or_default();
    tag.len() <= 35
        && matches!(language.len(), 2..=3 | 5..=8)
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}
