//! Signed-in users: the SSO tokens brands issue, verified before the server trusts them.
//!
//! A token is a JWT signed either with HS256 under the site's SSO secret, or with EdDSA
//! (Ed25519) by the brand's private key, checked against the public key the site holds: a brand
//! that would rather not share a secret with this server gives it only a public key. The
//! token's `alg` picks which, and a site must hold the matching key ([`SiteKeys`]). [`verify`]
//! accepts a token only when the signature matches (HMACs compared in constant time), `exp` is
//! present and not passed,
//! `nbf` and `iat` (when present) are not in the future, and `aud` names the site; anything
//! else is a [`TokenError`] the caller answers with 401, never an anonymous fallback. The
//! claims trusted are `sub` (the user's id at the brand), `name` and `avatar`.

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use ed25519_dalek::{Signature, VerifyingKey};
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

/// The algorithm of tokens signed with the site's secret.
const HS256: &str = "HS256";
/// The algorithm of tokens signed with the brand's Ed25519 private key.
const EDDSA: &str = "EdDSA";

/// What a site checks tokens with; either may be absent.
#[derive(Clone, Copy, Debug, Default)]
pub struct SiteKeys<'a> {
    /// The shared secret of HS256 tokens.
    pub secret: Option<&'a [u8]>,
    /// The public key of EdDSA tokens.
    pub public_key: Option<&'a VerifyingKey>,
}

/// The DER prefix of an Ed25519 public key in a SubjectPublicKeyInfo (RFC 8410): what follows
/// it is the raw 32-byte key.
const SPKI_ED25519_PREFIX: [u8; 12] = [
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
];

/// Reads an Ed25519 public key as brands hold it: a PEM `PUBLIC KEY` block (what
/// `openssl pkey -pubout` writes), or the raw 32 bytes in base64 or base64url.
pub fn parse_public_key(text: &str) -> Result<VerifyingKey, &'static str> {
    let text = text.trim();
    let bytes = if let Some(body) = text
        .strip_prefix("-----BEGIN PUBLIC KEY-----")
        .and_then(|rest| rest.strip_suffix("-----END PUBLIC KEY-----"))
    {
        let body: String = body.split_whitespace().collect();
        let der = STANDARD
            .decode(body)
            .map_err(|_| "the PEM block is not base64")?;
        der.strip_prefix(&SPKI_ED25519_PREFIX[..])
            .ok_or("the PEM block is not an Ed25519 public key")?
            .to_vec()
    } else {
        STANDARD
            .decode(text)
            .or_else(|_| URL_SAFE_NO_PAD.decode(text))
            .map_err(|_| "expected a PEM public key, or 32 bytes in base64")?
    };
    let raw: [u8; 32] = bytes
        .try_into()
        .map_err(|_| "an Ed25519 public key is 32 bytes")?;
    VerifyingKey::from_bytes(&raw).map_err(|_| "not a valid Ed25519 public key")
}

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
    /// Signed with an algorithm the site holds no key for, or unsigned.
    #[error("the token must be signed with {0}")]
    Algorithm(&'static str),
    /// The signature does not match the site's key.
    #[error("the token's signature does not match the site's SSO key")]
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

/// The algorithms a site with `keys` accepts, for error messages.
fn accepted(keys: &SiteKeys<'_>) -> &'static str {
    match (keys.secret, keys.public_key) {
        (Some(_), Some(_)) => "HS256 or EdDSA",
        (None, Some(_)) => "EdDSA",
        _ => "HS256",
    }
}

/// Checks the signature of `header.payload` by the algorithm the header names, with the
/// site's key for it.
fn check_signature(
    keys: &SiteKeys<'_>,
    alg: &str,
    signed: &str,
    signature: &[u8],
) -> Result<(), TokenError> {
    match (alg, keys.secret, keys.public_key) {
        (HS256, Some(secret), _) => {
            let mut expected = mac(secret);
            expected.update(signed.as_bytes());
            expected
                .verify_slice(signature)
                .map_err(|_| TokenError::Signature)
        }
        (EDDSA, _, Some(key)) => {
            let signature = Signature::from_slice(signature).map_err(|_| TokenError::Signature)?;
            key.verify_strict(signed.as_bytes(), &signature)
                .map_err(|_| TokenError::Signature)
        }
        _ => Err(TokenError::Algorithm(accepted(keys))),
    }
}

/// Verifies `token` for the site `audience` with its `keys`, at `now` (seconds since the Unix
/// epoch), answering its claims.
pub fn verify(
    token: &str,
    keys: &SiteKeys<'_>,
    audience: &str,
    now: u64,
) -> Result<Claims, TokenError> {
    let (signed, signature) = token.rsplit_once('.').ok_or(TokenError::Malformed)?;
    let mut parts = signed.split('.');
    let (Some(header), Some(payload), None) = (parts.next(), parts.next(), parts.next()) else {
        return Err(TokenError::Malformed);
    };
    let alg = decode_json::<Header>(header)?.alg;
    let signature = URL_SAFE_NO_PAD
        .decode(signature)
        .map_err(|_| TokenError::Malformed)?;
    check_signature(keys, &alg, signed, &signature)?;

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
    sign_with(HS256, claims, |signed| {
        let mut signer = mac(secret);
        signer.update(signed.as_bytes());
        signer.finalize().into_bytes().to_vec()
    })
}

/// Signs `claims` with EdDSA under an Ed25519 private key, as a brand holding a key pair does.
pub fn sign_eddsa(claims: &serde_json::Value, key: &ed25519_dalek::SigningKey) -> String {
    use ed25519_dalek::Signer;
    sign_with(EDDSA, claims, |signed| {
        key.sign(signed.as_bytes()).to_bytes().to_vec()
    })
}

/// A JWT of `claims` with header algorithm `alg`, signed by `signature` over `header.payload`.
fn sign_with(
    alg: &str,
    claims: &serde_json::Value,
    signature: impl FnOnce(&str) -> Vec<u8>,
) -> String {
    let header = URL_SAFE_NO_PAD.encode(format!(r#"{{"alg":"{alg}","typ":"JWT"}}"#));
    let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
    let signed = format!("{header}.{payload}");
    let signature = URL_SAFE_NO_PAD.encode(signature(&signed));
    format!("{signed}.{signature}")
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

    const KEYS: SiteKeys<'static> = SiteKeys {
        secret: Some(SECRET),
        public_key: None,
    };

    fn check(claims: &serde_json::Value) -> Result<Claims, TokenError> {
        verify(&sign(claims, SECRET), &KEYS, "acme", NOW)
    }

    fn key_pair(seed: u8) -> (ed25519_dalek::SigningKey, VerifyingKey) {
        let private = ed25519_dalek::SigningKey::from_bytes(&[seed; 32]);
        let public = private.verifying_key();
        (private, public)
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
            verify(&token, &KEYS, "acme", NOW),
            Err(TokenError::Signature)
        );
        let good = sign(&claims(), SECRET);
        let (signed, _) = good.rsplit_once('.').unwrap();
        let tampered = format!("{}.{}", signed.replace("u-42", "u-43"), "AAAA");
        assert!(verify(&tampered, &KEYS, "acme", NOW).is_err());
        for bad in ["", "a.b", "a.b.c.d", "not a token", &format!("{good}x")] {
            assert!(verify(bad, &KEYS, "acme", NOW).is_err(), "{bad}");
        }
        let unsigned = format!(
            "{}.{}.",
            URL_SAFE_NO_PAD.encode(br#"{"alg":"none"}"#),
            URL_SAFE_NO_PAD.encode(claims().to_string())
        );
        assert_eq!(
            verify(&unsigned, &KEYS, "acme", NOW),
            Err(TokenError::Algorithm("HS256"))
        );
    }

    #[test]
    fn eddsa_tokens_are_checked_with_the_sites_public_key() {
        let (private, public) = key_pair(7);
        let keys = SiteKeys {
            secret: None,
            public_key: Some(&public),
        };
        let token = sign_eddsa(&claims(), &private);
        assert_eq!(verify(&token, &keys, "acme", NOW).unwrap().sub, "u-42");

        let (other, _) = key_pair(8);
        let forged = sign_eddsa(&claims(), &other);
        assert_eq!(
            verify(&forged, &keys, "acme", NOW),
            Err(TokenError::Signature)
        );
        // A site holding only a public key cannot be fooled by an HMAC made with it, nor can a
        // site holding only a secret be sent EdDSA tokens.
        let hmac_with_public = sign(&claims(), public.as_bytes());
        assert_eq!(
            verify(&hmac_with_public, &keys, "acme", NOW),
            Err(TokenError::Algorithm("EdDSA"))
        );
        assert_eq!(
            verify(&token, &KEYS, "acme", NOW),
            Err(TokenError::Algorithm("HS256"))
        );
        let both = SiteKeys {
            secret: Some(SECRET),
            public_key: Some(&public),
        };
        assert!(verify(&token, &both, "acme", NOW).is_ok());
        assert!(verify(&sign(&claims(), SECRET), &both, "acme", NOW).is_ok());
        assert!(matches!(
            verify(
                &sign_eddsa(&with("aud", json!("globex")), &private),
                &keys,
                "acme",
                NOW
            ),
            Err(TokenError::Audience(_))
        ));
    }

    #[test]
    fn public_keys_are_read_from_pem_or_base64() {
        // openssl genpkey -algorithm ed25519 | openssl pkey -pubout
        let (_, public) = key_pair(7);
        let mut der = SPKI_ED25519_PREFIX.to_vec();
        der.extend_from_slice(public.as_bytes());
        let pem = format!(
            "-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----\n",
            STANDARD.encode(&der)
        );
        assert_eq!(parse_public_key(&pem), Ok(public));
        assert_eq!(
            parse_public_key(&STANDARD.encode(public.as_bytes())),
            Ok(public)
        );
        assert_eq!(
            parse_public_key(&URL_SAFE_NO_PAD.encode(public.as_bytes())),
            Ok(public)
        );
        for bad in ["", "not base64!", &STANDARD.encode([1u8; 31])] {
            assert!(parse_public_key(bad).is_err(), "{bad}");
        }
        let rsa = "-----BEGIN PUBLIC KEY-----\nMFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAK\n-----END PUBLIC KEY-----";
        assert!(parse_public_key(rsa).is_err());
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
