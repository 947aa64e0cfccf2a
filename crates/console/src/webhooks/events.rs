//! Choosing a webhook's events: one checkbox per event a webhook can be sent, in one labelled
//! group that says what is wrong with the choice.

use kindred_api::WebhookEvent;
use leptos::prelude::*;

use crate::text;

/// The events' checkboxes, bound to `chosen`.
#[component]
pub fn EventChoices(
    /// The events ticked, in [`WebhookEvent::ALL`]'s order.
    chosen: RwSignal<Vec<WebhookEvent>>,
    /// Makes the group's ids unique on the page.
    id: String,
    /// What is wrong with the choice, if anything.
    #[prop(into)]
    problem: Signal<Option<String>>,
    /// Called on every change.
    on_change: Callback<()>,
) -> impl IntoView {
    let problem_id = format!("{id}-events-problem");
    let described_by = problem_id.clone();
    view! {
        <fieldset class="webhook-events" data-testid="webhook-events" aria-describedby=described_by>
            <legend>{text::WEBHOOK_EVENTS}</legend>
            {WebhookEvent::ALL.into_iter().map(|event| view! {
                <label class="webhook-events__choice">
                    <input
                        type="checkbox"
                        value=event.as_str()
                        prop:checked=move || chosen.with(|chosen| chosen.contains(&event))
                        on:change=move |change| {
                            chosen.update(|chosen| *chosen = toggled(chosen, event, event_target_checked(&change)));
                            on_change.run(());
                        }
                    />
                    <span>{text::event(event)}</span>
                    <code>{event.as_str()}</code>
                </label>
            }).collect_view()}
            <p class="error" id=problem_id data-testid="events-problem">{move || problem.get()}</p>
        </fieldset>
    }
}

/// `chosen` with `event` ticked or not, in [`WebhookEvent::ALL`]'s order.
fn toggled(chosen: &[WebhookEvent], event: WebhookEvent, ticked: bool) -> Vec<WebhookEvent> {
    WebhookEvent::ALL
        .into_iter()
        .filter(|each| {
            if *each == event {
                ticked
            } else {
                chosen.contains(each)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticking_keeps_the_documented_order_and_no_repeats() {
        let chosen = toggled(
            &[WebhookEvent::PostCreated],
            WebhookEvent::IdeaCreated,
            true,
        );
        assert_eq!(
            chosen,
            [WebhookEvent::IdeaCreated, WebhookEvent::PostCreated]
        );
        assert_eq!(
            toggled(&chosen, WebhookEvent::IdeaCreated, true),
            chosen,
            "ticked twice, listed once"
        );
        assert_eq!(
            toggled(&chosen, WebhookEvent::PostCreated, false),
            [WebhookEvent::IdeaCreated]
        );
    }
}
