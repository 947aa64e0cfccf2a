//! Where an idea has been: each status change, oldest first, with its date and what the
//! brand said about it (shown as plain text).

use kindred_api::StatusChange;
use leptos::prelude::*;

use crate::i18n::{date, use_catalog, use_locale};

/// An idea's status changes; nothing when it has never moved.
#[component]
pub fn StatusHistory(
    /// The changes, oldest first.
    history: Vec<StatusChange>,
) -> impl IntoView {
    let t = use_catalog();
    let locale = use_locale();
    (!history.is_empty()).then(|| {
        let steps = history
            .into_iter()
            .map(|StatusChange { from, to, note, at }| {
                let when = date(locale, &at).map(|text| {
                    view! { <time class="history__date" datetime=at>{text}</time> }
                });
                let note = (!note.trim().is_empty())
                    .then(|| view! { <p class="history__note">{note}</p> });
                view! {
                    <li class=format!("history__step badge--{}", to.as_str())>
                        <p class="history__move">{t.status_moved(t.status(from), t.status(to))}</p>
                        {when}
                        {note}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="detail__section" data-testid="status-history">
                <h4 class="detail__subheading">{t.history_heading()}</h4>
                <ol class="history" part="history">{steps}</ol>
            </section>
        }
    })
}
