//! One form's definition as JSON: checked on every keystroke by the form rules, previewed by
//! the form widget a moment after typing stops, saved to the server, which checks it again
//! (and also that its target exists on the site).

use std::time::Duration;

use kindred_api::{FormDefinition, FormDetails};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::preview::WidgetPreview;
use super::problems::{check, refused, Problem};
use crate::download::CsvButton;
use crate::session::use_session;
use crate::text;

/// How long typing must pause before the preview follows.
const PREVIEW_PAUSE: Duration = Duration::from_millis(300);

/// The editor of a form as saved in `details`, on `site`.
#[component]
pub fn FormEditor(
    /// The site's slug.
    site: String,
    /// The form as the server keeps it.
    details: FormDetails,
    /// Called with the form the server saved.
    on_saved: Callback<FormDetails>,
) -> impl IntoView {
    let session = use_session();
    let slug = StoredValue::new(details.schema.slug.clone());
    let saved_text = StoredValue::new(pretty(&details));
    // What the field shows when (re)loaded; typing changes `typed` only, so the caret stays.
    let loaded = RwSignal::new(saved_text.get_value());
    let typed = RwSignal::new(saved_text.get_value());
    let checked = Memo::new(move |_| typed.with(|text| check(text)));
    // What the server refused in the last save, until the next edit.
    let refusal = RwSignal::new(Vec::<Problem>::new());
    let failure = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let problems = move || {
        let mut found = checked.with(|checked| checked.as_ref().err().cloned().unwrap_or_default());
        found.extend(refusal.get());
        found
    };
    let previewed = RwSignal::new(serde_json::to_string(&details.schema).ok());
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move || {
        let Ok(definition) = checked.get() else {
            return;
        };
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let json = serde_json::to_string(&definition.schema).ok();
        let handle = set_timeout_with_handle(move || previewed.set(json), PREVIEW_PAUSE).ok();
        pending.set_value(handle);
    });
    on_cleanup(move || {
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
    });
    let edit = move |event: leptos::ev::Event| {
        typed.set(event_target_value(&event));
        refusal.set(Vec::new());
        failure.set(None);
    };
    let revert = move |_| {
        typed.set(saved_text.get_value());
        loaded.set(saved_text.get_value());
        refusal.set(Vec::new());
        failure.set(None);
    };
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (Some(api), Ok(definition)) = (session.api_untracked(), checked.get_untracked()) else {
            return;
        };
        let path = format!("/v1/moderation/forms/{}", slug.get_value());
        busy.set(true);
        spawn_local(async move {
            match api.put::<_, FormDetails>(&path, &definition).await {
                Ok(details) => on_saved.run(details),
                Err(error) if error.is_unauthorized() => session.sign_out(),
                Err(error) => {
                    match error.fields().filter(|fields| !fields.is_empty()) {
                        Some(fields) => _ = refusal.try_set(refused(fields)),
                        None => _ = failure.try_set(Some(error.message())),
                    }
                    busy.try_set(false);
                }
            }
        });
    };
    let invalid = move || checked.with(Result::is_err) || !refusal.with(Vec::is_empty);
    let unchanged = move || typed.with(|typed| saved_text.with_value(|saved| typed == saved));
    view! {
        <div class="form-editor">
            <form class="form-editor__edit" on:submit=save data-testid="form-editor">
                <label for="form-definition" class="form-editor__label">{text::DEFINITION}</label>
                <p class="hint" id="form-definition-hint">{text::DEFINITION_HINT}</p>
                <textarea
                    id="form-definition"
                    class="form-editor__json"
                    data-testid="form-definition"
                    spellcheck="false"
                    autocomplete="off"
                    rows="24"
                    aria-describedby="form-definition-hint form-problems"
                    aria-invalid=move || invalid().then_some("true")
                    prop:value=loaded
                    on:input=edit
                ></textarea>
                <div class="form-editor__problems" id="form-problems" aria-live="polite" data-testid="form-problems">
                    {move || {
                        let found = problems();
                        if found.is_empty() {
                            return view! { <p class="hint" data-testid="no-problems">{text::NO_PROBLEMS}</p> }.into_any();
                        }
                        view! {
                            <h2 class="form-editor__heading">{text::PROBLEMS}</h2>
                            <ul class="form-editor__list">
                                {found.into_iter().map(|problem| view! {
                                    <li data-testid="form-problem">
                                        {(!problem.path.is_empty()).then(|| view! { <code>{problem.path}</code> " " })}
                                        {problem.message}
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </div>
                <p class="error" role="alert">{move || failure.get()}</p>
                <div class="form-editor__actions">
                    <button
                        type="submit"
                        class="button button--primary"
                        data-testid="save-form"
                        disabled=move || busy.get() || invalid() || unchanged()
                    >
                        {move || if busy.get() { text::SAVING } else { text::SAVE_FORM }}
                    </button>
                    <button type="button" class="button" on:click=revert disabled=unchanged>
                        {text::REVERT}
                    </button>
                    <CsvButton
                        path=format!("/v1/moderation/forms/{}/submissions.csv", slug.get_value())
                        name=format!("{}-submissions.csv", slug.get_value())
                        label=text::EXPORT_CSV
                    />
                </div>
            </form>
            <section class="form-editor__preview" aria-labelledby="form-preview-heading">
                <h2 id="form-preview-heading" class="form-editor__heading">{text::PREVIEW}</h2>
                <p class="hint">
                    {text::PREVIEW_HINT}
                    {move || checked.with(Result::is_err).then(|| format!(" {}", text::PREVIEW_STALE))}
                </p>
                <WidgetPreview site schema=previewed/>
            </section>
        </div>
    }
}

/// A definition as the editor shows it: indented JSON of the schema and target.
fn pretty(details: &FormDetails) -> String {
    let definition = FormDefinition {
        schema: details.schema.clone(),
        target: details.target.clone(),
        open: details.open,
    };
    serde_json::to_string_pretty(&definition).unwrap_or_default()
}
