//! Who is asking: the anonymous visitor id from the `X-Kindred-Visitor` header.
//!
//! Handlers that act for someone (voting, proposing) take [`Visitor`] and reject anonymous
//! strangers with 401; handlers that only personalise a read (the `voted` flag) take
//! `Option<Visitor>`. A header that is present but not a UUID v4 is refused in both cases
//! rather than silently ignored, so a broken client notices.

use axum::extract::{FromRequestParts, OptionalFromRequestParts};
use axum::http::request::Parts;
use kindred_api::{VisitorId, VISITOR_HEADER};

use crate::error::Error;

/// An anonymous visitor identified by the id the widget keeps in storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Visitor(pub VisitorId);

impl Visitor {
    /// The key stored in `votes.voter` and `ideas.author_visitor`.
    ///
    /// Visitor keys are prefixed so identities of other kinds (signed-in users) can share
    /// the same columns without colliding.
    pub fn key(&self) -> String {
        voter_key(&self.0)
    }
}

/// The stored key of an anonymous visitor: `visitor:<uuid>`.
pub fn voter_key(id: &VisitorId) -> String {
    format!("visitor:{id}")
}

fn read_header(parts: &Parts) -> Result<Option<Visitor>, Error> {
    let Some(value) = parts.headers.get(VISITOR_HEADER) else {
        return Ok(None);
    };
    let id = value
        .to_str()
        .ok()
        .and_then(|text| VisitorId::parse(text.trim()).ok())
        .ok_or_else(|| {
            Error::Unauthorized(format!("the `{VISITOR_HEADER}` header must be a UUID v4"))
        })?;
    Ok(Some(Visitor(id)))
}

impl<S: Send + Sync> FromRequestParts<S> for Visitor {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        read_header(parts)?.ok_or_else(|| {
            Error::Unauthorized(format!("the `{VISITOR_HEADER}` header is required"))
        })
    }
}

impl<S: Send + Sync> OptionalFromRequestParts<S> for Visitor {
    type Rejection = Error;

    async fn from_request_parts(
        parts: &mut Parts,
        _state: &S,
    ) -> Result<Option<Self>, Self::Rejection> {
        read_header(parts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::Request;

    fn parts(header: Option<&str>) -> Parts {
        let mut request = Request::builder();
        if let Some(value) = header {
            request = request.header(VISITOR_HEADER, value);
        }
        request.body(()).unwrap().into_parts().0
    }

    #[test]
    fn reads_and_normalises_the_header() {
        let visitor = read_header(&parts(Some("0F8FAD5B-D9CB-469F-A165-70867728950E")))
            .unwrap()
            .unwrap();
        assert_eq!(
            visitor.key(),
            "visitor:0f8fad5b-d9cb-469f-a165-70867728950e"
        );
    }

    #[test]
    fn absent_is_none_and_invalid_is_refused() {
        assert_eq!(read_header(&parts(None)).unwrap(), None);
        assert!(matches!(
            read_header(&parts(Some("nope"))),
            Err(Error::Unauthorized(_))
        ));
    }
}
