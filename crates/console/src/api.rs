//! The console's way to the moderation API: every request carries the admin key as a bearer
//! token, and every refusal is read from the API's JSON error body.

use gloo_net::http::{Request, RequestBuilder, Response};
use kindred_api::{ErrorBody, ErrorCode, FieldErrors};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::text;

/// Why a request did not give what was asked.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// No answer: the network or the server is down.
    Network,
    /// The server refused, saying why.
    Refused {
        /// The HTTP status.
        status: u16,
        /// The API's error code.
        code: ErrorCode,
        /// The API's message.
        message: String,
        /// What was wrong with each field of the request.
        fields: FieldErrors,
    },
    /// An answer that is not what the API promises.
    BadResponse {
        /// The HTTP status.
        status: u16,
    },
}

impl ApiError {
    /// Whether the server refused the admin key.
    pub fn is_unauthorized(&self) -> bool {
        matches!(self, Self::Refused { status: 401, .. })
    }

    /// What the server said was wrong with each field, if it refused the request's fields.
    pub fn fields(&self) -> Option<&FieldErrors> {
        match self {
            Self::Refused { fields, .. } => Some(fields),
            _ => None,
        }
    }

    /// What to tell the moderator.
    pub fn message(&self) -> String {
        match self {
            Self::Network => text::UNREACHABLE.to_owned(),
            Self::Refused { status: 401, .. } => text::WRONG_KEY.to_owned(),
            Self::Refused { message, .. } => message.clone(),
            Self::BadResponse { .. } => text::BAD_RESPONSE.to_owned(),
        }
    }
}

/// A client of the API on the console's own origin, signed with an admin key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Api {
    key: String,
}

impl Api {
    /// A client sending `key`.
    pub fn new(key: String) -> Self {
        Self { key }
    }

    /// `GET path` (from `/v1/`), read as `T`.
    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        let response = self.sign(Request::get(path)).send().await;
        read(response).await
    }

    /// `GET path` (from `/v1/`), read as text, such as a CSV file.
    pub async fn get_text(&self, path: &str) -> Result<String, ApiError> {
        let response = succeeded(self.sign(Request::get(path)).send().await).await?;
        response.text().await.map_err(|_| ApiError::Network)
    }

    /// `GET path` of the public API, as visitors read it: without the admin key, which the
    /// public API would take for a visitor's sign-in token and refuse.
    pub async fn get_public<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        read(Request::get(path).send().await).await
    }

    /// `POST path` with `body` as JSON, answered with `T`.
    pub async fn post<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        self.send_json(Request::post(path), body).await
    }

    /// `PUT path` with `body` as JSON, answered with `T`.
    pub async fn put<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        self.send_json(Request::put(path), body).await
    }

    /// `DELETE path`, answered with `T`.
    pub async fn delete<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        read(self.sign(Request::delete(path)).send().await).await
    }

    /// `DELETE path`, answered with no body (`204 No Content`).
    pub async fn delete_empty(&self, path: &str) -> Result<(), ApiError> {
        succeeded(self.sign(Request::delete(path)).send().await).await?;
        Ok(())
    }

    async fn send_json<B: Serialize, T: DeserializeOwned>(
        &self,
        request: RequestBuilder,
        body: &B,
    ) -> Result<T, ApiError> {
        let request = self
            .sign(request)
            .json(body)
            .map_err(|_| ApiError::Network)?;
        read(request.send().await).await
    }

    fn sign(&self, request: RequestBuilder) -> RequestBuilder {
        request.header("Authorization", &format!("Bearer {}", self.key))
    }
}

/// The answer when it succeeded, whatever its body; else the API's error body.
async fn succeeded(response: Result<Response, gloo_net::Error>) -> Result<Response, ApiError> {
    let response = response.map_err(|_| ApiError::Network)?;
    if response.ok() {
        return Ok(response);
    }
    let status = response.status();
    let body = response.text().await.map_err(|_| ApiError::Network)?;
    Err(refusal(status, &body))
}

/// Reads an answer: its body as `T` when it succeeded, else the API's error body.
async fn read<T: DeserializeOwned>(
    response: Result<Response, gloo_net::Error>,
) -> Result<T, ApiError> {
    let response = succeeded(response).await?;
    let status = response.status();
    let body = response.text().await.map_err(|_| ApiError::Network)?;
    serde_json::from_str(&body).map_err(|_| ApiError::BadResponse { status })
}

/// What a refusal with `status` and `body` says.
fn refusal(status: u16, body: &str) -> ApiError {
    match serde_json::from_str::<ErrorBody>(body) {
        Ok(ErrorBody { error }) => ApiError::Refused {
            status,
            code: error.code,
            message: error.message,
            fields: error.fields,
        },
        Err(_) => ApiError::BadResponse { status },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(status: u16, code: ErrorCode) -> ApiError {
        ApiError::Refused {
            status,
            code,
            message: "The reason is too long.".into(),
            fields: FieldErrors::new(),
        }
    }

    #[test]
    fn a_refused_key_is_told_apart_and_explained() {
        let key = refused(401, ErrorCode::Unauthorized);
        assert!(key.is_unauthorized());
        assert_eq!(key.message(), text::WRONG_KEY);
        let invalid = refused(422, ErrorCode::ValidationFailed);
        assert!(!invalid.is_unauthorized());
        assert_eq!(invalid.message(), "The reason is too long.");
        assert_eq!(ApiError::Network.message(), text::UNREACHABLE);
        assert_eq!(
            ApiError::BadResponse { status: 200 }.message(),
            text::BAD_RESPONSE
        );
    }
}
