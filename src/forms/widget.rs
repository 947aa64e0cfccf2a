//! A co-creation form on its own (`data-kindred="form"`): the brand's form loaded by its
//! slug, its draft kept in the browser as the visitor answers, and, once the server took the
//! answers, the success screen the form configures in place of the form.

use kindred_api::SubmissionReceipt;
use leptos::html;
use leptos::prelude::*;

use super::answers::FormAnswers;
use super::draft::FormDraft;
use super::form::SchemaForm;
use super::loading::loaded_form;
use crate::client::ApiClient;
use crate::events::{use_events, Source};
use crate::i18n::use_locale;

/// A form, by its slug.
#[component]
pub fn FormWidget(
    /// The form's slug.
    form: String,
) -> impl IntoView {
    let locale = use_locale();
    let client = expect_context::<ApiClient>();
    let events = use_events();
    let draft = FormDraft::new(client.base(), &form);
    let slug = StoredValue::new(form);
    let schema = LocalResource::new(move || {
        let client = client.clone();
        async move { client.form(&slug.get_value()).await }
    });
    let answers = FormAnswers::default();
    // What the visitor reads once the answers are taken.
    let thanks = RwSignal::new(None::<String>);
    let done = NodeRef::<html::Div>::new();
    let announced = StoredValue::new(false);
    Effect::new({
        let events = events.clone();
        move || match schema.get() {
            Some(Ok(schema)) if !announced.get_value() => {
                announced.set_value(true);
                slug.with_value(|slug| events.ready(Source::Form(slug), schema.fields.len()));
            }
            Some(Err(error)) => events.error("load", &error),
            _ => {}
        }
    });
    let failed = {
        let events = events.clone();
        Callback::new(move |error| events.error("submit", &error))
    };
    let on_sent = Callback::new(move |receipt: SubmissionReceipt| {
        slug.with_value(|slug| events.answered(slug, &receipt));
        // The form's own message in the widget's language, else the API's, else ours.
        let message = schema
            .get_untracked()
            .and_then(Result::ok)
            .and_then(|schema| schema.localized(locale.tag()).success_message)
            .or(Some(receipt.message).filter(|said| !said.trim().is_empty()))
            .unwrap_or_else(|| locale.catalog().form_received().to_owned());
        thanks.set(Some(message));
        request_animation_frame(move || {
            if let Some(done) = done.get_untracked() {
                _ = done.focus();
            }
        });
    });
    move || {
        if let Some(message) = thanks.get() {
            let title = schema
                .get_untracked()
                .and_then(Result::ok)
                .map(|schema| schema.localized(locale.tag()).title)
                .unwrap_or_default();
            return view! {
                <div
                    class="submit form-done"
                    part="form-success"
                    role="status"
                    tabindex="-1"
                    data-testid="form-success"
                    node_ref=done
                >
                    <h3 class="submit__heading">{title}</h3>
                    <p class="form-done__message">{message}</p>
                </div>
            }
            .into_any();
        }
        let retry = Callback::new(move |()| schema.refetch());
        match loaded_form(schema.get(), retry) {
            Err(placeholder) => placeholder,
            Ok(schema) => view! {
                <SchemaForm
                    schema
                    answers
                    draft=draft.clone()
                    on_sent
                    on_failed=failed
                />
            }
            .into_any(),
        }
    }
}
