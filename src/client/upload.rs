//! Uploads the visitor watches. `fetch` cannot tell how much of a request body has gone, so a
//! photo travels by `XMLHttpRequest`, whose `upload` target reports progress; the answer is
//! then read as every other answer is. An upload has no time limit (a large photo on a slow
//! line takes what it takes); the visitor can cancel it.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Promise;
use kindred_api::CreatePost;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FormData, ProgressEvent, XmlHttpRequest};

use super::ClientError;

/// How much of an upload's body has been sent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Bytes sent.
    pub sent: u64,
    /// Bytes in all; 0 while unknown.
    pub total: u64,
}

impl Progress {
    /// The share sent, in whole percent: 0 while the total is unknown, never over 100.
    pub fn percent(self) -> u32 {
        if self.total == 0 {
            return 0;
        }
        let percent = self.sent.min(self.total) * 100 / self.total;
        u32::try_from(percent).unwrap_or(100)
    }
}

/// Stops the upload under way, if any. Cloned, it stops the same upload.
#[derive(Clone, Default)]
pub struct Cancel(Rc<RefCell<Option<XmlHttpRequest>>>);

impl Cancel {
    /// A handle with nothing to stop yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Aborts the upload under way; its request then fails as [`ClientError::Network`].
    pub fn cancel(&self) {
        if let Some(request) = self.0.borrow_mut().take() {
            _ = request.abort();
        }
    }
}

/// The parts of `post` with its `photo`, as Kindred's contract takes them.
pub fn parts(post: &CreatePost, photo: &File) -> Option<FormData> {
    let parts = FormData::new().ok()?;
    parts
        .append_with_blob_and_filename("image", photo, &photo.name())
        .ok()?;
    parts.append_with_str("alt", &post.alt).ok()?;
    parts.append_with_str("caption", &post.caption).ok()?;
    for slug in &post.product_tags {
        parts.append_with_str("product_tags", slug).ok()?;
    }
    parts
        .append_with_str("consent", if post.consent { "true" } else { "false" })
        .ok()?;
    if !post.website.is_empty() {
        parts.append_with_str("website", &post.website).ok()?;
    }
    Some(parts)
}

/// Sends `parts` to `url` by `method` with `headers`, calling `on_progress` as the body
/// goes, and answers the status and body that came back. `cancel` can abort it meanwhile.
pub async fn send(
    method: &str,
    url: &str,
    headers: &[(&str, String)],
    parts: &FormData,
    on_progress: impl Fn(Progress) + 'static,
    cancel: &Cancel,
) -> Result<(u16, String), ClientError> {
    let request = XmlHttpRequest::new().map_err(|_| ClientError::Network)?;
    request
        .open(method, url)
        .map_err(|_| ClientError::Network)?;
    for (name, value) in headers {
        request
            .set_request_header(name, value)
            .map_err(|_| ClientError::Network)?;
    }
    let progress = Closure::<dyn Fn(ProgressEvent)>::new(move |event: ProgressEvent| {
        // Byte counts are whole numbers well within an f64's exact range.
        on_progress(Progress {
            sent: event.loaded() as u64,
            total: if event.length_computable() {
                event.total() as u64
            } else {
                0
            },
        });
    });
    if let Ok(upload) = request.upload() {
        upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    }
    // `loadend` follows every ending: an answer, a network error, an abort.
    let ended = Promise::new(&mut |resolve, _| request.set_onloadend(Some(&resolve)));
    request
        .send_with_opt_form_data(Some(parts))
        .map_err(|_| ClientError::Network)?;
    cancel.0.replace(Some(request.clone()));
    _ = JsFuture::from(ended).await;
    cancel.0.borrow_mut().take();
    drop(progress);
    match request.status().unwrap_or(0) {
        // No answer: offline, refused, or aborted.
        0 => Err(ClientError::Network),
        status => Ok((
            status,
            request.response_text().ok().flatten().unwrap_or_default(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_a_whole_percent_within_bounds() {
        let at = |sent, total| Progress { sent, total }.percent();
        assert_eq!(at(0, 0), 0);
        assert_eq!(at(50, 0), 0);
        assert_eq!(at(0, 200), 0);
        assert_eq!(at(99, 200), 49);
        assert_eq!(at(200, 200), 100);
        assert_eq!(at(300, 200), 100);
    }
}
