//! Questions answered by picking: one option (radio buttons, or a drop-down list for long
//! lists), several (checkboxes), a score
//! (a row of star radio buttons, each named "3 of 5", or the numbers 0 to 10 of a likelihood,
//! its ends named), or a consent (one checkbox whose label is what the visitor agrees to).
//! Native inputs, so the keyboard works as everywhere else.
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
        FieldKind::SingleChoice { options, .. } => (options.clone(), false),
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

/// A single choice shown as a drop-down list, for long lists of options; its first entry
/// stands for no answer yet.
#[component]
pub fn ChoiceSelect(
    /// The question.
    question: Question,
    /// The form's answers.
    answers: FormAnswers,
) -> impl IntoView {
    let t = use_catalog();
    let Question {
        field,
        id,
        invalid,
        described_by,
        on_leave,
    } = question;
    let options = match &field.kind {
        FieldKind::SingleChoice { options, .. } => options.clone(),
        _ => Vec::new(),
    };
    let name = field.name.clone();
    let picked = {
        let name = name.clone();
        move |value: &str| matches!(answers.get(&name), Some(Answer::Text(text)) if text == value)
    };
    let on_change = {
        let name = name.clone();
        move |event: leptos::ev::Event| {
            let value = event_target_value(&event);
            answers.set(&name, (!value.is_empty()).then_some(Answer::Text(value)));
            recheck(invalid, on_leave);
        }
    };
    view! {
        <select
            id=id
            name=name
            class="select field__input"
            part="field"
            required=field.required
            aria-invalid=move || invalid.get().then_some("true")
            aria-describedby=described_by
            on:change=on_change
            on:blur=move |_| on_leave.run(())
        >
            <option value="">{t.choose_option()}</option>
            {options
                .into_iter()
                .map(|option| {
                    let selected = {
                        let (picked, value) = (picked.clone(), option.value.clone());
                        move || picked(&value)
                    };
                    view! {
                        <option value=option.value prop:selected=selected>{option.label}</option>
                    }
                })
                .collect_view()}
        </select>
    }
}

/// How a score question is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// Stars from 1 to the best score, lit up to the one picked.
    Stars(u8),
    /// The numbers 0 to 10 of a "how likely are you to recommend" question.
    Likelihood,
}

impl Scale {
    /// The scores offered, lowest first.
    fn scores(self) -> std::ops::RangeInclusive<u32> {
        match self {
            Self::Stars(best) => 1..=u32::from(best),
            Self::Likelihood => 0..=10,
        }
    }

    /// Whether score `n` is drawn lit once `picked` is chosen: every star up to it, only the
    /// number itself.
    fn lit(self, picked: f64, n: u32) -> bool {
        match self {
            Self::Stars(_) => picked >= f64::from(n),
            Self::Likelihood => picked == f64::from(n),
        }
    }
}

/// A score question as a row of radio buttons: stars for a rating, numbers for a likelihood.
#[component]
pub fn Score(
    /// The question.
    question: Question,
    /// How it is drawn.
    scale: Scale,
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
            Some(Answer::Number(n)) => Some(n),
            _ => None,
        }
    };
    let (lowest, highest) = (*scale.scores().start(), *scale.scores().end());
    let stars = matches!(scale, Scale::Stars(_));
    view! {
        <div class="rating" class:rating--likelihood=!stars part="rating">
            {scale
                .scores()
                .map(|n| {
                    let point_id = if n == lowest { id.clone() } else { format!("{id}-{n}") };
                    let name = name.clone();
                    let lit = {
                        let score = score.clone();
                        move || score().is_some_and(|picked| scale.lit(picked, n))
                    };
                    let checked = {
                        let score = score.clone();
                        move || score() == Some(f64::from(n))
                    };
                    let glyph = if stars { "★".to_owned() } else { t.number(n) };
                    // A star says its score; a likelihood's number is its own name, its ends
                    // say what they mean.
                    let spoken = if stars {
                        Some(t.rating_value(n, highest))
                    } else if n == lowest {
                        Some(format!(", {}", t.least_likely()))
                    } else if n == highest {
                        Some(format!(", {}", t.most_likely()))
                    } else {
                        None
                    };
                    view! {
                        <label
                            class="rating__star"
                            class:rating__star--lit=lit
                            for=point_id.clone()
                        >
                            <input
                                id=point_id.clone()
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
                            <span class="rating__glyph" aria-hidden=stars.then_some("true")>{glyph}</span>
                            {spoken.map(|spoken| view! { <span class="sr-only">{spoken}</span> })}
                        </label>
                    }
                })
                .collect_view()}
            {(!stars).then(|| view! {
                <p class="rating__ends" aria-hidden="true">
                    <span>{t.least_likely()}</span>
                    <span>{t.most_likely()}</span>
                </p>
            })}
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
