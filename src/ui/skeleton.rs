//! Placeholder cards shaped like the content they stand in for, so nothing jumps when the
//! real content arrives.

use leptos::prelude::*;

/// `count` skeleton list items, hidden from assistive technology (the caller announces the
/// loading state in words).
#[component]
pub fn SkeletonCards(
    /// How many cards to show.
    count: usize,
) -> impl IntoView {
    (0..count)
        .map(|_| {
            view! {
                <li class="skeleton" aria-hidden="true">
                    <span class="skeleton__bar skeleton__bar--badge"></span>
                    <span class="skeleton__bar skeleton__bar--title"></span>
                    <span class="skeleton__bar"></span>
                    <span class="skeleton__bar skeleton__bar--short"></span>
                    <span class="skeleton__vote"></span>
                </li>
            }
        })
        .collect_view()
}
