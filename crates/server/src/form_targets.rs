//! Where a form submission goes, one function per [`FormTarget`].
//!
//! Every submission is stored; its target decides what else happens, in the same transaction:
//! an idea target proposes an idea on its board under the board's rules, a response target
//! does nothing more. A new target (a post on a feed, say) is a `FormTarget` variant, a
//! [`Delivery`] variant and one function here that prepares it.

use std::time::Duration;

use kindred_api::validate::FieldErrors;
use kindred_api::{Answer, CreateIdea, FormTarget, IdeaId, IdeaStatus, Submission, TargetOutcome};

use crate::announce;
use crate::error::{Error, Result};
use crate::honeypot;
use crate::identity::Identity;
use crate::state::AppState;
use crate::store::forms::{to_json, Delivery, Form, NewSubmission};
use crate::store::ideas::NewIdea;

/// Stores `answers` (already validated against the form) from `identity` and delivers them
/// to the form's target, answering the submission's id and what it became.
pub async fn submit(
    state: &AppState,
    form: &Form,
    identity: &Identity,
    answers: &Submission,
) -> Result<(i64, TargetOutcome)> {
    let answers_json = to_json(answers)?;
    let key = identity.key();
    let submission = NewSubmission {
        form_id: form.id,
        answers: &answers_json,
        identity: &key,
    };
    match &form.definition.target {
        FormTarget::Idea {
            board,
            title_field,
            body_field,
        } => {
            let fields = IdeaFields {
                title: title_field,
                body: body_field.as_deref(),
            };
            to_idea(state, form, identity, answers, &submission, board, fields).await
        }
        FormTarget::Response => {
            state
                .store
                .submit_form(&submission, &Delivery::Response)
                .await
        }
    }
}

/// What a stored submission to `target` would have become, for a submission that a filled
/// honeypot drops.
pub fn decoy(target: &FormTarget) -> TargetOutcome {
    match target {
        FormTarget::Idea { .. } => TargetOutcome::Idea {
            idea_id: IdeaId::from(honeypot::decoy_id()),
            pending_review: false,
        },
        FormTarget::Response => TargetOutcome::Response,
    }
}

/// The fields an idea's title and body come from.
#[derive(Clone, Copy)]
struct IdeaFields<'a> {
    title: &'a str,
    body: Option<&'a str>,
}

/// Proposes the submission as an idea on `board`: the board must still belong to the form's
/// site, take ideas from this identity, and the title and body must pass the idea rules
/// (reported under the form's field names).
async fn to_idea(
    state: &AppState,
    form: &Form,
    identity: &Identity,
    answers: &Submission,
    submission: &NewSubmission<'_>,
    board: &str,
    fields: IdeaFields<'_>,
) -> Result<(i64, TargetOutcome)> {
    let board = state
        .store
        .board(board)
        .await?
        .filter(|board| board.site_id == form.site_id)
        .ok_or_else(|| {
            Error::Conflict(
                "the form's board no longer exists; a moderator must fix the form".into(),
            )
        })?;
    if identity.is_anonymous() && !board.allow_anonymous_posts {
        return Err(Error::Forbidden(
            "this form proposes ideas on a board for signed-in users only".into(),
        ));
    }
    let text = |field: Option<&str>| {
        field
            .and_then(|name| answers.get(name))
            .map(Answer::to_string)
            .unwrap_or_default()
    };
    let idea = CreateIdea {
        title: text(Some(fields.title)),
        body: text(fields.body),
        ..CreateIdea::default()
    };
    idea.validate()
        .map_err(|errors| Error::Validation(renamed(errors, fields)))?;
    let pending_review = board.premoderation;
    let delivery = Delivery::Idea(NewIdea {
        board_id: board.id,
        title: &idea.title,
        body: &idea.body,
        tags: &[],
        status: IdeaStatus::Open,
        author_name: identity.author_name(&board.anonymous_author),
        author_voter: Some(submission.identity),
        author_avatar: identity.avatar(),
        pending_review,
        age: Duration::ZERO,
    });
    let submitted = state.store.submit_form(submission, &delivery).await?;
    if let (_, TargetOutcome::Idea { idea_id, .. }) = &submitted {
        let created = match idea_id.0.parse::<i64>() {
            Ok(id) => state.store.moderated_idea(id).await?,
            Err(_) => None,
        };
        if let Some(created) = created {
            announce::idea_created(state, &board, &created).await;
        }
    }
    Ok(submitted)
}

/// Idea rule errors keyed by the form fields the title and body came from.
fn renamed(errors: FieldErrors, fields: IdeaFields<'_>) -> FieldErrors {
    errors
        .into_iter()
        .map(|(key, codes)| {
            let field = match key.as_str() {
                "title" => fields.title,
                "body" => fields.body.unwrap_or("body"),
                other => other,
            };
            (field.to_owned(), codes)
        })
        .collect()
}
