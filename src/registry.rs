//! The page's live widgets.
//!
//! Widgets are owned here rather than by the handles JavaScript holds: the glue frees a
//! handle when it is garbage-collected (the loader may well drop it), and a widget must stay
//! mounted until the page asks to unmount it. Mounting into a host that already has a widget
//! replaces that widget, so a host never runs two.

use std::cell::{Cell, RefCell};

use web_sys::{CssStyleSheet, HtmlElement};

use crate::instance::Instance;

/// Identifies one mounted widget; never reused within a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InstanceId(u64);

struct Live {
    id: InstanceId,
    instance: Instance,
}

thread_local! {
    static LIVE: RefCell<Vec<Live>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u64> = const { Cell::new(0) };
}

/// Mounts a widget into `host`, after unmounting any widget already there.
pub fn mount(host: &HtmlElement, options: &str, sheet: &CssStyleSheet) -> Option<InstanceId> {
    if let Some(previous) = take(|live| live.instance.is_in(host)) {
        previous.unmount();
    }
    let instance = Instance::mount(host, options, sheet)?;
    let id = InstanceId(NEXT_ID.replace(NEXT_ID.get() + 1));
    LIVE.with_borrow_mut(|widgets| widgets.push(Live { id, instance }));
    Some(id)
}

/// Unmounts widget `id`; does nothing if it was already replaced or unmounted.
pub fn unmount(id: InstanceId) {
    if let Some(instance) = take(|live| live.id == id) {
        instance.unmount();
    }
}

/// Removes the first live widget that `matches` from the registry. The caller unmounts it
/// after the registry is released, so cleanup code can never find the registry borrowed.
fn take(matches: impl Fn(&Live) -> bool) -> Option<Instance> {
    LIVE.with_borrow_mut(|widgets| {
        let at = widgets.iter().position(matches)?;
        Some(widgets.swap_remove(at).instance)
    })
}
