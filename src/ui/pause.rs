//! Waiting for a pause: work that should follow typing (a search, a lookup) runs once the
//! visitor stops for a moment, not on every keystroke, and never after its view is gone.

use std::time::Duration;

use leptos::leptos_dom::helpers::{set_timeout_with_handle, TimeoutHandle};
use leptos::prelude::*;

/// A timer restarted by each call, cancelled when the current owner is disposed.
#[derive(Clone, Copy)]
pub struct Pause {
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl Pause {
    /// A pause owned by the current owner.
    pub fn new() -> Self {
        let pause = Self {
            timer: StoredValue::new(None),
        };
        on_cleanup(move || pause.cancel());
        pause
    }

    /// Runs `then` after `wait`, unless called again (or cancelled) first.
    pub fn restart(self, wait: Duration, then: impl FnOnce() + 'static) {
        self.cancel();
        self.timer
            .try_set_value(set_timeout_with_handle(then, wait).ok());
    }

    /// Forgets the waiting work, if any.
    pub fn cancel(self) {
        if let Some(timer) = self.timer.try_update_value(Option::take).flatten() {
            timer.clear();
        }
    }
}
