//! The anonymous visitor's id, sent with every request so votes survive page loads.
//!
//! It lives in `localStorage` under [`STORAGE_KEY`], shared by every widget on the site's
//! origin. Where storage is unavailable (privacy modes, blocked third-party storage) the id
//! is kept in memory for the page, so voting still works until the visitor leaves.

use std::cell::OnceCell;

use kindred_api::VisitorId;

/// The `localStorage` key holding the visitor id.
pub const STORAGE_KEY: &str = "kindred:visitor";

thread_local! {
    static CURRENT: OnceCell<VisitorId> = const { OnceCell::new() };
}

/// The page's visitor id: read from storage on first use, else created and stored.
pub fn current() -> VisitorId {
    CURRENT.with(|id| id.get_or_init(load_or_create).clone())
}

fn load_or_create() -> VisitorId {
    // Any step may throw (a SecurityError when storage is blocked, a quota error on write):
    // each failure only means the id is not remembered beyond this page.
    let storage = web_sys::window().and_then(|window| window.local_storage().ok().flatten());
    let stored = storage
        .as_ref()
        .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|text| VisitorId::parse(&text).ok());
    stored.unwrap_or_else(|| {
        let id = uuid_v4(random_bytes());
        if let Some(storage) = &storage {
            _ = storage.set_item(STORAGE_KEY, id.as_str());
        }
        id
    })
}

/// A fresh random UUID, for one-off keys such as a submission's `Idempotency-Key`.
pub fn random_key() -> String {
    uuid_v4(random_bytes()).as_str().to_owned()
}

/// Sixteen random bytes from `crypto.getRandomValues`.
///
/// Unlike `crypto.randomUUID`, it also exists on pages served over plain HTTP; `Math.random`
/// is the last resort for a browser without Web Crypto.
fn random_bytes() -> [u8; 16] {
    let mut bytes = [0; 16];
    let filled = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // Truncation is the point: each draw yields one byte.
        bytes.fill_with(|| (js_sys::Math::random() * 256.0) as u8);
    }
    bytes
}

/// Formats random bytes as a UUID version 4 (RFC 9562), setting its version and variant bits.
fn uuid_v4(mut bytes: [u8; 16]) -> VisitorId {
    bytes[6] = (bytes[6] & 0x0F) | 0x40;
    bytes[8] = (bytes[8] & 0x3F) | 0x80;
    let mut text = String::with_capacity(36);
    for (i, byte) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            text.push('-');
        }
        text.push_str(&format!("{byte:02x}"));
    }
    VisitorId::parse(&text).expect("version and variant bits are set above")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_bytes_become_a_valid_v4_uuid() {
        for fill in [0x00, 0x5A, 0xFF] {
            let id = uuid_v4([fill; 16]);
            assert_eq!(VisitorId::parse(id.as_str()), Ok(id.clone()));
        }
        assert_eq!(
            uuid_v4([0xFF; 16]).as_str(),
            "ffffffff-ffff-4fff-bfff-ffffffffffff"
        );
        assert_eq!(
            uuid_v4([0; 16]).as_str(),
            "00000000-0000-4000-8000-000000000000"
        );
    }
}
