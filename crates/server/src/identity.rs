//! Who is asking: a signed-in user (an SSO token in `Authorization: Bearer …`) or an anonymous
//! visitor (the id in the `X-Kindred-Visitor` header).
//!
//! Handlers that act for someone (voting, proposing) take [`Identity`] and reject strangers
//! with 401; handlers that only personalise a read (the `voted` flag) take `Option<Identity>`.
//! In both cases a token or visitor id that is present but invalid is refused with 401 rather
//! than ignored: a bad token never falls back to anonymous, and a broken client notices.
//!
//! A token is checked against the site of the resource the request acts on (a board, feed or
//! form by its slug, an idea or post by its id), whose slug its `aud` must name and whose key
//! must sign it (see [`crate::sso`]). An identity acting on a write (anything but `GET`,
//! `HEAD`, `OPTIONS`) is then counted against its write limit, and refused with 429 when over
//! it, and refused with 403 when the site of the resource has blocked it (see
//! [`crate::store::moderation::blocks`]), so every write route enforces blocks.

use std::time::{SystemTime, UNIX_EPOCH};

use axum::extract::{FromRequestParts, OptionalFromRequestParts};
use axum::http::header;
use axum::http::request::Parts;
use kindred_api::{Author, VisitorId, VISITOR_HEADER};

use crate::error::{Error, Result};
use crate::rate_limit::is_write;
use crate::routes::{parse_idea_id, parse_post_id};
use crate::sso::{self, Claims, SiteKeys};
use crate::state::AppState;
use crate::store::sso::Resource;

/// Whoever a request acts for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Identity {
    /// An anonymous visitor identified by the id the widget keeps in storage.
    Visitor(VisitorId),
    /// A brand's user, signed in with a verified SSO token.
    User(Claims),
}

impl Identity {
    /// The key stored in `votes.voter` and `ideas.author_voter`: `visitor:<uuid>` or
    /// `user:<sub>`, prefixed so the two kinds never collide.
    pub fn key(&self) -> String {
        match self {
            Self::Visitor(id) => voter_key(id),
            Self::User(claims) => format!("user:{}", claims.sub),
        }
    }

    /// Whether this is an anonymous visitor rather than a signed-in user.
    pub fn is_anonymous(&self) -> bool {
        matches!(self, Self::Visitor(_))
    }

    /// The name shown on what this identity writes: the user's own, else `anonymous` (the
    /// site's name for anonymous authors).
    pub fn author_name<'a>(&'a self, anonymous: &'a str) -> &'a str {
        match self {
            Self::User(Claims {
                name: Some(name), ..
            }) => name,
            _ => anonymous,
        }
    }

    /// The public face of what this identity writes: [`Identity::author_name`] and
    /// [`Identity::avatar`].
    pub fn author(&self, anonymous: &str) -> Author {
        Author {
            name: self.author_name(anonymous).to_owned(),
            avatar: self.avatar().map(str::to_owned),
        }
    }

    /// The user's avatar URL, if any.
    pub fn avatar(&self) -> Option<&str> {
        match self {
            Self::User(claims) => claims.avatar.as_deref(),
            Self::Visitor(_) => None,
        }
    }
}

/// The stored key of an anonymous visitor: `visitor:<uuid>`.
pub fn voter_key(id: &VisitorId) -> String {
    format!("visitor:{id}")
}

fn read_visitor(parts: &Parts) -> Result<Option<VisitorId>> {
    let Some(value) = parts.headers.get(VISITOR_HEADER) else {
        return Ok(None);
    };
    value
        .to_str()
        .ok()
        .and_then(|text| VisitorId::parse(text.trim()).ok())
        .map(Some)
        .ok_or_else(|| {
            Error::Unauthorized(format!("the `{VISITOR_HEADER}` header must be a UUID v4"))
        })
}

/// The token in `Authorization: Bearer <token>`, if the header is there.
pub(crate) fn read_bearer(parts: &Parts) -> Result<Option<&str>> {
    let Some(value) = parts.headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    value
        .to_str()
        .ok()
        .and_then(|text| text.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| Some(token.trim()))
        .ok_or_else(|| {
            Error::Unauthorized("the `Authorization` header must be `Bearer <token>`".into())
        })
}

/// The resource a request's path acts on, which decides the site a token must be for.
fn resource(path: &str) -> Result<Resource<'_>> {
    let segment = |prefix| {
        path.strip_prefix(prefix)
            .and_then(|rest| rest.split('/').next())
    };
    if let Some(board) = segment("/v1/boards/") {
        Ok(Resource::Board(board))
    } else if let Some(id) = segment("/v1/ideas/") {
        Ok(Resource::Idea(parse_idea_id(id)?))
    } else if let Some(form) = segment("/v1/forms/") {
        Ok(Resource::Form(form))
    } else if let Some(feed) = segment("/v1/feeds/") {
        Ok(Resource::Feed(feed))
    } else if let Some(id) = segment("/v1/posts/") {
        Ok(Resource::Post(parse_post_id(id)?))
    } else {
        Err(Error::Unauthorized(
            "SSO tokens are not accepted on this route".into(),
        ))
    }
}

/// Verifies `token` for the site of the resource the request acts on.
async fn verify_token(parts: &Parts, state: &AppState, token: &str) -> Result<Claims> {
    let resource = resource(parts.uri.path())?;
    let site = state.store.sso_site(resource).await?.ok_or_else(|| {
        Error::not_found(match resource {
            Resource::Board(_) => "no board with this slug",
            Resource::Idea(_) => "no idea with this id",
            Resource::Form(_) => "no form with this slug",
            Resource::Feed(_) => "no feed with this slug",
            Resource::Post(_) => "no post with this id",
        })
    })?;
    let public_key = match site.public_key.as_deref().map(sso::parse_public_key) {
        Some(Ok(key)) => Some(key),
        Some(Err(error)) => {
            return Err(Error::Internal(format!(
                "site `{}` has an unreadable SSO public key: {error}",
                site.slug
            )))
        }
        None => None,
    };
    let keys = SiteKeys {
        secret: site.secret.as_deref().map(str::as_bytes),
        public_key: public_key.as_ref(),
    };
    if keys.secret.is_none() && keys.public_key.is_none() {
        return Err(Error::Unauthorized(format!(
            "site `{}` does not accept SSO tokens",
            site.slug
        )));
    }
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    sso::verify(token, &keys, &site.slug, now)
        .map_err(|error| Error::Unauthorized(format!("invalid SSO token: {error}")))
}

/// The caller's identity, counted against its write limit when the request writes.
async fn identify(parts: &Parts, state: &AppState) -> Result<Option<Identity>> {
    let identity = match read_bearer(parts)? {
        Some(token) => Some(Identity::User(verify_token(parts, state, token).await?)),
        None => read_visitor(parts)?.map(Identity::Visitor),
    };
    if let Some(identity) = &identity {
        if is_write(&parts.method) {
            let key = identity.key();
            state.limits.check_identity(&key)?;
            check_not_blocked(parts, state, &key).await?;
        }
    }
    Ok(identity)
}

/// Refuses a write by `key` when the site of the resource it acts on has blocked it. Paths
/// that name no board or idea, or a malformed idea id, are left to their routes.
async fn check_not_blocked(parts: &Parts, state: &AppState, key: &str) -> Result<()> {
    let Ok(resource) = resource(parts.uri.path()) else {
        return Ok(());
    };
    if state.store.is_blocked(resource, key).await? {
        return Err(Error::Forbidden(
            "this identity is blocked from contributing to this site; reading stays open".into(),
        ));
    }
    Ok(())
}

impl FromRequestParts<AppState> for Identity {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self> {
        identify(parts, state).await?.ok_or_else(|| {
            Error::Unauthorized(format!(
                "the `{VISITOR_HEADER}` header or an SSO token is required"
            ))
        })
    }
}

impl OptionalFromRequestParts<AppState> for Identity {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Option<Self>> {
        identify(parts, state).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::Request;

    fn parts(name: &str, value: Option<&str>) -> Parts {
        let mut request = Request::builder();
        if let Some(value) = value {
            request = request.header(name, value);
        }
        request.body(()).unwrap().into_parts().0
    }

    #[test]
    fn reads_and_normalises_the_visitor_header() {
        let id = read_visitor(&parts(
            VISITOR_HEADER,
            Some("0F8FAD5B-D9CB-469F-A165-70867728950E"),
        ))
        .unwrap()
        .unwrap();
        assert_eq!(
            Identity::Visitor(id).key(),
            "visitor:0f8fad5b-d9cb-469f-a165-70867728950e"
        );
    }

    #[test]
    fn absent_is_none_and_invalid_is_refused() {
        assert_eq!(read_visitor(&parts(VISITOR_HEADER, None)).unwrap(), None);
        assert!(matches!(
            read_visitor(&parts(VISITOR_HEADER, Some("nope"))),
            Err(Error::Unauthorized(_))
        ));
        assert_eq!(read_bearer(&parts("authorization", None)).unwrap(), None);
        assert_eq!(
            read_bearer(&parts("authorization", Some("bearer abc"))).unwrap(),
            Some("abc")
        );
        assert!(matches!(
            read_bearer(&parts("authorization", Some("Basic dXNlcjpwdw=="))),
            Err(Error::Unauthorized(_))
        ));
    }

    #[test]
    fn tokens_are_checked_against_the_resource_in_the_path() {
        assert_eq!(
            resource("/v1/boards/ideas/ideas").unwrap(),
            Resource::Board("ideas")
        );
        assert_eq!(resource("/v1/ideas/7/vote").unwrap(), Resource::Idea(7));
        assert_eq!(
            resource("/v1/forms/wishlist/submissions").unwrap(),
            Resource::Form("wishlist")
        );
        assert!(matches!(resource("/v1/ideas/x"), Err(Error::NotFound(_))));
        assert_eq!(
            resource("/v1/feeds/trail-stories/posts").unwrap(),
            Resource::Feed("trail-stories")
        );
        assert_eq!(resource("/v1/posts/9/like").unwrap(), Resource::Post(9));
        assert!(matches!(resource("/v1/posts/-1"), Err(Error::NotFound(_))));
        assert!(matches!(
            resource("/v1/sites/acme"),
            Err(Error::Unauthorized(_))
        ));
    }

    #[test]
    fn users_are_keyed_by_sub_and_carry_their_profile() {
        let user = Identity::User(Claims {
            sub: "u-42".into(),
            name: Some("Maya".into()),
            avatar: Some("https://cdn.acme.test/m.png".into()),
        });
        assert_eq!(user.key(), "user:u-42");
        assert!(!user.is_anonymous());
        assert_eq!(user.author_name("Anonymous"), "Maya");
        assert_eq!(user.avatar(), Some("https://cdn.acme.test/m.png"));
    }
}
