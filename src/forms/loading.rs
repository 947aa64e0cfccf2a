//! What shows in a form's place while its schema loads, or when it could not be loaded: the
//! same for a form on its own and for a board's own form.

use kindred_api::FormSchema;
use leptos::prelude::*;

use crate::client::ClientError;
use crate::i18n::use_catalog;
use crate::ui::ErrorPanel;

/// The schema once it is here, or what stands in for the form meanwhile: a status while it
/// is on its way (`None`), an error with a way to `retry` when it could not be loaded.
pub fn loaded_form(
    schema: Option<Result<FormSchema, ClientError>>,
    retry: Callback<()>,
) -> Result<FormSchema, AnyView> {
    let t = use_catalog();
    match schema {
        Some(Ok(schema)) => Ok(schema),
        None => Err(view! {
            <p class="submit__loading" role="status" data-testid="form-loading">
                {t.form_loading()}
            </p>
        }
        .into_any()),
        Some(Err(error)) => Err(view! {
            <ErrorPanel
                message=t.form_unavailable()
                detail=t.problem(&error)
                on_retry=retry
                attr:data-testid="form-unavailable"
            />
        }
        .into_any()),
    }
}
