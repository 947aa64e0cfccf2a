//! The pages of a multi-step form as the visitor moves through them: which page shows, which
//! pages the answers so far call for, where the visitor is among them ("Step 2 of 3"), and
//! going on or back with focus on the page reached, so a screen reader reads where they are.

use kindred_api::{FieldErrors, FormSchema};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::answers::FormAnswers;
use crate::i18n::use_catalog;

/// Where a visitor is in a form's pages.
#[derive(Clone, Copy)]
pub struct Steps {
    /// The page shown, counted among all the form's pages.
    page: RwSignal<usize>,
    /// The pages the answers so far call for, in order: the first always.
    shown: Memo<Vec<usize>>,
    /// The form, whose page reached takes focus.
    form: NodeRef<html::Form>,
}

impl Steps {
    /// The steps through `schema`'s pages given `answers`, in `form`, starting on the first.
    pub fn new(
        schema: StoredValue<FormSchema>,
        answers: FormAnswers,
        form: NodeRef<html::Form>,
    ) -> Self {
        let pages = schema.with_value(|schema| schema.pages().len());
        let shown = Memo::new(move |_| {
            answers.track();
            schema.with_value(|schema| {
                let so_far = answers.submission(schema);
                (0..pages)
                    .filter(|&page| page == 0 || schema.shows_page(page, &so_far))
                    .collect::<Vec<_>>()
            })
        });
        Self {
            page: RwSignal::new(0),
            shown,
            form,
        }
    }

    /// The page shown (tracked).
    pub fn page(self) -> usize {
        self.page.get()
    }

    /// The page shown, as a signal a draft keeps and restores.
    pub fn signal(self) -> RwSignal<usize> {
        self.page
    }

    /// Where the visitor is: the page shown's place among the pages shown, from 0, and how
    /// many there are (tracked).
    pub fn position(self) -> (usize, usize) {
        let at = self.page.get();
        self.shown.with(|shown| {
            let place = shown.iter().position(|&page| page == at).unwrap_or(0);
            (place, shown.len())
        })
    }

    /// Whether the visitor is on the last page the answers call for (tracked).
    pub fn on_last(self) -> bool {
        let (place, count) = self.position();
        place + 1 >= count
    }

    /// Goes `by` pages on (or back, when negative) among those shown.
    pub fn turn(self, by: isize) {
        let (place, _) = self.position();
        let next = place
            .checked_add_signed(by)
            .and_then(|place| self.shown.with(|shown| shown.get(place).copied()));
        if let Some(next) = next {
            self.open(next);
        }
    }

    /// Shows page `number`, its title taking focus (the first question's input on the first
    /// page, which the form's heading titles).
    pub fn open(self, number: usize) {
        if self.page.get_untracked() == number {
            return;
        }
        self.page.set(number);
        let form = self.form;
        request_animation_frame(move || {
            // The form may be gone by then.
            let Some(form) = form.try_get_untracked().flatten() else {
                return;
            };
            let selector = format!(
                r#"[data-page="{number}"] > h4, [data-page="{number}"] :is(input, textarea, select)"#
            );
            if let Some(target) = form
                .query_selector(&selector)
                .ok()
                .flatten()
                .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok())
            {
                _ = target.focus();
            }
        });
    }
}

/// The first page holding a field `errors` names, if any.
pub fn first_page_with(schema: &FormSchema, errors: &FieldErrors) -> Option<usize> {
    schema.pages().into_iter().position(|range| {
        schema.fields[range]
            .iter()
            .any(|field| errors.contains_key(&field.name))
    })
}

/// Where the visitor is in a form of several pages: "Step 2 of 3", announced as it changes,
/// and a bar that fills as they go.
#[component]
pub fn StepProgress(
    /// The steps.
    steps: Steps,
    /// The id of the words, which name the bar.
    id: String,
) -> impl IntoView {
    let t = use_catalog();
    let count = |number: usize| u32::try_from(number).unwrap_or(u32::MAX);
    view! {
        <div class="schema-form__progress" part="form-progress">
            <p class="schema-form__step" id=id.clone() aria-live="polite">
                {move || {
                    let (place, of) = steps.position();
                    t.form_step(count(place + 1), count(of))
                }}
            </p>
            <progress
                class="meter__bar"
                aria-labelledby=id
                max=move || steps.position().1
                value=move || steps.position().0 + 1
            ></progress>
        </div>
    }
}
