//! One labelled text field of the idea form, with its hint, character count and errors tied
//! to it through `aria-describedby` and `aria-invalid`.

use kindred_api::FieldErrors;
use leptos::prelude::*;

use super::draft::{Field, FieldIssue};
use crate::i18n::use_catalog;

/// A text field bound to `value`, showing the issues `errors` lists for `field`.
#[component]
pub fn TextField(
    /// Which field this is.
    field: Field,
    /// The field's element id; its hint, count and errors take ids derived from it.
    id: String,
    /// The visible label.
    label: &'static str,
    /// A hint under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Whether the field takes several lines.
    #[prop(optional)]
    multiline: bool,
    /// Whether the field must be filled in.
    #[prop(optional)]
    required: bool,
    /// What the visitor typed.
    value: RwSignal<String>,
    /// The form's errors, the field's own among them.
    errors: RwSignal<FieldErrors>,
) -> impl IntoView {
    let t = use_catalog();
    let max = field.max_chars();
    let (hint_id, count_id, error_id) = (
        format!("{id}-hint"),
        format!("{id}-count"),
        format!("{id}-error"),
    );
    let issues = Memo::new(move |_| errors.with(|errors| FieldIssue::all_of(errors, field)));
    let invalid = move || !issues.with(Vec::is_empty);
    let described_by = {
        let ids = [hint.map(|_| hint_id.clone()), Some(count_id.clone())];
        let base: Vec<String> = ids.into_iter().flatten().collect();
        let error_id = error_id.clone();
        move || {
            let mut ids = base.clone();
            if invalid() {
                ids.push(error_id.clone());
            }
            ids.join(" ")
        }
    };
    let count = move || {
        let used = value.with(|text| text.chars().count());
        let n = |n: usize| t.number(u32::try_from(n).unwrap_or(u32::MAX));
        format!("{}/{}", n(used), n(max))
    };
    let input = if multiline {
        view! {
            <textarea
                id=id.clone()
                name=field.name()
                class="field__input field__input--multiline"
                part="field"
                rows="5"
                maxlength=max
                aria-invalid=move || invalid().then_some("true")
                aria-describedby=described_by
                bind:value=value
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                name=field.name()
                type="text"
                class="field__input"
                part="field"
                maxlength=max
                required=required
                aria-invalid=move || invalid().then_some("true")
                aria-describedby=described_by
                bind:value=value
            />
        }
        .into_any()
    };
    view! {
        <div class="field" data-field=field.name()>
            <label class="field__label" for=id>{label}</label>
            {hint.map(|hint| view! { <p class="field__hint" id=hint_id>{hint}</p> })}
            {input}
            <div class="field__foot">
                <p class="field__error" part="field-error" id=error_id>
                    {move || {
                        issues
                            .get()
                            .into_iter()
                            .map(|issue| t.field_issue(issue))
                            .collect::<Vec<_>>()
                            .join(" ")
                    }}
                </p>
                <p class="field__count" id=count_id>{count}</p>
            </div>
        </div>
    }
}
