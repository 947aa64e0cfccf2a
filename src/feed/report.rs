//! Reporting a post from the lightbox: a reason from a short list and an optional note for
//! the moderators, sent once. The visitor is thanked and the post is hidden for them; the
//! server stops listing it to them as well, so it stays hidden on their next visit.

use kindred_api::feed::limits::REPORT_NOTE_MAX;
use kindred_api::{CreateReport, PostId, ReportReason};
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::client::{ApiClient, ClientError};
use crate::events::use_events;
use crate::i18n::use_catalog;
use crate::ui::unique_id;

/// Where the report of one post stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    /// Only the button that opens the form.
    Closed,
    /// The form, open.
    Open,
    /// Sent: the thanks.
    Sent,
}

/// The report button of post `id`, its form and its thanks.
#[component]
pub fn ReportPost(
    /// The post.
    id: PostId,
    /// Called once the report is recorded, to hide the post.
    on_reported: Callback<PostId>,
) -> impl IntoView {
    let t = use_catalog();
    let client = expect_context::<ApiClient>();
    let events = use_events();
    let stage = RwSignal::new(Stage::Closed);
    let reason = RwSignal::new(None::<ReportReason>);
    let note = RwSignal::new(String::new());
    let sending = RwSignal::new(false);
    let failure = RwSignal::new(None::<ClientError>);
    let unchosen = RwSignal::new(false);
    let opener = NodeRef::<html::Button>::new();
    let legend = NodeRef::<html::Legend>::new();
    let thanks = NodeRef::<html::P>::new();
    let form_id = unique_id("report");

    // Focus follows the stage: into the form when it opens, back to its button when it
    // closes unsent, onto the thanks once sent.
    Effect::new(move |previous: Option<Stage>| {
        let now = stage.get();
        if previous.is_some_and(|previous| previous != now) {
            request_animation_frame(move || {
                _ = match now {
                    Stage::Open => legend.get_untracked().map(|legend| legend.focus()),
                    Stage::Closed => opener.get_untracked().map(|button| button.focus()),
                    Stage::Sent => thanks.get_untracked().map(|thanks| thanks.focus()),
                };
            });
        }
        now
    });

    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let Some(reason) = reason.get_untracked() else {
            unchosen.set(true);
            return;
        };
        let report = CreateReport {
            reason,
            note: note.get_untracked().trim().to_owned(),
        };
        sending.set(true);
        failure.set(None);
        let (client, events, id) = (client.clone(), events.clone(), id.clone());
        spawn_local(async move {
            let answer = client.report(&id, &report).await;
            sending.try_set(false);
            match answer {
                Ok(_) => {
                    stage.try_set(Stage::Sent);
                    on_reported.run(id);
                }
                Err(error) => {
                    events.error("report", &error);
                    failure.try_set(Some(error));
                }
            }
        });
    };
    let choose = move |chosen: ReportReason| {
        reason.set(Some(chosen));
        unchosen.set(false);
    };
    let reasons = {
        let form_id = form_id.clone();
        move || {
            ReportReason::ALL
                .into_iter()
                .map(|choice| {
                    let input_id = format!("{form_id}-{}", choice.as_str());
                    view! {
                        <label class="choice" for=input_id.clone()>
                            <input
                                id=input_id.clone()
                                class="choice__input"
                                type="radio"
                                name=format!("{form_id}-reason")
                                value=choice.as_str()
                                data-testid="report-reason"
                                prop:checked=move || reason.get() == Some(choice)
                                on:change=move |_| choose(choice)
                            />
                            <span>{t.report_reason(choice)}</span>
                        </label>
                    }
                })
                .collect_view()
        }
    };
    let note_id = format!("{form_id}-note");
    let error_id = format!("{form_id}-error");
    let legend_id = format!("{form_id}-question");
    view! {
        <div class="report" part="report">
            {move || match stage.get() {
                Stage::Closed => view! {
                    <button
                        type="button"
                        class="report__open"
                        part="report-button"
                        data-testid="report-post"
                        node_ref=opener
                        on:click=move |_| stage.set(Stage::Open)
                    >
                        {t.report_post()}
                    </button>
                }.into_any(),
                Stage::Open => view! {
                    <form class="report__form" data-testid="report-form" novalidate on:submit=submit.clone()>
                        <fieldset
                            class="field field--group"
                            role="radiogroup"
                            aria-labelledby=legend_id.clone()
                            aria-required="true"
                            aria-invalid=move || unchosen.get().then_some("true")
                            aria-describedby={
                                let error_id = error_id.clone();
                                move || unchosen.get().then(|| error_id.clone())
                            }
                        >
                            <legend class="field__label" id=legend_id.clone() tabindex="-1" node_ref=legend>
                                {t.report_question()}
                            </legend>
                            <div class="choices">{reasons.clone()}</div>
                            {
                                let error_id = error_id.clone();
                                move || unchosen.get().then(|| view! {
                                <p class="field__error" id=error_id.clone() data-testid="report-reason-needed">
                                    {t.report_reason_needed()}
                                </p>
                            })}
                        </fieldset>
                        <div class="field">
                            <label class="field__label" for=note_id.clone()>{t.report_note()}</label>
                            <textarea
                                id=note_id.clone()
                                class="field__input field__input--multiline"
                                rows="2"
                                maxlength=REPORT_NOTE_MAX
                                data-testid="report-note"
                                bind:value=note
                            ></textarea>
                        </div>
                        {move || failure.get().map(|error| view! {
                            <p class="report__failure" role="alert" data-testid="report-failed">
                                {t.report_failed(&error)}
                            </p>
                        })}
                        <div class="submit__actions">
                            <button type="submit" class="button" data-testid="send-report" disabled=move || sending.get()>
                                {move || if sending.get() { t.sending_report() } else { t.send_report() }}
                            </button>
                            <button type="button" class="button button--quiet" data-testid="cancel-report" on:click=move |_| stage.set(Stage::Closed)>
                                {t.cancel_report()}
                            </button>
                        </div>
                    </form>
                }.into_any(),
                Stage::Sent => view! {
                    <p class="report__sent" role="status" tabindex="-1" data-testid="report-sent" node_ref=thanks>
                        {t.report_sent()}
                    </p>
                }.into_any(),
            }}
        </div>
    }
}
