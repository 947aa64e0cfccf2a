//! How many items wait for review, kept fresh for the console's bar and the page's title, so
//! that a moderator always sees what is left.

use std::time::Duration;

use kindred_api::moderation::QueueCounts;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::session::Session;
use crate::text;

/// How often the counts are asked for again while nothing else changes them.
const REFRESH: Duration = Duration::from_secs(30);

/// The pending counts, shared through context.
#[derive(Clone, Copy)]
pub struct Pending {
    session: Session,
    counts: RwSignal<Option<QueueCounts>>,
}

impl Pending {
    /// Starts keeping the counts for `session`: now, every 30 seconds, and whenever
    /// [`Pending::refresh`] is called; the page's title follows them.
    pub fn keep(session: Session) -> Self {
        let pending = Self {
            session,
            counts: RwSignal::new(None),
        };
        pending.refresh();
        if let Ok(interval) = set_interval_with_handle(move || pending.refresh(), REFRESH) {
            on_cleanup(move || interval.clear());
        }
        Effect::new(move || {
            if let Some(document) = web_sys::window().and_then(|window| window.document()) {
                document.set_title(&text::title(pending.total()));
            }
        });
        pending
    }

    /// How many items wait in all, once known (tracked).
    pub fn total(self) -> Option<u32> {
        self.counts.with(|counts| counts.map(|counts| counts.total))
    }

    /// Asks the server for the counts again.
    pub fn refresh(self) {
        let Some(api) = self.session.api_untracked() else {
            return;
        };
        spawn_local(async move {
            match api.get::<QueueCounts>("/v1/moderation/queue/counts").await {
                Ok(counts) => {
                    self.counts.try_set(Some(counts));
                }
                Err(error) if error.is_unauthorized() => self.session.sign_out(),
                // The last counts stay until a refresh succeeds.
                Err(_) => {}
            }
        });
    }
}

/// The pending counts of the console being rendered.
pub fn use_pending() -> Pending {
    expect_context::<Pending>()
}
