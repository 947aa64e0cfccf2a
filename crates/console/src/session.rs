//! The moderator's admin key for this browser tab: kept in session storage, so that it
//! survives a reload but not the tab, and never put in a URL.

use leptos::prelude::*;

use crate::api::Api;

/// Where the key is kept in session storage.
const STORAGE_KEY: &str = "kindred-console-key";

/// Whether the moderator is signed in, and with which key; shared through context.
#[derive(Clone, Copy)]
pub struct Session {
    key: RwSignal<Option<String>>,
}

impl Session {
    /// The session this tab already has, if any.
    pub fn restore() -> Self {
        let key = storage().and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten());
        Self {
            key: RwSignal::new(key.filter(|key| !key.is_empty())),
        }
    }

    /// A client signed with the session's key, while signed in (tracked).
    pub fn api(self) -> Option<Api> {
        self.key.get().map(Api::new)
    }

    /// A client signed with the session's key, while signed in (untracked, for handlers).
    pub fn api_untracked(self) -> Option<Api> {
        self.key.get_untracked().map(Api::new)
    }

    /// Signs in with `key`, which the server has accepted.
    pub fn sign_in(self, key: String) {
        if let Some(storage) = storage() {
            _ = storage.set_item(STORAGE_KEY, &key);
        }
        self.key.set(Some(key));
    }

    /// Forgets the key: signing out, or the server refusing it.
    pub fn sign_out(self) {
        if let Some(storage) = storage() {
            _ = storage.remove_item(STORAGE_KEY);
        }
        self.key.set(None);
    }
}

/// The session of the component being rendered.
pub fn use_session() -> Session {
    expect_context::<Session>()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}
