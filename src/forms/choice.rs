//! Questions answered by picking: one option (radio buttons), several (checkboxes), a score
//! (a row of star radio buttons, each named "3 of 5"), or a consent (one checkbox whose label
//! is what the visitor agrees to). Native inputs, so the keyboard works as everywhere else.
//! Choices and ratings are checked when focus leaves their group (see [`super::field`]), not
//! as it moves from one box to the next.

use kindred_api::{Answer, FieldKind};
use leptos::prelude::*;

use super::answers::{toggled, FormAnswers};
use super::field::Question;
use crate::i18n::use_catalog;

/// The options of a single or multiple choice.
#[component]
pub fn Choices(
    /// The question.
    question: Question,
    /// The form's answers.
    answers: FormAnswers,
) -> impl IntoView {
    let Question {
        field,
        id,
        invalid,
        on_leave,
        ..
    } = question;
    let (options, multiple) = match &field.kind {
        FieldKind::SingleChoice { options } => (options.clone(), false),
        FieldKind::MultipleChoice { options, .. } => (options.clone(), true),
        _ => (Vec::new(), false),
    };
    let values: Vec<String> = options.iter().map(|option| option.value.clone()).collect();
    let name = field.name.clone();
    let picked = {
        let name = name.clone();
        move |value: &str| match answers.get(&name) {
            Some(Answer::Text(text)) => text == value,
            Some(Answer::List(list)) => list.iter().any(|v| v == value),
            _ => false,
        }
    };
    let on_change = {
        let name = name.clone();
        move |value: String, on: bool| {
            let answer = if multiple {
                let current = match answers.get(&name) {
                    Some(Answer::List(list)) => list,
                    _ => Vec::new(),
                };
                let list = toggled(&current, &value, on, &values);
                (!list.is_empty()).then_some(Answer::List(list))
            } else {
                Some(Answer::Text(value))
            };
            answers.set(&name, answer);
        }
    };
    let kind = if multiple { "checkbox" } else { "radio" };
    view! {
        <div class="choices" role="none">
            {options
                .into_iter()
                .enumerate()
                .map(|(index, option)| {
                    let option_id = if index == 0 { id.clone() } else { format!("{id}-{index}") };
                    let value = option.value.clone();
                    let checked = {
                        let (picked, value) = (picked.clone(), value.clone());
                        move || picked(&value)
                    };
                    let on_change = on_change.clone();
                    view! {
                        <label class="choice" for=option_id.clone()>
                            <input
                                id=option_id.clone()
                                type=kind
                                name=name.clone()
                                value=value.clone()
                                class="choice__input"
                                aria-invalid=move || invalid.get().then_some("true")
                                prop:checked=checked
                                on:change=move |event| {
                                    on_change(value.clone(), event_target_checked(&event));
                                    recheck(invalid, on_leave);
                                }
                            />
                            <span class="choice__label">{option.label}</span>
                        </label>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// A score from 1 to `best`, as radio buttons drawn as stars.
#[component]
pub fn Rating(
    /// The question.
    question: Question,
    /// The best score.
    best: u8,
    /// The form's answers.
    answers: FormAnswers,
) -> impl IntoView {
    let t = use_catalog();
    let Question {
        field,
        id,
        invalid,
        on_leave,
        ..
    } = question;
    let name = field.name.clone();
    let score = {
        let name = name.clone();
        move || match answers.get(&name) {
            Some(Answer::Number(n)) => n,
            _ => 0.0,
        }
    };
    view! {
        <div class="rating" part="rating">
            {(1..=u32::from(best))
                .map(|n| {
                    let star_id = if n == 1 { id.clone() } else { format!("{id}-{n}") };
                    let name = name.clone();
                    let lit = {
                        let score = score.clone();
                        move || score() >= f64::from(n)
                    };
                    let checked = {
                        let score = score.clone();
                        move || score() == f64::from(n)
                    };
                    view! {
                        <label
                            class="rating__star"
                            class:rating__star--lit=lit
                            for=star_id.clone()
                        >
                            <input
                                id=star_id.clone()
                                type="radio"
                                name=name.clone()
                                value=n
                                class="rating__input"
                                aria-invalid=move || invalid.get().then_some("true")
                                prop:checked=checked
                                on:change=move |_| {
                                    answers.set(&name, Some(Answer::Number(f64::from(n))));
                                    recheck(invalid, on_leave);
                                }
                            />
                            <span class="sr-only">{t.rating_value(n, u32::from(best))}</span>
                            <span class="rating__glyph" aria-hidden="true">"★"</span>
                        </label>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// A checkbox agreeing to `text`.
#[component]
pub fn Consent(
    /// The question.
    question: Question,
    /// What the visitor agrees to.
    text: String,
    /// The form's answers.
    answers: FormAnswers,
) -> impl IntoView {
    let Question {
        field,
        id,
        invalid,
        described_by,
        on_leave,
    } = question;
    let name = field.name.clone();
    let checked = {
        let name = name.clone();
        move || matches!(answers.get(&name), Some(Answer::Bool(true)))
    };
    view! {
        <label class="choice choice--consent" for=id.clone()>
            <input
                id=id.clone()
                type="checkbox"
                name=name.clone()
                class="choice__input"
                required=field.required
                aria-invalid=move || invalid.get().then_some("true")
                aria-describedby=described_by
                prop:checked=checked
                on:change=move |event| {
                    let on = event_target_checked(&event);
                    answers.set(&name, on.then_some(Answer::Bool(true)));
                    recheck(invalid, on_leave);
                }
                on:blur=move |_| on_leave.run(())
            />
            <span class="choice__label">{text}</span>
        </label>
    }
}

/// Checks a question again once the visitor changes an answer it showed errors for.
fn recheck(invalid: Signal<bool>, check: Callback<()>) {
    if invalid.get_untracked() {
        check.run(());
    }
}
