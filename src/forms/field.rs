//! One question of a form: its label, help and errors tied to its input through
//! `aria-describedby` and `aria-invalid`, and the input its kind takes. Questions answered
//! by picking (choices, ratings) are a `fieldset` whose `legend` is the label.

use kindred_api::{Answer, ChoiceDisplay, Field, FieldErrors, FieldKind, TextFormat};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Node;

use super::answers::FormAnswers;
use super::choice::{ChoiceSelect, Choices, Consent, Scale, Score};
use super::issue::FormIssue;
use super::photo::Photo;
use crate::i18n::use_catalog;
use crate::markdown::Markdown;

/// The ids and state one question's parts share.
#[derive(Clone)]
pub struct Question {
    /// The question.
    pub field: Field,
    /// The input's id (the first option's, for a group); the help and error ids derive from it.
    pub id: String,
    /// Whether the question has errors to show (tracked).
    pub invalid: Signal<bool>,
    /// The ids of the help and of the errors while there are some (tracked).
    pub described_by: Signal<String>,
    /// Called when the visitor leaves the question, to check it.
    pub on_leave: Callback<()>,
}

/// A question bound to its answer in `answers`, showing the codes `errors` lists for it.
#[component]
pub fn SchemaField(
    /// The question.
    field: Field,
    /// The id of the question's input; the ids of its parts derive from it.
    id: String,
    /// The form's answers.
    answers: FormAnswers,
    /// The form's errors, by field name.
    errors: RwSignal<FieldErrors>,
    /// Called with the field's name when the visitor leaves it.
    on_leave: Callback<String>,
) -> impl IntoView {
    let t = use_catalog();
    let (help_id, error_id) = (format!("{id}-help"), format!("{id}-error"));
    let name = field.name.clone();
    let issues = Memo::new({
        let field = field.clone();
        move |_| {
            errors.with(|errors| {
                errors
                    .get(&field.name)
                    .map(|codes| {
                        codes
                            .iter()
                            .map(|code| FormIssue::of(&field, code))
                            .collect()
                    })
                    .unwrap_or_else(Vec::<FormIssue>::new)
            })
        }
    });
    let invalid = Signal::derive(move || issues.with(|issues| !issues.is_empty()));
    let has_help = !field.help.is_empty();
    let described_by = Signal::derive({
        let (help_id, error_id) = (help_id.clone(), error_id.clone());
        move || {
            let ids = [
                has_help.then(|| help_id.clone()),
                invalid.get().then(|| error_id.clone()),
            ];
            ids.into_iter().flatten().collect::<Vec<_>>().join(" ")
        }
    });
    let question = Question {
        field: field.clone(),
        id: id.clone(),
        invalid,
        described_by,
        on_leave: Callback::new(move |()| on_leave.run(name.clone())),
    };
    let optional = (!field.required).then(|| {
        view! { <span class="field__optional">{format!(" {}", t.optional())}</span> }
    });
    let label = field.label.clone();
    let help = has_help.then(|| {
        view! { <p class="field__hint" id=help_id>{field.help.clone()}</p> }
    });
    let error = view! {
        <p class="field__error" part="field-error" id=error_id>
            {move || {
                issues
                    .get()
                    .into_iter()
                    .map(|issue| t.form_issue(issue))
                    .collect::<Vec<_>>()
                    .join(" ")
            }}
        </p>
    };
    let name = field.name.clone();
    match &field.kind {
        FieldKind::SingleChoice {
            display: ChoiceDisplay::Radio,
            ..
        }
        | FieldKind::MultipleChoice { .. }
        | FieldKind::Rating { .. }
        | FieldKind::Nps => {
            let input = match &field.kind {
                FieldKind::Rating { max } => {
                    let scale = Scale::Stars(*max);
                    view! { <Score question=question.clone() scale answers/> }.into_any()
                }
                FieldKind::Nps => {
                    let scale = Scale::Likelihood;
                    view! { <Score question=question.clone() scale answers/> }.into_any()
                }
                _ => view! { <Choices question=question.clone() answers/> }.into_any(),
            };
            // Checked once focus leaves the group, not as it moves between its boxes.
            let on_leave = question.on_leave;
            let leave_group = move |event: web_sys::FocusEvent| {
                let group = event
                    .current_target()
                    .and_then(|t| t.dyn_into::<Node>().ok());
                let next = event
                    .related_target()
                    .and_then(|t| t.dyn_into::<Node>().ok());
                if !group.is_some_and(|group| group.contains(next.as_ref())) {
                    on_leave.run(());
                }
            };
            view! {
                <fieldset
                    class="field field--group"
                    data-field=name
                    aria-describedby=described_by
                    on:focusout=leave_group
                >
                    <legend class="field__label">{label}{optional}</legend>
                    {help}
                    {input}
                    {error}
                </fieldset>
            }
            .into_any()
        }
        FieldKind::Description { text } => view! {
            <div class="field field--description" data-field=name>
                <p class="field__label">{label}</p>
                <Markdown text=text.clone()/>
            </div>
        }
        .into_any(),
        // Answered from the page, never seen; a page break titles the page it opens.
        FieldKind::Hidden { .. } | FieldKind::PageBreak => ().into_any(),
        FieldKind::Consent { text } => view! {
            <div class="field field--consent" data-field=name>
                <Consent question=question.clone() text=text.clone() answers/>
                {help}
                {error}
            </div>
        }
        .into_any(),
        kind => {
            let input = match kind {
                FieldKind::SingleChoice { .. } => {
                    view! { <ChoiceSelect question=question.clone() answers/> }.into_any()
                }
                FieldKind::Image { accept, .. } => {
                    view! { <Photo question=question.clone() accept=accept.join(",") answers/> }
                        .into_any()
                }
                _ => text_input(&question, answers),
            };
            view! {
                <div class="field" data-field=name>
                    <label class="field__label" for=id>{label}{optional}</label>
                    {help}
                    {input}
                    {error}
                </div>
            }
            .into_any()
        }
    }
}

/// The text input of a short or long text, an email, a web address, a date or a number
/// question.
fn text_input(question: &Question, answers: FormAnswers) -> AnyView {
    let Question {
        field,
        id,
        invalid,
        described_by,
        on_leave,
    } = question.clone();
    let name = field.name.clone();
    let value = {
        let name = name.clone();
        move || answers.text(&name)
    };
    let on_input = {
        let name = name.clone();
        move |event: leptos::ev::Event| {
            let text = event_target_value(&event);
            answers.set(&name, (!text.is_empty()).then_some(Answer::Text(text)));
            // A question showing errors is checked again as it is corrected.
            if invalid.get_untracked() {
                on_leave.run(());
            }
        }
    };
    let invalid = move || invalid.get().then_some("true");
    let leave = move |_| on_leave.run(());
    match &field.kind {
        FieldKind::LongText { max_len, .. } => view! {
            <textarea
                id=id
                name=name
                class="field__input field__input--multiline"
                part="field"
                rows="5"
                maxlength=*max_len
                required=field.required
                aria-invalid=invalid
                aria-describedby=described_by
                prop:value=value
                on:input=on_input
                on:blur=leave
            ></textarea>
        }
        .into_any(),
        kind => {
            let (kind_attr, inputmode, autocomplete, placeholder) = match kind {
                FieldKind::Email => ("email", None, Some("email"), None),
                FieldKind::Url => ("url", Some("url"), Some("url"), None),
                FieldKind::Date { .. } => ("date", None, None, None),
                FieldKind::Number { .. } => ("text", Some("decimal"), None, None),
                FieldKind::ShortText {
                    placeholder,
                    format,
                    ..
                } => {
                    let (kind, inputmode, autocomplete) = match format {
                        Some(TextFormat::Phone) => ("tel", None, Some("tel")),
                        Some(TextFormat::Digits) => ("text", Some("numeric"), None),
                        Some(TextFormat::PostalCode) => ("text", None, Some("postal-code")),
                        _ => ("text", None, None),
                    };
                    (kind, inputmode, autocomplete, placeholder.clone())
                }
                _ => ("text", None, None, None),
            };
            let maxlength = kind.max_chars();
            // A date input's own picker keeps to the field's days.
            let (min, max) = match kind {
                FieldKind::Date { min, max } => (min.clone(), max.clone()),
                _ => (None, None),
            };
            view! {
                <input
                    id=id
                    name=name
                    type=kind_attr
                    class="field__input"
                    part="field"
                    inputmode=inputmode
                    autocomplete=autocomplete
                    maxlength=maxlength
                    placeholder=placeholder
                    min=min
                    max=max
                    required=field.required
                    aria-invalid=invalid
                    aria-describedby=described_by
                    prop:value=value
                    on:input=on_input
                    on:blur=leave
                />
            }
            .into_any()
        }
    }
}
