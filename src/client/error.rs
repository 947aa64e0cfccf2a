//! How a request can fail, told apart so the widget can say something useful: no answer at
//! all, an answer in the contract's error shape, or an answer the contract does not describe.

use std::fmt;

use kindred_api::{ErrorBody, ErrorCode, FieldErrors};
use serde::de::DeserializeOwned;

/// A failed API request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClientError {
    /// No HTTP answer arrived: offline, DNS failure, refused connection or a CORS refusal.
    Network,
    /// The answer did not arrive within the widget's time limit.
    Timeout {
        /// The limit, in milliseconds.
        after_ms: u32,
    },
    /// The server refused the request with the contract's error body.
    Api {
        /// The HTTP status.
        status: u16,
        /// The stable reason.
        code: ErrorCode,
        /// The server's English explanation, for developers.
        message: String,
        /// Per-field error codes of a `validation_failed` answer; empty otherwise.
        fields: FieldErrors,
    },
    /// The server answered something the contract (or the adapter) does not describe.
    BadResponse {
        /// The HTTP status.
        status: u16,
    },
    /// The API's adapter does not offer what was asked.
    Unsupported {
        /// The operation, as adapters name it.
        operation: &'static str,
    },
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Network => f.write_str("no response (offline, unreachable or blocked by CORS)"),
            Self::Timeout { after_ms } => write!(f, "no complete response within {after_ms} ms"),
            Self::Api {
                status,
                code,
                message,
                ..
            } => write!(f, "{status} {code}: {message}"),
            Self::BadResponse { status } => {
                write!(
                    f,
                    "{status} with a body that does not follow the API contract"
                )
            }
            Self::Unsupported { operation } => {
                write!(f, "the adapter does not offer `{operation}`")
            }
        }
    }
}

impl std::error::Error for ClientError {}

/// Reads a response: a 2xx body as `T`, an error status as the contract's [`ErrorBody`].
pub(crate) fn decode<T: DeserializeOwned>(status: u16, body: &str) -> Result<T, ClientError> {
    if (200..300).contains(&status) {
        return serde_json::from_str(body).map_err(|_| ClientError::BadResponse { status });
    }
    match serde_json::from_str::<ErrorBody>(body) {
        Ok(ErrorBody { error }) => Err(ClientError::Api {
            status,
            code: error.code,
            message: error.message,
            fields: error.fields,
        }),
        Err(_) => Err(ClientError::BadResponse { status }),
    }
}

#[cfg(test)]
mod tests {
    use kindred_api::VoteState;

    use super::*;

    #[test]
    fn success_bodies_are_decoded() {
        let state: VoteState =
            decode(200, r#"{"idea_id":"7","vote_count":3,"voted":true}"#).unwrap();
        assert_eq!(state.vote_count, 3);
        assert!(state.voted);
    }

    #[test]
    fn error_bodies_keep_their_code() {
        let body = r#"{"error":{"code":"rate_limited","message":"slow down"}}"#;
        assert_eq!(
            decode::<VoteState>(429, body),
            Err(ClientError::Api {
                status: 429,
                code: ErrorCode::RateLimited,
                message: "slow down".into(),
                fields: FieldErrors::new(),
            })
        );
    }

    #[test]
    fn bodies_outside_the_contract_are_bad_responses() {
        assert_eq!(
            decode::<VoteState>(200, "<html>"),
            Err(ClientError::BadResponse { status: 200 })
        );
        assert_eq!(
            decode::<VoteState>(502, "Bad Gateway"),
            Err(ClientError::BadResponse { status: 502 })
        );
    }
}
