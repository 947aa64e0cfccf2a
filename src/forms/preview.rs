//! A form as its author previews it (`preview` option): the schema handed to the widget
//! rather than loaded by its slug, shown, answered and checked exactly as visitors will see
//! it, but never sent. The console's form editor renders its live preview with it.

use kindred_api::FormSchema;
use leptos::prelude::*;

use super::answers::FormAnswers;
use super::form::{Delivery, SchemaForm};
use crate::i18n::use_catalog;

/// A previewed form: its answers are checked on send, then kept rather than sent.
#[component]
pub fn FormPreview(
    /// The form as its author wrote it.
    schema: FormSchema,
) -> impl IntoView {
    let t = use_catalog();
    let answers = FormAnswers::default();
    // Whether the last answers passed every check; any later edit may change that.
    let checked = RwSignal::new(false);
    let deliver = Callback::new(move |delivery: Delivery| {
        checked.set(true);
        delivery.done.run(Ok(()));
    });
    let note = ViewFn::from(move || {
        view! { <p class="form-preview__note" data-testid="form-preview-note">{t.form_preview()}</p> }
    });
    let status = ViewFn::from(move || {
        view! {
            <p class="form-preview__checked" role="status" data-testid="form-preview-checked">
                {move || checked.get().then(|| t.form_preview_checked())}
            </p>
        }
    });
    Effect::new(move || {
        answers.track();
        checked.set(false);
    });
    view! { <SchemaForm schema answers deliver note status/> }
}
