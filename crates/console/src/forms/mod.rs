//! The brand's co-creation forms: pick a site and one of its forms, edit its definition as
//! JSON with every problem named as you type, see it drawn by the real form widget, save it,
//! and export what visitors answered as CSV.

mod editor;
mod preview;
mod problems;

use kindred_api::{FormDetails, Page};
use leptos::prelude::*;

use crate::failure::LoadFailed;
use crate::session::use_session;
use crate::sites::{SiteChoice, SitePicker};
use crate::text;
use editor::FormEditor;
pub use problems::{check, refused, Problem};

/// The forms section.
#[component]
pub fn FormsSection() -> impl IntoView {
    let session = use_session();
    let choice = SiteChoice::load();
    let site = choice.site;
    let form = RwSignal::new(String::new());
    let forms = LocalResource::new(move || {
        let site = site.get();
        async move {
            let api = session.api_untracked()?;
            if site.is_empty() {
                return None;
            }
            let path = format!("/v1/moderation/sites/{site}/forms");
            Some(
                api.get::<Page<FormDetails>>(&path)
                    .await
                    .map(|page| page.items),
            )
        }
    });
    // The first form of the site, unless the one picked is still among its forms.
    Effect::new(move || {
        let slugs: Vec<String> =
            forms.with(|forms| match forms.as_ref().and_then(Option::as_ref) {
                Some(Ok(forms)) => forms.iter().map(|f| f.schema.slug.clone()).collect(),
                _ => Vec::new(),
            });
        if !form.with_untracked(|form| slugs.contains(form)) {
            form.set(slugs.first().cloned().unwrap_or_default());
        }
    });
    // What the last save said; the editor starts afresh from the saved form.
    let notice = RwSignal::new(None::<&'static str>);
    let saved = Callback::new(move |details: FormDetails| {
        form.set(details.schema.slug);
        notice.set(Some(text::FORM_SAVED));
        forms.refetch();
    });

    let picked = move || {
        let slug = form.get();
        forms.with(|forms| match forms.as_ref().and_then(Option::as_ref) {
            Some(Ok(forms)) => forms.iter().find(|f| f.schema.slug == slug).cloned(),
            _ => None,
        })
    };
    view! {
        <section class="forms" aria-labelledby="forms-heading">
            <div class="queue__top">
                <h1 id="forms-heading">{text::FORMS}</h1>
            </div>
            <div class="ideas__find">
                <SitePicker choice testid="site-picker"
                    on_change=Callback::new(move |()| notice.set(None))/>
                <label class="field field--inline">
                    <span>{text::FORM}</span>
                    <select
                        data-testid="form-picker"
                        prop:value=form
                        on:change=move |event| {
                            notice.set(None);
                            form.set(event_target_value(&event));
                        }
                    >
                        {move || match forms.get().flatten() {
                            Some(Ok(forms)) => forms.into_iter().map(|details| {
                                let label = format!(
                                    "{} · {}",
                                    details.schema.title,
                                    text::submissions(details.submission_count),
                                );
                                view! { <option value=details.schema.slug>{label}</option> }
                            }).collect_view().into_any(),
                            _ => ().into_any(),
                        }}
                    </select>
                </label>
            </div>
            <p class="hint" role="status" data-testid="form-notice">{move || notice.get()}</p>
            {move || match forms.get().flatten() {
                None => view! { <p class="hint" role="status">{text::LOADING}</p> }.into_any(),
                Some(Err(error)) => view! {
                    <LoadFailed message=error.message() retry=Callback::new(move |()| forms.refetch())/>
                }.into_any(),
                Some(Ok(found)) if found.is_empty() => view! {
                    <p class="empty" data-testid="no-forms">{text::NO_FORMS}</p>
                }.into_any(),
                Some(Ok(_)) => match picked() {
                    Some(details) => view! { <FormEditor site=site.get_untracked() details on_saved=saved/> }.into_any(),
                    None => ().into_any(),
                },
            }}
        </section>
    }
}
