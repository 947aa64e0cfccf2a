//! A request's time limit: an `AbortController` aborted by a timer, so a slow API ends in a
//! clear timeout instead of a widget that loads forever.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{AbortController, AbortSignal};

/// A running time limit; dropping it clears the timer.
pub struct Deadline {
    controller: Option<AbortController>,
    timer: Option<(i32, Closure<dyn FnMut()>)>,
    passed: Rc<Cell<bool>>,
}

impl Deadline {
    /// Starts a limit of `ms` milliseconds. Where the browser offers no `AbortController`
    /// or timer, requests simply run without one.
    pub fn start(ms: u32) -> Self {
        let passed = Rc::new(Cell::new(false));
        let controller = AbortController::new().ok();
        let timer = controller.as_ref().and_then(|controller| {
            let controller = controller.clone();
            let flag = Rc::clone(&passed);
            let on_timeout = Closure::<dyn FnMut()>::new(move || {
                flag.set(true);
                controller.abort();
            });
            let id = web_sys::window()?
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    on_timeout.as_ref().unchecked_ref(),
                    i32::try_from(ms).unwrap_or(i32::MAX),
                )
                .ok()?;
            Some((id, on_timeout))
        });
        Self {
            controller,
            timer,
            passed,
        }
    }

    /// The signal that aborts the request when the limit passes.
    pub fn signal(&self) -> Option<AbortSignal> {
        self.controller.as_ref().map(AbortController::signal)
    }

    /// Whether the limit passed (and so aborted the request).
    pub fn passed(&self) -> bool {
        self.passed.get()
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let (Some((id, _)), Some(window)) = (&self.timer, web_sys::window()) {
            window.clear_timeout_with_handle(*id);
        }
    }
}
