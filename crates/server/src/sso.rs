//! Signed-in users: the SSO tokens brands issue, verified before the server trusts them.
//!
//! A token is a JWT signed with HS256 under the site's SSO secret. [`verify`] accepts it only
//! when the signature matches (compared in constant time), `exp` is present and not passed,
//! `nbf` and `iat` (when present) are not in the future, and `aud` names the site; anything
//! else is a [`TokenError`] the caller answers with 401, never an anonymous fallback. The
//! claims trusted are `sub` (the user's id at the brand), `name` and `avatar`.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;

/// Clock difference tolerated between the brand's servers and this one, in seconds.
pub const LEEWAY_SECS: u64 = 60;
/// Most characters in `sub`, so `user:<sub>` fits the stored identity keys.
pub const SUB_MAX: usize = 128;
/// Most characters in `name`.
pub const NAME_MAX: usize = 80;
/// Most characters in `avatar`.
pub const AVATAR_MAX: usize = 500;

/// The only algorithm accepted.
const ALGORITHM: &str = "HS256";

/// What a verified token says about its user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claims {
    /// The user's id at the brand.
    pub sub: String,
    /// Display name, if given.
    pub name: Option<String>,
    /// Avatar image URL (http or https), if given.
    pub avatar: Option<String>,
}

/// Why a token was refused. The text is meant for the brand's developers.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    /// Not three base64url parts with JSON header and claims.
    #[error("the token is not a well-formed JWT")]
    Malformed,
    /// Signed with another algorithm, or unsigned.
    #[error("the token must be signed with HS256")]
    Algorithm,
    /// The signature does not match the site's secret.
    #[error("the token's signature does not match the site's SSO secret")]
    Signature,
    /// No `exp` claim.
    #[error("the token has no `exp` claim")]
    MissingExpiry,
    /// `exp` has passed.
    #[error("the token has expired")]
    Expired,
    /// `nbf` or `iat` is in the future.
    #[error("the token is not valid yet")]
    NotYetValid,
    /// `aud` does not name the site of the resource.
    #[error("the token's `aud` must be the site's slug, `{0}`")]
    Audience(String),
    /// A claim is missing or out of bounds.
    #[error("the token's claims are invalid: {0}")]
    Claim(&'static str),
}

#[derive(Deserialize)]
struct Header {
    alg: String,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Audience {
    One(String),
    Many(Vec<String>),
}

#[derive(Deserialize)]
struct RawClaims {
    sub: Option<String>,
    name: Option<String>,
    avatar: Option<String>,
    exp: Option<f64>,
    nbf: Option<f64>,
    iat: Option<f64>,
    aud: Option<Audience>,
}

fn mac(secret: &[u8]) -> Hmac<Sha256> {
    Hmac::<Sha256>::new_from_slice(secret).expect("HMAC accepts keys of any length")
}

fn decode_json<T: for<'de> Deserialize<'de>>(part: &str) -> Result<T, TokenError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(part)
        .map_err(|_| TokenError::Malformed)?;
    serde_json::from_slice(&bytes).map_err(|_| TokenError::Malformed)
}

/// Verifies `token` for the site `audience` whose secret is `secret`, at `now` (seconds since
/// the Unix epoch), answering its claims.
pub fn verify(token: &str, secret: &[u8], audience: &str, now: u64) -> Result<Claims, TokenError> {
    let mut parts = token.split('.');
    let (Some(header), Some(payload), Some(signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(TokenError::Malformed);
    };
    if decode_json::<Header>(header)?.alg != ALGORITHM {
        return Err(TokenError::Algorithm);
    }
    let signature = URL_SAFE_NO_PAD
        .decode(signature)
        .map_err(|_| TokenError::Malformed)?;
    let mut expected = mac(secret);
    expected.update(header.as_bytes());
    expected.update(b".");
    expected.update(payload.as_bytes());
    expected
        .verify_slice(&signature)
        .map_err(|_| TokenError::Signature)?;

    let claims: RawClaims = decode_json(payload)?;
    let now = now as f64;
    let leeway = LEEWAY_SECS as f64;
    let exp = claims.exp.ok_or(TokenError::MissingExpiry)?;
    if exp + leeway <= now {
        return Err(TokenError::Expired);
    }
    if [claims.nbf, claims.iat]
        .into_iter()
        .flatten()
        .any(|time| time > now + leeway)
    {
        return Err(TokenError::NotYetValid);
    }
    let audience_matches = match &claims.aud {
        Some(Audience::One(aud)) => aud == audience,
        Some(Audience::Many(auds)) => auds.iter().any(|aud| aud == audience),
        None => false,
    };
    if !audience_matches {
        return Err(TokenError::Audience(audience.to_owned()));
    }

    let sub = claims
        .sub
        .filter(|sub| !sub.trim().is_empty() && sub.chars().count() <= SUB_MAX)
        .ok_or(TokenError::Claim("`sub` must be 1 to 128 characters"))?;
    let name = claims.name.map(|name| name.trim().to_owned());
    if name
        .as_ref()
        .is_some_and(|name| name.is_empty() || name.chars().count() > NAME_MAX)
    {
        return Err(TokenError::Claim("`name` must be 1 to 80 characters"));
    }
    let avatar_ok = |url: &String| {
        (url.starts_with("https://") || url.starts_with("http://")) && url.len() <= AVATAR_MAX
    };
    if claims.avatar.as_ref().is_some_and(|url| !avatar_ok(url)) {
        return Err(TokenError::Claim(
            "`avatar` must be an http(s) URL of at most 500 characters",
        ));
    }
    Ok(Claims {
        sub,
        name,
        avatar: claims.avatar,
    })
}

/// Signs `claims` (a JSON object) with HS256 under `secret`: what a brand's server does to
/// sign a user in, and what tests and local tooling use to make tokens.
pub fn sign(claims: &serde_json::Value, secret: &[u8]) -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
    let mut signer = mac(secret);
    signer.update(format!("{header}.{payload}").as_bytes());
    let signature = URL_SAFE_NO_PAD.encode(signer.finalize().into_bytes());
    format!("{header}.{payload}.{signature}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const SECRET: &[u8] = b"acme-sso-secret";
    const NOW: u64 = 1_800_000_000;

    fn claims() -> serde_json::Value {
        json!({"sub": "u-42", "name": "Maya", "avatar": "https://cdn.acme.test/m.png",
               "aud": "acme", "exp": NOW + 600, "iat": NOW})
    }

    fn check(claims: &serde_json::Value) -> Result<Claims, TokenError> {
        verify(&sign(claims, SECRET), SECRET, "acme", NOW)
    }

    fn with(key: &str, value: serde_json::Value) -> serde_json::Value {
        let mut claims = claims();
        claims[key] = value;
        claims
    }

    #[test]
    fn a_good_token_yields_its_claims() {
        assert_eq!(
            check(&claims()).unwrap(),
            Claims {
                sub: "u-42".into(),
                name: Some("Maya".into()),
                avatar: Some("https://cdn.acme.test/m.png".into()),
            }
        );
        let minimal = json!({"sub": "u-1", "aud": ["other", "acme"], "exp": NOW + 1});
        assert_eq!(check(&minimal).unwrap().name, None);
    }

    #[test]
    fn forged_and_malformed_tokens_are_refused() {
        let token = sign(&claims(), b"another secret");
        assert_eq!(
            verify(&token, SECRET, "acme", NOW),
            Err(TokenError::Signature)
        );
        let good = sign(&claims(), SECRET);
        let (signed, _) = good.rsplit_once('.').unwrap();
        let tampered = format!("{}.{}", signed.replace("u-42", "u-43"), "AAAA");
        assert!(verify(&tampered, SECRET, "acme", NOW).is_err());
        for bad in ["", "a.b", "a.b.c.d", "not a token", &format!("{good}x")] {
            assert!(verify(bad, SECRET, "acme", NOW).is_err(), "{bad}");
        }
        let unsigned = format!(
            "{}.{}.",
            URL_SAFE_NO_PAD.encode(br#"{"alg":"none"}"#),
            URL_SAFE_NO_PAD.encode(claims().to_string())
        );
        assert_eq!(
            verify(&unsigned, SECRET, "acme", NOW),
            Err(TokenError::Algorithm)
        );
    }

    #[test]
    fn times_are_checked_with_a_little_leeway() {
        let mut no_exp = claims();
        no_exp.as_object_mut().unwrap().remove("exp");
        assert_eq!(check(&no_exp), Err(TokenError::MissingExpiry));
        assert_eq!(
            check(&with("exp", json!(NOW - LEEWAY_SECS - 1))),
            Err(TokenError::Expired)
        );
        assert!(check(&with("exp", json!(NOW - 1))).is_ok());
        assert_eq!(
            check(&with("nbf", json!(NOW + LEEWAY_SECS + 5))),
            Err(TokenError::NotYetValid)
        );
        assert_eq!(
            check(&with("iat", json!(NOW + LEEWAY_SECS + 5))),
            Err(TokenError::NotYetValid)
        );
    }

    #[test]
    fn the_audience_must_be_the_site() {
        assert_eq!(
            check(&with("aud", json!("globex"))),
            Err(TokenError::Audience("acme".into()))
        );
        let mut no_aud = claims();
        no_aud.as_object_mut().unwrap().remove("aud");
        assert!(matches!(check(&no_aud), Err(TokenError::Audience(_))));
    }

    #[test]
    fn claims_are_bounded() {
        assert!(matches!(
            check(&with("sub", json!(""))),
            Err(TokenError::Claim(_))
        ));
        assert!(matches!(
            check(&with("sub", json!("x".repeat(SUB_MAX + 1)))),
            Err(TokenError::Claim(_))
        ));
        assert!(matches!(
            check(&with("avatar", json!("javascript:alert(1)"))),
            Err(TokenError::Claim(_))
        ));
        assert!(matches!(
            check(&with("name", json!(" "))),
            Err(TokenError::Claim(_))
        ));
    }
}
