//! The box a comment or reply is written in. The text is checked with the same rules as on
//! the server before it is sent; refusals are explained next to the box, the text is kept
//! after any failure, and the button is disabled only while the comment is on its way.

use kindred_api::{Comment, CreateComment, ErrorCode, FieldErrors, IdeaId};
use leptos::ev::SubmitEvent;
use leptos::html::Textarea;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::client::{ApiClient, ClientError};
use crate::i18n::{use_catalog, Catalog};

/// A composer for a new comment on `idea`, or for a reply to comment `parent`.
#[component]
pub fn Composer(
    /// The idea commented on.
    idea: IdeaId,
    /// The top-level comment answered, for a reply.
    #[prop(optional, into)]
    parent: Option<String>,
    /// The label of the text box.
    label: String,
    /// The label of the button that posts.
    submit: &'static str,
    /// Called with the comment once the server accepted it.
    on_posted: Callback<Comment>,
    /// Called by a Cancel button; without it the composer has none.
    #[prop(optional)]
    on_cancel: Option<Callback<()>>,
    /// Whether the text box takes the focus when the composer appears.
    #[prop(optional)]
    autofocus: bool,
) -> impl IntoView {
    let t = use_catalog();
    let client = expect_context::<ApiClient>();
    let text = RwSignal::new(String::new());
    let sending = RwSignal::new(false);
    let problems = RwSignal::new(Vec::<String>::new());
    let field = NodeRef::<Textarea>::new();
    if autofocus {
        Effect::new(move || {
            if let Some(field) = field.get() {
                _ = field.focus();
            }
        });
    }
    let field_id = format!("comment-{}", parent.as_deref().unwrap_or("new"));
    let problems_id = format!("{field_id}-problems");
    let send = move |event: SubmitEvent| {
        event.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let comment = CreateComment {
            body: text.get_untracked(),
            parent_id: parent.clone(),
        };
        if let Err(fields) = comment.validate() {
            problems.set(field_messages(t, &fields));
            return;
        }
        problems.set(Vec::new());
        sending.set(true);
        let (client, idea) = (client.clone(), idea.clone());
        spawn_local(async move {
            let answer = client.post_comment(&idea, &comment).await;
            // The composer may have gone meanwhile (the visitor left the idea).
            if sending.try_set(false).is_some() {
                return;
            }
            match answer {
                Ok(posted) => {
                    text.set(String::new());
                    on_posted.run(posted);
                }
                Err(error) => problems.set(failure_messages(t, &error)),
            }
        });
    };
    let invalid = move || problems.with(|problems| !problems.is_empty());
    let described = problems_id.clone();
    view! {
        <form class="composer" part="composer" data-testid="composer" novalidate on:submit=send>
            <label class="composer__label" for=field_id.clone()>{label}</label>
            <textarea
                id=field_id
                class="composer__field"
                part="composer-field"
                data-testid="composer-field"
                rows="3"
                node_ref=field
                aria-invalid=move || invalid().then_some("true")
                aria-describedby=move || invalid().then(|| described.clone())
                prop:value=move || text.get()
                on:input=move |event| text.set(event_target_value(&event))
            ></textarea>
            {move || invalid().then(|| view! {
                <div
                    class="composer__problems"
                    id=problems_id.clone()
                    role="alert"
                    data-testid="composer-problems"
                >
                    {problems
                        .get()
                        .into_iter()
                        .map(|problem| view! { <p>{problem}</p> })
                        .collect_view()}
                </div>
            })}
            <div class="composer__actions">
                {on_cancel.map(|cancel| view! {
                    <button
                        type="button"
                        class="button button--quiet"
                        on:click=move |_| cancel.run(())
                    >
                        {t.cancel()}
                    </button>
                })}
                <button
                    type="submit"
                    class="button"
                    part="composer-button"
                    data-testid="composer-submit"
                    disabled=move || sending.get()
                >
                    {submit}
                </button>
            </div>
        </form>
    }
}

/// What is wrong with a comment, field by field, in words.
fn field_messages(t: &dyn Catalog, fields: &FieldErrors) -> Vec<String> {
    let mut messages: Vec<String> = fields
        .values()
        .flatten()
        .map(|code| t.comment_error(code))
        .collect();
    messages.dedup();
    messages
}

/// Why the server did not take a comment, in words.
fn failure_messages(t: &dyn Catalog, error: &ClientError) -> Vec<String> {
    match error {
        ClientError::Api { fields, .. } if !fields.is_empty() => field_messages(t, fields),
        ClientError::Api {
            code: ErrorCode::Forbidden,
            ..
        } => vec![t.comments_closed().to_owned()],
        _ => vec![t.comment_failed(error)],
    }
}

#[cfg(test)]
mod tests {
    use kindred_api::comment::NESTED_REPLY;
    use kindred_api::validate::{REQUIRED, TOO_LONG};

    use super::*;
    use crate::i18n::Locale;

    fn api(code: ErrorCode, fields: &[(&str, &str)]) -> ClientError {
        ClientError::Api {
            status: code.http_status(),
            code,
            message: String::new(),
            fields: fields
                .iter()
                .map(|(field, code)| (field.to_string(), vec![code.to_string()]))
                .collect(),
        }
    }

    #[test]
    fn refusals_are_explained_field_by_field() {
        let t = Locale::En.catalog();
        let blank = CreateComment::default().validate().unwrap_err();
        assert_eq!(field_messages(t, &blank), [t.comment_error(REQUIRED)]);
        let refused = api(
            ErrorCode::ValidationFailed,
            &[("body", TOO_LONG), ("parent_id", NESTED_REPLY)],
        );
        assert_eq!(
            failure_messages(t, &refused),
            [t.comment_error(TOO_LONG), t.comment_error(NESTED_REPLY)]
        );
    }

    #[test]
    fn a_closed_board_and_other_failures_say_why() {
        let t = Locale::En.catalog();
        assert_eq!(
            failure_messages(t, &api(ErrorCode::Forbidden, &[])),
            [t.comments_closed()]
        );
        assert_eq!(
            failure_messages(t, &ClientError::Network),
            [t.comment_failed(&ClientError::Network)]
        );
    }
}
