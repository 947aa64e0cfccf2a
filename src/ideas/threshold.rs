//! The supporter threshold (as on LEGO Ideas): where a board sets one, each idea shows how
//! close it is to the support the brand asks for before it reviews an idea, and celebrates
//! when it gets there.

use leptos::prelude::*;

use super::vote::VoteControl;
use crate::i18n::use_catalog;

/// How far an idea is from its board's threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// This many more supporters are needed.
    Needs(u32),
    /// The idea has the support asked for.
    Reached,
}

impl Progress {
    /// The progress of an idea with `supporters` towards `threshold`.
    pub fn of(supporters: u32, threshold: u32) -> Self {
        match threshold.saturating_sub(supporters) {
            0 => Self::Reached,
            missing => Self::Needs(missing),
        }
    }
}

/// A progress bar towards `threshold` supporters with the words for it, following the idea's
/// live tally.
#[component]
pub fn SupportMeter(
    /// The idea's vote state.
    control: VoteControl,
    /// Supporters the board asks for.
    threshold: u32,
) -> impl IntoView {
    let t = use_catalog();
    let count = move || control.tally().count;
    let progress = move || Progress::of(count(), threshold);
    let reached = move || progress() == Progress::Reached;
    let words = move || match progress() {
        Progress::Needs(missing) => t.supporters_needed(missing),
        Progress::Reached => t.threshold_reached().to_owned(),
    };
    view! {
        <div
            class="meter"
            class:meter--reached=reached
            part="threshold"
            data-testid="threshold"
            data-reached=move || reached().to_string()
        >
            <progress
                class="meter__bar"
                max=threshold
                value=move || count().min(threshold)
                aria-label=move || t.threshold_label(count(), threshold)
            ></progress>
            <p class="meter__text">
                {move || reached().then(|| view! {
                    <svg class="meter__icon" viewBox="0 0 16 16" aria-hidden="true">
                        <path d="M3 8.5 6.5 12 13 4.5"></path>
                    </svg>
                })}
                {words}
            </p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_counts_the_supporters_missing() {
        assert_eq!(Progress::of(0, 50), Progress::Needs(50));
        assert_eq!(Progress::of(49, 50), Progress::Needs(1));
        assert_eq!(Progress::of(50, 50), Progress::Reached);
        assert_eq!(Progress::of(700, 50), Progress::Reached);
        assert_eq!(Progress::of(0, 0), Progress::Reached);
    }
}
