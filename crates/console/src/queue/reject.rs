//! The form a rejection is given with, for one item or several: a reason, required and kept
//! in the moderation log, and the choice to block the author too. The reason takes the focus
//! when the form opens.

use leptos::prelude::*;

use super::decision::Verdict;
use crate::text;

/// The rejection form. `on_reject` hears of the verdict once a reason is given.
#[component]
pub fn RejectForm(
    /// Whether a decision is on its way.
    busy: RwSignal<bool>,
    /// Where a missing reason is said.
    error: RwSignal<Option<String>>,
    /// The label of the choice to block the author (or authors), when blocking is possible.
    block_label: Option<String>,
    /// Called with the rejection.
    on_reject: impl Fn(Verdict) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let why = RwSignal::new(String::new());
    let block = RwSignal::new(false);
    let reason_field = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move || {
        if let Some(field) = reason_field.get() {
            _ = field.focus();
        }
    });
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let reason = why.get_untracked().trim().to_owned();
        if reason.is_empty() {
            error.set(Some(text::REASON_MISSING.to_owned()));
        } else {
            on_reject(Verdict::reject(reason, block.get_untracked()));
        }
    };
    view! {
        <form class="entry__reject" on:submit=submit>
            <label class="entry__reason">
                <span>{text::REASON}</span>
                <textarea
                    node_ref=reason_field
                    rows="2"
                    maxlength=kindred_api::moderation::REASON_MAX.to_string()
                    data-testid="reject-reason"
                    prop:value=why
                    on:input=move |event| why.set(event_target_value(&event))
                ></textarea>
            </label>
            {block_label.map(|label| view! {
                <label class="entry__block">
                    <input
                        type="checkbox"
                        data-testid="block-author"
                        prop:checked=block
                        on:change=move |event| block.set(event_target_checked(&event))
                    />
                    {label}
                </label>
            })}
            <button type="submit" class="button button--danger" disabled=busy
                data-testid="confirm-reject">
                {text::CONFIRM_REJECT}
            </button>
        </form>
    }
}
