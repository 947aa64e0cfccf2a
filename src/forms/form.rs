//! A whole form: the brand's heading and introduction, its questions, and a send button. The
//! answers are checked when the visitor leaves a question and again on send, by the same rules
//! the server applies; the server's own field errors land in the same places. A send is
//! disabled only while it is on its way, and carries an `Idempotency-Key`, kept while the
//! answers stay the same, so a retry after a lost answer never submits twice.
//!
//! A form with page breaks shows one page at a time, with where the visitor is ("Step 2 of
//! 3"), Back, and Next, which checks that page's answers first. Every page stays in the
//! document, the others hidden, so going back and forth loses nothing; a page whose
//! questions the answers so far do not call for is skipped.

use kindred_api::{FieldErrors, FieldKind, FormSchema, Submission, SubmissionReceipt};
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::answers::FormAnswers;
use super::draft::{Draft, FormDraft};
use super::field::SchemaField;
use super::page_facts::PageFacts;
use super::steps::{first_page_with, StepProgress, Steps};
use crate::client::{ApiClient, ClientError};
use crate::i18n::{use_catalog, use_locale};
use crate::ui::{focus_first_invalid, unique_id, Honeypot, SendFailure};
use crate::visitor::random_key;

/// Something shown right after one of the form's questions.
#[derive(Clone)]
pub struct FormSlot {
    /// The name of the question it follows.
    pub after: String,
    /// What it shows.
    pub view: ViewFn,
}

/// One send of a form's checked answers, for a form that delivers them its own way.
pub struct Delivery {
    /// The checked answers; the photos chosen are in the form's [`FormAnswers`].
    pub answers: Submission,
    /// The idempotency key: the same while the answers stay the same.
    pub key: String,
    /// To call once the delivery ended: `Ok` when taken, or why it failed (field errors
    /// land on their questions).
    pub done: Callback<Result<(), ClientError>>,
}

/// A co-creation form, sending its answers to the server.
#[component]
pub fn SchemaForm(
    /// The form.
    schema: FormSchema,
    /// The answers, kept by the caller so they outlive the form for a while.
    answers: FormAnswers,
    /// Called with the server's receipt once it took the answers.
    #[prop(optional)]
    on_sent: Option<Callback<SubmissionReceipt>>,
    /// Delivers the answers instead of submitting them to the form's own endpoint.
    #[prop(optional)]
    deliver: Option<Callback<Delivery>>,
    /// Called when sending failed, before the failure is shown.
    #[prop(optional)]
    on_failed: Option<Callback<ClientError>>,
    /// Shown after one of the questions.
    #[prop(optional)]
    insert: Option<FormSlot>,
    /// A note under the introduction.
    #[prop(optional)]
    note: Option<ViewFn>,
    /// The button next to the send button, such as one that leaves the form.
    #[prop(optional)]
    secondary: Option<ViewFn>,
    /// Shown above the buttons, such as how far an upload has got.
    #[prop(optional)]
    status: Option<ViewFn>,
    /// Where the answers so far are kept as the visitor goes, and restored from.
    #[prop(optional)]
    draft: Option<FormDraft>,
) -> impl IntoView {
    let t = use_catalog();
    let client = expect_context::<ApiClient>();
    let errors = RwSignal::new(FieldErrors::new());
    let failure = RwSignal::new(None::<ClientError>);
    let sending = RwSignal::new(false);
    // The key of the last answers sent, reused while they do not change.
    let last_sent = StoredValue::new(None::<(Submission, String)>);
    let form = NodeRef::<html::Form>::new();
    let id = unique_id("form");
    let heading = format!("{id}-heading");
    // In the widget's language, where the form has the words.
    let schema = schema.localized(use_locale().tag());
    if let Some(facts) = use_context::<PageFacts>() {
        answers.fill_hidden(&schema, &facts);
    }
    let pages = schema.pages();
    let last_page = pages.len() - 1;
    let schema = StoredValue::new(schema);
    let steps = Steps::new(schema, answers, form);
    if let Some(draft) = draft.clone() {
        keep_draft(draft, schema, answers, steps.signal(), last_page);
    }

    let check_one = Callback::new(move |name: String| {
        let found = schema.with_value(|schema| schema.validate(&answers.submission(schema)));
        let codes = found.err().and_then(|mut found| found.remove(&name));
        errors.update(|errors| match codes {
            Some(codes) => _ = errors.insert(name, codes),
            None => _ = errors.remove(&name),
        });
    });
    // However the answers travelled, sending ends here.
    let sent_draft = draft.clone();
    let done = Callback::new(move |result: Result<(), ClientError>| {
        if let (Ok(()), Some(draft)) = (&result, &sent_draft) {
            draft.clear();
        }
        if let Err(error) = result {
            if let Some(on_failed) = on_failed {
                on_failed.run(error.clone());
            }
            if let ClientError::Api { fields, .. } = &error {
                if !fields.is_empty() {
                    errors.try_set(fields.clone());
                    focus_first_invalid(form);
                }
            }
            failure.try_set(Some(error));
        }
        sending.try_set(false);
    });
    let send = move |clean: Submission| {
        let key = last_sent.with_value(|last| match last {
            Some((sent, key)) if *sent == clean => key.clone(),
            _ => random_key(),
        });
        last_sent.set_value(Some((clean.clone(), key.clone())));
        sending.set(true);
        failure.set(None);
        if let Some(deliver) = deliver {
            deliver.run(Delivery {
                answers: clean,
                key,
                done,
            });
            return;
        }
        let body = answers.body(clean);
        let slug = schema.with_value(|schema| schema.slug.clone());
        let client = client.clone();
        spawn_local(async move {
            match client.submit_form(&slug, body, &key).await {
                Ok(receipt) => {
                    done.run(Ok(()));
                    // The visitor may have left the form meanwhile: then nothing more to show.
                    if let Some(on_sent) = on_sent.filter(|_| sending.try_get_untracked().is_some())
                    {
                        on_sent.run(receipt);
                    }
                }
                Err(error) => done.run(Err(error)),
            }
        });
    };
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if sending.get_untracked() {
            return;
        }
        if !steps.on_last() {
            let current = steps.signal().get_untracked();
            match schema.with_value(|s| s.validate_page(&answers.submission(s), current)) {
                Ok(()) => {
                    errors.set(FieldErrors::new());
                    steps.turn(1);
                }
                Err(found) => {
                    errors.set(found);
                    focus_first_invalid(form);
                }
            }
            return;
        }
        match schema.with_value(|schema| schema.validate(&answers.submission(schema))) {
            Ok(clean) => {
                errors.set(FieldErrors::new());
                send(clean);
            }
            Err(found) => {
                // Back to the first page with a problem, should an earlier one have any.
                if let Some(first) = schema.with_value(|schema| first_page_with(schema, &found)) {
                    steps.signal().set(first);
                }
                errors.set(found);
                focus_first_invalid(form);
            }
        }
    };
    let (title, description, submit_label, fields) = schema.with_value(|schema| {
        (
            schema.title.clone(),
            schema.description.clone(),
            schema.submit_label.clone(),
            schema.fields.clone(),
        )
    });
    let question = |index: usize, field: kindred_api::Field| {
        let after = insert
            .as_ref()
            .filter(|insert| insert.after == field.name)
            .map(|insert| insert.view.run());
        let id = format!("{id}-{index}");
        // A question with a condition shows only while earlier answers meet it.
        let question = if field.show_if.is_none() {
            view! { <SchemaField field id answers errors on_leave=check_one/> }.into_any()
        } else {
            let name = field.name.clone();
            let asked = move || schema.with_value(|schema| answers.asks(schema, &name));
            view! {
                <Show when=asked>
                    <SchemaField
                        field=field.clone()
                        id=id.clone()
                        answers
                        errors
                        on_leave=check_one
                    />
                </Show>
            }
            .into_any()
        };
        view! {
            {question}
            {after}
        }
    };
    let page_views = pages
        .into_iter()
        .enumerate()
        .map(|(number, range)| {
            let mut fields = fields[range.clone()].iter().cloned().zip(range);
            // A page after the first opens with its break, whose label titles it; the form's
            // heading titles the first.
            let title_id = format!("{id}-page-{number}");
            let labelled_by = if number == 0 {
                heading.clone()
            } else {
                title_id.clone()
            };
            let title = (number > 0)
                .then(|| fields.next())
                .flatten()
                .map(|(field, _)| {
                    view! {
                        <h4 class="schema-form__page-title" id=title_id tabindex="-1">
                            {field.label}
                        </h4>
                    }
                });
            let questions = fields
                .map(|(field, index)| question(index, field))
                .collect_view();
            view! {
                <div
                    class="schema-form__page"
                    role="group"
                    aria-labelledby=labelled_by
                    data-page=number
                    hidden=move || steps.page() != number
                >
                    {title}
                    {questions}
                </div>
            }
        })
        .collect_view();
    let progress = (last_page > 0).then(|| view! { <StepProgress steps id=format!("{id}-step")/> });
    // A hidden answer the page did not give cannot be fixed by the visitor.
    let hidden: Vec<String> = fields
        .iter()
        .filter(|field| matches!(field.kind, FieldKind::Hidden { .. }))
        .map(|field| field.name.clone())
        .collect();
    let misplaced =
        move || errors.with(|errors| hidden.iter().any(|name| errors.contains_key(name)));
    let labelled_by = heading.clone();
    view! {
        <form
            class="submit schema-form"
            part="form"
            data-testid="schema-form"
            novalidate
            aria-labelledby=labelled_by
            node_ref=form
            on:submit=submit
        >
            <h3 class="submit__heading" id=heading>{title}</h3>
            {(!description.is_empty()).then(|| view! { <p class="schema-form__intro">{description}</p> })}
            {note.map(|note| note.run())}
            {progress}
            {page_views}
            <Honeypot id=format!("{id}-website") value=answers.website/>
            {status.map(|status| status.run())}
            <Show when=misplaced>
                <p class="field__error" role="alert" data-testid="form-misplaced">
                    {t.form_misplaced()}
                </p>
            </Show>
            <SendFailure title=t.form_failed() failure testid="form-error"/>
            <div class="submit__actions">
                <Show when=move || { steps.position().0 > 0 }>
                    <button
                        type="button"
                        class="button button--quiet"
                        part="back-button"
                        data-testid="form-back"
                        on:click=move |_| steps.turn(-1)
                    >
                        {t.previous_page()}
                    </button>
                </Show>
                <button
                    type="submit"
                    class="button"
                    part="submit-button"
                    data-testid="send-form"
                    disabled=move || sending.get()
                >
                    {move || if !steps.on_last() {
                        t.next_page().to_owned()
                    } else if sending.get() {
                        t.sending_form().to_owned()
                    } else {
                        submit_label.clone().unwrap_or_else(|| t.send_form().to_owned())
                    }}
                </button>
                {secondary.map(|secondary| secondary.run())}
            </div>
        </form>
    }
}

/// Restores the answers and the page `draft` kept, then keeps them there as they change.
fn keep_draft(
    draft: FormDraft,
    schema: StoredValue<FormSchema>,
    answers: FormAnswers,
    page: RwSignal<usize>,
    last_page: usize,
) {
    if let Some(kept) = draft.load() {
        schema.with_value(|schema| {
            for (name, answer) in Draft::of(schema, &kept.answers, 0).answers {
                answers.set(&name, Some(answer));
            }
        });
        page.set(kept.page.min(last_page));
    }
    Effect::new(move || {
        answers.track();
        let at = page.get();
        schema.with_value(|schema| draft.save(&Draft::of(schema, &answers.typed(), at)));
    });
}
