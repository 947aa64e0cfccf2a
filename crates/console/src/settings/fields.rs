//! The labelled fields of the settings forms, each showing beneath it what the browser's or
//! the server's checks found wrong with it, and marked invalid for assistive technology.

use kindred_api::FieldErrors;
use leptos::prelude::*;

use crate::text;

/// What `errors` says is wrong with field `key` or one of its entries (`key[2]`), if anything.
pub fn message(errors: &FieldErrors, key: &str) -> Option<String> {
    let said: Vec<&str> = errors
        .iter()
        .filter(|(field, _)| {
            field.as_str() == key
                || field
                    .strip_prefix(key)
                    .is_some_and(|rest| rest.starts_with('[') || rest.starts_with('.'))
        })
        .flat_map(|(_, codes)| codes.iter().map(|code| text::problem(code)))
        .collect();
    (!said.is_empty()).then(|| format!("{} {}", text::THIS_FIELD, said.join(" ")))
}

/// A text field (`multiline`: a text area) for `value`, its errors from `errors` at `key`.
#[component]
pub fn TextField(
    /// The field's id, unique on the page.
    id: String,
    /// Its label.
    label: &'static str,
    /// The key its errors come under.
    key: &'static str,
    /// Its value.
    value: RwSignal<String>,
    /// The form's errors.
    errors: RwSignal<FieldErrors>,
    /// A hint under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Whether it takes several lines.
    #[prop(optional)]
    multiline: bool,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = match hint {
        Some(_) => format!("{hint_id} {error_id}"),
        None => error_id.clone(),
    };
    let said = move || errors.with(|errors| message(errors, key));
    let invalid = move || said().is_some().then_some("true");
    let input = move |event| value.set(event_target_value(&event));
    let control = if multiline {
        view! {
            <textarea id=id.clone() rows="4" aria-describedby=described aria-invalid=invalid
                prop:value=value on:input=input data-key=key></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() aria-describedby=described aria-invalid=invalid
                prop:value=value on:input=input data-key=key/>
        }
        .into_any()
    };
    view! {
        <div class="setting">
            <label for=id>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id>{hint}</p> })}
            {control}
            <p class="error" id=error_id>{said}</p>
        </div>
    }
}

/// A check box for `value`.
#[component]
pub fn CheckField(
    /// Its label.
    label: &'static str,
    /// Its value.
    value: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <label class="setting setting--check">
            <input type="checkbox" prop:checked=value
                on:change=move |event| value.set(event_target_checked(&event))/>
            {label}
        </label>
    }
}

/// A count typed in a text field: blank for none, else a whole number.
pub fn count(typed: &str) -> Result<Option<u32>, ()> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    typed.parse().map(Some).map_err(|_| ())
}

/// A count as a text field shows it.
pub fn shown(count: Option<u32>) -> String {
    count.map(|count| count.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_hears_of_its_own_errors_and_its_entries() {
        let errors = FieldErrors::from([
            ("origins[1]".to_owned(), vec!["invalid_url".to_owned()]),
            ("origins_max".to_owned(), vec!["too_many".to_owned()]),
        ]);
        let said = message(&errors, "origins").unwrap();
        assert!(said.contains(text::problem("invalid_url")), "{said}");
        assert!(!said.contains(text::problem("too_many")), "{said}");
        assert_eq!(message(&errors, "name"), None);
    }

    #[test]
    fn counts_are_blank_or_whole_numbers() {
        assert_eq!(count(" "), Ok(None));
        assert_eq!(count(" 12 "), Ok(Some(12)));
        assert_eq!(count("-1"), Err(()));
        assert_eq!(count("lots"), Err(()));
        assert_eq!(shown(Some(3)), "3");
        assert_eq!(shown(None), "");
    }
}
