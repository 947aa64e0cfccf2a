//! Every request runs to completion once the server has started on it, even if the client
//! goes away meanwhile (a page closed while its widget's beacon was on its way, a timeout).
//!
//! Without this, hyper drops a request's future when its connection closes, and a handler
//! dropped at the wrong moment (between a transaction's `BEGIN` and the value that would
//! roll it back) leaves the database connection inside a transaction, so every later write
//! on it fails. Running the handler as its own task makes that impossible and costs one task
//! spawn per request; the response is simply not read by anyone when the client has gone.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::Error;

/// Runs the rest of the service for `request` as a task of its own and answers its response.
pub async fn run_to_completion(request: Request, next: Next) -> Response {
    match tokio::spawn(next.run(request)).await {
        Ok(response) => response,
        Err(failed) => Error::Internal(format!("request task failed: {failed}")).into_response(),
    }
}
