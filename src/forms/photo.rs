//! A photo question: a file input limited to the types the field accepts, the chosen photo
//! described (type and size) so the shared rules check it before anything is uploaded.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use super::answers::FormAnswers;
use super::field::Question;

/// A photo picker.
#[component]
pub fn Photo(
    /// The question.
    question: Question,
    /// The media types the input offers, comma-separated.
    accept: String,
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
    let on_change = move |event: leptos::ev::Event| {
        let file = event
            .target()
            .and_then(|target| target.dyn_into::<HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        answers.choose_photo(&name, file);
        on_leave.run(());
    };
    view! {
        <input
            id=id
            name=field.name.clone()
            type="file"
            class="field__input field__input--file"
            part="field"
            accept=accept
            required=field.required
            aria-invalid=move || invalid.get().then_some("true")
            aria-describedby=described_by
            on:change=on_change
        />
    }
}
